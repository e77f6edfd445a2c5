"""Finding speaker labels (`Name: words`) at the start of a line or glued to other text, and labels that look mistyped."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from episode_site.errors import InputError, printable
from episode_site.model.episode import Line

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


# Characters that change nothing a reader sees but would make a label unequal to its name.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_OPENING = frozenset("([{\"'“‘«")
_COLON = re.compile(_AFTER_COLON)
# Above this many speakers, a typo is looked for only among names one letter away (an index); below, among all.
_FULL_SCAN = 200


def label_form(text: str) -> str:
    """A name as labels are compared: NFC (`José` typed as `e` + accent is `José`), without zero-width characters."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def _normalized(line: str) -> tuple[str, list[int] | None]:
    """`label_form` of a line, and for each of its characters the offset in `line` where it came from (None: the same).

    The line's own words are never changed: only matching runs on this form, and
    what comes before and after a label is cut from the original line.
    """
    if line.isascii() or (unicodedata.is_normalized("NFC", line) and not line.translate(_INVISIBLE) != line):
        return line, None
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    while start < len(line):  # each base character with the combining marks after it is normalised on its own
        end = start + 1
        while end < len(line) and unicodedata.combining(line[end]):
            end += 1
        piece = label_form(line[start:end])
        out.append(piece)
        offsets.extend([start] * len(piece))
        start = end
    offsets.append(len(line))
    return "".join(out), offsets


class LabelFinder:
    """Finds a known speaker's label in a line, in time linear in the line, however many speakers there are.

    Equivalent to one regular expression `(^\\s*|glued)(name1|name2|…):` with the
    names longest first, which Python would try one by one at every position:
    here each `: ` of the line is looked at once, with the text before it
    looked up in a set, for each length a name has.
    """

    def __init__(self, speakers: Iterable[str]) -> None:
        self.names: dict[str, str] = {}
        for name in speakers:
            self.names.setdefault(label_form(name), name)
        self.lengths = sorted({len(key) for key in self.names}, reverse=True)

    def find(self, line: str) -> tuple[str, str, str] | None:
        """(text before, speaker, text after) for the leftmost label (the longest name at that place), or None."""
        if not self.names or ":" not in line:
            return None
        text, offsets = _normalized(line)
        indent = len(text) - len(text.lstrip())
        best: tuple[int, int, int] | None = None  # (start, -length, end of the label)
        for colon in _COLON.finditer(text):
            for length in self.lengths:
                start = colon.start() - length
                if start < indent or (best and start > best[0]):
                    continue
                if text[start:colon.start()] in self.names and (start == indent or _glued(text, start)):
                    best = min(best or (start, -length, colon.end()), (start, -length, colon.end()))
                    break
        if best is None:
            return None
        start, length, end = best
        at = (lambda i: i) if offsets is None else offsets.__getitem__
        return line[: at(start)].strip(), self.names[text[start:start - length]], line[at(end):].strip()


def _glued(text: str, start: int) -> bool:
    """A label glued to the text before it follows a character that is not a space, nor an opening bracket or quote."""
    before = text[start - 1]
    return not before.isspace() and before not in _OPENING


@functools.lru_cache(maxsize=8)
def _finder(speakers: tuple[str, ...]) -> LabelFinder:
    return LabelFinder(speakers)


def looks_like_name(candidate: str) -> bool:
    """True for 1-4 words, each capitalised, where inner words may be particles."""
    words = candidate.split(" ")
    if not 1 <= len(words) <= 4 or not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word in _PARTICLES for word in words[1:])


def label_at_start(line: str) -> tuple[str, str] | None:
    """`("Ross Taylor", "Yeah.")` for `Ross Taylor: Yeah.` (`""` after a label alone); None without a label."""
    text, offsets = _normalized(line)
    match = _LABEL_AT_START.match(text)
    if not match or not looks_like_name(match["name"]):
        return None
    return match["name"], line[match.end() if offsets is None else offsets[match.end()]:].strip()


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
    rare = LabelFinder(name for name, count in counts.items() if count < _MIN_DETECTED_TURNS)
    for line in lines:
        pending = line
        while found := rare.find(pending):
            if found[0]:  # glued to text before it, not the line's own label
                counts[found[1]] += 1
            pending = found[2]
    return tuple(name for name, count in counts.items() if count >= _MIN_DETECTED_TURNS)


