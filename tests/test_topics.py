"""Topic vocabulary: term matching, the tagging threshold, the seed's tags, and the tags guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from episode_site.errors import InputError
from episode_site.load import load_episodes
from episode_site.model.topics import MIN_MENTIONS, WINDOW_WORDS, Mention, find_in_text, is_discussed
from episode_site.pages.render import render_site
from helpers.project import SEED_PAGE, make_project


def said(text: str, *terms: str) -> list[str]:
    return [text[a:b] for a, b in find_in_text(text, terms)]


def test_whole_words_only():
    assert said("the world of RL, and URLs", "RL") == ["RL"]
    assert said("RLHF and RL.", "RL") == ["RL"]
    assert said("(RL) RL-based", "RL") == ["RL", "RL"]  # punctuation and hyphens are word edges
    assert said("evals and an eval", "eval") == ["eval"]
    assert said("medieval evaluation", "eval") == []


def test_case_rule():
    # A term with a capital matches exactly that case; a lowercase term any case.
    assert said("rl Rl RL", "RL") == ["RL"]
    assert said("Evals, evals, EVALS", "evals") == ["Evals", "evals", "EVALS"]
    assert said("in my opinion, imo; the IMO gold", "IMO") == ["IMO"]


def test_prefix_spaces_hyphens_and_apostrophes():
    assert said("benchmarks and a benchmark, benchmarking", "benchmark*") == ["benchmarks", "benchmark", "benchmarking"]
    assert said("post training, post-training and post - training", "post training") == ["post training", "post-training", "post - training"]
    assert said("they don’t and don't", "don't") == ["don’t", "don't"]
    assert said("Z.ai's GLM and Kimi-K2", "Z.ai", "Kimi") == ["Z.ai", "Kimi"]


def test_overlapping_terms_make_one_mention():
    assert said("RL environments are hot", "RL", "RL environment*") == ["RL environments"]


def _m(turn: int, word: int) -> Mention:
    return Mention("T", turn, 0, 0, 1, word)


def test_threshold_needs_enough_mentions_close_together_from_two_turns():
    assert is_discussed([_m(1, 0), _m(2, 10), _m(2, 20)])
    assert not is_discussed([_m(1, 0), _m(1, 10), _m(1, 20)])  # one turn: an aside, however long
    assert not is_discussed([_m(1, 0), _m(2, 10)][: MIN_MENTIONS - 1])
    spread = [_m(n, n * (WINDOW_WORDS + 1)) for n in range(5)]
    assert not is_discussed(spread)  # five passing mentions, far apart


def test_seed_chapter_tags_follow_the_text(seed_episode):
    tags = seed_episode.layout.chapter_tags
    # 1 Recent AI news: GLM 4.5, Kimi K2 and Qwen are the opening news, and the talk turns to tool use
    # (function calling, MCP servers) and to headline evals versus "day two" benchmarks.
    assert {"Chinese open models", "Agents and tool use", "Evals and benchmarks"} <= set(tags[1])
    # ... but nobody talks about working hours there, and the only "reasoning" words are asides
    # (Ross's background, "a new reasoning paper") spread over the chapter: below the threshold.
    assert "Burnout and long hours" not in tags[1] and "Reasoning" not in tags[1]
    # 2 Training organisations: talent vs. politics, soldiers and long hours; and, not where the
    # outline puts it, the long evals discussion (Papers with Code, IFBench, KernelBench, SWE-Bench).
    assert {"Talent and hiring", "How labs are run", "Burnout and long hours", "Evals and benchmarks"} <= set(tags[2])
    # ... no RL algorithm is named in it, and no Chinese lab is discussed.
    assert "RL algorithms" not in tags[2] and "Chinese open models" not in tags[2]
    # 3 Reasoning research: GRPO, GSPO, DAPO, RLOO and importance weights; distillation vs. RL.
    assert {"RL algorithms", "Distillation", "Academic research"} <= set(tags[3])
    # ... the transcript stops just as Ross starts on "math and code": two words, not a discussion.
    assert "Math and code" not in tags[3] and "Money and fundraising" not in tags[3]
    # 4 and 5 have no transcript, so nothing is discussed there.
    assert tags[4] == [] and tags[5] == []


def test_no_vocabulary_means_no_tags_and_no_topics_page(tmp_path: Path):
    root = make_project(tmp_path / "p", {"ep.txt": SEED_PAGE.read_text(encoding="utf-8")})
    (episode,) = load_episodes(root / "seeds", root)
    pages = render_site([episode])
    assert not any("\ntags:" in text for name, text in pages.items() if name.endswith(".md"))
    assert f"{episode.slug}/topics.md" not in pages
    assert f"{episode.slug}/speakers.md" in pages


def test_vocabulary_errors_point_at_the_yaml_line(tmp_path: Path):
    root = make_project(tmp_path / "p", {"ep.txt": SEED_PAGE.read_text(encoding="utf-8"),
                                         "ep.yml": "slug: ep\ntopics:\n  Fine: [evals]\n  Broken: ['***']\n"})
    with pytest.raises(InputError) as error:
        load_episodes(root / "seeds", root)
    assert error.value.line == 4 and "Broken" in error.value.problem
    (root / "seeds" / "ep.yml").write_text("slug: ep\ntopics: [evals]\n", encoding="utf-8")
    with pytest.raises(InputError, match="must map topic names"):
        load_episodes(root / "seeds", root)


# A tag outside the vocabulary failing the build: tests/test_renderers.py, under each renderer.


def test_tags_show_on_chapter_pages_and_link_to_the_topics_page(seed_site: Path):
    html = (seed_site / "ross-taylor-2025" / "03-reasoning-research-and-academic-blind-spots" / "index.html").read_text(encoding="utf-8")
    assert 'href="../topics/#topic-rl-algorithms"' in html  # a chip after the facts line, to the topic's section
    topics = (seed_site / "ross-taylor-2025" / "topics" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="topic-rl-algorithms">RL algorithms</h2>' in topics
