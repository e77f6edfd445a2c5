"""How long reading and rendering take for each transcript format, on the same conversation.

    python3 scripts/benchmark_formats.py [--times 1 10]

The seed episode's turns, repeated `times` times and given a paragraph every
few seconds (2.7 words a second), are written as page text, WebVTT, SRT, JSON
and Markdown into a scratch folder; each is then read (`load_episodes`) and
rendered (`render_site`), best of three. Nothing in this repository is written.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from episode_site.load import load_episodes  # noqa: E402
from episode_site.model.clock import format_clock  # noqa: E402
from episode_site.model.episode import SourcePage  # noqa: E402
from episode_site.outputs.transcript_formats import to_json, to_srt, to_vtt  # noqa: E402
from episode_site.pages.render import render_site  # noqa: E402
from episode_site.readers.by_extension import page_from_turns  # noqa: E402

WORDS_PER_SECOND = 2.7
ROOT = Path(__file__).resolve().parent.parent


def timed_page(page: SourcePage, times: int) -> SourcePage:
    """The page's turns repeated, each paragraph given a start and an end."""
    turns, clock = [], 0.0
    for _ in range(times):
        for turn in page.turns:
            paragraphs = []
            for paragraph in turn.paragraphs:
                length = len(paragraph.text.split()) / WORDS_PER_SECOND
                paragraphs.append(dataclasses.replace(paragraph, seconds=round(clock, 3), end=round(clock + length, 3)))
                clock += length + 0.5
            turns.append(dataclasses.replace(turn, number=len(turns) + 1, paragraphs=tuple(paragraphs)))
    return page_from_turns(page.path, tuple(turns), title=page.title)


def as_page_text(page: SourcePage) -> str:
    body = "".join(f"{t.speaker}: " + "\n".join(p.text for p in t.paragraphs) + "\n" for t in page.turns)
    return f"{page.title}\nTranscript\n{body}"


def as_markdown(page: SourcePage) -> str:
    return "".join(f"**{t.speaker}** [{format_clock(t.paragraphs[0].seconds)}]: " + "\n\n".join(p.text for p in t.paragraphs) + "\n\n"
                   for t in page.turns)


def measure(folder: Path, name: str, text: str, speakers: tuple[str, ...]) -> tuple[float, float, int]:
    seeds = folder / name / "seeds"
    seeds.mkdir(parents=True)
    (seeds / f"episode{Path(name).suffix}").write_text(text, encoding="utf-8")
    (seeds / "episode.yml").write_text("speakers: [" + ", ".join(speakers) + "]\n", encoding="utf-8")
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        episodes = load_episodes(seeds, folder / name)
        read = time.perf_counter()
        render_site(episodes)
        runs.append((read - start, time.perf_counter() - read))
    words = sum(len(p.text.split()) for t in episodes[0].source.turns for p in t.paragraphs)
    return *min(runs), words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # chapter estimates and single labels are not what is measured
    (seed,) = load_episodes(ROOT / "seeds", ROOT)
    print("| format | copies | words | read (s) | render (s) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as scratch:
        for times in args.times:
            page = timed_page(seed.source, times)
            writers = {"page.txt": as_page_text, "cues.vtt": to_vtt, "cues.srt": to_srt, "cues.json": to_json, "talk.md": as_markdown}
            for name, write in writers.items():
                read, render, words = measure(Path(scratch) / str(times), name, write(page), page.speakers)
                print(f"| {Path(name).suffix} | {times} | {words:,} | {read:.2f} | {render:.2f} |")


if __name__ == "__main__":
    main()
