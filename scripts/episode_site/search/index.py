"""Write the site's search index: Pagefind's bundle of turn records, and the vocabulary for typos.

Each record becomes a tiny HTML document (its paragraphs with their ids, its meta
and filters as Pagefind attributes) in a scratch folder, and the Pagefind binary
indexes that folder into `site/pagefind/`. The documents are not published: the
results point at the chapter pages. (Pagefind's Python API would take the records
directly, but it waits 0.1 s for every answer of its service: an hour for an archive.)

Pagefind holds every document it indexes in memory, about 75 KB each whatever its length
(Pagefind 1.5.2, measured: 66 MB for 800 turns, 935 MB for 12,700; Pagefind issue #842), so an
archive's turns are indexed in parts of at most PART_RECORDS, one Pagefind run and bundle each:
the first in `site/pagefind/`, the others in `site/pagefind/parts/<n>/`, which the search box
merges into the first (Pagefind's `mergeIndex`, searched with the first bundle's WebAssembly).
A part that lacks a word would answer it with the turns of a shorter word (Pagefind trims a word
it does not know: `ifbench` finds `if`), so each part also indexes a lexicon, one document of
every site word it lacks; the search box drops that document (its id is in `meta.json`).

Run beside the renderer by `search_beside.py` (for `episode-site build` with any renderer, and for
the MkDocs hook `search_hook.py`), or after it by `episode-site index`.
"""

from __future__ import annotations

import gzip
import json
import math
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from html import escape
from pathlib import Path

from episode_site.model.episode import Episode
from episode_site.search.records import Record, RecordsFile, search_records, vocabulary, write_records

BUNDLE = "pagefind"
_LEXICON = "lexicon.html"
PART_RECORDS = 6_000  # about 450 MB of Pagefind's memory per run
# Pagefind writes its ready-made UIs too; the site has its own search box and loads none of them.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    """The Pagefind binary failed; its output says why."""


def write_search_index(site: Path, episodes: Iterable[Episode], *, several: bool | None = None,
                       part_records: int = PART_RECORDS) -> int:
    """Replace `site/pagefind/` with the index of these episodes, in parts of at most `part_records` turns;
    return the number of records. `several`: as for `search_records`. The records go through a scratch file,
    so that episodes given one at a time are let go once their records are made."""
    with tempfile.TemporaryDirectory(prefix="episode-site-records-") as scratch:
        path = Path(scratch) / "records.jsonl"
        write_records(search_records(episodes, several=several), path)
        return write_records_index(site, RecordsFile(path), part_records=part_records)


