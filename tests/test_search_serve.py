"""Search under `mkdocs serve` (what `episode-site serve` runs): the index is there and follows a seed edit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, make_project, run_cli
from helpers.server import free_port

WORD = "zyzzyvaquartz"  # said nowhere, until the edit below




def _vocabulary(base: str) -> str:
    try:
        with urllib.request.urlopen(f"{base}/pagefind/vocabulary/z.json", timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_indexes_and_reindexes_after_a_seed_edit(tmp_path):
    root = make_project(tmp_path / "project")
    assert run_cli(root, "generate").returncode == 0
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait(lambda: '"zuck"' in _vocabulary(base), 90), "no search index under serve"
        assert WORD not in _vocabulary(base)
        seed = next((root / "seeds").glob("*.txt"))
        seed.write_text(seed.read_text(encoding="utf-8").replace("all this stuff myself.", f"all this stuff myself {WORD}.", 1), encoding="utf-8")
        assert run_cli(root, "generate").returncode == 0
        assert _wait(lambda: WORD in _vocabulary(base), 90), "the index did not follow the seed edit"
    finally:
        server.terminate()
        server.wait(timeout=30)
