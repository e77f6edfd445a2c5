"""What search knows: one record per turn as a chapter page shows it, with its filters.

A record is a turn (or the part of it that one chapter page shows), not a page:
a result opens the turn itself, and ranking compares turns with turns. Made from
the same episode model the pages are rendered from, so every renderer (MkDocs,
ProperDocs, Zensical) gets the same index. Pages that only repeat or summarise the
transcript (the home, topics and speakers pages, the conversation picture, the
outline notes) have no records: a result is always something that was said.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from episode_site.model.episode import Episode
from episode_site.model.places import when
from episode_site.pages.render import chapter_title
from episode_site.promises.anchors import paragraph_anchor

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Record:
    """One search result: a turn on its chapter page."""

    paragraphs: tuple[tuple[str, str], ...]
    """(anchor, text as written) of each paragraph: a result opens the paragraph that matched."""
    meta: dict[str, str]
    """What a result shows and where it leads: speaker, episode, chapter, time, page, the turn's anchor."""
    filters: dict[str, list[str]]
    """Speaker, episode, chapter and the topics the turn mentions."""


def search_records(episodes: Iterable[Episode], *, several: bool | None = None) -> Iterator[Record]:
    """The records of each episode in turn. `several`: the site has more than one episode (default: more than one
    given); an archive's episodes may come one at a time, each read, indexed and let go."""
    if several is None:
        episodes = list(episodes)
        several = len(episodes) > 1
    for episode in episodes:
        topics_at = _topics_by_paragraph(episode)
        for piece in episode.layout.pieces:
            turn = episode.source.turns[piece.turn]
            chapter = chapter_title(piece.chapter)
            topics = sorted({name for p in piece.paragraphs for name in topics_at.get((piece.turn, p), ())})
            yield Record(
                paragraphs=tuple((paragraph_anchor(turn, p), turn.paragraphs[p].text) for p in piece.paragraphs),
                meta={
                    "speaker": turn.speaker,
                    "episode": episode.source.title,
                    "chapter": chapter,
                    "time": when(piece),  # `≈ 12:10` estimated, `12:10` from the source's own times
                    "page": f"{episode.slug}/{piece.chapter.slug}/",
                    "anchor": piece.anchor,
                },
                filters={
                    "speaker": [turn.speaker],
                    "episode": [episode.source.title],
                    # Chapter titles repeat across episodes ("Introduction"): say whose when there are several.
                    "chapter": [f"{episode.source.title} › {chapter}" if several else chapter],
                    **({"topic": topics} if topics else {}),
                },
            )


def _topics_by_paragraph(episode: Episode) -> dict[tuple[int, int], set[str]]:
    found: dict[tuple[int, int], set[str]] = {}
    for topic in episode.topics:
        for mention in episode.layout.mentions[topic]:
            found.setdefault((mention.turn, mention.paragraph), set()).add(topic.name)
    return found


def vocabulary(records: Iterable[Record]) -> dict[str, int]:
    """Every word said (lowercase, straight apostrophes) → how often: what a typo is corrected against."""
    counts: dict[str, int] = {}
    for record in records:
        for _, text in record.paragraphs:
            for word in _WORD.findall(text.lower().replace("’", "'")):
                counts[word] = counts.get(word, 0) + 1
    return counts


def write_records(records: Iterable[Record], path: Path) -> None:
    """Records as JSON lines, for the search job of a build that has the episodes read already."""
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps([record.paragraphs, record.meta, record.filters], ensure_ascii=False) + "\n")


class RecordsFile:
    """The records of a file `write_records` wrote, read afresh on each pass: an archive's records (a quarter
    of a gigabyte at 500 episodes) need not be held while Pagefind indexes them part by part."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[Record]:
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                paragraphs, meta, filters = json.loads(line)
                yield Record(tuple((anchor, text) for anchor, text in paragraphs), meta, filters)
