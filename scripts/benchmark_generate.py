"""How generation time grows with the transcript: the seed episode repeated 1, 10 and 100 times.

    python3 scripts/benchmark_generate.py [--seed seeds/NAME.txt] [--times 1 10 100]

Each copy of the transcript gets its own outline chapters (times shifted by the
copy's length) and its own cues: a tag such as `«3.2»` is put at the start of the
paragraph that opens chapter 2 in copy 3, so every cue is found exactly once. The
project is a scratch folder; nothing in this repository is written.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from episode_site.load import load_episode, load_episodes  # noqa: E402
from episode_site.model.clock import format_clock  # noqa: E402
from episode_site.model.episode import Episode  # noqa: E402
from episode_site.outputs.write import write_pages  # noqa: E402
from episode_site.pages.render import render_site  # noqa: E402
from episode_site.sources.discovery import discover_episodes  # noqa: E402


def scaled_seeds(episode: Episode, times: int) -> tuple[str, str]:
    """(page text, YAML) for the episode's transcript repeated `times` times."""
    page = episode.source
    kept = [c for c in episode.chapters if c.start is not None]
    span = int(episode.layout.timeline.seconds_at(episode.layout.total_words)) + 60
    opens = {(c.start.turn, c.start.paragraph): c for c in kept}
    outline, cues, body = [], {}, []
    for copy in range(1, times + 1):
        for chapter in kept:
            stamp = format_clock(chapter.entry.seconds + (copy - 1) * span)
            outline.append(f"{stamp} {chapter.entry.title} (copy {copy})")
            if not chapter.estimated:
                cues[stamp] = f"«{copy}.{chapter.number}»"
        for t, turn in enumerate(page.turns):
            for p, paragraph in enumerate(turn.paragraphs):
                chapter = opens.get((t, p))
                tag = f"«{copy}.{chapter.number}» " if chapter and not chapter.estimated else ""
                body.append(f"{turn.speaker}: {tag}{paragraph.text}" if p == 0 else f"{tag}{paragraph.text}")
    text = "\n".join([page.title, "Show Notes", "A benchmark page.", *outline, "Transcript", *body]) + "\n"
    settings = {"slug": "benchmark", "speakers": list(page.speakers), "chapters": cues,
                "topics": {topic.name: list(topic.terms) for topic in episode.topics}}
    return text, json.dumps(settings, ensure_ascii=False, indent=1) + "\n"  # JSON is YAML


def measure(text: str, settings: str, work: Path) -> dict[str, float]:
    root = work / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "bench.txt").write_text(text, encoding="utf-8")
    (root / "seeds" / "bench.yml").write_text(settings, encoding="utf-8")
    start = time.perf_counter()
    episodes = load_episodes(root / "seeds", root)
    loaded = time.perf_counter()
    pages = render_site(episodes)
    rendered = time.perf_counter()
    write_pages(root / "docs", pages)
    written = time.perf_counter()
    again = write_pages(root / "docs", render_site(load_episodes(root / "seeds", root)))
    assert not again.written, "a second run must write nothing"
    return {"load": loaded - start, "render": rendered - loaded, "write": written - rendered, "total": written - start,
            "again": time.perf_counter() - written, "pages": len(pages)}


def generation_seconds(times: int, root: Path = Path(__file__).resolve().parent.parent) -> float:
    """Seconds to load, render and write the first seed's transcript repeated `times` times."""
    episode = load_episode(discover_episodes(root / "seeds", root)[0], root)
    text, yaml_text = scaled_seeds(episode, times)
    with tempfile.TemporaryDirectory() as work:
        return measure(text, yaml_text, Path(work))["total"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--seed", type=Path, help="a source page under seeds/ (default: the first one)")
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    found = discover_episodes(args.root / "seeds", args.root)
    settings = next((s for s in found if args.seed is None or s.page_path.resolve() == args.seed.resolve()), None)
    if settings is None:
        sys.exit(f"no episode page {args.seed} under {args.root / 'seeds'}")
    episode = load_episode(settings, args.root)
    print(f"{'times':>5} {'words':>9} {'pages':>5} {'load s':>7} {'render s':>8} {'write s':>7} {'total s':>7} {'µs/word':>7} {'2nd run s':>9}")
    for times in args.times:
        text, yaml_text = scaled_seeds(episode, times)
        with tempfile.TemporaryDirectory() as work:
            m = measure(text, yaml_text, Path(work))
        words = len(text.split())
        print(f"{times:>5} {words:>9,} {m['pages']:>5} {m['load']:>7.2f} {m['render']:>8.2f} {m['write']:>7.2f} "
              f"{m['total']:>7.2f} {m['total'] / words * 1e6:>7.1f} {m['again']:>9.2f}", flush=True)


if __name__ == "__main__":
    main()
