"""Downloads: the transcript as plain text and as Markdown, and Podcasting 2.0 JSON chapters.

The files sit in the episode's folder beside its pages. The Markdown one is
named `.md.txt` so that MkDocs copies it instead of turning it into a page (which
would put every turn into search twice); the link's `download` attribute saves
it under a `.md` name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from episode_site.model.episode import Episode, SourcePage
from episode_site.model.places import when
from episode_site.outputs.transcript_formats import fully_timed, to_html, to_json, to_srt, to_vtt
from episode_site.pages.escape import readable as markdown_text
from episode_site.readers.page import plain_newlines

TRANSCRIPT_WRITERS = {"vtt": to_vtt, "srt": to_srt, "json": to_json, "html": to_html}
CHAPTERS_VERSION = "1.2.0"  # https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md


def file_names(episode: Episode) -> dict[str, str]:
    """Kind → file name inside the episode's folder."""
    names = {"text": f"{episode.slug}.txt", "markdown": f"{episode.slug}.md.txt", "chapters": f"{episode.slug}.chapters.json",
             "html": f"{episode.slug}.transcript.html"}
    if fully_timed(episode.source):  # issue 13: the cue formats need a time for every turn
        names.update(vtt=f"{episode.slug}.vtt", srt=f"{episode.slug}.srt", json=f"{episode.slug}.transcript.json")
    return names


def transcript_section(text: str, page: SourcePage) -> str:
    """The source's transcript section exactly as written: every line after the `Transcript`
    line (or, without one, from the line where the transcript starts) to the end.

    A byte-order mark and CR LF or CR line endings are read as if absent (LF), as
    everywhere else in the build, so that the same words give the same site.
    """
    preface = page.transcript_preface
    if preface and preface[0].text.strip().lower() == "transcript":
        first = preface[0].number + 1
    else:
        first = min([line.number for line in preface] + [page.turns[0].paragraphs[0].line])
    lines = plain_newlines(text).split("\n")
    return "\n".join(lines[first - 1 :])


def chapters_json(episode: Episode, *, site_url: str | None) -> str:
    """Podcasting 2.0 JSON chapters: every outline entry at its outline time, with its page's URL.

    Without a `site_url` in mkdocs.yml the URLs are relative to this file.
    """
    base = f"{site_url.rstrip('/')}/{episode.slug}/" if site_url else ""
    data = {
        "version": CHAPTERS_VERSION,
        "title": episode.source.title,
        "chapters": [
            {"startTime": chapter.entry.seconds, "title": chapter.entry.title, "url": f"{base}{chapter.slug}/"}
            for chapter in episode.chapters
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def transcript_markdown(episode: Episode) -> str:
    return "\n".join(_markdown_lines(episode)).rstrip("\n") + "\n"


def _markdown_lines(episode: Episode) -> Iterator[str]:
    page = episode.source
    yield f"# {markdown_text(page.title)}"
    yield ""
    if episode.source_url:
        yield f"Source: <{episode.source_url}>"
        yield ""
    for line in page.transcript_preface[1:] if page.transcript_preface else ():
        yield f"> {markdown_text(line.text)}"
        yield ""
    yield ("Times are the recording's own, from the transcript's timestamps." if page.timed else
           "Times marked ≈ are estimates from word counts between the outline's chapter times.")
    yield ""
    for chapter in episode.chapters:
        yield f"## {markdown_text(f'{chapter.entry.stamp} {chapter.entry.title}')}"
        yield ""
        in_chapter = episode.layout.by_chapter[chapter.number]
        if not in_chapter:
            yield "*Not in the published transcript.*"
            yield ""
        for piece in in_chapter:
            turn = page.turns[piece.turn]
            continued = " (continued)" if piece.continued else ""
            yield f"**{markdown_text(turn.speaker)}**{continued} ({when(piece)})"
            yield ""
            for p in piece.paragraphs:
                yield markdown_text(turn.paragraphs[p].text)
                yield ""


def download_files(episode: Episode, *, site_url: str | None) -> dict[str, str]:
    """Path under `docs/` → content, for each download of the episode."""
    names = file_names(episode)
    return {
        f"{episode.slug}/{names['text']}": episode.transcript_text,
        f"{episode.slug}/{names['markdown']}": transcript_markdown(episode),
        f"{episode.slug}/{names['chapters']}": chapters_json(episode, site_url=site_url),
        **{f"{episode.slug}/{names[kind]}": write(episode.source) for kind, write in TRANSCRIPT_WRITERS.items() if kind in names},
    }


def plain_transcript(page: SourcePage) -> str:
    """The conversation as page text (`Name: words`, a line per paragraph): the plain-text download of a cue or Markdown file."""
    return "".join(f"{turn.speaker}: " + "\n".join(p.text for p in turn.paragraphs) + "\n" for turn in page.turns)
