"""Reading `seeds/`: source pages, their optional YAML settings, and `seeds/site.yml`."""

from __future__ import annotations

import datetime
import difflib
import html
import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .anchors import slugify
from .errors import InputError, describe, printable
from .model import Line, OutlineEntry, Topic
from .seed_files import check_regular_file, check_seed_name, check_seeds_folder, shown_path
from .timestamps import parse_stamp
from .yaml_bounds import Located, bounded_tree, too_deep

EPISODE_KEYS = ("slug", "source", "speakers", "chapters", "topics", "transcript_ends")
# Archive keys (issue 13): `date:` orders the archive's home, newest first.
EPISODE_KEYS += ("date",)
SITE_KEYS = ("page_notices",)
SITE_KEYS += ("hosts",)  # the show's hosts: the archive's home lists the other speakers as guests
# Folders of the built site that an episode's folder must not land in.
RESERVED_SLUGS = frozenset({"assets", "search", "pagefind", "stylesheets", "javascripts", "images", "404"})  # pagefind: the search index
RESERVED_SLUGS |= {"people", "topics"}  # the archive's pages across episodes
_PLAIN_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A slug is a folder name and part of every address: long ones break file systems and links.
MAX_SLUG = 80
# Topic names are printed as tags by the theme, unescaped in some renderers: only characters that are never markup.
_TOPIC_PUNCTUATION = frozenset(" .'’&+/()#-")
MAX_TOPIC_NAME = 60
# Characters an address cannot hold unencoded (RFC 3986); they are also the ones that break out of HTML.
_NOT_IN_URL = set('<>"`{}|\\^ ')
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
    facts: EpisodeFacts = field(default_factory=lambda: EpisodeFacts())
    """What a transcript file without a page around it (VTT, SRT, JSON, Markdown) cannot say itself."""
    transcript_ends: tuple[str, int] | None = None
    """The transcript's last words with their YAML line, when a person recorded that it stops before the outline does."""
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
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data[: error.start].count(b"\n") + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise InputError(
            shown, line, f"column {column} holds byte 0x{data[error.start]:02x}, which is not UTF-8 text",
            "Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8).",
        ) from None
    if control := _CONTROL.search(text):
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        raise InputError(shown, line, f"column {column} holds the control character {describe(control[0])}, which is not text",
                         "Remove it (it is invisible in most editors: search for it, or retype the line); a copy from a PDF or a terminal often brings one.")
    return text


# C0 and C1 control characters other than tab and line breaks: never words, and Markdown uses \x02 and \x03 itself.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


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


def load_site_settings(seeds: Path, root: Path) -> tuple[str, ...]:
    """Notice patterns from `seeds/site.yml` (lines of the page around an episode)."""
    path = seeds / "site.yml"
    if not path.exists():
        return ()
    shown = shown_path(path, root)
    data = load_yaml(path, shown, SITE_KEYS)
    patterns = _strings(data.get("page_notices"), shown, "page_notices")
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
    return tuple(name for name, _ in _strings(load_yaml(path, shown, SITE_KEYS).get("hosts"), shown, "hosts"))


