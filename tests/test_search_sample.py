"""Search lands on the quote: phrases sampled from the seed's turns, typed into Material's search."""

from __future__ import annotations

import os
import random
import re

from helpers.html_text import page_turns
from helpers.site_map import anchor_map

SAMPLES = int(os.environ.get("SEARCH_SAMPLES", "30"))  # at least 20; raise it for a wider measure
SEED = int(os.environ.get("SEARCH_SEED", "3"))  # fixed: the same phrases on every run


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def sample_phrases(episode, n: int, seed: int) -> list[tuple[str, str]]:
    """(phrase of 4 to 8 words, paragraph anchor), each phrase found in one paragraph of the episode only."""
    paragraphs = [(f"{turn.number}-{k + 1}", p.text) for turn in episode.source.turns for k, p in enumerate(turn.paragraphs)]
    everything = [_fold(text) for _, text in paragraphs]
    rng = random.Random(seed)
    phrases: list[tuple[str, str]] = []
    while len(phrases) < n:
        key, text = rng.choice(paragraphs)
        words = text.split()
        length = rng.randint(4, 8)
        if len(words) < length:
            continue
        start = rng.randrange(len(words) - length + 1)
        phrase = " ".join(words[start:start + length])
        if sum(_fold(phrase) in t for t in everything) == 1 and phrase not in (p for p, _ in phrases):
            phrases.append((phrase, key))
    return phrases


def heading_of_paragraph(site, episode) -> dict[str, str]:
    """`<turn>-<k>` → the anchor of the turn heading above that paragraph on the built page (search's entry)."""
    site_map = anchor_map(site, episode.slug)
    headings = {}
    for chapter in site_map["chapters"]:
        for turn in page_turns(site / episode.slug / chapter / "index.html"):
            for paragraph_id, _ in turn.paragraphs:
                headings[re.search(r"\d+-\d+$", paragraph_id)[0]] = turn.anchor
    return headings


def test_search_puts_the_turn_first(page, seed_url, seed_site, seed_episode):
    episode = seed_episode
    headings = heading_of_paragraph(seed_site, episode)
    phrases = sample_phrases(episode, SAMPLES, SEED)
    page.goto(f"{seed_url}/{episode.slug}/")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    first, top5, misses = 0, 0, []
    for phrase, key in phrases:
        # Material reads the box on keyup, not on input: End after each fill is the keystroke it hears.
        box.fill("")
        box.press("End")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        box.fill(phrase)
        box.press("End")
        page.locator(".md-search-result__item").first.wait_for()
        # Each group opens with its page; the sections with a `#` under it are the turns, in the order shown.
        groups = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(group =>
            [...group.querySelectorAll("a.md-search-result__link[href*='#']")].map(a => a.getAttribute('href').split('#')[1]))""")
        shown = [anchor for group in groups for anchor in group]
        expected = headings[key]
        hit1 = bool(groups[0]) and groups[0][0] == expected
        first += hit1
        top5 += expected in shown[:5]
        if not hit1:
            misses.append((phrase, expected, shown[:5]))
    n = len(phrases)
    figures = f"search: first result is the turn for {first}/{n} ({first / n:.0%}), in the top five for {top5}/{n}"
    print(figures)
    assert first >= 0.9 * n and top5 == n, f"{figures}; misses: {misses}"
