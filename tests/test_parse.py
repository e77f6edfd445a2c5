"""Reading the page format, on small inline pages."""

from __future__ import annotations

import pytest

from episode_site.errors import InputError
from episode_site.readers.page import parse_page

PAGE = """\
My Episode Title
Player notice from the page around the episode.
Show Notes
What this episode is about.
00:00 Intro
* a question
1:02:03 Later
Transcript
Made with AI, sorry!Ann Lee: Hello there.
A second paragraph from Ann.
Bob: Hi Ann.
Ann Lee: Bye.
Bob: Bye, Ann.
"""


def test_sections_of_the_page():
    page = parse_page(PAGE, "p.txt")
    assert page.title == "My Episode Title"
    assert [line.text for line in page.page_notices] == ["Player notice from the page around the episode."]
    assert [line.text for line in page.show_notes] == ["Show Notes", "What this episode is about."]
    assert [(e.stamp, e.seconds, e.title, [n.text for n in e.notes]) for e in page.outline] == [
        ("00:00", 0, "Intro", ["* a question"]),
        ("1:02:03", 3723, "Later", []),
    ]


def test_glued_label_splits_disclaimer_from_first_turn():
    page = parse_page(PAGE, "p.txt")
    assert [line.text for line in page.transcript_preface] == ["Transcript", "Made with AI, sorry!"]
    assert page.turns[0].speaker == "Ann Lee"
    assert page.turns[0].paragraphs[0].text == "Hello there."
    assert page.turns[0].paragraphs[0].line == 9


def test_unlabelled_lines_continue_the_turn_as_paragraphs():
    page = parse_page(PAGE, "p.txt")
    assert [(t.number, t.speaker, [p.text for p in t.paragraphs]) for t in page.turns] == [
        (1, "Ann Lee", ["Hello there.", "A second paragraph from Ann."]),
        (2, "Bob", ["Hi Ann."]),
        (3, "Ann Lee", ["Bye."]),
        (4, "Bob", ["Bye, Ann."]),
    ]
    assert page.speakers == ("Ann Lee", "Bob")
    assert not page.ends_mid_sentence


def test_hh_mm_ss_and_h_mm_ss_stamps():
    page = parse_page("T\n00:00 A\n12:10 B\n1:02:46 C\n01:10:00 D\nTranscript\nX: a.\nX: b.\n", "p.txt")
    assert [e.seconds for e in page.outline] == [0, 730, 3766, 4200]


@pytest.mark.parametrize("stamp", ["12:70", "1:60:00"])
def test_impossible_stamp_is_an_error_with_its_line(stamp):
    with pytest.raises(InputError) as caught:
        parse_page(f"T\n00:00 A\n{stamp} B\nTranscript\nX: a.\nX: b.\n", "p.txt")
    assert caught.value.line == 3 and stamp in caught.value.problem


def test_three_word_accented_and_initialled_names_are_detected():
    text = ("T\nTranscript\nMaria de la Cruz: One.\nÉlodie Défossez: Two.\nDean W Ball: Three.\n"
            "Maria de la Cruz: Four.\nÉlodie Défossez: Five.\nDean W Ball: Six.\n")
    assert parse_page(text, "p.txt").speakers == ("Maria de la Cruz", "Élodie Défossez", "Dean W Ball")


def test_a_line_that_only_looks_like_a_label_stays_text():
    text = "T\nTranscript\nAnn: Hi.\nUpdate: the label-like line.\nBob: Yes.\nAnn: Ok.\nBob: Bye.\n"
    page = parse_page(text, "p.txt")
    assert [p.text for p in page.turns[0].paragraphs] == ["Hi.", "Update: the label-like line."]
    assert "Update" not in page.speakers


def test_a_name_after_a_space_is_speech_not_a_label():
    text = "T\nTranscript\nAnn: I asked Bob: what now?\nBob: Nothing.\nAnn: Ok.\n"
    page = parse_page(text, "p.txt", speakers=("Ann", "Bob"))
    assert page.turns[0].paragraphs[0].text == "I asked Bob: what now?"


