"""MkDocs hook: a navigation that reads as episodes and chapters.

MkDocs names a folder's section from the folder name (`Ross taylor 2025`); the
episode's title is in the `title:` of its `index.md`. The site's home page is
left out of the list (the header's site name links to it), since with one
episode it repeats that episode's overview. Renderers that ignore hooks still
build the site, with folder names as section titles.

The hook also fills the tags plugin's `tags_allowed` from the topic vocabularies
in `seeds/*.yml`, the same files the pages were generated from: a tag that is not
in a vocabulary (a typo in a page, or pages generated from an older vocabulary)
fails the build. The list is read here rather than written into mkdocs.yml so
that the vocabulary lives in one place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data


@event_priority(100)  # before the tags plugin's on_config, which builds its checker from tags_allowed
def on_config(config):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's episode_site
    from episode_site.settings import discover_episodes
    from material.plugins.tags.structure.tag import Tag

    root = Path(config.config_file_path).resolve().parent
    from episode_site.errors import InputError
    from mkdocs.exceptions import PluginError

    try:
        found = discover_episodes(root / "seeds", root)
    except InputError as error:  # `mkdocs build` run directly on a broken seed: one message, no traceback
        raise PluginError(error.message()) from None
    _read_archive(config, found)
    tags = config.plugins.get("material/tags")
    if tags is None:
        return config
    names = {topic.name for episode in found for topic in episode.topics}
    if names:
        tags.config.tags_allowed = {Tag(name) for name in names}
    return config


def on_nav(nav: Navigation, config, files) -> Navigation:
    home = next((item for item in nav.items if isinstance(item, Page) and item.file.src_uri == "index.md"), None)
    nav.items = [item for item in nav.items if item is not home]
    _name_sections(nav)
    if len(_archive) > 1:
        _archive_nav(nav, home)
    return nav


def _name_sections(nav: Navigation) -> None:
    for item in nav.items:
        if isinstance(item, Section):
            index = next((c for c in item.children if isinstance(c, Page) and c.file.src_uri.endswith("/index.md")), None)
            if index is not None:
                title = get_data(index.file.content_string)[1].get("title")
                if title:
                    item.title = str(title)


def on_page_context(context, page: Page, config, nav: Navigation):
    """In an archive, a chapter's topic chips link to its episode's topics page (see topics_page: no Material listing)."""
    if len(_archive) < 2 or not context.get("tags"):
        return context
    from episode_site.topics_page import topic_anchor
    from mkdocs.structure.nav import Link

    topics = _topics_urls.get(page.file.src_uri.split("/")[0])
    for tag in context["tags"] if topics is not None else ():  # the tags plugin's TagReferences, made for this page
        tag.links = [Link(tag.name, f"{topics}#{topic_anchor(tag.name)}")]
    return context


# Each episode's topics page URL, by episode folder (archive only).
_topics_urls: dict[str, str] = {}


# The archive, (slug, date) newest first, read from seeds/ in on_config for on_nav.
_archive: list = []


def _read_archive(config, found) -> None:
    """With several episodes, `navigation.prune` instead of `navigation.expand`: each page then carries the open
    episode's chapters, not the whole archive's (the site grew with the square of the episode count).
    One episode keeps the expanded nav it always had."""
    from episode_site.archive import newest_first

    _archive[:] = [(episode.slug, episode.date) for episode in newest_first(found)]
    features = config.theme.get("features") or []
    if len(_archive) > 1 and "navigation.expand" in features:
        config.theme["features"] = [f for f in features if f != "navigation.expand"] + ["navigation.prune"]


def _archive_nav(nav: Navigation, home: Page | None) -> None:
    """The home (the list of every episode), then episodes newest first, in year and month groups when there
    are many, then People and Topics.

    Person pages stay out of the nav (the People page lists them): otherwise each one would list them all.
    """
    from episode_site.archive import NavGroup, nav_groups

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

    _topics_urls.clear()
    _topics_urls.update({page.file.src_uri.split("/")[0]: page.url for page in nav.pages
                         if page.file.src_uri.endswith("/topics.md")})
    items = ([home] if home else []) + build(nav_groups(_archive))
    for folder in ("people", "topics"):
        section = sections.pop(folder, None)
        if section is not None:
            items.append(section.children[0])
    items.extend(sections.values())  # anything else under docs/ keeps its place after the archive
    _link(items, None)
    nav.items = items
    pages = [page for page in _walk(items)]
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
