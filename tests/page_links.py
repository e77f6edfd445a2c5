"""Links of one built page: does each reach a page, and an element with its fragment's id? (whole site: site_links.py)"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Links(HTMLParser):
    """Every id of a page, and the links inside its article (or the whole page when `article` is False)."""

    def __init__(self, article: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.article, self.depth = article, 0
        self.links: list[str] = []
        self.ids: set[str] = set()

    def _open(self, tag: str, a: dict[str, str], closes: bool) -> None:
        if "id" in a:
            self.ids.add(a["id"])
        entering = tag == "article" and "md-content__inner" in a.get("class", "")
        inside = not self.article or self.depth or entering
        if inside and tag == "a" and "href" in a:
            self.links.append(a["href"])
        if (self.depth or entering) and not closes and tag not in _VOID:
            self.depth += 1

    def handle_starttag(self, tag, attrs):
        self._open(tag, {k: v or "" for k, v in attrs}, closes=False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, {k: v or "" for k, v in attrs}, closes=True)

    def handle_endtag(self, tag):
        if self.depth and tag not in _VOID:
            self.depth -= 1


def parse(path: Path, article: bool = True) -> _Links:
    parser = _Links(article)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return "http://site/" + re.sub(r"index\.html$", "", rel)


def target(site: Path, base: str, href: str) -> tuple[Path, str]:
    """The file a link reaches and its fragment."""
    url = urlparse(urljoin(base, href))
    path = unquote(url.path).lstrip("/")
    file = site / path
    if path == "" or path.endswith("/"):
        file = file / "index.html"
    return file, unquote(url.fragment)


def broken_links(site: Path, page: Path, hrefs: list[str] | None = None) -> list[str]:
    """Links of the page's article (or the given hrefs) that miss their file or their anchor."""
    hrefs = parse(page).links if hrefs is None else hrefs
    base = page_url(site, page)
    broken, cache = [], {}
    for href in hrefs:
        if href.startswith(("http://", "https://", "mailto:")) and not href.startswith("http://site/"):
            continue
        file, fragment = target(site, base, href)
        if not file.is_file():
            broken.append(f"{href}: no file {file}")
            continue
        if fragment:
            if file not in cache:
                cache[file] = parse(file, article=False).ids
            if fragment not in cache[file]:
                broken.append(f"{href}: no id {fragment!r} in {file.relative_to(site)}")
    return broken
