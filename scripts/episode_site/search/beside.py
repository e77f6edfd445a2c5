"""The search job beside a build: started, then awaited and its index moved into the site, or stopped.

`search_job.py` writes the index from the seeds (or from the records `generate` made) in a process
of its own, so that it runs on the other core while the site is rendered. `episode-site build`
starts it as soon as its `generate` has written the records, before the pages, and moves the index
in once the renderer is done (any renderer); the MkDocs hook `search_hook.py` starts it with a bare
`mkdocs build`, ProperDocs' or `serve`'s rebuilds, and leaves it to the command under `episode-site build`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from episode_site.search.index import remove_bundle
from episode_site.search.job import ERROR

BY_COMMAND = "EPISODE_SITE_INDEXES"
"""Set by `episode-site build` for its renderer: the command writes the index, the hook does not."""
_SCRIPTS = Path(__file__).resolve().parents[2]  # the folder holding episode_site, for the child's PYTHONPATH


class SearchJobError(RuntimeError):
    """The index was not written: the message says why (a broken seed, Pagefind)."""


@dataclass
class SearchJob:
    process: subprocess.Popen
    scratch: Path
    """Where the job writes `pagefind/`, its log and its error."""


def start(root: Path, records: Path | None = None) -> SearchJob:
    """The job for the project at `root`, from `records` (JSON lines) when given, else from its seeds."""
    scratch = Path(tempfile.mkdtemp(prefix="episode-site-index-"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_SCRIPTS), os.environ.get("PYTHONPATH")]))}
    # Pagefind's indexing threads (Rayon's) would take turns with the renderer, which builds on one core: one
    # thread leaves it its core.
    env.setdefault("RAYON_NUM_THREADS", "1")
    # Its log (a chapter's estimated start, say) repeats what `generate` printed: it goes to a file, read on a crash.
    with open(scratch / "log.txt", "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "episode_site.search.job", str(root), str(scratch),
                                    *([str(records)] if records else [])], stdout=log, stderr=log, env=env)
    return SearchJob(process, scratch)


def finish(job: SearchJob, site: Path) -> None:
    """Wait for the job and move its index into `site/pagefind/`; SearchJobError when it failed. The scratch
    folder goes either way."""
    try:
        if job.process.wait() != 0:  # a broken seed under a bare `mkdocs build`, or Pagefind: one message
            error = job.scratch / ERROR
            if error.exists():
                raise SearchJobError(error.read_text(encoding="utf-8"))
            log = (job.scratch / "log.txt").read_text(encoding="utf-8", errors="replace").strip().splitlines()
            raise SearchJobError(f"the search index was not written (exit {job.process.returncode}): {log[-1] if log else 'no output'}")
        bundle = remove_bundle(site)
        if (job.scratch / "pagefind").exists():  # a transcript without a single word has no index
            shutil.move(str(job.scratch / "pagefind"), str(bundle))
    finally:
        shutil.rmtree(job.scratch, ignore_errors=True)


def stop(job: SearchJob) -> None:
    """Stop the job if it still runs, and remove its scratch folder (nothing left to do after `finish`)."""
    if job.process.poll() is None:
        job.process.kill()
        job.process.wait()
    shutil.rmtree(job.scratch, ignore_errors=True)
