"""One `generate` at a time per project: concurrent runs would take each other's writes for hand edits."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """Hold an exclusive lock on the project folder itself (flock on its descriptor: no lock file to leave behind).

    A second run waits for the first, then finds its pages already written.
    """
    descriptor = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
