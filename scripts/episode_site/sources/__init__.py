"""Finding the seeds and reading their settings: which files make which episodes, YAML with its line marks, the episode and site settings.

In: the project folder. Out: `EpisodeFiles` and validated settings.
"""
