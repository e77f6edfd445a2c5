"""The episode as data, and everything derived from it: where chapters fall, when each turn is said, topics, the archive.

In: a `SourcePage` and its settings. Out: an `Episode` and its `Layout`.
"""
