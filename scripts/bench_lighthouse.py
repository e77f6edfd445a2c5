"""Lighthouse (npm, driving Debian's Chromium) scores for pages of a built site, mobile settings.

Pages are served gzipped, as any static host serves them (GitHub Pages, Netlify, nginx).
Alone: `.venv/bin/python scripts/bench_lighthouse.py SITE_DIR PATH...` prints a table.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

# Lighthouse 13 wants Node 22; 12.2.3 runs on the Node 20 that Debian machines here have.
VERSION = "12.2.3"
CACHE = Path.home() / ".cache" / "episode-site-bench" / f"lighthouse-{VERSION}"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


_TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzipped when asked, as static hosts do; Lighthouse judges what a reader would get."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in _TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_compressed(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


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


def lighthouse_scores(site: Path, paths: list[str], work: Path, runs: int = 3) -> dict[str, dict[str, int | None]] | None:
    """Each category's median over `runs` runs per page: one run swings by 10-20 points on a busy machine."""
    binary = _install()
    if binary is None:
        return None
    work.mkdir(parents=True, exist_ok=True)
    base = serve_compressed(site)
    flags = " ".join(CHROMIUM_FLAGS + [f"--user-data-dir={work / 'profile'}"])
    scores = {}
    for path in paths:
        found: dict[str, list[int]] = {c: [] for c in CATEGORIES}
        for _ in range(runs):
            report = work / "report.json"
            subprocess.run([str(binary), base + path, "--quiet", "--output=json", f"--output-path={report}",
                            f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"],
                           env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, check=True, capture_output=True, timeout=300)
            categories = json.loads(report.read_text())["categories"]
            for c in CATEGORIES:
                if categories[c]["score"] is not None:
                    found[c].append(round(categories[c]["score"] * 100))
        scores[path] = {c: round(statistics.median(v)) if v else None for c, v in found.items()}
    return scores

if __name__ == "__main__":
    import tempfile

    site, paths = Path(sys.argv[1]).resolve(), sys.argv[2:]
    found = lighthouse_scores(site, paths, Path(tempfile.mkdtemp(prefix="episode-site-lighthouse-")))
    if found is None:
        sys.exit("npm is missing: Lighthouse cannot be installed")
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("| --- |" + " ---: |" * len(CATEGORIES))
    for path, scores in found.items():
        print(f"| {path} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |")
