"""The episode's speakers page: who speaks how much, per chapter and in all, and each speaker's turns.

Words are counted as everywhere on the site: runs of characters between white
space, as the transcript writes them. The page repeats the first words of every
turn, so it stays out of search.
"""

from __future__ import annotations

from collections.abc import Iterator

from episode_site.model.chapters import word_count
from episode_site.model.episode import Episode
from episode_site.pages.escape import inline
from episode_site.pages.turn_lists import turn_list
from episode_site.promises.anchors import slugify


def speaker_counts(episode: Episode) -> dict[str, dict[int, tuple[int, int]]]:
    """Speaker → chapter number (0 for all) → (turns, words). A turn cut by a chapter break counts in both."""
    counts: dict[str, dict[int, tuple[int, int]]] = {name: {} for name in episode.source.speakers}
    for piece in episode.layout.pieces:
        turn = episode.source.turns[piece.turn]
        words = sum(word_count(turn.paragraphs[p].text) for p in piece.paragraphs)
        for key, new_turn in ((piece.chapter.number, 1), (0, int(not piece.continued))):
            turns, total = counts[turn.speaker].get(key, (0, 0))
            counts[turn.speaker][key] = (turns + new_turn, total + words)
    return counts


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _cell(turns: int, words: int, all_words: int) -> str:
    share = f"{words / all_words:.0%}" if all_words else "–"
    # No-break spaces: a narrow cell wraps after the turns, never leaving "52%" alone on a line.
    return f"{_n(turns, 'turn')} · {_n(words, 'word')} · {share}".replace(" ", "&nbsp;").replace("&nbsp;·&nbsp;", " · ", 1)


def speakers_page(episode: Episode, front_matter) -> Iterator[str]:
    page = episode.source
    counts = speaker_counts(episode)
    summary = "; ".join(f"{name}: {counts[name].get(0, (0, 0))[1]:,} words" for name in page.speakers)
    yield from front_matter(sources=episode.seed_files, title="Speakers",
                            description=f"Who speaks how much in {page.title}, chapter by chapter. {summary}.",
                            extra=["search:", "  exclude: true"])
    yield "# Speakers { #speakers }"
    yield ""
    yield ("Turns and words for each speaker, and their share of the words, chapter by chapter and in all. "
           "A word is whatever the transcript writes between spaces; a turn that a chapter break cuts counts in both chapters. "
           "Times marked ≈ are estimates ([how](index.md#about-the-times)).")
    yield ""
    # On a phone the table is wider than the screen: a labelled, focusable box scrolls it, and says so.
    yield '<p class="scroll-hint">The table is wider than the screen: scroll it sideways.</p>'
    yield '<div class="table-scroll" role="region" aria-label="Turns and words by chapter" tabindex="0" markdown>'
    yield ""
    yield "| Chapter | " + " | ".join(inline(name) for name in page.speakers) + " |"
    yield "| --- |" + " ---: |" * len(page.speakers)
    for chapter in episode.chapters:
        total = sum(counts[name].get(chapter.number, (0, 0))[1] for name in page.speakers)
        cells = [_cell(*counts[name].get(chapter.number, (0, 0)), total) if total else "not in the transcript" for name in page.speakers]
        yield f"| [{chapter.number}. {inline(chapter.entry.title)}]({chapter.slug}.md) | " + " | ".join(cells) + " |"
    total = sum(counts[name].get(0, (0, 0))[1] for name in page.speakers)
    yield "| All | " + " | ".join(_cell(*counts[name].get(0, (0, 0)), total) for name in page.speakers) + " |"
    yield ""
    yield "</div>"
    yield ""
    starts = episode.layout.turn_starts
    turns_of: dict[str, list[int]] = {name: [] for name in page.speakers}  # one pass: 10,000 speakers stay linear
    for t, turn in enumerate(page.turns):
        turns_of[turn.speaker].append(t)
    for name in page.speakers:
        turns, words = counts[name].get(0, (0, 0))
        yield f"## {inline(name)} {{ #speaker-{slugify(name, fallback='speaker')} }}"
        yield ""
        yield f"{_n(turns, 'turn')}, {_n(words, 'word')} ({words / total:.0%} of all words). Each turn, with its first words:" if total else ""
        yield ""
        yield turn_list((starts[t], page.turns[t]) for t in turns_of[name])
        yield ""
