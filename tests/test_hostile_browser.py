"""A site built from hostile names, topics, sources and file names runs no script of theirs (issue 10).

Every page of the built site is opened in Chromium; any dialog (`alert()` from an
injected handler) or page error fails the test. The inputs are the accepted
kind: what is refused has its own test in test_hostile_input.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import build, make_project, serve

EVIL = "<img src=x onerror=alert(1)>"
FILE_STEM = f"ep {EVIL} 'q\" &amp; $x$"
PAGE = f"""<script>alert("title")</script> {{{{ config }}}} {EVIL}
Show Notes
Notes with {EVIL} and [a link](javascript:alert(2)) and <svg onload=alert(3)>.
00:00 <img src=x onerror=alert(4)> Opening
Notes {EVIL}
05:00 Middle {{{{ 7*7 }}}} `code` ~~del~~ ==mark== ^^ins^^ $math$
Transcript
Eve <script>alert(5)</script>: Hello {EVIL} the middle part.
Bob Roe: Thanks &lt;script&gt;alert(6)&lt;/script&gt; {{#evil onclick=alert(7)}} and R&D talk.
Eve <script>alert(5)</script>: !!! note "x" --8<-- "/etc/passwd" and the middle part again, R&D R&D.
Bob Roe: Right-to-left \u202eoverride\u202c and <a href="javascript:alert(8)">click</a> R&D.
Eve <script>alert(5)</script>: Let's move to the middle part now, R&D.
Bob Roe: Sure, the middle is where it gets good. R&D.
Zed \u202eRoe: Some words here for quoting, with an override left open.
"""
SETTINGS = {
    "slug": "hostile",
    "source": "https://example.com/p/x'onmouseover='alert(9)&a=<b>".replace("<b>", "%3Cb%3E"),
    "speakers": ["Eve <script>alert(5)</script>", "Bob Roe", "Zed \u202eRoe"],
    "chapters": {"00:00": "Hello", "05:00": "move to the middle part"},
    "topics": {"R&D (a/b) #1": ["R&D"], "C++ & co.": ["middle"], "AT&T & co": ["part"]},
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("hostile"), {f"{FILE_STEM}.txt": PAGE, f"{FILE_STEM}.yml": json.dumps(SETTINGS)})
    (root / "seeds" / "site.yml").write_text('page_notices:\n  - "(a+)+$"\n', encoding="utf-8")
    return build(root)


def test_no_page_runs_injected_script(hostile_site: Path, page):
    base = serve(hostile_site)
    pages = sorted(p.relative_to(hostile_site).parent.as_posix() for p in hostile_site.rglob("index.html"))
    assert len(pages) >= 5, pages
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    for path in pages + ["404.html"]:
        url = f"{base}/{'' if path == '.' else path + '/'}" if path != "404.html" else f"{base}/404.html"
        page.goto(url)
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)  # onmouseover handlers, if any got in
        page.wait_for_timeout(100)
    chapter = next(p for p in pages if p.startswith("hostile/01-"))
    page.goto(f"{base}/{chapter}/#%")  # a malformed fragment
    page.wait_for_timeout(300)
    assert dialogs == []
    assert errors == []


def test_hostile_text_shows_as_written(hostile_site: Path, page):
    base = serve(hostile_site)
    page.goto(f"{base}/hostile/")
    text = page.inner_text("article")
    assert EVIL in text
    assert "{{ config }}" in text
    assert page.locator("img[src=x]").count() == 0  # the file name's and the title's <img …> stayed text
    assert "https://example.com/p/x'onmouseover='alert(9)&a=%3Cb%3E" in text


def test_an_open_override_in_a_name_stays_out_of_the_copied_citation(hostile_site: Path, page):
    base = serve(hostile_site)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    chapter = next(p.parent.name for p in (hostile_site / "hostile").glob("02-*/index.html"))
    page.goto(f"{base}/hostile/{chapter}/")
    page.evaluate("""() => {
      const text = document.getElementById("zed-roe-7-1").firstChild;
      const at = text.data.indexOf("words here for");
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + "words here for".length);
      getSelection().removeAllRanges(); getSelection().addRange(range);
    }""")
    page.locator(".ql-toolbar:not([hidden])").wait_for()
    page.get_by_role("button", name="Copy quote").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('words here for'))")
    citation = page.evaluate("navigator.clipboard.readText()")
    assert "\u202e" not in citation
    assert citation.startswith("“words here for” — Zed Roe, "), citation  # the override dropped: nothing left to isolate