def split_at_label(line: str, speakers: Iterable[str]) -> tuple[str, str, str] | None:
    """Split `before` `Name: ` `after` where a known speaker's label starts or is glued into the line.

    A glued label has no white space before it (`…soon!Nathan Lambert: Hey`): a
    transcript tool lost the line break. A name after a space, an opening bracket
    or a quote mark is ordinary speech.
    Returns None when the line holds no such label.
    """
    return _finder(tuple(speakers)).find(line)


def near_miss(label: str, speakers: Sequence[str]) -> str | None:
    """The speaker a label almost names (`Nathan Lamberd`, `nathan lambert` → `Nathan Lambert`), or None."""
    return _NearMisses(tuple(speakers)).of(label)


class _NearMisses:
    """Typos of speakers' names. With many speakers, only names within one edit (after case folding) are
    compared, through an index of each name with one letter deleted: comparing every label with every
    name would be quadratic (10,000 speakers: 10⁸ comparisons)."""

    def __init__(self, speakers: tuple[str, ...]) -> None:
        self.speakers = speakers
        self.known = set(speakers)
        self.index: dict[str, list[str]] | None = None
        if len(speakers) > _FULL_SCAN:
            self.index = defaultdict(list)
            for name in speakers:
                for key in _deletions(name.lower()):
                    self.index[key].append(name)

    def of(self, label: str, exclude: str | None = None, more_turns: Callable[[str], bool] | None = None) -> str | None:
        """The first name near `label` (other than `exclude`; with `more_turns`, only names it accepts)."""
        if (exclude is None and label in self.known) or label.endswith(("'s", "’s")):  # a possessive (`Jane Doe's point:`) is speech
            return None
        if self.index is None:
            candidates: Iterable[str] = self.speakers
        else:
            candidates = (name for key in _deletions(label.lower()) for name in self.index.get(key, ()))  # lazily: the first near name ends it
        words = label.lower().split()
        for name in candidates:
            if name == exclude or (more_turns is not None and not more_turns(name)):
                continue
            if len(name.split()) == len(words) and difflib.SequenceMatcher(None, label.lower(), name.lower()).ratio() >= _NEAR_MISS:
                return name
        # A first or last name alone (`Jane:`) may well be speech that addresses someone: it is not
        # stopped here, and the log names its line (parse._warn_single_labels).
        return None


def _deletions(text: str) -> set[str]:
    return {text, *(text[:i] + text[i + 1:] for i in range(len(text)))}


def label_like(line: str) -> str | None:
    """Any `Words:` at a line's start, capitalised or not (`nathan lambert:`), as labels are compared."""
    match = _LABEL_LIKE.match(_normalized(line)[0])
    return match["name"] if match else None


def check_labels(lines: Sequence[Line], speakers: Sequence[str], path: str, *, listed: bool) -> None:
    """Stop at a label that looks like a typo of a speaker's: its turn would silently join the previous one.

    With `listed` speakers (from the YAML) any other near label is suspect. With
    detected speakers, of two near names the one with fewer turns is the typo.
    """
    speakers = [label_form(name) for name in speakers]  # labels are compared in this form (NFC, no zero-width characters)
    labels = [(line, name) for line in lines if (name := label_like(line.text))]
    counts = Counter(name for _, name in labels)
    known = set(speakers)
    misses = _NearMisses(tuple(speakers))
    checked: dict[str, str | None] = {}
    for line, label in labels:
        if label not in checked:
            if label in known:  # a speaker's own label is a typo only of a name with more turns
                near = None if listed else misses.of(label, exclude=label, more_turns=lambda name, label=label: counts[label] < counts[name])
            else:
                near = misses.of(label)
            checked[label] = near
        near = checked[label]
        if near is None:
            continue
        where = "under `speakers:` in the episode's YAML file" if listed else "under `speakers:` in an episode YAML file (then only listed names count)"
        raise InputError(path, line.number, f"`{printable(label)}:` is not a speaker's label, but looks like `{near}:`",
                         f"Correct the label to `{near}:`; if {printable(label)} is someone else, list every speaker {where}.")


def check_listed_speak(listed: dict[str, int], spoken: Sequence[str], yaml_path: str) -> None:
    """Stop at a speaker listed in the YAML (name → line) who has no turn: a misspelt name, here or in the transcript."""
    said = {label_form(name) for name in spoken}
    for name, line in listed.items():
        if label_form(name) not in said:
            raise InputError(yaml_path, line, f"speaker `{name}` never speaks: no turn of the transcript is labelled `{name}:`",
                             "Spell the name exactly as the transcript's labels do, or remove it from `speakers:`.")
