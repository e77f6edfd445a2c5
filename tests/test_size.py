"""Big and hostile inputs finish: a guard against quadratic work and hangs (issue 10, item 7).

The bound is generous (the machine may be busy); the figures come from
`python3 scripts/benchmark_hostile.py`. Before the fixes, the 5 MB transcript
took minutes (tagging was quadratic in a turn's length) and 10,000 speakers 450 s.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import benchmark_hostile  # noqa: E402

BOUND_SECONDS = 60
MAX_MESSAGE = 2000

CASES = {name: make for name, make in benchmark_hostile.CASES.items()}


@pytest.mark.parametrize("name", list(CASES))
def test_finishes_in_bounded_time_with_a_short_message(name: str, tmp_path: Path):
    seconds, done = benchmark_hostile.run_case(CASES[name](), tmp_path, timeout=BOUND_SECONDS * 3)
    assert seconds < BOUND_SECONDS, f"{name}: {seconds:.1f} s"
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 2), done.stderr[-2000:]
    assert all(len(line) <= MAX_MESSAGE for line in done.stderr.splitlines())
    if done.returncode == 0:
        assert (tmp_path / "project" / "docs" / ".episode-site.json").exists()
