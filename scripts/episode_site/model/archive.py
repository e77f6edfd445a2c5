"""A show's archive, across episodes: their order, their length, the people who speak in several, the nav's groups.

Nothing here renders: `archive_pages` turns these into pages, `site_config` into the navigation.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from episode_site.model.episode import Episode, Turn
from episode_site.promises.anchors import slugify

# A nav group holds at most this many entries before it is split (years into months): a page carries
# the open group only, so its size stays flat however long the archive grows.
NAV_GROUP_SIZE = 12


def newest_first(episodes: Sequence[Episode]) -> list[Episode]:
    """Dated episodes newest first, then undated ones in file order (sorted() is stable)."""
    return sorted(episodes, key=lambda e: (e.date is None, -(e.date.toordinal() if e.date else 0)))


def episode_seconds(episode: Episode) -> float:
    """About how long the episode's transcript runs, from its timeline."""
    return episode.layout.timeline.seconds_at(episode.layout.total_words)


def guests(episode: Episode, hosts: Sequence[str]) -> tuple[str, ...]:
    """The episode's speakers who are not the show's hosts (all of them when no host is named)."""
    hosts_slugs = {slugify(name, fallback="speaker") for name in hosts}
    return tuple(name for name in episode.source.speakers if slugify(name, fallback="speaker") not in hosts_slugs)


@dataclass(frozen=True)
class Appearance:
    """One episode of a person, with their turns in it."""

    episode: Episode
    """The episode."""
    turns: tuple[Turn, ...]
    """Their turns in it, in order."""


@dataclass(frozen=True)
class Person:
    """Someone who speaks in more than one episode."""

    slug: str
    """The slug of their name, as in every turn anchor (`ross-taylor-12`): their page is `people/<slug>.md`."""
    name: str
    """Their name as the newest episode's labels write it."""
    appearances: tuple[Appearance, ...]
    """Their episodes, newest first."""


def people(episodes: Sequence[Episode]) -> list[Person]:
    """Everyone who speaks in two episodes or more, by name; a name is the same person wherever it slugs alike."""
    found: dict[str, list[Appearance]] = {}
    for episode in newest_first(episodes):
        by_speaker: dict[str, list[Turn]] = {}
        for turn in episode.source.turns:
            by_speaker.setdefault(turn.speaker, []).append(turn)
        for name, turns in by_speaker.items():
            found.setdefault(slugify(name, fallback="speaker"), []).append(Appearance(episode, tuple(turns)))
    return sorted((Person(slug, seen[0].turns[0].speaker, tuple(seen)) for slug, seen in found.items() if len(seen) > 1),
                  key=lambda person: person.name.casefold())


@dataclass(frozen=True)
class NavGroup:
    """A labelled group of the archive's nav: episode slugs, or smaller groups."""

    title: str
    """`2025`, `July 2025`, `Undated`."""
    items: tuple[str | NavGroup, ...]
    """Episode slugs (newest first) or nested groups."""


def nav_groups(dated: Sequence[tuple[str, datetime.date | None]], *, size: int = NAV_GROUP_SIZE) -> list[str | NavGroup]:
    """The archive's nav from (slug, date) pairs given newest first.

    Up to `size` episodes: the plain list. More: one group per year (and `Undated`), a year of more
    than `size` episodes split into months, so that the open path never lists the whole archive.
    """
    if len(dated) <= size:
        return [slug for slug, _ in dated]
    years: dict[str, list[tuple[str, datetime.date | None]]] = {}
    for slug, date in dated:
        years.setdefault(str(date.year) if date else "Undated", []).append((slug, date))
    groups: list[str | NavGroup] = []
    for year, members in years.items():
        if len(members) <= size:
            groups.append(NavGroup(year, tuple(slug for slug, _ in members)))
            continue
        if year == "Undated":  # in file order, `size` at a time
            groups.extend(NavGroup(f"Undated {n + 1}–{min(n + size, len(members))}", tuple(slug for slug, _ in members[n:n + size]))
                          for n in range(0, len(members), size))
            continue
        months: dict[str, list[str]] = {}
        for slug, date in members:
            months.setdefault(date.strftime("%B %Y"), []).append(slug)
        groups.append(NavGroup(year, tuple(NavGroup(month, tuple(slugs)) for month, slugs in months.items())))
    if len(groups) == 1 and all(isinstance(item, NavGroup) for item in groups[0].items):
        return list(groups[0].items)  # a single year: its months, each named with the year, are the top level
    return groups
