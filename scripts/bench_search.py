"""Search weight and speed, in Chromium: what a reader's browser fetches and how long a query takes.

    .venv/bin/python scripts/bench_search.py [--archive 500] [--json bench-search.json]

On the seed site (built in a scratch copy) and, with --archive N, on the same site
whose search index holds N synthetic episodes (scripts/synthetic_archive.py):
bytes on page load (and how many of them are the index: none), bytes and time of
opening the search box (Pagefind's runtime and the filter lists load then), bytes
and time of the first query (the index chunks and results it needs), warm query
times, and the time to write the index. Bytes are counted gzipped (as a static host serves
them; Pagefind's own files are already compressed and count as they are). Served
on 127.0.0.1. Figures vary with the machine; nothing here is a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_FLAGS, build, make_project, serve  # noqa: E402

PAGE = "ross-taylor-2025/02-do-and-dont-of-llm-training-organizations/"
# What listeners type (tests/data/search/queries.yml has more): a phrase, a slip, a paraphrase, two rare words.
QUERIES = [
    "why is Zuck paying peple these massive amounts of money",
    "invest in employees instead of burning them out",
    "train Qwen on random rewards",
    "GRPO advantage zero",
    "labs are like investment banks",
    "open models from China",
    "benchmark gaming evals",
    "the advantage is uniform across all tokens",
    "GSPO sequence likelihood clipping",
    "burnout long hours",
]

# Opening the box: Pagefind's runtime (its script, worker and WebAssembly, an archive's other index parts) loads,
# and on a site of up to 20,000 turns the filter lists (search.js loads a larger site's when a filter is opened).
# The engine is the page's own module (assets/search-engine.js): importing it again returns the same instance.
_ENGINE = 'await import(new URL("search-engine.js", document.querySelector("script[src$=\'assets/search.js\']").src).href)'
_OPEN = """async () => {
  const start = performance.now();
  document.querySelector(".ep-search-button").click();
  const engine = ENGINE;
  await engine.pagefind();
  if (((await engine.meta()).records || 0) <= 20000) {
    const speakers = document.querySelector("select[data-facet=speaker]");
    while (!speakers || speakers.options.length < 2) await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - start;
}""".replace("ENGINE", _ENGINE)

# The engine's work for one query, as the box does it after the reader pauses: rank, then read the first ten.
_QUERY = """async (query) => {
  const engine = ENGINE;
  const start = performance.now();
  const outcome = await engine.run(query, {});
  await Promise.all(outcome.results.slice(0, 10).map((r) => r.load()));
  return performance.now() - start;
}""".replace("ENGINE", _ENGINE)


def served_bytes(path: Path) -> int:
    """What a static host sends: gzip for text, Pagefind's pre-compressed files as they are."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def measure(site: Path, runs: int = 5) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    base = serve(site)
    load_bytes, index_on_load, open_bytes, opened, first_bytes, cold = [], [], [], [], [], []
    warm: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        for run in range(runs):
            context = browser.new_context()  # an empty cache: a first visit
            files: list[tuple[str, Path]] = []

            def note(request) -> None:
                parts = urlsplit(request.url)
                if request.url.startswith(base):
                    target = site / parts.path.lstrip("/")
                    files.append((parts.path, target / "index.html" if target.is_dir() else target))  # noqa: B023 (one context per loop pass)

            page = context.new_page()
            page.on("request", note)
            page.goto(f"{base}/{PAGE}", wait_until="networkidle")
            loaded = list(files)
            load_bytes.append(sum(served_bytes(f) for _, f in loaded if f.is_file()))
            index_on_load.append(sum(served_bytes(f) for p, f in loaded if "/pagefind/" in p and f.is_file()))
            files.clear()
            opened.append(page.evaluate(_OPEN))
            open_bytes.append(sum(served_bytes(f) for _, f in files if f.is_file()))
            files.clear()
            cold.append(page.evaluate(_QUERY, QUERIES[run % len(QUERIES)]))
            first_bytes.append(sum(served_bytes(f) for _, f in files if f.is_file()))
            if run == 0:
                for query in QUERIES * 2:
                    warm.append(page.evaluate(_QUERY, query))
            context.close()
        browser.close()
    warm.sort()
    return {
        "page_load_gzip_bytes": statistics.median(load_bytes),
        "index_bytes_on_page_load": max(index_on_load),
        "open_search_gzip_bytes": statistics.median(open_bytes),
        "open_search_ms": statistics.median(opened),
        "first_query_gzip_bytes": statistics.median(first_bytes),
        "first_query_max_gzip_bytes": max(first_bytes),
        "first_query_ms": statistics.median(cold),
        "warm_query_median_ms": statistics.median(warm),
        "warm_query_p95_ms": warm[int(0.95 * (len(warm) - 1))],
    }


def index_archive(site: Path, count: int) -> tuple[float, int]:
    """Re-index `site` with `count` synthetic episodes; (seconds to write the index, records)."""
    from episode_site.load import load_episodes
    from episode_site.search.index import write_search_index
    from synthetic_archive import write_archive

    project = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    write_archive(project / "seeds", count)
    episodes = load_episodes(project / "seeds", project)
    start = time.perf_counter()
    records = write_search_index(site, episodes)
    return time.perf_counter() - start, records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=int, default=0, help="also measure an index of this many synthetic episodes")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    from episode_site.load import load_episodes
    from episode_site.search.index import write_search_index

    site = build(make_project(Path(tempfile.mkdtemp(prefix="bench-search-"))))
    start = time.perf_counter()
    records = write_search_index(site, load_episodes(site.parent / "seeds", site.parent))
    rows = {"seed": {"records": records, "index_seconds": time.perf_counter() - start, **measure(site)}}
    if args.archive:
        seconds, records = index_archive(site, args.archive)
        rows[f"{args.archive} episodes"] = {"records": records, "index_seconds": seconds, **measure(site)}
    names = list(next(iter(rows.values())))
    print("| measure | " + " | ".join(rows) + " |")
    print("|---|" + "---|" * len(rows))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{row[name]:,.0f}" if row[name] >= 10 else f"{row[name]:.2f}" for row in rows.values()) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
