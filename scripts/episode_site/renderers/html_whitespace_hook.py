"""MkDocs hook: each built page without the indentation of Material's templates.

Material's templates indent every line of the navigation and the page frame; in an
archive that white space was a fifth of every page's bytes. A run of white space
that starts a line becomes the line break alone, which HTML renders the same (white
space collapses), except in `<pre>`, `<textarea>` and `<script>`, which are kept as
they are. Written by hand: the minifiers on PyPI (minify-html) also unquote
attributes and drop closing tags, for 4% more.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENT = re.compile(r"\n\s+")


def on_post_page(output: str, **_) -> str:
    parts = _KEPT.split(output)
    # split() with two groups yields: text, kept block, its tag name, text, ...
    return "".join(_INDENT.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2)
