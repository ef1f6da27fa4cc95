"""The mirror's HTTP server: the sites' paths on 127.0.0.1, faults applied, every request logged.

Routes (the sites' own shapes):

- ``/robots.txt``
- WhoScored: ``/Matches/<id>/Live`` and ``/tournaments/<stage_id>/data/?d=YYYYMM&isAggregate=false``
- FotMob: ``/api/matchDetails?matchId=<id>`` and ``/api/leagues?id=<league_id>&season=<season>``
- ``/_mirror/requests``: the log of requests served so far (JSON; not itself logged)
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from football_rag.scraping.mirror.catalogue import Catalogue, read_text
from football_rag.scraping.mirror.faults import Fault, FaultBook, FaultKind
from football_rag.scraping.mirror.pages import ACCESS_DENIED_PAGE, INCAPSULA_PAGE, whoscored_match_page

logger = logging.getLogger(__name__)

WHOSCORED_MATCH = re.compile(r"^/matches/(\d+)/live/?$", re.IGNORECASE)
WHOSCORED_FEED = re.compile(r"^/tournaments/(\d+)/data/?$", re.IGNORECASE)
HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class ServedRequest:
    """One request the mirror answered: when (monotonic seconds), what, with which status and fault."""

    at: float
    path: str
    status: int
    match_id: str | None = None
    fault: str | None = None


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    match_id: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


def _not_found(what: str) -> Answer:
    return Answer(HTTPStatus.NOT_FOUND, TEXT, f"not found: {what}\n".encode())


def _json(value: object, match_id: str | None = None) -> Answer:
    return Answer(HTTPStatus.OK, JSON, json.dumps(value, ensure_ascii=False).encode("utf-8"), match_id)


class MirrorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, catalogue: Catalogue, faults: FaultBook, disallow: Iterable[str] = ()) -> None:
        super().__init__(("127.0.0.1", port), MirrorHandler)
        self.catalogue = catalogue
        self.faults = faults
        self.disallow = tuple(disallow)
        self.served: list[ServedRequest] = []
        self._log_lock = threading.Lock()

    def record(self, entry: ServedRequest) -> None:
        with self._log_lock:
            self.served.append(entry)

    def log(self) -> list[ServedRequest]:
        """Return a copy of the requests served so far, in order."""
        with self._log_lock:
            return list(self.served)

    def robots(self) -> Answer:
        lines = ["User-agent: *", *(f"Disallow: {path}" for path in self.disallow), ""]
        return Answer(HTTPStatus.OK, TEXT, "\n".join(lines).encode())

    def route(self, path: str, query: dict[str, list[str]]) -> Answer:
        """Return the answer for a path before any fault: a page, a listing, robots.txt, or 404."""
        first = {key: values[0] for key, values in query.items()}
        if path == "/robots.txt":
            return self.robots()
        if found := WHOSCORED_MATCH.match(path):
            return self.whoscored_page(found[1])
        if found := WHOSCORED_FEED.match(path):
            feed = self.catalogue.whoscored_fixtures(int(found[1]), first.get("d", ""))
            return _json(feed) if feed is not None else _not_found(f"stage {found[1]}")
        if path == "/api/matchDetails":
            return self.fotmob_page(first.get("matchId", ""))
        if path == "/api/leagues" and first.get("id", "").isdigit():
            return _json(self.catalogue.fotmob_league(int(first["id"]), first.get("season", "")))
        return _not_found(path)

    def whoscored_page(self, match_id: str) -> Answer:
        path = self.catalogue.whoscored.get(match_id)
        if path is None:
            return _not_found(f"WhoScored match {match_id}")
        if path.suffix == ".html":
            return Answer(HTTPStatus.OK, HTML, path.read_bytes(), match_id)
        centre, extras = self.catalogue.whoscored_centre(match_id)
        stage = self.catalogue.stage_of(match_id)
        page = whoscored_match_page(match_id, centre, extras, stage and stage.competition, stage and stage.season)
        return Answer(HTTPStatus.OK, HTML, page.encode("utf-8"), match_id)

    def fotmob_page(self, match_id: str) -> Answer:
        path = self.catalogue.fotmob.get(match_id)
        if path is None:
            return _not_found(f"FotMob match {match_id}")
        return Answer(HTTPStatus.OK, JSON, read_text(path).encode("utf-8"), match_id)


def _faulty(answer: Answer, fault: Fault) -> Answer:
    """Return the answer as ``fault`` spoils it (a slow answer is the same answer, sent late)."""
    match fault.kind:
        case FaultKind.BLOCK_403:
            return Answer(HTTPStatus.FORBIDDEN, HTML, ACCESS_DENIED_PAGE.encode())
        case FaultKind.BLOCK_200:
            return Answer(HTTPStatus.OK, HTML, INCAPSULA_PAGE.encode())
        case FaultKind.RATE_LIMIT:
            retry_after = (("Retry-After", str(fault.retry_after)),)
            return Answer(HTTPStatus.TOO_MANY_REQUESTS, TEXT, b"Too Many Requests\n", headers=retry_after)
        case FaultKind.SERVER_ERROR:
            return Answer(HTTPStatus.INTERNAL_SERVER_ERROR, TEXT, b"Internal Server Error\n")
        case FaultKind.TRUNCATED:
            return Answer(answer.status, answer.content_type, answer.body[: len(answer.body) // 2])
    return answer


class MirrorHandler(BaseHTTPRequestHandler):
    server: MirrorServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Answer one GET: route it, apply a match's fault if one strikes, send, and log it."""
        url = urlsplit(self.path)
        if url.path == "/_mirror/requests":
            self._send(_json([asdict(entry) for entry in self.server.log()]))
            return
        answer = self.server.route(url.path, parse_qs(url.query))
        match_id = answer.match_id
        fault = self.server.faults.strike(match_id) if match_id else None
        if fault is not None:
            answer = _faulty(answer, fault)
        self.server.record(
            ServedRequest(time.monotonic(), self.path, answer.status, match_id, fault and fault.kind.value)
        )
        if fault is not None and fault.kind is FaultKind.SLOW:
            time.sleep(fault.delay)
        self._send(answer)

    def _send(self, answer: Answer) -> None:
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            # The crawler gave up waiting (the slow fault): nothing left to answer.
            logger.debug("client went away before %s was answered", self.path)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("%s %s", self.address_string(), format % args)
