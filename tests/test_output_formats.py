"""Every transcript format the site offers parses back, with other parsers and with our own readers, to the same conversation."""

from __future__ import annotations

import itertools
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import srt
import webvtt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from episode_site.load import load_episodes
from episode_site.model.episode import Paragraph, Turn
from episode_site.outputs.transcript_formats import fully_timed, segments, to_json, to_srt, to_vtt
from episode_site.pages.render import render_site
from episode_site.readers.by_extension import page_from_turns
from episode_site.readers.json_transcript import read_json
from episode_site.readers.subrip import _TAG as SRT_TAG
from episode_site.readers.subrip import read_srt
from episode_site.readers.vtt import read_vtt
from helpers.hostile_text import _TEXT, FRAGMENTS

GOLDEN = Path(__file__).parent / "golden"
TIMED = ["vtt-voices", "vtt-labels", "srt-labels", "json-segments"]
HOSTILE = 'Tom & "Jerry" <script>alert(1)</script> --> 1. **not** &amp; markup'


def episode_and_files(case: str):
    folder = GOLDEN / case
    episode = load_episodes(folder / "seeds", folder)[0]
    return episode, render_site([episode])


def conversation(turns):
    return [(t.speaker, " ".join(p.text for p in t.paragraphs)) for t in turns]


@pytest.mark.parametrize("case", TIMED)
def test_webvtt_parses_back(case: str):
    episode, files = episode_and_files(case)
    text = files[f"{episode.slug}/{episode.slug}.vtt"]
    cues = segments(episode.source)
    parsed = webvtt.from_string(text).captions
    assert [(c.voice, c.start_in_seconds) for c in parsed] == [(s.speaker, int(s.start)) for s in cues]
    assert conversation(read_vtt(text, "out.vtt")) == conversation(episode.source.turns)


@pytest.mark.parametrize("case", TIMED)
def test_srt_parses_back(case: str):
    episode, files = episode_and_files(case)
    text = files[f"{episode.slug}/{episode.slug}.srt"]
    parsed = list(srt.parse(text))
    assert [(p.start.total_seconds(), p.content.split(": ", 1)[0]) for p in parsed] == [(round(s.start, 3), s.speaker) for s in segments(episode.source)]
    assert conversation(read_srt(text, "out.srt", speakers=episode.source.speakers)) == conversation(episode.source.turns)


@pytest.mark.parametrize("case", TIMED)
def test_json_transcript_parses_back(case: str):
    episode, files = episode_and_files(case)
    data = json.loads(files[f"{episode.slug}/{episode.slug}.transcript.json"])
    assert data["version"] == "1.0.0"
    assert all(set(s) == {"speaker", "startTime", "endTime", "body"} and s["startTime"] <= s["endTime"] for s in data["segments"])
    text = files[f"{episode.slug}/{episode.slug}.transcript.json"]
    assert conversation(read_json(text, "out.json")) == conversation(episode.source.turns)


class _Transcript(HTMLParser):
    """(tag, text) for every `<cite>`, `<time>` and `<p>` of an HTML transcript."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[list[str]] = []
        self.inside: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("cite", "time", "p"):
            self.inside = tag
            self.found.append([tag, ""])
        elif self.inside:
            raise AssertionError(f"markup <{tag}> inside <{self.inside}>: text was not escaped")

    def handle_endtag(self, tag):
        self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.found[-1][1] += data


@pytest.mark.parametrize("case", [*TIMED, "markdown-labels", "panel"])
def test_html_transcript_parses_back(case: str):
    episode, files = episode_and_files(case)
    parser = _Transcript()
    parser.feed(files[f"{episode.slug}/{episode.slug}.transcript.html"])
    expected = []
    for turn in episode.source.turns:
        expected.append(["cite", f"{turn.speaker}:"])
        if turn.paragraphs[0].seconds is not None:
            expected.append(["time", _clock(turn.paragraphs[0].seconds)])
        expected += [["p", p.text] for p in turn.paragraphs]
    assert parser.found == expected


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}" if whole >= 3600 else f"{whole // 60:02d}:{whole % 60:02d}"


def test_the_cue_formats_only_when_every_turn_has_a_time():
    for case in ["markdown-labels", "panel"]:
        episode, files = episode_and_files(case)
        assert not fully_timed(episode.source)
        assert not [name for name in files if name.endswith((".vtt", ".srt", ".transcript.json"))]


def test_hostile_words_survive_every_format(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    words = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    (seeds / "x.vtt").write_text(f"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v A &amp; B>{words}\n", encoding="utf-8")
    episode = load_episodes(seeds, tmp_path)[0]
    assert conversation(episode.source.turns) == [("A & B", HOSTILE)]
    files = render_site([episode])
    assert conversation(read_vtt(files["x/x.vtt"], "x.vtt")) == [("A & B", HOSTILE)]
    assert conversation(read_json(files["x/x.transcript.json"], "x.json")) == [("A & B", HOSTILE)]
    parser = _Transcript()
    parser.feed(files["x/x.transcript.html"])
    assert parser.found == [["cite", "A & B:"], ["time", "00:01"], ["p", HOSTILE]]
    assert [p.content for p in srt.parse(files["x/x.srt"])] == [f"A & B: {HOSTILE}"]


# Any words, markup and all (the property tests' fragments), through each cue format and back.
_PHRASE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), _TEXT), min_size=1, max_size=6).map(" ".join).map(lambda t: " ".join(t.split()))
_TURNS = st.lists(st.tuples(st.sampled_from(["Ann Lee", "Bo Chen", "Cy"]), _PHRASE.filter(bool)), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TURNS)
def test_any_words_go_through_each_cue_format_and_back(said):
    turns = tuple(Turn(n, speaker, (Paragraph(text, n, seconds=n * 10.0, end=n * 10.0 + 5),))
                  for n, (speaker, text) in enumerate(said, start=1))
    page = page_from_turns("x", turns, title="x")
    expected = [(s, t) for s, t in conversation(turns)]
    merged = [(s, t) for s, t in expected]  # consecutive turns of one speaker become one turn when read back
    merged = [(s, " ".join(t for _, t in group)) for s, group in itertools.groupby(merged, key=lambda item: item[0])]
    assert conversation(read_vtt(to_vtt(page), "x.vtt")) == merged
    assert conversation(read_json(to_json(page), "x.json")) == merged
    # SRT has no escapes: `-->` makes a line of times, and `<b>`, `<i>`, `<u>`, `<font>` are styling to every reader.
    if not any("-->" in text or SRT_TAG.search(text) for _, text in said):
        assert conversation(read_srt(to_srt(page), "x.srt", speakers=("Ann Lee", "Bo Chen", "Cy"))) == merged
