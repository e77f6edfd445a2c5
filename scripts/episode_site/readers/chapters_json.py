"""Reading a Podcasting 2.0 chapters file beside a transcript (`<name>.chapters.json`): the episode's outline.

`{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"}, …]}`; `title` at the top titles the
episode when its YAML does not. Parsed by Python's `json`, with the line of each chapter found as for transcripts.
"""

from __future__ import annotations

import json

from episode_site.errors import InputError
from episode_site.model.clock import format_exact
from episode_site.model.episode import OutlineEntry
from episode_site.readers.json_transcript import load_with_lines

_EXAMPLE = '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"}, {"startTime": 730, "title": "Evals"}]}'


def read_chapters_json(text: str, path: str) -> tuple[tuple[OutlineEntry, ...], str | None]:
    """(outline entries in time order, the file's `title` or None)."""
    data, lines = load_with_lines(text, path, "chapters", _EXAMPLE)
    chapters = data.get("chapters") if isinstance(data, dict) else None
    if not isinstance(chapters, list) or not chapters:
        raise InputError(path, None, "a chapters file needs a non-empty list `chapters`", f"It looks like {_EXAMPLE}")
    entries: list[OutlineEntry] = []
    for chapter, line in zip(chapters, lines):
        start = chapter.get("startTime") if isinstance(chapter, dict) else None
        title = chapter.get("title") if isinstance(chapter, dict) else None
        if isinstance(start, bool) or not isinstance(start, (int, float)) or start < 0:
            raise InputError(path, line, f"the chapter's `startTime` is {json.dumps(start)}, not a number of seconds",
                             f"Give every chapter its start in seconds, like {_EXAMPLE}")
        if not isinstance(title, str) or not title.strip():
            raise InputError(path, line, "the chapter has no `title`", f"Give every chapter a title, like {_EXAMPLE}")
        if entries and start <= entries[-1].seconds:
            raise InputError(path, line, f"the chapter at {start} s does not come after the one at {entries[-1].seconds} s",
                             "Chapters must be in increasing time order; fix the time or the order.")
        entries.append(OutlineEntry(format_exact(start), start, " ".join(title.split()), (), line))
    title = data.get("title")
    return tuple(entries), " ".join(title.split()) if isinstance(title, str) and title.strip() else None
