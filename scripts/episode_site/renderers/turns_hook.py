"""MkDocs hook: the generator's one-line raw HTML blocks go into the page whole, without Markdown reading them.

A chapter page holds every turn as one-line raw HTML blocks (`<h3 class="turn" id=…>…</h3>`,
`<p id=…>…</p>`, written by render.py), a topics page its lists of quotes (topics_page.py), and the
speakers and person pages their lists of turns (turn_lists.py).
Markdown passes raw HTML through, but first scans it with html.parser: on an archive, a tenth of
the build. This adds a preprocessor that puts each such line into Python-Markdown's own stash
(the one its raw HTML blocks go to), so the page comes out byte for byte the same. Such a line
can only come from the generator: spoken text is escaped, so no line of it starts with `<`.

What MkDocs does to raw HTML it reads is done here too: the ids of the stashed lines are handed
to the page (a link to a turn, and the person pages have one for every turn, is then checked like
any other instead of being logged as a missing anchor, 35,000 times on 100 episodes), and a link
to a `.md` file becomes the page's address, as MkDocs does in Markdown links (Zensical, which
ignores hooks, reads the same blocks the usual way and resolves `.md` links in raw HTML itself).
"""

from __future__ import annotations

import logging
import posixpath
import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

GENERATED_LINE = re.compile(r'<(?:h3 class="turn" id="([a-z0-9-]+)"|p id="([a-z0-9-]+)")>.*</(?:h3|p)>'
                            r'|<div class="topic-quotes"><ul>.*</ul></div>'
                            r'|<details class="topic-more"><summary>[^<>]*</summary><ul>.*</ul></details>'
                            r'|<ul class="turn-list">.*</ul>')
# The generator's links: relative, to a page of the site, with an optional anchor (spoken text has no `<`).
_LINK = re.compile(r'<a href="([a-z0-9./_-]+\.md)(?:#([a-z0-9_-]+))?">')
log = logging.getLogger("mkdocs.hooks.turns")

# The page being converted, its site's files, the ids its stashed lines hold and the anchors they link
# to (MkDocs converts one page at a time).
_page = _files = None
_ids: set[str] = set()
_anchor_links: list[tuple[object, str, str]] = []


class _GeneratedLines(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            generated = GENERATED_LINE.fullmatch(line)
            if generated:
                if generated[1] or generated[2]:
                    _ids.add(generated[1] or generated[2])
                line = self.md.htmlStash.store(_LINK.sub(_resolved, line) if _page is not None else line)
            out.append(line)
        return out


def _resolved(link: re.Match) -> str:
    path, anchor = link[1], link[2]
    target = _files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(_page.file.src_uri), path)))
    if target is None:
        log.warning("Doc file '%s' contains a link '%s', but the target is not found among documentation files.",
                    _page.file.src_uri, path)
        return link[0]
    if anchor:
        _anchor_links.append((target, anchor, f"{path}#{anchor}"))
    return f'<a href="{target.url_relative_to(_page.file)}{"#" + anchor if anchor else ""}">'


class GeneratedLines(Extension):
    def extendMarkdown(self, md) -> None:
        # Before the raw HTML block reader (priority 20, md_in_html's too), after whitespace normalising (30).
        md.preprocessors.register(_GeneratedLines(md), "episode_site_generated_lines", 25)


def on_config(config):
    config.markdown_extensions.append(GeneratedLines())
    return config


def on_page_markdown(markdown: str, page, files, **_) -> str:
    global _page, _files
    _page, _files = page, files
    _ids.clear()
    _anchor_links.clear()
    return markdown


def on_page_content(html: str, page, **_) -> str:
    global _page, _files
    _page = _files = None  # a conversion outside a page (none today) resolves nothing against this one
    if _ids and page.present_anchor_ids is not None:
        page.present_anchor_ids |= _ids
    if _anchor_links and page.links_to_anchors is not None:  # checked by MkDocs once every page is converted
        for target, anchor, original in _anchor_links:
            page.links_to_anchors.setdefault(target, {}).setdefault(anchor, original)
    return html  # the next page's on_page_markdown starts afresh
