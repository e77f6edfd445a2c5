"""MkDocs hook: keep a page's tags on its own search entry only.

Material copies a page's tags onto every search entry of the page; with a
turn per entry that is the same list ninety times, and it made the index a
third larger. Kept on the page's first entry, a search for a topic still finds
the chapter, and a search for words still lands on the turn that says them.
Written by hand because Material has no setting for it; renderers that ignore
hooks keep Material's full index.
"""

from __future__ import annotations

import json
from pathlib import Path


def on_post_build(config) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for entry in index["docs"]:
        if "#" in entry["location"]:
            entry.pop("tags", None)
    # Written the way Material writes it (compact, non-ASCII escaped), only smaller.
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
