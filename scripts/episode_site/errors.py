"""The one error type for bad input: where it is, what is wrong, what to do."""

from __future__ import annotations

import unicodedata

# A message is read in a terminal: however much input it quotes, it stays a few lines long.
MAX_PROBLEM = 600
MAX_FIX = 1200


class InputError(Exception):
    """A problem in a seed file that the person running the build must fix."""

    def __init__(self, path: str, line: int | None, problem: str, fix: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(self.message())

    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {_cap(self.problem, MAX_PROBLEM)}. {_cap(self.fix, MAX_FIX)}"


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Line breaks, controls, invisible formatting (bidi overrides, zero-width joiners) and lone surrogates.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def printable(text: str, limit: int = 80) -> str:
    """Input quoted in a message: control and invisible characters shown as `\\u…`, long text cut."""
    shown = "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _UNPRINTABLE else c for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def describe(char: str) -> str:
    """`U+0000 (NULL)`: a character named so that it can be found in an editor."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})"
