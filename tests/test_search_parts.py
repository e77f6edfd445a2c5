"""An archive's search index in parts (search_index.PART_RECORDS: Pagefind's memory grows with the turns of a run).

The seed site is indexed again in parts of 20 turns, and the search box, which merges the
parts, must find what it finds in one index: the listener queries' turns (among them a rare word
that most parts lack, which Pagefind would otherwise answer with a shorter word), every filter value.
"""

from __future__ import annotations

import json
import shutil

import yaml

from conftest import ROOT, serve
from episode_site.search.index import index_parts, write_search_index
from helpers.search_box import open_search, turn_of, type_query

QUERIES = [q for q in yaml.safe_load((ROOT / "tests" / "data" / "search" / "queries.yml").read_text(encoding="utf-8"))
           if q["episode"] == "ross-taylor-2025"]


def test_parts_are_even_and_cover_every_record():
    assert index_parts(0, 10) == [range(0)]
    assert index_parts(10, 10) == [range(0, 10)]
    assert index_parts(11, 10) == [range(0, 6), range(6, 11)]
    parts = index_parts(64_868, 6_000)
    assert len(parts) == 11 and max(map(len, parts)) - min(map(len, parts)) <= 1
    assert [n for part in parts for n in part] == list(range(64_868))


def test_an_index_in_parts_finds_what_one_index_finds(page, seed_site, seed_episode, tmp_path):
    site = shutil.copytree(seed_site, tmp_path / "site")
    records = write_search_index(site, [seed_episode], part_records=20)
    meta = json.loads((site / "pagefind" / "vocabulary" / "meta.json").read_text(encoding="utf-8"))
    parts = len(index_parts(records, 20))
    assert parts >= 4 and meta["records"] == records and meta["parts"] == [f"parts/{n}/" for n in range(2, parts + 1)]
    # Each part's lexicon (the site's words it lacks, so that Pagefind never trims a word it does not know) is named
    # for the search box to drop; one part in four holds fewer than every word.
    assert len(meta["skip"]) == parts and len(set(meta["skip"])) == parts
    assert not list((site / "pagefind" / "parts").glob("*/wasm.*")), "a merged part is searched with the first part's wasm"
    url = serve(site)
    page.goto(f"{url}/{seed_episode.slug}/")
    open_search(page)
    misses = []
    for query in QUERIES[::2]:  # one in two of each kind, in the file's order
        hrefs = type_query(page, query["query"])
        if query["turn"] not in [turn_of(h) for h in hrefs[:5]]:
            misses.append((query["query"], query["turn"], [turn_of(h) for h in hrefs[:5]]))
    assert not misses
    speakers = page.eval_on_selector_all("select[data-facet=speaker] option", "options => options.map(o => o.textContent)")
    assert all(any(name in option for option in speakers) for name in seed_episode.source.speakers), speakers
