"""A seed file's text: UTF-8 and free of control characters, or one message naming the line and column."""

from __future__ import annotations

import re
from pathlib import Path

from episode_site.errors import InputError, describe

# C0 and C1 control characters other than tab and line breaks: never words, and Markdown uses \x02 and \x03 itself.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def read_text(path: Path, shown: str) -> str:
    """The file's text; a clear message for a missing or unreadable file or bytes that are not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(shown, None, f"cannot read the file ({error.strerror or error})",
                         "Check that it exists, is a file and not a folder, and that you may read it.") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data[: error.start].count(b"\n") + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise InputError(
            shown, line, f"column {column} holds byte 0x{data[error.start]:02x}, which is not UTF-8 text",
            "Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8).",
        ) from None
    if control := _CONTROL.search(text):
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        raise InputError(shown, line, f"column {column} holds the control character {describe(control[0])}, which is not text",
                         "Remove it (it is invisible in most editors: search for it, or retype the line); a copy from a PDF or a terminal often brings one.")
    return text
