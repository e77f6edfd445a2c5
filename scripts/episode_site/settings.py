"""Reading `seeds/`: source pages, their optional YAML settings, and `seeds/site.yml`."""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .anchors import slugify
from .errors import InputError
from .model import Topic

EPISODE_KEYS = ("slug", "source", "speakers", "chapters", "topics")
# Archive keys (issue 13): `date:` orders the archive's home, newest first.
EPISODE_KEYS += ("date",)
SITE_KEYS = ("page_notices",)
SITE_KEYS += ("hosts",)  # the show's hosts: the archive's home lists the other speakers as guests
# Folders of the built site that an episode's folder must not land in.
RESERVED_SLUGS = frozenset({"assets", "search", "stylesheets", "javascripts", "images", "404"})
RESERVED_SLUGS |= {"people", "topics"}  # the archive's pages across episodes
_PLAIN_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXAMPLE = """\
slug: my-episode            # lowercase words joined by hyphens
source: https://example.com/p/my-episode
speakers: [Jane Doe, John Roe]
chapters:                   # outline timestamp: a short quote that opens the chapter
  "00:00": "Welcome to the show"
  "12:10": "let's talk about evals"
topics:                     # optional: a topic's name, then words that signal it
  Evals: [eval, evals, benchmark*]"""


@dataclass(frozen=True)
class Located:
    """A value from a YAML file with the line it was written on."""

    value: object
    """A str, None, a list of Located or a dict of str to Located."""
    line: int
    """1-based line in the YAML file."""


@dataclass(frozen=True)
class EpisodeSettings:
    """What a person decided about one episode; everything else is read from its page."""

    page_path: Path
    """The source page (`seeds/<name>.txt`)."""
    yaml_path: Path | None
    """Its settings file, when there is one."""
    slug: str
    """URL segment of the episode."""
    source_url: str | None = None
    """Where the page was published."""
    speakers: tuple[str, ...] = ()
    """Speaker names as the labels write them; empty means detect."""
    cues: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Outline timestamp to (quote that opens the chapter, YAML line)."""
    speaker_lines: dict[str, int] = field(default_factory=dict)
    """YAML line of each listed speaker, to point at one who never speaks."""
    slug_line: int | None = None
    """YAML line of `slug:`, when it is written."""
    topics: tuple[Topic, ...] = ()
    """The episode's topic vocabulary, in the YAML's order; empty means no tags."""
    date: datetime.date | None = None
    """When the episode was published (`date: 2025-07-31`), for the archive's order."""


def slug_from_name(name: str) -> str:
    """The default slug, from the page's file name (`Café Talk.txt` → `cafe-talk`)."""
    return slugify(name, fallback="episode")


