"""Collect: every episode under `seeds/`, read, parsed and placed, before anything is rendered."""

from __future__ import annotations

from pathlib import Path

from episode_site.errors import InputError
from episode_site.model.chapters import place_chapters
from episode_site.model.episode import Episode
from episode_site.model.topics import check_vocabulary
from episode_site.model.transcript_end import report_transcript_end
from episode_site.outputs.downloads import plain_transcript, transcript_section
from episode_site.readers.by_extension import read_source
from episode_site.readers.labels import check_listed_speak
from episode_site.readers.page import plain_newlines
from episode_site.sources.discovery import CHAPTERS_SUFFIX, discover_episodes
from episode_site.sources.episode_schema import EpisodeSettings
from episode_site.sources.seed_files import shown_path
from episode_site.sources.seed_text import read_text
from episode_site.sources.site_settings import load_site_settings


def load_episodes(seeds: Path, root: Path) -> list[Episode]:
    found, notices = find_episodes(seeds, root)
    return [load_episode(settings, root, notices) for settings in found]


def find_episodes(seeds: Path, root: Path) -> tuple[list[EpisodeSettings], tuple[str, ...]]:
    """Every episode's settings and the site's page notices: what `load_episode` reads each episode with."""
    if not seeds.is_dir():
        raise InputError(shown_path(seeds, root), None, "the seeds folder does not exist", "Create it and put an episode's page text in it as `<name>.txt`.")
    notices = load_site_settings(seeds, root)
    found = discover_episodes(seeds, root)
    if not found:
        raise InputError(shown_path(seeds, root), None,
                         "no episode pages (`*.txt`) were found", "Put an episode's page text in it as `<name>.txt` (or its transcript as .vtt, .srt, .json or .md).")
    return found, notices


def load_episode(settings: EpisodeSettings, root: Path, notice_patterns: tuple[str, ...] = ()) -> Episode:
    page_path = shown_path(settings.page_path, root)
    yaml_path = shown_path(settings.yaml_path, root) if settings.yaml_path else page_path
    text = plain_newlines(read_text(settings.page_path, page_path))
    page = read_source(settings.page_path, text, page_path, root=root, speakers=settings.speakers, notice_patterns=notice_patterns,
                       facts=settings.facts, yaml_path=yaml_path)
    check_listed_speak(settings.speaker_lines, page.speakers, yaml_path)
    check_vocabulary(settings.topics, yaml_path)
    chapters, timeline = place_chapters(page, settings.cues, yaml_path=yaml_path)
    report_transcript_end(page, chapters, settings.transcript_ends, yaml_path)
    return Episode(
        slug=settings.slug,
        source=page,
        source_url=settings.source_url,
        chapters=chapters,
        seconds_at_word=tuple(timeline.knots),
        seed_files=tuple(p for p in (page_path, shown_path(settings.yaml_path, root) if settings.yaml_path else None,
                                     _chapters_file(settings, root)) if p),
        topics=settings.topics,
        transcript_text=transcript_section(text, page) if settings.page_path.suffix == ".txt" else plain_transcript(page),
        audio_url=settings.facts.audio_url,
        date=settings.date,
    )


def _chapters_file(settings: EpisodeSettings, root: Path) -> str | None:
    """The Podcasting 2.0 chapters file that gave a transcript its outline, if any."""
    path = settings.page_path.with_name(settings.page_path.stem + CHAPTERS_SUFFIX)
    return shown_path(path, root) if settings.page_path.suffix != ".txt" and path.exists() else None
