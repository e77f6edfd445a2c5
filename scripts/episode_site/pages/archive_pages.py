"""The pages a show's archive adds when there are several episodes: the home, people, and topics across episodes.

With one episode none of them exists (the home is that episode's overview). Person and
topic pages repeat the first words of turns, so they stay out of search, like the
episode's own speakers and topics pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from episode_site.model.archive import Person, episode_seconds, guests, newest_first, people
from episode_site.model.chapters import word_count
from episode_site.model.clock import format_clock
from episode_site.model.episode import Episode
from episode_site.pages.escape import inline
from episode_site.pages.turn_lists import turn_list
from episode_site.promises.anchors import slugify

_FIRST_WORDS = 10
_OUT_OF_SEARCH = ["search:", "  exclude: true"]


def archive_pages(episodes: Sequence[Episode], front_matter: Callable[..., Iterator[str]], *,
                  hosts: Sequence[str] = ()) -> dict[str, Iterator[str]]:
    """Path under `docs/` → lines, for an archive of two episodes or more (nothing for one)."""
    if len(episodes) < 2:
        return {}
    ordered = newest_first(episodes)
    everyone = people(ordered)
    with_page = {person.slug for person in everyone}
    pages = {"index.md": archive_home(ordered, front_matter, hosts=hosts, with_page=with_page)}
    if everyone:
        pages["people/index.md"] = people_index(everyone, front_matter)
        pages.update({f"people/{person.slug}.md": person_page(person, front_matter) for person in everyone})
    if any(episode.topics for episode in ordered):
        pages["topics/index.md"] = topics_index(ordered, front_matter)
    return pages


def _sources(episodes: Sequence[Episode]) -> list[str]:
    """The seed files, for the generated-file header; a long list is summed up, or the header would outweigh the page."""
    files = [path for episode in episodes for path in episode.seed_files]
    return files if len(episodes) <= 2 else [f"the seed files of the {len(episodes)} episodes it lists"]


def _length(episode: Episode) -> str:
    return f"≈ {format_clock(round(episode_seconds(episode) / 60) * 60)}"


def _date(episode: Episode) -> str:
    return f'<time datetime="{episode.date.isoformat()}">{episode.date.isoformat()}</time>' if episode.date else "undated"


def _name(name: str, with_page: set[str], base: str) -> str:
    slug = slugify(name, fallback="speaker")
    return f"[{inline(name)}]({base}people/{slug}.md)" if slug in with_page else inline(name)


def archive_home(episodes: Sequence[Episode], front_matter, *, hosts: Sequence[str], with_page: set[str]) -> Iterator[str]:
    """Every episode, newest first: title, guests, date, length and chapters."""
    yield from front_matter(sources=_sources(episodes), title="Episodes", extra=_OUT_OF_SEARCH,
                            description=f"{len(episodes)} podcast episodes as transcripts, by chapter, searchable.")
    yield "# Episodes { #episodes }"
    yield ""
    words = sum(e.layout.total_words for e in episodes)
    also = (["[people who speak in several episodes](people/index.md)"] if with_page else []) + \
           (["[topics across episodes](topics/index.md)"] if any(e.topics for e in episodes) else [])
    yield f"{len(episodes)} episodes, {words:,} words, newest first." + (f" Also: {' and '.join(also)}." if also else "")
    yield ""
    for episode in episodes:
        who = guests(episode, hosts)
        facts = [_date(episode), _length(episode), f"{episode.layout.total_words:,} words"]
        if who:
            facts.append(("with " if hosts else "speakers: ") + ", ".join(_name(n, with_page, "") for n in who))
        chapters = " · ".join(f"[{inline(c.entry.title)}]({episode.slug}/{c.slug}.md)" for c in episode.chapters)
        # One list item per episode: a heading each would put the whole archive into the page's table of contents.
        yield f"* **[{inline(episode.source.title)}]({episode.slug}/index.md)**<br>"
        yield f"  {' · '.join(facts)}<br>"
        yield f"  {len(episode.chapters)} chapter{'s' if len(episode.chapters) != 1 else ''}: {chapters}"
    yield ""


def people_index(everyone: Sequence[Person], front_matter) -> Iterator[str]:
    yield from front_matter(sources=_sources(list({a.episode.slug: a.episode for p in everyone for a in p.appearances}.values())), title="People",
                            description="Everyone who speaks in more than one episode.", extra=_OUT_OF_SEARCH)
    yield "# People { #people }"
    yield ""
    yield "Everyone who speaks in more than one episode, with their episodes and every turn."
    yield ""
    for person in everyone:
        turns = sum(len(a.turns) for a in person.appearances)
        yield f"* [{inline(person.name)}]({person.slug}.md): {len(person.appearances)} episodes, {turns:,} turns"
    yield ""


def person_page(person: Person, front_matter) -> Iterator[str]:
    """Every episode and every turn of one person, newest episode first; each turn links to where it is read."""
    episodes = [a.episode for a in person.appearances]
    yield from front_matter(sources=_sources(episodes), title=person.name, extra=_OUT_OF_SEARCH,
                            description=f"{person.name} in {len(episodes)} episodes: every turn, by episode.")
    yield f"# {inline(person.name)} {{ #person }}"
    yield ""
    turns = sum(len(a.turns) for a in person.appearances)
    words = sum(word_count(p.text) for a in person.appearances for t in a.turns for p in t.paragraphs)
    yield (f"{len(episodes)} episodes, {turns:,} turns, {words:,} words. Each turn below links to where it is read; "
           "times marked ≈ are estimates.")
    yield ""
    for appearance in person.appearances:
        episode = appearance.episode
        starts = episode.layout.turn_starts
        yield f"## [{inline(episode.source.title)}](../{episode.slug}/index.md) {{ #{episode.slug} }}"
        yield ""
        yield f"{_date(episode)} · {len(appearance.turns)} turns"
        yield ""
        yield turn_list(((starts[turn.number - 1], turn) for turn in appearance.turns), folder=f"../{episode.slug}/",
                        words=_FIRST_WORDS)
        yield ""


def topics_index(episodes: Sequence[Episode], front_matter) -> Iterator[str]:
    """Each topic name, with the chapters of every episode that discuss it, newest episode first."""
    found: dict[str, list[tuple[Episode, list]]] = {}
    for episode in episodes:
        tags = episode.layout.chapter_tags
        for topic in episode.topics:
            chapters = [c for c in episode.chapters if topic.name in tags[c.number]]
            if chapters:
                found.setdefault(topic.name, []).append((episode, chapters))
    yield from front_matter(sources=_sources(episodes), title="Topics", extra=_OUT_OF_SEARCH,
                            description="Topics across episodes: " + ", ".join(sorted(found, key=str.casefold)))
    yield "# Topics { #topics }"
    yield ""
    yield ("Each topic with the chapters that discuss it, in every episode, newest first. An episode's own topics page "
           "shows every turn where a topic comes up.")
    yield ""
    if not found:
        yield "No chapter discusses any topic at length yet."
        yield ""
    ids = {"topics"}  # the page's own heading
    for name in sorted(found, key=str.casefold):
        listed = found[name]
        base = anchor = slugify(name, fallback="topic")
        while anchor in ids:  # two names that slug alike (`RL` and `rl`) still get their own heading
            anchor = f"{base}-{len(ids)}"
        ids.add(anchor)
        yield f"## {inline(name)} {{ #{anchor} }}"
        yield ""
        yield f"{len(listed)} episode{'s' if len(listed) != 1 else ''}:"
        yield ""
        for episode, chapters in listed:
            links = ", ".join(f"[{inline(c.entry.title)}](../{episode.slug}/{c.slug}.md)" for c in chapters)
            every = f"[every mention](../{episode.slug}/topics.md#{episode.layout.topic_anchors[name]})"
            yield f"* [{inline(episode.source.title)}](../{episode.slug}/index.md): {links} ({every})"
        yield ""
