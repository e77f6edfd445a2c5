"""Every file `generate` puts into `docs/`, from the episodes read out of `seeds/`.

Collect first, then render: anchors are checked for every episode before a
single file is produced, so a failing check writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from .anchor_map import anchor_map_files, episode_anchors
from .errors import InputError
from .anchor_registry import Registry, check, read_registry
from .model import Episode
from .render import render_site
from .settings import site_hosts


def generated_files(root: Path, episodes: Sequence[Episode]) -> tuple[dict[str, str], dict[str, Registry]]:
    """(path under docs/ → text, the anchor registry of each episode by slug)."""
    for episode in episodes:
        _check_unique_anchors(episode)
    # Anchors readers may have linked to must survive: check every episode before rendering.
    registries = {episode.slug: read_registry(root, episode) for episode in episodes}
    retired = {episode.slug: check(registries[episode.slug], episode) for episode in episodes}
    return {**render_site(episodes, site_url=site_url(root), hosts=site_hosts(root / "seeds", root)), **anchor_map_files(episodes, retired)}, registries


def _check_unique_anchors(episode: Episode) -> None:
    """Two speakers whose names slug alike (`Speaker` turn 1, paragraph 13 and `Speaker 1` turn 13) would share an anchor."""
    seen: dict[str, str] = {}
    for anchor, _, text in episode_anchors(episode):
        if anchor in seen:
            raise InputError(episode.seed_files[0], None,
                             f"two passages would share the anchor #{anchor} (“{seen[anchor][:40]}…” and “{text[:40]}…”)",
                             "Speaker names must not slug alike: list a distinct spelling under `speakers:`, "
                             "or open an issue, since anchors are permanent.")
        seen[anchor] = text


def site_url(root: Path) -> str | None:
    """`site_url` from mkdocs.yml, for absolute links in the JSON chapters; tags like `!ENV` are skipped."""
    loader = type("_Loader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
    loader.add_multi_constructor("!", lambda *_: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError):
        return None
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value else None

