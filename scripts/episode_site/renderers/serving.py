"""`episode-site serve`: MkDocs' live-reloading server, kept alive through any error, stopped cleanly.

The loop regenerates the pages whenever `seeds/` or `mkdocs.yml` changes (MkDocs
watches `docs/`, and generation writes only changed files, so one edit makes one
rebuild and no loop). Whatever goes wrong while regenerating (a bad seed, a
read-only `docs/`, a YAML nested too deep) is said once, in one line, and the
last good pages stay served; the loop tries again when a file changes, or every
few seconds for a cause outside `seeds/` (permissions, a full disk), and says
when it has recovered. If MkDocs' server itself stops (its first build failed),
it is started again once the pages generate. SIGINT, SIGTERM and SIGHUP stop the
server's whole process group, then this process.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from episode_site.errors import InputError

log = logging.getLogger("episode_site")
POLL_SECONDS = 0.5
RETRY_SECONDS = 3.0   # a cause outside seeds/ (a permission, the disk) gets fixed without any file changing
_LONGEST_MESSAGE = 400


def port_problem(host: str, port: int) -> str | None:
    """Why the address cannot be served, or None: checked before MkDocs starts, for one clear message."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        return f"the host `{host}` is not an address of this machine ({error})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does: a closed port is free
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is already in use (another `serve`, or another program)"
            return f"cannot listen on {host}:{port} ({error.strerror or error})"
    return None


def serve(root: Path, regenerate: Callable[[], None], *, host: str, port: int, env: dict[str, str]) -> int:
    """Serve until a signal stops it; `regenerate` writes the pages (it is called once at the start too)."""
    problem = port_problem(host, port)
    if problem:
        print(f"episode-site: error: cannot serve at http://{host}:{port}/: {problem}. "
              f"Stop the other server, or pick another port: `episode-site serve --port {port + 1}`.", file=sys.stderr)
        return 2
    watched = [root / "seeds", root / "mkdocs.yml"]
    failing: str | None = None   # the last problem said, until it is fixed
    seen: dict[str, tuple[float, int]] | None = None
    tried = 0.0
    server: subprocess.Popen[bytes] | None = None
    reported = False             # that MkDocs' server stopped
    with _signals_stop_the_loop():
        try:
            while True:
                now = _snapshot(watched)
                changed = now != seen
                if changed or (failing is not None and time.monotonic() - tried > RETRY_SECONDS):
                    seen, tried = now, time.monotonic()
                    message = _try(regenerate, quiet=not changed)
                    if message is not None and message != failing:
                        log.error("episode-site: %s (still serving the last good pages; serve tries again "
                                  "when a file changes, and every few seconds)", message)
                    elif message is None and failing is not None:
                        log.info("episode-site: fixed: the pages are generated again")
                    failing = message
                    if changed and failing is None and server is not None and server.poll() is not None:
                        server = None  # MkDocs stopped earlier: start it again now that the pages build
                if server is None:
                    server, reported = _mkdocs_serve(root, host, port, env), False
                elif server.poll() is not None and not reported:
                    log.error("episode-site: the MkDocs server stopped (exit status %s, its message is above); "
                              "it starts again when a file under seeds/ or mkdocs.yml changes", server.returncode)
                    reported = True
                time.sleep(POLL_SECONDS)
        except KeyboardInterrupt:
            return 0
        finally:  # whatever ends the loop, the server and anything it started go with it
            if server is not None:
                _stop(server)


def _try(regenerate: Callable[[], None], *, quiet: bool) -> str | None:
    """None when the pages were generated, else one line saying what went wrong (never a traceback).

    A retry with no file changed (`quiet`) keeps generation's info and warnings to itself: they were said.
    """
    level = log.level
    if quiet:
        log.setLevel(logging.ERROR)
    try:
        regenerate()
    except InputError as error:
        return error.message()[:_LONGEST_MESSAGE]
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}cannot write ({error.strerror or error})"[:_LONGEST_MESSAGE]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - serve must outlive any bug or hostile input
        return f"could not generate the pages ({type(error).__name__}: {error})"[:_LONGEST_MESSAGE]
    finally:
        log.setLevel(level)
    return None


def _mkdocs_serve(root: Path, host: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    # Its own process group: a signal to us stops the whole group, and nothing is left holding the port.
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"{host}:{port}"],
                            cwd=root, env=env, start_new_session=True)


def _stop(server: subprocess.Popen[bytes]) -> None:
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(server.pid, sent)
        except ProcessLookupError:
            break
        try:
            server.wait(timeout=5)
            break
        except subprocess.TimeoutExpired:
            continue
    server.poll()


@contextmanager
def _signals_stop_the_loop() -> Iterator[None]:
    """SIGTERM and SIGHUP end the loop as Ctrl-C (SIGINT) does, so that the `finally` stops the server."""
    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _snapshot(paths: list[Path]) -> dict[str, tuple[float, int]]:
    """Modification time and size of every file under the paths; files that vanish meanwhile are skipped."""
    found = {}
    for path in paths:
        for file in ([path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []):
            try:
                status = file.stat()
            except OSError:
                continue
            if file.is_file():
                found[str(file)] = (status.st_mtime, status.st_size)
    return found
