"""Files for apps and downloads (plain text, WebVTT, SRT, JSON, chapters), and writing into `docs/` without destroying work.

In: episodes and rendered pages. Out: files under `docs/`.
"""
