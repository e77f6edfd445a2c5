"""Finding speaker labels (`Name: words`) at the start of a line or glued to other text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# A name word starts with a letter; names may carry initials, hyphens and apostrophes.
_WORD = r"[^\W\d_][\w'’.\-]*"
_LABEL_AT_START = re.compile(rf"^\s*(?P<name>{_WORD}(?: {_WORD}){{0,3}}):\s+(?=\S)")
# Lowercase words that still belong inside a name (`Ludwig van Beethoven`).
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al", "el", "y"})
# A label must recur to count as a speaker when nobody listed the speakers.
_MIN_DETECTED_TURNS = 2


def looks_like_name(candidate: str) -> bool:
    """True for 1-4 words, each capitalised, where inner words may be particles."""
    words = candidate.split(" ")
    if not 1 <= len(words) <= 4 or not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word in _PARTICLES for word in words[1:])


def label_at_start(line: str) -> tuple[str, str] | None:
    """`("Ross Taylor", "Yeah.")` for `Ross Taylor: Yeah.`; None when the line has no label."""
    match = _LABEL_AT_START.match(line)
    if not match or not looks_like_name(match["name"]):
        return None
    return match["name"], line[match.end():].strip()


def detect_speakers(lines: Iterable[str]) -> tuple[str, ...]:
    """Names that label at least two turns, in order of first appearance.

    A label glued to other text (the first turn after a disclaimer) counts too,
    for a name that also labels a line of its own.
    """
    lines = list(lines)
    counts: Counter[str] = Counter()
    for line in lines:
        found = label_at_start(line)
        if found:
            counts[found[0]] += 1
    for name in [name for name, count in counts.items() if count < _MIN_DETECTED_TURNS]:
        glued = re.compile(rf"(?<=\S){re.escape(name)}:\s+(?=\S)")
        counts[name] += sum(len(glued.findall(line)) for line in lines)
    return tuple(name for name, count in counts.items() if count >= _MIN_DETECTED_TURNS)


def split_at_label(line: str, speakers: Iterable[str]) -> tuple[str, str, str] | None:
    """Split `before` `Name: ` `after` where a known speaker's label starts or is glued into the line.

    A glued label has no white space before it (`…soon!Nathan Lambert: Hey`): a
    transcript tool lost the line break. A name after a space is ordinary speech.
    Returns None when the line holds no such label.
    """
    names = sorted(speakers, key=len, reverse=True)
    if not names:
        return None
    pattern = re.compile(r"(?:^\s*|(?<=\S))(" + "|".join(map(re.escape, names)) + r"):\s+(?=\S)")
    match = pattern.search(line)
    if not match:
        return None
    return line[: match.start(1)].strip(), match[1], line[match.end():].strip()
