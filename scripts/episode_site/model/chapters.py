"""Placing each outline chapter in the transcript: at its cue, or where its time predicts."""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Mapping, Sequence

from episode_site.errors import InputError
from episode_site.model.episode import Chapter, OutlineEntry, Position, SourcePage
from episode_site.model.timing import Timeline
from episode_site.promises.anchors import chapter_slug

log = logging.getLogger("episode_site")

STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def fold(text: str) -> str:
    """Text as compared for cues: white space folded, curly quotes made straight."""
    return re.sub(r"\s+", " ", text.translate(STRAIGHT_QUOTES)).strip()


def word_count(text: str) -> int:
    return len(text.split())


def paragraph_positions(page: SourcePage) -> tuple[tuple[Position, int], ...]:
    """Every paragraph's position with the number of words spoken before it."""
    positions, words = [], 0
    for t, turn in enumerate(page.turns):
        for p, paragraph in enumerate(turn.paragraphs):
            positions.append((Position(t, p), words))
            words += word_count(paragraph.text)
    return tuple(positions)


def place_chapters(
    page: SourcePage, cues: Mapping[str, tuple[str, int]], *, yaml_path: str
) -> tuple[tuple[Chapter, ...], Timeline]:
    """Chapters in outline order with their transcript ranges, and the timing model they imply."""
    entries = page.outline or (OutlineEntry("00:00", 0, "Transcript", (), 0),)
    known = {entry.stamp for entry in entries}
    for stamp, (_, line) in cues.items():
        if stamp not in known:
            raise InputError(yaml_path, line, f"no outline entry has the timestamp {stamp}", f"Use one of: {', '.join(sorted(known))}.")
    positions = paragraph_positions(page)
    total = total_words(page)
    index = _FoldedText(page, positions)
    pinned = {entry.stamp: _find_cue(page, positions, index, *cues[entry.stamp], yaml_path=yaml_path) for entry in entries if entry.stamp in cues}
    _check_order(entries, pinned, cues, yaml_path)
    first = entries[0]
    if first.stamp in pinned and pinned[first.stamp] != 0:
        raise InputError(yaml_path, cues[first.stamp][1],
                         f"the cue for the first chapter ({first.stamp}) is not in the transcript's first paragraph, "
                         "so the words before it would be on no page",
                         "Remove that cue (the first chapter always starts with the transcript) or quote the first paragraph.")
    # Cues are the timing points (the timeline adds the start, word 0 at 0:00). The first chapter then
    # starts with the transcript, cue or not: the words before any later start are its own.
    timeline = Timeline([(positions[i][1], e.seconds) for e in entries if (i := pinned.get(e.stamp)) is not None])
    if page.timed:  # the source's own times are the timeline, and place every chapter without a cue
        timeline = Timeline(timed_knots(page, positions))
    pinned.setdefault(first.stamp, 0)

    starts: list[int | None] = []
    for n, entry in enumerate(entries):
        if entry.stamp in pinned:
            starts.append(pinned[entry.stamp])
            continue
        earliest = max((s for s in starts if s is not None), default=-1) + 1
        later = [pinned[e.stamp] for e in entries[n + 1 :] if e.stamp in pinned]
        latest = (later[0] if later else len(positions)) - 1
        if page.timed:
            starts.append(_first_at(page, positions, entry, earliest, latest))
            continue
        predicted = timeline.word_at(entry.seconds)
        if predicted >= total or earliest > latest:
            starts.append(None)  # said once for all such chapters, by transcript_end.py
            continue
        index = min(range(earliest, latest + 1), key=lambda i: abs(positions[i][1] - predicted))
        starts.append(index)
        log.warning("%s: chapter %s “%s” has no cue; its start is estimated at the paragraph on line %d. "
                    "Pin it with a quote under `chapters:` in the episode's YAML.", page.path, entry.stamp, entry.title,
                    page.turns[positions[index][0].turn].paragraphs[positions[index][0].paragraph].line)

    chapters = []
    for n, (entry, start) in enumerate(zip(entries, starts)):
        following = next((s for s in starts[n + 1 :] if s is not None), None)
        end_words = positions[following][1] if following is not None else total
        words = end_words - positions[start][1] if start is not None else 0
        chapters.append(Chapter(
            number=n + 1,
            entry=entry,
            slug=chapter_slug(n + 1, entry.title),
            start=positions[start][0] if start is not None else None,
            end=positions[following][0] if start is not None and following is not None else None,
            estimated=start is not None and entry.stamp not in cues and n > 0 and not page.timed,
            words=words,
        ))
    return tuple(chapters), timeline


