"""The anchor map a build writes (`<slug>/anchors.json`), and counting a colour's pixels in a screenshot."""

from __future__ import annotations

import base64
import json
from pathlib import Path


def anchor_map(site: Path, episode_slug: str) -> dict:
    return json.loads((site / episode_slug / "anchors.json").read_text(encoding="utf-8"))


def chapter_slugs(site_map: dict) -> list[str]:
    return list(site_map["chapters"])


def anchors_on(site_map: dict, chapter: str) -> list[str]:
    return [anchor for anchor, page in site_map["anchors"].items() if page == chapter]


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
