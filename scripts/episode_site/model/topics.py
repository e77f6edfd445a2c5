"""Topics: where each term of an episode's vocabulary is said, and which chapters discuss it.

Term syntax (the `topics:` lists in an episode's YAML):

* a word or phrase matches whole words only: `RL` is not in `world`, `eval` is not in `evals`;
* written in lowercase, it matches any case (`evals` finds `Evals`); with a capital
  letter, exactly that case (`RL`, `IMO` and `MIT` do not find `rl`, `imo`, `mit`);
* `*` at the end matches any word ending: `benchmark*` finds `benchmarks`;
* a space or hyphen matches any run of spaces and hyphens (`post training` finds
  `post-training`); an apostrophe matches a straight or curly one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from episode_site.errors import InputError
from episode_site.model.episode import Position, SourcePage, Topic

# The tagging threshold. A chapter discusses a topic when the topic's words come up
# at least MIN_MENTIONS times within WINDOW_WORDS words of transcript (about three
# minutes of talk), in at least MIN_TURNS different turns. Measured on the seed: a
# count over the whole chapter tagged asides scattered through it (a guest's
# background, a passing "reasoning paper"), while one speaker repeating a word in a
# single long turn is a monologue aside, not a discussion.
MIN_MENTIONS = 3
MIN_TURNS = 2
WINDOW_WORDS = 500

_EDGE = r"[^\W_]"  # a letter or digit: a match may not touch one


@dataclass(frozen=True)
class Mention:
    """One place where a topic's term is said."""

    topic: str
    """The topic's display name."""
    turn: int
    """0-based index into `SourcePage.turns`."""
    paragraph: int
    """0-based index into that turn's paragraphs."""
    start: int
    """Character offsets of the matched words in the paragraph's text."""
    end: int
    word: int
    """Words spoken in the episode before the match: where it falls in the conversation."""


@cache
def compile_term(term: str) -> re.Pattern[str]:
    """The regular expression for one vocabulary term (syntax in the module docstring)."""
    return re.compile(rf"(?<!{_EDGE}){_term_body(term)}(?!{_EDGE})")


def _term_body(term: str) -> str:
    """A term's pattern without the word edges, case-insensitive when the term is all lowercase."""
    text = term.strip()
    prefix = text.endswith("*")
    text = text.rstrip("*").strip()
    if not re.search(r"[^\W_]", text):
        raise ValueError(f"`{term}` has no letters or digits")
    parts = []
    for piece in re.split(r"([\s\-]+|['’‘])", text):
        if not piece:
            continue
        if re.fullmatch(r"[\s\-]+", piece):
            parts.append(r"[\s\-]+")
        elif piece in "'’‘":
            parts.append("['’‘]")
        else:
            parts.append(re.escape(piece))
    tail = r"\w*" if prefix else ""
    body = "".join(parts) + tail
    return body if any(c.isupper() for c in text) else f"(?i:{body})"


@cache
def compile_terms(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One expression for all of a topic's terms, longest first so that the longer term wins a tie."""
    bodies = [_term_body(term) for term in sorted(terms, key=len, reverse=True)]
    return re.compile(rf"(?<!{_EDGE})(?:{'|'.join(bodies)})(?!{_EDGE})")


def check_vocabulary(topics: Sequence[Topic], path: str) -> None:
    """Every term compiles; a bad one is reported at its topic's YAML line."""
    for topic in topics:
        for term in topic.terms:
            try:
                _term_body(term)
            except ValueError as error:
                raise InputError(path, topic.line, f"topic `{topic.name}`: {error}",
                                 "Write a word or phrase, optionally ending in `*`, like `benchmark*`.") from None


def find_in_text(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans where any of the terms is said, in text order."""
    return [match.span() for match in compile_terms(tuple(terms)).finditer(text)]


def find_mentions(page: SourcePage, positions: Sequence[tuple[Position, int]], topic: Topic) -> tuple[Mention, ...]:
    """Every place in the transcript where the topic comes up, in transcript order (held by `episode.layout.mentions`).

    `positions`: every paragraph with the words before it (`chapters.paragraph_positions`).
    """
    found = []
    clues = _clues(tuple(topic.terms))
    for position, before in positions:
        text = page.turns[position.turn].paragraphs[position.paragraph].text
        lowered = text.lower()
        if not any(clue in lowered for clue in clues):  # most paragraphs hold none of a topic's words
            continue
        spans = find_in_text(text, topic.terms)
        if not spans:
            continue
        # Words before each match, counted from the previous match on: counting the whole text before
        # every match again was quadratic in a paragraph's length (a 100 KB turn took 8 s).
        words, cursor = 0, 0
        for start, end in spans:
            words += _words_between(text, cursor, start)
            cursor = start
            found.append(Mention(topic.name, position.turn, position.paragraph, start, end, before + words))
    return tuple(found)


def _words_between(text: str, cursor: int, start: int) -> int:
    """word_count(text[:start]) - word_count(text[:cursor]): a word cut at `cursor` was counted already."""
    segment = text[cursor:start]
    count = len(segment.split())
    if count and cursor > 0 and not text[cursor - 1].isspace() and not segment[0].isspace():
        count -= 1
    return count


@cache
def _clues(terms: tuple[str, ...]) -> tuple[str, ...]:
    """For each term, a piece of plain text that every match of it contains (lowercase): a cheap first test."""
    return tuple(next((piece for piece in re.split(r"[\s\-'’‘*]+", term.strip().lower()) if piece), term.lower())
                 for term in terms)


def is_discussed(found_in_chapter: Sequence[Mention]) -> bool:
    """The threshold: some stretch of WINDOW_WORDS holds enough mentions from enough turns."""
    ordered = sorted(found_in_chapter, key=lambda m: m.word)
    turns: Counter[int] = Counter()  # turns of the mentions in the window ordered[start:end]
    end = 0
    for start, first in enumerate(ordered):  # a window opens at each mention; its far end only moves forward
        while end < len(ordered) and ordered[end].word - first.word <= WINDOW_WORDS:
            turns[ordered[end].turn] += 1
            end += 1
        if end - start >= MIN_MENTIONS and len(turns) >= MIN_TURNS:
            return True
        turns[first.turn] -= 1
        if not turns[first.turn]:
            del turns[first.turn]
    return False


THRESHOLD_SENTENCE = (f"A chapter is tagged with a topic when the topic's words come up at least {MIN_MENTIONS} times "
                      f"within {WINDOW_WORDS} words of each other (about three minutes of talk), from at least {MIN_TURNS} "
                      "different turns: a passing mention does not tag it.")