def test_without_a_transcript_line_the_transcript_starts_at_the_first_label():
    text = "Title\nSome notes.\n00:00 Start\nNotes of start.\nAnn: Hello.\nBob: Hi.\nAnn: Bye.\nBob: Bye now\n"
    page = parse_page(text, "p.txt")
    assert [e.title for e in page.outline] == ["Start"]
    assert [n.text for n in page.outline[0].notes] == ["Notes of start."]
    assert page.transcript_preface == ()
    assert len(page.turns) == 4 and page.ends_mid_sentence


def test_notice_patterns_take_page_lines_out_of_the_notes():
    text = "T\nAbout it.\n00:00 A\nNote.\nFoo is a reader-supported publication.\nTranscript\nX: a.\nX: b.\n"
    page = parse_page(text, "p.txt", notice_patterns=["reader-supported publication"])
    assert [line.text for line in page.page_notices] == ["Foo is a reader-supported publication."]
    assert [n.text for n in page.outline[0].notes] == ["Note."]


def test_bom_and_crlf_read_as_if_absent():
    plain = parse_page(PAGE, "p.txt")
    assert parse_page("\ufeff" + PAGE.replace("\n", "\r\n"), "p.txt") == plain


def test_a_page_without_turns_is_an_error():
    with pytest.raises(InputError) as caught:
        parse_page("Title\nJust notes.\nTranscript\nNobody speaks here.\n", "p.txt")
    assert "no speaker turns" in caught.value.problem and caught.value.line == 3


def test_a_label_alone_on_its_line_starts_a_turn_with_the_next_lines():
    page = parse_page("T\nTranscript\nAnn: Hi.\nBob:\nWords on the next line.\nAnn: Bye.\n", "p.txt", speakers=("Ann", "Bob"))
    assert [(t.speaker, [p.text for p in t.paragraphs]) for t in page.turns] == [
        ("Ann", ["Hi."]), ("Bob", ["Words on the next line."]), ("Ann", ["Bye."])]


def test_a_label_with_no_words_at_all_is_an_error():
    with pytest.raises(InputError) as caught:
        parse_page("T\nTranscript\nAnn: Hi.\nBob:\nAnn: Bye.\n", "p.txt", speakers=("Ann", "Bob"))
    assert caught.value.line == 4 and "no words" in caught.value.problem


def test_a_name_after_a_bracket_or_quote_is_speech_not_a_glued_label():
    text = 'T\nTranscript\nAnn: See (Bob: yes) and "Ann: quoted" too.\nBob: Ok.\n'
    page = parse_page(text, "p.txt", speakers=("Ann", "Bob"))
    assert [p.text for p in page.turns[0].paragraphs] == ['See (Bob: yes) and "Ann: quoted" too.']


def test_an_outline_entry_after_the_transcript_line_is_an_error():
    with pytest.raises(InputError) as caught:
        parse_page("T\n00:00 A\nTranscript\n05:00 Late entry\nAnn: Hi.\nAnn: Bye.\n", "p.txt")
    assert caught.value.line == 4 and "after the `Transcript` line" in caught.value.problem


def test_a_label_of_someone_who_speaks_once_is_kept_as_text_and_said_in_the_log(caplog):
    page = parse_page("T\nTranscript\nAnn: Hi.\nMary Major: Once.\nAnn: Bye.\n", "p.txt")
    assert page.speakers == ("Ann",)
    assert page.turns[0].paragraphs[1].text == "Mary Major: Once."  # not a word lost
    assert "p.txt:4: `Mary Major:` looks like a speaker's label" in caplog.text


def test_a_first_name_alone_is_speech_that_the_log_points_at(caplog):
    text = "T\nTranscript\nJane Doe: Hi.\nJane: you should come.\nJohn Roe: Yes.\n"
    page = parse_page(text, "p.txt", speakers=("Jane Doe", "John Roe"))
    assert page.turns[0].paragraphs[1].text == "Jane: you should come."
    assert "p.txt:4: `Jane:` looks like a speaker's label" in caplog.text
