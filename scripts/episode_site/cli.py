"""The `episode-site` command: generate pages, build the site, or serve it while editing seeds."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from .anchor_registry import record
from .errors import InputError
from .load import load_episodes
from .pipeline import generated_files
from .write import write_pages

log = logging.getLogger("episode_site")
ADDRESS = "127.0.0.1:8000"


def generate(root: Path, *, force: bool = False) -> None:
    """Read every episode under `seeds/`, then write its pages into `docs/` (all or nothing)."""
    episodes = load_episodes(root / "seeds", root)
    files, registries = generated_files(root, episodes)
    report = write_pages(root / "docs", files, force=force)
    for episode in episodes:
        if record(registries[episode.slug], episode):
            log.info("episode-site: recorded new anchors in %s; commit it", registries[episode.slug].shown)
    log.info("episode-site: %d episode(s); wrote %d page(s), removed %d, %d unchanged",
             len(episodes), len(report.written), len(report.removed), report.unchanged)


def mkdocs_environment(root: Path) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner on every build
    # MkDocs stamps the build date into sitemap.xml (<lastmod>) and the gzip header of sitemap.xml.gz;
    # it honours SOURCE_DATE_EPOCH, so pin it for byte-identical builds from the same input.
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    return env


def mkdocs_serve(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", ADDRESS], cwd=root, env=mkdocs_environment(root))


def mkdocs_build(root: Path) -> int:
    """`mkdocs build --strict`, in this process: one interpreter start instead of two."""
    os.environ.update(mkdocs_environment(root))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # MkDocs' own command line prints `LEVEL - message`; so do we (and a warning says WARNING).
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.propagate = False
    try:
        build(load_config(str(root / "mkdocs.yml"), strict=True))
    except MkDocsException as error:
        print(f"episode-site: error: {error}", file=sys.stderr)
        return 1
    return 0


def source_date_epoch(root: Path) -> str:
    """The time of the project's last commit (the reproducible-builds convention), or 0 outside git."""
    try:
        found = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "0"
    stamp = found.stdout.strip()
    return stamp if found.returncode == 0 and stamp.isdigit() else "0"


def serve(root: Path, *, force: bool) -> int:
    """Serve with live reload; regenerate whenever a file under `seeds/` changes.

    MkDocs watches `docs/`; generation writes only changed files, so one seed
    edit causes one rebuild and no loop.
    """
    server = mkdocs_serve(root)
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
        return 0
    finally:  # whatever ends the loop, the server on 127.0.0.1:8000 goes with it
        if server.poll() is None:
            server.terminate()
            server.wait()


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
    # Generating and building an archive allocates millions of objects that live to the end (every
    # episode, every page); Python's default thresholds rescan them again and again: a tenth of the time.
    gc.set_threshold(100_000, 50, 100)
    root = args.root.resolve()
    try:
        generate(root, force=args.force)
    except InputError as error:
        print(f"episode-site: error: {error.message()}", file=sys.stderr)
        return 2
    except OSError as error:  # the disk, not the input: still one sentence, no traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"episode-site: error: {where}cannot write ({error.strerror or error}). Nothing was lost: "
              "each page is written beside its target and renamed over it; fix the cause and run again.", file=sys.stderr)
        return 1
    if args.command == "build":
        return mkdocs_build(root)
    if args.command == "serve":
        return serve(root, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
