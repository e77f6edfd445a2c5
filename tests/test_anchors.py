"""Slugs and anchors alone: the parts of URLs that readers paste, so each rule is pinned here."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from episode_site.model.episode import Paragraph, Turn
from episode_site.promises.anchors import chapter_slug, continued_anchor, paragraph_anchor, slugify, turn_anchor


@pytest.mark.parametrize("text, slug", [
    ("“Do and don’t” of LLM training organizations", "do-and-dont-of-llm-training-organizations"),
    ("Research people aren't paying enough attention to", "research-people-arent-paying-enough-attention-to"),
    ("Café Noël", "cafe-noel"),                      # accents folded, not dropped
    ("  Extra stuff!  ", "extra-stuff"),             # no hyphen at either end
    ("GPT-4.5 & o3: what's next?", "gpt-4-5-o3-whats-next"),
    ("Kimi K2", "kimi-k2"),
])
def test_slugify_examples(text: str, slug: str):
    assert slugify(text) == slug


def test_slugify_falls_back_when_nothing_is_left():
    assert slugify("") == "x"
    assert slugify("日本語 — ✓", fallback="chapter") == "chapter"


def test_a_long_slug_is_cut_at_a_word_boundary():
    slug = slugify(" ".join(["word"] * 40))
    assert len(slug) <= 60 and slug.endswith("word") and not slug.endswith("-")


@given(st.text(max_size=200))
def test_any_text_gives_a_url_safe_slug_that_slugs_to_itself(text: str):
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 60
    assert slugify(slug) == slug


def test_chapter_slug_is_the_zero_padded_number_and_the_title():
    assert chapter_slug(3, "Reasoning research and academic blind spots") == "03-reasoning-research-and-academic-blind-spots"
    assert chapter_slug(12, "Q&A") == "12-q-a"
    assert chapter_slug(1, "???") == "01-chapter"


def test_turn_paragraph_and_continued_anchors():
    turn = Turn(57, "Nathan Lambert", (Paragraph("One.", 10), Paragraph("Two.", 11)))
    assert turn_anchor(turn) == "nathan-lambert-57"
    assert paragraph_anchor(turn, 0) == "nathan-lambert-57-1"   # paragraphs count from 1 in the anchor
    assert paragraph_anchor(turn, 1) == "nathan-lambert-57-2"
    assert continued_anchor(turn) == "nathan-lambert-57-continued"
    assert turn_anchor(Turn(4, "李雷", (Paragraph("x", 1),))) == "speaker-4"  # a name with no ASCII letters
