"""A list of turns as one line of raw HTML: each turn's time, linked to it, and its first words.

The speakers and person pages list every turn of a speaker. As Markdown lists, Markdown's inline
patterns scanned every word of them, which made these pages the slowest of an archive's build; as
one-line raw HTML (like the turns of a chapter page), turns_hook.py hands them to the page unread.
Links are to `.md` files, resolved by each renderer (turns_hook.py for MkDocs; Zensical itself).
"""

from __future__ import annotations

from collections.abc import Iterable

from .escape import html_text
from .model import Turn

FIRST_WORDS = 12


def turn_list(turns: Iterable[tuple[str, str, str]]) -> str:
    """`(link, time, words)` of each turn: `link` is a page's `.md` path with the turn's anchor (generated slugs)."""
    items = "".join(f'<li><a href="{link}">{html_text(time)}</a> {html_text(words)}</li>' for link, time, words in turns)
    return f'<ul class="turn-list">{items}</ul>'


def opening(turn: Turn, words: int = FIRST_WORDS) -> str:
    """The turn's first words, with `…` when it says more."""
    first = turn.paragraphs[0].text.split()
    return " ".join(first[:words]) + ("…" if len(first) > words else "")
