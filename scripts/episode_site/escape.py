"""Making spoken text inert in Markdown: it renders exactly as said, never as markup.

Every ASCII punctuation character that starts some Markdown, HTML or extension
syntax becomes a numeric character reference (`*` → `&#42;`), after white space
is folded so that no line can start a block. Characters that start nothing
(`, . ? ; / % @ ' "`) stay, to keep pages small; a `.` or `)` right after
leading digits would start a list, so it is escaped there.
"""

from __future__ import annotations

import html
import re

_INERT = set(",.?;/%@'\"")
_ACTIVE = {c for c in map(chr, range(33, 127)) if not c.isalnum() and c not in _INERT}
_TABLE = {ord(c): f"&#{ord(c)};" for c in _ACTIVE}
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def inline(text: str) -> str:
    """Text for a Markdown paragraph or heading, rendering literally."""
    folded = " ".join(text.split())
    escaped = folded.translate(_TABLE)
    return _LEADING_NUMBER.sub(lambda m: f"{m[1]}&#{ord(m[2])};", escaped)


def attribute(text: str) -> str:
    """Text for front matter values that templates print without escaping (`title:`)."""
    return html.escape(" ".join(text.split()), quote=True)
