"""A show's archive: 20 synthetic episodes of mixed formats (page text, WebVTT, SRT, JSON, Markdown) built as a
user would, and the same archive cut to its first 5.

Checks the home (newest first), the nav (the open episode's chapters only), the person
pages (every turn of someone who speaks in several episodes), that a page does not grow
with the archive, and that `generate` rewrites only what an edit touches.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build, make_project, run_cli

sys.path.insert(0, str(ROOT / "scripts"))
from episode_site.load import load_episodes  # noqa: E402
from episode_site.model.archive import nav_groups, newest_first, people  # noqa: E402
from episode_site.promises.anchors import slugify, turn_anchor  # noqa: E402
from synthetic_archive import MIXED_FORMATS, write_archive  # noqa: E402

COUNT = 20


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("archive"), seeds={})
    write_archive(root / "seeds", COUNT, seed=1, mixed=True, words=3_000)  # short episodes: the structure is what is tested
    build(root)
    return root


@pytest.fixture(scope="module")
def first_five(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same archive with only its first five episodes: the same pages, a shorter list around them."""
    root = make_project(tmp_path_factory.mktemp("five"), seeds={})
    first = sorted({path.name.split(".")[0] for path in (archive / "seeds").glob("episode-*")})[:5]
    for path in (archive / "seeds").glob("episode-*"):  # the transcript, .yml and .anchors of each
        if path.name.split(".")[0] in first:
            shutil.copy(path, root / "seeds" / path.name)
    shutil.copy(archive / "seeds" / "site.yml", root / "seeds" / "site.yml")
    build(root)
    return root


