"""One transcript file to a `SourcePage`, whatever its format: the reader is chosen by the file's extension.

A page (`.txt`) carries its own title, show notes and outline. The other formats
carry only the conversation: the episode's title, notes and outline come from its
YAML (`title:`, `notes:`, `outline:`) or from a Podcasting 2.0 chapters file
beside it (`<name>.chapters.json`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from episode_site.errors import InputError
from episode_site.model.episode import Line, OutlineEntry, SourcePage, Turn
from episode_site.readers.chapters_json import read_chapters_json
from episode_site.readers.json_transcript import read_json
from episode_site.readers.markdown_transcript import read_markdown
from episode_site.readers.page import _SENTENCE_END as SENTENCE_END  # one rule for every format
from episode_site.readers.page import parse_page
from episode_site.readers.subrip import read_srt
from episode_site.readers.vtt import read_vtt
from episode_site.sources.discovery import CHAPTERS_SUFFIX
from episode_site.sources.episode_facts import EpisodeFacts
from episode_site.sources.seed_files import shown_path
from episode_site.sources.seed_text import read_text

CUE_READERS = {".vtt": read_vtt, ".srt": read_srt, ".json": read_json}
FORMAT_NAMES = {".vtt": "WebVTT", ".srt": "SRT", ".json": "Podcasting 2.0 JSON", ".md": "Markdown"}


def read_source(path: Path, text: str, shown: str, *, root: Path, speakers: Sequence[str], notice_patterns: Sequence[str],
                facts: EpisodeFacts, yaml_path: str) -> SourcePage:
    """The page read from `text` (the file at `path`, shown as `shown` in messages)."""
    if path.suffix == ".txt":
        _no_facts_for_a_page(facts, yaml_path)
        return parse_page(text, shown, speakers=speakers, notice_patterns=notice_patterns)
    preface: tuple[Line, ...] = ()
    heading = None
    if path.suffix == ".md":
        turns, preface, heading = read_markdown(text, shown, speakers=speakers)
    else:
        turns = CUE_READERS[path.suffix](text, shown, speakers=speakers)
    if not preface:  # said under the episode's "Transcript" heading, which would otherwise stand empty
        timed = any(p.seconds is not None for turn in turns for p in turn.paragraphs)
        preface = (Line(f"From the episode's {FORMAT_NAMES[path.suffix]} transcript: its words, speakers"
                        f"{' and times' if timed else ''} as it gives them.", 0),)
    outline, chapters_title = _outline(path, facts, yaml_path, root)
    title = facts.title[0] if facts.title else heading or chapters_title or path.stem
    return page_from_turns(shown, turns, title=title, show_notes=facts.notes, outline=outline, preface=preface)


def page_from_turns(path: str, turns: tuple[Turn, ...], *, title: str, show_notes: tuple[Line, ...] = (),
                    outline: tuple[OutlineEntry, ...] = (), preface: tuple[Line, ...] = ()) -> SourcePage:
    return SourcePage(
        path=path,
        title=title,
        page_notices=(),
        show_notes=show_notes,
        outline=outline,
        transcript_preface=(Line("Transcript", 0), *preface),
        turns=turns,
        speakers=tuple(dict.fromkeys(turn.speaker for turn in turns)),
        ends_mid_sentence=not turns[-1].paragraphs[-1].text.endswith(SENTENCE_END),
    )


def _outline(path: Path, facts: EpisodeFacts, yaml_path: str, root: Path) -> tuple[tuple[OutlineEntry, ...], str | None]:
    chapters = path.with_name(path.stem + CHAPTERS_SUFFIX)
    if not chapters.exists():
        return facts.outline, None
    shown = shown_path(chapters, root)
    if facts.outline:
        raise InputError(yaml_path, facts.outline[0].line, f"the outline is given twice: here and in {shown}",
                         "Keep one of the two: remove `outline:` from the YAML, or the chapters file.")
    return read_chapters_json(read_text(chapters, shown), shown)


def _no_facts_for_a_page(facts: EpisodeFacts, yaml_path: str) -> None:
    """A page says its own title, notes and outline: the same keys in its YAML would be silently ignored."""
    given = [(key, line) for key, line in (("title", facts.title[1] if facts.title else 0),
                                           ("notes", facts.notes[0].number if facts.notes else 0),
                                           ("outline", facts.outline[0].line if facts.outline else 0)) if line]
    if given:
        key, line = given[0]
        raise InputError(yaml_path, line, f"`{key}:` is for transcripts without a page around them (.vtt, .srt, .json, .md)",
                         "A page (.txt) gives its own title, show notes and outline: edit them in the page and remove the key.")
