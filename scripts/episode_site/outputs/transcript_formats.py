"""The transcript in the formats podcast apps read (Podcasting 2.0 `<podcast:transcript>`): WebVTT, SRT, JSON and HTML.

WebVTT, SRT and JSON need a start time for every turn, so they are written only
when the source gives one for each (`fully_timed`). Each paragraph with its own
time is a cue; a paragraph without one joins the cue before it. A cue ends where
the source says; otherwise where the next cue starts, and the last one after its
words at 160 words a minute. The HTML transcript (`<cite>`, `<time>`, `<p>`) is
written for every episode, with `<time>` only for times the source gives.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from html import escape

import srt

from episode_site.model.clock import format_exact, format_precise
from episode_site.model.episode import SourcePage
from episode_site.model.timing import DEFAULT_WORDS_PER_SECOND

JSON_TRANSCRIPT_VERSION = "1.0.0"  # https://github.com/Podcastindex-org/podcast-namespace/blob/main/transcripts/transcripts.md


@dataclass(frozen=True)
class Segment:
    """One cue of the output: a speaker's words from one time on."""

    speaker: str
    start: float
    end: float
    text: str


def fully_timed(page: SourcePage) -> bool:
    """True when every turn's first paragraph has the source's own start time."""
    return all(turn.paragraphs[0].seconds is not None for turn in page.turns)


def segments(page: SourcePage) -> list[Segment]:
    """The cues of a fully timed page, in order."""
    found: list[tuple[str, float, float | None, list[str]]] = []
    for turn in page.turns:
        for paragraph in turn.paragraphs:
            if paragraph.seconds is None:
                found[-1][3].append(paragraph.text)
            else:
                found.append((turn.speaker, paragraph.seconds, paragraph.end, [paragraph.text]))
    result = []
    for i, (speaker, start, end, texts) in enumerate(found):
        text = " ".join(texts)
        if end is None or len(texts) > 1:
            following = next((s for _, s, _, _ in found[i + 1 :] if s > start), None)
            end = following if following is not None else start + max(1.0, len(text.split()) / DEFAULT_WORDS_PER_SECOND)
        result.append(Segment(speaker, start, max(end, start), text))
    return result


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(page: SourcePage) -> str:
    """WebVTT with each cue's speaker in a `<v>` voice span (what Apple Podcasts reads)."""
    lines = ["WEBVTT", ""]
    for segment in segments(page):
        lines += [f"{format_precise(segment.start)} --> {format_precise(segment.end)}",
                  f"<v {_vtt_escape(segment.speaker)}>{_vtt_escape(segment.text)}", ""]
    return "\n".join(lines)


def to_srt(page: SourcePage) -> str:
    """SRT, each subtitle opening with `Name: `."""
    return srt.compose([
        srt.Subtitle(n, datetime.timedelta(seconds=s.start), datetime.timedelta(seconds=s.end), f"{s.speaker}: {s.text}")
        for n, s in enumerate(segments(page), start=1)
    ])


def to_json(page: SourcePage) -> str:
    """The Podcasting 2.0 JSON transcript."""
    data = {"version": JSON_TRANSCRIPT_VERSION, "segments": [
        {"speaker": s.speaker, "startTime": round(s.start, 3), "endTime": round(s.end, 3), "body": s.text} for s in segments(page)
    ]}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def to_html(page: SourcePage) -> str:
    """The Podcasting 2.0 HTML transcript: per turn `<cite>Name:</cite>`, `<time>` when given, `<p>` per paragraph."""
    lines = ["<!DOCTYPE html>", "<html>", "<head>", '<meta charset="utf-8">',
             f"<title>{escape(page.title)}: transcript</title>", "</head>",
             # Kept out of the site's search: the chapter pages hold the same words.
             '<body data-pagefind-ignore="all">']
    for turn in page.turns:
        lines.append(f"<cite>{escape(turn.speaker)}:</cite>")
        start = turn.paragraphs[0].seconds
        if start is not None:
            lines.append(f"<time>{format_exact(start)}</time>")
        lines += [f"<p>{escape(p.text)}</p>" for p in turn.paragraphs]
    lines += ["</body>", "</html>", ""]
    return "\n".join(lines)
