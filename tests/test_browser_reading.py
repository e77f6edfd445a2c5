"""A reader in Chromium: home page, chapter navigation, search that lands on the turn."""

from __future__ import annotations

import re

from helpers.search_box import open_search, type_query


def test_home_to_chapter_two_and_search_lands_on_turn(page, seed_url):
    page.goto(seed_url + "/")
    assert "Interviewing Ross Taylor" in page.title()
    # Chapter 2 through the site navigation (the sidebar), as a reader would click it.
    page.locator(".md-sidebar--primary a:visible", has_text="Do and don’t").first.click()
    page.wait_for_url(re.compile(r"/ross-taylor-2025/02-do-and-dont-of-llm-training-organizations/$"))
    assert page.locator("h1").inner_text().startswith("12:10")

    # A sentence from chapter 3, typed into the search box; Enter opens the first result.
    open_search(page)
    type_query(page, "We figured out that if you train Qwen on random rewards")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/03-reasoning-research-and-academic-blind-spots/#nathan-lambert-57-\d+$"))
    target = page.url.split("#")[1]
    page.wait_for_function(f"() => {{ const r = document.getElementById({target!r}).getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight / 2; }")
    # The query's words are marked in that turn, and the address the reader copies is the plain permalink.
    page.locator("article mark.ep-search-mark").first.wait_for()
    assert "?" not in page.evaluate("location.href")  # the page's own: Playwright hears of history.replaceState late


def test_pages_log_no_errors(page, seed_url):
    """A script error can stop Material's instant navigation half way (an SVG link once did)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    for path in ("/", "/ross-taylor-2025/", "/ross-taylor-2025/topics/", "/ross-taylor-2025/speakers/",
                 "/ross-taylor-2025/02-do-and-dont-of-llm-training-organizations/"):
        page.goto(seed_url + path)
        page.wait_for_load_state("networkidle")
    assert errors == []


def test_search_index_loads_only_when_search_is_opened(browser, seed_url):
    """Most readers never search: nothing of the index is fetched until the search box opens."""
    page = browser.new_page(viewport={"width": 390, "height": 800})  # a phone: search opens from an icon
    try:
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(seed_url + "/ross-taylor-2025/")
        page.wait_for_load_state("networkidle")
        assert not [url for url in requested if "/pagefind/" in url]
        page.locator("button.ep-search-button").click()
        page.locator("input.ep-search__input").press_sequentially("random rewards", delay=20)
        page.locator("a.ep-result").first.wait_for()
        assert [url for url in requested if "/pagefind/" in url]
    finally:
        page.close()
