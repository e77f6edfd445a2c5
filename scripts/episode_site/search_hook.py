"""MkDocs hook: index the built site for search after every build (MkDocs and ProperDocs, `build` and `serve`).

Zensical ignores hooks; after `zensical build`, run `episode-site index` (README).
"""

from __future__ import annotations

import sys
from pathlib import Path


def on_post_build(config) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's episode_site
    from mkdocs.exceptions import PluginError

    from episode_site.errors import InputError
    from episode_site.load import load_episodes
    from episode_site.search_index import SearchIndexError, write_search_index

    root = Path(config.config_file_path).resolve().parent
    try:
        write_search_index(Path(config.site_dir), load_episodes(root / "seeds", root))
    except InputError as error:  # `mkdocs build` run directly on a broken seed: one message, no traceback
        raise PluginError(error.message()) from None
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
