"""`episode-site serve`: host and port, a busy port, signals that stop every child, and errors it survives."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, make_project
from helpers.server import free_port


def _start(root: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "episode_site.cli", "--root", str(root), "serve", "--port", str(port)],
                                cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)


def _wait_until(check, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_busy_port_is_one_message_and_exit_2(tmp_path):
    root = make_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
        result = subprocess.run([sys.executable, "-m", "episode_site.cli", "--root", str(root), "serve", "--port", str(port)],
                                cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"port {port} on 127.0.0.1 is already in use" in lines[0], result.stderr
    assert "--port" in lines[0]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_every_child_and_frees_the_port(tmp_path, stop):
    root = make_project(tmp_path / "project")
    port = free_port()
    serve = _start(root, port, tmp_path / "serve.log")
    try:
        _wait_until(lambda: _answers(port), "the server to answer")
        children = _children(serve.pid)
        assert children, "serve runs MkDocs' server as a child"
        serve.send_signal(stop)
        assert serve.wait(timeout=30) == 0
        _wait_until(lambda: not any(_alive(pid) for pid in children), "the children to end", timeout=10)
        assert not _answers(port)
    finally:
        if serve.poll() is None:
            serve.kill()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()


def test_serve_survives_errors_says_so_and_recovers(tmp_path):
    root = make_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    serve = _start(root, port, log)
    yml = next(p for p in (root / "seeds").glob("*.yml") if p.name != "site.yml")
    good = yml.read_bytes()
    try:
        _wait_until(lambda: _answers(port), "the server to answer")
        # A YAML nested 5,000 deep.
        yml.write_text("speakers: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
        _wait_until(lambda: log.read_text().count("still serving the last good pages") == 1, "the error to be said")
        assert serve.poll() is None and _answers(port)
        yml.write_bytes(good)
        _wait_until(lambda: "fixed: the pages are generated again" in log.read_text(), "the recovery to be said")
        # docs/ that cannot be written (tests may run as root, whom permissions do not stop): its manifest
        # is a folder. Fixed without touching seeds/: serve retries by itself.
        manifest = root / "docs" / ".episode-site.json"
        manifest.unlink()
        manifest.mkdir()
        os.utime(yml)  # a seed "edited": serve regenerates, and fails
        _wait_until(lambda: log.read_text().count("still serving the last good pages") == 2, "the second error to be said")
        assert serve.poll() is None
        _wait_until(lambda: _answers(port), "the server to answer")  # MkDocs saw a new folder in docs/ and rebuilt
        manifest.rmdir()
        _wait_until(lambda: log.read_text().count("fixed: the pages are generated again") == 2, "the second recovery")
        assert manifest.is_file()
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
    text = log.read_text()
    assert "Traceback" not in text, text
    assert text.count("still serving the last good pages") == 2, text  # each problem said once
    assert text.count("the published transcript ends before") <= 4, text  # retries say nothing more
