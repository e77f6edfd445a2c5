"""`Name:` labels at the start of a cue (WebVTT without voice spans, SRT), read as the page format reads them.

A label counts when its name is listed under `speakers:` in the episode's YAML,
or, without a list, when it labels at least two cues; a label that looks like a
typo of a speaker's stops the build, as in a page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from .cues import Cue
from .model import Line
from .speakers import check_labels, detect_speakers, label_at_start

log = logging.getLogger("episode_site")


def label_cues(cues: Sequence[Cue], path: str, *, speakers: Sequence[str] = ()) -> list[Cue]:
    """The cues, each unnamed one that starts with a speaker's label named by it (the label taken off its words)."""
    unnamed = [cue for cue in cues if cue.speaker is None]
    names = tuple(speakers) or detect_speakers(cue.text for cue in unnamed)
    check_labels([Line(cue.text, cue.line) for cue in unnamed], names, path, listed=bool(speakers))
    labelled, said = [], set()
    for cue in cues:
        found = label_at_start(cue.text) if cue.speaker is None else None
        if found and found[0] in names:
            cue = replace(cue, speaker=found[0], text=found[1])
        elif found and found[0] not in said:
            said.add(found[0])
            log.warning("%s:%d: `%s:` looks like a speaker's label but is not a speaker's, so the cue stays in the turn "
                        "before it. If it starts a turn, list every speaker under `speakers:` in the episode's YAML.",
                        path, cue.line, found[0])
        labelled.append(cue)
    return labelled
