"""Blocks of an episode's home page added for finding one's way: the picture, the times, the downloads."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from episode_site.model.episode import Episode
from episode_site.outputs.downloads import file_names
from episode_site.pages.shape_svg import legend, shape_svg


def shape_block(episode: Episode, link_base: str) -> Iterator[str]:
    """The SVG of the whole conversation, inside a figure with its key.

    Raw HTML, one block without blank lines, so Markdown leaves it as it is; its text
    is HTML-escaped instead of Markdown-escaped for the same reason.
    """
    missing = [c for c in episode.chapters if c.start is None]
    numbers = [str(c.number) for c in missing]
    listed = " and ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1 else numbers)
    note = (f" Chapter{'s' if len(numbers) > 1 else ''} {listed} of the outline {'are' if len(numbers) > 1 else 'is'} "
            "not in the published transcript." if missing else "")
    # Its bars' titles quote the turns: out of search, so that a quoted phrase lands on the turn itself.
    yield '<figure class="episode-shape" data-search-exclude>'
    # On a phone the picture scrolls sideways: the scrolling box must be reachable by keyboard.
    yield '<p class="scroll-hint">The picture is wider than the screen: scroll it sideways to see the whole conversation.</p>'
    yield (f'<div class="shape-scroll" tabindex="0" role="region" aria-label="The conversation over time">'
           f'{shape_svg(episode, url_base=link_base)}</div>')
    kind = "by the transcript's own times" if episode.source.timed else "at estimated times"
    yield (f"<figcaption>Who speaks when, {kind}: each bar is a turn (select it to read it), "
           f"the numbered bands are chapters.{escape(note)} Key: {legend(episode)}.</figcaption>")
    yield "</figure>"
    yield ""


def about_times_block(episode: Episode) -> Iterator[str]:
    yield "## About the times { #about-the-times }"
    yield ""
    if episode.source.timed:
        yield ("Each turn shows the time at which it starts in the recording, such as “23:40”, taken from the "
               "transcript's own timestamps and cut to the second. A time marked ≈ (a turn the transcript gives no "
               "time for) is estimated from the words spoken between the nearest given times. Each chapter starts at "
               "the first paragraph at or after its time in the outline.")
        yield ""
        return
    if episode.layout.timeline.measured:
        method = ("The outline gives the time at which each chapter starts; where a chapter's opening paragraph is "
                  "known, that time is pinned there, and between two pinned points we assume an even pace, so a "
                  "turn's time follows from the number of words spoken before it. After the last pinned point, "
                  "the average pace up to it is used.")
    else:
        method = ("No chapter start is pinned to a paragraph in this episode, so the times assume an even pace "
                  "of 160 words a minute from the start.")
    yield (f"Each turn shows an approximate time, such as “≈ 23:40”. It is an estimate, not a timestamp. {method} "
           "Times are rounded to ten seconds and can be off by a minute or more.")
    yield ""


def downloads_block(episode: Episode, link_base: str) -> Iterator[str]:
    names = file_names(episode)
    yield "## Downloads { #downloads }"
    yield ""
    page_text = episode.source.path.endswith(".txt")
    yield (f"* [The transcript as plain text]({link_base}{names['text']}), "
           + ("exactly as the source page gives it." if page_text else "a line for each paragraph, each turn opening with `Name:`."))
    times = "the transcript's times" if episode.source.timed else "estimated times"
    yield (f"* [The whole transcript as Markdown]({link_base}{names['markdown']}){{ download=\"{episode.slug}.md\" }}, "
           f"one file, chapter by chapter, with speakers and {times}.")
    yield (f"* [Chapters as JSON]({link_base}{names['chapters']}) in the Podcasting 2.0 format, "
           "for podcast apps: each chapter's start time from the outline, its title and its page.")
    yield from transcript_downloads(names, link_base)
    yield ""


def transcript_downloads(names: dict[str, str], link_base: str) -> Iterator[str]:
    """The transcript in the formats of Podcasting 2.0's `<podcast:transcript>`; the cue formats only with real times."""
    if "vtt" in names:
        yield (f"* The transcript with its times, for podcast apps and players: [WebVTT]({link_base}{names['vtt']}), "
               f"[SRT]({link_base}{names['srt']}), [JSON]({link_base}{names['json']}) (Podcasting 2.0).")
    yield f"* [The transcript as HTML]({link_base}{names['html']}) (Podcasting 2.0): speakers, paragraphs and the times the source gives."
