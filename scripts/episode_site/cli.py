"""The `episode-site` command: generate pages, build the site, or serve it while editing seeds."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import yaml

from .errors import InputError
from .load import load_episodes
from .render import render_site
from .write import write_pages

log = logging.getLogger("episode_site")
ADDRESS = "127.0.0.1:8000"


def generate(root: Path, *, force: bool = False) -> None:
    """Read every episode under `seeds/`, then write its pages into `docs/` (all or nothing)."""
    episodes = load_episodes(root / "seeds", root)
    report = write_pages(root / "docs", render_site(episodes, site_url=site_url(root)), force=force)
    log.info("episode-site: %d episode(s); wrote %d page(s), removed %d, %d unchanged",
             len(episodes), len(report.written), len(report.removed), report.unchanged)


def site_url(root: Path) -> str | None:
    """`site_url` from mkdocs.yml, for absolute links in the JSON chapters; tags like `!ENV` are skipped."""
    loader = type("_Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *_: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError):
        return None
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value else None


def mkdocs(root: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner on every build
    return subprocess.Popen([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env)


def serve(root: Path, *, force: bool) -> int:
    """Serve with live reload; regenerate whenever a file under `seeds/` changes.

    MkDocs watches `docs/`; generation writes only changed files, so one seed
    edit causes one rebuild and no loop.
    """
    server = mkdocs(root, "serve", "--dev-addr", ADDRESS)
    seen = _snapshot(root / "seeds")
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = _snapshot(root / "seeds")
            if now != seen:
                seen = now
                try:
                    generate(root, force=force)
                except InputError as error:
                    log.error("episode-site: %s (still serving the last good pages)", error.message())
        return server.returncode
    except KeyboardInterrupt:
        server.terminate()
        return server.wait()


def _snapshot(folder: Path) -> dict[str, tuple[float, int]]:
    return {str(p): (p.stat().st_mtime, p.stat().st_size) for p in sorted(folder.rglob("*")) if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="episode-site", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder holding mkdocs.yml, seeds/ and docs/ (default: here)")
    parser.add_argument("--force", action="store_true", help="replace generated pages even if edited by hand, and files episode-site did not write")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="write the Markdown pages into docs/")
    commands.add_parser("build", help="generate, then build the site into site/ (mkdocs build --strict)")
    commands.add_parser("serve", help=f"generate, then serve at http://{ADDRESS}/ and regenerate on seed changes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    root = args.root.resolve()
    try:
        generate(root, force=args.force)
    except InputError as error:
        print(f"episode-site: error: {error.message()}", file=sys.stderr)
        return 2
    if args.command == "build":
        return mkdocs(root, "build", "--strict").wait()
    if args.command == "serve":
        return serve(root, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
