"""MkDocs hook: each page's Markdown source is let go once it is converted.

MkDocs converts every page before it renders any, and keeps each page's source and HTML
to the end: on an archive the sources were a third of the build's memory. Nothing reads
the source after conversion; it becomes "" rather than None, which MkDocs takes for a page
that was never read (its title would go from the navigation).
"""

from __future__ import annotations


def on_page_content(html: str, page, **_) -> str:
    page.markdown = ""
    return html
