"""Reading a Podcasting 2.0 JSON transcript: `{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`.

Python's `json` parses it. It keeps no line numbers, so a short walk over the
text (by hand, below) finds where each segment starts: messages then name the
segment's line. A segment without `speaker` goes on with the one before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from episode_site.errors import InputError
from episode_site.model.episode import Turn
from episode_site.readers.cues import Cue, turns_from_cues

HOW_TO_NAME = 'give the segment a `"speaker": "Jane Doe"`'
_EXAMPLE = '{"version": "1.0.0", "segments": [{"speaker": "Jane Doe", "startTime": 0.5, "endTime": 2.0, "body": "Hello."}]}'


def read_json(text: str, path: str, *, speakers: Sequence[str] = ()) -> tuple[Turn, ...]:
    del speakers  # segments name their speakers
    if not text.strip():
        raise InputError(path, None, "the file is empty", f"Put the episode's JSON transcript in it, like {_EXAMPLE}")
    data, lines = load_with_lines(text, path)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list) or not segments:
        raise InputError(path, None, "a JSON transcript needs a non-empty list `segments`", f"It looks like {_EXAMPLE}")
    cues = []
    for segment, line in zip(segments, lines):
        if not isinstance(segment, dict):
            raise InputError(path, line, "each segment must be an object", f"Write segments like {_EXAMPLE}")
        start, end, body, speaker = (segment.get(k) for k in ("startTime", "endTime", "body", "speaker"))
        for key, value in (("startTime", start), ("endTime", end)):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InputError(path, line, f"the segment's `{key}` is {json.dumps(value)}, not a number of seconds",
                                 f'Give every segment `"startTime"` and `"endTime"` in seconds, like {_EXAMPLE}')
        if not isinstance(body, str):
            raise InputError(path, line, "the segment has no text `body`", f"Give every segment its words as `\"body\"`, like {_EXAMPLE}")
        if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
            raise InputError(path, line, f"the segment's `speaker` is {json.dumps(speaker)}", f"Give a name, like {_EXAMPLE}")
        cues.append(Cue(float(start), float(end), " ".join(speaker.split()) if speaker else None, " ".join(body.split()), line))
    return turns_from_cues(cues, path, how_to_name=HOW_TO_NAME)


def load_with_lines(text: str, path: str, key: str = "segments", example: str = _EXAMPLE) -> tuple[object, list[int]]:
    """The parsed JSON and the line of each item of its top-level list `key` (json's C parser, then a walk for their offsets)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(path, error.lineno, f"JSON does not parse: {error.msg} (column {error.colno})",
                         f"Fix the syntax (commas, quotes and brackets). It looks like {example}") from None
    lines, line, previous = [], 1, 0
    for offset in _item_offsets(text, key) if isinstance(data, dict) else ():
        line += text.count("\n", previous, offset)
        lines.append(line)
        previous = offset
    return data, lines


_SPACE = re.compile(r"[ \t\n\r]*")


def _item_offsets(text: str, wanted: str) -> list[int]:
    """Where each item of the top-level object's (last) list `wanted` starts; the text is valid JSON."""
    decoder, found = json.JSONDecoder(), []
    at = _SPACE.match(text).end() + 1  # past the `{`
    while text[at := _SPACE.match(text, at).end()] != "}":
        key, at = decoder.raw_decode(text, at)
        at = _SPACE.match(text, _SPACE.match(text, at).end() + 1).end()  # past the `:`
        if key == wanted and text[at] == "[":
            found, at = [], at + 1
            while text[at := _SPACE.match(text, at).end()] != "]":
                found.append(at)
                _, at = decoder.raw_decode(text, at)
                at = _SPACE.match(text, at).end()
                at += text[at] == ","
            at += 1
        else:
            _, at = decoder.raw_decode(text, at)
        at = _SPACE.match(text, at).end()
        at += text[at] == ","
    return found
