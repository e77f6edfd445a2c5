"""The `episode-site` command: generate pages, build the site, or serve it while editing seeds."""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from episode_site.errors import InputError
from episode_site.generate import generated_files
from episode_site.load import load_episodes
from episode_site.outputs.lock import project_lock
from episode_site.outputs.write import write_pages
from episode_site.promises.registry import record
from episode_site.renderers.material_fence import version_warning
from episode_site.renderers.serving import serve
from episode_site.renderers.site_config import missing_inherit, missing_turns_hook
from episode_site.search import beside as search_beside
from episode_site.search.records import search_records, write_records

log = logging.getLogger("episode_site")
HOST, PORT = "127.0.0.1", 8000


def generate(root: Path, *, force: bool = False, records_to: Path | None = None) -> None:
    """Read every episode under `seeds/`, then write its pages into `docs/` (all or nothing).
    `records_to`: also write the search records there, for the build's search job (search_beside.py)."""
    with project_lock(root):
        episodes = load_episodes(root / "seeds", root)
        files, registries = generated_files(root, episodes)
        report = write_pages(root / "docs", files, force=force)
        if records_to is not None:
            write_records(search_records(episodes), records_to)
        for episode in episodes:
            if record(registries[episode.slug], episode):
                log.info("episode-site: recorded new anchors in %s; commit it", registries[episode.slug].shown)
    log.info("episode-site: %d episode(s); wrote %d page(s), removed %d, %d unchanged",
             len(episodes), len(report.written), len(report.removed), report.unchanged)
    for warning in filter(None, (missing_inherit(root), missing_turns_hook(root))):
        log.warning("%s", warning)


def mkdocs_environment(root: Path) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner on every build
    # MkDocs stamps the build date into sitemap.xml (<lastmod>) and the gzip header of sitemap.xml.gz;
    # it honours SOURCE_DATE_EPOCH, so pin it for byte-identical builds from the same input.
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    return env


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
        # SITE_URL: the public address (README: Publishing); `serve` uses its own address instead.
        address = {"site_url": os.environ["SITE_URL"]} if os.environ.get("SITE_URL") else {}
        build(load_config(str(root / "mkdocs.yml"), strict=True, **address))
    except MkDocsException as error:
        print(f"episode-site: error: {error}", file=sys.stderr)
        return 1
    return 0


RENDERERS = {"mkdocs": [], "properdocs": ["properdocs", "build", "--strict"], "zensical": ["zensical", "build"]}
"""Each renderer's build command: all three read mkdocs.yml (Zensical has no --strict: it fails on errors)."""


def other_build(root: Path, renderer: str) -> int:
    """Build with ProperDocs or Zensical, installed beside episode-site (`pip install -e '.[renderers]'`)."""
    program = shutil.which(RENDERERS[renderer][0], path=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    if program is None:
        print(f"episode-site: error: {renderer} is not installed. Install it with pip install -c requirements.lock -e '.[renderers]'.",
              file=sys.stderr)
        return 1
    result = subprocess.run([program, *RENDERERS[renderer][1:], "-f", str(root / "mkdocs.yml")], cwd=root,
                            env=mkdocs_environment(root), stderr=subprocess.PIPE, text=True)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if result.returncode and "Traceback (most recent call last):" in result.stderr:
        # Zensical reports a build error (an unknown tag, say) as a Python traceback: its last line says it all.
        print(f"episode-site: error: {renderer}: {lines[-1]}", file=sys.stderr)
    elif result.stderr:
        print(result.stderr, end="", file=sys.stderr)
    return result.returncode


def source_date_epoch(root: Path) -> str:
    """The time of the project's last commit (the reproducible-builds convention), or 0 outside git."""
    try:
        found = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "0"
    stamp = found.stdout.strip()
    return stamp if found.returncode == 0 and stamp.isdigit() else "0"


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"`{text}` is not a port number (1 to 65535)")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="episode-site", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder holding mkdocs.yml, seeds/ and docs/ (default: here)")
    parser.add_argument("--force", action="store_true", help="replace generated pages even if edited by hand, and files episode-site did not write")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="write the Markdown pages into docs/")
    build_command = commands.add_parser("build", help="generate, then build the site into site/ (mkdocs build --strict)")
    build_command.add_argument("--renderer", choices=RENDERERS, default="mkdocs",
                               help="the program that builds the site from mkdocs.yml (default: mkdocs)")
    serving = commands.add_parser("serve", help=f"generate, then serve at http://{HOST}:{PORT}/ and regenerate on seed changes")
    serving.add_argument("--host", default=HOST, help=f"address to listen on (default: {HOST}, this machine only)")
    serving.add_argument("--port", type=_port, default=PORT, help=f"port to listen on (default: {PORT})")
    index = commands.add_parser("index", help="generate, then write the search index into a site built by another renderer (Zensical)")
    index.add_argument("--site", type=Path, default=None, help="the built site (default: site/ in the project)")
    args = parser.parse_args(argv)
    _configure_process()
    root = args.root.resolve()
    if args.command in ("build", "serve") and (warning := version_warning()):
        print(warning, file=sys.stderr)
    if args.command == "serve":  # serve survives a failing generation: it says so and keeps the last good pages
        return serve(root, lambda: generate(root, force=args.force), host=args.host, port=args.port, env=mkdocs_environment(root))
    if args.command == "generate":
        return _generate_status(root, args.force, None)
    # The search index is made from the records `generate` makes with the episodes it has read already.
    with tempfile.TemporaryDirectory(prefix="episode-site-records-") as scratch:
        records = Path(scratch) / "records.jsonl"
        if args.command == "index":
            return _generate_status(root, args.force, records) or write_index(root, args.site or root / "site", records)
        return _build(root, args.renderer, args.force, records)


