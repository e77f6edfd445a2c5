"""Every mistake a person can make in `seeds/` gets one message, exit status 2, no traceback, and no write.

Each case starts from a small valid project that was generated once, breaks one
thing, runs `episode-site generate` as a user would, and checks the whole
message and that `docs/` is byte for byte what it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import ROOT, run_cli, snapshot
from helpers.small_episode import PAGE, SETTINGS

EXAMPLE = """ A valid file looks like:
slug: my-episode            # lowercase words joined by hyphens
source: https://example.com/p/my-episode
speakers: [Jane Doe, John Roe]
chapters:                   # outline timestamp: a short quote that opens the chapter
  "00:00": "Welcome to the show"
  "12:10": "let's talk about evals"
topics:                     # optional: a topic's name, then words that signal it
  Evals: [eval, evals, benchmark*]"""

# (case id, seed files to replace (None removes, bytes written raw), the whole message after `episode-site: error: `)
CASES = [
    ("missing-seeds-folder", "NO SEEDS", "seeds: the seeds folder does not exist. Create it and put an episode's page text in it as `<name>.txt`."),
    ("no-pages", {"test.txt": None, "test.yml": None}, "seeds: no episode pages (`*.txt`) were found. Put an episode's page text in it as `<name>.txt` (or its transcript as .vtt, .srt, .json or .md)."),
    ("settings-without-page", {"other.yml": "slug: other\n"},
     "seeds/other.yml: there is no page `other.txt` for these settings. An episode's settings sit beside its page text with the same name: rename one of the two to match."),
    ("unreadable-page", "PAGE IS A FOLDER",
     "seeds/test.txt: this is a folder, not a regular file. Put the episode's text in an ordinary file: episode-site reads only regular files under seeds/."),
    ("missing-page", "PAGE IS A BROKEN LINK",
     "seeds/test.txt: cannot read the file (No such file or directory). Check that it exists, is a file and not a folder, and that you may read it."),
    ("not-utf8", {"test.txt": PAGE.replace("Thanks", "Thanks caf\xe9").encode("latin-1")},
     "seeds/test.txt:9: column 21 holds byte 0xe9, which is not UTF-8 text. Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8)."),
    ("not-utf8-yaml", {"test.yml": SETTINGS.replace("John Roe", "J\xf6hn Roe").encode("latin-1")},
     "seeds/test.yml:4: column 6 holds byte 0xf6, which is not UTF-8 text. Save the file with the UTF-8 encoding (in most editors: Save As, then Encoding: UTF-8)."),
    ("empty-page", {"test.txt": "\n  \n"},
     "seeds/test.txt: the file is empty. Put the episode's page text in it (title, show notes, outline, transcript)."),
    ("no-turns", {"test.txt": PAGE.split("Jane Doe:")[0] + "Just some words, nobody labelled.\n", "test.yml": "slug: test-episode\n"},
     "seeds/test.txt:7: no speaker turns were found in the transcript. Each turn must start a line with the speaker's name and a colon, like `Jane Doe: Hello.`; list the speakers under `speakers:` in the episode's YAML file if they speak only once."),
    ("speaker-never-speaks", {"test.yml": SETTINGS.replace("  - John Roe\n", "  - John Roe\n  - Ann Other\n")},
     "seeds/test.yml:5: speaker `Ann Other` never speaks: no turn of the transcript is labelled `Ann Other:`. Spell the name exactly as the transcript's labels do, or remove it from `speakers:`."),
    ("near-miss-label", {"test.txt": PAGE.replace("John Roe: Sure", "John Rose: Sure")},
     "seeds/test.txt:11: `John Rose:` is not a speaker's label, but looks like `John Roe:`. Correct the label to `John Roe:`; if John Rose is someone else, list every speaker under `speakers:` in the episode's YAML file."),
    ("near-miss-lowercase", {"test.txt": PAGE.replace("John Roe: Sure", "john roe: Sure")},
     "seeds/test.txt:11: `john roe:` is not a speaker's label, but looks like `John Roe:`. Correct the label to `John Roe:`; if john roe is someone else, list every speaker under `speakers:` in the episode's YAML file."),
    ("near-miss-detected", {"test.yml": None, "test.txt": PAGE + "Jane Doe: One more.\nJohn Roe: Fine.\nJane Dow: Typo here.\nJane Dow: And here.\n"},
     "seeds/test.txt:14: `Jane Dow:` is not a speaker's label, but looks like `Jane Doe:`. Correct the label to `Jane Doe:`; if Jane Dow is someone else, list every speaker under `speakers:` in an episode YAML file (then only listed names count)."),
    ("cue-not-found", {"test.yml": SETTINGS.replace("move to the middle part", "move to the end")},
     "seeds/test.yml:7: the cue “move to the end” is not found in the transcript. Copy a short quote from the paragraph that opens the chapter, exactly as the transcript writes it."),
    ("cue-found-twice", {"test.yml": SETTINGS.replace("move to the middle part", "the middle")},
     "seeds/test.yml:7: the cue “the middle” is found 2 times (transcript lines 10, 11). Lengthen the quote until it matches only the paragraph that opens the chapter."),
    ("cues-out-of-order", {"test.yml": SETTINGS.replace("Hello and welcome", "the middle is where")},
     "seeds/test.yml:7: the cue for 05:00 comes before or at the cue for 00:00 in the transcript. Chapter cues must follow the outline's order; check both quotes."),
    ("first-chapter-cue-not-first", {"test.yml": SETTINGS.replace('"00:00": "Hello and welcome"', '"00:00": "Thanks for having"')
                                     .replace('"05:00": "move to the middle part"', '"05:00": "the middle is where"')},
     "seeds/test.yml:6: the cue for the first chapter (00:00) is not in the transcript's first paragraph, so the words before it would be on no page. Remove that cue (the first chapter always starts with the transcript) or quote the first paragraph."),
    ("label-without-words", {"test.txt": PAGE.replace("John Roe: Thanks for having me.", "John Roe:")},
     "seeds/test.txt:9: the label `John Roe:` has no words after it. Put the turn's words after the label, or remove the label."),
    ("outline-entry-after-transcript", {"test.txt": PAGE.replace("Transcript\n", "Transcript\n09:00 A late entry\n")},
     "seeds/test.txt:8: the outline entry `09:00 A late entry` comes after the `Transcript` line. Move it up with the other outline entries, before the `Transcript` line."),
    ("reserved-slug", {"test.yml": SETTINGS.replace("slug: test-episode", "slug: assets")},
     "seeds/test.yml:1: slug `assets` is a folder the site itself uses. Give the episode another `slug:` in its YAML file; taken: 404, assets, images, javascripts, pagefind, people, search, stylesheets, topics."),
    ("cue-for-unknown-time", {"test.yml": SETTINGS.replace('"05:00"', '"5:00"')},
     "seeds/test.yml:7: no outline entry has the timestamp 5:00. Use one of: 00:00, 05:00."),
    ("outline-not-increasing", {"test.txt": PAGE.replace("05:00 The middle", "00:00 The middle")},
     "seeds/test.txt:6: outline timestamp 00:00 does not come after 00:00. Outline entries must be in increasing time order; fix the timestamp or the order."),
    ("outline-not-a-time", {"test.txt": PAGE.replace("05:00 The middle", "12:70 The middle")},
     "seeds/test.txt:6: `12:70` is not a timestamp. Write times as MM:SS, H:MM:SS or HH:MM:SS with minutes and seconds below 60, like 12:10 or 1:02:46."),
    ("yaml-unclosed-quote", {"test.yml": SETTINGS.replace('"Hello and welcome"', '"Hello and welcome')},
     "seeds/test.yml:6: YAML does not parse: a quote (\") opened on this line is not closed. "
     "Fix the syntax (quotes and brackets closed, `key: value` with spaces)." + EXAMPLE),
    ("yaml-tab", {"test.yml": SETTINGS.replace("  - Jane Doe", "\t- Jane Doe")},
     "seeds/test.yml:3: YAML does not parse: found character '\\t' that cannot start any token. "
     "Fix the syntax (quotes and brackets closed, `key: value` with spaces). YAML does not allow tab characters for indentation; use spaces." + EXAMPLE),
    ("yaml-duplicate-key", {"test.yml": SETTINGS + '  "00:00": "Hello"\n'},
     "seeds/test.yml:8: `00:00` is written twice (first on line 6). Keep one of them; each key may appear once."),
    ("yaml-unclosed-bracket", {"test.yml": "slug: test-episode\nspeakers: [Jane Doe, John Roe\n"},
     "seeds/test.yml:3: YAML does not parse: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence that starts on line 2). "
     "Fix the syntax (quotes and brackets closed, `key: value` with spaces)." + EXAMPLE),
    ("yaml-unclosed-single-quote", {"test.yml": SETTINGS.replace('"Hello and welcome"', "'Hello and welcome")},
     "seeds/test.yml:6: YAML does not parse: a quote (') opened on this line is not closed. "
     "Fix the syntax (quotes and brackets closed, `key: value` with spaces)." + EXAMPLE),
    ("unknown-key", {"test.yml": SETTINGS.replace("speakers:", "speekers:")},
     "seeds/test.yml:3: unknown key `speekers`. Did you mean `speakers`?"),
    ("date-not-a-date", {"test.yml": SETTINGS + "date: 31/07/2025\n"},
     "seeds/test.yml:8: `date: 31/07/2025` is not a date. Write the publication date as year-month-day, like `date: 2025-07-31`."),
    ("date-impossible", {"test.yml": SETTINGS + "date: 2025-02-30\n"},
     "seeds/test.yml:8: `date: 2025-02-30` is not a date. Write the publication date as year-month-day, like `date: 2025-07-31`."),
    ("unknown-site-key", {"site.yml": "page_notice:\n  - x\n"},
     "seeds/site.yml:2: unknown key `page_notice`. Did you mean `page_notices`?"),
    ("slug-parent", {"test.yml": SETTINGS.replace("slug: test-episode", "slug: ../x")},
     "seeds/test.yml:1: slug `../x` is not a plain slug. The slug is the episode's folder and address on the site: use lowercase letters, digits and single hyphens, like `my-episode-12` (no slashes, dots or spaces)."),
    ("slug-absolute", {"test.yml": SETTINGS.replace("slug: test-episode", "slug: /abs")},
     "seeds/test.yml:1: slug `/abs` is not a plain slug. The slug is the episode's folder and address on the site: use lowercase letters, digits and single hyphens, like `my-episode-12` (no slashes, dots or spaces)."),
    ("slug-spaces", {"test.yml": SETTINGS.replace("slug: test-episode", "slug: test episode")},
     "seeds/test.yml:1: slug `test episode` is not a plain slug. The slug is the episode's folder and address on the site: use lowercase letters, digits and single hyphens, like `my-episode-12` (no slashes, dots or spaces)."),
    ("duplicate-slug", {"zz.txt": PAGE, "zz.yml": SETTINGS},
     "seeds/zz.yml:1: slug `test-episode` is already used by seeds/test.yml. Give each episode its own `slug:` in its YAML file (its address on the site)."),
]


def break_seeds(root: Path, change: object) -> None:
    seeds = root / "seeds"
    if change == "NO SEEDS":
        for path in seeds.iterdir():
            path.unlink()
        seeds.rmdir()
    elif change == "PAGE IS A FOLDER":
        (seeds / "test.txt").unlink()
        (seeds / "test.txt").mkdir()
    elif change == "PAGE IS A BROKEN LINK":
        (seeds / "test.txt").unlink()
        (seeds / "test.txt").symlink_to(seeds / "gone.txt")
    else:
        for name, content in change.items():
            if content is None:
                (seeds / name).unlink()
            elif isinstance(content, bytes):
                (seeds / name).write_bytes(content)
            else:
                (seeds / name).write_text(content, encoding="utf-8")


@pytest.mark.parametrize("change, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mistake_gets_one_message_and_nothing_is_written(generated: Path, tmp_path: Path, change, message: str):
    import shutil

    root = tmp_path / "project"
    shutil.copytree(generated, root, symlinks=True)
    before = snapshot(root / "docs")
    break_seeds(root, change)
    result = run_cli(root, "generate")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"episode-site: error: {message}\n"
    assert snapshot(root / "docs") == before


def test_the_command_itself_exits_2_with_the_message(generated: Path, tmp_path: Path):
    """The cases above run `main()` in the test's process; one runs `python -m episode_site.cli` end to end."""
    import shutil

    case_id, change, message = next(case for case in CASES if case[0] == "near-miss-label")
    root = tmp_path / "project"
    shutil.copytree(generated, root, symlinks=True)
    break_seeds(root, change)
    result = run_cli(root, "generate", own_process=True)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"episode-site: error: {message}\n")
    result = run_cli(root, "build")  # generate in a child process of its own, then nothing built
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"episode-site: error: {message}\n")
    assert not (root / "site").exists()


