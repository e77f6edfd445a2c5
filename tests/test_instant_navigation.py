"""With `site_url` set (SITE_URL), Material's instant navigation swaps pages without a reload, and the
quote-link features run on every swapped-in page: permalinks, links to selected words, the landing mark."""

from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path

import pytest

from conftest import build, make_project, serve
from page_kinds import page_kinds

MARK = "window.__sameDocument"
# Material treats a link as internal once it has read sitemap.xml, which it fetches after the page loads: a click
# before that is a plain navigation (seen on a busy machine), so the tests wait for the network to settle first.
SETTLED = "networkidle"


@pytest.fixture(scope="module")
def instant_url(tmp_path_factory) -> str:
    """A site built with SITE_URL set to the very address it is served at (Material compares host and port)."""
    root = make_project(tmp_path_factory.mktemp("instant"))
    base = serve(root / "site")  # the server reads the folder on each request: start it first, to know its port
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = base + "/"
    try:
        build(root)
    finally:
        if previous is None:
            os.environ.pop("SITE_URL")
        else:
            os.environ["SITE_URL"] = previous
    assert base in (root / "site" / "sitemap.xml").read_text()
    return base


def _kinds() -> dict[str, str]:
    from conftest import ROOT
    return page_kinds(ROOT)


def test_clicks_through_chapters_without_a_reload(browser, instant_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        episode = _kinds()["episode"]
        page.goto(instant_url + episode, wait_until=SETTLED)
        page.evaluate(f"{MARK} = true")
        chapters = page.locator(".chapter-list a")
        hrefs = [chapters.nth(i).get_attribute("href") for i in range(min(3, chapters.count()))]
        assert len(hrefs) >= 2
        for n, href in enumerate(hrefs):
            before = page.locator("article h1").inner_text()
            page.locator(f".md-sidebar--primary a[href$='{href.split('/')[-2]}/']").first.click()
            page.wait_for_url(re.compile(re.escape(href.split("/")[-2]) + "/$"))
            # The address changes before the new article is swapped in: wait for the article itself.
            page.wait_for_function("previous => document.querySelector('article h1')?.innerText !== previous", arg=before)
            assert page.evaluate(MARK) is True, f"page {n + 1} was reloaded"
            # Permalinks were added to the swapped-in page, and copy its address.
            page.wait_for_function("document.querySelectorAll('article .ql-permalink').length > 0")
        paragraph = page.locator("article h3.turn ~ p[id]").nth(2)
        anchor = paragraph.get_attribute("id")
        paragraph.hover()
        paragraph.locator(".ql-permalink").click()
        page.wait_for_function("document.querySelector('.ql-status').textContent === 'Link copied'")
        assert page.evaluate("navigator.clipboard.readText()") == f"{page.url.split('#')[0]}#{anchor}"
        # Selected words get the toolbar and a text-fragment link.
        page.evaluate("""(id) => {
          const text = document.getElementById(id).firstChild, range = document.createRange();
          range.setStart(text, 0); range.setEnd(text, text.data.indexOf(" ", 20));
          getSelection().removeAllRanges(); getSelection().addRange(range);
        }""", anchor)
        page.get_by_role("button", name="Link to quote").click()
        page.wait_for_function("document.querySelector('.ql-status').textContent === 'Link to the quote copied'")
        assert page.evaluate("navigator.clipboard.readText()").startswith(f"{page.url.split('#')[0]}#{anchor}:~:text=")
        assert page.evaluate(MARK) is True
    finally:
        context.close()


def test_a_link_to_a_turn_on_another_page_lands_and_marks_it(browser, instant_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(instant_url + _kinds()["chapter"], wait_until=SETTLED)
        page.evaluate(f"{MARK} = true")
        page.locator(".chapter-topics a").first.click()            # a topic chip: on to the topics page
        page.wait_for_url(re.compile(r"/topics/#topic-"))
        quote = page.locator(".topic-quotes a").first              # a strongest passage: back into a chapter
        target = quote.get_attribute("href").split("#")[1]
        quote.click()
        page.wait_for_url(re.compile("#" + re.escape(target) + "$"))
        page.wait_for_function("id => document.getElementById(id)?.classList.contains('ql-landed')", arg=target)
        assert page.evaluate(MARK) is True, "the page was reloaded"
    finally:
        page.close()


def test_the_site_name_leads_to_the_episode(browser, instant_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        episode = _kinds()["episode"]
        page.goto(instant_url + _kinds()["topics"])
        page.locator(".md-header__button.md-logo").click()
        page.wait_for_url(instant_url + episode)
        page.locator("article h1").wait_for()
        assert page.locator("article h1").inner_text() == page.title().split(" - ")[0]
    finally:
        page.close()


def test_without_site_url_every_link_still_works(page, seed_url):
    page.goto(seed_url + "/")
    page.wait_for_url(re.compile(re.escape(_kinds()["episode"]) + "$"))  # `/` sends the reader on
    page.locator(".chapter-list a").first.click()
    page.locator("article h1").wait_for()
    page.wait_for_function("document.querySelectorAll('article .ql-permalink').length > 0")


def test_one_episode_has_one_home(seed_site: Path, instant_url):
    """`/` sends the reader on to the episode's page (anchor kept), and is not a page of instant navigation."""
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    episode = _kinds()["episode"].strip("/")
    assert f'window.location.replace(["{episode}/",window.location.search,window.location.hash]' in home
    assert f'content="0;url={episode}/"' in home  # without script
    with urllib.request.urlopen(instant_url + "/sitemap.xml") as response:
        locations = response.read().decode()
    assert f"<loc>{instant_url}/{episode}/</loc>" in locations
    assert f"<loc>{instant_url}/</loc>" not in locations


def test_an_anchor_on_the_root_reaches_its_turn(page, seed_url):
    page.goto(seed_url + "/#nathan-lambert-3")
    page.wait_for_url(re.compile(r"/0\d-[^/]+/#nathan-lambert-3$"))  # `/` → the episode's page → the chapter
    page.wait_for_function("document.getElementById('nathan-lambert-3')?.classList.contains('ql-landed')")
