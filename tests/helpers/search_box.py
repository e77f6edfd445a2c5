"""Driving the site's search box in Chromium as a reader does: open it, type, read the results, press Enter."""

from __future__ import annotations

import re

INPUT = "input.ep-search__input"
RESULT = "a.ep-result"


def open_search(page) -> None:
    """Press `/` (the shortcut) and wait for the box to have focus."""
    page.keyboard.press("/")
    page.wait_for_function(f"() => document.activeElement && document.activeElement.matches({INPUT!r})")


def type_query(page, query: str) -> list[str]:
    """Type a query (replacing the last) and return the hrefs of the results shown, in order: once the status
    says which query they answer (search.js sets `data-query` with the count)."""
    page.locator(INPUT).fill(query)
    page.wait_for_function("""(query) => {
        const status = document.querySelector('.ep-search__status');
        return status && status.dataset.query === query && status.textContent.trim() !== '';
    }""", arg=query.strip())
    return page.eval_on_selector_all(RESULT, "links => links.map(a => a.href)")


def status_text(page) -> str:
    return page.locator(".ep-search__status").inner_text()


def turn_of(href: str) -> str:
    """The turn a result opens: `…#ross-taylor-28-7` → `ross-taylor-28` (paragraph k of turn 28)."""
    anchor = href.split("#", 1)[1] if "#" in href else ""
    anchor = re.sub(r"-continued$", "", anchor)
    return re.sub(r"^(.*-\d+)-\d+$", r"\1", anchor)


def marks_on_page(page) -> list[dict]:
    """Every search mark on the landed page, with the characters just outside it (to catch a cut word)."""
    return page.eval_on_selector_all("mark.ep-search-mark", """marks => marks.map(m => {
        const before = m.previousSibling ? (m.previousSibling.textContent || '') : '';
        const after = m.nextSibling ? (m.nextSibling.textContent || '') : '';
        return {text: m.textContent, before: before.slice(-1), after: after.slice(0, 1),
                turn: (m.closest('p') || {}).id || ''};
    })""")


def cuts_a_word(mark: dict) -> bool:
    """A mark that starts or ends inside a word (a letter or digit right outside it)."""
    return bool(re.match(r"[^\W_]", mark["before"]) or re.match(r"[^\W_]", mark["after"]))