def write_records_index(site: Path, records: Iterable[Record], *, part_records: int = PART_RECORDS) -> int:
    """`write_search_index`, from records already made: read twice (the words and their number, then each
    part in turn), so that a `RecordsFile` never has more than one part's records in memory."""
    bundle = remove_bundle(site)
    count, words = 0, {}
    for record in records:
        count += 1
        for word, times in vocabulary([record]).items():
            words[word] = words.get(word, 0) + times
    if not words:  # a transcript of nothing but `**`: Pagefind refuses an index without words, and there is nothing to find
        return 0
    parts = index_parts(count, part_records)
    lexicons = []
    stream = iter(records)
    for number, part in enumerate(parts, start=1):
        output = bundle if number == 1 else bundle / "parts" / str(number)
        said: set[str] = set()
        with tempfile.TemporaryDirectory(prefix="episode-site-search-") as scratch:
            for n, record in zip(part, stream):
                (Path(scratch) / f"{n}.html").write_text(record_html(record), encoding="utf-8")
                if len(parts) > 1:
                    said.update(vocabulary([record]))  # the words this part has
            lacking = sorted(words.keys() - said) if len(parts) > 1 else []
            if lacking:
                (Path(scratch) / _LEXICON).write_text(_lexicon_html(lacking), encoding="utf-8")
            _run_pagefind(Path(scratch), output)
        if lacking:
            lexicons.append(_fragment_of(output, "/" + _LEXICON))
        for name in _UNUSED + (("pagefind.js", "pagefind-worker.js") if number > 1 else ()):  # the first part's engine runs
            (output / name).unlink(missing_ok=True)
        if number > 1:  # merged indexes search with the first bundle's WebAssembly: the others' is never fetched
            for wasm in output.glob("wasm.*.pagefind"):
                wasm.unlink()
    _write_vocabulary(bundle / "vocabulary", words)
    # How many turns there are (the search box weighs each word's rarity against it before searching the word),
    # and the bundles it merges into the first.
    extra = [f"parts/{n}/" for n in range(2, len(parts) + 1)]
    meta = {"records": count, "parts": extra, **({"skip": lexicons} if lexicons else {})}
    (bundle / "vocabulary" / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return count


def remove_bundle(site: Path) -> Path:
    """Remove `site/pagefind` (a folder, a file or a link: never followed); return its path."""
    bundle = site / BUNDLE
    if bundle.is_symlink() or bundle.is_file():
        bundle.unlink()
    elif bundle.exists():
        shutil.rmtree(bundle)
    return bundle


def index_parts(count: int, most: int = PART_RECORDS) -> list[range]:
    """The records of each Pagefind run: as few parts as hold at most `most` records each, of even size."""
    parts = max(1, math.ceil(count / most))
    size, extra = divmod(count, parts)
    starts = [n * size + min(n, extra) for n in range(parts + 1)]  # the first `extra` parts get one more
    return [range(a, b) for a, b in zip(starts, starts[1:])]


def record_html(record: Record) -> str:
    """One turn as a document Pagefind reads: paragraphs (indexed, with ids), then meta and filters (not indexed)."""
    body = "".join(f'<p id="{escape(anchor)}">{escape(text)}</p>' for anchor, text in record.paragraphs)
    meta = "".join(f'<span data-pagefind-meta="{escape(key)}">{escape(value)}</span>' for key, value in record.meta.items())
    filters = "".join(f'<span data-pagefind-filter="{escape(key)}">{escape(value)}</span>'
                      for key, values in record.filters.items() for value in values)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(record.meta["speaker"])}</title></head>'
            f"<body><main data-pagefind-body>{body}</main><div hidden>{meta}{filters}</div></body></html>")


def _lexicon_html(words: list[str]) -> str:
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lexicon</title></head>'
            f"<body><main data-pagefind-body><p>{escape(' '.join(words))}</p></main></body></html>")


def _fragment_of(bundle: Path, url: str) -> str:
    """The id Pagefind gave the document at `url` (its fragment's name): results carry it."""
    head = b'pagefind_dcd{"url":' + json.dumps(url).encode()
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        if gzip.decompress(fragment.read_bytes()).startswith(head):
            return fragment.name.removesuffix(".pf_fragment")
    raise SearchIndexError(f"Pagefind wrote no fragment for {url} in {bundle}")


def _run_pagefind(documents: Path, bundle: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(bundle),
               "--force-language", "en", "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0 or not (bundle / "pagefind.js").exists():
        raise SearchIndexError(f"Pagefind could not index the site (exit {done.returncode}): {(done.stderr or done.stdout).strip()[:2000]}")


def shard_of(word: str) -> str:
    """Vocabulary file of a word: its first letter or digit, `_` for anything else (a file name that is always safe)."""
    first = word[:1]
    return first if first.isascii() and first.isalnum() else "_"


def _write_vocabulary(folder: Path, counts: dict[str, int]) -> None:
    """One small JSON file per first character: the search box fetches one only to correct an unknown word."""
    shards: dict[str, dict[str, int]] = {}
    for word in sorted(counts):
        shards.setdefault(shard_of(word), {})[word] = counts[word]
    folder.mkdir(parents=True, exist_ok=True)
    for key, words in shards.items():
        (folder / f"{key}.json").write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
