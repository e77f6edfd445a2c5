"""The episode's topics page: per topic, the chapters tagged with it and every turn where it comes up.

Tagged topics open with a Material tags listing (its heading is the tag, which
the tag chips on chapter pages link to); topics that no chapter reaches the
threshold for follow, under their own headings. The page repeats snippets of the
transcript, so it stays out of search: a phrase search lands on the turn itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from .anchors import paragraph_anchor, slugify
from .escape import inline
from .model import Episode, Topic
from .places import about, piece_at, pieces
from .topics import THRESHOLD_SENTENCE, Mention, chapter_tags, mentions

_CONTEXT_WORDS = 10


def topics_page(episode: Episode, front_matter, *, listing: bool = True) -> Iterator[str]:
    """`listing=False` (an archive): each topic's heading and chapters are written here, not by a Material tags
    listing; the tags plugin compares every listing with every tagged page, which grows with the archive's square."""
    tags = chapter_tags(episode)
    tagged = {name for names in tags.values() for name in names}
    yield from front_matter(sources=episode.seed_files, title="Topics",
                            description=f"Topics of {episode.source.title}: " + ", ".join(t.name for t in episode.topics),
                            extra=["search:", "  exclude: true"])
    yield "# Topics { #topics }"
    yield ""
    yield (f"The topics of this episode were chosen by reading it; each comes with the words that signal it. "
           f"{THRESHOLD_SENTENCE} Under each topic, every turn where its words are said, with the words in bold. "
           "Times marked ≈ are estimates ([how](index.md#about-the-times)).")
    yield ""
    all_pieces = pieces(episode)
    quiet = []
    for topic in episode.topics:
        if topic.name not in tagged:
            quiet.append(topic)
            continue
        # The listing renders the topic's heading (the tag) and the chapters tagged with it.
        if listing:
            yield f"<!-- material/tags {{ include: [{json.dumps(topic.name)}], scope: true }} -->"
        else:
            yield f"## {inline(topic.name)} {{ #{topic_anchor(topic.name)} }}"
            yield ""
            yield from (f"* [{inline(c.entry.stamp)} {inline(c.entry.title)}]({c.slug}.md)"
                        for c in episode.chapters if topic.name in tags[c.number])
        yield ""
        yield from _topic_body(episode, topic, all_pieces)
    if quiet:
        yield "## Mentioned, but no chapter discusses them at length { #below-threshold }"
        yield ""
        for topic in quiet:
            yield f"### {inline(topic.name)} {{ #topic-{slugify(topic.name, fallback='topic')} }}"
            yield ""
            yield from _topic_body(episode, topic, all_pieces)


def topic_anchor(name: str) -> str:
    """The heading id of a topic on its episode's topics page, as Material's listings write it (`tag:evals`)."""
    return f"tag:{slugify(name, fallback='topic')}"


def _topic_body(episode: Episode, topic: Topic, all_pieces) -> Iterator[str]:
    found = mentions(episode, topic)
    yield f"Words: {', '.join(inline(term) for term in topic.terms)}."
    yield ""
    if not found:
        yield "Not said in the published transcript."
        yield ""
        return
    by_turn: dict[int, list[Mention]] = {}
    for mention in found:
        by_turn.setdefault(mention.turn, []).append(mention)
    yield f"Comes up {len(found)} times in {len(by_turn)} turns:"
    yield ""
    for turn_index, said in by_turn.items():
        first = said[0]
        turn = episode.source.turns[turn_index]
        piece = piece_at(all_pieces, turn_index, first.paragraph)
        chapter = piece.chapter
        more = f" ({len(said)} times)" if len(said) > 1 else ""
        where = f"{piece.chapter.slug}.md"
        snippet = _snippet(turn.paragraphs[first.paragraph].text, [m for m in said if m.paragraph == first.paragraph])
        yield (f"* [{inline(turn.speaker)}, {about(piece.seconds)}]({where}#{piece.anchor}) in chapter {chapter.number}{more}: "
               f"[“{snippet}”]({where}#{paragraph_anchor(turn, first.paragraph)})")
    yield ""


def _snippet(text: str, said: Sequence[Mention]) -> str:
    """About ten words either side of the first match, every match inside in bold."""
    first = said[0]
    words = [m.span() for m in re.finditer(r"\S+", text)]
    before = [span for span in words if span[1] <= first.start]
    after = [span for span in words if span[0] >= first.end]
    start = before[-_CONTEXT_WORDS][0] if len(before) > _CONTEXT_WORDS else 0
    end = after[_CONTEXT_WORDS - 1][1] if len(after) > _CONTEXT_WORDS else len(text)
    parts, cursor = [], start
    for mention in said:
        if mention.start < cursor or mention.end > end:
            continue
        parts.append(_plain(text[cursor:mention.start]))
        parts.append(f"<strong>{inline(text[mention.start:mention.end])}</strong>")
        cursor = mention.end
    parts.append(_plain(text[cursor:end]))
    return ("…" if start > 0 else "") + "".join(parts).strip() + ("…" if end < len(text) else "")


def _plain(text: str) -> str:
    """Escaped text that keeps a single space at either end where the source had white space."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + inline(text) + trail
