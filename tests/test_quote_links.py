"""Quote links in Chromium: permalinks, links to selected words, landing, anchors that moved."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from helpers.site_map import anchor_map, anchors_on, chapter_slugs, count_color

OPAQUE = "el => getComputedStyle(el).opacity === '1'"
WORDS_BG = "#ffd54f"  # --ql-words-bg in quote-links.css (light scheme)


@pytest.fixture
def clip_page(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    return page


@pytest.fixture(scope="module")
def site_map(seed_site, seed_episode):
    return anchor_map(seed_site, seed_episode.slug)


def _chapter_url(base: str, site_map: dict, n: int) -> tuple[str, str]:
    chapter = chapter_slugs(site_map)[n - 1]
    return f"{base}/{site_map['episode']}/{chapter}/", chapter


def _clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def _wait_status(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('.ql-status[aria-live]')?.textContent === t", arg=text)


def test_permalink_shows_on_hover_and_copies_the_exact_url(clip_page, seed_url, site_map):
    page = clip_page
    url, chapter = _chapter_url(seed_url, site_map, 3)
    page.goto(url)
    paragraph_id = [a for a in anchors_on(site_map, chapter) if re.search(r"-\d+-\d+$", a)][2]
    turn_id = [a for a in anchors_on(site_map, chapter) if re.search(r"[a-z]-\d+$", a)][1]
    for anchor in (paragraph_id, turn_id):
        button = page.locator(f"[id='{anchor}'] .ql-permalink")
        assert button.evaluate("el => getComputedStyle(el).opacity") == "0"
        page.locator(f"[id='{anchor}']").hover()
        button.wait_for(state="visible")
        page.wait_for_function(OPAQUE, arg=button.element_handle())
        page.evaluate("navigator.clipboard.writeText('')")
        button.click()
        _wait_status(page, "Link copied")
        assert _clipboard(page) == f"{url}#{anchor}"


def test_keyboard_only_reaches_a_permalink_and_copies_it(clip_page, seed_url, site_map):
    page = clip_page
    url, _ = _chapter_url(seed_url, site_map, 2)
    page.goto(url)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ql-permalink')"):
            break
    else:
        pytest.fail("no permalink reachable with Tab")
    focused = page.evaluate_handle("document.activeElement")
    page.wait_for_function(OPAQUE, arg=focused)  # visible on keyboard focus
    anchor = page.evaluate("document.activeElement.closest('h3[id], p[id]').id")
    page.keyboard.press("Enter")
    _wait_status(page, "Link copied")
    assert _clipboard(page) == f"{url}#{anchor}"


def _select(page, anchor: str, quote: str) -> None:
    """Select `quote` inside one paragraph's text, as a reader's drag would."""
    page.evaluate(
        """([id, quote]) => {
          const text = document.getElementById(id).firstChild;
          const at = text.data.indexOf(quote);
          if (at < 0) throw new Error("quote not in paragraph " + id);
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + quote.length);
          getSelection().removeAllRanges(); getSelection().addRange(range);
        }""",
        [anchor, quote],
    )
    page.locator(".ql-toolbar:not([hidden])").wait_for()


def _paragraphs(episode, site_map: dict, chapter: str):
    """(anchor, turn, text) of each paragraph on a chapter page, from the anchor's numbers."""
    for anchor in anchors_on(site_map, chapter):
        if found := re.search(r"-(\d+)-(\d+)$", anchor):
            turn = episode.source.turns[int(found[1]) - 1]
            yield anchor, turn, turn.paragraphs[int(found[2]) - 1].text


