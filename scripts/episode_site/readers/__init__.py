"""Transcript files to a `SourcePage`, one reader per format, and the rules for what counts as a speaker's label.

In: a seed file's text. Out: `model.episode.SourcePage` (title, outline, turns).
"""
