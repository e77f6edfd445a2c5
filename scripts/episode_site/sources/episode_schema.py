"""What an episode's YAML file may hold (`seeds/<name>.yml`), each key checked, as one `EpisodeSettings`."""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from episode_site.errors import InputError, printable
from episode_site.model.episode import Topic
from episode_site.promises.anchors import slugify
from episode_site.sources.episode_facts import FACT_KEYS, EpisodeFacts, episode_facts
from episode_site.sources.seed_files import shown_path
from episode_site.sources.yaml_bounds import Located
from episode_site.sources.yaml_marks import VALID_EXAMPLE, load_yaml
from episode_site.sources.yaml_values import text_value, text_values, web_address

EPISODE_KEYS = ("slug", "source", "speakers", "chapters", "topics", "transcript_ends")
# Archive keys (issue 13): `date:` orders the archive's home, newest first.
EPISODE_KEYS += ("date",)
_PLAIN_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A slug is a folder name and part of every address: long ones break file systems and links.
MAX_SLUG = 80
# Topic names are printed as tags by the theme, unescaped in some renderers: only characters that are never markup.
_TOPIC_PUNCTUATION = frozenset(" .'’&+/()#-")
MAX_TOPIC_NAME = 60


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
    facts: EpisodeFacts = field(default_factory=EpisodeFacts)
    """What a transcript file without a page around it (VTT, SRT, JSON, Markdown) cannot say itself."""
    transcript_ends: tuple[str, int] | None = None
    """The transcript's last words with their YAML line, when a person recorded that it stops before the outline does."""
    date: datetime.date | None = None
    """When the episode was published (`date: 2025-07-31`), for the archive's order."""


def load_episode_settings(page: Path, root: Path) -> EpisodeSettings:
    """The settings of the episode whose transcript is `page`, from the same-named `.yml` when there is one."""
    yaml_path = page.with_suffix(".yml")
    data = load_yaml(yaml_path, shown_path(yaml_path, root), EPISODE_KEYS + FACT_KEYS) if yaml_path.exists() else {}
    shown = shown_path(yaml_path if yaml_path.exists() else page, root)
    slug = _slug(data.get("slug"), shown, page, root)
    if not yaml_path.exists():
        return EpisodeSettings(page, None, slug[0])
    source = _source(data.get("source"), shown)
    cues = _cues(data.get("chapters"), shown)  # checked in the file's usual order: the first mistake is the one told
    speakers = dict(text_values(data.get("speakers"), shown, "speakers", empty="a speaker's name"))
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
        transcript_ends=text_value(data.get("transcript_ends"), shown, "transcript_ends"),
        date=_date(data.get("date"), shown),
    )


def _slug(item: Located | None, shown: str, page: Path, root: Path) -> tuple[str, int]:
    """`slug:` with its line, or the file name's (line 0); either must be a plain, short folder name."""
    slug = text_value(item, shown, "slug") or (_slug_of_file(page, root), 0)
    if not _PLAIN_SLUG.fullmatch(slug[0]):
        raise InputError(shown, slug[1], f"slug `{printable(slug[0])}` is not a plain slug",
                         "The slug is the episode's folder and address on the site: use lowercase letters, digits "
                         "and single hyphens, like `my-episode-12` (no slashes, dots or spaces).")
    if len(slug[0]) > MAX_SLUG:
        raise InputError(shown, slug[1], f"slug `{slug[0][:40]}…` is {len(slug[0])} characters long",
                         f"Keep it to {MAX_SLUG} characters at most: it is a folder name and part of every address on the site.")
    return slug


def _slug_of_file(page: Path, root: Path) -> str:
    """The default slug, from the file name; a name without letters or digits gives none."""
    slug = slugify(page.stem, fallback="")
    if not slug:
        raise InputError(shown_path(page, root), None, "the file name has no letters or digits to make the episode's address from",
                         f"Rename the file, or give the episode a `slug:` (like `slug: my-episode`) in {page.stem}.yml beside it.")
    return slug


def _source(item: Located | None, shown: str) -> tuple[str, int] | None:
    """`source:` is where the page was published: an http or https address, nothing that could run in a page."""
    return web_address(item, shown, "source", "Give the address of the episode's published page, like `source: https://example.com/p/my-episode`.")


def _cues(chapters: Located | None, shown: str) -> dict[str, tuple[str, int]]:
    """`chapters:` maps an outline timestamp to a quote that opens the chapter; empty quotes are skipped."""
    if chapters is not None and not isinstance(chapters.value, dict):
        raise InputError(shown, chapters.line, "`chapters` must map outline timestamps to quotes", f"A valid file looks like:\n{VALID_EXAMPLE}")
    cues = {}
    for stamp, quote in (chapters.value.items() if chapters else ()):
        text = text_value(quote, shown, f"chapters: {stamp}")
        if text:
            cues[stamp] = text
    return cues


def _date(item: Located | None, shown: str) -> datetime.date | None:
    """`date: 2025-07-31`, the publication date (ISO 8601, year first)."""
    value = text_value(item, shown, "date")
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
        raise InputError(shown, item.line, "`topics` must map topic names to lists of words", f"A valid file looks like:\n{VALID_EXAMPLE}")
    topics = []
    for name, terms in item.value.items():
        if not name.strip() or "," in name:
            raise InputError(shown, terms.line, f"topic name `{printable(name)}` must be non-empty and without commas", "Name it like `RL algorithms`.")
        if len(name.strip()) > MAX_TOPIC_NAME or not _safe_topic_name(name.strip()):
            raise InputError(shown, terms.line, f"topic name `{printable(name)}` holds characters a tag cannot show safely, or is over {MAX_TOPIC_NAME} long",
                             "A topic name is shown as a tag: use letters, digits, spaces and . ' & + / ( ) # - only, like `RL algorithms` or `C++`.")
        listed = [(terms.value, terms.line)] if isinstance(terms.value, str) else text_values(terms, shown, f"topics: {name}")
        if not listed:
            raise InputError(shown, terms.line, f"topic `{name}` has no words", "List the words that signal it, like `[GRPO, GSPO]`.")
        topics.append(Topic(name.strip(), tuple(term.strip() for term, _ in listed), terms.line))
    return tuple(topics)


def _safe_topic_name(name: str) -> bool:
    """Letters (with their accents), digits and a little punctuation, starting with a letter or digit."""
    # `&lt` or `&copy` would show as `<` or `©` where the theme prints the name raw: the name must read as itself.
    return (name[0].isalnum() and all(c.isalnum() or c in _TOPIC_PUNCTUATION or unicodedata.category(c)[0] == "M" for c in name)
            and html.unescape(name) == name)
