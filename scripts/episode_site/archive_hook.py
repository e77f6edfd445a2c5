"""MkDocs hook: an archive's navigation (several episodes), so that a page's size does not grow with it.

With several episodes, `navigation.prune` replaces `navigation.expand` (each page then carries the
open episode's chapters, not the whole archive's), and the episodes are ordered newest first, in
year and month groups when there are many (`archive.nav_groups`). One episode keeps the expanded
nav it always had. The nav's titles and `tags_allowed` come from the generated config
(`site_config.py`), which every renderer reads; Zensical ignores hooks and so shows an archive's
nav ungrouped and expanded (README: three renderers).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

# The archive, (slug, date) newest first, read from seeds/ in on_config for on_nav.
_archive: list = []


def on_config(config):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's episode_site
    from mkdocs.exceptions import PluginError

    from episode_site.archive import newest_first
    from episode_site.errors import InputError
    from episode_site.discovery import discover_episodes

    root = Path(config.config_file_path).resolve().parent
    try:
        found = discover_episodes(root / "seeds", root)
    except InputError as error:  # `mkdocs build` run directly on a broken seed: one message, no traceback
        raise PluginError(error.message()) from None
    _archive[:] = [(episode.slug, episode.date) for episode in newest_first(found)]
    features = config.theme.get("features") or []
    if len(_archive) > 1 and "navigation.expand" in features:
        config.theme["features"] = [f for f in features if f != "navigation.expand"] + ["navigation.prune"]
    return config


def on_nav(nav: Navigation, config, files) -> Navigation:
    if len(_archive) > 1:
        _archive_nav(nav)
    return nav


def _archive_nav(nav: Navigation) -> None:
    """The home (the list of every episode), then episodes newest first, in year and month groups when there
    are many, then People and Topics. Person pages stay out of the nav (the People page lists them)."""
    from episode_site.archive import NavGroup, nav_groups

    home = next((item for item in nav.items if isinstance(item, Page) and item.file.src_uri == "index.md"), None)
    sections = {item.children[0].file.src_uri.split("/")[0]: item for item in nav.items
                if isinstance(item, Section) and item.children and isinstance(item.children[0], Page)}

    def build(items) -> list:
        built = []
        for item in items:
            if isinstance(item, NavGroup):
                built.append(Section(item.title, build(item.items)))
            elif item in sections:
                built.append(sections.pop(item))
        return built

    items = ([home] if home else []) + build(nav_groups(_archive))
    for folder in ("people", "topics"):
        section = sections.pop(folder, None)
        if section is not None:
            items.append(section.children[0])
    items.extend(sections.values())  # anything else under docs/ keeps its place after the archive
    _link(items, None)
    nav.items = items
    pages = list(_walk(items))
    for page in nav.pages:
        page.previous_page = page.next_page = None
    for before, after in zip(pages, pages[1:]):
        before.next_page, after.previous_page = after, before
    nav.pages = pages


def _link(items, parent) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link(item.children, item)


def _walk(items):
    for item in items:
        if isinstance(item, Section):
            yield from _walk(item.children)
        elif isinstance(item, Page):
            yield item
