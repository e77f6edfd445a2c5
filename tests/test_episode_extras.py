"""Speakers, topics, the picture, the downloads, times and descriptions, checked on the built seed site."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml

from helpers.html_text import fold, page_text, read_page
from helpers.links import broken_links, read_links, resolve
from helpers.project import ROOT, SEED_PAGE

EPISODE = "ross-taylor-2025"


def _source() -> str:
    return SEED_PAGE.read_text(encoding="utf-8")


def _transcript_section() -> str:
    return _source().split("\nTranscript\n", 1)[1]


def _independent_turns() -> list[tuple[str, str]]:
    """(speaker, text) per turn, split at `Name: ` labels with the names from the YAML."""
    names = yaml.safe_load(SEED_PAGE.with_suffix(".yml").read_text(encoding="utf-8"))["speakers"]
    parts = re.split(r"(?m)(?:^|(?<=\S))(" + "|".join(map(re.escape, names)) + r"):\s", _transcript_section())
    return list(zip(parts[1::2], parts[2::2]))


def test_speaker_counts_match_an_independent_count_of_the_source(seed_site: Path):
    text = page_text(seed_site / EPISODE / "speakers" / "index.html")
    turns = _independent_turns()
    all_words = sum(len(body.split()) for _, body in turns)
    for name in {speaker for speaker, _ in turns}:
        mine = [body for speaker, body in turns if speaker == name]
        words = sum(len(body.split()) for body in mine)
        assert f"{len(mine)} turns, {words:,} words ({words / all_words:.0%} of all words)" in text, name


def test_every_link_on_topic_and_speaker_pages_reaches_an_anchor(seed_site: Path):
    for page in ("topics", "speakers"):
        path = seed_site / EPISODE / page / "index.html"
        links = read_links(path).article
        assert sum("#" in href for href in links) > 50  # the turn lists are there
        assert broken_links(seed_site, path) == []


def test_topic_index_shows_speaker_chapter_time_and_the_matched_words(seed_site: Path):
    html = (seed_site / EPISODE / "topics" / "index.html").read_text(encoding="utf-8")
    # Nathan asks about GSPO in chapter 3; the entry links his turn and bolds the word.
    # (Among the strongest passages, or in the list behind the disclosure.)
    entries = re.findall(r"<li>((?:(?!</li>).)*)</li>", html, re.S)
    entry = [e for e in entries if "<strong>GSPO</strong>" in e
             and re.search(r'<a href="../03-reasoning-research-and-academic-blind-spots/#nathan-lambert-\d+-\d+">Nathan Lambert, ≈ \d\d:\d0', e)]
    assert entry, "no linked GSPO entry by Ross Taylor in chapter 3"


def test_every_turn_shows_an_estimated_time_in_order(seed_site: Path):
    seen = []
    for chapter in sorted((seed_site / EPISODE).glob("0*/index.html")):
        html = chapter.read_text(encoding="utf-8")
        headings = re.findall(r'<h3 class="turn" id="[^"]+">(.*?)</h3>', html)
        for heading in headings:
            found = re.search(r'<span class="turn-time" data-seconds="(\d+)">≈ (\d\d):(\d\d)</span>', heading)
            assert found, heading
            seen.append(int(found[1]))
    assert len(seen) >= len(_independent_turns()) and seen == sorted(seen)
    home = page_text(seed_site / EPISODE / "index.html")
    assert "It is an estimate, not a timestamp" in home


class _Svg(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_svg, self.link, self.segments, self.titles = False, None, [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "shape" in (a.get("class") or ""):
            self.in_svg = True
        elif self.in_svg and tag == "a":
            self.link = a["xlink:href"]
        elif self.in_svg and tag == "title" and self.link:
            self.titles += 1

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        if self.in_svg and tag == "rect" and "turn-bar" in (a.get("class") or ""):
            self.segments.append(self.link)

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        if tag == "a":
            self.link = None


def test_the_picture_has_one_linked_segment_per_turn(seed_site: Path):
    for page in (seed_site / EPISODE / "index.html",):  # `/` only sends the reader on to it
        svg = _Svg()
        svg.feed(page.read_text(encoding="utf-8"))
        assert len(svg.segments) == len(_independent_turns())
        assert None not in svg.segments and len(set(svg.segments)) == len(svg.segments)
        assert svg.titles >= len(svg.segments)  # each link has a text alternative
        assert broken_links(seed_site, page, svg.segments) == []
    size = len(re.search(r'<svg class="shape".*?</svg>', (seed_site / EPISODE / "index.html").read_text(encoding="utf-8"), re.S)[0])
    assert size < 40_000


def test_plain_text_download_is_the_source_transcript_section(seed_site: Path):
    links = read_links(seed_site / EPISODE / "index.html").article
    href = next(h for h in links if h.endswith(".txt") and not h.endswith(".md.txt"))
    file, _ = resolve(seed_site, seed_site / EPISODE / "index.html", href)
    assert file.read_bytes() == _transcript_section().encode("utf-8")


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts, self.current = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.current = []

    def handle_endtag(self, tag):
        if tag == "p" and self.current is not None:
            self.texts.append(fold("".join(self.current)))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def test_markdown_download_renders_every_paragraph_as_written(seed_site: Path):
    links = read_links(seed_site / EPISODE / "index.html").article
    href = next(h for h in links if h.endswith(".md.txt"))
    file, _ = resolve(seed_site, seed_site / EPISODE / "index.html", href)
    rendered = _Paragraphs()
    rendered.feed(markdown.markdown(file.read_text(encoding="utf-8")))
    paragraphs = set(rendered.texts)
    wanted = [fold(line) for _, body in _independent_turns() for line in body.splitlines() if line.strip()]
    assert [p for p in wanted if p not in paragraphs] == []


def test_chapters_json_follows_the_spec_and_the_outline(seed_site: Path):
    links = read_links(seed_site / EPISODE / "index.html").article
    href = next(h for h in links if h.endswith(".json"))
    file, _ = resolve(seed_site, seed_site / EPISODE / "index.html", href)
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    outline = re.findall(r"(?m)^(\d{1,2}):(\d\d)(?::(\d\d))? (.+)$", _source().split("\nTranscript\n")[0])
    expected = [(int(a) * 3600 + int(b) * 60 + int(c) if c else int(a) * 60 + int(b), title) for a, b, c, title in outline]
    assert [(c["startTime"], c["title"]) for c in data["chapters"]] == expected
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == sorted(starts) and all(isinstance(s, (int, float)) for s in starts)
    for chapter in data["chapters"]:
        page, _ = resolve(seed_site, file, chapter["url"])
        assert page.is_file(), chapter["url"]
        assert chapter["title"] in page.read_text(encoding="utf-8")


def test_every_page_has_its_own_meta_description(seed_site: Path):
    site_description = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_description"]
    pages = [p for p in seed_site.rglob("index.html")]
    assert len(pages) >= 9
    for page in pages:
        if "window.location.replace" in page.read_text(encoding="utf-8")[:2000]:
            continue  # `/` with one episode: a redirect to the episode's page, not a page of its own
        found = re.search(r'<meta name="description" content="([^"]*)"', page.read_text(encoding="utf-8"))
        assert found and found[1] and found[1] != site_description, page


def test_turn_headings_still_read_as_the_speaker(seed_site: Path):
    turns = read_page((seed_site / EPISODE / "01-recent-ai-news" / "index.html").read_text(encoding="utf-8")).turns
    assert turns[0].speaker == "Nathan Lambert" and turns[0].anchor == "nathan-lambert-1"
