"""Reading a built page back as a reader sees it: its text, and its turns as (speaker, paragraphs)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div", "blockquote", "tr", "title", "article", "section", "nav"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


def fold(text: str) -> str:
    return " ".join(text.split())


@dataclass
class ReadTurn:
    speaker: str
    anchor: str
    continued: bool
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (id, text)


class _Reader(HTMLParser):
    """Collects the article's text and its turn headings and paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.in_article = 0
        self.chunks: list[str] = []
        self.turns: list[ReadTurn] = []
        self.capture: list[str] | None = None
        self.capture_kind: tuple[str, dict[str, str]] | None = None
        self.skip = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag not in _VOID:
            self.stack.append((tag, a))
        if tag == "article" and "md-content__inner" in a.get("class", ""):
            self.in_article = len(self.stack)
        if not self.in_article:
            return
        if not self.skip:  # the inside of an SVG picture is drawn from counts, not from words
            self.tags.append(tag)
        if tag in ("script", "style", "svg") or "headerlink" in a.get("class", "") or "data-copy-ui" in a:
            self.skip += 1
        if tag in _BLOCKS:
            self.chunks.append(" ")
        if tag == "h3" and "turn" in a.get("class", "").split():
            self.capture, self.capture_kind = [], (tag, a)
        elif tag == "p" and re.search(r"-\d+-\d+$", a.get("id", "")):
            self.capture, self.capture_kind = [], (tag, a)
        if tag == "span" and {"turn-continued", "turn-time"} & set(a.get("class", "").split()):
            self.skip += 1
            self.stack[-1] = (tag, {**a, "_skipping": "1"})

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        open_tag, a = self.stack.pop()
        if self.in_article and len(self.stack) < self.in_article:
            self.in_article = 0
        if a.get("_skipping") or open_tag in ("script", "style", "svg") or "headerlink" in a.get("class", "") or "data-copy-ui" in a:
            self.skip = max(0, self.skip - 1)
        if self.capture_kind and self.capture_kind[1] is a:
            text = fold("".join(self.capture or []))
            kind, attrs = self.capture_kind
            if kind == "h3":
                continued = attrs.get("id", "").endswith("-continued")
                self.turns.append(ReadTurn(text, attrs.get("id", ""), continued))
            elif self.turns:
                self.turns[-1].paragraphs.append((attrs["id"], text))
            self.capture, self.capture_kind = None, None
        if tag in _BLOCKS:
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skip:
            self.chunks.append(data)
            if self.capture is not None:
                self.capture.append(data)


def read_page(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def page_text(path: Path) -> str:
    """The folded text of a built page's article, as a reader sees it."""
    return fold("".join(read_page(path.read_text(encoding="utf-8")).chunks))


def page_turns(path: Path) -> list[ReadTurn]:
    return read_page(path.read_text(encoding="utf-8")).turns


def article_tags(path: Path) -> list[str]:
    """Every element name inside the article, in document order."""
    return read_page(path.read_text(encoding="utf-8")).tags
