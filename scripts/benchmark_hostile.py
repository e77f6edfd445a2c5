"""Inputs built to be slow, and how long `episode-site generate` takes on each.

    python3 scripts/benchmark_hostile.py [--only NAME ...]

Each case is a scratch project (nothing in this repository is written) run through
the real command, `python -m episode_site.cli generate`, as a user would. The cases
are the blow-ups a hostile-input review found (issue 10, item 7): a 5 MB transcript
with topics and one 500 KB turn, 10,000 speakers (detected, and listed), 1,000
outline entries, a YAML alias bomb, a page notice written as a slow regular
expression, and a cue found 11,000 times. tests/test_size.py runs the same cases
under a generous time bound; this script prints the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WORDS = ("the model we train evals and benchmarks a lot of reinforcement learning post-training data "
          "so I think it is really about scaling reasoning with GRPO and RL at the frontier labs").split()
TOPICS = {"Evals": ["eval", "evals", "benchmark*"], "RL": ["RL", "reinforcement learning", "GRPO"],
          "Reasoning": ["reasoning"], "Data": ["data"], "Scaling": ["scaling"]}


def _prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)) + "."


def big_transcript(megabytes: float = 5.0) -> dict[str, str]:
    """Two speakers, 10 chapters, five topics; one turn alone is 500 KB."""
    rng = random.Random(1)
    body, size, n = [], 0, 0
    huge = _prose(rng, 80_000)  # about 500 KB in one paragraph
    body.append(f"Ann Lee: {huge}")
    size += len(huge)
    while size < megabytes * 1_000_000:
        n += 1
        line = f"{'Ann Lee' if n % 2 else 'Bob Roe'}: {_prose(rng, 120)}"
        body.append(line)
        size += len(line)
    outline = [f"{i * 6:02d}:00 Part {i + 1}" for i in range(10)]
    page = "\n".join(["A Big Episode", "Show Notes", "Long.", *outline, "Transcript", *body]) + "\n"
    settings = {"slug": "big", "topics": TOPICS}
    return {"big.txt": page, "big.yml": json.dumps(settings)}


def _letters(number: int) -> str:
    """`Baaa`, `Baab`, …: a name word (labels are words that start with a letter)."""
    digits = ""
    for _ in range(3):
        number, digit = divmod(number, 26)
        digits = chr(97 + digit) + digits
    return "B" + digits


def many_speakers(count: int = 10_000, *, listed: bool = False) -> dict[str, str]:
    """`count` speakers, each labelling two turns."""
    rng = random.Random(2)
    names = [f"Speaker {_letters(i)}" for i in range(count)]
    body = [f"{name}: {_prose(rng, 8)}" for name in names * 2]
    page = "\n".join(["Many Voices", "Show Notes", "Crowded.", "Transcript", *body]) + "\n"
    seeds = {"many.txt": page}
    if listed:
        seeds["many.yml"] = json.dumps({"slug": "many", "speakers": names})
    return seeds


def many_chapters(count: int = 1_000) -> dict[str, str]:
    """`count` outline entries over a transcript of a few thousand turns, half of them pinned by a cue."""
    rng = random.Random(3)
    outline, body, cues = [], [], {}
    for i in range(count):
        stamp = f"{i // 60:d}:{i % 60:02d}:00"
        outline.append(f"{stamp} Chapter number {i + 1}")
        for j in range(3):
            tag = f"«{i}» " if j == 0 and i % 2 == 0 else ""
            if tag:
                cues[stamp] = f"«{i}»"
            body.append(f"{'Ann Lee' if j % 2 else 'Bob Roe'}: {tag}{_prose(rng, 60)}")
    page = "\n".join(["Many Chapters", "Show Notes", "Long.", *outline, "Transcript", *body]) + "\n"
    return {"chapters.txt": page, "chapters.yml": json.dumps({"slug": "chapters", "chapters": cues})}


def alias_bomb() -> dict[str, str]:
    levels = ["a: &a [" + ",".join(['"lol"'] * 9) + "]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    seeds = many_speakers(2)
    seeds["many.yml"] = "slug: bomb\ntopics:\n  " + "\n  ".join(levels) + "\n"
    return seeds


def slow_notice() -> dict[str, str]:
    seeds = many_speakers(2)
    seeds["many.txt"] = seeds["many.txt"].replace("Crowded.", "Crowded. " + "a" * 50_000 + "!")
    seeds["site.yml"] = 'page_notices:\n  - "(a+)+$"\n'
    return seeds


def cue_everywhere(count: int = 11_000) -> dict[str, str]:
    body = [f"{'Ann Lee' if i % 2 else 'Bob Roe'}: the same words again." for i in range(count)]
    page = "\n".join(["Echo", "Show Notes", "Again.", "00:00 Start", "01:00 Later", "Transcript", *body]) + "\n"
    return {"echo.txt": page, "echo.yml": 'slug: echo\nchapters:\n  "01:00": "the same words"\n'}


CASES: dict[str, Callable[[], dict[str, str]]] = {
    "5 MB transcript with topics": big_transcript,
    "10,000 speakers, detected": many_speakers,
    "10,000 speakers, listed": lambda: many_speakers(listed=True),
    "1,000 outline entries": many_chapters,
    "YAML alias bomb": alias_bomb,
    "page notice (a+)+$ on a 50 KB line": slow_notice,
    "cue found 11,000 times": cue_everywhere,
}


def run_case(seeds: dict[str, str], work: Path, timeout: float = 600) -> tuple[float, subprocess.CompletedProcess[str]]:
    """(wall-clock seconds, finished process) of `episode-site generate` on a scratch project holding `seeds`."""
    root = work / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "episode_site.cli", "--root", str(root), "generate"],
                          capture_output=True, text=True, env=env, timeout=timeout)
    return time.perf_counter() - start, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="run only the cases whose name contains one of these words")
    args = parser.parse_args()
    print("| case | input | wall s | CPU s | exit | last message line (chars) |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, make in CASES.items():
        if args.only and not any(word in name for word in args.only):
            continue
        seeds = make()
        size = sum(len(text.encode()) for text in seeds.values())
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with tempfile.TemporaryDirectory() as work:
            seconds, done = run_case(seeds, Path(work))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime  # what a busy machine does not inflate
        print(f"| {name} | {size / 1e6:.2f} MB | {seconds:.2f} | {cpu:.2f} | {done.returncode} | "
              f"{len(done.stderr.splitlines()[-1]) if done.stderr else 0} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
