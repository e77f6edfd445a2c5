"""Golden pages: a small synthetic episode, rendered, compared with pages a person has read.

Set UPDATE_GOLDEN=1 to rewrite the expected pages; then read the diff line by
line before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from episode_site.load import load_episodes
from episode_site.pages.render import render_site

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_rendered_pages_match_the_golden_pages(case: str):
    folder = GOLDEN / case
    pages = render_site(load_episodes(folder / "seeds", folder))
    expected = folder / "expected"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for rel, text in pages.items():
            (expected / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected / rel).write_text(text, encoding="utf-8")
    on_disk = {str(p.relative_to(expected)): p.read_text(encoding="utf-8") for p in expected.rglob("*") if p.is_file()}  # pages and downloads
    assert sorted(pages) == sorted(on_disk)
    for rel in pages:
        assert pages[rel] == on_disk[rel], f"{case}/{rel} differs from the golden page"