def timed_knots(page: SourcePage, positions: Sequence[tuple[Position, int]]) -> list[tuple[int, float]]:
    """(words before, seconds) of every paragraph whose start the source gives."""
    return [(words, seconds) for pos, words in positions
            if (seconds := page.turns[pos.turn].paragraphs[pos.paragraph].seconds) is not None]


def _first_at(page: SourcePage, positions: Sequence[tuple[Position, int]], entry: OutlineEntry, earliest: int, latest: int) -> int | None:
    """The first paragraph with a time at or after the entry's, not before `earliest` (a chapter is never empty
    when it can have a paragraph); None when the transcript's times end before it."""
    for i in range(max(earliest, 0), latest + 1):
        seconds = page.turns[positions[i][0].turn].paragraphs[positions[i][0].paragraph].seconds
        if seconds is not None and seconds >= entry.seconds:
            return i
    if earliest <= latest and _any_time_at_or_after(page, positions, entry.seconds, earliest):
        return earliest  # two chapters within one paragraph: the later one gets the next
    log.warning("%s: chapter %s “%s” starts after the transcript's last time; it gets no transcript text.",
                page.path, entry.stamp, entry.title)
    return None


def _any_time_at_or_after(page: SourcePage, positions: Sequence[tuple[Position, int]], seconds: float, before: int) -> bool:
    return any((s := page.turns[pos.turn].paragraphs[pos.paragraph].seconds) is not None and s >= seconds for pos, _ in positions[:before])


class _FoldedText:
    """Every paragraph folded once and joined, so that each cue is one scan, not one fold per paragraph.

    Folding each paragraph again for each cue made a long transcript with many chapters quadratic.
    """

    def __init__(self, page: SourcePage, positions: list[tuple[Position, int]]) -> None:
        texts = [fold(page.turns[pos.turn].paragraphs[pos.paragraph].text) for pos, _ in positions]
        self.text = "\n".join(texts)  # fold leaves no line break, so no quote spans two paragraphs
        self.starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    def paragraphs_with(self, wanted: str) -> list[int]:
        hits, at = [], self.text.find(wanted) if wanted else -1
        while at >= 0:
            hits.append(bisect.bisect_right(self.starts, at) - 1)
            following = hits[-1] + 1
            at = self.text.find(wanted, self.starts[following]) if following < len(self.starts) else -1
        return hits


def _find_cue(page: SourcePage, positions: list[tuple[Position, int]], index: _FoldedText, quote: str, line: int, *, yaml_path: str) -> int:
    """Index of the one paragraph that contains the quote."""
    hits = index.paragraphs_with(fold(quote))
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise InputError(yaml_path, line, f"the cue “{quote}” is not found in the transcript",
                         "Copy a short quote from the paragraph that opens the chapter, exactly as the transcript writes it.")
    found = ", ".join(str(page.turns[positions[i][0].turn].paragraphs[positions[i][0].paragraph].line) for i in hits[:10])
    found += f" and {len(hits) - 10:,} more" if len(hits) > 10 else ""  # a common phrase may be found thousands of times
    raise InputError(yaml_path, line, f"the cue “{quote}” is found {len(hits)} times (transcript lines {found})",
                     "Lengthen the quote until it matches only the paragraph that opens the chapter.")


def _check_order(entries, pinned: Mapping[str, int], cues: Mapping[str, tuple[str, int]], yaml_path: str) -> None:
    previous = None
    for entry in entries:
        if entry.stamp not in pinned:
            continue
        if previous is not None and pinned[entry.stamp] <= pinned[previous.stamp]:
            raise InputError(yaml_path, cues[entry.stamp][1] if entry.stamp in cues else None,
                             f"the cue for {entry.stamp} comes before or at the cue for {previous.stamp} in the transcript",
                             "Chapter cues must follow the outline's order; check both quotes.")
        previous = entry


def total_words(page: SourcePage) -> int:
    """Words in the whole transcript."""
    return sum(word_count(p.text) for turn in page.turns for p in turn.paragraphs)


def chapter_turns(page: SourcePage, chapter: Chapter) -> list[tuple[int, range]]:
    """The turns a chapter shows: (turn index, paragraph indices), in order.

    The first may start mid-turn when the chapter's cue falls inside a turn.
    """
    if chapter.start is None:
        return []
    stop = chapter.end or Position(len(page.turns), 0)
    shown = []
    for t in range(chapter.start.turn, min(stop.turn + 1, len(page.turns))):
        first = chapter.start.paragraph if t == chapter.start.turn else 0
        last = stop.paragraph if t == stop.turn else len(page.turns[t].paragraphs)
        if first < last:
            shown.append((t, range(first, last)))
    return shown
