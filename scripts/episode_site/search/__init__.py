"""The search index: one record per turn, written with Pagefind in a process beside the build.

In: episodes. Out: `site/pagefind/`.
"""