@pytest.fixture(scope="module")
def episodes(archive: Path):
    return load_episodes(archive / "seeds", archive)


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _primary_nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start: html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def test_the_generator_is_deterministic(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    write_archive(one, 3, seed=7)
    write_archive(two, 3, seed=7)
    assert {p.name: p.read_bytes() for p in one.iterdir()} == {p.name: p.read_bytes() for p in two.iterdir()}


def test_every_input_format_is_in_the_archive_and_cue_files_show_exact_times(archive: Path, episodes):
    formats = {Path(e.seed_files[0]).suffix: e for e in episodes}
    assert set(formats) == set(MIXED_FORMATS)
    for suffix, episode in formats.items():
        chapter = _html(archive / "site", f"{episode.slug}/{episode.chapters[1].slug}")
        times = re.findall(r'<(time|span) class="turn-time"[^>]*>([^<]*)</', chapter)
        assert times, f"{suffix}: no turn times"
        if suffix == ".txt":  # estimated: `≈`, not a <time>
            assert all(element == "span" and text.startswith("≈ ") for element, text in times), times[:3]
        else:
            assert all(element == "time" and re.fullmatch(r"\d+:\d\d(:\d\d)?", text) for element, text in times), times[:3]


def test_home_lists_every_episode_newest_first(archive: Path, episodes):
    whole = _html(archive / "site", "")
    home = whole[whole.index("<article"): whole.index("</article>")]
    dates = re.findall(r'<time datetime="([\d-]+)"', home)
    assert len(dates) == COUNT
    assert dates == sorted(dates, reverse=True)
    order = [m for m in re.findall(r'href="(episode-\d+)/"', home)]
    assert order == [e.slug for e in newest_first(episodes)]
    for episode in episodes:  # title, length and every chapter
        assert f'href="{episode.slug}/"' in home
        for chapter in episode.chapters:
            assert f'href="{episode.slug}/{chapter.slug}/"' in home


def test_nav_holds_the_open_episodes_chapters_only(archive: Path, episodes):
    for episode in episodes[:3]:
        nav = _primary_nav(_html(archive / "site", f"{episode.slug}/{episode.chapters[-1].slug}"))
        linked = set(re.findall(r'href="\.\./\.\./(episode-\d+)/\d\d-', nav))
        assert linked <= {episode.slug}, f"other episodes' chapters in the nav of {episode.slug}: {linked}"
        for chapter in episode.chapters[:-1]:
            assert f'href="../{chapter.slug}/"' in nav
        assert 'href="../.."' in nav, "the nav leads back to the list of every episode"


def test_zensical_prunes_the_nav_as_mkdocs_does(first_five: Path, tmp_path: Path):
    """The archive's nav lives in the generated config and `navigation.prune`, not in a hook Zensical would ignore
    (its groups are the generated config's: test_site_config)."""
    zensical = Path(sys.executable).parent / "zensical"
    if not zensical.exists():
        pytest.fail("zensical is not installed: bash scripts/test.sh installs it (extra `renderers`)")
    project = tmp_path / "zensical"
    shutil.copytree(first_five, project, ignore=shutil.ignore_patterns("site", "seeds"))  # docs/ as generate left it
    result = subprocess.run([str(zensical), "build", "-f", "mkdocs.yml"], cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    links = lambda html: sorted(set(re.findall(r'href="([^"#]+)"', _primary_nav(html))) - {"./", "././"})  # noqa: E731
    for episode in load_episodes(first_five / "seeds", first_five)[:2]:
        path = f"{episode.slug}/{episode.chapters[-1].slug}"
        ours = links(_html(project / "site", path))
        assert ours == links(_html(first_five / "site", path)), path
        assert not [link for link in ours if re.match(r"\.\./\.\./episode-\d+/\d\d-", link)], f"{path}: other episodes' chapters"
        assert f"../{episode.chapters[0].slug}/" in ours


def test_nav_groups_stay_small():
    """However many episodes, the open path lists at most a dozen at each level (a daily show's month aside)."""
    every_three_days = [(f"e{n}", datetime.date(2020, 1, 1) + datetime.timedelta(days=3 * n)) for n in range(500)]
    undated = [(f"u{n}", None) for n in range(30)]
    groups = nav_groups(list(reversed(every_three_days)) + undated)
    assert [g.title for g in groups] == ["2024", "2023", "2022", "2021", "2020", "Undated 1–12", "Undated 13–24", "Undated 25–30"]
    assert all(len(group.items) <= 12 for group in groups)
    assert all(len(month.items) <= 12 for group in groups for month in group.items if not isinstance(month, str))
    assert [s for g in groups for m in g.items for s in (m.items if not isinstance(m, str) else [m])] == \
        [slug for slug, _ in list(reversed(every_three_days)) + undated]


def test_person_pages_gather_every_turn(archive: Path, episodes):
    everyone = people(episodes)
    assert everyone, "the synthetic archive has people who speak in several episodes"
    for person in everyone:
        page = _html(archive / "site", f"people/{person.slug}")
        linked = re.findall(r'href="\.\./\.\./(episode-\d+)/[^"#]*#([^"]+)"', page)
        expected = [(e.slug, turn_anchor(t)) for e in newest_first(episodes) for t in e.source.turns
                    if slugify(t.speaker) == person.slug]
        assert linked == expected
        assert len({slug for slug, _ in expected}) > 1
    listing = _html(archive / "site", "people")
    assert all(f'href="{person.slug}/"' in listing for person in everyone)


def test_site_wide_topics_page_links_into_episodes(archive: Path):
    page = _html(archive / "site", "topics")
    assert len(set(re.findall(r'href="\.\./(episode-\d+)/\d\d-', page))) > 5


def test_a_page_does_not_grow_with_the_archive(archive: Path, first_five: Path):
    for path in [p.parent.relative_to(first_five / "site") for p in sorted((first_five / "site" / "episode-0001").glob("*/index.html"))]:
        small = len(_html(first_five / "site", str(path)).encode())
        large = len(_html(archive / "site", str(path)).encode())
        assert large <= small + 2500, f"{path}: {small} bytes with 5 episodes, {large} with {COUNT}"


def test_generate_writes_only_what_changed(archive: Path, tmp_path: Path):
    root = tmp_path / "copy"
    shutil.copytree(archive, root, ignore=shutil.ignore_patterns("site"))
    again = run_cli(root, "generate")
    assert "wrote 0 page(s), removed 0" in again.stderr + again.stdout
    cues = root / "seeds" / "episode-0006.vtt"  # a word added to the last cue
    cues.write_text(cues.read_text(encoding="utf-8").rstrip("\n") + " Indeed.\n", encoding="utf-8")
    before = {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()}
    result = run_cli(root, "generate")
    assert result.returncode == 0, result.stderr
    written = {str(p.relative_to(root / "docs")) for p, stamp in before.items() if p.stat().st_mtime_ns != stamp}
    assert written, "the edit is written"
    site_wide = re.compile(r"^(index\.md|\.episode-site\.json|people/.*|topics/index\.md)$")
    assert {p for p in written if not p.startswith("episode-0006/") and not site_wide.match(p)} == set()


def test_one_episode_has_no_archive_pages(seed_site: Path):
    assert not (seed_site / "people").exists() and not (seed_site / "topics").exists()


def _two_episodes(tmp_path: Path, second_speakers: tuple[str, str], *, site: str = ""):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n, (a, b) in enumerate([("Jane Doe", "John Roe"), second_speakers], start=1):
        (seeds / f"ep{n}.txt").write_text(f"Episode {n}\nTranscript\n{a}: Hello there.\n{b}: Hi.\n{a}: Bye now.\n", encoding="utf-8")
        (seeds / f"ep{n}.yml").write_text(f"date: 2025-0{n}-01\nspeakers: [{a}, {b}]\n", encoding="utf-8")
    if site:
        (seeds / "site.yml").write_text(site, encoding="utf-8")
    from episode_site.pages.render import render_site
    from episode_site.sources.site_settings import site_hosts

    return render_site(load_episodes(seeds, tmp_path), hosts=site_hosts(seeds, tmp_path))


def test_no_empty_archive_pages(tmp_path: Path):
    """Two episodes with nobody in common and no topics: a home, and no people or topics pages."""
    pages = _two_episodes(tmp_path, ("Ann Other", "Bob Brown"))
    assert not [path for path in pages if path.startswith(("people/", "topics/"))]
    assert "people/" not in pages["index.md"] and "topics/" not in pages["index.md"]
    assert pages["index.md"].index("(ep2/index.md)") < pages["index.md"].index("(ep1/index.md)"), "newest first"


def test_hosts_are_not_guests_and_shared_speakers_get_a_page(tmp_path: Path):
    pages = _two_episodes(tmp_path, ("Jane Doe", "Bob Brown"), site="hosts: [Jane Doe]\n")
    assert sorted(p for p in pages if p.startswith("people/")) == ["people/index.md", "people/jane-doe.md"]
    home = pages["index.md"]
    assert "with John Roe" in home and "with Bob Brown" in home and "with Jane" not in home
