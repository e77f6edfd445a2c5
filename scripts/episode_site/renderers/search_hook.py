"""MkDocs hook: the search index of every build (MkDocs and ProperDocs, `build` and `serve`).

The index is made from `seeds/`, not from the built pages, so it is written by a process of
its own (`search_job.py`, through `search_beside.py`) that starts with the build and runs beside
MkDocs on another core; when the build ends, its bundle is moved into `site/pagefind/`. On a
500-episode archive the indexing was a third of the build when it ran after it. Under
`episode-site build` the command has started the job already, before its pages were even written,
and the hook leaves it alone.

Zensical ignores hooks; `episode-site build --renderer zensical` indexes the same way (README).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_SCRIPTS = Path(__file__).resolve().parents[2]  # the folder holding this checkout's episode_site
_job = None  # the running job (search_beside.SearchJob)


def _beside():
    if str(_SCRIPTS) not in sys.path:  # once: `serve` calls this on every rebuild
        sys.path.insert(0, str(_SCRIPTS))
    from episode_site.search import beside as search_beside

    return search_beside


def on_pre_build(config) -> None:
    global _job
    _stop()  # `serve` rebuilds: a run for older seeds is of no use
    beside = _beside()
    if os.environ.get(beside.BY_COMMAND):
        return
    _job = beside.start(Path(config.config_file_path).resolve().parent)


def on_post_build(config) -> None:
    global _job
    from mkdocs.exceptions import PluginError

    if _job is None:
        return
    beside, (job, _job) = _beside(), (_job, None)
    try:
        beside.finish(job, Path(config.site_dir))
    except beside.SearchJobError as error:
        raise PluginError(str(error)) from None


def on_build_error(error) -> None:
    _stop()


def on_shutdown() -> None:
    _stop()


def _stop() -> None:
    global _job
    if _job is not None:
        job, _job = _job, None
        _beside().stop(job)
