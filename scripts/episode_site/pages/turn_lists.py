"""A list of turns as one line of raw HTML: each turn's time, linked to it, and its first words.

The speakers and person pages list every turn of a speaker. As Markdown lists, Markdown's inline
patterns scanned every word of them, which made these pages the slowest of an archive's build; as
one-line raw HTML (like the turns of a chapter page), turns_hook.py hands them to the page unread.
Links are to `.md` files, resolved by each renderer (turns_hook.py for MkDocs; Zensical itself).
"""

from __future__ import annotations

from collections.abc import Iterable

from episode_site.model.episode import Turn
from episode_site.model.places import Piece, when
from episode_site.pages.escape import html_text


def turn_list(turns: Iterable[tuple[Piece, Turn]], *, folder: str = "", words: int = 12) -> str:
    """Each (piece where a turn starts, the turn): its time, linked to it, then its first `words` words.
    `folder`: from the page to the episode's folder (`../<slug>/` on a person page; slugs are generated)."""
    items = "".join(f'<li><a href="{folder}{piece.chapter.slug}.md#{piece.anchor}">{html_text(when(piece))}</a> '
                    f"{html_text(first_words(turn.paragraphs[0].text, words))}</li>" for piece, turn in turns)
    return f'<ul class="turn-list">{items}</ul>'


def first_words(text: str, count: int) -> str:
    """The first `count` words of `text`, with `…` when it says more."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
