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
    tags = config.plugins.get("material/tags")
    if tags is None:
        return config
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's episode_site
    from episode_site.settings import discover_episodes
    from material.plugins.tags.structure.tag import Tag

    root = Path(config.config_file_path).resolve().parent
    from episode_site.errors import InputError
    from mkdocs.exceptions import PluginError

    try:
        names = {topic.name for episode in discover_episodes(root / "seeds", root) for topic in episode.topics}
    except InputError as error:  # `mkdocs build` run directly on a broken seed: one message, no traceback
        raise PluginError(error.message()) from None
    if names:
        tags.config.tags_allowed = {Tag(name) for name in names}
    return config


def on_nav(nav: Navigation, config, files) -> Navigation:
    nav.items = [item for item in nav.items if not (isinstance(item, Page) and item.file.src_uri == "index.md")]
    for item in nav.items:
        if isinstance(item, Section):
            index = next((c for c in item.children if isinstance(c, Page) and c.file.src_uri.endswith("/index.md")), None)
            if index is not None:
                title = get_data(index.file.content_string)[1].get("title")
                if title:
                    item.title = str(title)
    return nav
