"""Word position and time: a piecewise-linear model through the chapters whose start is known.

Each pinned chapter start gives a knot (words spoken before it, its outline
time). Between knots, time grows evenly with words; past the last knot it grows
at the average rate measured over all knots, or 160 words a minute without any.
"""

from __future__ import annotations

from collections.abc import Sequence

DEFAULT_WORDS_PER_SECOND = 160 / 60


class Timeline:
    def __init__(self, knots: Sequence[tuple[int, float]]) -> None:
        # The transcript is taken to start at the episode's start.
        self.knots = sorted({(0, 0.0), *((int(w), float(s)) for w, s in knots)})
        last_word, last_second = self.knots[-1]
        self.rate = last_word / last_second if last_word > 0 and last_second > 0 else DEFAULT_WORDS_PER_SECOND

    @property
    def measured(self) -> bool:
        """True when a pinned chapter start, not the default rate, sets the pace."""
        return len(self.knots) > 1

    def seconds_at(self, word: float) -> float:
        """Estimated time at which word number `word` (0-based) is spoken."""
        return _interpolate(self.knots, word, 1 / self.rate)

    def word_at(self, seconds: float) -> float:
        """Estimated number of words spoken by `seconds`."""
        return _interpolate([(s, w) for w, s in self.knots], seconds, self.rate)


def _interpolate(points: Sequence[tuple[float, float]], x: float, slope_after: float) -> float:
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1
    x_last, y_last = points[-1]
    return y_last + (x - x_last) * slope_after
