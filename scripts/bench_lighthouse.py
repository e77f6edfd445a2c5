"""Lighthouse (npm, driving Debian's Chromium) scores for pages of a built site, mobile settings.

Pages are served gzipped, as any static host serves them (GitHub Pages, Netlify, nginx).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import functools
import gzip
import http.server
import threading

from conftest import CHROMIUM, CHROMIUM_FLAGS

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


def lighthouse_scores(site: Path, paths: list[str], work: Path) -> dict[str, dict[str, int | None]] | None:
    binary = _install()
    if binary is None:
        return None
    work.mkdir(parents=True, exist_ok=True)
    base = serve_compressed(site)
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
