"""Which files in `seeds/` make which episodes: one transcript per name, its `.yml` beside it, one slug each."""

from __future__ import annotations

from pathlib import Path

from episode_site.errors import InputError
from episode_site.sources.episode_schema import EpisodeSettings, load_episode_settings
from episode_site.sources.seed_files import check_regular_file, check_seed_name, check_seeds_folder, shown_path

TRANSCRIPT_SUFFIXES = (".txt", ".vtt", ".srt", ".json", ".md")
CHAPTERS_SUFFIX = ".chapters.json"  # Podcasting 2.0 chapters beside a transcript: its outline, not a transcript
# Folders of the built site that an episode's folder must not land in.
RESERVED_SLUGS = frozenset({"assets", "search", "pagefind", "stylesheets", "javascripts", "images", "404"})  # pagefind: the search index
RESERVED_SLUGS |= {"people", "topics"}  # the archive's pages across episodes


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
