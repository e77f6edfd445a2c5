"""Where each turn is shown (chapter page and heading id) and about when it is said."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from episode_site.model.chapters import chapter_turns
from episode_site.model.clock import format_clock, format_exact
from episode_site.model.episode import Chapter, Episode
from episode_site.model.timing import Timeline
from episode_site.promises.anchors import heading_anchor

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

    @property
    def continued(self) -> bool:
        """True on the page after a chapter break that cut the turn."""
        return self.paragraphs.start > 0


def turn_pieces(episode: Episode, words_before: Mapping[tuple[int, int], int], timeline: Timeline) -> tuple[Piece, ...]:
    """Every piece of every turn, in transcript order (held by `episode.layout.pieces`; ask it, not this)."""
    found = []
    for chapter in episode.chapters:
        for t, paragraphs in chapter_turns(episode.source, chapter):
            turn = episode.source.turns[t]
            words = words_before[(t, paragraphs.start)]
            given = turn.paragraphs[paragraphs.start].seconds
            seconds = given if given is not None else timeline.seconds_at(words)
            found.append(Piece(t, chapter, paragraphs, heading_anchor(turn, paragraphs.start), seconds, words,
                               exact=given is not None))
    return tuple(found)


def about(seconds: float) -> str:
    """`≈ 23:40`: an estimated time, rounded so that it does not look exact."""
    return f"≈ {format_clock(round(seconds / _ROUND_TO_SECONDS) * _ROUND_TO_SECONDS)}"


def when(piece: Piece) -> str:
    """`12:09` for a time the source gives, `≈ 12:10` for an estimate."""
    return format_exact(piece.seconds) if piece.exact else about(piece.seconds)
