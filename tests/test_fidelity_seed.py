"""The seed episode, read back from the built HTML, is the source word for word."""

from __future__ import annotations

from pathlib import Path

from helpers.fidelity import missing_source_lines, site_turns, source_turns
from helpers.html_text import page_text
from helpers.project import SEED_PAGE


def test_every_turn_and_paragraph_reads_back_exactly(seed_site: Path, seed_episode):
    episode = seed_episode
    assert site_turns(seed_site, episode) == source_turns(episode)


def test_every_source_line_appears_on_the_site(seed_site: Path, seed_episode):
    episode = seed_episode
    assert missing_source_lines(SEED_PAGE.read_text(encoding="utf-8"), seed_site, episode.source.speakers) == []


def test_markdown_hazards_render_literally(seed_site: Path):
    text = page_text(seed_site / "ross-taylor-2025" / "02-do-and-dont-of-llm-training-organizations" / "index.html")
    assert "It sounds like a b******t point" in text
    html = (seed_site / "ross-taylor-2025" / "02-do-and-dont-of-llm-training-organizations" / "index.html").read_text()
    assert "<strong>" not in html and "<em>" not in html


def test_glued_first_label_is_split_from_the_disclaimer(seed_site: Path, seed_episode):
    episode = seed_episode
    first = episode.source.turns[0]
    assert (first.speaker, first.paragraphs[0].text[:10]) == ("Nathan Lambert", "Hey, Ross.")
    assert episode.source.transcript_preface[-1].text.endswith("help with this soon!")
    home = page_text(seed_site / "ross-taylor-2025" / "index.html")
    assert "Created with AI, pardon the minor typos" in home


def test_truncated_transcript_is_said_where_it_stops(seed_site: Path):
    third = page_text(seed_site / "ross-taylor-2025" / "03-reasoning-research-and-academic-blind-spots" / "index.html")
    assert third.index("because that’s where t") < third.index("The published transcript stops here")
    for later in ("04-research-people-arent-paying-enough-attention-to", "05-extra-stuff"):
        text = page_text(seed_site / "ross-taylor-2025" / later / "index.html")
        assert "The published transcript ends before this chapter" in text
        html = (seed_site / "ross-taylor-2025" / later / "index.html").read_text(encoding="utf-8")
        assert 'class="turn"' not in html  # nothing invented to fill the chapter
        assert "Outline notes" in text
