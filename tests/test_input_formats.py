"""Transcripts in every format go through one model: the same conversation gives the same site, and every mistake one message.

The five files under tests/data/same-conversation are one conversation written
by hand as page text, WebVTT, SRT, Podcasting 2.0 JSON and Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_cli
from episode_site.errors import InputError
from episode_site.load import load_episodes
from episode_site.promises.anchor_map import episode_anchors

SAME = Path(__file__).parent / "data" / "same-conversation"
FORMATS = {"page": ("page.txt", "page.yml"), "vtt": ("cues.vtt", "timed.yml"), "srt": ("cues.srt", "timed.yml"),
           "json": ("cues.json", "timed.yml"), "markdown": ("talk.md", "timed.yml")}


def load_one(tmp_path: Path, files: dict[str, str | bytes]):
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, content in files.items():
        (seeds / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_episodes(seeds, tmp_path)[0]


def load_format(tmp_path: Path, kind: str):
    transcript, settings = FORMATS[kind]
    suffix = Path(transcript).suffix
    return load_one(tmp_path / kind, {f"conversation{suffix}": (SAME / transcript).read_text(encoding="utf-8"),
                                      "conversation.yml": (SAME / settings).read_text(encoding="utf-8")})


def shape(episode):
    turns = [(t.number, t.speaker, [p.text for p in t.paragraphs]) for t in episode.source.turns]
    chapters = [(c.number, c.entry.title, c.slug, c.start, c.end) for c in episode.chapters]
    anchors = [(anchor, page) for anchor, page, _ in episode_anchors(episode)]
    return episode.source.title, turns, chapters, anchors


@pytest.mark.parametrize("kind", [k for k in FORMATS if k != "page"])
def test_every_format_gives_the_same_turns_chapters_and_anchors(tmp_path: Path, kind: str):
    (tmp_path / "page").mkdir()
    (tmp_path / kind).mkdir(exist_ok=True)
    page = load_format(tmp_path, "page")
    other = load_format(tmp_path, kind)
    assert shape(other) == shape(page)
    assert shape(page)[1][2] == (3, "Jane Doe", ["Let us begin.", "Then a second thought, after a pause."])
    assert other.source.timed and not page.source.timed


def test_cue_times_become_turn_and_paragraph_times(tmp_path: Path):
    (tmp_path / "vtt").mkdir()
    episode = load_format(tmp_path, "vtt")
    assert [(p.seconds, p.end) for t in episode.source.turns for p in t.paragraphs] == [
        (1.0, 3.0), (3.5, 8.0), (9.0, 11.0), (15.0, 18.0), (31.0, 34.0), (35.0, 38.0)]
    # The second chapter (00:30) starts at the first turn at or after its time, with no cue.
    assert episode.chapters[1].start.turn == 3 and not episode.chapters[1].estimated


def test_a_multi_voice_cue_keeps_every_voice(tmp_path: Path):
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Hi.</v> <v Bo Chen>Hello.</v>\n"
    episode = load_one(tmp_path, {"x.vtt": vtt})
    assert [(t.speaker, t.paragraphs[0].text) for t in episode.source.turns] == [("Ann Lee", "Hi."), ("Bo Chen", "Hello.")]


def test_two_labelled_lines_in_one_subtitle_keep_their_speakers(tmp_path: Path):
    srt_text = ("1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: Hi.\nBo Chen: Hello.\n\n"
                "2\n00:00:03,000 --> 00:00:04,000\nAnn Lee: Bye,\nsee you.\n\n3\n00:00:05,000 --> 00:00:06,000\nBo Chen: Ok.\n")
    episode = load_one(tmp_path, {"x.srt": srt_text})
    assert conversation_of(episode) == [("Ann Lee", "Hi."), ("Bo Chen", "Hello."), ("Ann Lee", "Bye, see you."), ("Bo Chen", "Ok.")]


def conversation_of(episode):
    return [(t.speaker, " ".join(p.text for p in t.paragraphs)) for t in episode.source.turns]


def test_a_chapters_json_gives_the_outline_and_title(tmp_path: Path):
    chapters = '{"version": "1.2.0", "title": "From chapters", "chapters": [{"startTime": 0, "title": "A"}, {"startTime": 30, "title": "B"}]}'
    episode = load_one(tmp_path, {"x.vtt": (SAME / "cues.vtt").read_text(encoding="utf-8"), "x.chapters.json": chapters})
    assert episode.source.title == "From chapters"
    assert [(c.entry.title, c.start.turn if c.start else None) for c in episode.chapters] == [("A", 0), ("B", 3)]


VTT = (SAME / "cues.vtt").read_text(encoding="utf-8")
SRT = (SAME / "cues.srt").read_text(encoding="utf-8")
JSON = (SAME / "cues.json").read_text(encoding="utf-8")
MD = (SAME / "talk.md").read_text(encoding="utf-8")
TIMED_YML = (SAME / "timed.yml").read_text(encoding="utf-8")

# (case id, file name, content, the whole message)
MALFORMED = [
    # WebVTT
    ("vtt-empty", "x.vtt", "\n\n", "seeds/x.vtt: the file is empty. Put the episode's WebVTT transcript in it, starting with a line `WEBVTT`."),
    ("vtt-no-header", "x.vtt", VTT.replace("WEBVTT\n", "WEBVTX\n"),
     "seeds/x.vtt:1: a WebVTT file must start with a line `WEBVTT`. Add `WEBVTT` as the first line, or give the file the extension of its real format (.srt, .txt, .md, .json)."),
    ("vtt-bad-timestamp", "x.vtt", VTT.replace("00:00:09.000 --> 00:00:11.000", "00:00:09.000 --> 00:00:1x.000"),
     "seeds/x.vtt:12: `00:00:09.000 --> 00:00:1x.000` is not a cue's times. Write them as HH:MM:SS.mmm --> HH:MM:SS.mmm (minutes and seconds below 60), like `00:01:02.500 --> 00:01:05.000`."),
    ("vtt-seconds-over-59", "x.vtt", VTT.replace("00:00:09.000", "00:00:79.000"),
     "seeds/x.vtt:12: `00:00:79.000 --> 00:00:11.000` is not a cue's times. Write them as HH:MM:SS.mmm --> HH:MM:SS.mmm (minutes and seconds below 60), like `00:01:02.500 --> 00:01:05.000`."),
    ("vtt-text-outside-cue", "x.vtt", VTT.replace("<v Jane Doe>Let us begin.\n", "<v Jane Doe>Let us begin.\n\nStray words.\n"),
     "seeds/x.vtt:15: this text is in no cue: no `start --> end` line comes before it. Put a line of times like `00:01:02.500 --> 00:01:05.000` above it, or a blank line between cues only after their text."),
    ("vtt-missing-speaker", "x.vtt", VTT.replace("<v Jane Doe>Hello and welcome.", "Hello and welcome."),
     "seeds/x.vtt:4: the first cue with words does not say who speaks. Name the speaker: start the cue's text with a voice span like `<v Jane Doe>` or a label like `Jane Doe: `."),
    ("vtt-overlap-same-speaker", "x.vtt", VTT.replace("00:00:06.000 --> 00:00:08.000", "00:00:05.000 --> 00:00:08.000"),
     "seeds/x.vtt:9: the cue starts at 00:00:05.000, before the same speaker's cue on line 6 ends (00:00:06.000). Fix the times so that one speaker's cues do not overlap (two speakers' cues may)."),
    ("vtt-out-of-order", "x.vtt", VTT.replace("00:00:09.000 --> 00:00:11.000", "00:00:02.000 --> 00:00:11.000"),
     "seeds/x.vtt:12: the cue starts at 00:00:02.000, before the cue on line 9 (00:00:06.000). Put the cues in time order, or fix the times."),
    ("vtt-ends-before-start", "x.vtt", VTT.replace("00:00:09.000 --> 00:00:11.000", "00:00:09.000 --> 00:00:08.500"),
     "seeds/x.vtt:12: the cue ends (00:00:08.500) before it starts (00:00:09.000). Fix its times: a cue's end comes after its start."),
    ("vtt-latin1", "x.vtt", VTT.replace("welcome", "caf\xe9").encode("latin-1"),
     "seeds/x.vtt:4: column 26 holds byte 0xe9, which is not UTF-8 text. Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8)."),
    # SRT
    ("srt-empty", "x.srt", "", "seeds/x.srt: the file is empty. Put the episode's SRT transcript in it: numbered subtitles with times and text."),
    ("srt-bad-timestamp", "x.srt", SRT.replace("00:00:09,000 --> 00:00:11,000", "00:00:09,000 -> 00:00:11,000").replace("00:00:03,500 -->", "00:00:03,5OO -->"),
     "seeds/x.srt:6: `00:00:03,5OO --> 00:00:06,000` is not a subtitle's times. Write them as HH:MM:SS,mmm --> HH:MM:SS,mmm (minutes and seconds below 60), like `00:01:02,500 --> 00:01:05,000`."),
    ("srt-stray-text", "x.srt", "Some words before any subtitle.\n\n" + SRT,
     "seeds/x.srt:1: this text is in no subtitle. Each subtitle is a number, a line of times and its text, with a blank line after it; remove the text or put it into a subtitle."),
    ("srt-missing-speaker", "x.srt", SRT.replace("Jane Doe: Hello", "Hello"),
     "seeds/x.srt:3: the first cue with words does not say who speaks. Name the speaker: start the subtitle's text with a label like `Jane Doe: `."),
    ("srt-overlap-same-speaker", "x.srt", SRT.replace("00:00:06,000 --> 00:00:08,000", "00:00:05,000 --> 00:00:08,000"),
     "seeds/x.srt:10: the cue starts at 00:00:05.000, before the same speaker's cue on line 6 ends (00:00:06.000). Fix the times so that one speaker's cues do not overlap (two speakers' cues may)."),
    ("srt-label-typo", "x.srt", SRT.replace("John Roe: Sure", "John Rose: Sure") + "\n8\n00:00:40,000 --> 00:00:41,000\nJohn Roe: One more.\n",
     "seeds/x.srt:24: `John Rose:` is not a speaker's label, but looks like `John Roe:`. Correct the label to `John Roe:`; if John Rose is someone else, list every speaker under `speakers:` in an episode YAML file (then only listed names count)."),
    ("srt-cp1252", "x.srt", SRT.replace("It is", "It\u2019s").encode("cp1252"),
     "seeds/x.srt:11: column 3 holds byte 0x92, which is not UTF-8 text. Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8)."),
    # JSON
    ("json-empty", "x.json", " ", 'seeds/x.json: the file is empty. Put the episode\'s JSON transcript in it, like {"version": "1.0.0", "segments": [{"speaker": "Jane Doe", "startTime": 0.5, "endTime": 2.0, "body": "Hello."}]}'),
    ("json-syntax", "x.json", JSON.replace('"Let us begin."},', '"Let us begin."}'),
     'seeds/x.json:8: JSON does not parse: Expecting \',\' delimiter (column 5). Fix the syntax (commas, quotes and brackets). It looks like {"version": "1.0.0", "segments": [{"speaker": "Jane Doe", "startTime": 0.5, "endTime": 2.0, "body": "Hello."}]}'),
    ("json-no-segments", "x.json", '{"version": "1.0.0", "segments": []}',
     'seeds/x.json: a JSON transcript needs a non-empty list `segments`. It looks like {"version": "1.0.0", "segments": [{"speaker": "Jane Doe", "startTime": 0.5, "endTime": 2.0, "body": "Hello."}]}'),
    ("json-bad-timestamp", "x.json", JSON.replace('"startTime": 9,', '"startTime": "0:09",'),
     'seeds/x.json:7: the segment\'s `startTime` is "0:09", not a number of seconds. Give every segment `"startTime"` and `"endTime"` in seconds, like {"version": "1.0.0", "segments": [{"speaker": "Jane Doe", "startTime": 0.5, "endTime": 2.0, "body": "Hello."}]}'),
    ("json-missing-speaker", "x.json", JSON.replace('"speaker": "Jane Doe", "startTime": 1,', '"startTime": 1,'),
     "seeds/x.json:4: the first cue with words does not say who speaks. Name the speaker: give the segment a `\"speaker\": \"Jane Doe\"`."),
    ("json-overlap", "x.json", JSON.replace('"startTime": 6, "endTime": 8', '"startTime": 5, "endTime": 8'),
     "seeds/x.json:6: the cue starts at 00:00:05.000, before the same speaker's cue on line 5 ends (00:00:06.000). Fix the times so that one speaker's cues do not overlap (two speakers' cues may)."),
    ("json-no-body", "x.json", JSON.replace('"body": "Let us begin."', '"text": "Let us begin."'),
     'seeds/x.json:7: the segment has no text `body`. Give every segment its words as `"body"`, like {"version": "1.0.0", "segments": [{"speaker": "Jane Doe", "startTime": 0.5, "endTime": 2.0, "body": "Hello."}]}'),
    ("json-utf16", "x.json", JSON.encode("utf-16"),
     "seeds/x.json:1: column 1 holds byte 0xff, which is not UTF-8 text. Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8)."),
    # Markdown
    ("md-empty", "x.md", "\n", "seeds/x.md: the file is empty. Put the episode's transcript in it: turns like `**Jane Doe:** Hello.`"),
    ("md-no-turns", "x.md", "# Title\n\nJust words, nobody labelled.\n",
     "seeds/x.md: no speaker turns were found in the transcript. Each turn must start a line with the speaker's name in bold, like `**Jane Doe:** Hello.`; list the speakers under `speakers:` in the episode's YAML file if they speak only once."),
    ("md-bad-timestamp", "x.md", MD.replace("[00:15]", "[00:75]"),
     "seeds/x.md:10: `00:75` is not a timestamp. Write times as MM:SS, H:MM:SS or HH:MM:SS with minutes and seconds below 60, like 12:10 or 1:02:46."),
    ("md-time-goes-back", "x.md", MD.replace("[00:15]", "[00:05]"),
     "seeds/x.md:10: the timestamp 00:05 comes before the one on line 8. Timestamps must go forward through the transcript; fix the one that is wrong."),
    ("md-label-without-words", "x.md", MD.replace("**Jane Doe:** Great & fine <ok>, 1. not a list.", "**Jane Doe:**"),
     "seeds/x.md:14: the label `**Jane Doe**` has no words after it. Put the turn's words after the label, or remove the label."),
    ("md-latin1", "x.md", MD.replace("welcome", "caf\xe9").encode("latin-1"),
     "seeds/x.md:3: column 39 holds byte 0xe9, which is not UTF-8 text. Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8)."),
]
# Mistakes in the episode's facts and the files around a transcript: (case id, files, message)
SETTINGS_MISTAKES = [
    ("two-transcripts", {"x.vtt": VTT, "x.srt": SRT}, "seeds/x.vtt: `x.srt` is a transcript of the same name. Keep one transcript per episode: rename or remove one of the two files."),
    ("audio-not-http", {"x.vtt": VTT, "x.yml": "audio: javascript:alert(1)\n"},
     "seeds/x.yml:1: `audio` is `javascript:alert(1)`, which is not an http:// or https:// address. Give the address of the episode's audio file, like `audio: https://example.com/episode.mp3`."),
    ("outline-not-a-time", {"x.vtt": VTT, "x.yml": 'outline:\n  "00:00": A\n  "0:7x": B\n'},
     "seeds/x.yml:3: `0:7x` is not a timestamp. Write times as MM:SS, H:MM:SS or HH:MM:SS with minutes and seconds below 60, like 12:10 or 1:02:46."),
    ("outline-backwards", {"x.vtt": VTT, "x.yml": 'outline:\n  "00:30": A\n  "00:10": B\n'},
     "seeds/x.yml:3: outline timestamp 00:10 does not come after 00:30. Outline entries must be in increasing time order; fix the timestamp or the order."),
    ("outline-no-title", {"x.vtt": VTT, "x.yml": 'outline:\n  "00:00": ""\n'},
     "seeds/x.yml:2: the chapter at 00:00 has no title. Write it like `\"12:10\": \"Evals and benchmarks\"`."),
    ("outline-not-a-mapping", {"x.vtt": VTT, "x.yml": "outline: [a, b]\n"},
     "seeds/x.yml:1: `outline` must map timestamps to chapter titles. Write one chapter a line, like `\"12:10\": \"Evals and benchmarks\"`."),
    ("outline-twice", {"x.vtt": VTT, "x.yml": TIMED_YML, "x.chapters.json": '{"chapters": [{"startTime": 0, "title": "A"}]}'},
     "seeds/x.yml:4: the outline is given twice: here and in seeds/x.chapters.json. Keep one of the two: remove `outline:` from the YAML, or the chapters file."),
    ("facts-for-a-page", {"x.txt": (SAME / "page.txt").read_text(encoding="utf-8"), "x.yml": "title: Another title\n"},
     "seeds/x.yml:1: `title:` is for transcripts without a page around them (.vtt, .srt, .json, .md). A page (.txt) gives its own title, show notes and outline: edit them in the page and remove the key."),
    ("chapters-json-backwards", {"x.vtt": VTT, "x.chapters.json": '{"chapters": [\n{"startTime": 30, "title": "A"},\n{"startTime": 10, "title": "B"}]}'},
     "seeds/x.chapters.json:3: the chapter at 10 s does not come after the one at 30 s. Chapters must be in increasing time order; fix the time or the order."),
    ("chapters-json-no-title", {"x.vtt": VTT, "x.chapters.json": '{"chapters": [{"startTime": 0}]}'},
     'seeds/x.chapters.json:1: the chapter has no `title`. Give every chapter a title, like {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"}, {"startTime": 730, "title": "Evals"}]}'),
    ("chapters-json-bad-time", {"x.vtt": VTT, "x.chapters.json": '{"chapters": [{"startTime": "0:00", "title": "A"}]}'},
     'seeds/x.chapters.json:1: the chapter\'s `startTime` is "0:00", not a number of seconds. Give every chapter its start in seconds, like {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"}, {"startTime": 730, "title": "Evals"}]}'),
    ("chapters-without-transcript", {"x.vtt": VTT, "y.chapters.json": '{"chapters": [{"startTime": 0, "title": "A"}]}'},
     "seeds/y.chapters.json: no transcript in another format than a page has this name. A chapters file gives the outline of the .vtt, .srt, .json or .md transcript of the same name (a page has its own outline): rename it to match, or remove it."),
    ("vtt-only-empty-cues", {"x.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann></v>\n"},
     "seeds/x.vtt: the transcript has no words: every cue is empty. Put the conversation in it; start the cue's text with a voice span like `<v Jane Doe>` or a label like `Jane Doe: `."),
    ("chapters-json-syntax", {"x.vtt": VTT, "x.chapters.json": '{"chapters": [}'},
     'seeds/x.chapters.json:1: JSON does not parse: Expecting value (column 15). Fix the syntax (commas, quotes and brackets). It looks like {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"}, {"startTime": 730, "title": "Evals"}]}'),
]


@pytest.mark.parametrize("name, content, message", [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED])
def test_a_malformed_transcript_gets_one_message(tmp_path: Path, name: str, content, message: str):
    files = {name: content}
    if not name.endswith(".txt"):
        files["x.yml"] = TIMED_YML
    with pytest.raises(InputError) as caught:
        load_one(tmp_path, files)
    assert caught.value.message() == message


@pytest.mark.parametrize("files, message", [c[1:] for c in SETTINGS_MISTAKES], ids=[c[0] for c in SETTINGS_MISTAKES])
def test_a_mistake_in_the_facts_gets_one_message(tmp_path: Path, files: dict, message: str):
    with pytest.raises(InputError) as caught:
        load_one(tmp_path, files)
    assert caught.value.message() == message


@pytest.mark.parametrize("case", ["vtt-missing-speaker", "srt-bad-timestamp", "json-syntax", "md-bad-timestamp"])
def test_the_command_stops_with_status_2_and_writes_nothing(tmp_path: Path, case: str):
    _, name, content, message = next(c for c in MALFORMED if c[0] == case)
    root = make_project(tmp_path, {f"good{Path(name).suffix}": VTT if name.endswith(".vtt") else
                                   {"x.srt": SRT, "x.json": JSON, "x.md": MD}[name], "good.yml": TIMED_YML})
    assert run_cli(root, "generate").returncode == 0
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    (root / "seeds" / f"good{Path(name).suffix}").write_bytes(content if isinstance(content, bytes) else content.encode())
    result = run_cli(root, "generate")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"episode-site: error: {message.replace('seeds/x.', 'seeds/good.')}\n"
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == before


def _fixed_words(text: str) -> str:
    """A message with what varies (numbers, short quoted values, the parser's own words) made alike."""
    text = re.sub(r"parse: [^.]*", "parse:", text)
    return re.sub(r"`[^`\s]*`|\"[^\"\s]*\"|0x[0-9a-f]+|\d+", "_", text)


def test_troubleshooting_lists_every_message_of_the_formats():
    guide = _fixed_words((ROOT / "TROUBLESHOOTING.md").read_text(encoding="utf-8"))
    problems = {c[0]: _fixed_words(c[-1].split(": ", 1)[1].split(". ", 1)[0]) for c in MALFORMED + SETTINGS_MISTAKES}
    assert [case for case, problem in problems.items() if problem not in guide] == []
