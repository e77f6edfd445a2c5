"""Shared fixtures: building a site from seeds in a scratch copy, serving it, and a real Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # test this checkout's code, whatever is installed
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SEED_PAGE = ROOT / "seeds" / "interconnects-ross-taylor-2025.txt"


def make_project(where: Path, seeds: dict[str, str] | None = None) -> Path:
    """A copy of this project's site setup in `where`, with the given seed files (default: ours)."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "scripts", where / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    docs = where / "docs"
    docs.mkdir()
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for extra in ("overrides",):
        if (ROOT / extra).exists():
            shutil.copytree(ROOT / extra, where / extra)
    if seeds is None:
        shutil.copytree(ROOT / "seeds", where / "seeds")
    else:
        (where / "seeds").mkdir()
        for name, text in seeds.items():
            (where / "seeds" / name).write_text(text, encoding="utf-8")
    return where


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`episode-site ARGS` in `root`, as a user runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run([sys.executable, "-m", "episode_site.cli", "--root", str(root), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def build(root: Path) -> Path:
    """Generate and build the site in `root`; fail loudly with MkDocs' output."""
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from this project's own seeds."""
    return build(make_project(tmp_path_factory.mktemp("seed-project")))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@functools.cache
def _servers() -> dict[Path, str]:
    return {}


def serve(site: Path) -> str:
    """Serve a built site on 127.0.0.1 (a free port) for the rest of the session; return its base URL."""
    if site not in _servers():
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        _servers()[site] = f"http://127.0.0.1:{server.server_address[1]}"
    return _servers()[site]


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
