"""The screenshot set for review: every kind of page, on a phone and a desktop, in light and dark.

    .venv/bin/python scripts/screenshots.py OUT_DIR [--site SITE_DIR] [--full] [--kind KIND ...]

Builds this project's site in a scratch copy (or takes a built `--site`), serves
it on 127.0.0.1 and writes `OUT_DIR/<kind>-<width>-<scheme>.png` with Debian's
Chromium, one per page kind (tests/page_kinds.py) x 390/1280 px x light/dark.
`--full` captures whole pages instead of the first screen and a half; `--kind KIND` limits the set.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_FLAGS, build, make_project, serve  # noqa: E402
from page_kinds import page_kinds  # noqa: E402

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
HEIGHT = {390: 844, 1280: 900}


def take(site: Path, root: Path, out: Path, *, full: bool, only: list[str] | None = None) -> list[Path]:
    from playwright.sync_api import sync_playwright

    base = serve(site)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        for kind, path in page_kinds(root).items():
            if only and kind not in only:
                continue
            for width in WIDTHS:
                for scheme in SCHEMES:
                    page = browser.new_page(viewport={"width": width, "height": HEIGHT[width]}, color_scheme=scheme)
                    page.goto(base + path, wait_until="networkidle")
                    target = out / f"{kind}-{width}-{scheme}.png"
                    clip = None if full else {"x": 0, "y": 0, "width": width, "height": int(HEIGHT[width] * 1.5)}
                    page.screenshot(path=str(target), full_page=True, clip=clip)
                    page.close()
                    written.append(target)
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write the PNG files into")
    parser.add_argument("--site", type=Path, help="an already built site/ of this project (default: build one)")
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen and a half")
    parser.add_argument("--kind", action="append", help="only this kind of page (repeatable): " + ", ".join(
        ["episode", "chapter", "chapter-notes-only", "topics", "speakers", "not-found"]))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="episode-site-shots-"))
    try:
        site = args.site.resolve() if args.site else build(make_project(work / "project"))
        for path in take(site, ROOT, args.out.resolve(), full=args.full, only=args.kind):
            print(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