def _configure_process() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    # Generating and building an archive allocates millions of objects that live to the end (every
    # episode, every page); Python's default thresholds rescan them again and again: a tenth of the time.
    gc.set_threshold(100_000, 50, 100)


def _build(root: Path, renderer: str, force: bool, records: Path) -> int:
    """`generate` in a child process, then the renderer with the search index written beside it."""
    # An archive's generate needs most of a gigabyte, which a process does not give back (glibc keeps what
    # Python frees): run it in a child of its own, so that MkDocs, the search job and Pagefind share the memory.
    start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    child = multiprocessing.get_context(start).Process(target=_generate_in_child, args=(root, force, records))
    sys.stdout.flush(), sys.stderr.flush()  # nothing buffered is written twice by a forked child
    child.start()
    child.join()
    if child.exitcode < 0:
        print(f"episode-site: error: generate was stopped by signal {-child.exitcode} (out of memory?); nothing was "
              "half-written: run it again.", file=sys.stderr)
        return 1
    if child.exitcode:
        return child.exitcode
    # The search index is written beside the renderer, from the records `generate` made (not while `generate`
    # runs: at 500 episodes both at once needed 1.3 GB). The renderer's hook leaves it to this command.
    job = search_beside.start(root, records)
    os.environ[search_beside.BY_COMMAND] = "1"
    try:
        built = mkdocs_build(root) if renderer == "mkdocs" else other_build(root, renderer)
        if not built:
            search_beside.finish(job, root / "site")
        return built
    except search_beside.SearchJobError as error:
        print(f"episode-site: error: {error}", file=sys.stderr)
        return 1
    finally:
        os.environ.pop(search_beside.BY_COMMAND, None)
        search_beside.stop(job)  # nothing when it has finished; else the build failed and its index is of no use


def _generate_in_child(root: Path, force: bool, records: Path | None) -> None:
    _configure_process()  # a spawned child starts unconfigured
    sys.exit(_generate_status(root, force, records))


def _generate_status(root: Path, force: bool, records_to: Path | None) -> int:
    """`generate`, its errors said in one sentence: the exit status."""
    try:
        generate(root, force=force, records_to=records_to)
    except InputError as error:
        print(f"episode-site: error: {error.message()}", file=sys.stderr)
        return 2
    except OSError as error:  # the disk, not the input: still one sentence, no traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"episode-site: error: {where}cannot write ({error.strerror or error}). Nothing was lost: "
              "each page is written beside its target and renamed over it; fix the cause and run again.", file=sys.stderr)
        return 1
    return 0


def write_index(root: Path, site: Path, records: Path) -> int:
    """The search index into a built site (`episode-site index`), from the records `generate` just wrote."""
    from episode_site.search.index import SearchIndexError
    from episode_site.search.job import index_project

    if not (site / "index.html").is_file():
        print(f"episode-site: error: {site}: no built site here (index.html is missing). Build it first, "
              "for example `zensical build -f mkdocs.yml`, then run `episode-site index` again.", file=sys.stderr)
        return 2
    try:
        count = index_project(root, site, records)
    except SearchIndexError as error:
        print(f"episode-site: error: {error}", file=sys.stderr)
        return 1
    log.info("episode-site: indexed %d turns for search into %s", count, site / "pagefind")
    return 0


if __name__ == "__main__":
    sys.exit(main())
