"""Where each turn is shown (chapter page and heading id) and about when it is said."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .anchors import continued_anchor, turn_anchor
from .chapters import chapter_turns, words_before
from .memo import per_object
from .model import Chapter, Episode
from .timestamps import format_clock, format_exact
from .timing import timeline_of

# Times are estimates; showing them to the second would pretend otherwise.
_ROUND_TO_SECONDS = 10


@dataclass(frozen=True)
class Piece:
    """A turn, or the part of it that one chapter page shows."""

    turn: int
    """0-based index into `SourcePage.turns`."""
    chapter: Chapter
    """The chapter whose page shows it."""
    paragraphs: range
    """Paragraph indices shown on that page."""
    anchor: str
    """Id of its heading there: the turn's own, or `…-continued` past a chapter break."""
    seconds: float
    """Time of its first shown word: the source's own, or estimated from the episode's timeline."""
    words_before: int
    """Words spoken in the episode before its first shown word."""
    exact: bool = False
    """True when `seconds` is the source's own timestamp, not an estimate."""


@per_object  # every page of an episode asks for them
def pieces(episode: Episode) -> tuple[Piece, ...]:
    """Every piece of every turn, in transcript order."""
    before = words_before(episode.source)
    timeline = timeline_of(episode.seconds_at_word)
    found = []
    for chapter in episode.chapters:
        for t, paragraphs in chapter_turns(episode.source, chapter):
            turn = episode.source.turns[t]
            anchor = continued_anchor(turn) if paragraphs.start > 0 else turn_anchor(turn)
            words = before[(t, paragraphs.start)]
            given = turn.paragraphs[paragraphs.start].seconds
            seconds = given if given is not None else timeline.seconds_at(words)
            found.append(Piece(t, chapter, paragraphs, anchor, seconds, words, exact=given is not None))
    return tuple(found)


@per_object
def by_chapter(episode: Episode) -> dict[int, list[Piece]]:
    """Chapter number → the pieces its page shows, in order."""
    found: dict[int, list[Piece]] = {}
    for piece in pieces(episode):
        found.setdefault(piece.chapter.number, []).append(piece)
    return found


def turn_starts(episode: Episode) -> dict[int, Piece]:
    """Turn index → the piece that opens it (its heading carries the turn's own anchor)."""
    return {piece.turn: piece for piece in pieces(episode) if piece.paragraphs.start == 0}


def piece_at(all_pieces: Sequence[Piece], turn: int, paragraph: int) -> Piece:
    """The piece that shows paragraph `paragraph` of turn `turn`."""
    return next(p for p in _by_turn(all_pieces)[turn] if paragraph in p.paragraphs)


@per_object
def _by_turn(all_pieces: Sequence[Piece]) -> dict[int, list[Piece]]:
    found: dict[int, list[Piece]] = {}
    for piece in all_pieces:
        found.setdefault(piece.turn, []).append(piece)
    return found


def about(seconds: float) -> str:
    """`≈ 23:40`: an estimated time, rounded so that it does not look exact."""
    return f"≈ {format_clock(round(seconds / _ROUND_TO_SECONDS) * _ROUND_TO_SECONDS)}"


def when(piece: Piece) -> str:
    """`12:09` for a time the source gives, `≈ 12:10` for an estimate."""
    return format_exact(piece.seconds) if piece.exact else about(piece.seconds)
