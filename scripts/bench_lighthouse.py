"""Lighthouse (npm, driving Debian's Chromium) scores for pages of a built site, mobile settings."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import CHROMIUM, CHROMIUM_FLAGS, serve

# Lighthouse 13 wants Node 22; 12.2.3 runs on the Node 20 that Debian machines here have.
VERSION = "12.2.3"
CACHE = Path.home() / ".cache" / "episode-site-bench" / f"lighthouse-{VERSION}"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _install() -> Path | None:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "-E", f"lighthouse@{VERSION}"],
                   cwd=CACHE, check=True, capture_output=True)
    return binary


def lighthouse_scores(site: Path, paths: list[str], work: Path) -> dict[str, dict[str, int | None]] | None:
    binary = _install()
    if binary is None:
        return None
    work.mkdir(parents=True, exist_ok=True)
    base = serve(site)
    flags = " ".join(CHROMIUM_FLAGS + [f"--user-data-dir={work / 'profile'}"])
    scores = {}
    for path in paths:
        report = work / "report.json"
        subprocess.run([str(binary), base + path, "--quiet", "--output=json", f"--output-path={report}",
                        f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"],
                       env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, check=True, capture_output=True, timeout=300)
        categories = json.loads(report.read_text())["categories"]
        scores[path] = {c: None if categories[c]["score"] is None else round(categories[c]["score"] * 100) for c in CATEGORIES}
    return scores
