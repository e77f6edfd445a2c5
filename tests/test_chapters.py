"""Placing chapters: cues, cues inside a turn, estimated starts, chapters past the end."""

from __future__ import annotations

import pytest

from episode_site.errors import InputError
from episode_site.model.chapters import chapter_turns, place_chapters
from episode_site.model.episode import Position
from episode_site.model.timing import Timeline
from episode_site.readers.page import parse_page

WORDS = " ".join(["word"] * 40)
PAGE = f"""T
00:00 One
00:30 Two
01:00 Three
05:00 Four
Transcript
Ann: Opening words {WORDS}.
Bob: {WORDS}.
Cue two is here.
Ann: {WORDS}.
Bob: {WORDS}.
"""


def _place(cues):
    page = parse_page(PAGE, "p.txt")
    return page, place_chapters(page, {k: (v, 7) for k, v in cues.items()}, yaml_path="p.yml")


def test_a_cue_inside_a_turn_starts_the_chapter_mid_turn():
    page, (chapters, _) = _place({"00:30": "Cue two is here."})
    assert chapters[1].start == Position(1, 1)
    assert chapter_turns(page, chapters[0]) == [(0, range(0, 1)), (1, range(0, 1))]
    assert chapter_turns(page, chapters[1])[0] == (1, range(1, 2))


def test_uncued_chapter_is_estimated_at_the_measured_rate():
    # Two is pinned at 82 words after 30 s; Three at 60 s predicts word 164: the start of turn 4 (words 127-166).
    _, (chapters, timeline) = _place({"00:30": "Cue two is here."})
    assert chapters[2].estimated and chapters[2].start == Position(3, 0)
    assert timeline.seconds_at(82) == pytest.approx(30)


def test_a_chapter_whose_time_is_past_the_end_gets_no_text():
    page, (chapters, _) = _place({"00:30": "Cue two is here."})
    assert chapters[3].start is None and chapter_turns(page, chapters[3]) == []
    assert chapters[2].end is None  # runs to the end of the transcript


def test_words_per_chapter_add_up():
    page, (chapters, _) = _place({"00:30": "Cue two is here."})
    total = sum(len(p.text.split()) for t in page.turns for p in t.paragraphs)
    assert sum(c.words for c in chapters) == total


@pytest.mark.parametrize(("cues", "problem"), [
    ({"00:30": "not in the text"}, "is not found"),
    ({"00:30": "word word"}, "is found 4 times"),
    ({"00:30": "Cue two is here.", "01:00": "Ann: Opening"}, "not found"),
    ({"02:00": "Cue two"}, "no outline entry has the timestamp 02:00"),
])
def test_bad_cues_are_errors_naming_the_yaml_line(cues, problem):
    with pytest.raises(InputError) as caught:
        _place(cues)
    assert problem in caught.value.problem and caught.value.path == "p.yml" and caught.value.line == 7


def test_cues_out_of_order_are_an_error():
    page = parse_page(PAGE, "p.txt")
    with pytest.raises(InputError) as caught:
        place_chapters(page, {"00:30": ("Cue two is here.", 8), "01:00": ("Opening words", 9)}, yaml_path="p.yml")
    assert "comes before" in caught.value.problem and caught.value.line == 9


def test_timeline_without_cues_uses_160_words_a_minute():
    assert Timeline([]).word_at(60) == pytest.approx(160)
    assert Timeline([(100, 60)]).seconds_at(150) == pytest.approx(90)


def test_the_first_chapter_starts_with_the_transcript_even_when_the_outline_starts_later():
    page = parse_page(PAGE.replace("00:00 One", "00:10 One"), "p.txt")
    chapters, _ = place_chapters(page, {}, yaml_path="p.yml")
    assert chapters[0].start == Position(0, 0) and not chapters[0].estimated


def test_a_first_chapter_cue_past_the_first_paragraph_is_an_error():
    page = parse_page(PAGE, "p.txt")
    with pytest.raises(InputError) as caught:
        place_chapters(page, {"00:00": ("Cue two is here.", 5)}, yaml_path="p.yml")
    assert caught.value.line == 5 and "would be on no page" in caught.value.problem
