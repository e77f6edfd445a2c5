"""MkDocs hook: each turn's heading and paragraphs go into the page whole, without Markdown reading them.

A chapter page holds every turn as one-line raw HTML blocks (`<h3 class="turn" id=…>…</h3>`,
`<p id=…>…</p>`, written by render.py). Markdown passes raw HTML through, but first scans it
with html.parser: on an archive, a tenth of the build. This adds a preprocessor that puts each
such line into Python-Markdown's own stash (the one its raw HTML blocks go to), so the page
comes out byte for byte the same. Such a line can only come from the generator: spoken text is
escaped, so no line of it starts with `<`. Zensical ignores hooks and reads the same blocks the
usual way.

MkDocs learns a page's anchors from its raw HTML with a preprocessor that runs after this one,
so the ids of the stashed lines are handed to the page here: a link to a turn (the person
pages have one for every turn) is then checked like any other, instead of being logged as a
missing anchor, 35,000 times on 100 episodes.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

TURN_LINE = re.compile(r'<(?:h3 class="turn" id="([a-z0-9-]+)"|p id="([a-z0-9-]+)")>.*</(?:h3|p)>')

# The ids of the lines the page being converted had (MkDocs converts one page at a time).
_ids: set[str] = set()


class _TurnLines(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        _ids.clear()
        out = []
        for line in lines:
            turn = TURN_LINE.fullmatch(line)
            if turn:
                _ids.add(turn[1] or turn[2])
                line = self.md.htmlStash.store(line)
            out.append(line)
        return out


class TurnLines(Extension):
    def extendMarkdown(self, md) -> None:
        # Before the raw HTML block reader (priority 20, md_in_html's too), after whitespace normalising (30).
        md.preprocessors.register(_TurnLines(md), "episode_site_turn_lines", 25)


def on_config(config):
    config.markdown_extensions.append(TurnLines())
    return config


def on_page_content(html: str, page, **_) -> str:
    if _ids and page.present_anchor_ids is not None:
        page.present_anchor_ids |= _ids
    _ids.clear()
    return html