def test_the_valid_project_generates(generated: Path):
    assert (generated / "docs" / "test-episode" / "02-the-middle-part.md").exists()


@pytest.mark.parametrize("encode", [lambda t: ("\ufeff" + t).encode(), lambda t: t.replace("\n", "\r\n").encode(),
                                    lambda t: ("\ufeff" + t.replace("\n", "\r\n")).encode()], ids=["bom", "crlf", "bom-crlf"])
def test_bom_and_crlf_are_read_as_if_absent(generated: Path, tmp_path: Path, encode):
    import shutil

    root = tmp_path / "project"
    shutil.copytree(generated, root, symlinks=True)
    before = snapshot(root / "docs")
    for name in ("test.txt", "test.yml"):
        (root / "seeds" / name).write_bytes(encode((root / "seeds" / name).read_text(encoding="utf-8")))
    result = run_cli(root, "generate")
    assert result.returncode == 0, result.stderr
    assert snapshot(root / "docs") == before


def test_troubleshooting_lists_every_message():
    guide = (ROOT / "TROUBLESHOOTING.md").read_text(encoding="utf-8")
    missing = [case_id for case_id, _, message in CASES if _problem(message) not in guide]
    assert missing == []


def _problem(message: str) -> str:
    """The fixed words of a message's problem, as the guide writes it (names and numbers vary)."""
    return message.split(": ", 1)[1].split(". ", 1)[0] if ": " in message else message
