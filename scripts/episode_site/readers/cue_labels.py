"""`Name:` labels at the start of a cue (WebVTT without voice spans, SRT), read as the page format reads them.

A label counts when its name is listed under `speakers:` in the episode's YAML,
or, without a list, when it labels at least two cues; a label that looks like a
typo of a speaker's stops the build, as in a page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from episode_site.model.episode import Line
from episode_site.readers.cues import Cue
from episode_site.readers.labels import check_labels, detect_speakers, label_at_start

log = logging.getLogger("episode_site")


def label_cues(cues: Sequence[Cue], path: str, *, speakers: Sequence[str] = ()) -> list[Cue]:
    """The cues with white space folded, each unnamed one cut at every line that opens with a speaker's label.

    A subtitle may hold two speakers' lines (`Jane Doe: Hi.` / `John Roe: Hello.`): each becomes a cue
    of its own, with the subtitle's times, so that no words change speaker.
    """
    unnamed = [Line(text, cue.line + i) for cue in cues if cue.speaker is None for i, text in enumerate(cue.text.split("\n"))]
    names = tuple(speakers) or detect_speakers(line.text for line in unnamed)
    check_labels(unnamed, names, path, listed=bool(speakers))
    labelled: list[Cue] = []
    said: set[str] = set()
    for cue in cues:
        if cue.speaker is not None:
            labelled.append(replace(cue, text=" ".join(cue.text.split())))
            continue
        parts: list[tuple[str | None, list[str], int]] = []
        for i, text in enumerate(cue.text.split("\n")):
            found = label_at_start(text)
            if found and found[0] in names:
                parts.append((found[0], [found[1]], cue.line + i))
                continue
            if found and found[0] not in said:
                said.add(found[0])
                log.warning("%s:%d: `%s:` looks like a speaker's label but is not a speaker's, so the cue stays in the turn "
                            "before it. If it starts a turn, list every speaker under `speakers:` in the episode's YAML.",
                            path, cue.line + i, found[0])
            if parts:
                parts[-1][1].append(text)
            else:
                parts.append((None, [text], cue.line + i))
        labelled += [replace(cue, speaker=speaker, text=" ".join(" ".join(words).split()), line=line) for speaker, words, line in parts]
    return labelled
