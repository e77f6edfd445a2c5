"""Checks shared by the fidelity tests: the built site says exactly what the source says."""

from __future__ import annotations

import re
from pathlib import Path

from episode_site.model.episode import Episode
from episode_site.readers.labels import split_at_label
from helpers.html_text import fold, page_text, page_turns


def source_turns(episode: Episode) -> list[tuple[str, list[str]]]:
    return [(turn.speaker, [fold(p.text) for p in turn.paragraphs]) for turn in episode.source.turns]


def site_turns(site: Path, episode: Episode) -> list[tuple[str, list[str]]]:
    """Turns read back from the built chapter pages, a turn cut by a chapter boundary joined again."""
    turns: list[tuple[str, list[str]]] = []
    for chapter in episode.chapters:
        for read in page_turns(site / episode.slug / chapter.slug / "index.html"):
            texts = [text for _, text in read.paragraphs]
            if read.continued:
                assert turns and turns[-1][0] == read.speaker, f"continued turn {read.anchor} does not continue {read.speaker}"
                turns[-1][1].extend(texts)
            else:
                turns.append((read.speaker, texts))
    return turns


def site_text(site: Path) -> str:
    return " ".join(page_text(path) for path in sorted(site.rglob("*.html")))


def missing_source_lines(source: str, site: Path, speakers: tuple[str, ...]) -> list[str]:
    """Source lines whose words do not appear on the site (a label and a `* ` bullet count as markup)."""
    everything = site_text(site)
    missing = []
    for raw in source.splitlines():
        pieces, line = [], raw.strip()
        while line:
            found = split_at_label(line, speakers)
            if not found:
                pieces.append(line)
                break
            pieces += [found[0], found[1]]
            line = found[2]
        for piece in pieces:
            piece = fold(re.sub(r"^\* ", "", piece))
            if piece and piece not in everything:
                missing.append(piece)
    return missing


def paragraphs_with_markup(html: str) -> list[str]:
    """Ids of turn paragraphs whose HTML holds any element: speech never should."""
    found = re.findall(r'<p id="([a-z0-9-]+-\d+-\d+)">(.*?)</p>', html, flags=re.S)
    return [pid for pid, inner in found if "<" in inner]
