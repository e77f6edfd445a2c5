"""The audio player in Chromium: nothing is asked of the audio host before play; play from here; quote links carry the time.

The audio host is a second server on 127.0.0.1 that serves a generated WAV file
(silence, with byte ranges, as real hosts do) and logs every request.
"""

from __future__ import annotations

import http.server
import io
import re
import shutil
import threading
import wave
from pathlib import Path

import pytest

from conftest import build, make_project, serve

GOLDEN_SEEDS = Path(__file__).parent / "golden" / "vtt-voices" / "seeds"
CHAPTER = "field-notes-12/03-what-changed-on-the-river/"


def _wav(seconds: int) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(1)
        audio.setframerate(8000)
        audio.writeframes(b"\x80" * 8000 * seconds)
    return out.getvalue()


class _AudioHost(http.server.BaseHTTPRequestHandler):
    """One WAV file, with byte ranges; every request is logged."""

    body = _wav(130)
    log: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.log.append(self.path)
        start, end = 0, len(self.body) - 1
        asked = re.match(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        if asked:
            start, end = int(asked[1]), int(asked[2] or end)
        self.send_response(206 if asked else 200)
        self.send_header("Content-Type", "audio/wav")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Access-Control-Allow-Origin", "*")
        if asked:
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(self.body)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self.wfile.write(self.body[start : end + 1])


@pytest.fixture(scope="module")
def audio_host() -> list[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AudioHost)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _AudioHost.url = f"http://127.0.0.1:{server.server_address[1]}/field-notes-12.wav"
    yield _AudioHost.log
    server.shutdown()


@pytest.fixture(scope="module")
def audio_site(tmp_path_factory: pytest.TempPathFactory, audio_host) -> str:
    root = make_project(tmp_path_factory.mktemp("audio"), {})
    for seed in GOLDEN_SEEDS.iterdir():
        shutil.copy(seed, root / "seeds" / seed.name)
    settings = root / "seeds" / "field-notes-12.yml"
    settings.write_text(re.sub(r"(?m)^audio: .*$", f"audio: {_AudioHost.url}", settings.read_text(encoding="utf-8")), encoding="utf-8")
    return serve(build(root))


def _audio(page) -> dict:
    return page.evaluate("""() => { const a = document.querySelector('.episode-audio audio');
      return {src: a.getAttribute('src'), preload: a.getAttribute('preload'), time: a.currentTime, paused: a.paused}; }""")


def test_nothing_is_requested_from_the_audio_host_until_play(page, audio_site, audio_host):
    audio_host.clear()
    page.goto(audio_site + "/" + CHAPTER)
    page.locator(".turn-play").first.wait_for()
    page.wait_for_timeout(1000)
    assert audio_host == []
    assert _audio(page)["src"] is None and _audio(page)["preload"] == "none"
    # Each turn with a real time has "play from here", named by its time.
    assert page.locator(".turn-play").count() == page.locator("article h3.turn time.turn-time").count() == 6


def test_play_from_here_starts_at_the_turn(page, audio_site, audio_host):
    audio_host.clear()
    page.goto(audio_site + "/" + CHAPTER)
    page.get_by_role("button", name="Play from 01:07").click()
    page.wait_for_function("() => document.querySelector('.episode-audio audio').currentTime >= 67.5")
    state = _audio(page)
    assert state["src"].endswith("field-notes-12.wav") and not state["paused"]
    # Only the audio file is asked for (none at all when this browser already holds it: seen in parallel runs).
    assert all(path == "/field-notes-12.wav" for path in audio_host), audio_host


def test_a_time_in_the_address_sets_where_play_starts(page, audio_site, audio_host):
    audio_host.clear()
    page.goto(audio_site + "/" + CHAPTER + "?t=74.2#priya-raman-9")
    start = page.locator(".episode-audio-start")
    assert start.text_content() == "Play from 01:14"
    page.wait_for_timeout(500)
    assert audio_host == []
    start.click()
    page.wait_for_function("() => document.querySelector('.episode-audio audio').currentTime >= 74.2")


def test_a_quote_link_carries_the_turn_time_and_the_citation_no_estimate(page, audio_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(audio_site + "/" + CHAPTER)
    page.evaluate("""() => { const text = document.getElementById('tomas-okafor-10-1').firstChild;
      const range = document.createRange(); range.setStart(text, 0); range.setEnd(text, 'It is. The weir'.length);
      getSelection().removeAllRanges(); getSelection().addRange(range); }""")
    page.locator(".ql-toolbar:not([hidden])").wait_for()
    page.get_by_role("button", name="Link to quote").click()
    page.wait_for_function("() => document.querySelector('.ql-status').textContent.includes('copied')")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{audio_site}/{CHAPTER}?t=74.2#tomas-okafor-10-1:~:text="), link
    page.get_by_role("button", name="Copy quote").click()
    page.wait_for_function("() => document.querySelector('.ql-status').textContent === 'Quote copied'")
    citation = page.evaluate("navigator.clipboard.readText()")
    assert ", 01:14, " in citation and "≈" not in citation, citation


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_player_and_its_buttons_pass_axe(browser, audio_site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 390, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(audio_site + "/" + CHAPTER)
        page.locator(".turn-play").first.wait_for()
        result = Axe().run(page)
        assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]] == []
    finally:
        context.close()
