"""A YAML settings file read with PyYAML's own marks: each value a `Located` text with its line.

Scalars stay text (no YAML 1.1 guessing), size and depth are bounded by
`yaml_bounds`, and a syntax error is told at PyYAML's line, in its words.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from pathlib import Path

import yaml

from episode_site.errors import InputError, describe
from episode_site.sources.seed_text import read_text
from episode_site.sources.yaml_bounds import Located, bounded_tree, too_deep

# Every message about a settings file's shape ends with this (TROUBLESHOOTING.md shows it once).
VALID_EXAMPLE = """\
slug: my-episode            # lowercase words joined by hyphens
source: https://example.com/p/my-episode
speakers: [Jane Doe, John Roe]
chapters:                   # outline timestamp: a short quote that opens the chapter
  "00:00": "Welcome to the show"
  "12:10": "let's talk about evals"
topics:                     # optional: a topic's name, then words that signal it
  Evals: [eval, evals, benchmark*]"""

# libyaml when PyYAML was built with it: ten times faster on a long topic vocabulary.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, shown: str, allowed: tuple[str, ...]) -> dict[str, Located]:
    """Top-level mapping of a YAML file, scalars kept as text, each value with its line."""
    text = read_text(path, shown)
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError as fast_error:
        try:  # the pure-Python parser says what is wrong in the words TROUBLESHOOTING.md lists
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            raise _yaml_error(error, text, shown) from None
        except RecursionError:  # libyaml stopped at its nesting limit; the Python parser recurses past Python's
            mark = getattr(fast_error, "problem_mark", None)
            raise too_deep(shown, mark.line + 1 if mark else None) from None
    if node is None:
        return {}
    located = bounded_tree(node, shown, _scalar(shown))
    if not isinstance(located.value, dict):
        raise InputError(shown, located.line, "expected `key: value` lines at the top level", f"A valid file looks like:\n{VALID_EXAMPLE}")
    for key, value in located.value.items():
        if key not in allowed:
            near = difflib.get_close_matches(key, allowed, n=1)
            hint = f"Did you mean `{near[0]}`?" if near else f"Known keys: {', '.join(allowed)}."
            raise InputError(shown, value.line, f"unknown key `{key}`", hint)
    return located.value


def _yaml_error(error: yaml.YAMLError, text: str, shown: str) -> InputError:
    problem = getattr(error, "problem", None) or "it is not valid YAML"
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else None
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    what = f"{problem} ({context} that starts on line {context_mark.line + 1})" if context and context_mark and context_mark.line + 1 != line else problem
    if unclosed := _unclosed_quote(error, text):
        line, what = unclosed[0], f"a quote ({unclosed[1]}) opened on this line is not closed"
    hint = " YAML does not allow tab characters for indentation; use spaces." if "\\t" in problem else ""
    return InputError(shown, line, f"YAML does not parse: {what}",
                      f"Fix the syntax (quotes and brackets closed, `key: value` with spaces).{hint} A valid file looks like:\n{VALID_EXAMPLE}")


def _unclosed_quote(error: yaml.YAMLError, text: str) -> tuple[int, str] | None:
    """The line and character of a quote that PyYAML's own marks show was never closed; None when they do not.

    PyYAML tells an unclosed quote far below it, in its own terms: at the end of the
    file, or where the next quote, taken for its end, is followed by what cannot follow.
    """
    context_mark, problem_mark = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
    if getattr(error, "context", None) == "while scanning a quoted scalar" and context_mark:  # it ran to the file's end
        return context_mark.line + 1, text[context_mark.index] if text[context_mark.index] in "'\"" else '"'
    line_start = problem_mark.index - problem_mark.column if problem_mark else 0
    if problem_mark is None or text[line_start : problem_mark.index + 1].lstrip()[:1] not in ("'", '"'):
        return None  # the problem's line does not start with a quote: no need to scan the file again
    # Otherwise only a quoted value that runs over lines and "closes" at the start of the problem's line:
    # its closing quote opens the next value. Quotes inside other values or comments are PyYAML's to read, not ours.
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line >= problem_mark.line:
                break
            end = token.end_mark  # just after the closing quote
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') and end.line == problem_mark.line
                    and not text[end.index - end.column : end.index - 1].strip()):
                return token.start_mark.line + 1, token.style
    except yaml.YAMLError:  # the scanner's own error lies at or after the problem's line
        pass
    return None


def _scalar(shown: str) -> Callable[[yaml.ScalarNode], str | None]:
    def value(node: yaml.ScalarNode) -> str | None:
        # Scalars stay text: `12:10` must not become YAML 1.1's base-60 integer 730.
        if node.tag.endswith(":null"):
            return None
        text = str(node.value)
        bad = next((c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n"), None)
        if bad is not None:  # only a quoted escape ("\0") can write one; pages would carry it raw
            raise InputError(shown, node.start_mark.line + 1, f"a value holds the control character {describe(bad)}",
                             "Remove the escape sequence that writes it (like `\\0` or `\\x01`) from the quoted text.")
        return text
    return value
