"""Which files under `seeds/` may be read: regular files inside the project, with names that are plain text.

A seed is checked before it is opened: opening a named pipe or a device waits
for ever, and a link to a file outside the project would publish that file.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from episode_site.errors import InputError, describe, printable

_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket"}


def shown_path(path: Path, root: Path) -> str:
    """A path as messages show it: relative to the project when it is inside it, control characters escaped."""
    shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    return printable(shown, limit=100_000)


def unsafe_name_char(name: str) -> str | None:
    """The first character of a file name that must not reach a page or a message (line breaks, backticks, controls)."""
    return next((c for c in name if c == "`" or unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")), None)


def check_seed_name(path: Path, root: Path) -> None:
    bad = unsafe_name_char(path.name)
    if bad is not None:
        raise InputError(shown_path(path, root), None, f"the file name holds {describe(bad)}, which would end up in pages and links",
                         "Rename the file using letters, digits, spaces, hyphens and dots only.")


def check_seeds_folder(seeds: Path, root: Path) -> None:
    """`seeds/` may be a link, but only to a folder inside the project."""
    real = seeds.resolve()
    if not real.is_relative_to(root.resolve()):
        raise InputError(shown_path(seeds, root), None, f"this is a link to {printable(str(real), 120)}, outside the project",
                         "Keep the seeds folder inside the project: only files inside it are published.")


def check_regular_file(path: Path, root: Path) -> None:
    """Refuse, without opening it, a seed that is a pipe, a device, a folder or a link out of the project.

    A missing file (or a broken link) passes: reading it says so in the usual words.
    """
    shown = shown_path(path, root)
    try:
        real = path.resolve(strict=True)
        mode = os.stat(real).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except (OSError, RuntimeError) as error:  # a loop of links
        raise InputError(shown, None, f"cannot read the file ({getattr(error, 'strerror', None) or 'a loop of links'})",
                         "Check that it exists, is a file and not a folder, and that you may read it.") from None
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a file")
        raise InputError(shown, None, f"this is {kind}, not a regular file",
                         "Put the episode's text in an ordinary file: episode-site reads only regular files under seeds/.")
    if not real.is_relative_to(root.resolve()):
        raise InputError(shown, None, f"this is a link to {printable(str(real), 120)}, outside the project",
                         "Copy the file into seeds/ instead of linking to it: only files inside the project are published.")
