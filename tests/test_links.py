"""The built site has no broken internal link or anchor, and loads nothing from other hosts."""

from __future__ import annotations

from pathlib import Path

from helpers.links import broken_links, external_links


def test_no_broken_internal_links_or_anchors(seed_site: Path):
    assert broken_links(seed_site) == []


def test_the_checker_sees_a_broken_anchor(seed_site: Path, tmp_path: Path):
    page = tmp_path / "index.html"
    page.write_text('<a href="#nowhere">x</a><a href="missing/">y</a><p id="here"></p><a href="#here">z</a>')
    assert broken_links(tmp_path) == ["index.html -> #nowhere (no anchor)", "index.html -> missing/ (no file)"]


def test_no_resource_from_another_host(seed_site: Path):
    assert external_links(seed_site) == []
