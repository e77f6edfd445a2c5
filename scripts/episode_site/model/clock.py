"""Outline timestamps: `MM:SS`, `H:MM:SS` and `HH:MM:SS`, to seconds and back."""

from __future__ import annotations

from episode_site.errors import InputError


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


def format_precise(seconds: float) -> str:
    """`00:01:02.500`: a cue time to the millisecond, as cue files write it."""
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def format_exact(seconds: float) -> str:
    """`12:09` for 729.6 s: a real time, cut (not rounded) to the second, so it is never later than said."""
    return format_clock(int(seconds))


def iso_duration(seconds: float) -> str:
    """`PT729.6S`: a time for `<time datetime>` (HTML accepts a duration in seconds)."""
    return f"PT{seconds:.3f}".rstrip("0").rstrip(".") + "S"
