"""Every internal link and anchor of a built site, and whether it resolves."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_EXTERNAL = ("http:", "https:", "mailto:", "javascript:", "data:", "tel:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key] or "")
        for key in ("href", "src", "xlink:href"):
            if a.get(key) and tag in ("a", "link", "script", "img", "use", "source", "iframe"):
                self.links.append(a[key] or "")


def _collect(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def _target(site: Path, page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    page_dir = "/" + page.parent.relative_to(site).as_posix().removeprefix(".")
    url_path = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path))) if parts.path else "/" + str(page.relative_to(site))
    target = site / url_path.lstrip("/")
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    fragment = unquote(parts.fragment).split(":~:")[0]
    return target, fragment


def broken_links(site: Path) -> list[str]:
    """`page -> link` for each internal link whose file or anchor is missing."""
    pages = {path: _collect(path) for path in site.rglob("*.html")}
    broken = []
    for page, collected in pages.items():
        for link in collected.links:
            if link.startswith(_EXTERNAL) or link.startswith("//"):
                continue
            target, fragment = _target(site, page, link)
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link} (no file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _collect(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (no anchor)")
    return sorted(set(broken))


def external_links(site: Path) -> list[str]:
    """Every absolute URL a built page loads as a resource (not a link a reader clicks)."""
    found = []
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for attr in ("src=\"http", "href=\"http"):
            start = 0
            while (start := text.find(attr, start)) != -1:
                tag_start = text.rfind("<", 0, start)
                tag = text[tag_start: tag_start + 8]
                if tag.startswith(("<script", "<link", "<img", "<iframe")):
                    found.append(f"{path.relative_to(site)}: {text[start:start + 80]}")
                start += 1
    return found
