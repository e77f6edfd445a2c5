"""Reading a source page: title, show notes, outline, then the transcript's turns."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from episode_site.errors import InputError, printable
from episode_site.model.clock import parse_stamp
from episode_site.model.episode import Line, OutlineEntry, Paragraph, SourcePage, Turn
from episode_site.readers.labels import LabelFinder, check_labels, detect_speakers, label_at_start, label_form

log = logging.getLogger("episode_site")
_OUTLINE_ENTRY = re.compile(r"^(?P<stamp>\d{1,2}:\d{2}(?::\d{2})?)\s+(?P<title>\S.*)$")
# Symbols or emoji before what would be a label (`🎙️ Jane Doe: …`): told, not taken.
_PREFIXED_LABEL = re.compile(r"^(?P<prefix>\s*[^\w\s\"'“‘«(\[{]{1,8}\s*)(?P<rest>[^\W\d_].*)$")
_SHOW_NOTES_MARKER = "show notes"
_TRANSCRIPT_MARKER = "transcript"
# Closing punctuation of a finished sentence; anything else at the very end means a cut-off.
_SENTENCE_END = tuple(".!?…\"”’')]»")


def plain_newlines(text: str) -> str:
    """The text with a byte-order mark and CR LF or CR line endings read as if absent (LF)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str) -> list[Line]:
    """Numbered lines; a byte-order mark and CR line endings are read as if absent."""
    text = plain_newlines(text)
    return [Line(raw.rstrip(), number) for number, raw in enumerate(text.split("\n"), start=1)]


def parse_page(
    text: str,
    path: str,
    *,
    speakers: Sequence[str] = (),
    notice_patterns: Sequence[str] = (),
) -> SourcePage:
    """Read a source page. `speakers` empty means: detect recurring labels."""
    lines = [line for line in split_lines(text) if line.text.strip()]
    if not lines:
        raise InputError(path, None, "the file is empty", "Put the episode's page text in it (title, show notes, outline, transcript).")
    title, rest = lines[0], lines[1:]
    marker = _find_marker(rest, _TRANSCRIPT_MARKER)
    names = tuple(speakers) or detect_speakers(line.text for line in (rest[marker + 1 :] if marker is not None else rest))
    finder = LabelFinder(names)  # built once: rebuilding it for every line made 10,000 speakers take minutes
    if marker is None:
        marker_line = None
        start = next((i for i, line in enumerate(rest) if finder.find(line.text)), len(rest))
        head, body = rest[:start], rest[start:]
    else:
        marker_line = rest[marker]
        head, body = rest[:marker], rest[marker + 1 :]
    notices, show_notes, outline = _read_head(head, path, notice_patterns)
    check_labels(body, names, path, listed=bool(speakers))
    preface, turns = _read_turns(body, finder, path)
    for line in preface:
        if _OUTLINE_ENTRY.match(line.text.strip()):
            raise InputError(path, line.number, f"the outline entry `{line.text.strip()}` comes after the `Transcript` line",
                             "Move it up with the other outline entries, before the `Transcript` line.")
    _warn_single_labels(body, names, path)
    _warn_case_variants(turns, path)
    if not turns:
        raise InputError(
            path, marker_line.number if marker_line else None,
            "no speaker turns were found in the transcript",
            "Each turn must start a line with the speaker's name and a colon, like `Jane Doe: Hello.`; "
            "list the speakers under `speakers:` in the episode's YAML file if they speak only once.",
        )
    if marker_line:
        preface = (marker_line, *preface)
    spoken = tuple(dict.fromkeys(turn.speaker for turn in turns))
    last = turns[-1].paragraphs[-1].text
    return SourcePage(
        path=path,
        title=title.text.strip(),
        page_notices=notices,
        show_notes=show_notes,
        outline=outline,
        transcript_preface=preface,
        turns=turns,
        speakers=spoken,
        ends_mid_sentence=not last.endswith(_SENTENCE_END),
    )