def read_text(path: Path, shown: str) -> str:
    """The file's text; a clear message for a missing or unreadable file or bytes that are not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(shown, None, f"cannot read the file ({error.strerror or error})",
                         "Check that it exists, is a file and not a folder, and that you may read it.") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data[: error.start].count(b"\n") + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise InputError(
            shown, line, f"column {column} holds byte 0x{data[error.start]:02x}, which is not UTF-8 text",
            "Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8).",
        ) from None


# libyaml when PyYAML was built with it: ten times faster on a long topic vocabulary.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, shown: str, allowed: tuple[str, ...]) -> dict[str, Located]:
    """Top-level mapping of a YAML file, scalars kept as text, each value with its line."""
    text = read_text(path, shown)
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        try:  # the pure-Python parser says what is wrong in the words TROUBLESHOOTING.md lists
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            raise _yaml_error(error, text, shown) from None
    if node is None:
        return {}
    located = _locate(node, shown)
    if not isinstance(located.value, dict):
        raise InputError(shown, located.line, "expected `key: value` lines at the top level", f"A valid file looks like:\n{_EXAMPLE}")
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
    # PyYAML reports an unclosed quote far below it, in its own terms; the line that opened it is what to fix.
    unclosed = next((n for n, raw in enumerate(text.splitlines()[: line or None], start=1)
                     if not raw.lstrip().startswith("#") and raw.replace('\\"', "").count('"') % 2), None)
    if unclosed:
        line, what = unclosed, "a quote (\") opened on this line is not closed"
    hint = " YAML does not allow tab characters for indentation; use spaces." if "\\t" in problem else ""
    return InputError(shown, line, f"YAML does not parse: {what}",
                      f"Fix the syntax (quotes and brackets closed, `key: value` with spaces).{hint} A valid file looks like:\n{_EXAMPLE}")


def _locate(node: yaml.Node, shown: str) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Located] = {}
        key_lines: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value)
            if name in mapping:
                # PyYAML keeps the last of two equal keys silently: a second cue would replace the first.
                raise InputError(shown, key.start_mark.line + 1, f"`{name}` is written twice (first on line {key_lines[name]})",
                                 "Keep one of them; each key may appear once.")
            mapping[name], key_lines[name] = _locate(value, shown), key.start_mark.line + 1
        return Located(mapping, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_locate(item, shown) for item in node.value], line)
    # Scalars stay text: `12:10` must not become YAML 1.1's base-60 integer 730.
    return Located(None if node.tag.endswith(":null") else str(node.value), line)


def load_site_settings(seeds: Path, root: Path) -> tuple[str, ...]:
    """Notice patterns from `seeds/site.yml` (lines of the page around an episode)."""
    path = seeds / "site.yml"
    if not path.exists():
        return ()
    shown = shown_path(path, root)
    data = load_yaml(path, shown, SITE_KEYS)
    patterns = _strings(data.get("page_notices"), shown, "page_notices")
    for pattern, line in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise InputError(shown, line, f"`{pattern}` is not a valid regular expression ({error})", "Fix or quote the pattern.") from None
    return tuple(pattern for pattern, _ in patterns)


def site_hosts(seeds: Path, root: Path) -> tuple[str, ...]:
    """`hosts:` in `seeds/site.yml`: the show's hosts, as their labels write them."""
    path = seeds / "site.yml"
    if not path.exists():
        return ()
    shown = shown_path(path, root)
    return tuple(name for name, _ in _strings(load_yaml(path, shown, SITE_KEYS).get("hosts"), shown, "hosts"))


def discover_episodes(seeds: Path, root: Path) -> list[EpisodeSettings]:
    """Every `seeds/*.txt` page with its same-named `.yml`, if any."""
    for settings in sorted(seeds.glob("*.yml")):
        page = settings.with_suffix(".txt")
        if settings.name != "site.yml" and not (page.exists() or page.is_symlink()):  # a broken link is read, and said so, later
            raise InputError(shown_path(settings, root), None, f"there is no page `{page.name}` for these settings",
                             "An episode's settings sit beside its page text with the same name: rename one of the two to match.")
    episodes = [load_episode_settings(page, root) for page in sorted(seeds.glob("*.txt"))]
    seen: dict[str, EpisodeSettings] = {}
    for episode in episodes:
        if episode.slug in RESERVED_SLUGS:
            raise InputError(shown_path(episode.yaml_path or episode.page_path, root), episode.slug_line,
                             f"slug `{episode.slug}` is a folder the site itself uses",
                             f"Give the episode another `slug:` in its YAML file; taken: {', '.join(sorted(RESERVED_SLUGS))}.")
        if episode.slug in seen:
            other = shown_path(seen[episode.slug].yaml_path or seen[episode.slug].page_path, root)
            raise InputError(
                shown_path(episode.yaml_path or episode.page_path, root), episode.slug_line,
                f"slug `{episode.slug}` is already used by {other}",
                "Give each episode its own `slug:` in its YAML file (its address on the site).",
            )
        seen[episode.slug] = episode
    return episodes


