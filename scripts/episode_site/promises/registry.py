"""The anchor registry: a promise that links readers made keep working.

`seeds/<name>.anchors` lists every anchor the episode has ever had, each with
the words its passage opens with. `episode-site generate` adds new anchors to
it (commit the file) and stops, before writing anything, when an edit to the
transcript would make a listed anchor disappear or point at other words.
An anchor is given up on purpose by rewriting its line as `old -> new`: the
anchor map then sends links for `old` to `new`.

The file also records the episode's address (`slug: my-episode`): a changed
`slug:` stops the build too, until the line is rewritten as `slug: old -> new`
(see slug_moves.py, which then writes redirect pages at the old address).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from episode_site.errors import InputError
from episode_site.model.chapters import STRAIGHT_QUOTES
from episode_site.model.episode import Episode
from episode_site.outputs.write import atomic_write
from episode_site.promises.anchor_map import episode_anchors
from episode_site.sources.seed_files import shown_path
from episode_site.sources.seed_text import read_text

SUFFIX = ".anchors"
_WORDS = 6
_RETIRED = re.compile(r"^(\S+)\s*->\s*(\S+)$")
_SLUG_LINE = "slug:"
_HEADER = """\
# Anchors of the episode `{slug}` that readers may have linked to. Never delete a line.
# `episode-site generate` appends new anchors with the words their passage opens with; commit this file.
# The build stops if a listed anchor would disappear or open with other words.
# To give an anchor up on purpose, rewrite its line as `old-anchor -> new-anchor`:
# links to the old anchor then go to the new one.
# `slug:` is the episode's address; to move it on purpose, rewrite its line as `slug: old -> new`.
"""


@dataclass(frozen=True)
class Registry:
    """What the registry file says."""

    path: Path
    """The file (it may not exist yet)."""
    shown: str
    """Its path for messages."""
    live: dict[str, tuple[str, int]]
    """Anchor → (opening words as recorded, line)."""
    retired: dict[str, tuple[str, int]]
    """Retired anchor → (anchor that replaces it, line)."""
    slug: tuple[str, int] | None = None
    """The episode's address as last recorded, with its line (None in a registry older than the record)."""
    retired_slugs: dict[str, tuple[str, int]] | None = None
    """Retired address → (address that replaces it, line)."""


def registry_path(root: Path, episode: Episode) -> Path:
    return (root / episode.seed_files[0]).with_suffix(SUFFIX)


def opening(text: str) -> str:
    return " ".join(text.split()[:_WORDS])


def _same(a: str, b: str) -> bool:
    fold = lambda s: re.sub(r"[^\w']+", " ", s.translate(STRAIGHT_QUOTES).lower()).strip()  # noqa: E731
    return fold(a) == fold(b)


def read_registry(root: Path, episode: Episode) -> Registry:
    path = registry_path(root, episode)
    shown = shown_path(path, root)
    live: dict[str, tuple[str, int]] = {}
    retired: dict[str, tuple[str, int]] = {}
    slug: tuple[str, int] | None = None
    retired_slugs: dict[str, tuple[str, int]] = {}
    lines = read_text(path, shown).splitlines() if path.exists() else []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(_SLUG_LINE):
            value = line[len(_SLUG_LINE):].strip()
            if match := _RETIRED.match(value):
                retired_slugs[match[1]] = (match[2], number)
            else:
                slug = (value, number)
        elif match := _RETIRED.match(line):
            retired[match[1]] = (match[2], number)
        else:
            anchor, _, words = line.partition(" ")
            live[anchor] = (words.strip(), number)
    return Registry(path, shown, live, retired, slug, retired_slugs)


def check(registry: Registry, episode: Episode) -> dict[str, str]:
    """Raise InputError if the episode breaks the promise; return the retired anchors (old → new)."""
    now = {anchor: opening(text) for anchor, _, text in episode_anchors(episode)}
    problems: list[tuple[int, str]] = []
    for anchor, (words, line) in registry.live.items():
        if anchor not in now:
            moved = next(iter(sorted((a for a, w in now.items() if _same(w, words)), key=lambda a: _shape(a) != _shape(anchor))), None)
            hint = f"; its words are now at `{moved}`, so `{anchor} -> {moved}` would keep its links" if moved else ""
            problems.append((line, f"`{anchor}` (“{words}…”) would disappear{hint}"))
        elif not _same(now[anchor], words):
            problems.append((line, f"`{anchor}` would open with “{now[anchor]}…” instead of “{words}…”"))
    for old, (new, line) in registry.retired.items():
        if old in now:
            problems.append((line, f"retired anchor `{old}` is on the site again (“{now[old]}…”)"))
        elif follow_renames(old, registry.retired) not in now:
            problems.append((line, f"retired anchor `{old}` leads to `{new}`, which is not on the site"))
    if problems:
        line = min(line for line, _ in problems)
        listed = "; ".join(text for _, text in sorted(problems)[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise InputError(
            registry.shown, line,
            f"{len(problems)} anchor(s) that readers may have linked to would break: {listed}",
            "Undo the transcript edit that moved them (inserting or removing a turn renumbers every later one), "
            "or keep the promise by hand: rewrite a vanished anchor's line as `old -> new`; "
            "if a passage was only reworded, put its new opening words on its line.",
        )
    return {old: follow_renames(old, registry.retired) for old in registry.retired}


def _shape(anchor: str) -> int:
    """1 for a turn anchor, 2 for a paragraph anchor: a vanished anchor is best replaced by one of its kind."""
    return len(re.findall(r"-\d+", anchor)) + anchor.endswith("-continued")


def follow_renames(name: str, retired: Mapping[str, tuple[str, int]]) -> str:
    """Where a retired anchor or slug leads now, through every later rename; a loop stops where it closes."""
    seen = set()
    while name in retired and name not in seen:
        seen.add(name)
        name = retired[name][0]
    return name


def record(registry: Registry, episode: Episode) -> bool:
    """Write the registry with every current anchor; keep retired lines. True if the file changed."""
    lines = [_HEADER.format(slug=episode.slug), f"{_SLUG_LINE} {episode.slug}\n"]
    lines.extend(f"{_SLUG_LINE} {old} -> {new}\n" for old, (new, _) in (registry.retired_slugs or {}).items())
    known = dict(registry.live)
    for anchor, _, text in episode_anchors(episode):
        words = known.pop(anchor, (opening(text), 0))[0] or opening(text)
        lines.append(f"{anchor} {words}\n")
    if registry.retired:
        lines.append("\n# Retired: old -> new\n")
        lines.extend(f"{old} -> {new}\n" for old, (new, _) in registry.retired.items())
    text = "".join(lines)
    current = registry.path.read_text(encoding="utf-8") if registry.path.exists() else None
    if text == current:
        return False
    atomic_write(registry.path, text)  # committed and precious: never half written
    return True
