"""How a chapter page shows time: each turn's time label, a line saying which kind of time it is, and the audio player.

A time the source gives is a `<time datetime="PT…S">` without `≈`; an estimate
keeps the `≈` span. The player exists only with an `audio:` address and real
times, and asks nothing of the audio host until the reader presses play: the
address sits in `data-src`, and `audio-player.js` moves it into `src` (and shows
the controls) on that press; `preload="none"` as well, should anything else set it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from urllib.parse import urlsplit

from episode_site.model.clock import format_exact, iso_duration
from episode_site.model.episode import Episode
from episode_site.model.places import Piece, about


def time_label(piece: Piece) -> str:
    """The time in a turn's heading, after the speaker's name."""
    if piece.exact:
        return (f' <time class="turn-time" datetime="{iso_duration(piece.seconds)}" '
                f'data-seconds="{iso_duration(piece.seconds)[2:-1]}">{format_exact(piece.seconds)}</time>')
    return f' <span class="turn-time" data-seconds="{round(piece.seconds)}">{about(piece.seconds)}</span>'


def times_note(shown: Sequence[Piece]) -> str:
    """One line under the transcript's heading: which kind of time the page's turns show."""
    exact = sum(piece.exact for piece in shown)
    if exact == len(shown):
        return "Times are the recording's own, from the transcript's timestamps.\n{: .times-note }"
    if exact:
        return ("Times are the recording's own, from the transcript's timestamps; those marked ≈ are estimates "
                "([how](index.md#about-the-times)).\n{: .times-note }")
    return "Times marked ≈ are estimates ([how](index.md#about-the-times)).\n{: .times-note }"


def has_player(episode: Episode) -> bool:
    return bool(episode.audio_url) and episode.source.timed


def audio_player(episode: Episode) -> Iterator[str]:
    """The player: one raw HTML block (no blank lines inside), kept out of search."""
    if not has_player(episode):
        return
    url = escape(episode.audio_url or "", quote=True)
    host = escape(urlsplit(episode.audio_url or "").hostname or "", quote=True)
    yield (f'<div class="episode-audio" data-search-exclude data-pagefind-ignore><audio preload="none" data-src="{url}" '
           f'aria-label="The episode\'s audio"></audio><button type="button" class="episode-audio-start">Play the episode</button>'
           f'<span class="episode-audio-host">Audio from {host}; nothing is loaded from there until you press play.</span></div>')
    yield ""
