"""The episode's topics page: a section per topic, its chapters, its strongest passages, then every turn.

A section opens with the topic's name as a heading (its id is what a chapter's
topic links point at), says which chapters discuss it and in how many turns,
quotes the three strongest passages (topic_strength.py), and keeps every other
turn behind a disclosure, so the page can be skimmed. Readers see words, never
the matching syntax (`benchmark*` reads "benchmark…"). The page repeats snippets
of the transcript, so it stays out of search: a phrase search lands on the turn itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from episode_site.model.episode import Episode, Topic
from episode_site.model.places import when
from episode_site.model.topic_strength import STRENGTH_SENTENCE, strongest_passages
from episode_site.model.topics import THRESHOLD_SENTENCE, Mention
from episode_site.pages.escape import html_text, inline
from episode_site.promises.anchors import paragraph_anchor

_CONTEXT_WORDS = 10  # words either side of the first match in a listed turn
_QUOTE_WORDS = 14    # the same, in one of the strongest passages
_QUOTES = 3


def topics_page(episode: Episode, front_matter) -> Iterator[str]:
    """One section per topic, written here (no Material tags listing, whose cost grows with an archive's square)."""
    tagged = {name for names in episode.layout.chapter_tags.values() for name in names}
    anchors = episode.layout.topic_anchors
    yield from front_matter(sources=episode.seed_files, title="Topics",
                            description=f"Topics of {episode.source.title}: " + ", ".join(t.name for t in episode.topics),
                            extra=["search:", "  exclude: true"])
    yield "# Topics { #topics }"
    yield ""
    yield (f"The topics of this episode were chosen by reading it; each comes with the words that signal it. "
           f"{THRESHOLD_SENTENCE} {STRENGTH_SENTENCE} Times marked ≈ are estimates ([how](index.md#about-the-times)).")
    yield ""
    discussed = [t for t in episode.topics if t.name in tagged]
    quiet = [t for t in episode.topics if t.name not in tagged]
    yield from _contents(discussed, quiet, anchors)
    for topic in discussed:
        yield from _section(episode, topic, anchors[topic.name], level="##")
    if quiet:
        yield "## Mentioned, but no chapter discusses them at length { #below-threshold }"
        yield ""
        for topic in quiet:
            yield from _section(episode, topic, anchors[topic.name], level="###")


def _contents(discussed: Sequence[Topic], quiet: Sequence[Topic], anchors: dict[str, str]) -> Iterator[str]:
    links = ", ".join(f"[{inline(t.name)}](#{anchors[t.name]})" for t in discussed)
    if links:
        yield f"Discussed: {links}."
        yield ""
    if quiet:
        yield f"Only mentioned: {', '.join(f'[{inline(t.name)}](#{anchors[t.name]})' for t in quiet)}."
        yield ""


def shown_terms(topic: Topic) -> str:
    """The topic's words as a reader reads them: `benchmark*` becomes `benchmark…`."""
    return ", ".join(inline(term[:-1].rstrip() + "…" if term.endswith("*") else term) for term in topic.terms)


def _section(episode: Episode, topic: Topic, anchor: str, *, level: str) -> Iterator[str]:
    yield f"{level} {inline(topic.name)} {{ #{anchor} }}"
    yield ""
    found = episode.layout.mentions[topic]
    if not found:
        yield f"Its words ({shown_terms(topic)}) are not said in the published transcript."
        yield ""
        return
    yield from _chapters_line(episode, topic, found)
    strongest = strongest_passages(episode.layout, topic, _QUOTES)
    # A list, since consecutive block quotes would run together into one. The lists are one-line raw HTML
    # blocks (links to .md files, which every renderer resolves: turns_hook.py), like the turns: Markdown's
    # inline patterns scanning every quoted word made these pages the slowest of an archive's build.
    yield f'<div class="topic-quotes"><ul>{"".join(_quote(episode, said) for said in strongest)}</ul></div>'
    yield ""
    quoted = {said[0].turn for said in strongest}
    rest: dict[int, list[Mention]] = {}
    for mention in found:
        if mention.turn not in quoted:
            rest.setdefault(mention.turn, []).append(mention)
    if not rest:
        return
    yield (f'<details class="topic-more"><summary>{len(rest)} more turn{"s" if len(rest) > 1 else ""} where it comes up'
           f'</summary><ul>{"".join(_listed(episode, said) for said in rest.values())}</ul></details>')
    yield ""


def _chapters_line(episode: Episode, topic: Topic, found: Sequence[Mention]) -> Iterator[str]:
    """Where the topic is discussed and where only mentioned, with turn counts, then its words."""
    tags, by_chapter = episode.layout.chapter_tags, episode.layout.mentions_by_chapter[topic]
    groups: dict[str, list[str]] = {"Discussed in": [], "Mentioned in": []}
    for chapter in episode.chapters:
        turns = len({m.turn for m in by_chapter[chapter.number]})
        if turns:
            group = "Discussed in" if topic.name in tags[chapter.number] else "Mentioned in"
            groups[group].append(f"[{chapter.number}. {inline(chapter.entry.title)}]({chapter.slug}.md) "
                                 f"({turns} turn{'s' if turns > 1 else ''})")
    said = [f"{label} {', '.join(parts)}." for label, parts in groups.items() if parts]
    yield f"{' '.join(said)} {len(found)} mentions in all; its words: {shown_terms(topic)}."
    yield ""


def _quote(episode: Episode, said: Sequence[Mention]) -> str:
    """One strong passage as a list item: the words, then who said them, when, with a link to them."""
    first = said[0]
    turn = episode.source.turns[first.turn]
    piece = episode.layout.piece_at(first.turn, first.paragraph)
    return (f"<li>“{_snippet(turn.paragraphs[first.paragraph].text, said, _QUOTE_WORDS)}” "
            f'<span class="topic-quote-source">— <a href="{piece.chapter.slug}.md#{paragraph_anchor(turn, first.paragraph)}">'
            f"{html_text(turn.speaker)}, {when(piece)}, chapter {piece.chapter.number}</a></span></li>")


def _listed(episode: Episode, said: Sequence[Mention]) -> str:
    first = said[0]
    turn = episode.source.turns[first.turn]
    piece = episode.layout.piece_at(first.turn, first.paragraph)
    more = f" ({len(said)} times)" if len(said) > 1 else ""
    snippet = _snippet(turn.paragraphs[first.paragraph].text, [m for m in said if m.paragraph == first.paragraph])
    return (f'<li><a href="{piece.chapter.slug}.md#{paragraph_anchor(turn, first.paragraph)}">{html_text(turn.speaker)}, '
            f"{when(piece)}</a>, chapter {piece.chapter.number}{more}: “{snippet}”</li>")


def _snippet(text: str, said: Sequence[Mention], context: int = _CONTEXT_WORDS) -> str:
    """About `context` words either side of the first match, every match inside in bold."""
    first = said[0]
    start, end = _context(text, first.start, first.end, context)
    parts, cursor = [], start
    for mention in said:
        if mention.start < cursor or mention.end > end:
            continue
        parts.append(_plain(text[cursor:mention.start]))
        parts.append(f"<strong>{html_text(text[mention.start:mention.end])}</strong>")
        cursor = mention.end
    parts.append(_plain(text[cursor:end]))
    return ("…" if start > 0 else "") + "".join(parts).strip() + ("…" if end < len(text) else "")


def _context(text: str, match_start: int, match_end: int, context: int = _CONTEXT_WORDS) -> tuple[int, int]:
    """Where the snippet starts and ends: `context` words either side of the match (or the paragraph's edge).

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
        if (len(before) > context or low == 0) and (len(after) > context or high == len(text)):
            break
        width *= 4
    start = before[-context][0] if len(before) > context else 0
    end = after[context - 1][1] if len(after) > context else len(text)
    return start, end


def _plain(text: str) -> str:
    """Escaped text that keeps a single space at either end where the source had white space."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + html_text(text) + trail
