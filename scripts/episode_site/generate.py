"""Every file `generate` puts into `docs/`, from the episodes read out of `seeds/`.

Collect first, then render: anchors are checked for every episode before a
single file is produced, so a failing check writes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import yaml

from episode_site.errors import InputError
from episode_site.model.episode import Episode
from episode_site.pages.render import render_site
from episode_site.promises.anchor_map import MAP_NAME, anchor_map_files, episode_anchors
from episode_site.promises.registry import Registry, check, read_registry
from episode_site.promises.slug_moves import check_no_clash, check_slug, redirect_files
from episode_site.renderers.site_config import CONFIG_FILE, generated_config
from episode_site.sources.site_settings import site_hosts


def generated_files(root: Path, episodes: Sequence[Episode]) -> tuple[dict[str, str], dict[str, Registry]]:
    """(path under docs/ → text, the anchor registry of each episode by slug)."""
    for episode in episodes:
        _check_unique_anchors(episode)
    # Anchors readers may have linked to must survive: check every episode before rendering.
    registries = {episode.slug: read_registry(root, episode) for episode in episodes}
    retired = {episode.slug: check(registries[episode.slug], episode) for episode in episodes}
    moved = {episode.slug: check_slug(registries[episode.slug], episode) for episode in episodes}
    check_no_clash(episodes, moved, registries)
    maps = anchor_map_files(episodes, retired)
    redirects = {path: text for episode in episodes for path, text in redirect_files(episode, moved[episode.slug]).items()}
    # The old address keeps a copy of the map, so that the 404 page sends `/<old>/<any page>/#anchor` to the new address.
    redirects.update({f"{old}/{MAP_NAME}": maps[f"{episode.slug}/{MAP_NAME}"] for episode in episodes for old in moved[episode.slug]})
    pages = render_site(episodes, site_url=site_url(root), hosts=site_hosts(root / "seeds", root))
    config = {CONFIG_FILE: generated_config(pages, episodes)}  # nav titles and tags_allowed, for every renderer
    return {**pages, **maps, **redirects, **config}, registries


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
    """The site's public address, for absolute links in the JSON chapters: $SITE_URL, else `site_url` in mkdocs.yml."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    loader = type("_Loader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
    loader.add_multi_constructor("!", lambda *_: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError):
        return None
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value else None

