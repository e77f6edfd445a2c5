"""A phrase copied from the transcript lands on its turn: sampled phrases typed into the search box, Enter pressed."""

from __future__ import annotations

import os
import random
import re

from helpers.search_box import open_search, turn_of, type_query

SAMPLES = int(os.environ.get("SEARCH_SAMPLES", "30"))  # at least 20; raise it for a wider measure
SEED = int(os.environ.get("SEARCH_SEED", "3"))  # fixed: the same phrases on every run


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def sample_phrases(episode, n: int, seed: int) -> list[tuple[str, str]]:
    """(phrase of 4 to 8 words, paragraph anchor), each phrase found in one paragraph of the episode only."""
    from episode_site.promises.anchors import paragraph_anchor

    paragraphs = [(paragraph_anchor(turn, k), p.text) for turn in episode.source.turns for k, p in enumerate(turn.paragraphs)]
    everything = [_fold(text) for _, text in paragraphs]
    rng = random.Random(seed)
    phrases: list[tuple[str, str]] = []
    while len(phrases) < n:
        anchor, text = rng.choice(paragraphs)
        words = text.split()
        length = rng.randint(4, 8)
        if len(words) < length:
            continue
        start = rng.randrange(len(words) - length + 1)
        phrase = " ".join(words[start:start + length])
        if sum(_fold(phrase) in t for t in everything) == 1 and phrase not in (p for p, _ in phrases):
            phrases.append((phrase, anchor))
    return phrases


def test_enter_lands_on_the_turn_of_a_copied_phrase(page, seed_url, seed_episode):
    episode = seed_episode
    phrases = sample_phrases(episode, SAMPLES, SEED)
    page.goto(f"{seed_url}/{episode.slug}/")
    open_search(page)
    turn_hits, paragraph_hits, misses = 0, 0, []
    for phrase, paragraph in phrases:
        hrefs = type_query(page, phrase)
        expected_turn = re.sub(r"-\d+$", "", paragraph)
        first = hrefs[0] if hrefs else ""
        turn_hits += turn_of(first) == expected_turn
        paragraph_hits += first.endswith("#" + paragraph)
        if turn_of(first) != expected_turn:
            misses.append((phrase, expected_turn, [turn_of(h) for h in hrefs[:5]]))
    n = len(phrases)
    figures = f"search: Enter opens the turn for {turn_hits}/{n}, the very paragraph for {paragraph_hits}/{n}"
    print(figures)
    assert turn_hits == n, f"{figures}; misses: {misses}"
    assert paragraph_hits == n, figures
