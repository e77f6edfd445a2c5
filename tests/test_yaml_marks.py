"""The line a YAML syntax message names is where the mistake is, by PyYAML's own marks.

An unclosed quote is told where it opened (PyYAML reports it lines below); any
other mistake at PyYAML's line, even when a quote sits inside a value or a comment above it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from episode_site.errors import InputError
from episode_site.sources.yaml_marks import load_yaml

KEYS = ("slug", "source", "speakers", "chapters", "title")
CHAPTERS = 'chapters:\n  "00:00": "Hello and welcome"\n  "05:00": "move to the middle part"\n'

# (case id, file text, line named, problem told)
CASES = [
    # Regression: line 2's `"` is inside a single-quoted value; the mistake is the unclosed `[` of line 3.
    ("quote-inside-a-value", "slug: x\nsource: 'it\"s'\nspeakers: [Jane Doe\n", 4,
     "YAML does not parse: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence that starts on line 3)"),
    ("quote-inside-a-value-then-more", "slug: x\nsource: 'it\"s'\nspeakers: [Jane Doe\n" + CHAPTERS, 4,
     "YAML does not parse: expected ',' or ']', but got ':' (while parsing a flow sequence that starts on line 3)"),
    ("quote-inside-a-plain-value", 'slug: x\ntitle: He said "hi\nspeakers: [Jane Doe\n', 4,
     "YAML does not parse: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence that starts on line 3)"),
    ("quote-in-a-comment", 'slug: x  # say "hi\nspeakers: [Jane Doe\n', 3,
     "YAML does not parse: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence that starts on line 2)"),
    ("multiline-quote-then-bracket", 'title: "first\n  second"\nspeakers: [Jane Doe\n', 4,
     "YAML does not parse: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence that starts on line 3)"),
    ("unclosed-quote-before-another", "slug: x\n" + CHAPTERS.replace('welcome"', "welcome"), 3,
     'YAML does not parse: a quote (") opened on this line is not closed'),
    ("unclosed-quote-at-the-end", "slug: x\n" + CHAPTERS.replace('part"', "part"), 4,
     'YAML does not parse: a quote (") opened on this line is not closed'),
    ("unclosed-single-quote", "slug: x\n" + CHAPTERS.replace('"Hello and welcome"', "'Hello and welcome"), 3,
     "YAML does not parse: a quote (') opened on this line is not closed"),
    ("unclosed-quote-crlf", ("slug: x\n" + CHAPTERS.replace('welcome"', "welcome")).replace("\n", "\r\n"), 3,
     'YAML does not parse: a quote (") opened on this line is not closed'),
]


@pytest.mark.parametrize("text, line, problem", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_syntax_message_names_the_line_to_fix(tmp_path: Path, text: str, line: int, problem: str):
    path = tmp_path / "ep.yml"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputError) as raised:
        load_yaml(path, "seeds/ep.yml", KEYS)
    assert (raised.value.line, raised.value.problem) == (line, problem)
