"""Computing a table derived from an episode once, however many pages ask for it."""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
_KEEP = 8  # recent objects only: `serve` rebuilds episodes again and again


def per_object(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache `fn(obj, *args)` by the identity of `obj` (not by its value: hashing a whole
    frozen episode walks every paragraph, which is the work this avoids)."""
    cache: OrderedDict[tuple[int, tuple[Hashable, ...]], tuple[object, T]] = OrderedDict()

    @functools.wraps(fn)
    def cached(obj: object, *args: Hashable) -> T:
        key = (id(obj), args)
        hit = cache.get(key)
        if hit is None or hit[0] is not obj:  # the entry holds obj, so its id is not reused while cached
            hit = cache[key] = (obj, fn(obj, *args))
            while len(cache) > _KEEP * 32:
                cache.popitem(last=False)
        return hit[1]

    return cached
