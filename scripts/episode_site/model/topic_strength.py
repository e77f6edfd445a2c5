"""How strongly a chapter discusses a topic, and which passages say the most about it.

Built only on what `topics.py` computes (its mentions and its threshold). The
threshold says whether a chapter discusses a topic at all; a long chapter passes
it for a dozen topics, and a dozen chips above a chapter tell a reader nothing.
So a chapter shows at most MAX_SHOWN topics, the strongest first:

* **strength of a topic in a chapter**: the number of the chapter's paragraphs
  that mention it. A paragraph that repeats a word counts once, so one speaker
  saying "RL" five times in a breath does not outweigh a topic the conversation
  keeps coming back to. Ties go to more mentions, then to the vocabulary's order.
* **strength of a passage for a topic**: the number of mentions in the
  paragraph, then the number of different words of the topic it uses; ties go to
  the earlier paragraph. A turn gives at most one passage, so the strongest three
  are three different moments.

The full mapping (every topic that passes the threshold) is
`Layout.chapter_tags`: the topics page and search filters use that. The functions
here read an episode's layout (its mentions by chapter); `Layout` holds what
`strongest_topics` returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from episode_site.model.episode import Chapter, Episode, Topic
from episode_site.model.topics import Mention

if TYPE_CHECKING:  # layout.py imports this module
    from episode_site.model.layout import Layout

MAX_SHOWN = 5
STRENGTH_SENTENCE = (f"A chapter shows at most {MAX_SHOWN} of them, the ones it discusses most: those that the most of its "
                     "paragraphs mention (a paragraph counts once however often it repeats a word).")


@dataclass(frozen=True)
class Strength:
    """How much one chapter talks about one topic."""

    paragraphs: int
    """The chapter's paragraphs that mention the topic."""
    mentions: int
    """Every mention in the chapter."""
    turns: int
    """The chapter's turns that mention it."""


def strength(layout: Layout, chapter: Chapter, topic: Topic) -> Strength:
    found = layout.mentions_by_chapter[topic][chapter.number]
    return Strength(len({(m.turn, m.paragraph) for m in found}), len(found), len({m.turn for m in found}))


def strongest_topics(layout: Layout) -> dict[int, list[str]]:
    """Chapter number → the topics its page shows: at most MAX_SHOWN of those it discusses, strongest first.

    Held by `episode.layout.shown_topics`: ask it, not this.
    """
    episode = layout.episode
    order = {topic.name: n for n, topic in enumerate(episode.topics)}
    by_name = {topic.name: topic for topic in episode.topics}
    shown = {}
    for chapter in episode.chapters:
        discussed = layout.chapter_tags[chapter.number]
        score = {name: strength(layout, chapter, by_name[name]) for name in discussed}
        ranked = sorted(discussed, key=lambda name: (-score[name].paragraphs, -score[name].mentions, order[name]))
        shown[chapter.number] = ranked[:MAX_SHOWN]
    return shown


def strongest_passages(layout: Layout, topic: Topic, count: int = 3) -> list[list[Mention]]:
    """The `count` strongest paragraphs for the topic, one per turn, strongest first: each as its mentions."""
    episode = layout.episode
    by_paragraph: dict[tuple[int, int], list[Mention]] = {}
    for mention in layout.mentions[topic]:
        by_paragraph.setdefault((mention.turn, mention.paragraph), []).append(mention)
    best_of_turn: dict[int, list[Mention]] = {}
    for (turn, _), said in by_paragraph.items():
        if turn not in best_of_turn or _passage_key(episode, said) < _passage_key(episode, best_of_turn[turn]):
            best_of_turn[turn] = said
    return sorted(best_of_turn.values(), key=lambda said: _passage_key(episode, said))[:count]


def _passage_key(episode: Episode, said: Sequence[Mention]) -> tuple[int, int, int, int]:
    text = episode.source.turns[said[0].turn].paragraphs[said[0].paragraph].text
    words = {text[m.start:m.end].lower() for m in said}
    return (-len(said), -len(words), said[0].turn, said[0].paragraph)
