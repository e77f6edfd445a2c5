"""Anchors are permanent, so two passages may never share one."""

from __future__ import annotations

import pytest

from episode_site.errors import InputError
from episode_site.generate import generated_files
from episode_site.load import load_episodes
from helpers.project import make_project


def test_speakers_whose_names_slug_alike_cannot_share_an_anchor(tmp_path):
    # `Speaker` turn 1 paragraph 2 and `Speaker 1` turn 2 would both be #speaker-1-2.
    page = "T\nTranscript\nSpeaker: One.\nTwo.\nSpeaker 1: Three.\nSpeaker: Four.\nSpeaker 1: Five.\n"
    root = make_project(tmp_path / "p", {"ep.txt": page, "ep.yml": "speakers: [Speaker, Speaker 1]\n"})
    with pytest.raises(InputError) as caught:
        generated_files(root, load_episodes(root / "seeds", root))
    assert "would share the anchor #speaker-1-2" in caught.value.problem
