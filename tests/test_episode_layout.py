"""An episode's layout (layout.py): the pieces of turns the chapter pages show, and the tables made from them."""

from __future__ import annotations

import gc
import weakref

from episode_site.model.chapters import place_chapters
from episode_site.model.episode import Episode, Topic
from episode_site.promises.anchor_map import episode_anchors
from episode_site.readers.page import parse_page

# John's turn has three paragraphs; the cue of chapter 2 is its third, so a chapter break cuts it.
PAGE = """T
00:00 Opening
05:00 Middle
Transcript
Jane Doe: Hello and welcome.
John Roe: Thanks for having me.
That was the first part.
And now the middle starts here.
Jane Doe: Indeed it does.
"""
CUES = {"00:00": ("Hello and welcome", 2), "05:00": ("now the middle starts", 3)}


def _episode(topics: tuple[Topic, ...] = ()) -> Episode:
    page = parse_page(PAGE, "t.txt", speakers=("Jane Doe", "John Roe"))
    chapters, timeline = place_chapters(page, CUES, yaml_path="t.yml")
    return Episode(slug="t", source=page, source_url=None, chapters=chapters, seconds_at_word=tuple(timeline.knots), topics=topics)


def test_a_turn_cut_by_a_chapter_break_continues_on_the_next_page():
    layout = _episode().layout
    shown = [(p.turn, p.chapter.number, p.paragraphs, p.anchor) for p in layout.pieces]
    assert shown == [
        (0, 1, range(0, 1), "jane-doe-1"),
        (1, 1, range(0, 2), "john-roe-2"),
        (1, 2, range(2, 3), "john-roe-2-continued"),
        (2, 2, range(0, 1), "jane-doe-3"),
    ]
    assert [p.turn for p in layout.by_chapter[2]] == [1, 2]
    assert layout.turn_starts[1].anchor == "john-roe-2"
    assert layout.piece_at(1, 2).anchor == "john-roe-2-continued"
    anchors = {anchor: slug for anchor, slug, _ in episode_anchors(_episode())}
    assert anchors["john-roe-2"] == anchors["john-roe-2-2"] == "01-opening"
    assert anchors["john-roe-2-continued"] == anchors["john-roe-2-3"] == "02-middle"


def test_pieces_cover_every_paragraph_once_in_order(seed_episode):
    for episode in (_episode(), seed_episode):
        layout = episode.layout
        covered = [(p.turn, n) for p in layout.pieces for n in p.paragraphs]
        assert covered == [(pos.turn, pos.paragraph) for pos, _ in layout.positions]
        assert sum(len(found) for found in layout.by_chapter.values()) == len(layout.pieces)


def test_words_before_and_in_all_counted_by_hand():
    layout = _episode().layout
    # 3 words (Jane), then John's 4 + 5 before his third paragraph, which has 6; Jane ends with 3.
    assert [p.words_before for p in layout.pieces] == [0, 3, 12, 18]
    assert layout.total_words == 21
    assert layout.chapter_of_paragraph == {(0, 0): 1, (1, 0): 1, (1, 1): 1, (1, 2): 2, (2, 0): 2}


def test_mentions_fall_in_the_chapter_whose_page_shows_them():
    welcome, middle = Topic("Welcome", ("welcome",)), Topic("Middle", ("middle", "part"))
    layout = _episode((welcome, middle)).layout
    assert [(m.turn, m.paragraph) for m in layout.mentions[middle]] == [(1, 1), (1, 2)]
    assert {n: len(found) for n, found in layout.mentions_by_chapter[middle].items()} == {1: 1, 2: 1}
    assert layout.chapter_tags == {1: [], 2: []}  # one mention each: below the threshold


def test_each_table_is_made_once_and_freed_with_its_episode():
    episode = _episode()
    layout = episode.layout
    assert episode.layout is layout and layout.pieces is layout.pieces and layout.timeline is layout.timeline
    gone = weakref.ref(layout)
    del episode, layout
    gc.collect()  # the episode and its layout refer to each other: the cycle collector frees both
    assert gone() is None
