"""A loopback HTTP endpoint that records the JSON bodies POSTed to it (the alert webhook in tests)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    url: str
    requests: list[dict] = field(default_factory=list)


@contextmanager
def webhook_server(path: str = "/hooks/quality") -> Iterator[Received]:
    """Serve on 127.0.0.1 (a free port) and yield the URL and the requests received so far."""
    received = Received(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.requests.append(
                {"path": self.path, "type": self.headers["Content-Type"], "body": json.loads(body)}
            )
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    received.url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    try:
        yield received
    finally:
        server.shutdown()
        server.server_close()
