"""Reading a Markdown transcript: bold speaker labels, with or without timestamps.

    **Jane Doe:** Hello.                  **Jane Doe** [00:02:01]: Hello.
    **Jane Doe** (00:00:01): Hello.       … and later, inside a paragraph, [07:56] more words.

Written by hand: a Markdown parser would read the transcript's own `*`, `_`, `\\`
and brackets as markup and drop them, and no parser knows speaker labels. The
words are kept exactly as written (Markdown marks included); only the labels and
the `[MM:SS]` marks are taken out. A blank line starts a new paragraph; lines
next to each other form one, as in Markdown. A `[07:56]` mark starts a new
paragraph at that time. Lines before the first label are the transcript's
preface, except a first `# Heading`, which titles the episode when its YAML
does not. A bold label counts when its name is listed under `speakers:` in the
episode's YAML or, without a list, when it labels two turns or more.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from episode_site.errors import InputError
from episode_site.model.clock import parse_stamp
from episode_site.model.episode import Line, Paragraph, Turn

log = logging.getLogger("episode_site")
_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?"
_LABEL = re.compile(rf"^\*\*(?P<name>[^*\n]+?)(?P<inner>:?)\*\*[ \t]*(?:[\[(](?P<stamp>{_STAMP})[\])])?[ \t]*(?P<outer>:?)[ \t]*(?P<rest>.*)$")
_MARK = re.compile(rf"\[({_STAMP})\]")
_MAX_NAME_WORDS = 6
_HEADING = re.compile(r"^#\s+(?P<title>\S.*?)\s*#*\s*$")


def read_markdown(text: str, path: str, *, speakers: Sequence[str] = ()) -> tuple[tuple[Turn, ...], tuple[Line, ...], str | None]:
    """(turns, preface lines, the title of a first `# Heading` or None)."""
    lines = [Line(raw.rstrip(), n) for n, raw in enumerate(text.split("\n"), start=1)]
    if not any(line.text.strip() for line in lines):
        raise InputError(path, None, "the file is empty", "Put the episode's transcript in it: turns like `**Jane Doe:** Hello.`")
    labels = [(line, m) for line in lines if (m := _label(line.text))]
    names = set(speakers) or {name for name, count in Counter(m["name"].strip() for _, m in labels).items() if count >= 2}
    turns: list[tuple[str, list[Paragraph]]] = []
    preface: list[Line] = []
    title = None
    pending: list[Line] = []  # lines of the paragraph being read
    label_lines: list[int] = []
    clock = _Clock(path)

    def close() -> None:
        if not pending:
            return
        if not turns:
            preface.extend(pending)
        else:
            _add_paragraphs(turns[-1][1], pending, clock)
        pending.clear()

    for line in lines:
        match = _label(line.text)
        if match and match["name"].strip() in names:
            close()
            clock.carried = None
            turns.append((match["name"].strip(), []))
            label_lines.append(line.number)
            pending.append(Line(f"[{match['stamp']}] {match['rest']}" if match["stamp"] else match["rest"], line.number))
            if not match["rest"].strip() and not match["stamp"]:
                pending.clear()
            continue
        if match and match["name"].strip() not in names:
            log.warning("%s:%d: `**%s**` looks like a speaker's label but is not a speaker's, so the line stays in the turn "
                        "before it. If it starts a turn, list every speaker under `speakers:` in the episode's YAML.",
                        path, line.number, match["name"].strip())
        if not line.text.strip():
            close()
        elif not turns and title is None and not preface and not pending and (heading := _HEADING.match(line.text)):
            title = heading["title"]
        else:
            pending.append(line)
    close()
    if not turns:
        raise InputError(path, None, "no speaker turns were found in the transcript",
                         "Each turn must start a line with the speaker's name in bold, like `**Jane Doe:** Hello.`; "
                         "list the speakers under `speakers:` in the episode's YAML file if they speak only once.")
    for (name, paragraphs), line in zip(turns, label_lines):
        if not paragraphs:
            raise InputError(path, line, f"the label `**{name}**` has no words after it",
                             "Put the turn's words after the label, or remove the label.")
    return tuple(Turn(n, name, tuple(ps)) for n, (name, ps) in enumerate(turns, start=1)), tuple(preface), title


def _label(text: str) -> re.Match[str] | None:
    match = _LABEL.match(text)
    labelled = match and (match["inner"] or match["outer"] or (match["stamp"] and not match["rest"]))
    return match if labelled and len(match["name"].split()) <= _MAX_NAME_WORDS else None  # a bold sentence is no name


class _Clock:
    """The last timestamp read (times must go forward), and one read but not yet given to a paragraph."""

    def __init__(self, path: str) -> None:
        self.path, self.last, self.last_line, self.carried = path, -1.0, 0, None

    def read(self, stamp: str, line: int) -> float:
        seconds = parse_stamp(stamp, path=self.path, line=line)
        if seconds < self.last:
            raise InputError(self.path, line, f"the timestamp {stamp} comes before the one on line {self.last_line}",
                             "Timestamps must go forward through the transcript; fix the one that is wrong.")
        self.last, self.last_line = seconds, line
        return seconds


def _add_paragraphs(paragraphs: list[Paragraph], lines: list[Line], clock: _Clock) -> None:
    """One paragraph of the joined lines, cut at each `[MM:SS]` mark (a mark with no words after it times the next paragraph)."""
    text = " ".join(line.text.strip() for line in lines)
    pieces = _MARK.split(text)  # words, stamp, words, stamp, words …
    for i, piece in enumerate(pieces):
        if i % 2:
            clock.carried = clock.read(piece, _line_of(lines, piece))
            continue
        words = " ".join(piece.split())
        if words:
            paragraphs.append(Paragraph(words, lines[0].number, seconds=clock.carried))
            clock.carried = None


def _line_of(lines: list[Line], stamp: str) -> int:
    return next((line.number for line in lines if f"[{stamp}]" in line.text), lines[0].number)
