"""Phone-first layout, measured in Chromium on every kind of page at 320, 390, 768 and 1280 px: no sideways scrolling, 24 px targets,
at most five topic chips, text that survives WCAG 1.4.12 spacing, a 65-75 character measure."""

from __future__ import annotations

import pytest

from conftest import ROOT
from layout_checks import CLIPPED, LONELY_PERMALINKS, MEASURE, OVERFLOW, TAG_COUNT, TARGETS, TEXT_SPACING
from page_kinds import page_kinds

KINDS = page_kinds(ROOT)


def _show(reading_page, url: str, width: int, scheme: str = "light"):
    """The module's page of `scheme` (conftest.reading_page), at `width` px, showing `url`."""
    page = reading_page(scheme)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)  # "load": the deferred scripts have run; the fonts are the system's (theme.font: false)
    return page


def _at_widths(page, widths: list[int], check) -> dict[int, object]:
    """`check(page)` at each width, the window resized as a reader turns a tablet or widens a browser: width → what
    it found, where it found anything (CSS media queries and Material's resize handlers run between widths)."""
    found = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        if problems := check(page):
            found[width] = problems
    return found


def _fits(page) -> list:
    tags = page.evaluate(TAG_COUNT)
    return page.evaluate(OVERFLOW) + page.evaluate(TARGETS) + ([tags] if tags["material"] or tags["shown"] > 5 else [])


# Every width in light, each page loaded at the narrowest and widened; dark (the same boxes, other colours) at the
# narrowest, where a wider icon would show first.
@pytest.mark.parametrize("kind", list(KINDS))
def test_fits_the_screen_with_targets_big_enough(reading_page, seed_url, kind):
    page = _show(reading_page, seed_url + KINDS[kind], 320)
    assert _at_widths(page, [320, 390, 768, 1280], _fits) == {}
    page = _show(reading_page, seed_url + KINDS[kind], 320, "dark")
    assert _fits(page) == []


def test_a_chapter_shows_between_one_and_five_topics(reading_page, seed_url):
    page = _show(reading_page, seed_url + KINDS["chapter"], 390)
    assert 1 <= page.evaluate(TAG_COUNT)["shown"] <= 5


@pytest.mark.parametrize("kind", list(KINDS))
def test_text_spacing_override_loses_nothing(reading_page, seed_url, kind):
    page = _show(reading_page, seed_url + KINDS[kind], 320)
    page.add_style_tag(content=TEXT_SPACING)
    assert _at_widths(page, [320, 1280], lambda page: page.evaluate(OVERFLOW) + page.evaluate(CLIPPED)) == {}


def test_lines_hold_about_seventy_characters(reading_page, seed_url):
    page = _show(reading_page, seed_url + KINDS["chapter"], 1280)
    assert 62 <= page.evaluate(MEASURE) <= 78


@pytest.mark.parametrize("width", [390, 1280])
def test_no_permalink_on_a_line_of_its_own(reading_page, seed_url, width):
    page = _show(reading_page, seed_url + KINDS["chapter"], width)
    page.wait_for_selector("article p[id] .ql-permalink", state="attached")
    assert page.evaluate(LONELY_PERMALINKS) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_selection_toolbar_sits_above_the_words_inside_the_column(reading_page, seed_url, width):
    page = _show(reading_page, seed_url + KINDS["chapter"], width)
    for which in ("first", "last"):  # words at the left edge of a line, and at its right edge
        box = page.evaluate("""(which) => {
          const p = [...document.querySelectorAll("article h3.turn ~ p[id]")].filter(p => p.textContent.length > 300)[3];
          p.scrollIntoView({block: "center"});
          const text = p.firstChild;
          const words = [...text.data.matchAll(/\\S+/g)].slice(0, 40);
          const [a, b] = which === "first" ? [words[0], words[1]] : [words[words.length - 3], words[words.length - 1]];
          const range = document.createRange();
          range.setStart(text, a.index);
          range.setEnd(text, b.index + b[0].length);
          getSelection().removeAllRanges(); getSelection().addRange(range);
          return null;
        }""", which)
        page.locator(".ql-toolbar:not([hidden])").wait_for()
        box = page.evaluate("""() => {
          const r = getSelection().getRangeAt(0).getClientRects()[0];
          const bar = document.querySelector(".ql-toolbar").getBoundingClientRect();
          const column = document.querySelector("article").getBoundingClientRect();
          return {bar: [bar.left, bar.top, bar.right, bar.bottom], words: r.top, column: [column.left, column.right]};
        }""")
        left, top, right, bottom = box["bar"]
        assert bottom <= box["words"], box
        assert box["column"][0] - 1 <= left and right <= box["column"][1] + 1, box
