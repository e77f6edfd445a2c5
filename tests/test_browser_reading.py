"""A reader in Chromium: home page, chapter navigation, search that lands on the turn."""

from __future__ import annotations

import re


def test_home_to_chapter_two_and_search_lands_on_turn(page, seed_url):
    page.goto(seed_url + "/")
    assert "Interviewing Ross Taylor" in page.title()
    # Chapter 2 through the site navigation (the sidebar), as a reader would click it.
    page.locator(".md-sidebar--primary a:visible", has_text="Do and don’t").first.click()
    page.wait_for_url(re.compile(r"/ross-taylor-2025/02-do-and-dont-of-llm-training-organizations/$"))
    assert page.locator("h1").inner_text().startswith("12:10")

    # A sentence from chapter 3, typed into Material's search.
    sentence = "We figured out that if you train Qwen on random rewards"
    page.keyboard.press("/")  # Material's shortcut to focus search
    search_box = page.locator("input.md-search__input")
    search_box.fill(sentence)
    search_box.press("End")  # Material reads the query on keyup; fill() alone sends none
    # A result group opens with its page's title; the first section under it is the first result.
    first = page.locator(".md-search-result__item").first.locator("a.md-search-result__link[href*='#']").first
    first.wait_for()
    first.click()
    page.wait_for_url(re.compile(r"/03-reasoning-research-and-academic-blind-spots/.*#nathan-lambert-57$"))
    turn = page.locator("#nathan-lambert-57")
    page.wait_for_function("() => { const r = document.querySelector('#nathan-lambert-57').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight / 2; }")
    assert turn.is_visible()
    # search.highlight marks the query's words on the landing page
    page.locator("article mark").first.wait_for()

    # The same address opened afresh (a shared search link) marks the words too.
    fresh = page.context.new_page()
    fresh.goto(page.url)
    fresh.locator("article mark").first.wait_for()
    fresh.close()


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
    """Most readers never search: the index (the largest file) waits until search is opened."""
    page = browser.new_page(viewport={"width": 390, "height": 800})  # a phone: search opens from an icon
    try:
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(seed_url + "/ross-taylor-2025/")
        page.wait_for_load_state("networkidle")
        assert not [url for url in requested if url.endswith("search_index.json")]
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").press_sequentially("random rewards", delay=20)
        page.locator(".md-search-result__item").first.wait_for()
        assert [url for url in requested if url.endswith("search_index.json")]
    finally:
        page.close()
