"""Benchmark measurements in Chromium: first-load bytes (search: bench_search.py)."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

from conftest import CHROMIUM, CHROMIUM_FLAGS, serve


def _launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)


def first_load_bytes(site: Path, paths: list[str], bare_site: Path, bare_path: str) -> dict[str, object]:
    """Bytes of every file a fresh page load requests (worker scripts included), raw and gzipped."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _launch(playwright)
        ours = {path: _load(browser, site, path) for path in paths}
        bare, bare_gzip, _ = _load(browser, bare_site, bare_path)
        browser.close()
    heaviest = max(paths, key=lambda path: ours[path][0])
    return {
        "first_load_bytes": {path: raw for path, (raw, _, _) in ours.items()},
        "first_load_gzip_bytes": {path: gz for path, (_, gz, _) in ours.items()},
        "heaviest_page": heaviest,
        "bare_first_load_bytes": bare,
        "bare_first_load_gzip_bytes": bare_gzip,
        "foreign_requests": sum(foreign for *_, foreign in ours.values()),
    }


def _load(browser, site: Path, path: str) -> tuple[int, int, int]:
    # Sizes come from the files served, not from the browser's accounting, which leaves out
    # a worker's own script but counts what it imports: both sites are counted the same way.
    base = serve(site)
    context = browser.new_context()
    foreign, files = [], []

    def route(route) -> None:
        url = route.request.url
        if not url.startswith(base):
            foreign.append(url)
            return route.abort()
        target = site / urlsplit(url).path.lstrip("/")
        files.append(target / "index.html" if target.is_dir() else target)
        route.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    context.close()
    blobs = [f.read_bytes() for f in files if f.is_file()]
    return sum(map(len, blobs)), sum(len(gzip.compress(b, 6)) for b in blobs), len(foreign)
