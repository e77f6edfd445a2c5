"""Topic strength: a chapter shows at most five topics, those the most of its paragraphs mention."""

from __future__ import annotations

from pathlib import Path

from episode_site.load import load_episodes
from episode_site.model.topic_strength import MAX_SHOWN, strength, strongest_passages

# One chapter, two speakers taking turns, one paragraph per turn.
PARAGRAPHS = [
    "alpha alpha alpha alpha alpha alpha, I keep saying it.",   # 6 mentions of Alpha in one paragraph
    "Fine, alpha once more. And beta.",
    "beta is what matters. gamma delta epsilon zeta eta too.",
    "beta again, and gamma delta epsilon zeta eta.",
    "gamma delta epsilon zeta eta, all of them, and beta.",
    "Nothing more to say.",
]
TOPICS = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta"]


def _episode(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    turns = "\n".join(f"{'Jane Doe' if n % 2 == 0 else 'John Roe'}: {text}" for n, text in enumerate(PARAGRAPHS))
    (seeds / "ep.txt").write_text(f"A Title\nShow Notes\nNotes.\n00:00 Only chapter\nTranscript\n{turns}\n", encoding="utf-8")
    topics = "".join(f"  {name}: [{name.lower()}]\n" for name in TOPICS)
    (seeds / "ep.yml").write_text(f"slug: ep\nspeakers: [Jane Doe, John Roe]\ntopics:\n{topics}", encoding="utf-8")
    return load_episodes(seeds, tmp_path)[0]


def test_paragraphs_count_not_repetitions(tmp_path):
    episode = _episode(tmp_path)
    chapter = episode.chapters[0]
    alpha, beta = (next(t for t in episode.topics if t.name == n) for n in ("Alpha", "Beta"))
    assert strength(episode.layout, chapter, alpha).mentions > strength(episode.layout, chapter, beta).mentions
    assert strength(episode.layout, chapter, alpha).paragraphs == 2 and strength(episode.layout, chapter, beta).paragraphs == 4
    shown = episode.layout.shown_topics[1]
    assert shown[0] == "Beta" and "Alpha" not in shown  # said most often, but in the fewest paragraphs


def test_at_most_five_of_the_discussed_topics_strongest_first(tmp_path):
    episode = _episode(tmp_path)
    discussed = episode.layout.chapter_tags[1]
    shown = episode.layout.shown_topics[1]
    assert len(discussed) == 7 and len(shown) == MAX_SHOWN == 5
    assert set(shown) <= set(discussed)
    assert shown == ["Beta", "Gamma", "Delta", "Epsilon", "Zeta"]  # ties: more mentions, then the YAML's order


def test_strongest_passages_one_per_turn_most_mentions_first(tmp_path):
    episode = _episode(tmp_path)
    alpha = episode.topics[0]
    passages = strongest_passages(episode.layout, alpha, 3)
    assert [len(said) for said in passages] == [6, 1]
    assert len({said[0].turn for said in passages}) == len(passages)


def test_the_seed_shows_at_most_five_topics_per_chapter():
    from conftest import ROOT

    episode = load_episodes(ROOT / "seeds", ROOT)[0]
    for number, shown in episode.layout.shown_topics.items():
        assert len(shown) <= MAX_SHOWN and set(shown) <= set(episode.layout.chapter_tags[number])
