"""Episode facts (issue 13): what a bare transcript file (VTT, SRT, JSON, Markdown) cannot say itself.

A page (`.txt`) carries its own title, notes and outline; these YAML keys give them to the other formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from episode_site.errors import InputError
from episode_site.model.clock import parse_stamp
from episode_site.model.episode import Line, OutlineEntry
from episode_site.sources.yaml_bounds import Located
from episode_site.sources.yaml_values import text_value, web_address

FACT_KEYS = ("title", "notes", "outline", "audio")


@dataclass(frozen=True)
class EpisodeFacts:
    """Episode facts from the YAML; each empty when not written."""

    title: tuple[str, int] | None = None
    """`title:` and its line."""
    notes: tuple[Line, ...] = ()
    """`notes:` (the show notes), one Line per line of text."""
    outline: tuple[OutlineEntry, ...] = ()
    """`outline:` maps `"timestamp": "chapter title"`, in increasing time order."""
    audio_url: str | None = None
    """`audio:`, an http or https address of the episode's audio file."""


def episode_facts(data: dict[str, Located], shown: str) -> EpisodeFacts:
    title = text_value(data.get("title"), shown, "title")
    notes = text_value(data.get("notes"), shown, "notes")
    return EpisodeFacts(
        title=title if title and title[0] else None,
        notes=tuple(Line(text, notes[1]) for text in notes[0].splitlines() if text.strip()) if notes else (),
        outline=_outline(data.get("outline"), shown),
        audio_url=_audio(data.get("audio"), shown),
    )


def _outline(item: Located | None, shown: str) -> tuple[OutlineEntry, ...]:
    if item is None or item.value is None:
        return ()
    if not isinstance(item.value, dict):
        raise InputError(shown, item.line, "`outline` must map timestamps to chapter titles",
                         'Write one chapter a line, like `"12:10": "Evals and benchmarks"`.')
    entries: list[OutlineEntry] = []
    for stamp, title in item.value.items():
        text = text_value(title, shown, f"outline: {stamp}")
        if not text or not text[0]:
            raise InputError(shown, title.line, f"the chapter at {stamp} has no title", 'Write it like `"12:10": "Evals and benchmarks"`.')
        seconds = parse_stamp(stamp, path=shown, line=title.line)
        if entries and seconds <= entries[-1].seconds:
            raise InputError(shown, title.line, f"outline timestamp {stamp} does not come after {entries[-1].stamp}",
                             "Outline entries must be in increasing time order; fix the timestamp or the order.")
        entries.append(OutlineEntry(stamp, seconds, text[0], (), title.line))
    return tuple(entries)


def _audio(item: Located | None, shown: str) -> str | None:
    """`audio:`, checked as `source:` is: an http or https address, nothing that could run in a page."""
    found = web_address(item, shown, "audio", "Give the address of the episode's audio file, like `audio: https://example.com/episode.mp3`.")
    return found[0] if found else None
