"""A scratch copy of this project with given seeds, and `episode-site` run in it as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPTS = ROOT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))  # test this checkout's code, whatever is installed
SEED_PAGE = ROOT / "seeds" / "interconnects-ross-taylor-2025.txt"


def make_project(where: Path, seeds: dict[str, str] | None = None) -> Path:
    """A copy of this project's site setup in `where`, with the given seed files (default: ours)."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(SCRIPTS, where / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (where / "docs").mkdir()
    shutil.copytree(ROOT / "docs" / "assets", where / "docs" / "assets")
    if seeds is None:
        shutil.copytree(ROOT / "seeds", where / "seeds")
    else:
        (where / "seeds").mkdir()
        for name, text in seeds.items():
            (where / "seeds" / name).write_text(text, encoding="utf-8")
    return where


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`episode-site ARGS` in `root`, as a user runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(SCRIPTS)}
    return subprocess.run([sys.executable, "-m", "episode_site.cli", "--root", str(root), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def build(root: Path) -> Path:
    """Generate and build the site in `root`; fail loudly with MkDocs' output."""
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


def load_seed_episode():
    """This project's own episode, as `generate` reads it (the `seed_episode` fixture holds one per session)."""
    from episode_site.load import load_episodes

    (episode,) = load_episodes(ROOT / "seeds", ROOT)
    return episode


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: to prove that nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
