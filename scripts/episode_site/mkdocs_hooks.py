"""MkDocs hook: a navigation that reads as episodes and chapters.

MkDocs names a folder's section from the folder name (`Ross taylor 2025`); the
episode's title is in the `title:` of its `index.md`. The site's home page is
left out of the list (the header's site name links to it), since with one
episode it repeats that episode's overview. Renderers that ignore hooks still
build the site, with folder names as section titles.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data


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
