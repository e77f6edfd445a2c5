"""Property tests: any transcript, with any text and speaker names, reads back from the HTML exactly as written.

Many examples go through render + Python-Markdown with mkdocs.yml's own extensions
(fast); a few go through a full `episode-site build`.
"""

from __future__ import annotations

import functools
import json
import re

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from episode_site.load import load_episodes
from episode_site.model.chapters import place_chapters
from episode_site.model.episode import Episode
from episode_site.pages.render import render_site
from episode_site.readers.labels import _LABEL_LIKE, looks_like_name, split_at_label
from episode_site.readers.page import _SENTENCE_END, parse_page
from helpers.fidelity import site_turns
from helpers.hostile_text import _TEXT, FRAGMENTS
from helpers.html_text import fold, read_page
from helpers.project import ROOT, make_project, run_cli

_CHUNK = st.one_of(st.sampled_from(FRAGMENTS), _TEXT)
_WORD = st.builds(lambda a, b: a + b, st.characters(whitelist_categories=("Lu",)),
                  st.text(st.characters(whitelist_categories=("Ll",)), min_size=1, max_size=8))
NAMES = st.lists(st.lists(_WORD, min_size=1, max_size=3).map(" ".join).filter(looks_like_name),
                 min_size=1, max_size=3, unique_by=str.lower)


def _ok_paragraph(text: str, names: list[str]) -> bool:
    # A line that itself looks like `Name: words` is a label, not speech: outside what this property covers.
    return bool(fold(text)) and not _LABEL_LIKE.match(text) and split_at_label(text, names) is None and not text.startswith(" ")


@st.composite
def transcripts(draw) -> tuple[str, list[str], list[tuple[str, list[str]]]]:
    """(page text, speaker names, turns as (speaker, paragraphs))."""
    names = draw(NAMES)
    title = draw(st.lists(_CHUNK, min_size=1, max_size=4).map("".join).filter(lambda t: fold(t) and not t.startswith(" ")))
    paragraph = st.lists(_CHUNK, min_size=1, max_size=6).map(lambda cs: "".join(cs).strip()).filter(lambda p: _ok_paragraph(p, names))
    turns = draw(st.lists(st.tuples(st.sampled_from(names), st.lists(paragraph, min_size=1, max_size=3)), min_size=1, max_size=5))
    turns = [(names[i], turn[1]) for i, turn in enumerate(turns[: len(names)])] + turns[len(names):]
    names = [name for name in names if any(speaker == name for speaker, _ in turns)]  # a listed speaker must speak
    lines = [title, "Transcript"]
    for speaker, paragraphs in turns:
        lines.append(f"{speaker}: {paragraphs[0]}")
        lines.extend(paragraphs[1:])
    return "\n".join(lines) + "\n", names, turns


def _episode(text: str, names: list[str]) -> Episode:
    page = parse_page(text, "seeds/ep.txt", speakers=names)
    chapters, timeline = place_chapters(page, {}, yaml_path="seeds/ep.yml")
    return Episode("ep", page, None, chapters, tuple(timeline.knots), ("seeds/ep.txt",))


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter for every example (building one costs more than converting a page); `_html` resets it."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _html(page: str) -> str:
    body = page.split("\n---\n", 1)[1]  # front matter: MkDocs reads it, Markdown never sees it
    return f'<article class="md-content__inner">{_converter().reset().convert(body)}</article>'


def _plain(turns: list[tuple[str, list[str]]], names: list[str]) -> tuple[str, list[str]]:
    """The same conversation shape with plain words: what the page's elements must be for any text."""
    plain_names = [f"Speaker {'ABC'[i]}" for i in range(len(names))]
    lines = ["Plain title", "Transcript"]
    for speaker, paragraphs in turns:
        plain = ["words." if p.endswith(_SENTENCE_END) else "words" for p in paragraphs]  # the same cut-off notice
        lines.append(f"{plain_names[names.index(speaker)]}: {plain[0]}")
        lines.extend(plain[1:])
    return "\n".join(lines) + "\n", plain_names


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(transcripts())
def test_any_transcript_renders_as_written_and_asks_for_no_element(example):
    text, names, turns = example
    pages = render_site([_episode(text, names)])
    chapter = next(rel for rel in pages if rel.startswith("ep/01-"))
    read = read_page(_html(pages[chapter]))
    assert [(t.speaker, [p for _, p in t.paragraphs]) for t in read.turns] == [(s, [fold(p) for p in ps]) for s, ps in turns]
    home = read_page(_html(pages["ep/index.md"]))
    assert fold("".join(home.chunks)).startswith(fold(text.splitlines()[0]) + " ")

    plain_text, plain_names = _plain(turns, names)
    plain = render_site([_episode(plain_text, plain_names)])
    assert read.tags == read_page(_html(plain[chapter])).tags
    assert home.tags == read_page(_html(plain["ep/index.md"])).tags


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                                HealthCheck.function_scoped_fixture])
@given(transcripts())
def test_any_transcript_builds_and_reads_back_from_the_site(tmp_path_factory, example):
    text, names, turns = example
    root = make_project(tmp_path_factory.mktemp("prop"), {"ep.txt": text, "ep.yml": f"speakers: {json.dumps(names, ensure_ascii=False)}\n"})
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    (episode,) = load_episodes(root / "seeds", root)
    assert site_turns(root / "site", episode) == [(s, [fold(p) for p in ps]) for s, ps in turns]
    title = re.search(r"<title>(.*?)</title>", (root / "site" / "ep" / "index.html").read_text(encoding="utf-8"), re.S)
    assert fold("".join(read_page(f"<article class='md-content__inner'><p>{title[1]}</p></article>").chunks)).startswith(
        fold(text.splitlines()[0]))
