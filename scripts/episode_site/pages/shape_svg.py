"""The shape of an episode: one inline SVG of the whole conversation, made at generation time.

A row per speaker, a bar per turn at its estimated time, the chapters as bands
behind them. Each bar is a link to its turn with a `<title>` (its accessible
name and tooltip). Colours come from CSS custom properties (docs/assets/episode.css),
so the picture follows the light and dark palettes; no script runs in the browser.

The SVG is raw HTML in the Markdown, which MkDocs does not rewrite: links are
written as the final URLs of `use_directory_urls` (the MkDocs default).
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from episode_site.model.chapters import word_count
from episode_site.model.clock import format_clock
from episode_site.model.episode import Episode
from episode_site.model.places import when
from episode_site.pages.turn_lists import first_words

WIDTH = 640  # viewBox units; CSS scales it to the column and keeps it legible on a phone
_LANE = 22
_GAP = 6
_TOP = 22  # room for chapter numbers
_AXIS = 22  # room for time labels
_MIN_BAR = 1.5  # a one-word turn still shows, and can be clicked
_FIRST_WORDS = 8
_TICK_STEPS = (10, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600)


def shape_svg(episode: Episode, *, url_base: str) -> str:
    """The SVG as one line of HTML; `url_base` is the URL from the page to the episode's folder."""
    return "".join(_svg(episode, url_base))


def _svg(episode: Episode, url_base: str) -> Iterator[str]:
    page, layout = episode.source, episode.layout
    timeline, starts, before = layout.timeline, layout.turn_starts, layout.words_before
    end = max(timeline.seconds_at(layout.total_words), 1.0)
    x = lambda seconds: round(seconds / end * WIDTH, 1)  # noqa: E731
    lanes = {name: n for n, name in enumerate(page.speakers)}
    height = _TOP + len(lanes) * (_LANE + _GAP) + _AXIS
    label = f"The conversation over time: {len(page.turns)} turns by {len(lanes)} speakers; each bar links to its turn."
    yield (f'<svg class="shape" viewBox="0 0 {WIDTH} {height}" width="100%" role="group" '
           f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" '
           'xmlns:xlink="http://www.w3.org/1999/xlink">')
    # Links use xlink:href, not href: Material's instant navigation reassigns `el.href` on every
    # [href] element of a page, which throws on an SVG link and stops the rest of its setup.
    # Chapter bands, numbered and linked to the chapter's page.
    shown = [c for c in episode.chapters if c.start is not None]
    for n, chapter in enumerate(shown):
        left = x(timeline.seconds_at(before[(chapter.start.turn, chapter.start.paragraph)]))
        following = shown[n + 1] if n + 1 < len(shown) else None
        right = x(timeline.seconds_at(before[(following.start.turn, following.start.paragraph)])) if following else WIDTH
        title = escape(f"Chapter {chapter.number}: {chapter.entry.stamp} {chapter.entry.title}")
        yield (f'<a xlink:href="{url_base}{chapter.slug}/"><title>{title}</title>'
               f'<rect class="band band-{n % 2}" x="{left}" y="0" width="{round(right - left, 1)}" height="{height - _AXIS}"/>'
               f'<text class="chapter-number" x="{left + 4}" y="15">{chapter.number}</text></a>')
    # One bar per turn, in its speaker's row.
    for t, turn in enumerate(page.turns):
        piece = starts[t]
        words = sum(word_count(p.text) for p in turn.paragraphs)
        left, right = x(piece.seconds), x(timeline.seconds_at(piece.words_before + words))
        y = _TOP + lanes[turn.speaker] * (_LANE + _GAP)
        title = escape(f"{turn.speaker}, {when(piece)}, {words:,} words: {first_words(turn.paragraphs[0].text, _FIRST_WORDS)}")
        yield (f'<a xlink:href="{url_base}{piece.chapter.slug}/#{piece.anchor}"><title>{title}</title>'
               f'<rect class="turn-bar speaker-{lanes[turn.speaker] % 6 + 1}" x="{left}" y="{y}" '
               f'width="{max(round(right - left, 1), _MIN_BAR)}" height="{_LANE}"/></a>')
    # Time axis.
    axis_y = height - _AXIS
    step = next((s for s in _TICK_STEPS if end / s <= 8), _TICK_STEPS[-1])
    yield f'<line class="axis" x1="0" y1="{axis_y}" x2="{WIDTH}" y2="{axis_y}"/>'
    for tick in range(0, int(end) + 1, step):
        anchor = "start" if tick == 0 else "end" if x(tick) > WIDTH - 20 else "middle"
        yield (f'<line class="axis" x1="{x(tick)}" y1="{axis_y}" x2="{x(tick)}" y2="{axis_y + 4}"/>'
               f'<text class="tick" x="{x(tick)}" y="{axis_y + 17}" text-anchor="{anchor}">{format_clock(tick)}</text>')
    yield "</svg>"


def legend(episode: Episode) -> str:
    """The key, as HTML text under the picture: colour and row for each speaker."""
    items = [f'<span class="shape-key speaker-{n % 6 + 1}"></span> {escape(name)} (row {n + 1})'
             for n, name in enumerate(episode.source.speakers)]
    return " · ".join(items)
