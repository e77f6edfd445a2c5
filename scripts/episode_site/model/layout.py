"""An episode's layout: every table derived from where its chapters fall, each computed once.

The chapter pages, the home page's picture, the speakers and topics pages, the
downloads, the anchor map, the anchor registry's check, search and the archive
all ask the same questions of an episode: which turns a chapter page shows,
under which heading id and at what time; where each topic is said; which
chapters discuss it. `Layout` answers each once: its tables are
`cached_property`s, made on first use and kept.

It is reached as `episode.layout` rather than passed along: every entry point
(`render_site`, `episode_anchors`, `anchor_registry.check`, `search_records`)
starts from an Episode, so whichever asks first makes the layout and the others
share it, and it lives exactly as long as its episode (a `serve` rebuild drops
the old episodes and their layouts with them; the two refer to each other, a
cycle Python's collector frees). Passing a Layout down instead would change the
signature of every renderer and still need one shared instance per episode.

Imports stay one-way at load time: this module imports the stage modules whose
functions fill the tables (chapters, places, topics, topic_strength; the last
names `Layout` in annotations only), and model.py imports it inside
`Episode.layout` alone, when it is first asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from episode_site.model.chapters import paragraph_positions, total_words
from episode_site.model.episode import Episode, Position, Topic
from episode_site.model.places import Piece, turn_pieces
from episode_site.model.timing import Timeline
from episode_site.model.topic_strength import strongest_topics
from episode_site.model.topics import Mention, find_mentions, is_discussed
from episode_site.promises.anchors import topic_anchors

T = TypeVar("T")


@dataclass(frozen=True, eq=False)  # compared by identity: comparing two would walk both episodes
class Layout:
    """The tables of one episode whose chapters are placed."""

    episode: Episode
    """The episode they describe."""

    @cached_property
    def positions(self) -> tuple[tuple[Position, int], ...]:
        """Every paragraph's position with the words spoken before it, in transcript order."""
        return paragraph_positions(self.episode.source)

    @cached_property
    def words_before(self) -> dict[tuple[int, int], int]:
        """(turn index, paragraph index) → words spoken before that paragraph."""
        return {(pos.turn, pos.paragraph): words for pos, words in self.positions}

    @cached_property
    def total_words(self) -> int:
        """Words in the whole transcript."""
        return total_words(self.episode.source)

    @cached_property
    def timeline(self) -> Timeline:
        """Word position and time, through the knots that placing the chapters found."""
        return Timeline(self.episode.seconds_at_word)

    @cached_property
    def pieces(self) -> tuple[Piece, ...]:
        """Every turn, or the part of it one chapter page shows, in transcript order: each paragraph in exactly one."""
        return turn_pieces(self.episode, self.words_before, self.timeline)

    @cached_property
    def by_chapter(self) -> dict[int, list[Piece]]:
        """Chapter number → the pieces its page shows, in order (none for a chapter past the transcript's end)."""
        return _grouped(self.pieces, lambda piece: piece.chapter.number, keys=(c.number for c in self.episode.chapters))

    @cached_property
    def by_turn(self) -> dict[int, list[Piece]]:
        """Turn index → its pieces: one, or more when chapter breaks cut it."""
        return _grouped(self.pieces, lambda piece: piece.turn)

    @cached_property
    def turn_starts(self) -> dict[int, Piece]:
        """Turn index → the piece that opens it (its heading carries the turn's own anchor)."""
        return {turn: found[0] for turn, found in self.by_turn.items()}

    def piece_at(self, turn: int, paragraph: int) -> Piece:
        """The piece that shows paragraph `paragraph` of turn `turn`."""
        return next(piece for piece in self.by_turn[turn] if paragraph in piece.paragraphs)

    @cached_property
    def chapter_of_paragraph(self) -> dict[tuple[int, int], int]:
        """(turn index, paragraph index) → number of the chapter whose page shows it."""
        return {(piece.turn, p): piece.chapter.number for piece in self.pieces for p in piece.paragraphs}

    @cached_property
    def mentions(self) -> dict[Topic, tuple[Mention, ...]]:
        """Topic → every place its words are said, in transcript order."""
        return {topic: find_mentions(self.episode.source, self.positions, topic) for topic in self.episode.topics}

    @cached_property
    def mentions_by_chapter(self) -> dict[Topic, dict[int, list[Mention]]]:
        """Topic → chapter number → its mentions that the chapter's page shows (every chapter listed)."""
        where = self.chapter_of_paragraph
        chapters = [c.number for c in self.episode.chapters]
        return {topic: _grouped(found, lambda m: where[(m.turn, m.paragraph)], keys=chapters)
                for topic, found in self.mentions.items()}

    @cached_property
    def chapter_tags(self) -> dict[int, list[str]]:
        """Chapter number → names of the topics it discusses (topics.is_discussed), in vocabulary order."""
        return {chapter.number: [topic.name for topic in self.episode.topics
                                 if is_discussed(self.mentions_by_chapter[topic][chapter.number])]
                for chapter in self.episode.chapters}

    @cached_property
    def shown_topics(self) -> dict[int, list[str]]:
        """Chapter number → the few topics its page shows, strongest first (topic_strength.py)."""
        return strongest_topics(self)

    @cached_property
    def topic_anchors(self) -> dict[str, str]:
        """Topic name → id of its section on the topics page."""
        return topic_anchors(self.episode.topics)


def _grouped(items: Iterable[T], key: Callable[[T], int], keys: Iterable[int] = ()) -> dict[int, list[T]]:
    """Items by key, in their order; each of `keys` present even when nothing has it."""
    found: dict[int, list[T]] = {k: [] for k in keys}
    for item in items:
        found.setdefault(key(item), []).append(item)
    return found
