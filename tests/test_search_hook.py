"""The search index is written beside the build: `episode-site build` starts search_job.py itself, a bare `mkdocs build`
through search_hook.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers.project import SCRIPTS, run_cli


def _mkdocs_build(root: Path, scratch: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` as a user runs it after `episode-site generate`, with its own temporary folder (to see what it leaves)."""
    scratch.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(SCRIPTS), "TMPDIR": str(scratch)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_index_arrives_in_the_site_and_the_scratch_folder_goes(generated: Path, tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(generated, root, symlinks=True)
    result = _mkdocs_build(root, tmp_path / "tmp")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
    assert (root / "site" / "pagefind" / "vocabulary" / "meta.json").is_file()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_seed_broken_after_generate_stops_the_build_with_its_message(generated: Path, tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(generated, root, symlinks=True)
    page = root / "seeds" / "test.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("John Roe: Thanks for having me.", "John Roe:"), encoding="utf-8")
    result = _mkdocs_build(root, tmp_path / "tmp")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "seeds/test.txt:9: the label `John Roe:` has no words after it." in result.stderr
    assert not (root / "site" / "pagefind").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_episode_site_build_writes_the_index_itself_and_leaves_nothing_behind(generated: Path, tmp_path: Path):
    """`episode-site build` starts the job from its own records (search_beside.py) and the hook stands aside."""
    root = tmp_path / "project"
    shutil.copytree(generated, root, symlinks=True)
    (tmp_path / "tmp").mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(SCRIPTS), "TMPDIR": str(tmp_path / "tmp")}
    result = subprocess.run([sys.executable, "-m", "episode_site.cli", "build"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    meta = (root / "site" / "pagefind" / "vocabulary" / "meta.json").read_text(encoding="utf-8")
    assert '"records": ' in meta and '"records": 0' not in meta
    assert list((tmp_path / "tmp").iterdir()) == []  # the records and the job's scratch folder are gone


def test_episode_site_index_writes_the_index_into_a_site_built_elsewhere(generated: Path, tmp_path: Path):
    """After a bare `zensical build` (README): the same index as the build's, from the records its `generate` makes."""
    root = tmp_path / "project"
    shutil.copytree(generated, root, symlinks=True)
    assert _mkdocs_build(root, tmp_path / "tmp").returncode == 0
    meta = root / "site" / "pagefind" / "vocabulary" / "meta.json"
    built = meta.read_text(encoding="utf-8")
    shutil.rmtree(root / "site" / "pagefind")
    result = run_cli(root, "index")
    assert result.returncode == 0, result.stderr
    assert meta.read_text(encoding="utf-8") == built
    shutil.rmtree(root / "site")
    result = run_cli(root, "index")
    assert result.returncode == 2 and "no built site here" in result.stderr
