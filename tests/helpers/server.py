"""The one test HTTP server: a built site on 127.0.0.1, answering a missing address with the site's
own 404.html (status 404), as static hosts do. One server per site for the whole session."""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
from pathlib import Path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that leaves a page closes its connections mid-answer: not an error of the site."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@functools.cache
def serve(site: Path) -> str:
    """Serve a built site on 127.0.0.1 (a free port) for the rest of the session; return its base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (for a server a test starts itself)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
