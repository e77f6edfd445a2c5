"""A scratch copy of this project with given seeds, and `episode-site` run in it as a user runs it."""

from __future__ import annotations

import gc
import io
import logging
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
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


def run_cli(root: Path, *args: str, own_process: bool = False) -> subprocess.CompletedProcess[str]:
    """`episode-site ARGS` in `root`, as a user runs it: its exit status, stdout and stderr.

    `generate` runs the same `main()` in this process, with its output and log captured: a new
    interpreter per call was half of the error tests' time. Other commands (build, serve, index,
    which start MkDocs and change the environment) and `own_process=True` run in a process of their own.
    """
    if "generate" in args and not own_process:
        return _run_in_process(root, args)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(SCRIPTS)}
    return subprocess.run([sys.executable, "-m", "episode_site.cli", "--root", str(root), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def _run_in_process(root: Path, args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    from episode_site.cli import main

    out, err = io.StringIO(), io.StringIO()
    # The command line's log goes to stderr as bare messages (cli.main's basicConfig); pytest's own
    # handlers on the root logger would keep it from there, so the episode_site logger writes here directly.
    log = logging.getLogger("episode_site")
    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("%(message)s"))
    saved = log.level, log.propagate, gc.get_threshold()  # main() raises the GC thresholds for archives
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--root", str(root), *args])
    finally:
        log.removeHandler(handler)
        log.level, log.propagate = saved[0], saved[1]
        gc.set_threshold(*saved[2])
    return subprocess.CompletedProcess(["episode-site", *args], code, out.getvalue(), err.getvalue())


def build(root: Path) -> Path:
    """Generate and build the site in `root`; fail loudly with MkDocs' output."""
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    # MkDocs checks every link to an anchor (a person page's to each turn) and logs the ones it cannot find
    assert "does not contain an anchor" not in result.stderr, result.stderr[:3000]
    return root / "site"


def load_seed_episode():
    """This project's own episode, as `generate` reads it (the `seed_episode` fixture holds one per session)."""
    from episode_site.load import load_episodes

    (episode,) = load_episodes(ROOT / "seeds", ROOT)
    return episode


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: to prove that nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
