"""axe-core finds no violation, of any impact, on the pages a reader uses, in light and dark, wide and on a phone."""

from __future__ import annotations

import pytest

from conftest import ROOT
from helpers.search_box import open_search, type_query
from page_kinds import page_kinds

# Every kind of page (the episode's home, the longest chapter, one past the transcript's end, topics,
# speakers, 404), read from the seeds. `/` only sends the reader on to the episode's home.
PAGES = list(page_kinds(ROOT).values())


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


# The colour scheme changes colours only (the same DOM, the same CSS boxes), and the width changes the layout
# (the phone's drawer and search icon): light at 1280 px and dark at 390 px see every DOM and both palettes.
SCREENS = pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)], ids=["light-wide", "dark-phone"])


@SCREENS
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(reading_page, seed_url, path, scheme, width):
    page = reading_page(scheme)
    page.set_viewport_size({"width": width, "height": 850})
    page.goto(seed_url + path)
    assert _violations(page) == []


@SCREENS
def test_no_axe_violations_with_search_results_open(browser, seed_url, scheme, width):
    page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 850})
    try:
        page.goto(seed_url + "/ross-taylor-2025/")
        open_search(page)
        type_query(page, "reasoning research")
        page.locator("a.ep-result").first.wait_for()
        assert _violations(page) == []
    finally:
        page.close()
