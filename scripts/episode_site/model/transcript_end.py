"""Chapters that the published transcript does not reach: said once per episode, as info when the YAML records it.

A source page may stop before its outline does (the seed's transcript ends
mid-sentence in chapter 3 of 5). That is a fact about the source, not a fault:
`transcript_ends: "<its last words>"` in the episode's YAML records that a person
has seen it, the build checks that the transcript still ends with those words
(a warning if not), and the log says it once, as info. Without it the log warns,
once, and says how to record it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from episode_site.model.chapters import fold
from episode_site.model.episode import Chapter, SourcePage

log = logging.getLogger("episode_site")
_SHOWN_WORDS = 8


def last_words(page: SourcePage, count: int = _SHOWN_WORDS) -> str:
    """The transcript's last words, as a reader would copy them."""
    if not page.turns:
        return ""
    return " ".join(page.turns[-1].paragraphs[-1].text.split()[-count:])


def report_transcript_end(page: SourcePage, chapters: Sequence[Chapter], recorded: tuple[str, int] | None, yaml_path: str) -> None:
    """Log the chapters past the transcript's end once; check a recorded end against the transcript.

    A record that no longer matches changes no page (it only decides how the log speaks), so it is a
    warning, not an error: the transcript may simply have been completed.
    """
    if recorded is not None:
        words, line = recorded
        ending = fold(page.turns[-1].paragraphs[-1].text) if page.turns else ""
        if not fold(words) or not ending.endswith(fold(words)):
            log.warning("%s:%d: `transcript_ends` says the transcript ends with “%s”, but it ends with “%s”. Copy the "
                        "transcript's last words exactly, or remove `transcript_ends:` if the transcript now goes on.",
                        yaml_path, line, words[:80], last_words(page))
            recorded = None
    missing = [c for c in chapters if c.start is None]
    if not missing:
        return
    named = [f"{c.number} ({c.entry.stamp} “{c.entry.title}”)" for c in missing]
    listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    several = len(missing) > 1
    if recorded is not None:
        log.info("%s: the published transcript ends before chapter%s %s, as %s line %d records; "
                 "%s the outline's notes only.", page.path, "s" if several else "", listed, yaml_path, recorded[1],
                 "their pages show" if several else "its page shows")
        return
    log.warning("%s: the transcript ends before chapter%s %s, which get%s no transcript text. If the published "
                "transcript does stop there, record it in %s as `transcript_ends: \"%s\"`; if not, pin each "
                "chapter's start with a quote under `chapters:`.", page.path, "s" if several else "", listed,
                "" if several else "s", yaml_path, last_words(page, 4))
