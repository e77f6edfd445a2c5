"""Write the search index of a project's seeds into a folder, in a process of its own.

    python -m episode_site.search.job PROJECT FOLDER [RECORDS]

`search_beside.py` starts this when a build starts (for `episode-site build`, the MkDocs
hook, `serve`) and moves `FOLDER/pagefind` into the site when the build ends: the index is
made from the seeds, not from the built pages, so it runs beside the renderer on another core.

RECORDS: the records as JSON lines, written by `episode-site build` while its
`generate` had the episodes read (the seeds are then not read a second time).

Exit 0 when written; otherwise the message is in `FOLDER/error.txt` (the log of
reading the seeds goes to stderr, as it does in the build), with exit status 2
when a seed is wrong and 1 when Pagefind fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

from episode_site.errors import InputError
from episode_site.load import find_episodes, load_episode
from episode_site.search.index import SearchIndexError, write_records_index, write_search_index
from episode_site.search.records import RecordsFile

ERROR = "error.txt"


def index_project(root: Path, folder: Path, records: Path | None = None) -> int:
    """The project's search index into `folder/pagefind`: from the records `generate` wrote, or else from the
    seeds, one episode at a time, each let go once its records are made (an archive's episodes would not fit)."""
    if records is not None:
        return write_records_index(folder, RecordsFile(records))
    found, notices = find_episodes(root / "seeds", root)
    episodes = (load_episode(settings, root, notices) for settings in found)
    return write_search_index(folder, episodes, several=len(found) > 1)


def main(argv: list[str]) -> int:
    root, folder = Path(argv[0]), Path(argv[1])
    try:
        index_project(root, folder, Path(argv[2]) if len(argv) > 2 else None)
    except InputError as error:
        (folder / ERROR).write_text(error.message(), encoding="utf-8")
        return 2
    except SearchIndexError as error:
        (folder / ERROR).write_text(str(error), encoding="utf-8")
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
