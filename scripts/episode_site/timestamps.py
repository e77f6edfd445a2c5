"""Outline timestamps: `MM:SS`, `H:MM:SS` and `HH:MM:SS`, to seconds and back."""

from __future__ import annotations

from .errors import InputError


def parse_stamp(stamp: str, *, path: str, line: int | None) -> int:
    """Seconds for a timestamp; minutes and seconds after the first field must be below 60."""
    fields = stamp.strip().split(":")
    if not 2 <= len(fields) <= 3 or not all(f.isdigit() for f in fields) or any(int(f) >= 60 for f in fields[1:]):
        raise InputError(
            path, line, f"`{stamp}` is not a timestamp",
            "Write times as MM:SS, H:MM:SS or HH:MM:SS with minutes and seconds below 60, like 12:10 or 1:02:46.",
        )
    seconds = 0
    for field in fields:
        seconds = seconds * 60 + int(field)
    return seconds


def format_clock(seconds: float) -> str:
    """`23:40` under an hour, `1:02:46` from an hour on."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
