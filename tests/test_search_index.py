"""The search index: one record per turn shown, each leading to a paragraph that exists, nothing else indexed."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from episode_site.model.episode import Paragraph, SourcePage, Turn
from episode_site.search.index import record_html, shard_of
from episode_site.search.records import Record, search_records, vocabulary


def test_every_record_opens_paragraphs_that_exist_on_its_chapter_page(seed_site: Path, seed_episode):
    records = list(search_records([seed_episode]))
    turns_shown = 0
    for page in {r.meta["page"] for r in records}:
        turns_shown += len(re.findall(r'<h3 class="turn" id=', (seed_site / page / "index.html").read_text(encoding="utf-8")))
    assert len(records) == turns_shown  # a turn cut by a chapter break is two records, one per page
    for record in records:
        html = (seed_site / record.meta["page"] / "index.html").read_text(encoding="utf-8")
        assert f'id="{record.meta["anchor"]}"' in html
        for anchor, _ in record.paragraphs:
            assert f'<p id="{anchor}">' in html, (record.meta["page"], anchor)


def test_only_turns_are_indexed(seed_site: Path, seed_episode):
    """Home, topics, speakers, outline notes: they repeat or sum up what was said; a result is always a turn."""
    records = list(search_records([seed_episode]))
    assert all(re.fullmatch(r"ross-taylor-2025/0\d-[a-z0-9-]+/", r.meta["page"]) for r in records)
    words = " ".join(text for r in records for _, text in r.paragraphs)
    notes = " ".join(line.text for c in seed_episode.chapters for line in c.entry.notes)
    assert "LLM labs are like investment banks" in words
    assert notes and notes.split("?")[0] not in words  # an outline note that is not speech is not a record
    bundle = seed_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and list((bundle / "fragment").iterdir())
    assert len(list((bundle / "fragment").iterdir())) == len(records)
    assert not (bundle / "pagefind-ui.js").exists()  # the site has its own box


def test_records_carry_filters_for_speaker_episode_chapter_and_topic(seed_episode):
    episode = seed_episode
    records = list(search_records([episode]))
    topics = {t.name for t in episode.topics}
    for record in records:
        assert record.filters["speaker"] == [record.meta["speaker"]]
        assert record.filters["episode"] == [episode.source.title]
        assert record.filters["chapter"][0].endswith(record.meta["chapter"])
        assert set(record.filters.get("topic", [])) <= topics
    gspo = [r for r in records if any("GSPO" in text for _, text in r.paragraphs)]
    assert gspo and all("RL algorithms" in r.filters["topic"] for r in gspo)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.paragraphs: list[str] = []
        self.meta: dict[str, str] = {}
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "p":
            self._open = ("p", "")
            self.paragraphs.append("")
        elif "data-pagefind-meta" in attrs:
            self._open = ("meta", attrs["data-pagefind-meta"])
            self.meta[attrs["data-pagefind-meta"]] = ""

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open and self._open[0] == "p":
            self.paragraphs[-1] += data
        elif self._open:
            self.meta[self._open[1]] += data


def test_record_html_keeps_hostile_text_as_text():
    hostile = '<script>alert(1)</script> s**t & "quotes" --> {{ x }}'
    record = Record(paragraphs=(("jane-1-1", hostile), ("jane-1-2", "b******t")),
                    meta={"speaker": '<img src=x onerror=alert(1)>', "page": "a/", "anchor": "jane-1"},
                    filters={"topic": ['"><b>x</b>']})
    reader = _Text()
    reader.feed(record_html(record))
    assert reader.paragraphs == [hostile, "b******t"]
    assert reader.meta["speaker"] == '<img src=x onerror=alert(1)>'
    assert "script" not in reader.tags and "img" not in reader.tags and "b" not in reader.tags


def test_vocabulary_is_what_was_said_with_its_counts_in_safe_files():
    page = SourcePage(path="x.txt", title="T", page_notices=(), show_notes=(), outline=(), transcript_preface=(),
                      turns=(Turn(1, "Jane", (Paragraph("Zuck’s models, models; Élan ../../etc", 1),)),),
                      speakers=("Jane",), ends_mid_sentence=False)
    words = vocabulary([Record(paragraphs=(("jane-1-1", page.turns[0].paragraphs[0].text),), meta={}, filters={})])
    assert words == {"zuck's": 1, "models": 2, "élan": 1, "etc": 1}
    assert [shard_of(w) for w in ("zuck's", "élan", "2025", "_x")] == ["z", "_", "2", "_"]


def test_built_vocabulary_corrects_typos_from_the_seed(seed_site: Path):
    shard = json.loads((seed_site / "pagefind" / "vocabulary" / "p.json").read_text(encoding="utf-8"))
    assert shard["people"] > 5 and "peple" not in shard
    assert {p.name for p in (seed_site / "pagefind" / "vocabulary").iterdir()} <= {f"{c}.json" for c in "abcdefghijklmnopqrstuvwxyz0123456789_"} | {"meta.json"}
    assert json.loads((seed_site / "pagefind" / "vocabulary" / "meta.json").read_text(encoding="utf-8")) == {"records": 73, "parts": []}


def test_records_written_for_the_search_job_read_back_the_same(seed_episode, tmp_path):
    """`episode-site build` hands the records its `generate` made to the search job as JSON lines."""
    from episode_site.search.records import RecordsFile, write_records

    records = list(search_records([seed_episode]))
    write_records(records, tmp_path / "records.jsonl")
    assert list(RecordsFile(tmp_path / "records.jsonl")) == records
    assert any("’" in text for record in records for _, text in record.paragraphs)  # curly quotes, as written
