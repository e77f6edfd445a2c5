"""Write: put generated pages into `docs/` without ever destroying work.

A manifest (`docs/.episode-site.json`) records each file this tool wrote and a
hash of what it wrote. Only files whose content changed are written, each
beside its target and then renamed over it, so an interrupted run leaves no
half file. Files the manifest no longer lists are removed only if they still
hold what was written. A file that is not ours, or that someone edited since,
stops the run before anything is written. While a run writes, the manifest
also lists each file's previous hash, so that a run cut short is not taken for
a hand edit the next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from episode_site.errors import InputError, printable

MANIFEST = ".episode-site.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(docs: Path) -> dict[str, tuple[str, ...]]:
    """Each file this tool wrote → the hashes it may hold (two while a run was interrupted mid-way)."""
    path = docs / MANIFEST
    check_real_path(docs, MANIFEST)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = {str(k): (str(v),) for k, v in data["files"].items()}
        for rel, previous in data.get("previous", {}).items():
            files[str(rel)] = (*files.get(str(rel), ()), str(previous))
    except (ValueError, KeyError, TypeError, AttributeError):
        files = None
    # A damaged or doctored manifest must never send a removal outside docs/.
    if files is None or any(not _inside(rel) for rel in files):
        raise InputError(f"{docs.name}/{MANIFEST}", None, "the list of files episode-site generated is damaged",
                         "Restore it from version control, or delete it together with the generated pages, then run again.")
    return files


def write_pages(docs: Path, pages: Mapping[str, str], *, force: bool = False) -> WriteReport:
    """Bring `docs/` to exactly `pages` (for the files this tool owns)."""
    check_docs_folder(docs)
    recorded = read_manifest(docs)
    # Every path is checked before any is read, written or removed: a link or a pipe stops the run with nothing done.
    for rel in sorted({*pages, *recorded}):
        check_real_path(docs, rel)
    to_write = {rel: text for rel, text in pages.items() if _current(docs / rel) != text}
    stale = sorted(rel for rel in recorded if rel not in pages and (docs / rel).exists())
    if not force:
        for rel in sorted(to_write):
            _check_ours(docs, rel, recorded, stale=False)
        for rel in stale:
            _check_ours(docs, rel, recorded, stale=True)
    if not to_write and not stale and _current(docs / MANIFEST) == _manifest(pages):
        return WriteReport((), (), len(pages))
    # Until the run ends, the manifest accepts each file's old content as well as its new,
    # so that a run cut short is not later mistaken for a hand edit.
    previous = {rel: recorded[rel][0] for rel in [*to_write, *stale] if rel in recorded}
    _atomic_write(docs / MANIFEST, _manifest({**pages, **{rel: None for rel in stale}}, previous))
    for rel, text in sorted(to_write.items()):
        _atomic_write(docs / rel, text)
    for rel in stale:
        (docs / rel).unlink()
        _remove_empty_parents(docs / rel, docs)
    _atomic_write(docs / MANIFEST, _manifest(pages))
    return WriteReport(tuple(sorted(to_write)), tuple(stale), len(pages) - len(to_write))


def check_docs_folder(docs: Path) -> None:
    """`docs/` must be a real folder of the project, not a link to somewhere else."""
    if docs.is_symlink():
        raise InputError(docs.name, None, f"this is a symbolic link (to {printable(os.readlink(docs), 120)})",
                         "Make docs/ a real folder of the project: episode-site writes and deletes only inside it.")


def check_real_path(docs: Path, rel: str) -> None:
    """Refuse a path under docs/ that goes through a symbolic link or ends at something that is not a file.

    Writing through `docs/evil -> /elsewhere` would write, and removing would delete, outside the project.
    """
    current = docs
    parts = PurePosixPath(rel).parts
    for depth, part in enumerate(parts, 1):
        current = current / part
        try:
            mode = current.lstat().st_mode
        except FileNotFoundError:
            return
        except NotADirectoryError:
            return  # a file where a folder must go: writing says so
        shown = printable(f"{docs.name}/{'/'.join(parts[:depth])}", 200)
        if stat.S_ISLNK(mode):
            raise InputError(shown, None, "this is a symbolic link; episode-site writes and deletes only real files and folders inside docs/",
                             "Replace the link with a real folder or file (or remove it), then run again.")
        if depth == len(parts) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise InputError(shown, None, "this is not a regular file (a pipe, a socket or a device), where a generated page must go",
                             "Remove it, then run again.")


def _manifest(pages: Mapping[str, str | None], previous: Mapping[str, str] | None = None) -> str:
    files = {rel: digest(text) for rel, text in sorted(pages.items()) if text is not None}
    data = {"generator": "episode-site", "files": files, **({"previous": dict(sorted(previous.items()))} if previous else {})}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _inside(rel: str) -> bool:
    path = PurePosixPath(rel)
    return bool(rel) and not path.is_absolute() and ".." not in path.parts and "\\" not in rel and rel != MANIFEST


def _check_ours(docs: Path, rel: str, recorded: Mapping[str, tuple[str, ...]], *, stale: bool) -> None:
    text = _current(docs / rel)
    if text is None:
        return
    shown = f"{docs.name}/{rel}"
    if rel not in recorded:
        raise InputError(shown, None, "this file was not written by episode-site, and generating would replace it",
                         "Move or rename it, or run again with --force to replace it.")
    if digest(text) in recorded[rel]:
        return
    if stale:
        raise InputError(shown, None, "this page is no longer generated (its chapter or episode was renamed or removed), "
                                      "but it was edited by hand since episode-site wrote it",
                         "To keep it, move it out of the way (it is then yours); to delete it, run again with --force.")
    raise InputError(shown, None, "this generated page was edited by hand since episode-site wrote it",
                     "To keep the edit, make it in seeds/ (the episode's page text or its YAML file) and run again; "
                     "to discard it, run again with --force.")


def _current(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (UnicodeDecodeError, IsADirectoryError):
        return "\0"  # differs from any page; the ownership check then decides


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


def atomic_write(path: Path, text: str) -> None:
    """Write beside the target under a unique name, flush it to disk, then rename it over the target.

    A reader (or a second run) sees the old file or the new one, never half of one; a
    full disk leaves the old file as it was, and the error names the file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:100]}.", suffix=".partial")
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(partial, _FILE_MODE)  # mkstemp makes it private; a page is as readable as any file the user writes
        os.replace(partial, path)
    except BaseException as error:
        Path(partial).unlink(missing_ok=True)  # the target still holds its old text; leave no litter beside it
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise


_atomic_write = atomic_write


def _remove_empty_parents(path: Path, stop: Path) -> None:
    parent = path.parent
    while parent != stop and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
