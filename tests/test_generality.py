"""Two episodes in one site: the seed, and a synthetic panel with no YAML and Markdown hazards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from episode_site.load import load_episodes
from helpers.fidelity import missing_source_lines, paragraphs_with_markup, site_turns, source_turns
from helpers.html_text import page_text
from helpers.project import ROOT, build, make_project

PANEL = (Path(__file__).parent / "data" / "panel-on-open-weights.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def two_episode_site(tmp_path_factory) -> Path:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").iterdir() if p.is_file()}
    seeds["panel-on-open-weights.txt"] = PANEL  # no YAML: slug, speakers and chapter starts are inferred
    return build(make_project(tmp_path_factory.mktemp("two-episodes"), seeds))


def _episodes(site: Path):
    return {e.slug: e for e in load_episodes(site.parent / "seeds", site.parent)}


def test_each_episode_builds_its_own_section(two_episode_site: Path):
    episodes = _episodes(two_episode_site)
    assert set(episodes) == {"ross-taylor-2025", "panel-on-open-weights"}
    panel = episodes["panel-on-open-weights"]
    assert panel.source.speakers == ("Dean W Ball", "Élodie Défossez", "Maria de la Cruz")
    assert [c.slug for c in panel.chapters] == ["01-opening-remarks", "02-evals-benchmarks", "03-what-comes-next"]
    assert [c.estimated for c in panel.chapters] == [False, True, False]
    for slug, episode in episodes.items():
        assert (two_episode_site / slug / "index.html").exists()
        for chapter in episode.chapters:
            assert (two_episode_site / slug / chapter.slug / "index.html").exists()
    home = page_text(two_episode_site / "index.html")
    assert "A Panel on Open Weights: *three* voices, <one> table & 100% honesty" in home
    assert "Interviewing Ross Taylor on the state of AI" in home


@pytest.mark.parametrize("slug", ["ross-taylor-2025", "panel-on-open-weights"])
def test_turns_read_back_exactly_and_carry_no_markup(two_episode_site: Path, slug: str):
    episode = _episodes(two_episode_site)[slug]
    assert site_turns(two_episode_site, episode) == source_turns(episode)
    for chapter in episode.chapters:
        html = (two_episode_site / slug / chapter.slug / "index.html").read_text(encoding="utf-8")
        assert paragraphs_with_markup(html) == []


def test_every_panel_line_appears_and_hazards_stay_literal(two_episode_site: Path):
    panel = _episodes(two_episode_site)["panel-on-open-weights"]
    assert missing_source_lines(PANEL, two_episode_site, panel.source.speakers) == []
    first = (two_episode_site / "panel-on-open-weights" / "01-opening-remarks" / "index.html").read_text(encoding="utf-8")
    article = first.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    for tag in ("<strong", "<em", "<code", "<ol", "<script>", "<pre"):
        assert tag not in article, tag
    assert len(re.findall(r"<h1\b", article)) == 1  # `# Not a heading` stayed a paragraph


def test_page_titles_render_without_double_escaping(two_episode_site: Path):
    html = (two_episode_site / "panel-on-open-weights" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, flags=re.S)[1]
    assert "&amp;amp;" not in html and "&amp;lt;" not in html
    assert title.startswith("A Panel on Open Weights: *three* voices, &lt;one&gt; table &amp; 100% honesty")
