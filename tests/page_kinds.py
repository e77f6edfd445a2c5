"""One address for each kind of page a built site has, read from the project's seeds (not written down per episode).

Used by the layout and accessibility tests and by scripts/screenshots.py.
"""

from __future__ import annotations

from pathlib import Path


def page_kinds(root: Path) -> dict[str, str]:
    """Kind → path on the site, for the first episode of the project at `root`."""
    from episode_site.load import load_episodes

    episode = load_episodes(root / "seeds", root)[0]
    base = f"/{episode.slug}/"
    with_text = [c for c in episode.chapters if c.start is not None]
    kinds = {"episode": base}
    if with_text:
        kinds["chapter"] = f"{base}{max(with_text, key=lambda c: c.words).slug}/"
    without = [c for c in episode.chapters if c.start is None]
    if without:
        kinds["chapter-notes-only"] = f"{base}{without[0].slug}/"
    if episode.topics:
        kinds["topics"] = f"{base}topics/"
    kinds["speakers"] = f"{base}speakers/"
    kinds["not-found"] = "/404.html"
    return kinds
