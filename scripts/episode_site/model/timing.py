"""Word position and time: a piecewise-linear model through the chapters whose start is known.

Each pinned chapter start gives a knot (words spoken before it, its outline
time). Between knots, time grows evenly with words; past the last knot it grows
at the average rate measured over all knots, or 160 words a minute without any.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

DEFAULT_WORDS_PER_SECOND = 160 / 60


class Timeline:
    def __init__(self, knots: Sequence[tuple[int, float]]) -> None:
        # The transcript is taken to start at the episode's start.
        self.knots = sorted({(0, 0.0), *((int(w), float(s)) for w, s in knots)})
        last_word, last_second = self.knots[-1]
        self.rate = last_word / last_second if last_word > 0 and last_second > 0 else DEFAULT_WORDS_PER_SECOND
        self._by_second = [(s, w) for w, s in self.knots]  # once, not per question: 1,000 chapters ask 1,000 times

    @property
    def measured(self) -> bool:
        """True when a pinned chapter start, not the default rate, sets the pace."""
        return len(self.knots) > 1

    def seconds_at(self, word: float) -> float:
        """Estimated time at which word number `word` (0-based) is spoken."""
        return _interpolate(self.knots, word, 1 / self.rate)

    def word_at(self, seconds: float) -> float:
        """Estimated number of words spoken by `seconds`."""
        return _interpolate(self._by_second, seconds, self.rate)


def _interpolate(points: Sequence[tuple[float, float]], x: float, slope_after: float) -> float:
    # The first segment whose right end is at or after x (as a linear scan would pick it).
    i = bisect_left(points, x, lo=1, key=lambda point: point[0])
    if i < len(points):
        (x0, y0), (x1, y1) = points[i - 1], points[i]
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1
    x_last, y_last = points[-1]
    return y_last + (x - x_last) * slope_after
