"""`transcript_ends:`: a source whose transcript stops before its outline builds without a warning, says so once."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, make_project, run_cli

SEED_YAML = next(p for p in (ROOT / "seeds").glob("*.yml") if p.name != "site.yml")


def _project(tmp_path: Path, yaml_text: str) -> Path:
    root = make_project(tmp_path / "project")
    (root / "seeds" / SEED_YAML.name).write_text(yaml_text, encoding="utf-8")
    return root


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_seed_builds_without_warnings_and_says_it_once_as_info(tmp_path):
    result = run_cli(make_project(tmp_path / "project"), "generate")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "ends before chapter" in line]
    assert len(said) == 1 and "records" in said[0], result.stderr
    assert "WARNING" not in result.stderr and "has no cue" not in result.stderr


def test_without_the_key_the_log_warns_once_and_says_how_to_record_it(tmp_path):
    text = re.sub(r"(?m)^transcript_ends:.*\n", "", SEED_YAML.read_text(encoding="utf-8"))
    result = run_cli(_project(tmp_path, text), "generate")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "ends before chapter" in line]
    assert len(said) == 1 and "transcript_ends:" in said[0], result.stderr


def test_words_that_are_not_the_transcripts_end_are_a_warning(tmp_path):
    text = re.sub(r"(?m)^transcript_ends:.*$", 'transcript_ends: "not the last words"', SEED_YAML.read_text(encoding="utf-8"))
    result = run_cli(_project(tmp_path, text), "generate")
    assert result.returncode == 0, result.stderr
    line = next(n for n, raw in enumerate(text.splitlines(), 1) if raw.startswith("transcript_ends:"))
    lines = result.stderr.splitlines()
    assert f"seeds/{SEED_YAML.name}:{line}: `transcript_ends` says the transcript ends with “not the last words”, but it ends with" \
        in lines[0], result.stderr
    assert sum("ends before chapter" in x and "transcript_ends:" in x for x in lines) == 1  # then warned as unrecorded
    guide = (ROOT / "TROUBLESHOOTING.md").read_text(encoding="utf-8")
    assert "`transcript_ends` says the transcript ends with" in guide


def test_chapter_pages_past_the_end_use_a_note_not_a_warning():
    for page in (ROOT / "docs").glob("*/0*.md"):
        assert "!!! warning" not in page.read_text(encoding="utf-8"), page
