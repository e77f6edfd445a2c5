"""How the site grows with a show's archive: N synthetic episodes, generated and built as a user would.

    python3 scripts/benchmark_archive.py --archive 50,200,500 [--seed 0] [--mixed] [--json archive.json]

For each count, a scratch project (this checkout's mkdocs.yml, scripts and assets) gets
`scripts/synthetic_archive.py`'s episodes (with `--mixed`, four in five as WebVTT, SRT, JSON or
Markdown), then:

- `generate` (cold), `build` (generate + mkdocs build --strict), each in its own process,
  timed, with its peak memory (all its processes at once, sampled from /proc);
- a second `generate` with nothing changed (files written: should be 0);
- one episode edited (a word added to its last paragraph), then `generate` (files written:
  that episode's pages and the site-wide pages that list it);
- the site's size, its largest and median chapter page, and the search index's weight.

The table ends with the build's cost per episode, which should stay flat as the archive grows.
Nothing in this repository is written.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_archive import write_archive  # noqa: E402

# Runs a command and prints the peak memory (KiB on Linux) and CPU seconds of its process tree as its last stderr line.
# CPU time is reported beside wall time: on a shared machine the wall clock measures the neighbours too.
_PEAK = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
         "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print('PEAK_KIB', r.ru_maxrss, 'CPU_S', r.ru_utime + r.ru_stime, file=sys.stderr); sys.exit(rc)")


def scratch_project(where: Path, count: int, seed: int, *, search: bool = True, mixed: bool = False) -> Path:
    where.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not search:  # the build as it will be once search is indexed apart from MkDocs (Pagefind)
        config = re.sub(r"(?m)^  - search:\n(?:(?:    .*)?\n)*?(?=  - )", "", config)
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "scripts", where / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "docs" / "assets", where / "docs" / "assets")
    write_archive(where / "seeds", count, seed=seed, mixed=mixed)
    return where


def run(root: Path, command: str) -> tuple[float, int, str, float]:
    """(seconds, peak MiB, log, CPU seconds) of `episode-site COMMAND` in its own process.

    The peak is the most memory its processes held at once (their resident sizes summed, sampled
    every 0.2 s): the build indexes search in a process beside MkDocs, and both count."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root / "scripts")}
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen([sys.executable, "-c", _PEAK, sys.executable, "-m", "episode_site.cli", "--root", str(root), command],
                                   cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
        peak_kib = 0
        while process.poll() is None:
            peak_kib = max(peak_kib, tree_rss_kib(process.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        out.seek(0)
        log = out.read()
    if process.returncode != 0:
        raise SystemExit(f"`episode-site {command}` failed:\n{log}")
    largest, cpu = re.findall(r"PEAK_KIB (\d+) CPU_S ([\d.]+)", log)[-1]
    return seconds, max(peak_kib, int(largest)) // 1024, log, float(cpu)


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    total = 0
    for member in tree:
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1]) * page_kib
        except (OSError, IndexError, ValueError):
            continue
    return total


def snapshot(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(path for path in after.keys() | before.keys() if before.get(path) != after.get(path))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def site_parts(site: Path) -> dict[str, int]:
    """Bytes of the site by kind: HTML pages, episode downloads and maps, the search index, the theme's assets."""
    parts = {"pages_bytes": 0, "downloads_bytes": 0, "search_index_bytes": 0, "assets_bytes": 0}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        top = path.relative_to(site).parts[0]
        kind = ("assets" if top == "assets" else "search_index" if top in ("search", "pagefind")
                else "pages" if path.suffix in (".html", ".xml", ".gz") else "downloads")
        parts[f"{kind}_bytes"] += path.stat().st_size
    return parts


def search_weight(site: Path) -> dict[str, int]:
    """Bytes of the search index, raw and gzipped. Hook: a Pagefind index (site/pagefind/) is counted when present."""
    weight = {}
    lunr = site / "search" / "search_index.json"
    if lunr.exists():
        data = lunr.read_bytes()
        weight.update(search_bytes=len(data), search_gzip_bytes=len(gzip.compress(data, 6)))
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        weight.update(search_bytes=folder_bytes(pagefind), search_gzip_bytes=folder_bytes(pagefind))  # already compressed
    return weight


def transcript_words(root: Path) -> int:
    """Words spoken in every episode, whatever its format (read as `generate` reads it)."""
    from episode_site.load import load_episodes

    return sum(e.layout.total_words for e in load_episodes(root / "seeds", root))


def edit_one_episode(root: Path) -> str:
    """Add a word to the last line of the first episode's transcript (its anchors keep their opening words)."""
    page = sorted((root / "seeds").glob("*.txt"))[0]
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + " Indeed.\n", encoding="utf-8")
    return page.stem


def measure(count: int, seed: int, work: Path, *, search: bool = True, mixed: bool = False) -> dict[str, object]:
    root = scratch_project(work / f"archive-{count}", count, seed, search=search, mixed=mixed)
    words = transcript_words(root)
    generate_s, generate_mib, _, generate_cpu = run(root, "generate")
    shutil.rmtree(root / "docs")  # `build` below starts as cold as the first generate did
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    build_s, build_mib, log, build_cpu = run(root, "build")
    mkdocs_s = float(m[-1]) if (m := re.findall(r"Documentation built in ([\d.]+) seconds", log)) else float("nan")
    before = snapshot(root / "docs")
    again_s, *_ = run(root, "generate")
    unchanged = changed(before, snapshot(root / "docs"))
    edited = edit_one_episode(root)
    before = snapshot(root / "docs")
    run(root, "generate")
    after_edit = changed(before, snapshot(root / "docs"))
    site = root / "site"
    chapters = [p.stat().st_size for p in site.glob("*/[0-9][0-9]-*/index.html")]
    result = {
        "episodes": count, "words": words, "generate_s": generate_s, "generate_cpu_s": generate_cpu, "generate_peak_mib": generate_mib,
        "build_s": build_s, "build_cpu_s": build_cpu, "mkdocs_s": mkdocs_s, "build_peak_mib": build_mib,
        "build_s_per_episode": build_s / count, "build_cpu_s_per_episode": build_cpu / count, "site_bytes": folder_bytes(site),
        "site_mb_per_100_episodes": folder_bytes(site) / 1e6 * 100 / count,
        "chapter_page_median_bytes": int(statistics.median(chapters)), "chapter_page_max_bytes": max(chapters),
        "second_generate_s": again_s, "second_generate_written": unchanged,
        "edited_episode": edited, "after_edit_written": after_edit,
        **search_weight(site), **site_parts(site),
    }
    shutil.rmtree(root)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", default="50,200,500", help="episode counts, comma-separated")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--mixed", action="store_true", help="four in five episodes as WebVTT, SRT, JSON or Markdown")
    parser.add_argument("--no-search", action="store_true", help="build without MkDocs' search plugin (its index is lunr's)")
    args = parser.parse_args()
    counts = [int(n) for n in args.archive.split(",")]
    print(f"{'episodes':>8} {'words':>10} {'generate s':>10} {'build s':>8} {'(CPU s)':>8} {'mkdocs s':>8} {'CPU s/ep':>9} "
          f"{'site MB':>8} {'MB/100 ep':>9} {'chapter KB':>10} {'peak MiB':>8} {'search MB (gz)':>15} "
          f"{'2nd gen writes':>14} {'edit writes':>11}", flush=True)
    results = []
    with tempfile.TemporaryDirectory() as work:
        for count in counts:
            r = measure(count, args.seed, Path(work), search=not args.no_search, mixed=args.mixed)
            results.append(r)
            search = (f"{r['search_bytes'] / 1e6:.1f} ({r['search_gzip_bytes'] / 1e6:.1f})" if "search_bytes" in r else "–")
            print(f"{count:>8} {r['words']:>10,} {r['generate_s']:>10.1f} {r['build_s']:>8.1f} {r['build_cpu_s']:>8.1f} "
                  f"{r['mkdocs_s']:>8.1f} {r['build_cpu_s_per_episode']:>9.3f} {r['site_bytes'] / 1e6:>8.1f} {r['site_mb_per_100_episodes']:>9.1f} "
                  f"{r['chapter_page_median_bytes'] / 1e3:>10.1f} {max(r['generate_peak_mib'], r['build_peak_mib']):>8} "
                  f"{search:>15} {len(r['second_generate_written']):>14} {len(r['after_edit_written']):>11}", flush=True)
    print("\nsite MB per 100 episodes, by kind:")
    for r in results:
        print(f"{r['episodes']:>8}: " + ", ".join(f"{key.removesuffix('_bytes').replace('_', ' ')} {r[key] / 1e6 * 100 / r['episodes']:.1f}"
                                          for key in ("pages_bytes", "downloads_bytes", "search_index_bytes", "assets_bytes")))
    last = results[-1]
    print(f"\nafter editing {last['edited_episode']} ({last['episodes']} episodes), generate wrote: "
          + ", ".join(last["after_edit_written"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
