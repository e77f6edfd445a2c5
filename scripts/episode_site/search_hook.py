"""MkDocs hook: the search index of every build (MkDocs and ProperDocs, `build` and `serve`).

The index is made from `seeds/`, not from the built pages, so it is written by a process of
its own (`search_job.py`) that starts with the build and runs beside MkDocs on another core;
when the build ends, its bundle is moved into `site/pagefind/`. On a 500-episode archive the
indexing was a third of the build when it ran after it.

Zensical ignores hooks; after `zensical build`, run `episode-site index` (README).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_SCRIPTS = Path(__file__).resolve().parent.parent  # this checkout's episode_site
_job: tuple[subprocess.Popen, Path] | None = None  # the running indexer and its scratch folder
RECORDS = "EPISODE_SITE_SEARCH_RECORDS"  # cli.py sets it


def on_pre_build(config) -> None:
    global _job
    _stop()  # `serve` rebuilds: a run for older seeds is of no use
    root = Path(config.config_file_path).resolve().parent
    scratch = Path(tempfile.mkdtemp(prefix="episode-site-index-"))
    # `episode-site build` leaves the records its `generate` made (once: `serve` rebuilds from the seeds).
    records = [os.environ.pop(RECORDS, "")] if os.environ.get(RECORDS) else []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_SCRIPTS), os.environ.get("PYTHONPATH")]))}
    # Pagefind's indexing threads (Rayon's) would take turns with MkDocs, which builds on one core: one thread
    # leaves MkDocs its core, and Pagefind still ends first (500 episodes: about 85 s of its work, 140 s of MkDocs').
    env.setdefault("RAYON_NUM_THREADS", "1")
    # Its log (a chapter's estimated start, say) repeats what `generate` printed: it goes to a file, read on a crash.
    with open(scratch / "log.txt", "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "episode_site.search_job", str(root), str(scratch), *records],
                                   stdout=log, stderr=log, env=env)
    _job = (process, scratch)


def on_post_build(config) -> None:
    global _job
    from mkdocs.exceptions import PluginError

    sys.path.insert(0, str(_SCRIPTS))
    from episode_site.search_index import remove_bundle

    if _job is None:
        return
    (process, scratch), _job = _job, None
    try:
        if process.wait() != 0:  # a broken seed under a bare `mkdocs build`, or Pagefind: one message, no traceback
            error = scratch / "error.txt"  # search_job.ERROR
            if error.exists():
                raise PluginError(error.read_text(encoding="utf-8"))
            log = (scratch / "log.txt").read_text(encoding="utf-8", errors="replace").strip().splitlines()
            raise PluginError(f"the search index was not written (exit {process.returncode}): {log[-1] if log else 'no output'}")
        bundle = remove_bundle(Path(config.site_dir))
        if (scratch / "pagefind").exists():  # a transcript without a single word has no index
            shutil.move(str(scratch / "pagefind"), str(bundle))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def on_build_error(error) -> None:
    _stop()


def on_shutdown() -> None:
    _stop()


def _stop() -> None:
    global _job
    if _job is not None:
        (process, scratch), _job = _job, None
        process.kill()
        process.wait()
        shutil.rmtree(scratch, ignore_errors=True)
