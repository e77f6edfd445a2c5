"""Anchors readers linked to: the map agrees with the pages, and the build keeps the registry's promise."""

from __future__ import annotations

import json
import re
from pathlib import Path

from episode_site.model.episode import Turn
from episode_site.promises.anchors import turn_anchor as anchor_of
from helpers.html_text import page_turns
from helpers.project import ROOT, SEED_PAGE, make_project, run_cli
from helpers.site_map import anchor_map

REGISTRY = SEED_PAGE.with_suffix(".anchors")


def _seeds(page_text: str, registry: str | None = None) -> dict[str, str]:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").iterdir() if p.is_file()}
    seeds[SEED_PAGE.name] = page_text
    if registry is not None:
        seeds[REGISTRY.name] = registry
    return seeds


def test_map_lists_every_turn_and_paragraph_on_the_page_that_shows_it(seed_site: Path, seed_episode):
    episode = seed_episode
    site_map = anchor_map(seed_site, episode.slug)
    shown = {}
    for chapter in site_map["chapters"]:
        for turn in page_turns(seed_site / episode.slug / chapter / "index.html"):
            shown[turn.anchor] = chapter
            shown.update({paragraph_id: chapter for paragraph_id, _ in turn.paragraphs})
    assert site_map["anchors"] == shown


def test_committed_registry_lists_every_anchor_of_the_site(seed_site: Path, seed_episode):
    listed = {line.split()[0] for line in REGISTRY.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    assert listed >= set(anchor_map(seed_site, seed_episode.slug)["anchors"])


def test_a_transcript_edit_that_drops_an_anchor_stops_the_build(tmp_path: Path, seed_episode):
    source = SEED_PAGE.read_text(encoding="utf-8")
    project = make_project(tmp_path / "p", _seeds(source.rstrip("\n").rsplit("\n", 1)[0] + "\n"))
    result = run_cli(project, "generate")
    assert result.returncode == 2, result.stderr
    message = result.stderr.strip().splitlines()[-1]
    last = seed_episode.source.turns[-1]  # a one-paragraph turn: its heading and paragraph anchors vanish
    assert re.match(rf"episode-site: error: seeds/{re.escape(REGISTRY.name)}:\d+: 2 anchor\(s\)", message), message
    assert len(last.paragraphs) == 1 and f"`{anchor_of(last)}`" in message and f"`{anchor_of(last)}-1`" in message
    assert "`old -> new`" in message  # says how to keep the promise on purpose
    assert not list((project / "docs").glob("*/*.md")), "pages were written although the build failed"


def test_a_retired_anchor_goes_to_its_replacement(tmp_path: Path, seed_episode):
    source = SEED_PAGE.read_text(encoding="utf-8")
    shorter = source.rstrip("\n").rsplit("\n", 1)[0] + "\n"
    last = seed_episode.source.turns[-1]
    gone = [anchor_of(last), f"{anchor_of(last)}-1"]
    replacement = anchor_of(seed_episode.source.turns[-2])
    registry = REGISTRY.read_text(encoding="utf-8")
    for anchor in gone:
        registry = re.sub(rf"(?m)^{re.escape(anchor)} .*$", f"{anchor} -> {replacement}", registry)
    project = make_project(tmp_path / "p", _seeds(shorter, registry))
    result = run_cli(project, "generate")
    assert result.returncode == 0, result.stderr
    site_map = json.loads((project / "docs" / seed_episode.slug / "anchors.json").read_text(encoding="utf-8"))
    assert site_map["retired"] == {anchor: replacement for anchor in gone}
    assert replacement in site_map["anchors"]


def test_new_anchors_are_recorded(tmp_path: Path, seed_episode):
    source = SEED_PAGE.read_text(encoding="utf-8").rstrip("\n") + "\nNathan Lambert: A new closing remark.\n"
    project = make_project(tmp_path / "p", _seeds(source))
    result = run_cli(project, "generate")
    assert result.returncode == 0, result.stderr
    new = anchor_of(Turn(seed_episode.source.turns[-1].number + 1, "Nathan Lambert", ()))
    registry = (project / "seeds" / REGISTRY.name).read_text(encoding="utf-8")
    assert f"\n{new} A new closing remark.\n" in registry
    kept = registry.splitlines()
    assert all(line in kept for line in REGISTRY.read_text(encoding="utf-8").splitlines()), "a recorded anchor was dropped"
