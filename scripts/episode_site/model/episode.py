"""The shape of an episode, from the source page to the chapters that get pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from episode_site.model.layout import Layout


@dataclass(frozen=True)
class Line:
    """One line of text from the source page, kept as written."""

    text: str
    """The line's text, without its line ending."""
    number: int
    """1-based line number in the source file, for messages and fidelity checks."""


@dataclass(frozen=True)
class OutlineEntry:
    """One `MM:SS Title` entry of the show outline, with the notes under it."""

    stamp: str
    """The timestamp as written (`12:10`, `01:02:46`)."""
    seconds: float
    """The timestamp in seconds from the start of the episode (whole seconds in an outline, any in a chapters JSON)."""
    title: str
    """The title as written after the timestamp."""
    notes: tuple[Line, ...]
    """Lines after the entry up to the next entry (questions, assertions, reading)."""
    line: int
    """Line number of the entry itself."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a turn: the label's line, or an unlabelled line continuing it."""

    text: str
    """The words as written (surrounding white space trimmed)."""
    line: int
    """Line number in the source file."""
    seconds: float | None = None
    """When it starts in the recording, from the source's own timestamps; None when the source has none."""
    end: float | None = None
    """When it ends, where the source says so (a cue's end time)."""


@dataclass(frozen=True)
class Turn:
    """A speaker's uninterrupted stretch of speech."""

    number: int
    """1-based position in the whole episode: the stable part of every anchor."""
    speaker: str
    """The speaker's name as the label writes it."""
    paragraphs: tuple[Paragraph, ...]
    """At least one paragraph, in source order."""


@dataclass(frozen=True)
class SourcePage:
    """Everything read from one source page, before any decision about chapters."""

    path: str
    """Path of the source file, relative to the project (for messages)."""
    title: str
    """The page's title line."""
    page_notices: tuple[Line, ...]
    """Lines that belong to the page around the episode (player notice, subscribe line)."""
    show_notes: tuple[Line, ...]
    """The episode description, before the first outline entry."""
    outline: tuple[OutlineEntry, ...]
    """The timestamped outline, in source order (may be empty)."""
    transcript_preface: tuple[Line, ...]
    """Text between the `Transcript` line and the first turn (the AI disclaimer)."""
    turns: tuple[Turn, ...]
    """The conversation."""
    speakers: tuple[str, ...]
    """Speakers in order of first appearance."""
    ends_mid_sentence: bool
    """True when the last paragraph stops without closing punctuation."""

    @cached_property
    def timed(self) -> bool:
        """True when the source gives real times (a cue file, a timestamped Markdown transcript)."""
        return any(p.seconds is not None for turn in self.turns for p in turn.paragraphs)


@dataclass(frozen=True)
class Topic:
    """One topic of an episode's vocabulary: its display name and the terms that signal it."""

    name: str
    """Shown as the tag, case and all."""
    terms: tuple[str, ...]
    """Words or phrases as written in the YAML (syntax: `topics.compile_term`)."""
    line: int = 0
    """YAML line of the topic, for messages."""


@dataclass(frozen=True)
class Position:
    """A place in the transcript: paragraph `paragraph` of turn index `turn`."""

    turn: int
    """0-based index into `SourcePage.turns`."""
    paragraph: int
    """0-based index into that turn's paragraphs."""


@dataclass(frozen=True)
class Chapter:
    """One outline entry with the stretch of transcript that belongs to it."""

    number: int
    """1-based chapter number."""
    entry: OutlineEntry
    """The outline entry this chapter presents."""
    slug: str
    """URL part after the number: `03-reasoning-research-and-academic-blind-spots`."""
    start: Position | None
    """Where its transcript starts, or None when the transcript ends before it."""
    end: Position | None
    """Where the next chapter starts (exclusive), or None for the end of the transcript."""
    estimated: bool
    """True when the start was estimated from the timestamp, not pinned by a cue."""
    words: int = 0
    """Words of transcript in this chapter."""


@dataclass(frozen=True)
class Episode:
    """A source page with its settings and chapters: all that rendering needs."""

    slug: str
    """The episode's URL segment, a promise once published."""
    source: SourcePage
    """What the page says."""
    source_url: str | None
    """Where the page was published, when known."""
    chapters: tuple[Chapter, ...]
    """In outline order; one chapter covering everything when there is no outline."""
    seconds_at_word: tuple[tuple[int, float], ...] = field(default=())
    """Knots (word position, seconds) of the timing model, for `≈` times."""
    seed_files: tuple[str, ...] = field(default=())
    """The seed files this episode was built from (for the generated-file header)."""
    topics: tuple[Topic, ...] = field(default=())
    """The curated topic vocabulary; empty means the episode gets no tags."""
    transcript_text: str = ""
    """The source's transcript section exactly as written (the plain-text download)."""
    audio_url: str | None = None
    """The episode's audio (http or https), played from the site only when its times are exact."""
    date: datetime.date | None = None
    """Publication date (`date:` in the YAML): orders the archive, newest first."""

    @cached_property
    def layout(self) -> Layout:
        """Every table derived from where the chapters fall (layout.py): made on first use, kept, freed with the episode."""
        from episode_site.model.layout import Layout  # here, not at the top: layout.py builds on this module

        return Layout(self)
