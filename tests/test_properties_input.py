"""Property tests for what surrounds the transcript: YAML fields, whole YAML files and file names (issue 10).

Whatever a seed's YAML or file name holds, the build either refuses it with one
InputError or writes pages in which it is plain text: front matter that parses
back to the same keys, no raw markup, no traceback.
"""

from __future__ import annotations

import contextlib
import html
import json
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from episode_site.errors import InputError
from episode_site.generate import generated_files
from episode_site.load import load_episodes
from episode_site.sources.episode_schema import load_episode_settings
from episode_site.sources.yaml_marks import load_yaml

PAGE = "A Title\nTranscript\nJane Doe: Hello there, the middle part.\nJohn Roe: Thanks, the middle part.\n"
FRONT_MATTER_KEYS = {"title", "description", "tags", "search"}
HOSTILE = ["<", ">", '"', "'", "`", "&", "\n", "\r", "\t", "\0", "\x1b", "\u202e", "\u200d", "-->", "<!--", "{{", "}}", "{%",
           "javascript:", "data:", "http://", "https://", "//", "\\", "*", "_", "#", "[", "]", "(", ")", ":", "- ", "&a", "*a",
           "!!python/object", "%", "..", "/", "é", "e\u0301", "😀", " "]
_CHUNK = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=6))
HOSTILE_TEXT = st.lists(_CHUNK, min_size=1, max_size=8).map("".join)


@contextlib.contextmanager
def _project(files: dict[str, str]) -> Iterator[Path]:
    """A throwaway project holding `files` in seeds/, removed after the example (hypothesis runs hundreds)."""
    with tempfile.TemporaryDirectory(prefix="episode-site-prop-") as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        (root / "docs").mkdir()
        for name, text in files.items():
            (root / "seeds" / name).write_text(text, encoding="utf-8")
        yield root


def _pages_or_refusal(root: Path) -> dict[str, str] | None:
    try:
        episodes = load_episodes(root / "seeds", root)
        return generated_files(root, episodes)[0]
    except InputError as error:
        assert "Traceback" not in error.message()
        assert len(error.message()) <= 2000
        return None


def _check_front_matter(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        head = text.split("\n---\n", 1)[0].removeprefix("---\n")
        data = yaml.safe_load(head)
        assert isinstance(data, dict) and set(data) <= FRONT_MATTER_KEYS, (path, head)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=HOSTILE_TEXT, key=st.sampled_from(["slug", "source", "topic", "speaker"]))
def test_any_yaml_field_is_refused_or_stays_text(value: str, key: str):
    settings_data = {"slug": "ep"}
    if key == "slug":
        settings_data["slug"] = value
    elif key == "source":
        settings_data["source"] = value
    elif key == "topic":
        settings_data["topics"] = {value: ["middle"]}
    else:
        settings_data["speakers"] = ["Jane Doe", "John Roe", value]
    with _project({"ep.txt": PAGE, "ep.yml": json.dumps(settings_data)}) as root:
        pages = _pages_or_refusal(root)
        url = load_episode_settings(root / "seeds" / "ep.txt", root).source_url if pages is not None and key == "source" else None
    if pages is None:
        return
    _check_front_matter(pages)
    if key == "source":
        assert urllib.parse.urlsplit(url).scheme.lower() in ("http", "https")
        assert not set('<>"`{}|\\^ ') & set(url)
    if key == "topic":
        assert not set("<>\"`{}[]\\") & set(value.strip())
        assert html.unescape(value.strip()) == value.strip()
        tagged = [text for text in pages.values() if "\ntags:\n" in text]
        for text in tagged:  # tags parse back to the same names
            assert yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))["tags"] == [value.strip()]


@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.sampled_from(["a: ", "&x ", "*x ", "[", "]", "{", "}", "- ", "\n", "  ", '"', "'", "!!str ", "!!python/object ",
                                      "? ", ": ", "topics:", "slug:", "\\0", "#", ",", "x", "1", "\t", "|", ">"]),
                     max_size=60).map("".join))
def test_any_yaml_file_is_read_or_refused(text: str):
    with _project({"ep.yml": text}) as root:
        try:
            load_yaml(root / "seeds" / "ep.yml", "seeds/ep.yml", ("slug", "source", "speakers", "chapters", "topics"))
        except InputError:
            pass


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stem=HOSTILE_TEXT.filter(lambda s: "/" not in s and "\0" not in s and not s.startswith(".") and len(s.encode()) < 200))
def test_any_file_name_is_refused_or_stays_text(stem: str):
    with _project({f"{stem}.txt": PAGE}) as root:
        pages = _pages_or_refusal(root)
    if pages is None:
        return
    _check_front_matter(pages)
    assert "`" not in stem and "\n" not in stem and "\r" not in stem
    home = next(text for path, text in pages.items() if path.endswith("/index.md"))
    assert f"kept word for word in `seeds/{stem}.txt`." in home


# ---- the hand-written label finder answers as the one regular expression it replaced ------

def _regex_split(line: str, speakers: list[str]):
    """The previous implementation: one alternation of every name, rebuilt for each line (quadratic for many speakers)."""
    import re

    from episode_site.readers.labels import _AFTER_COLON, _GLUED

    names = sorted(speakers, key=len, reverse=True)
    pattern = re.compile(rf"(?:^\s*|{_GLUED})(" + "|".join(map(re.escape, names)) + rf"){_AFTER_COLON}")
    match = pattern.search(line)
    if not match:
        return None
    return line[: match.start(1)].strip(), match[1], line[match.end():].strip()


_NAMES = ["Ann", "Ann Lee", "Lee", "Bo", "Dr. X", "Jo-Ann", "O'Neil", "An", "Jo"]
_GLUE = [":", ": ", " ", "  ", "x", "-", "(", "\"", "!", "hi", "\t", "::"]


@st.composite
def _names_and_line(draw):
    speakers = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4, unique=True))
    pieces = st.one_of(st.sampled_from(speakers), st.sampled_from(_GLUE), st.sampled_from(_NAMES))
    return speakers, "".join(draw(st.lists(pieces, max_size=10)))


@settings(max_examples=1500, deadline=None)
@given(case=_names_and_line())
@example(case=(["Ann", "Jo-Ann"], "xJo-Ann: hi"))  # a name that ends another: the longer, leftmost one wins
@example(case=(["Ann Lee", "Lee"], "  Ann Lee:  hi"))
def test_label_finder_agrees_with_the_regular_expression(case):
    from episode_site.readers.labels import LabelFinder

    speakers, line = case
    assert LabelFinder(speakers).find(line) == _regex_split(line, speakers)
