"""Reading an SRT (SubRip) transcript, with `Name:` at the start of a subtitle naming its speaker.

The `srt` package parses the file. Written here by hand, because it does not do
them: the line of each subtitle (for messages), and a check of every line of
times, since it reads an unreadable end time as 0 instead of saying so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import srt

from episode_site.errors import InputError
from episode_site.model.episode import Turn
from episode_site.readers.cue_labels import label_cues
from episode_site.readers.cues import Cue, turns_from_cues

_TIME = r"\d+:[0-5]\d:[0-5]\d[,.]\d{1,3}"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?=\s|$)")
_TAG = re.compile(r"</?(?:i|b|u|font)(?:\s[^>\n]{0,200})?>", re.IGNORECASE)  # SRT's styling; any other `<` is text
HOW_TO_NAME = "start the subtitle's text with a label like `Jane Doe: `"


def read_srt(text: str, path: str, *, speakers: Sequence[str] = ()) -> tuple[Turn, ...]:
    if not text.strip():
        raise InputError(path, None, "the file is empty", "Put the episode's SRT transcript in it: numbered subtitles with times and text.")
    lines = text.split("\n")
    timing_lines = [n for n, line in enumerate(lines, start=1) if "-->" in line]
    for n in timing_lines:
        if not _TIMING.match(lines[n - 1]):
            raise InputError(path, n, f"`{lines[n - 1].strip()}` is not a subtitle's times",
                             "Write them as HH:MM:SS,mmm --> HH:MM:SS,mmm (minutes and seconds below 60), like `00:01:02,500 --> 00:01:05,000`.")
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as error:
        stray = error.unmatched_content
        line = text.count("\n", 0, error.expected_start + len(stray) - len(stray.lstrip())) + 1
        raise InputError(path, line, "this text is in no subtitle", "Each subtitle is a number, a line of times and its text, "
                         "with a blank line after it; remove the text or put it into a subtitle.") from None
    if not subtitles:
        raise InputError(path, 1, "no subtitles were found", "Each subtitle is a number, a line of times like `00:00:01,000 --> 00:00:04,000`, and its text.")
    cues = []
    for subtitle, timing_line in zip(subtitles, timing_lines):
        words = _TAG.sub("", subtitle.content).strip()  # lines kept apart for labels; cue_labels folds them
        cues.append(Cue(subtitle.start.total_seconds(), subtitle.end.total_seconds(), None, words, timing_line + 1, timing_line))
    return turns_from_cues(label_cues(cues, path, speakers=speakers), path, how_to_name=HOW_TO_NAME)