def discover_episodes(seeds: Path, root: Path) -> list[EpisodeSettings]:
    """Every transcript under `seeds/` (`*.txt`, `*.vtt`, …) with its same-named `.yml`, if any."""
    check_seeds_folder(seeds, root)
    for path in sorted(seeds.iterdir()):
        if path.suffix in (*TRANSCRIPT_SUFFIXES, ".yml", ".anchors"):
            check_seed_name(path, root)
            check_regular_file(path, root)
    pages = transcript_files(seeds, root)
    for settings in sorted(seeds.glob("*.yml")):
        page = settings.with_suffix(".txt")
        if settings.name != "site.yml" and settings.stem not in pages:  # a broken link is read, and said so, later
            raise InputError(shown_path(settings, root), None, f"there is no page `{page.name}` for these settings",
                             "An episode's settings sit beside its page text with the same name: rename one of the two to match.")
    episodes = [load_episode_settings(page, root) for page in sorted(pages.values())]
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
    data = load_yaml(yaml_path, shown_path(yaml_path, root), EPISODE_KEYS + FACT_KEYS) if yaml_path.exists() else {}
    shown = shown_path(yaml_path if yaml_path.exists() else page, root)
    slug = _string(data.get("slug"), shown, "slug") or (_slug_of_file(page, root), 0)
    if not _PLAIN_SLUG.fullmatch(slug[0]):
        raise InputError(shown, slug[1], f"slug `{printable(slug[0])}` is not a plain slug",
                         "The slug is the episode's folder and address on the site: use lowercase letters, digits "
                         "and single hyphens, like `my-episode-12` (no slashes, dots or spaces).")
    if len(slug[0]) > MAX_SLUG:
        raise InputError(shown, slug[1], f"slug `{slug[0][:40]}…` is {len(slug[0])} characters long",
                         f"Keep it to {MAX_SLUG} characters at most: it is a folder name and part of every address on the site.")
    if not yaml_path.exists():
        return EpisodeSettings(page, None, slug[0])
    source = _source(data.get("source"), shown)
    cues = {}
    chapters = data.get("chapters")
    if chapters is not None and not isinstance(chapters.value, dict):
        raise InputError(shown, chapters.line, "`chapters` must map outline timestamps to quotes", f"A valid file looks like:\n{_EXAMPLE}")
    for stamp, quote in (chapters.value.items() if chapters else ()):
        text = _string(quote, shown, f"chapters: {stamp}")
        if text:
            cues[stamp] = text
    speakers = dict(_strings(data.get("speakers"), shown, "speakers", empty="a speaker's name"))
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
        facts=episode_facts(data, shown),
        transcript_ends=_string(data.get("transcript_ends"), shown, "transcript_ends"),
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
            raise InputError(shown, terms.line, f"topic name `{printable(name)}` must be non-empty and without commas", "Name it like `RL algorithms`.")
        if len(name.strip()) > MAX_TOPIC_NAME or not _safe_topic_name(name.strip()):
            raise InputError(shown, terms.line, f"topic name `{printable(name)}` holds characters a tag cannot show safely, or is over {MAX_TOPIC_NAME} long",
                             "A topic name is shown as a tag: use letters, digits, spaces and . ' & + / ( ) # - only, like `RL algorithms` or `C++`.")
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


def _strings(item: Located | None, shown: str, key: str, *, empty: str | None = None) -> list[tuple[str, int]]:
    """The list's text values; with `empty` (what an entry is), an empty entry is an error instead of skipped."""
    if item is None or item.value is None:
        return []
    if not isinstance(item.value, list):
        raise InputError(shown, item.line, f"`{key}` must be a list", f"A valid file looks like:\n{_EXAMPLE}")
    found = [(entry, _string(entry, shown, key)) for entry in item.value]
    if empty:
        for entry, text in found:
            if not (text and text[0]):
                raise InputError(shown, entry.line, f"`{key}` lists an empty entry", f"Write {empty} on each line of the list, or remove the empty line.")
    return [text for _, text in found if text and text[0]]


def _safe_topic_name(name: str) -> bool:
    """Letters (with their accents), digits and a little punctuation, starting with a letter or digit."""
    # `&lt` or `&copy` would show as `<` or `©` where the theme prints the name raw: the name must read as itself.
    return (name[0].isalnum() and all(c.isalnum() or c in _TOPIC_PUNCTUATION or unicodedata.category(c)[0] == "M" for c in name)
            and html.unescape(name) == name)


def _slug_of_file(page: Path, root: Path) -> str:
    """The default slug, from the file name; a name without letters or digits gives none."""
    slug = slugify(page.stem, fallback="")
    if not slug:
        raise InputError(shown_path(page, root), None, "the file name has no letters or digits to make the episode's address from",
                         f"Rename the file, or give the episode a `slug:` (like `slug: my-episode`) in {page.stem}.yml beside it.")
    return slug


def _source(item: Located | None, shown: str) -> tuple[str, int] | None:
    """`source:` is where the page was published: an http or https address, nothing that could run in a page."""
    return _address(item, shown, "source", "Give the address of the episode's published page, like `source: https://example.com/p/my-episode`.")


