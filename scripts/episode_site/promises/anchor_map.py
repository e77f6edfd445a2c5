"""The anchor map: every anchor of an episode and the chapter page it lives on.

Written as `docs/<episode>/anchors.json`. The page script (assets/anchor-landing.js) and
the 404 page read it to send a link whose anchor is not on the page it names
(a chapter boundary moved, a chapter renamed, the episode's own address) to
the page where the anchor lives now.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence

from episode_site.model.episode import Episode
from episode_site.promises.anchors import paragraph_anchor

MAP_NAME = "anchors.json"


def episode_anchors(episode: Episode) -> Iterator[tuple[str, str, str]]:
    """(anchor, chapter slug, text it opens with) for every turn heading and paragraph, in page order.

    The same pieces render.chapter_page shows: a turn cut by a chapter boundary has
    its plain anchor where it starts and its `-continued` heading on the next page.
    """
    for piece in episode.layout.pieces:
        turn = episode.source.turns[piece.turn]
        yield piece.anchor, piece.chapter.slug, turn.paragraphs[piece.paragraphs.start].text
        for p in piece.paragraphs:
            yield paragraph_anchor(turn, p), piece.chapter.slug, turn.paragraphs[p].text


def anchor_map(episode: Episode, retired: Mapping[str, str]) -> dict[str, object]:
    """The map as JSON data: chapter titles (for citations and the 404 page), anchors, retired anchors."""
    return {
        "episode": episode.slug,
        "title": episode.source.title,
        "chapters": {c.slug: f"{c.entry.stamp} {c.entry.title}".strip() for c in episode.chapters},
        "anchors": {anchor: slug for anchor, slug, _ in episode_anchors(episode)},
        "retired": dict(retired),
    }


def anchor_map_files(episodes: Sequence[Episode], retired: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """Path under `docs/` → JSON text, one map per episode (`retired` is keyed by episode slug)."""
    return {
        f"{e.slug}/{MAP_NAME}": json.dumps(anchor_map(e, retired.get(e.slug, {})), ensure_ascii=False, separators=(",", ":")) + "\n"
        for e in episodes
    }
