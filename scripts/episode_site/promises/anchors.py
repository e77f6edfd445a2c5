"""Slugs and anchors: the parts of URLs that readers paste, so they must never drift."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from episode_site.model.episode import Topic, Turn

_MAX_SLUG = 60


@cache  # a few speaker names, slugged for every anchor
def slugify(text: str, *, fallback: str = "x") -> str:
    """ASCII words joined by hyphens: `“Do and don’t” of LLMs` → `do-and-dont-of-llms`."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘]", "", text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > _MAX_SLUG:
        slug = slug[: _MAX_SLUG + 1].rsplit("-", 1)[0]
    return slug or fallback


def chapter_slug(number: int, title: str) -> str:
    return f"{number:02d}-{slugify(title, fallback='chapter')}"


def turn_anchor(turn: Turn) -> str:
    """`ross-taylor-12`: the speaker and the turn's number in the whole episode."""
    return f"{slugify(turn.speaker, fallback='speaker')}-{turn.number}"


def paragraph_anchor(turn: Turn, paragraph: int) -> str:
    """`ross-taylor-12-3` for the third paragraph (1-based) of turn 12."""
    return f"{turn_anchor(turn)}-{paragraph + 1}"


def continued_anchor(turn: Turn) -> str:
    """Heading id for a turn that a chapter boundary cut: it goes on past the page break."""
    return f"{turn_anchor(turn)}-continued"


def heading_anchor(turn: Turn, first_paragraph: int) -> str:
    """Id of the heading over a turn shown from paragraph `first_paragraph` (0-based) on.

    A turn's own anchor where it starts; `…-continued` on the page after a chapter break that cut it.
    """
    return continued_anchor(turn) if first_paragraph > 0 else turn_anchor(turn)


def topic_anchors(topics: Sequence[Topic]) -> dict[str, str]:
    """Topic name → the id of its section on the topics page (`topic-<slug>`, numbered when two slug alike)."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for topic in topics:
        base = f"topic-{slugify(topic.name, fallback='topic')}"
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        anchors[topic.name] = anchor
    return anchors
