"""Shared fixtures: the seed episode and its built site, served; a real Chromium.

The functions behind them live in `helpers/` (import them from there); `ROOT`, `SEED_PAGE`,
`make_project`, `run_cli`, `build` and `serve` are also importable from here, as before.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.project import ROOT, SEED_PAGE, build, load_seed_episode, make_project, run_cli  # noqa: F401 (re-exported)
from helpers.server import serve
from helpers.small_episode import SEEDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# The longest single tests (40 s, 12 s, 11 s): started first, so that the suite does not end with one worker
# running one of them while the other has nothing left (pytest-xdist hands out the rest as workers free up).
LONGEST_FIRST = ("test_search_queries.py", "test_size.py", "test_search_sample.py")


def pytest_collection_modifyitems(items: list) -> None:
    items.sort(key=lambda item: item.path.name not in LONGEST_FIRST)  # stable: each module keeps its order


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from this project's own seeds."""
    return build(make_project(tmp_path_factory.mktemp("seed-project")))


@pytest.fixture(scope="session")
def seed_episode():
    """This project's own episode, read from seeds/ once."""
    return load_seed_episode()


@pytest.fixture(scope="session")
def seed_url(seed_site: Path) -> str:
    return serve(seed_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright. Skips outside CI when missing; fails under CI=true."""
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = reason or "Python Playwright is not installed (pip install -e '.[test]')"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests need Chromium under CI: {reason}")
        pytest.skip(reason)
    profile_root = Path(tempfile.mkdtemp(prefix="episode-site-chromium-"))
    previous = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(profile_root)  # Chromium leaves a profile folder per run: keep them in one place
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = previous
        shutil.rmtree(profile_root, ignore_errors=True)


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page whose requests to any host but 127.0.0.1 fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list[str] = []

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    yield page
    context.close()
    assert not foreign, f"requests to third-party hosts: {foreign}"


@pytest.fixture(scope="module")
def reading_page(browser) -> Iterator[object]:
    """`reading_page(scheme)`: one page per colour scheme for a module's tests that only read pages (go to one,
    set a width, measure). Each test navigates anew; the shared page keeps the browser's cache warm, where a
    page of its own cost each test 0.7 s (a new context, a cold cache)."""
    pages: dict[str, object] = {}

    def get(scheme: str = "light"):
        if scheme not in pages:
            pages[scheme] = browser.new_page(color_scheme=scheme)
        return pages[scheme]

    yield get
    for page in pages.values():
        page.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small test episode (helpers/small_episode), generated once per module: tests copy it, then break it."""
    root = make_project(tmp_path_factory.mktemp("valid"), SEEDS)
    result = run_cli(root, "generate")
    assert result.returncode == 0, result.stderr
    return root
