"""Reading a WebVTT transcript: speakers from `<v Name>` voice spans, or from `Name:` at the start of a cue.

webvtt-py parses the file (cue blocks, times, identifiers, NOTE and STYLE
blocks). Written here by hand, because it does not do them: the line of each
cue (for messages), a check that it kept every cue (it skips a cue whose times
it cannot read, and text outside any cue, without a word), every voice of a
cue that holds several (it reports only the first), and entities (`&amp;`),
which it leaves as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from episode_site.errors import InputError
from episode_site.model.episode import Turn
from episode_site.readers.cue_labels import label_cues
from episode_site.readers.cues import Cue, turns_from_cues

_ARROW = "-->"
# webvtt-py's own leniency (one-digit minutes, seconds and fewer millisecond digits), minutes and seconds below 60.
_TIME = r"(?:(\d+):)?([0-5]?\d):([0-5]?\d)\.(\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?=\s|$)")
# Bounded lengths: a `<v` or `<c` never closed must not make each later one scan to the end (quadratic).
_VOICE = re.compile(r"<v(?:\.[^\s>]{0,200})?[ \t]([^>\n]{0,200})>|</v>")
# The other cue tags (class, italics, bold, underline, language, ruby, timestamps); any other `<` is text.
_TAG = re.compile(r"</?(?:c|i|b|u|lang|ruby|rt)(?:[.\s][^>\n]{0,200})?>|<\d[\d:.]{0,20}>")
_NOT_CUES = ("NOTE", "STYLE", "REGION")
HOW_TO_NAME = "start the cue's text with a voice span like `<v Jane Doe>` or a label like `Jane Doe: `"


def read_vtt(text: str, path: str, *, speakers: Sequence[str] = ()) -> tuple[Turn, ...]:
    lines = text.split("\n")
    if not text.strip():
        raise InputError(path, None, "the file is empty", "Put the episode's WebVTT transcript in it, starting with a line `WEBVTT`.")
    if not lines[0].startswith("WEBVTT"):
        raise InputError(path, 1, "a WebVTT file must start with a line `WEBVTT`",
                         "Add `WEBVTT` as the first line, or give the file the extension of its real format (.srt, .txt, .md, .json).")
    timing_lines = _timing_lines(lines, path)
    try:
        captions = webvtt.from_string(text).captions
    except (MalformedFileError, MalformedCaptionError) as error:
        raise InputError(path, None, f"WebVTT does not parse ({error})", "Check the file against the WebVTT format: `WEBVTT`, then cues of times and text.") from None
    if len(captions) != len(timing_lines):  # never seen: the checks above mirror what webvtt-py accepts
        raise InputError(path, None, f"{len(timing_lines)} cues were found but webvtt-py read {len(captions)}",
                         "Check the cue blocks: each is an optional identifier, a `start --> end` line and text, with a blank line after it.")
    cues = []
    for caption, timing_line in zip(captions, timing_lines):
        start, end = _seconds(caption.start_time), _seconds(caption.end_time)
        for speaker, words, offset in _voices(caption.raw_text):
            cues.append(Cue(start, end, speaker, words, timing_line + 1 + offset, timing_line))
    return turns_from_cues(label_cues(cues, path, speakers=speakers), path, how_to_name=HOW_TO_NAME)


def _timing_lines(lines: list[str], path: str) -> list[int]:
    """Line number of every cue's times; text that is in no cue, and times that are not times, stop the build."""
    found: list[int] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            block.append((number, line))
            continue
        if block and number - len(block) > 1 and not block[0][1].startswith(_NOT_CUES):
            timed = [(n, t) for n, t in block if _ARROW in t]
            if not timed or timed[0][0] > block[0][0] + 1:
                raise InputError(path, block[0][0], "this text is in no cue: no `start --> end` line comes before it",
                                 "Put a line of times like `00:01:02.500 --> 00:01:05.000` above it, or a blank line "
                                 "between cues only after their text.")
            for n, t in timed:
                if not _TIMING.match(t):
                    raise InputError(path, n, f"`{t.strip()}` is not a cue's times",
                                     "Write them as HH:MM:SS.mmm --> HH:MM:SS.mmm (minutes and seconds below 60), "
                                     "like `00:01:02.500 --> 00:01:05.000`.")
                found.append(n)
        block = []
    return found


def _seconds(stamp) -> float:
    return stamp.hours * 3600 + stamp.minutes * 60 + stamp.seconds + stamp.milliseconds / 1000


def _voices(raw: str) -> list[tuple[str | None, str, int]]:
    """(speaker or None, words, line offset in the cue's text) for each voice of a cue."""
    parts: list[tuple[str | None, str, int]] = []
    speaker, at = None, 0
    for match in [*_VOICE.finditer(raw), None]:
        stop = match.start() if match else len(raw)
        # Lines are kept apart for `Name:` labels at a line's start (cue_labels folds them after).
        words = "\n".join(" ".join(line.split()) for line in html.unescape(_TAG.sub("", raw[at:stop])).split("\n")).strip()
        if words:
            parts.append((speaker, words, raw.count("\n", 0, at)))
        if match:
            speaker = " ".join(html.unescape(match[1]).split()) or None if match[0] != "</v>" else None
            at = match.end()
    return parts
