"""Write: put generated pages into `docs/` without ever destroying work.

A manifest (`docs/.episode-site.json`) records each file this tool wrote and a
hash of what it wrote. Only files whose content changed are written, each
beside its target and then renamed over it, so an interrupted run leaves no
half file. Files the manifest no longer lists are removed only if they still
hold what was written. A file that is not ours, or that someone edited since,
stops the run before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MANIFEST = ".episode-site.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(docs: Path) -> dict[str, str]:
    path = docs / MANIFEST
    if not path.exists():
        return {}
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InputError(str(path), None, "the list of generated files is damaged",
                         "Restore it from version control, or delete it and the generated pages, then run again.") from None


def write_pages(docs: Path, pages: Mapping[str, str], *, force: bool = False) -> WriteReport:
    """Bring `docs/` to exactly `pages` (for the files this tool owns)."""
    recorded = read_manifest(docs)
    to_write = {rel: text for rel, text in pages.items() if _current(docs / rel) != text}
    stale = sorted(rel for rel in recorded if rel not in pages and (docs / rel).exists())
    if not force:
        for rel in sorted(to_write) + stale:
            _check_ours(docs, rel, recorded)
    for rel, text in sorted(to_write.items()):
        _atomic_write(docs / rel, text)
    for rel in stale:
        (docs / rel).unlink()
        _remove_empty_parents(docs / rel, docs)
    manifest = json.dumps({"generator": "episode-site", "files": {rel: digest(pages[rel]) for rel in sorted(pages)}},
                          indent=2, ensure_ascii=False) + "\n"
    if _current(docs / MANIFEST) != manifest:
        _atomic_write(docs / MANIFEST, manifest)
    return WriteReport(tuple(sorted(to_write)), tuple(stale), len(pages) - len(to_write))


def _check_ours(docs: Path, rel: str, recorded: Mapping[str, str]) -> None:
    path = docs / rel
    text = _current(path)
    if text is None:
        return
    shown = str(path)
    if rel not in recorded:
        raise InputError(shown, None, "this file was not written by episode-site, and the build would replace it",
                         "Move or rename it, or run again with --force to replace it.")
    if digest(text) != recorded[rel]:
        raise InputError(shown, None, "this generated page was edited by hand since it was written",
                         "Keep the edit by making it in seeds/ (the page text or its YAML file), "
                         "or run again with --force to replace the file.")


def _current(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (UnicodeDecodeError, IsADirectoryError):
        return "\0"  # differs from any page; the ownership check then decides


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _remove_empty_parents(path: Path, stop: Path) -> None:
    parent = path.parent
    while parent != stop and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
