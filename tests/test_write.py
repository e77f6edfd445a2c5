"""Never destroy work: hand edits, foreign files and stale pages; a second run writes nothing; a cut run leaves no half file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from episode_site.errors import InputError
from episode_site.outputs import write
from episode_site.outputs.write import MANIFEST, write_pages
from helpers.project import make_project, run_cli, snapshot
from helpers.small_episode import PAGE, SEEDS

CHAPTER = "docs/test-episode/02-the-middle-part.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project", SEEDS)
    assert run_cli(root, "generate").returncode == 0
    return root


def test_hand_edit_stops_names_the_file_and_keeps_the_edit(project: Path):
    page = project / CHAPTER
    page.write_text(page.read_text(encoding="utf-8") + "\nMy own note.\n", encoding="utf-8")
    before = snapshot(project / "docs")
    result = run_cli(project, "generate")
    assert result.returncode == 2
    assert result.stderr == (f"episode-site: error: {CHAPTER}: this generated page was edited by hand since episode-site wrote it. "
                             "To keep the edit, make it in seeds/ (the episode's page text or its YAML file) and run again; "
                             "to discard it, run again with --force.\n")
    assert snapshot(project / "docs") == before


def test_force_replaces_a_hand_edited_page(project: Path):
    page = project / CHAPTER
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nMy own note.\n", encoding="utf-8")
    assert run_cli(project, "--force", "generate").returncode == 0
    assert page.read_text(encoding="utf-8") == original


def test_stale_page_of_a_renamed_chapter_is_removed_and_foreign_files_stay(project: Path):
    mine = project / "docs" / "test-episode" / "my-notes.md"
    mine.write_text("# Mine\n", encoding="utf-8")
    (project / "seeds" / "test.txt").write_text(PAGE.replace("05:00 The middle part", "05:00 The centre"), encoding="utf-8")
    result = run_cli(project, "generate")
    assert result.returncode == 0, result.stderr
    assert not (project / CHAPTER).exists()
    assert (project / "docs" / "test-episode" / "02-the-centre.md").exists()
    assert mine.read_text(encoding="utf-8") == "# Mine\n"
    assert "removed 1" in result.stderr


def test_stale_folder_of_a_renamed_episode_keeps_foreign_files(project: Path):
    mine = project / "docs" / "test-episode" / "my-notes.md"
    mine.write_text("# Mine\n", encoding="utf-8")
    settings = project / "seeds" / "test.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("slug: test-episode", "slug: renamed"), encoding="utf-8")
    registry = project / "seeds" / "test.anchors"  # a renamed episode's old address is retired (redirect pages)
    registry.write_text(registry.read_text(encoding="utf-8").replace("slug: test-episode\n", "slug: test-episode -> renamed\n"), encoding="utf-8")
    assert run_cli(project, "generate").returncode == 0
    assert sorted(p.name for p in (project / "docs" / "test-episode").iterdir()) == [
        "01-opening", "02-the-middle-part", "anchors.json", "index.html", "my-notes.md", "speakers"]
    assert (project / "docs" / "renamed" / "index.md").exists()


def test_stale_page_edited_by_hand_is_not_deleted(project: Path):
    page = project / CHAPTER
    page.write_text("edited\n", encoding="utf-8")
    (project / "seeds" / "test.txt").write_text(PAGE.replace("05:00 The middle part", "05:00 The centre"), encoding="utf-8")
    before = snapshot(project / "docs")
    result = run_cli(project, "generate")
    assert result.returncode == 2
    assert result.stderr.startswith(f"episode-site: error: {CHAPTER}: this page is no longer generated (its chapter or episode "
                                    "was renamed or removed), but it was edited by hand since episode-site wrote it. To keep it, move it")
    assert snapshot(project / "docs") == before


def test_foreign_file_in_the_way_stops_and_force_replaces_it(tmp_path: Path):
    root = make_project(tmp_path / "project", SEEDS)
    (root / "docs" / "index.md").write_text("# My home page\n", encoding="utf-8")
    result = run_cli(root, "generate")
    assert result.returncode == 2
    assert result.stderr == ("episode-site: error: docs/index.md: this file was not written by episode-site, and generating "
                             "would replace it. Move or rename it, or run again with --force to replace it.\n")
    assert (root / "docs" / "index.md").read_text(encoding="utf-8") == "# My home page\n"
    assert not (root / "docs" / "test-episode").exists()  # all or nothing
    assert run_cli(root, "--force", "generate").returncode == 0
    assert (root / "docs" / "index.md").read_text(encoding="utf-8").startswith("---\n")


def test_second_generate_writes_nothing(project: Path):
    stamps = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    result = run_cli(project, "generate")
    assert result.returncode == 0
    assert "wrote 0 page(s), removed 0" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == stamps


def test_error_in_a_later_episode_writes_nothing_for_the_earlier_one(tmp_path: Path):
    root = make_project(tmp_path / "project", {**SEEDS, "zz.txt": PAGE, "zz.yml": "slug: other\nspeakers: [Jane Doe, Jon Roe]\n"})
    result = run_cli(root, "generate")
    assert result.returncode == 2 and "seeds/zz.txt:9: `John Roe:` is not a speaker's label, but looks like `Jon Roe:`" in result.stderr
    assert snapshot(root / "docs") == snapshot(make_project(tmp_path / "fresh", {}) / "docs")


def test_damaged_manifest_never_removes_outside_docs(project: Path):
    outside = project / "keep.txt"
    outside.write_text("precious\n", encoding="utf-8")
    manifest = project / "docs" / MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["files"]["../keep.txt"] = write.digest("precious\n")
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli(project, "generate")
    assert result.returncode == 2
    assert result.stderr.startswith("episode-site: error: docs/.episode-site.json: the list of files episode-site generated is damaged.")
    assert outside.read_text(encoding="utf-8") == "precious\n"


def test_disk_trouble_is_one_message_without_traceback(project: Path):
    page = project / CHAPTER
    page.unlink()
    page.mkdir()  # a folder where a page must go: replacing it fails even with --force
    result = run_cli(project, "--force", "generate")
    assert result.returncode == 1
    assert result.stderr.startswith("episode-site: error: ") and "Traceback" not in result.stderr
    assert "cannot write (Is a directory)" in result.stderr


def _pages(n: int) -> dict[str, str]:
    return {f"ep/{i}.md": f"# page {i}, version {n}\n" * 200 for i in range(3)}


def test_interrupted_rename_leaves_whole_files_and_no_false_hand_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    docs = tmp_path / "docs"
    write_pages(docs, _pages(1))
    real_replace, calls = os.replace, []

    def crash_on_second_page(src, dst):
        calls.append(dst)
        if len(calls) == 3:  # the manifest, one page, then the crash
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(write.os, "replace", crash_on_second_page)
    with pytest.raises(KeyboardInterrupt):
        write_pages(docs, _pages(2))
    monkeypatch.setattr(write.os, "replace", real_replace)
    texts = {p.name: p.read_text(encoding="utf-8") for p in (docs / "ep").glob("*.md")}
    assert sorted(texts.values()) == sorted([_pages(2)["ep/0.md"], _pages(1)["ep/1.md"], _pages(1)["ep/2.md"]])
    # The next run, with other input still, sees no hand edit: a cut run is not mistaken for one.
    write_pages(docs, _pages(3))
    assert {p.name: p.read_text(encoding="utf-8") for p in (docs / "ep").glob("*.md")} == {
        f"{i}.md": _pages(3)[f"ep/{i}.md"] for i in range(3)}


def test_interrupted_write_never_leaves_a_half_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    docs = tmp_path / "docs"
    write_pages(docs, _pages(1))
    real_fdopen = os.fdopen

    class HalfThenCrash:
        """The temporary file gets half the page, then the disk is full."""

        def __init__(self, file):
            self.file = file

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, text):
            self.file.write(text[: len(text) // 2])
            self.file.flush()
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "fdopen", lambda fd, *args, **kwargs: HalfThenCrash(real_fdopen(fd, *args, **kwargs)))
    with pytest.raises(OSError):
        write_pages(docs, _pages(2))
    monkeypatch.setattr(write.os, "fdopen", real_fdopen)
    assert {p.name: p.read_text(encoding="utf-8") for p in (docs / "ep").glob("*.md")} == {
        f"{i}.md": _pages(1)[f"ep/{i}.md"] for i in range(3)}
    assert not list(docs.rglob("*.partial"))
    write_pages(docs, _pages(1))
    assert json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"] == {
        rel: write.digest(text) for rel, text in _pages(1).items()}


def test_input_error_names_file_line_problem_and_fix():
    error = InputError("seeds/x.yml", 3, "unknown key `speekers`", "Did you mean `speakers`?")
    assert error.message() == "seeds/x.yml:3: unknown key `speekers`. Did you mean `speakers`?"