def _warn_single_labels(lines: Sequence[Line], speakers: Sequence[str], path: str) -> None:
    """Say where a line starts like a label but is not taken as one: it stays in the turn before."""
    said: set[str] = set()
    known = {label_form(name) for name in speakers}
    for line in lines:
        found = label_at_start(line.text)
        if found and found[0] not in known and found[0] not in said:
            said.add(found[0])
            log.warning("%s:%d: `%s:` looks like a speaker's label but is not a speaker's, so the line stays in the "
                        "turn before it. If it starts a turn, list every speaker under `speakers:` in the episode's YAML.",
                        path, line.number, printable(found[0]))
        elif not found and (prefixed := _PREFIXED_LABEL.match(line.text)):
            inner = label_at_start(prefixed["rest"])
            if inner and inner[0] not in said:
                said.add(inner[0])
                log.warning("%s:%d: `%s:` looks like a speaker's label, but %s comes before it, so the line is not read "
                            "as a label and stays in the turn before it. If it starts a turn, remove what comes before the name.",
                            path, line.number, printable(inner[0]), printable(prefixed["prefix"].strip(), 20))


def _warn_case_variants(turns: Sequence[Turn], path: str) -> None:
    """`Jane Doe:` and `JANE DOE:` are two speakers: say so, at the first turn of the second spelling."""
    first: dict[str, str] = {}
    for turn in turns:
        key = turn.speaker.casefold()
        other = first.setdefault(key, turn.speaker)
        if other != turn.speaker and key + "\0" + turn.speaker not in first:
            first[key + "\0" + turn.speaker] = turn.speaker
            log.warning("%s:%d: `%s:` and `%s:` differ only in letter case, so they are two speakers. "
                        "If they are one person, write the labels alike.", path, turn.paragraphs[0].line,
                        printable(turn.speaker), printable(other))


def _find_marker(lines: Sequence[Line], marker: str) -> int | None:
    return next((i for i, line in enumerate(lines) if line.text.strip().lower() == marker), None)


def _read_head(
    lines: Sequence[Line], path: str, notice_patterns: Sequence[str]
) -> tuple[tuple[Line, ...], tuple[Line, ...], tuple[OutlineEntry, ...]]:
    """Split the part before the transcript into page notices, show notes and outline entries.

    Lines before a `Show Notes` line belong to the page around the episode (a
    player's notice); so does any line matching a notice pattern from `seeds/site.yml`.
    The `Show Notes` line itself is kept with the notes, so that it appears on the site.
    """
    notice = re.compile("|".join(f"(?:{p})" for p in notice_patterns)) if notice_patterns else None
    marker = _find_marker(lines, _SHOW_NOTES_MARKER)
    notices: list[Line] = list(lines[:marker]) if marker is not None else []
    show_notes: list[Line] = []
    entries: list[tuple[Line, re.Match[str], list[Line]]] = []
    for line in lines[marker:] if marker is not None else lines:
        entry = _OUTLINE_ENTRY.match(line.text.strip())
        if notice and notice.search(line.text):
            notices.append(line)
        elif entry:
            entries.append((line, entry, []))
        elif entries:
            entries[-1][2].append(line)
        else:
            show_notes.append(line)
    outline = []
    for line, entry, notes in entries:
        seconds = parse_stamp(entry["stamp"], path=path, line=line.number)
        if outline and seconds <= outline[-1].seconds:
            raise InputError(
                path, line.number,
                f"outline timestamp {entry['stamp']} does not come after {outline[-1].stamp}",
                "Outline entries must be in increasing time order; fix the timestamp or the order.",
            )
        outline.append(OutlineEntry(entry["stamp"], seconds, entry["title"].strip(), tuple(notes), line.number))
    return tuple(notices), tuple(show_notes), tuple(outline)


def _read_turns(lines: Sequence[Line], finder: LabelFinder, path: str) -> tuple[tuple[Line, ...], tuple[Turn, ...]]:
    """Turns start at a speaker's label; unlabelled lines continue the current turn."""
    preface: list[Line] = []
    turns: list[tuple[str, list[Paragraph]]] = []
    labelled_at: list[int] = []
    for line in lines:
        pending = line.text
        while pending:
            found = finder.find(pending)
            before = found[0] if found else pending.strip()
            if before:
                if turns:
                    turns[-1][1].append(Paragraph(before, line.number))
                else:
                    preface.append(Line(before, line.number))
            if found:
                turns.append((found[1], []))
                labelled_at.append(line.number)
            pending = found[2] if found else ""
    for (speaker, paragraphs), number in zip(turns, labelled_at):
        if not paragraphs:  # a label at the very end, or followed at once by another label
            raise InputError(path, number, f"the label `{speaker}:` has no words after it",
                             "Put the turn's words after the label, or remove the label.")
    return tuple(preface), tuple(
        Turn(number, speaker, tuple(paragraphs)) for number, (speaker, paragraphs) in enumerate(turns, start=1)
    )
