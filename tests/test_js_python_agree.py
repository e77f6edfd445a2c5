"""The search box (docs/assets/search-words.js) and the index (search/records.py, search/index.py) must split text
into the same words and put each word in the same vocabulary file: a typo is corrected against the words Python wrote,
in the file JavaScript asks for. One test feeds both the same lines: the test data, the seeds, the shared archive of real
transcripts when it is there (one file in ARCHIVE_EVERY, to keep the test quick), and a few lines chosen for accents, apostrophes, digits, hyphens and other scripts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from episode_site.search.index import shard_of
from episode_site.search.records import Record, vocabulary
from helpers.project import ROOT

TOKENISE = ROOT / "tests" / "js" / "tokenise.mjs"
ARCHIVE_EVERY = 20  # of about 1,500 files (89 MB): some 75 episodes of ten shows, tens of thousands of words

# Where Unicode makes tokenisers differ: case folding that changes length (İ), final sigma, combining marks,
# curly and straight apostrophes, digits of other scripts, symbols that are numbers, underscores, emoji.
EDGE_LINES = [
    "İstanbul, DİYARBAKIR and ıslak: Turkish I's.",
    "ΟΔΟΣ ΟΔΟΣ. Σ ΣΑΣ'Σ ὈΔΥΣΣΕΎΣ",
    "Straße STRASSE ǅemal ǈ ﬁne ﬂow",
    "don’t can't rock'n'roll ’90s 'quoted' o'clock dogs' l’homme",
    "GPT-4o, 3½ x² ①②, Ⅻ, ٣٤ ४२ 10,000 3.14 1e9 #42 @home",
    "e\u0301cole école naïve coöperate Zoë",
    "हिन्दी தமிழ் ไทย 日本語の文章 한국어 العربية עברית",
    "snake_case kebab-case CamelCase e-mail co-op",
    "emoji 🙂 done; 𝐛𝐨𝐥𝐝 𝟘𝟙 Deseret 𐐀𐐨",
    "tab\tnew\nline\u00a0no-break\u2009thin\u200bzero width",
]


def _archive() -> Path | None:
    """The shared archive of real transcripts (`shared/archive` beside the checkout or one of its parents), if any."""
    return next((p / "shared" / "archive" for p in ROOT.parents if (p / "shared" / "archive").is_dir()), None)


def _lines() -> list[str]:
    """Every line of the sources that holds a word no earlier line held: each word is compared at least once."""
    files = sorted(p for p in (ROOT / "tests" / "data").rglob("*") if p.is_file())
    files += sorted(p for p in (ROOT / "seeds").rglob("*") if p.is_file())
    archive = _archive()
    if archive:
        files += sorted(p for p in archive.rglob("*") if p.is_file())[::ARCHIVE_EVERY]
    seen: set[str] = set()
    lines = list(EDGE_LINES)
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for line in text.splitlines():
            words = set(_python_words(line))
            if words - seen:
                seen |= words
                lines.append(line)
    return lines


def _python_words(text: str) -> Counter:
    """The words the index counts in `text` (the vocabulary the search box corrects typos against)."""
    return Counter(vocabulary([Record(paragraphs=(("", text),), meta={}, filters={})]))


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        reason = "node is not installed (scripts/test.sh installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return node


def test_python_and_javascript_find_the_same_words_and_shards():
    lines = _lines()
    done = subprocess.run([_node(), str(TOKENISE)], input=json.dumps(lines), capture_output=True, text=True,
                          encoding="utf-8", check=True)
    js = json.loads(done.stdout)
    python = [_python_words(line) for line in lines]
    differ = [(line, dict(py), dict(Counter(words)))
              for line, py, words in zip(lines, python, js["words"], strict=True) if py != Counter(words)]
    assert not differ, f"{len(differ)} lines split differently, first: {differ[:3]}"
    python_words = set().union(*python)
    assert python_words == set(js["shards"])
    assert len(python_words) >= 2000, "too few words to say the tokenisers agree"
    shards_differ = {w: (shard_of(w), s) for w, s in js["shards"].items() if shard_of(w) != s}
    assert not shards_differ, f"vocabulary files differ (python, js): {dict(list(shards_differ.items())[:10])}"
