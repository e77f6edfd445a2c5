"""The search box as a reader uses it: keys, filters kept in the address, corrections, phrases, landing marks."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from helpers.search_box import INPUT, RESULT, cuts_a_word, marks_on_page, open_search, status_text, turn_of, type_query

CHAPTER_2 = "/ross-taylor-2025/02-do-and-dont-of-llm-training-organizations/"


def _focused(page) -> str:
    return page.evaluate("() => document.activeElement.classList[0] || document.activeElement.tagName")


def test_keys_open_move_and_close(page, seed_url):
    page.goto(seed_url + CHAPTER_2)
    # One search box: Material's (and Zensical's) own search is off.
    assert page.locator("button.ep-search-button").count() == 1
    assert page.locator("[data-md-component=search]").count() == 0
    open_search(page)
    assert page.locator("dialog.ep-search[open]").count() == 1
    type_query(page, "reasoning")
    page.keyboard.press("ArrowDown")
    assert _focused(page) == "ep-result"
    first = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.href") != first
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert _focused(page) == "ep-search__input"
    page.keyboard.press("Escape")
    assert page.locator("dialog.ep-search[open]").count() == 0
    # Closing takes the search off the address (read in the page: Playwright hears of history.replaceState late).
    page.wait_for_function("() => !location.search.includes('search=')", timeout=5000)
    page.keyboard.press("s")  # the other shortcut
    page.wait_for_function(f"() => document.activeElement.matches({INPUT!r})")


def test_enter_opens_the_first_result(page, seed_url):
    page.goto(seed_url + CHAPTER_2)
    open_search(page)
    hrefs = type_query(page, "Zuck paying people massive amounts of money")
    assert turn_of(hrefs[0]) == "ross-taylor-28"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#ross-taylor-28-\d+$"))
    address = page.evaluate("location.href")  # the page's own: Playwright hears of history.replaceState late
    assert "hl=" not in address and "search=" not in address


def test_a_filter_is_one_click_away_and_the_address_keeps_it(page, seed_url):
    page.goto(seed_url + CHAPTER_2)
    open_search(page)
    everyone = type_query(page, "open models")
    page.locator("select[data-facet=speaker]").select_option("Ross Taylor")
    page.wait_for_function("() => [...document.querySelectorAll('.ep-result__who')].every(e => e.textContent === 'Ross Taylor')"
                           " && document.querySelector('.ep-result')")
    ross_only = page.eval_on_selector_all(RESULT, "links => links.map(a => a.href)")
    assert ross_only != everyone
    address = page.evaluate("location.href")  # the page's own: Playwright hears of history.replaceState late
    assert parse_qs(urlsplit(address).query) == {"search": ["open models"], "speaker": ["Ross Taylor"]}
    # The address opens the same search, filter and all.
    page.goto(address)
    page.locator(RESULT).first.wait_for()
    assert page.locator("select[data-facet=speaker]").input_value() == "Ross Taylor"
    assert page.locator(INPUT).input_value() == "open models"
    assert set(page.eval_on_selector_all(".ep-result__who", "e => e.map(x => x.textContent)")) == {"Ross Taylor"}
    # One episode: no episode filter to choose from.
    assert page.locator("select[data-facet=episode]").is_hidden()


def test_a_typo_is_corrected_and_said(page, seed_url):
    page.goto(seed_url + CHAPTER_2)
    open_search(page)
    hrefs = type_query(page, "why is Zuck paying peple these massive amounts of money")
    assert "Showing results for “why is zuck paying people these massive amounts of money”" in status_text(page)
    assert turn_of(hrefs[0]) == "ross-taylor-28"
    type_query(page, "Zuck paying people")
    assert "Showing results for" not in status_text(page)
    assert re.match(r"\d+ turns? found", status_text(page))
    # Pagefind answers a word it does not know with a shorter one it knows (`reasearch` → turns of `rea…`):
    # the word is corrected all the same, and another form of a word that was said is not (`burns`: `burn` said).
    type_query(page, "reasearch")
    assert "Showing results for “research”" in status_text(page)
    type_query(page, "burns")
    assert "Showing results for" not in status_text(page) and re.match(r"\d+ turns? found", status_text(page))
    # Too far from any word for a slip: the word said that begins most like it (`reinforce…`), not a short prefix (`rein`).
    type_query(page, "reinforcment")
    assert "Showing results for “reinforc" in status_text(page), status_text(page)


def test_a_quoted_phrase_is_searched_as_a_phrase(page, seed_url):
    page.goto(seed_url + CHAPTER_2)
    open_search(page)
    loose = type_query(page, "the advantage is")
    quoted = type_query(page, '"the advantage is"')
    assert 0 < len(quoted) < len(loose)
    texts = page.eval_on_selector_all(".ep-result__text", "e => e.map(x => x.textContent.toLowerCase())")
    assert all("the advantage is" in " ".join(t.split()) for t in texts), texts


def test_landing_marks_whole_query_words_in_the_turn_only_and_can_be_cleared(page, seed_url):
    page.goto(seed_url + CHAPTER_2)
    open_search(page)
    type_query(page, "invest in employees instead of burning them out")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#ross-taylor-34-\d+$"))
    page.locator("mark.ep-search-mark").first.wait_for()
    marks = marks_on_page(page)
    assert {m["text"].lower() for m in marks} <= {"invest", "employees", "instead", "burning"}
    assert {m["text"].lower() for m in marks} >= {"employees", "burning"}
    assert all(m["turn"].startswith("ross-taylor-34-") for m in marks)  # that turn, nowhere else
    assert not [m for m in marks if cuts_a_word(m)]
    assert "hl=" not in page.evaluate("location.href")  # the address to copy is the permalink
    page.locator("button.ep-search-clear").click()
    assert page.locator("mark.ep-search-mark").count() == 0
    assert page.locator("button.ep-search-clear").count() == 0
