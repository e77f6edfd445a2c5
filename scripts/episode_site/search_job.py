"""Write the search index of a project's seeds into a folder, in a process of its own.

    python -m episode_site.search_job PROJECT FOLDER

The MkDocs hook (`search_hook.py`) starts this when a build starts and moves
`FOLDER/pagefind` into the site when the build ends: the index is made from the
seeds, not from the built pages, so it runs beside MkDocs on another core.
Exit 0 when written; otherwise the message is in `FOLDER/error.txt` (the log of reading the
seeds goes to stderr, as it does in the build), and the exit status is 2 when a seed is wrong,
1 when Pagefind fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError
from .load import find_episodes, load_episode
from .search_index import SearchIndexError, write_search_index

ERROR = "error.txt"


def main(argv: list[str]) -> int:
    root, folder = Path(argv[0]), Path(argv[1])
    try:
        # One episode at a time: each is let go once its records are made (an archive's episodes would not fit).
        found, notices = find_episodes(root / "seeds", root)
        episodes = (load_episode(settings, root, notices) for settings in found)
        write_search_index(folder, episodes, several=len(found) > 1)
    except InputError as error:
        (folder / ERROR).write_text(error.message(), encoding="utf-8")
        return 2
    except SearchIndexError as error:
        (folder / ERROR).write_text(str(error), encoding="utf-8")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
