"""Helpers for the quote-link tests: the seed's anchor map, a server with a 404 page, pixel counts."""

from __future__ import annotations

import base64
import functools
import http.server
import json
import threading
from pathlib import Path

from conftest import ROOT
from episode_site.load import load_episodes


def seed_episode():
    (episode,) = load_episodes(ROOT / "seeds", ROOT)
    return episode


def anchor_map(site: Path, episode_slug: str) -> dict:
    return json.loads((site / episode_slug / "anchors.json").read_text(encoding="utf-8"))


def chapter_slugs(site_map: dict) -> list[str]:
    return list(site_map["chapters"])


def anchors_on(site_map: dict, chapter: str) -> list[str]:
    return [anchor for anchor, page in site_map["anchors"].items() if page == chapter]


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's own 404.html for a missing address, as static hosts do."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@functools.cache
def serve_with_404(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def count_color(page, png: bytes, css_color: str) -> int:
    """Pixels of a screenshot that have exactly the given colour (decoded by the page's own canvas)."""
    return page.evaluate(
        """async ([data, color]) => {
          const probe = document.createElement("div");
          probe.style.color = color; document.body.append(probe);
          const [r, g, b] = getComputedStyle(probe).color.match(/\\d+/g).map(Number); probe.remove();
          const blob = await (await fetch("data:image/png;base64," + data)).blob();
          const bitmap = await createImageBitmap(blob);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext("2d"); context.drawImage(bitmap, 0, 0);
          const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
          let n = 0;
          for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) n++;
          return n;
        }""",
        [base64.b64encode(png).decode("ascii"), css_color],
    )
