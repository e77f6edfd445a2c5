"""Two builds from the same input give byte-identical docs/ and site/."""

from __future__ import annotations

import gzip
from pathlib import Path

from helpers.project import make_project, run_cli
from helpers.project import snapshot
from helpers.small_episode import SEEDS


def test_two_builds_are_byte_identical(tmp_path: Path):
    first = make_project(tmp_path / "a", SEEDS)
    second = make_project(tmp_path / "b", SEEDS)
    for root in (first, second):
        result = run_cli(root, "build")
        assert result.returncode == 0, result.stderr
    for folder in ("docs", "site"):
        assert snapshot(first / folder) == snapshot(second / folder)
    # Same day, same stamp anyway: the header proves the date is pinned, not today's.
    header = (first / "site" / "sitemap.xml.gz").read_bytes()[4:8]
    assert header == b"\0\0\0\0", "the gzip header carries SOURCE_DATE_EPOCH (0 outside git), not today"
    assert gzip.decompress((first / "site" / "sitemap.xml.gz").read_bytes()) == (first / "site" / "sitemap.xml").read_bytes()


def test_source_date_epoch_set_by_the_user_is_kept(tmp_path: Path, monkeypatch):
    root = make_project(tmp_path / "a", SEEDS)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert run_cli(root, "build").returncode == 0
    assert (root / "site" / "sitemap.xml.gz").read_bytes()[4:8] == (86400).to_bytes(4, "little")
