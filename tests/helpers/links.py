"""The one link checker: does each internal link of a built site reach a file, and an element with its fragment's id?

Links are read from `href`, `src` and `xlink:href` of the elements a reader or the browser follows; ids from
`id` (and `name` on `<a>`). A text fragment (`#id:~:text=…`) is checked by its id part.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_EXTERNAL = ("http:", "https:", "mailto:", "javascript:", "data:", "tel:", "//")
_LINKING = {"a", "link", "script", "img", "use", "source", "iframe"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    """Every link of the page, resources included, in document order."""
    article: list[str] = field(default_factory=list)
    """The `<a href>` links inside the page's article (Material's `md-content__inner`): what the page itself says."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()
        self.depth = 0  # elements open inside the article

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], closes: bool) -> None:
        a = {k: v or "" for k, v in attrs}
        if a.get("id"):
            self.page.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.page.ids.add(a["name"])
        if tag in _LINKING:
            self.page.links += [a[key] for key in ("href", "src", "xlink:href") if a.get(key)]
        entering = tag == "article" and "md-content__inner" in a.get("class", "")
        if (self.depth or entering) and tag == "a" and a.get("href"):
            self.page.article.append(a["href"])
        if (self.depth or entering) and not closes and tag not in _VOID:
            self.depth += 1

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs, closes=False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs, closes=True)

    def handle_endtag(self, tag):
        if self.depth and tag not in _VOID:
            self.depth -= 1


def read_links(path: Path) -> PageLinks:
    return _read(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _read(path: Path, _mtime: int) -> PageLinks:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page


def resolve(site: Path, page: Path, link: str) -> tuple[Path, str]:
    """The file a link on `page` reaches (a folder means its index.html) and its fragment, without `:~:text=`."""
    parts = urlsplit(link)
    page_dir = "/" + page.parent.relative_to(site).as_posix().removeprefix(".")
    url_path = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path))) if parts.path else "/" + page.relative_to(site).as_posix()
    target = site / url_path.lstrip("/")
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment).split(":~:")[0]


def broken_links(site: Path, page: Path | None = None, links: list[str] | None = None) -> list[str]:
    """`page -> link (no file|no anchor)` for each internal link that misses.

    Without `page`: every link of every page of the site. With `page`: the links of its article,
    or the given `links` as if they were on that page.
    """
    pages = sorted(site.rglob("*.html")) if page is None else [page]
    broken = set()
    for where in pages:
        found = read_links(where).links if page is None else (read_links(where).article if links is None else links)
        for link in found:
            if link.startswith(_EXTERNAL):
                continue
            target, fragment = resolve(site, where, link)
            if not target.exists():
                broken.add(f"{where.relative_to(site)} -> {link} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in read_links(target).ids:
                broken.add(f"{where.relative_to(site)} -> {link} (no anchor)")
    return sorted(broken)


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