def test_selected_words_give_a_text_fragment_link_and_a_citation(clip_page, seed_url, site_map, browser, seed_episode):
    page = clip_page
    episode = seed_episode
    url, chapter = _chapter_url(seed_url, site_map, 3)
    # A long paragraph of the chapter with a hyphen and a comma among its 3rd to 30th words.
    anchor, turn, text = next((a, t, x) for a, t, x in _paragraphs(episode, site_map, chapter)
                              if len(x.split()) > 40 and " - " in " ".join(x.split()[2:30]) and "," in " ".join(x.split()[2:30]))
    words = text.split()[2:30]
    quote = " ".join(words)
    page.goto(url)
    _select(page, anchor, quote)
    page.get_by_role("button", name="Link to quote").click()
    _wait_status(page, "Link to the quote copied")
    link = _clipboard(page)
    prefix = f"{url}#{anchor}:~:text="
    assert link.startswith(prefix), link
    parts = link[len(prefix):].split(",")
    assert len(parts) == 2, link
    for part in parts:
        assert not re.search(r"[-&\s]", part), f"unencoded character in {part!r}"
    start, end = (unquote(part) for part in parts)
    assert quote.startswith(start + " ") and quote.endswith(" " + end), (start, end, quote)

    page.get_by_role("button", name="Copy quote").click()
    _wait_status(page, "Quote copied")
    citation = _clipboard(page)
    # The ≈ time shown beside the speaker's name on the turn's heading.
    time = page.evaluate("""(id) => {
      let heading = document.getElementById(id).previousElementSibling;
      while (heading && !heading.matches("h3.turn")) heading = heading.previousElementSibling;
      return heading.querySelector(".turn-time").textContent.trim();
    }""", anchor)
    assert time.startswith("≈ "), time
    assert citation == f"“{quote}” — {turn.speaker}, {site_map['title']}, {site_map['chapters'][chapter]}, {time}, {link}"

    # Opened in a fresh page, the link lands on the paragraph with the words highlighted.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        fresh = context.new_page()
        fresh.goto(link)
        target = fresh.locator(f"[id='{anchor}']")
        fresh.wait_for_function("el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }",
                                arg=target.element_handle())
        marked = 0
        for _ in range(20):  # the browser paints the match after it scrolls; look until it shows
            marked = count_color(fresh, target.screenshot(), WORDS_BG)
            if marked > 500:
                break
        assert marked > 500, f"the quoted words are not highlighted ({marked} highlighted pixels)"
    finally:
        context.close()


def test_short_quote_is_one_text_directive_with_hyphen_encoded(clip_page, seed_url, site_map, seed_episode):
    page = clip_page
    episode = seed_episode
    url, chapter = _chapter_url(seed_url, site_map, 3)
    found = next(((a, m) for a, _, x in _paragraphs(episode, site_map, chapter) if (m := re.search(r"\S+ \S+ - \S+ \S+", x))), None)
    if found is None:
        pytest.skip("no paragraph with a spaced hyphen in chapter 3")
    anchor, quote = found[0], found[1][0]
    page.goto(url)
    _select(page, anchor, quote)
    page.get_by_role("button", name="Link to quote").click()
    _wait_status(page, "Link to the quote copied")
    link = _clipboard(page)
    directive = link.split(":~:text=", 1)[1]
    assert "," not in directive and "%2D" in directive and "-" not in directive, link
    assert unquote(directive) == quote


def test_anchor_of_chapter_3_opened_on_chapter_1_ends_on_chapter_3(page, seed_url, site_map):
    chapter1, _ = _chapter_url(seed_url, site_map, 1)
    chapter3, slug3 = _chapter_url(seed_url, site_map, 3)
    anchor = anchors_on(site_map, slug3)[5]
    page.goto(f"{chapter1}#{anchor}")
    page.wait_for_url(f"{chapter3}#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    page.wait_for_function("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
                           arg=target.element_handle())
    assert "ql-landed" in target.get_attribute("class")
    # The back button does not return to the address that moved.
    assert page.evaluate("history.length") == 2


def test_episode_address_and_unknown_address_resolve_an_anchor(page, seed_url, site_map):
    base = seed_url  # the test server answers a missing address with the site's 404.html
    chapter3, slug3 = _chapter_url(base, site_map, 3)
    anchor = anchors_on(site_map, slug3)[-1]
    page.goto(f"{base}/{site_map['episode']}/#{anchor}")
    page.wait_for_url(f"{chapter3}#{anchor}")
    page.goto(f"{base}/{site_map['episode']}/03-a-renamed-chapter/#{anchor}")
    page.wait_for_url(f"{chapter3}#{anchor}")
    page.goto(f"{base}/{site_map['episode']}/03-a-renamed-chapter/")
    links = page.locator("[data-ql-not-found] li a")
    links.first.wait_for()
    assert links.count() == len(site_map["chapters"])
    assert links.nth(2).get_attribute("href") == chapter3
