"""Listener queries, as people type what they half remember, on the seed and a second episode.

tests/data/search/queries.yml holds 46 queries written by hand (not cut from the
text by a program), of five kinds: an exact phrase, one word misremembered, a
typo, a paraphrase, two or three distinctive words. Each is typed into the search
box of a site built from both episodes, one after another as a reader searches
again; the figures are printed per kind.
"""

from __future__ import annotations

import shutil
import statistics

import pytest
import yaml

from conftest import ROOT, build, make_project, serve
from helpers.search_box import cuts_a_word, marks_on_page, open_search, turn_of, type_query

DATA = ROOT / "tests" / "data" / "search"
QUERIES = yaml.safe_load((DATA / "queries.yml").read_text(encoding="utf-8"))
KINDS = ("exact", "misremembered", "typo", "paraphrase", "distinctive")
# Enter opens the first result (tests/test_search_box.py, test_search_sample.py): every query checks that result,
# and one in three opens it in a second tab and checks the landing and its marks (a page load each: all 46 took
# 80 s of the suite). The search tab stays as it is, its index loaded, as a reader's does.
LAND_EVERY = 3


@pytest.fixture(scope="module")
def two_episode_url(tmp_path_factory) -> str:
    project = make_project(tmp_path_factory.mktemp("listener-site"))
    for name in ("open-kitchen.txt", "open-kitchen.yml"):
        shutil.copy(DATA / name, project / "seeds" / name)
    return serve(build(project))


def test_listener_queries_land_on_their_turn(page, two_episode_url):
    assert len(QUERIES) >= 40 and {q["kind"] for q in QUERIES} == set(KINDS)
    rows = {kind: {"n": 0, "top5": 0, "first": 0} for kind in KINDS}
    misses, landings, marks_per_landing, cut = [], [], [], []
    page.goto(f"{two_episode_url}/{QUERIES[0]['episode']}/")
    open_search(page)
    landing = page.context.new_page()
    for n, query in enumerate(QUERIES):
        hrefs = type_query(page, query["query"])
        turns = [turn_of(h) for h in hrefs]
        row = rows[query["kind"]]
        row["n"] += 1
        right = [h for h in hrefs[:5] if turn_of(h) == query["turn"] and f"/{query['episode']}/" in h]
        row["top5"] += bool(right)
        first = bool(right) and right[0] == hrefs[0]
        row["first"] += first
        if not first:
            misses.append((query["kind"], query["query"], query["turn"], turns[:5]))
        if n % LAND_EVERY == 0 and hrefs:  # the first result, opened: where it lands, what it marks
            landing.goto(hrefs[0])
            landing.wait_for_function("() => location.hash && !location.search.includes('hl=')")  # marked, address cleaned
            url = landing.evaluate("location.href")
            landings.append(url.split("#")[1] == hrefs[0].split("#")[1] and url.split("#")[0] in hrefs[0])
            marks = marks_on_page(landing)
            marks_per_landing.append(len(marks))
            cut += [m for m in marks if cuts_a_word(m)]
    table = ["| kind | queries | right turn in first five | first (what Enter opens) |", "|---|---|---|---|"]
    for kind, row in rows.items():
        table.append(f"| {kind} | {row['n']} | {row['top5']} | {row['first']} |")
    total = {key: sum(row[key] for row in rows.values()) for key in ("n", "top5", "first")}
    table.append(f"| all | {total['n']} | {total['top5']} | {total['first']} ({total['first'] / total['n']:.0%}) |")
    median_marks = statistics.median(marks_per_landing)
    print("\n".join(table), f"\nthe first result opened for {len(landings)} queries, landed on its paragraph {sum(landings)} times; "
          f"marks on a landed page: median {median_marks}, max {max(marks_per_landing)}; marks cutting a word: {len(cut)}")
    assert all(landings) and len(landings) >= len(QUERIES) // LAND_EVERY
    assert total["top5"] == total["n"], misses
    assert total["first"] >= 0.9 * total["n"], misses
    assert all(6 * row["first"] >= 5 * row["n"] for row in rows.values()), (table, misses)
    assert cut == []
    assert median_marks <= 30


def test_with_two_episodes_the_episode_filter_narrows_results_and_chapters(page, two_episode_url):
    page.goto(f"{two_episode_url}/open-kitchen/")
    open_search(page)
    both = type_query(page, "evals benchmark")
    assert {"/open-kitchen/" in h for h in both} == {True, False}
    episode = page.locator("select[data-facet=episode]")
    assert episode.is_visible() and episode.locator("option").count() == 3  # "Any episode" and the two
    assert page.locator("select[data-facet=chapter]").is_disabled()  # chapters are listed per episode
    title = episode.locator("option").nth(1 if "Ladle" in episode.locator("option").nth(1).inner_text() else 2).inner_text()
    episode.select_option(title)
    page.wait_for_function("() => [...document.querySelectorAll('a.ep-result')].every(a => a.href.includes('/open-kitchen/'))"
                           " && document.querySelector('a.ep-result')")
    chapter = page.locator("select[data-facet=chapter]")
    assert chapter.is_enabled() and chapter.locator("option").count() == 4
    assert "episode=" in page.evaluate("location.href")  # the page's own: Playwright hears of replaceState late
