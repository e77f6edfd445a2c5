"""Making spoken text inert in Markdown: it renders exactly as said, never as markup.

Pages: a turn's heading and paragraphs are raw HTML blocks (`html_text`: only `& < >`
escaped). Elsewhere on a page, every ASCII punctuation character that starts some Markdown, HTML or extension
syntax becomes a numeric character reference (`*` → `&#42;`), after white space
is folded so that no line can start a block. Characters that start nothing
(`, . ? ; / % @ ' "`) stay, to keep pages small; a `.` or `)` right after
leading digits would start a list, so it is escaped there.

Downloads (`.md.txt`, read by people in any Markdown viewer): `readable()` keeps
the text legible, with backslashes where every renderer takes them and numeric
references for extensions' markup that has no portable backslash escape.
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


def html_text(text: str) -> str:
    """Text for a raw HTML block of a page (a turn's heading and paragraphs): Markdown leaves such a block
    alone, so only HTML's own characters need escaping, and its inline patterns never scan the text."""
    return html.escape(" ".join(text.split()), quote=False)


def attribute(text: str) -> str:
    """Text for front matter values that templates print without escaping (`title:`)."""
    return html.escape(" ".join(text.split()), quote=True)


_MD_ESCAPE = re.compile(r"([\\`*_\[\]{}#])")
_EXTENSION_MARKUP = re.compile(r"[~^$]|==|\+\+|!!!|:(?=[a-z_+\-][\w+\-]*:)")
_MD_BLOCK_START = re.compile(r"^(\d+)([.)])|^([>+\-=])")


def readable(text: str) -> str:
    """Spoken text for a Markdown file that people read and any renderer shows as written.

    Backslashes escape what both CommonMark and Python-Markdown accept; `<` and `&`
    become entities, since only CommonMark accepts `\\<`.
    """
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    text = _MD_ESCAPE.sub(r"\\\1", text)
    # Extensions' markup (~~del~~, ==mark==, ^^ins^^, ++kbd++, $math$, !!! note) has no backslash escape
    # every renderer accepts: a numeric reference breaks each up, and reads as the same character.
    text = _EXTENSION_MARKUP.sub(lambda m: f"&#{ord(m[0][0])};{m[0][1:]}", text)
    return _MD_BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)
