"""Finding speaker labels (`Name: words`) at the start of a line or glued to other text, and labels that look mistyped."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from .errors import InputError
from .model import Line

# A name word starts with a letter; names may carry initials, hyphens and apostrophes.
_WORD = r"[^\W\d_][\w'’.\-]*"
# The words may follow on the same line or start on the next (`Jane Doe:` alone on its line).
_AFTER_COLON = r":(?:\s+(?=\S)|\s*$)"
_LABEL_AT_START = re.compile(rf"^\s*(?P<name>{_WORD}(?: {_WORD}){{0,3}}){_AFTER_COLON}")
# A label glued to the text before it follows a character that is not a space, and not an opening
# bracket or quote mark: `(Dan: yes)` and `"Ann: hi"` are speech that quotes someone.
_GLUED = r"(?<=[^\s(\[{\"'“‘«])"
# Lowercase words that still belong inside a name (`Ludwig van Beethoven`).
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al", "el", "y"})
# A label must recur to count as a speaker when nobody listed the speakers.
_MIN_DETECTED_TURNS = 2
# How alike (difflib ratio, case folded) a label must be to a speaker's name to be taken for a typo of it.
_NEAR_MISS = 0.8
# Any `Words:` at a line's start, capitalised or not, to catch `nathan lambert:` too.
_LABEL_LIKE = _LABEL_AT_START


def looks_like_name(candidate: str) -> bool:
    """True for 1-4 words, each capitalised, where inner words may be particles."""
    words = candidate.split(" ")
    if not 1 <= len(words) <= 4 or not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word in _PARTICLES for word in words[1:])


def label_at_start(line: str) -> tuple[str, str] | None:
    """`("Ross Taylor", "Yeah.")` for `Ross Taylor: Yeah.` (`""` after a label alone); None without a label."""
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
        glued = re.compile(rf"{_GLUED}{re.escape(name)}{_AFTER_COLON}")
        counts[name] += sum(len(glued.findall(line)) for line in lines)
    return tuple(name for name, count in counts.items() if count >= _MIN_DETECTED_TURNS)


def split_at_label(line: str, speakers: Iterable[str]) -> tuple[str, str, str] | None:
    """Split `before` `Name: ` `after` where a known speaker's label starts or is glued into the line.

    A glued label has no white space before it (`…soon!Nathan Lambert: Hey`): a
    transcript tool lost the line break. A name after a space, an opening bracket
    or a quote mark is ordinary speech.
    Returns None when the line holds no such label.
    """
    names = sorted(speakers, key=len, reverse=True)
    if not names:
        return None
    pattern = re.compile(rf"(?:^\s*|{_GLUED})(" + "|".join(map(re.escape, names)) + rf"){_AFTER_COLON}")
    match = pattern.search(line)
    if not match:
        return None
    return line[: match.start(1)].strip(), match[1], line[match.end():].strip()


def near_miss(label: str, speakers: Sequence[str]) -> str | None:
    """The speaker a label almost names (`Nathan Lamberd`, `nathan lambert` → `Nathan Lambert`), or None."""
    if label in speakers or label.endswith(("'s", "’s")):  # a possessive (`Jane Doe's point:`) is speech
        return None
    words = label.lower().split()
    for name in speakers:
        if len(name.split()) == len(words) and difflib.SequenceMatcher(None, label.lower(), name.lower()).ratio() >= _NEAR_MISS:
            return name
    # A first or last name alone (`Jane:`) may well be speech that addresses someone: it is not
    # stopped here, and the log names its line (parse._warn_single_labels).
    return None


def check_labels(lines: Sequence[Line], speakers: Sequence[str], path: str, *, listed: bool) -> None:
    """Stop at a label that looks like a typo of a speaker's: its turn would silently join the previous one.

    With `listed` speakers (from the YAML) any other near label is suspect. With
    detected speakers, of two near names the one with fewer turns is the typo.
    """
    labels = [(line, m["name"]) for line in lines if (m := _LABEL_LIKE.match(line.text))]
    counts = Counter(name for _, name in labels)
    checked: dict[str, str | None] = {}
    for line, label in labels:
        if label not in checked:
            others = [n for n in speakers if n != label]
            near = None if listed and label in speakers else near_miss(label, others)
            checked[label] = near if near is None or label not in speakers or counts[label] < counts[near] else None
        near = checked[label]
        if near is None:
            continue
        where = "under `speakers:` in the episode's YAML file" if listed else "under `speakers:` in an episode YAML file (then only listed names count)"
        raise InputError(path, line.number, f"`{label}:` is not a speaker's label, but looks like `{near}:`",
                         f"Correct the label to `{near}:`; if {label} is someone else, list every speaker {where}.")


def check_listed_speak(listed: dict[str, int], spoken: Sequence[str], yaml_path: str) -> None:
    """Stop at a speaker listed in the YAML (name → line) who has no turn: a misspelt name, here or in the transcript."""
    for name, line in listed.items():
        if name not in spoken:
            raise InputError(yaml_path, line, f"speaker `{name}` never speaks: no turn of the transcript is labelled `{name}:`",
                             "Spell the name exactly as the transcript's labels do, or remove it from `speakers:`.")