def _address(item: Located | None, shown: str, key: str, example: str) -> tuple[str, int] | None:
    found = _string(item, shown, key)
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


# ---- Episode facts (issue 13): what a bare transcript file (VTT, SRT, JSON, Markdown) cannot say ----
# A page (`.txt`) carries its own title, notes and outline; these keys give them to the other formats.

FACT_KEYS = ("title", "notes", "outline", "audio")
TRANSCRIPT_SUFFIXES = (".txt", ".vtt", ".srt", ".json", ".md")
CHAPTERS_SUFFIX = ".chapters.json"  # Podcasting 2.0 chapters beside a transcript: its outline, not a transcript


@dataclass(frozen=True)
class EpisodeFacts:
    """Episode facts from the YAML; each empty when not written."""

    title: tuple[str, int] | None = None
    """`title:` and its line."""
    notes: tuple[Line, ...] = ()
    """`notes:` (the show notes), one Line per line of text."""
    outline: tuple[OutlineEntry, ...] = ()
    """`outline:` maps `"timestamp": "chapter title"`, in increasing time order."""
    audio_url: str | None = None
    """`audio:`, an http or https address of the episode's audio file."""


def transcript_files(seeds: Path, root: Path) -> dict[str, Path]:
    """Name (stem) → its transcript file; two transcripts of one name are a mistake."""
    found: dict[str, Path] = {}
    for path in sorted(seeds.iterdir()):
        if path.name.endswith(CHAPTERS_SUFFIX) or path.suffix not in TRANSCRIPT_SUFFIXES:
            continue
        if path.stem in found:
            raise InputError(shown_path(path, root), None, f"`{found[path.stem].name}` is a transcript of the same name",
                             "Keep one transcript per episode: rename or remove one of the two files.")
        found[path.stem] = path
    for path in sorted(seeds.glob(f"*{CHAPTERS_SUFFIX}")):
        if path.name.removesuffix(CHAPTERS_SUFFIX) not in found or found[path.name.removesuffix(CHAPTERS_SUFFIX)].suffix == ".txt":
            raise InputError(shown_path(path, root), None, "no transcript in another format than a page has this name",
                             "A chapters file gives the outline of the .vtt, .srt, .json or .md transcript of the same name "
                             "(a page has its own outline): rename it to match, or remove it.")
    return found


def episode_facts(data: dict[str, Located], shown: str) -> EpisodeFacts:
    title = _string(data.get("title"), shown, "title")
    notes = _string(data.get("notes"), shown, "notes")
    return EpisodeFacts(
        title=title if title and title[0] else None,
        notes=tuple(Line(text, notes[1]) for text in notes[0].splitlines() if text.strip()) if notes else (),
        outline=_outline(data.get("outline"), shown),
        audio_url=_audio(data.get("audio"), shown),
    )


def _outline(item: Located | None, shown: str) -> tuple[OutlineEntry, ...]:
    if item is None or item.value is None:
        return ()
    if not isinstance(item.value, dict):
        raise InputError(shown, item.line, "`outline` must map timestamps to chapter titles",
                         'Write one chapter a line, like `"12:10": "Evals and benchmarks"`.')
    entries: list[OutlineEntry] = []
    for stamp, title in item.value.items():
        text = _string(title, shown, f"outline: {stamp}")
        if not text or not text[0]:
            raise InputError(shown, title.line, f"the chapter at {stamp} has no title", 'Write it like `"12:10": "Evals and benchmarks"`.')
        seconds = parse_stamp(stamp, path=shown, line=title.line)
        if entries and seconds <= entries[-1].seconds:
            raise InputError(shown, title.line, f"outline timestamp {stamp} does not come after {entries[-1].stamp}",
                             "Outline entries must be in increasing time order; fix the timestamp or the order.")
        entries.append(OutlineEntry(stamp, seconds, text[0], (), title.line))
    return tuple(entries)


def _audio(item: Located | None, shown: str) -> str | None:
    """`audio:`, checked as `source:` is: an http or https address, nothing that could run in a page."""
    found = _address(item, shown, "audio", "Give the address of the episode's audio file, like `audio: https://example.com/episode.mp3`.")
    return found[0] if found else None
