"""`seeds/site.yml`: settings for the whole site rather than one episode."""

from __future__ import annotations

import re
from pathlib import Path

from episode_site.errors import InputError, printable
from episode_site.sources.seed_files import shown_path
from episode_site.sources.yaml_marks import load_yaml
from episode_site.sources.yaml_values import text_values

SITE_KEYS = ("page_notices",)
SITE_KEYS += ("hosts",)  # the show's hosts: the archive's home lists the other speakers as guests


def load_site_settings(seeds: Path, root: Path) -> tuple[str, ...]:
    """Notice patterns from `seeds/site.yml` (lines of the page around an episode)."""
    path = seeds / "site.yml"
    if not path.exists():
        return ()
    shown = shown_path(path, root)
    data = load_yaml(path, shown, SITE_KEYS)
    patterns = text_values(data.get("page_notices"), shown, "page_notices")
    for pattern, line in patterns:
        if "\\" in pattern:  # a regular expression of the old syntax (`\\.`): read literally, it would silently stop matching
            raise InputError(shown, line, f"`{printable(pattern)}` holds a backslash, but page notices are plain text, not regular expressions",
                             "Write the words as they appear in the line (`publication.`, not `publication\\.`); start with `^` to match only at the line's start.")
    # Plain text (a leading `^`: at the line's start), so that no pattern can make matching slow.
    return tuple(f"^{re.escape(p[1:])}" if p.startswith("^") else re.escape(p) for p, _ in patterns)


def site_hosts(seeds: Path, root: Path) -> tuple[str, ...]:
    """`hosts:` in `seeds/site.yml`: the show's hosts, as their labels write them."""
    path = seeds / "site.yml"
    if not path.exists():
        return ()
    shown = shown_path(path, root)
    return tuple(name for name, _ in text_values(load_yaml(path, shown, SITE_KEYS).get("hosts"), shown, "hosts"))
