"""A synthetic show archive: N episodes in the page format, for archive tests and benchmarks.

    python3 scripts/synthetic_archive.py OUT_FOLDER --count 500 [--seed 0] [--words 10000] [--mixed]

Each episode is `<name>.txt` (title line, show notes, outline `MM:SS Title`,
`Transcript`, `Name: text` turns) and `<name>.yml` (`slug`, `date`, `speakers`,
chapter cues, a few topics), written into OUT_FOLDER (a `seeds/` folder, with a
`site.yml` naming the hosts). With `--mixed`, four episodes in five are given instead in
the formats podcasters export, in turn: WebVTT (`<v>` spans), SRT (`Name: ` cues),
Podcasting 2.0 JSON and Markdown (`**Name** [HH:MM:SS]: text`), timed at 160 words a
minute, with title, notes and outline in the YAML. The
words are the sentences of this project's own seed transcripts, shuffled; the
speakers come from a made-up pool in which hosts speak in most episodes and
guests come back now and then, so person pages have something to gather. The
same count and seed give the same files, byte for byte. Dates are weekly but
handed out in shuffled order, so file order is not date order.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import math
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from episode_site.model.clock import format_clock  # noqa: E402
from episode_site.model.episode import SourcePage  # noqa: E402
from episode_site.outputs.transcript_formats import to_json, to_srt, to_vtt  # noqa: E402
from episode_site.readers.labels import label_at_start  # noqa: E402
from episode_site.readers.page import parse_page  # noqa: E402
from episode_site.sources.discovery import discover_episodes  # noqa: E402
from episode_site.sources.seed_text import read_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Made-up names: no real person gets a page. Distinct first and last names slug apart.
_FIRST = ("Ada", "Bruno", "Chiara", "Dmitri", "Esther", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Lars",
          "Mira", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tamsin", "Umar", "Vera", "Wendell", "Ximena",
          "Yusuf", "Zora")
_LAST = ("Abernathy", "Brightwater", "Castellano", "Dunmore", "Eriksen", "Falconer", "Greenhalgh", "Hollis",
         "Ivanova", "Jablonski", "Kettering", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Pemberton",
         "Quintero", "Rasmussen", "Silvermoon", "Thackeray", "Underwood", "Valdivia", "Whitcombe", "Yamada")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=\S)")
_SHOW = "The Synthetic Hour"
_WORDS_PER_MINUTE = 160
_FIRST_DATE = datetime.date(2020, 1, 6)


def _corpus(seeds: Path) -> tuple[list[str], dict[str, list[str]]]:
    """Sentences of every seed transcript, and every seed's topic vocabulary."""
    sentences: list[str] = []
    topics: dict[str, list[str]] = {}
    for settings in discover_episodes(seeds, seeds.parent):
        page = parse_page(read_text(settings.page_path, settings.page_path.name), settings.page_path.name,
                          speakers=settings.speakers)
        for turn in page.turns:
            for paragraph in turn.paragraphs:
                sentences.extend(_SENTENCE.split(paragraph.text))
        topics.update({topic.name: list(topic.terms) for topic in settings.topics})
    # A sentence that reads like a label or a section marker would change the page's structure.
    kept = [s.strip() for s in sentences if s.strip() and not label_at_start(s)
            and s.strip().lower().rstrip(".") not in ("transcript", "show notes")]
    if not kept:
        raise SystemExit(f"no transcript sentences found under {seeds}")
    return kept, topics


def _people(rng: random.Random, count: int) -> list[str]:
    names = [f"{first} {last}" for first in _FIRST for last in _LAST]
    rng.shuffle(names)
    return names[:count]


def _title(rng: random.Random, sentences: list[str]) -> str:
    words = re.sub(r"[^\w\s'’-]", "", rng.choice(sentences)).split()[: rng.randint(3, 6)] or ["Odds", "and", "ends"]
    return " ".join(words)[0].upper() + " ".join(words)[1:]


def _paragraph(rng: random.Random, sentences: list[str], budget: int) -> str:
    chosen = [rng.choice(sentences) for _ in range(rng.randint(1, 5))]
    text = " ".join(chosen)
    return " ".join(text.split()[: max(budget, 8)]) if len(text.split()) > budget * 2 else text


