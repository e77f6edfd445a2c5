"""Checks on the shape of one settings value: a single text, a list of texts, a web address."""

from __future__ import annotations

import unicodedata
import urllib.parse

from episode_site.errors import InputError, describe, printable
from episode_site.sources.yaml_bounds import Located
from episode_site.sources.yaml_marks import VALID_EXAMPLE

# Characters an address cannot hold unencoded (RFC 3986); they are also the ones that break out of HTML.
_NOT_IN_URL = set('<>"`{}|\\^ ')


def text_value(item: Located | None, shown: str, key: str) -> tuple[str, int] | None:
    """The value as stripped text with its line; None when the key is absent or empty."""
    if item is None or item.value is None:
        return None
    if not isinstance(item.value, str):
        raise InputError(shown, item.line, f"`{key}` must be a single text value", f"A valid file looks like:\n{VALID_EXAMPLE}")
    return item.value.strip(), item.line


def text_values(item: Located | None, shown: str, key: str, *, empty: str | None = None) -> list[tuple[str, int]]:
    """The list's text values; with `empty` (what an entry is), an empty entry is an error instead of skipped."""
    if item is None or item.value is None:
        return []
    if not isinstance(item.value, list):
        raise InputError(shown, item.line, f"`{key}` must be a list", f"A valid file looks like:\n{VALID_EXAMPLE}")
    found = [(entry, text_value(entry, shown, key)) for entry in item.value]
    if empty:
        for entry, text in found:
            if not (text and text[0]):
                raise InputError(shown, entry.line, f"`{key}` lists an empty entry", f"Write {empty} on each line of the list, or remove the empty line.")
    return [text for _, text in found if text and text[0]]


def web_address(item: Located | None, shown: str, key: str, example: str) -> tuple[str, int] | None:
    """An http or https address with its line, nothing that could run in a page; `example` says what to write instead."""
    found = text_value(item, shown, key)
    if not found or not found[0]:
        return None
    url, line = found
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(shown, line, f"`{key}` is `{printable(url)}`, which is not an http:// or https:// address", example)
    bad = next((c for c in url if c in _NOT_IN_URL or unicodedata.category(c)[0] in "CZ"), None)
    if bad is not None:
        raise InputError(shown, line, f"`{key}` holds {describe(bad) if bad != ' ' else 'a space'}, which an address cannot hold",
                         "Copy the address from the browser's address bar (it writes a space as %20 and a quote as %22).")
    return url, line
