"""Timed cues (from WebVTT, SRT or a JSON transcript) to turns and paragraphs, the same way for every format.

Consecutive cues of one speaker form one turn; a cue without a speaker goes on
with the speaker before it. Inside a turn a new paragraph starts after a cue
that ends a sentence when the pause before the next cue is at least
`PARAGRAPH_PAUSE` seconds or the paragraph already holds `PARAGRAPH_WORDS`
words: cue files break lines for the screen, not for reading, so their own
breaks are not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from episode_site.errors import InputError
from episode_site.model.clock import format_precise
from episode_site.model.episode import Paragraph, Turn

PARAGRAPH_PAUSE = 2.0
PARAGRAPH_WORDS = 100
_SENTENCE_END = (".", "!", "?", "…", '."', ".”", "?”", "!”", '?"', '!"')


@dataclass(frozen=True)
class Cue:
    """One timed piece of a transcript file."""

    start: float
    """Seconds from the start of the recording."""
    end: float
    """Seconds from the start of the recording."""
    speaker: str | None
    """Who speaks, or None when the cue does not say (it goes on with the speaker before it)."""
    text: str
    """The words, markup removed, white space folded."""
    line: int
    """Line of the source file where its words (or its entry) start."""
    timing_line: int = 0
    """Line of its times, for messages about them (0: the same as `line`)."""


def turns_from_cues(cues: Sequence[Cue], path: str, *, how_to_name: str) -> tuple[Turn, ...]:
    """Turns of consecutive same-speaker cues; `how_to_name` tells how this format names a speaker."""
    _check_times(cues, path)
    turns: list[tuple[str, list[list[Cue]]]] = []
    for cue in cues:
        if not cue.text:
            continue  # a cue without words (an empty voice span) holds nothing to show
        if cue.speaker is None and not turns:
            raise InputError(path, cue.line, "the first cue with words does not say who speaks",
                             f"Name the speaker: {how_to_name}.")
        if not turns or (cue.speaker is not None and cue.speaker != turns[-1][0]):
            turns.append((cue.speaker, [[cue]]))
            continue
        paragraph = turns[-1][1][-1]
        if _ends_paragraph(paragraph, cue):
            turns[-1][1].append([cue])
        else:
            paragraph.append(cue)
    if not turns:
        raise InputError(path, None, "the transcript has no words: every cue is empty", f"Put the conversation in it; {how_to_name}.")
    return tuple(
        Turn(number, speaker, tuple(_paragraph(p) for p in paragraphs))
        for number, (speaker, paragraphs) in enumerate(turns, start=1)
    )


def _ends_paragraph(paragraph: list[Cue], following: Cue) -> bool:
    last = paragraph[-1]
    if not last.text.endswith(_SENTENCE_END):
        return False
    words = sum(len(cue.text.split()) for cue in paragraph)
    return following.start - last.end >= PARAGRAPH_PAUSE or words >= PARAGRAPH_WORDS


def _paragraph(cues: list[Cue]) -> Paragraph:
    return Paragraph(" ".join(cue.text for cue in cues), cues[0].line, seconds=cues[0].start, end=max(c.end for c in cues))


def _check_times(cues: Sequence[Cue], path: str) -> None:
    """Cues in time order; one speaker's cues never overlap (two speakers may: people talk at once)."""
    last_of: dict[str | None, Cue] = {}
    previous: Cue | None = None
    speaker: str | None = None
    for cue in cues:
        where = cue.timing_line or cue.line
        if cue.start < 0 or cue.end < cue.start:
            raise InputError(path, where, f"the cue ends ({format_precise(cue.end)}) before it starts ({format_precise(cue.start)})",
                             "Fix its times: a cue's end comes after its start.")
        if previous and cue.start < previous.start:
            raise InputError(path, where, f"the cue starts at {format_precise(cue.start)}, before the cue on line "
                             f"{previous.timing_line or previous.line} ({format_precise(previous.start)})",
                             "Put the cues in time order, or fix the times.")
        speaker = cue.speaker if cue.speaker is not None else speaker
        same = last_of.get(speaker)
        if same and cue.start < same.end and (cue.start, cue.end) != (same.start, same.end):  # not two parts of one cue
            raise InputError(path, where, f"the cue starts at {format_precise(cue.start)}, before the same speaker's cue on "
                             f"line {same.timing_line or same.line} ends ({format_precise(same.end)})",
                             "Fix the times so that one speaker's cues do not overlap (two speakers' cues may).")
        last_of[speaker] = cue
        previous = cue