def episode_files(number: int, rng: random.Random, sentences: list[str], topics: dict[str, list[str]], *,
                  hosts: list[str], guests: list[str], date: datetime.date, words: int) -> tuple[str, str]:
    """(page text, YAML text) of synthetic episode `number`."""
    speakers = [rng.choice(hosts)] + rng.sample(guests, rng.choice((1, 1, 2)))
    if rng.random() < 0.15:
        speakers.insert(1, rng.choice([h for h in hosts if h not in speakers]))
    chapter_titles = list(dict.fromkeys(_title(rng, sentences) for _ in range(rng.randint(3, 7))))
    target = rng.randint(int(words * 0.7), int(words * 1.3))
    per_chapter = target // len(chapter_titles)
    outline, cues, body, spoken, previous = [], {}, [], 0, None
    for n, chapter in enumerate(chapter_titles, start=1):
        stamp = format_clock(spoken * 60 // _WORDS_PER_MINUTE)
        outline += [f"{stamp} {chapter}", _paragraph(rng, sentences, 40)]
        # The paragraph that opens a chapter names it, so that its cue is found exactly once.
        opening = f"Let's turn to part {n}, {chapter.lower()}." if n > 1 else None
        if opening:
            cues[stamp] = opening.rstrip(".")
        chapter_words = 0
        while chapter_words < per_chapter:
            speaker = rng.choice([s for s in speakers if s != previous])
            previous = speaker
            paragraphs = [_paragraph(rng, sentences, 120) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
            if opening:
                paragraphs[0], opening = f"{opening} {paragraphs[0]}", None
            body.append(f"{speaker}: {paragraphs[0]}")
            body.extend(paragraphs[1:])
            chapter_words += sum(len(p.split()) for p in paragraphs)
        spoken += chapter_words
    guest_names = " and ".join(s for s in speakers[1:] if s in guests)
    title = f"{_SHOW} {number}: {guest_names} on {chapter_titles[0].lower()}"
    notes = [_paragraph(rng, sentences, 80) for _ in range(rng.randint(1, 3))]
    page = "\n".join([title, "Show Notes", *notes, *outline, "Transcript", *body]) + "\n"
    chosen_topics = dict(sorted(rng.sample(sorted(topics.items()), min(len(topics), rng.randint(4, 10)))))
    settings = {"slug": f"episode-{number:04d}", "date": date.isoformat(), "source": f"https://example.com/episodes/{number}",
                "speakers": speakers, "chapters": cues, "topics": chosen_topics}
    return page, json.dumps(settings, ensure_ascii=False, indent=1) + "\n"  # JSON is YAML


# The formats of `--mixed`, by episode number modulo 5: the page format, then what podcasters' tools export.
MIXED_FORMATS = (".txt", ".vtt", ".srt", ".json", ".md")


def _timed(page: SourcePage) -> SourcePage:
    """The page with every paragraph given a start and an end in whole seconds, at _WORDS_PER_MINUTE."""
    spoken, clock, turns = 0, 0, []
    for turn in page.turns:
        paragraphs = []
        for n, paragraph in enumerate(turn.paragraphs):
            start = clock + (2 if n else 0)  # a pause between a turn's paragraphs: cues.py starts a paragraph there
            spoken += len(paragraph.text.split())
            clock = max(start + 1, math.ceil(spoken * 60 / _WORDS_PER_MINUTE))  # the next cue starts where this one ends
            paragraphs.append(dataclasses.replace(paragraph, seconds=float(start), end=float(clock)))
        turns.append(dataclasses.replace(turn, paragraphs=tuple(paragraphs)))
    return dataclasses.replace(page, turns=tuple(turns))


def _markdown(page: SourcePage) -> str:
    """`**Name** [HH:MM:SS]: text`, then the turn's other paragraphs, a blank line before each."""
    blocks = [f"# {page.title}"]
    for turn in page.turns:
        first, *rest = turn.paragraphs
        whole = int(first.seconds)
        stamp = f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
        blocks += [f"**{turn.speaker}** [{stamp}]: {first.text}", *(p.text for p in rest)]
    return "\n\n".join(blocks) + "\n"


def _in_format(page_text: str, settings_text: str, suffix: str, name: str) -> tuple[str, str]:
    """(transcript, YAML) of an episode given as page text, re-expressed in `suffix`'s format: the same turns,
    timed; the title, notes and outline move to the YAML, and each chapter starts at the turn its opening cue named."""
    settings = json.loads(settings_text)
    # The listed speakers, as generate reads them: detection alone takes a guest named like another for a typo.
    page = _timed(parse_page(page_text, name, speakers=settings.get("speakers", ())))
    cues = settings.pop("chapters")
    starts = {0: "00:00"}
    for cue in cues.values():  # the paragraph that opens each later chapter names it
        start = next(p.seconds for turn in page.turns for p in turn.paragraphs if p.text.startswith(cue))
        starts[len(starts)] = format_clock(start)
    settings.update(title=page.title, notes="\n".join(line.text for line in page.show_notes[1:]),  # after "Show Notes"
                    outline={starts[n]: entry.title for n, entry in enumerate(page.outline)})
    writers = {".vtt": to_vtt, ".srt": to_srt, ".json": to_json, ".md": _markdown}
    return writers[suffix](page), json.dumps(settings, ensure_ascii=False, indent=1) + "\n"


def write_archive(folder: Path, count: int, *, seed: int = 0, words: int = 10_000, sources: Path = ROOT / "seeds",
                  mixed: bool = False) -> list[Path]:
    """Write `count` synthetic episodes (`episode-NNNN.txt` and `.yml`) into `folder`; return the transcript paths.

    `words` is the mean transcript length (about 5 M words for 500 episodes). `mixed`: four in five
    episodes in the other input formats (MIXED_FORMATS), the same conversations otherwise.
    """
    sentences, topics = _corpus(sources)
    rng = random.Random(seed)
    people = _people(rng, 3 + max(4, count // 3))
    hosts, guests = people[:3], people[3:]
    dates = [_FIRST_DATE + datetime.timedelta(weeks=n) for n in range(count)]
    rng.shuffle(dates)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(json.dumps({"hosts": hosts}, indent=1) + "\n", encoding="utf-8")
    written = []
    for number in range(1, count + 1):
        page, settings = episode_files(number, rng, sentences, topics, hosts=hosts, guests=guests,
                                       date=dates[number - 1], words=words)
        suffix = MIXED_FORMATS[number % len(MIXED_FORMATS)] if mixed else ".txt"
        path = folder / f"episode-{number:04d}{suffix}"
        if suffix != ".txt":
            page, settings = _in_format(page, settings, suffix, path.name)
        path.write_text(page, encoding="utf-8")
        path.with_suffix(".yml").write_text(settings, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the episodes (a project's seeds/ folder)")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=10_000, help="mean words per transcript")
    parser.add_argument("--mixed", action="store_true", help="four in five episodes as VTT, SRT, JSON or Markdown")
    args = parser.parse_args()
    pages = write_archive(args.folder, args.count, seed=args.seed, words=args.words, mixed=args.mixed)
    total = sum(len(p.read_text(encoding="utf-8").split()) for p in pages)
    print(f"{len(pages)} episodes, {total:,} words, in {args.folder}")


if __name__ == "__main__":
    main()
