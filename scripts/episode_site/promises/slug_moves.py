"""An episode's address is a promise too: a changed `slug:` stops the build unless the old one is retired.

The registry (`seeds/<name>.anchors`) records the slug. When the YAML's `slug:`
changes, the build stops; rewriting the registry's line `slug: old` as
`slug: old -> new` moves the episode on purpose. Every page of the old address
then becomes a small static redirect (`docs/<old>/…/index.html`) to the same
page at the new one, keeping the `#anchor`: it works on any static host, with or
without JavaScript (without it, the anchor is lost but the page is right).
The pipeline also copies the episode's anchors.json to the old folder, so that
the 404 page sends any other old address to the page that holds its anchor.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Mapping, Sequence

from episode_site.errors import InputError
from episode_site.model.episode import Episode
from episode_site.promises.registry import Registry, follow_renames
from episode_site.sources.discovery import RESERVED_SLUGS


def check_slug(registry: Registry, episode: Episode) -> list[str]:
    """Raise InputError if the episode's address changed without a retirement; return its retired addresses."""
    retired = registry.retired_slugs or {}
    for old, (_, line) in retired.items():
        if follow_renames(old, retired) != episode.slug:
            raise InputError(registry.shown, line, f"the retired address `{old}` leads to `{retired[old][0]}`, which is not the episode's address `{episode.slug}`",
                             f"Write the line as `slug: {old} -> {episode.slug}`.")
        if old == episode.slug or old in RESERVED_SLUGS:
            raise InputError(registry.shown, line, f"the retired address `{old}` is the episode's own address or a folder the site uses",
                             "Remove the line.")
    if registry.slug is not None:
        recorded, line = registry.slug
        if recorded != episode.slug and follow_renames(recorded, retired) != episode.slug:
            raise InputError(
                registry.shown, line,
                f"the episode's address changed from /{recorded}/ to /{episode.slug}/: every page under /{recorded}/ would disappear, and links to them break",
                f"To move the episode on purpose, rewrite this line as `slug: {recorded} -> {episode.slug}` (the old pages then send readers "
                f"to the new ones); otherwise put `slug: {recorded}` back in the episode's YAML file.")
    return sorted(retired)


def check_no_clash(episodes: Sequence[Episode], moved: Mapping[str, list[str]], registries: Mapping[str, Registry]) -> None:
    """A retired address must not be another episode's current address, nor retired by two episodes."""
    taken = {episode.slug: episode for episode in episodes}
    for slug, olds in moved.items():
        for old in olds:
            if old in taken:
                raise InputError(registries[slug].shown, (registries[slug].retired_slugs or {})[old][1],
                                 f"the retired address `{old}` is the address of another episode",
                                 "An address can lead to one episode only: remove this line, or give the other episode another `slug:`.")
            taken[old] = taken[slug]


def redirect_files(episode: Episode, old_slugs: Sequence[str]) -> dict[str, str]:
    """Path under `docs/` → a redirect page, for each page of the episode under each retired address."""
    files: dict[str, str] = {}
    for old in old_slugs:
        for page, title in _pages(episode):
            depth = 2 if page else 1
            target = "../" * depth + f"{episode.slug}/" + (f"{page}/" if page else "")
            files[f"{old}/{page + '/' if page else ''}index.html"] = _redirect(target, title)
    return files


def _pages(episode: Episode) -> Iterator[tuple[str, str]]:
    yield "", episode.source.title
    for chapter in episode.chapters:
        yield chapter.slug, f"{chapter.entry.stamp} {chapter.entry.title}".strip()
    yield "speakers", "Speakers"
    if episode.topics:
        yield "topics", "Topics"


def _redirect(target: str, title: str) -> str:
    href = html.escape(target, quote=True)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {html.escape(title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<script>location.replace({json.dumps(target)} + location.search + location.hash)</script>
<noscript><meta http-equiv="refresh" content="0; url={href}"></noscript>
</head>
<body>
<p>This page has moved to <a href="{href}">{html.escape(title)}</a>.</p>
</body>
</html>
"""