def load_episode_settings(page: Path, root: Path) -> EpisodeSettings:
    yaml_path = page.with_suffix(".yml")
    if not yaml_path.exists():
        return EpisodeSettings(page, None, slug_from_name(page.stem))
    shown = shown_path(yaml_path, root)
    data = load_yaml(yaml_path, shown, EPISODE_KEYS)
    slug = _string(data.get("slug"), shown, "slug") or (slug_from_name(page.stem), 0)
    if not _PLAIN_SLUG.fullmatch(slug[0]):
        raise InputError(shown, slug[1], f"slug `{slug[0]}` is not a plain slug",
                         "The slug is the episode's folder and address on the site: use lowercase letters, digits "
                         "and single hyphens, like `my-episode-12` (no slashes, dots or spaces).")
    source = _string(data.get("source"), shown, "source")
    cues = {}
    chapters = data.get("chapters")
    if chapters is not None and not isinstance(chapters.value, dict):
        raise InputError(shown, chapters.line, "`chapters` must map outline timestamps to quotes", f"A valid file looks like:\n{_EXAMPLE}")
    for stamp, quote in (chapters.value.items() if chapters else ()):
        text = _string(quote, shown, f"chapters: {stamp}")
        if text:
            cues[stamp] = text
    speakers = dict(_strings(data.get("speakers"), shown, "speakers"))
    return EpisodeSettings(
        page_path=page,
        yaml_path=yaml_path,
        slug=slug[0],
        source_url=source[0] if source else None,
        speakers=tuple(speakers),
        cues=cues,
        speaker_lines=speakers,
        slug_line=slug[1] or None,
        topics=_topics(data.get("topics"), shown),
        date=_date(data.get("date"), shown),
    )


def _date(item: Located | None, shown: str) -> datetime.date | None:
    """`date: 2025-07-31`, the publication date (ISO 8601, year first)."""
    value = _string(item, shown, "date")
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[0]):
        try:
            return datetime.date.fromisoformat(value[0])
        except ValueError:  # 2025-02-30
            pass
    raise InputError(shown, value[1], f"`date: {value[0]}` is not a date",
                     "Write the publication date as year-month-day, like `date: 2025-07-31`.")


def _topics(item: Located | None, shown: str) -> tuple[Topic, ...]:
    """`topics:` maps a display name to a term or a list of terms."""
    if item is None or item.value is None:
        return ()
    if not isinstance(item.value, dict):
        raise InputError(shown, item.line, "`topics` must map topic names to lists of words", f"A valid file looks like:\n{_EXAMPLE}")
    topics = []
    for name, terms in item.value.items():
        if not name.strip() or "," in name:
            raise InputError(shown, terms.line, f"topic name `{name}` must be non-empty and without commas", "Name it like `RL algorithms`.")
        listed = [(terms.value, terms.line)] if isinstance(terms.value, str) else _strings(terms, shown, f"topics: {name}")
        if not listed:
            raise InputError(shown, terms.line, f"topic `{name}` has no words", "List the words that signal it, like `[GRPO, GSPO]`.")
        topics.append(Topic(name.strip(), tuple(term.strip() for term, _ in listed), terms.line))
    return tuple(topics)


def _string(item: Located | None, shown: str, key: str) -> tuple[str, int] | None:
    if item is None or item.value is None:
        return None
    if not isinstance(item.value, str):
        raise InputError(shown, item.line, f"`{key}` must be a single text value", f"A valid file looks like:\n{_EXAMPLE}")
    return item.value.strip(), item.line


def _strings(item: Located | None, shown: str, key: str) -> list[tuple[str, int]]:
    if item is None or item.value is None:
        return []
    if not isinstance(item.value, list):
        raise InputError(shown, item.line, f"`{key}` must be a list", f"A valid file looks like:\n{_EXAMPLE}")
    return [s for s in (_string(entry, shown, key) for entry in item.value) if s]


def shown_path(path: Path, root: Path) -> str:
    """A path as messages show it: relative to the project when it is inside it."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
