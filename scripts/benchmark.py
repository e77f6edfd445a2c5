"""Benchmark: this site against a bare Material site built in the same run from the same transcript.

    .venv/bin/python scripts/benchmark.py [--json benchmark.json] [--no-lighthouse] [--scale]

Measures build speed, page weight, search speed and ranking in Chromium, and
(with npm) Lighthouse scores; checks them against the targets of the quality
issue and prints one table. Needs the test extras (Playwright) and
/usr/bin/chromium. Nothing here is a test: figures vary with the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from bench_browser import first_load_bytes  # noqa: E402
from bench_lighthouse import lighthouse_scores  # noqa: E402
from bench_search import measure as search_figures  # noqa: E402
from bench_search import served_bytes
from page_kinds import page_kinds  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
RUNS = 5


def _copy_project(where: Path) -> Path:
    from conftest import make_project

    return make_project(where)


def _bare_project(where: Path) -> Path:
    """Material with default settings, the whole source page as one Markdown page."""
    (where / "docs").mkdir(parents=True)
    page = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    (where / "docs" / "index.md").write_text(page, encoding="utf-8")
    (where / "mkdocs.yml").write_text("site_name: Bare\ntheme:\n  name: material\n", encoding="utf-8")
    return where


def _seconds(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def _median_seconds(command: list[str], cwd: Path) -> float:
    return statistics.median(_seconds(command, cwd) for _ in range(RUNS))


def generation_seconds(root: Path) -> float:
    """Reading seeds and producing every page, in this process (no interpreter start-up)."""
    from episode_site.generate import generated_files
    from episode_site.load import load_episodes

    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        generated_files(root, load_episodes(root / "seeds", root))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build_speed(ours: Path, bare: Path) -> dict[str, float]:
    generate = generation_seconds(ours)
    generate_command = _median_seconds([sys.executable, "-m", "episode_site.cli", "--root", str(ours), "generate"], ours)
    # Alternating the two builds spreads any drift in the machine's load over both.
    full, bare_build = [], []
    for _ in range(RUNS + 4):
        full.append(_seconds([sys.executable, "-m", "episode_site.cli", "--root", str(ours), "build"], ours))
        bare_build.append(_seconds([sys.executable, "-m", "mkdocs", "build"], bare))
    full, bare_build = statistics.median(full), statistics.median(bare_build)
    return {"generate_s": generate, "generate_command_s": generate_command, "build_s": full, "bare_build_s": bare_build}


def page_bytes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_size for p in sorted(site.rglob("*.html"))}


def scale_figures() -> dict[str, float]:
    from benchmark_generate import generation_seconds  # issue 5's size benchmark

    return {f"generate_{n}x_s": generation_seconds(n) for n in (1, 10, 100)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, default=Path("benchmark.json"), help="where to write the figures")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (needs npm)")
    parser.add_argument("--scale", action="store_true", help="also time generation at 1x, 10x and 100x the seed")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="episode-site-bench-"))
    try:
        ours, bare = _copy_project(work / "ours"), _bare_project(work / "bare")
        figures: dict[str, object] = build_speed(ours, bare)
        ours_site, bare_site = ours / "site", bare / "site"
        # Pagefind's whole bundle, as served; a reader fetches only the parts a query needs (bench_search.py).
        figures["index_bytes"] = sum(served_bytes(p) for p in (ours_site / "pagefind").rglob("*") if p.is_file())
        figures["bare_index_bytes"] = len(gzip.compress((bare_site / "search" / "search_index.json").read_bytes(), 6))
        figures["html_bytes"] = page_bytes(ours_site)
        chapters = sorted("/" + p.parent.relative_to(ours_site).as_posix() + "/"
                          for p in ours_site.rglob("index.html") if p.parent.name[:2].isdigit())
        figures.update(first_load_bytes(ours_site, chapters, bare_site, "/"))
        chapter_path = figures["heaviest_page"]
        figures.update(search_figures(ours_site))
        if not args.no_lighthouse:
            # The home (`/` only sends the reader on to the episode's page), the longest chapter, the topics page.
            kinds = page_kinds(ours)
            paths = [kinds["episode"], kinds.get("chapter", chapter_path), kinds.get("topics")]
            figures["lighthouse"] = lighthouse_scores(ours_site, [p for p in paths if p], work / "lighthouse")
        if args.scale:
            figures.update(scale_figures())
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = report_rows(figures)
    width = max(len(r[0]) for r in rows)
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:>22}  {target:<28} {'' if ok is None else 'ok' if ok else 'MISSED'}")
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0 if all(ok is not False for *_, ok in rows) else 1


def report_rows(f: dict) -> list[tuple[str, str, str, bool | None]]:
    build_ratio = f["build_s"] / f["bare_build_s"]
    rows = [
        ("generate, in process (median of 5)", f"{f['generate_s'] * 1000:.0f} ms", "< 1/10 of full build", f["generate_s"] < f["build_s"] / 10),
        ("`episode-site generate` command", f"{f['generate_command_s'] * 1000:.0f} ms", "(with Python start-up)", None),
        ("full build (generate + mkdocs, median of 9)", f"{f['build_s']:.2f} s", "", None),
        ("bare Material site build", f"{f['bare_build_s']:.2f} s", "", None),
        ("full build / bare build", f"{build_ratio:.2f}x", "<= 2x", build_ratio <= 2),
        ("search index, all of it, gzipped", f"{f['index_bytes']:,} B", "", None),
        ("bare site's lunr index, gzipped", f"{f['bare_index_bytes']:,} B", "", None),
        ("first load, heaviest chapter page", f"{f['first_load_bytes'][f['heaviest_page']]:,} B", "<= bare single page",
         f["first_load_bytes"][f["heaviest_page"]] <= f["bare_first_load_bytes"]),
        ("first load, bare single page", f"{f['bare_first_load_bytes']:,} B", "", None),
        ("  the same, gzipped: heaviest chapter", f"{max(f['first_load_gzip_bytes'].values()):,} B", "", None),
        ("  the same, gzipped: bare single page", f"{f['bare_first_load_gzip_bytes']:,} B", "", None),
        ("requests to other hosts", f"{f['foreign_requests']}", "0", f["foreign_requests"] == 0),
        ("index bytes on page load", f"{f['index_bytes_on_page_load']:,} B", "0", f["index_bytes_on_page_load"] == 0),
        ("opening search (Pagefind's runtime)", f"{f['open_search_gzip_bytes']:,} B, {f['open_search_ms']:.0f} ms", "", None),
        ("first query, gzipped", f"{f['first_query_gzip_bytes']:,} B", "<= 100 KB", f["first_query_gzip_bytes"] <= 100_000),
        ("first query, downloads included", f"{f['first_query_ms']:.0f} ms", "< 300 ms", f["first_query_ms"] < 300),
        ("warm query (median / p95)", f"{f['warm_query_median_ms']:.1f} / {f['warm_query_p95_ms']:.1f} ms", "< 50 ms (median)", f["warm_query_median_ms"] < 50),
    ]
    for path, html_size in sorted(f["html_bytes"].items()):
        rows.append((f"html {path}"[:40], f"{html_size:,} B", "", None))
    for page, scores in (f.get("lighthouse") or {}).items():
        for category, score in scores.items():
            target = 95 if category == "performance" else 100
            rows.append((f"lighthouse {page} {category}"[:40], f"{score}", f">= {target}", score is not None and score >= target))
    for key in sorted(k for k in f if k.startswith("generate_") and k.endswith("x_s")):
        rows.append((key.removesuffix("_s").replace("_", " "), f"{f[key]:.2f} s", "", None))
    return rows


if __name__ == "__main__":
    sys.exit(main())
