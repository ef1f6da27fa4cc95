"""A loopback stand-in for an Opik server that records what the Opik SDK sends.

Tests point the real SDK at it with ``OPIK_URL_OVERRIDE=<recorder.url>``. It answers the REST
endpoints the SDK's message processor calls when it ships traces, spans and feedback scores
(``opik/rest_api/traces/raw_client.py`` and ``spans/raw_client.py`` in opik 2.2.122): batch creates,
single creates, updates by id, the feedback-score batches, and the health ping its connection monitor
sends (``opik/healthcheck/connection_probe.py``). Request bodies may be gzipped
(``Content-Encoding: gzip``, the SDK's default). Every request is recorded, answered or not, so a
test can also see calls it did not expect; unknown paths get 404.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

API_ROOT = "/api/"
PRIVATE = "v1/private/"
# (method, path pattern after API_ROOT) -> status the real server answers with.
ROUTES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("GET", re.compile(r"is-alive/ping"), 200),
    ("POST", re.compile(PRIVATE + r"traces/batch"), 204),
    ("POST", re.compile(PRIVATE + r"spans/batch"), 204),
    ("POST", re.compile(PRIVATE + r"traces"), 201),
    ("POST", re.compile(PRIVATE + r"spans"), 201),
    ("PATCH", re.compile(PRIVATE + r"traces/[0-9a-f-]+"), 204),
    ("PATCH", re.compile(PRIVATE + r"spans/[0-9a-f-]+"), 204),
    ("PUT", re.compile(PRIVATE + r"traces/feedback-scores"), 204),
    ("PUT", re.compile(PRIVATE + r"spans/feedback-scores"), 204),
)


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it, with its JSON body decoded (None when it had none)."""

    method: str
    path: str
    body: Any
    status: int


class OpikRecorder:
    """Serve on 127.0.0.1 (a free port) in a background thread while used as a context manager."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever, name="opik-recorder", daemon=True)

    @property
    def url(self) -> str:
        """Return the base URL to give the SDK as ``OPIK_URL_OVERRIDE``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/api"

    def __enter__(self) -> OpikRecorder:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def record(self, request: RecordedRequest) -> None:
        """Keep ``request`` (called from the handler threads)."""
        with self._lock:
            self.requests.append(request)

    def traces(self) -> list[dict[str, Any]]:
        """Return every trace the SDK created, from batch and single creates, in arrival order."""
        return self._created("traces")

    def spans(self) -> list[dict[str, Any]]:
        """Return every span the SDK created, from batch and single creates, in arrival order."""
        return self._created("spans")

    def trace_feedback_scores(self) -> list[dict[str, Any]]:
        """Return every trace feedback score the SDK sent."""
        return [score for r in self._received("PUT", "traces/feedback-scores") for score in r.body["scores"]]

    def unanswered(self) -> list[RecordedRequest]:
        """Return the requests this server had no route for (a test expecting none asserts this is empty)."""
        with self._lock:
            return [r for r in self.requests if r.status == 404]

    def _created(self, kind: str) -> list[dict[str, Any]]:
        batched = [item for r in self._received("POST", f"{kind}/batch") for item in r.body[kind]]
        return batched + [r.body for r in self._received("POST", kind)]

    def _received(self, method: str, route: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.method == method and r.path == API_ROOT + PRIVATE + route]


def _handler_for(recorder: OpikRecorder) -> type[BaseHTTPRequestHandler]:
    """Return a request handler class bound to ``recorder``."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if self.headers.get("Content-Encoding") == "gzip":
                raw = gzip.decompress(raw)
            path = self.path.split("?", 1)[0]
            status = _status_for(self.command, path)
            recorder.record(RecordedRequest(self.command, path, json.loads(raw) if raw else None, status))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            return

    return Handler


def _status_for(method: str, path: str) -> int:
    """Return the status the route for ``method path`` answers with, 404 when there is none."""
    if path.startswith(API_ROOT):
        route = path.removeprefix(API_ROOT)
        for route_method, pattern, status in ROUTES:
            if method == route_method and pattern.fullmatch(route):
                return status
    return 404
