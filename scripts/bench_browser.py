"""Benchmark measurements in Chromium: first-load bytes, search latency and phrase ranking."""

from __future__ import annotations

import gzip
import random
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

from conftest import CHROMIUM, CHROMIUM_FLAGS, serve

PHRASES = 20
SEED = 20261129

# Resolves with the milliseconds from the keystroke to the result list being filled.
_TIME_QUERY = """async (query) => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  input.focus();
  return await new Promise(resolve => {
    let start = 0;
    const observer = new MutationObserver(() => {
      if (list.children.length) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(list, { childList: true });
    input.value = query;
    start = performance.now();
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End" }));
  });
}"""

_CLEAR = """async () => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  input.value = "";
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Backspace" }));
  while (list.children.length) await new Promise(r => setTimeout(r, 10));
}"""

# Section links a reader sees, in order: those not folded into "N more on this page".
_VISIBLE_SECTIONS = """() => [...document.querySelectorAll(".md-search-result__item a.md-search-result__link")]
  .filter(a => !a.closest("details:not([open])"))
  .map(a => new URL(a.href).hash.slice(1)).filter(Boolean)"""


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


def sample_phrases(root: Path, count: int = PHRASES, seed: int = SEED) -> list[tuple[str, set[str]]]:
    """(phrase of 4-8 words copied from a turn, anchors of every turn that contains it)."""
    sys.path.insert(0, str(root / "scripts"))
    from episode_site.anchors import continued_anchor, turn_anchor
    from episode_site.load import load_episodes

    rng = random.Random(seed)
    (episode, *_) = load_episodes(root / "seeds", root)
    turns = episode.source.turns
    words_of = {t.number: " ".join(" ".join(p.text for p in t.paragraphs).lower().split()) for t in turns}
    phrases = []
    while len(phrases) < count:
        turn = rng.choice(turns)
        paragraph = rng.choice(turn.paragraphs).text.split()
        length = rng.randint(4, 8)
        if len(paragraph) < length:
            continue
        start = rng.randrange(0, len(paragraph) - length + 1)
        phrase = " ".join(paragraph[start:start + length])
        owners = {a for t in turns if phrase.lower() in words_of[t.number] for a in (turn_anchor(t), continued_anchor(t))}
        phrases.append((phrase, owners))
    return phrases


def search_figures(site: Path, root: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    phrases = sample_phrases(root)
    base = serve(site)
    cold, warm, ranks = [], [], []
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        for phrase, _ in phrases:  # cold: the first query of a freshly opened page
            page = browser.new_page()
            page.goto(base + "/", wait_until="load")
            cold.append(page.evaluate(_TIME_QUERY, phrase))
            page.close()
        page = browser.new_page()
        page.goto(base + "/", wait_until="load")
        page.evaluate(_TIME_QUERY, "warm up")
        for phrase, owners in phrases:
            page.evaluate(_CLEAR)  # so that the next query fills the list anew
            warm.append(page.evaluate(_TIME_QUERY, phrase))
            page.wait_for_timeout(50)
            sections = page.evaluate(_VISIBLE_SECTIONS)
            ranks.append(next((i for i, anchor in enumerate(sections) if anchor in owners), None))
        browser.close()
    return {
        "phrases": len(phrases),
        "search_cold_ms": statistics.median(cold),
        "search_warm_ms": statistics.median(warm),
        "search_warm_p95_ms": sorted(warm)[int(0.95 * (len(warm) - 1))],
        "hit_at_1": sum(r == 0 for r in ranks) / len(ranks),
        "hit_at_5": sum(r is not None and r < 5 for r in ranks) / len(ranks),
    }
