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
from .places import when, piece_at, pieces
from .topics import THRESHOLD_SENTENCE, Mention, chapter_tags, mentions

_CONTEXT_WORDS = 10


def topics_page(episode: Episode, front_matter) -> Iterator[str]:
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
        yield f"<!-- material/tags {{ include: [{json.dumps(topic.name)}], scope: true }} -->"
        yield ""
        yield from _topic_body(episode, topic, all_pieces)
    if quiet:
        yield "## Mentioned, but no chapter discusses them at length { #below-threshold }"
        yield ""
        for topic in quiet:
            yield f"### {inline(topic.name)} {{ #topic-{slugify(topic.name, fallback='topic')} }}"
            yield ""
            yield from _topic_body(episode, topic, all_pieces)


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
        yield (f"* [{inline(turn.speaker)}, {when(piece)}]({where}#{piece.anchor}) in chapter {chapter.number}{more}: "
               f"[“{snippet}”]({where}#{paragraph_anchor(turn, first.paragraph)})")
    yield ""


def _snippet(text: str, said: Sequence[Mention]) -> str:
    """About ten words either side of the first match, every match inside in bold."""
    first = said[0]
    start, end = _context(text, first.start, first.end)
    parts, cursor = [], start
    for mention in said:
        if mention.start < cursor or mention.end > end:
            continue
        parts.append(_plain(text[cursor:mention.start]))
        parts.append(f"<strong>{inline(text[mention.start:mention.end])}</strong>")
        cursor = mention.end
    parts.append(_plain(text[cursor:end]))
    return ("…" if start > 0 else "") + "".join(parts).strip() + ("…" if end < len(text) else "")


def _context(text: str, match_start: int, match_end: int) -> tuple[int, int]:
    """Where the snippet starts and ends: _CONTEXT_WORDS words either side of the match (or the paragraph's edge).

    Words are listed in a window around the match that grows until it holds enough:
    listing every word of a 500 KB turn for each of its snippets was the slowest part of a build.
    """
    width = 96  # about fifteen words each side: most snippets need one pass
    while True:
        low, high = max(0, match_start - width), min(len(text), match_end + width)
        words = [m.span() for m in re.finditer(r"\S+", text[low:high])]
        words = [(a + low, b + low) for a, b in words]
        if low > 0 and words and words[0][0] == low and not text[low - 1].isspace():
            words.pop(0)  # a word the window cut
        if high < len(text) and words and words[-1][1] == high and not text[high].isspace():
            words.pop()
        before = [span for span in words if span[1] <= match_start]
        after = [span for span in words if span[0] >= match_end]
        if (len(before) > _CONTEXT_WORDS or low == 0) and (len(after) > _CONTEXT_WORDS or high == len(text)):
            break
        width *= 4
    start = before[-_CONTEXT_WORDS][0] if len(before) > _CONTEXT_WORDS else 0
    end = after[_CONTEXT_WORDS - 1][1] if len(after) > _CONTEXT_WORDS else len(text)
    return start, end


def _plain(text: str) -> str:
    """Escaped text that keeps a single space at either end where the source had white space."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + inline(text) + trail
