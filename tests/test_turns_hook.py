"""turns_hook.py hands the generator's one-line HTML blocks (turns, topic quotes) to Markdown's stash: the same HTML,
without Markdown scanning them."""

from __future__ import annotations

import re

import markdown

from episode_site.renderers.html_whitespace_hook import on_post_page as without_indentation
from episode_site.renderers.turns_hook import GENERATED_LINE, GeneratedLines
from helpers.project import ROOT


def _extensions() -> list[str]:
    """The Markdown extensions mkdocs.yml lists."""
    section = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("markdown_extensions:")[1].split("\nhooks:")[0]
    return re.findall(r"^  - (\w+)", section, re.M)


def _convert(text: str, *extra: object) -> tuple[str, int]:
    md = markdown.Markdown(extensions=[*_extensions(), *extra], extension_configs={"toc": {"toc_depth": 2}})
    # The blank lines between blocks differ (the stash joins them with one line break); the built page
    # loses both in html_whitespace_hook, so it is compared as the site serves it.
    return without_indentation(md.convert(text)), md.htmlStash.html_counter


def test_a_chapter_page_comes_out_the_same_and_its_turn_lines_skip_the_html_reader():
    page = (ROOT / "docs" / "ross-taylor-2025" / "02-do-and-dont-of-llm-training-organizations.md").read_text(encoding="utf-8")
    body = page.split("\n---\n", 1)[1]  # after the front matter, as MkDocs gives it to Markdown
    assert {"attr_list", "md_in_html", "toc"} <= set(_extensions())
    turn_lines = [line for line in body.splitlines() if GENERATED_LINE.fullmatch(line)]
    assert len(turn_lines) > 100  # 29 turns and their paragraphs
    plain, plain_stashed = _convert(body)
    hooked, hooked_stashed = _convert(body, GeneratedLines())
    assert hooked == plain
    assert plain_stashed >= len(turn_lines)  # Markdown's raw HTML reader stashed them too, after scanning
    assert '<p id="ross-taylor-28-1">Sure. So if anyone' in hooked


def test_a_topics_page_comes_out_the_same_and_its_quote_lists_skip_the_html_reader():
    page = (ROOT / "docs" / "ross-taylor-2025" / "topics.md").read_text(encoding="utf-8")
    body = page.split("\n---\n", 1)[1]
    lists = [line for line in body.splitlines() if GENERATED_LINE.fullmatch(line)]
    assert len(lists) >= 10 and all(line.startswith(('<div class="topic-quotes">', '<details class="topic-more">')) for line in lists)
    plain, _ = _convert(body)
    hooked, _ = _convert(body, GeneratedLines())
    assert hooked == plain
    assert '<div class="topic-quotes"><ul><li>“' in hooked


def test_only_whole_generated_lines_are_taken():
    assert GENERATED_LINE.fullmatch('<p id="ann-lee-1-1">Hi &amp; bye.</p>')
    assert GENERATED_LINE.fullmatch('<h3 class="turn" id="ann-lee-1">Ann Lee <span class="turn-time" data-seconds="1">≈ 00:01</span></h3>')
    assert GENERATED_LINE.fullmatch('<details class="topic-more"><summary>2 more turns</summary><ul><li>x</li></ul></details>')
    for line in ('<details class="topic-more"><summary><b>2</b></summary><ul><li>x</li></ul></details>',
                 '<div class="topic-quotes"><ul><li>x</li></ul></div> and more', '<p id="a">x</p> and more', 'text <p id="a">x</p>', '<p class="x" id="a">x</p>', '<p id="A B">x</p>', "&lt;p id=\"a\"&gt;x&lt;/p&gt;"):
        assert not GENERATED_LINE.fullmatch(line), line
