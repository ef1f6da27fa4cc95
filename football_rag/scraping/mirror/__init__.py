"""A loopback mirror of WhoScored and FotMob: the saved real pages at the sites' own paths.

For tests, demos and benchmarks, since the real sites cannot be reached (and should not be
hammered). ``start_mirror`` runs one in a background thread; ``serve_mirror`` (and
``python -m football_rag.scraping.mirror --data DIR --port N``) serves until interrupted.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from types import TracebackType

from football_rag.scraping.mirror.catalogue import Catalogue
from football_rag.scraping.mirror.faults import Fault, FaultBook, FaultKind
from football_rag.scraping.mirror.server import MirrorServer, ServedRequest

__all__ = ["Fault", "FaultKind", "Mirror", "ServedRequest", "serve_mirror", "start_mirror"]

logger = logging.getLogger(__name__)


class Mirror:
    """A running mirror: its ``base_url``, the requests it served, and ``close()``."""

    def __init__(self, server: MirrorServer) -> None:
        self.server = server
        self.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        self._thread = threading.Thread(target=server.serve_forever, name="football-rag-mirror", daemon=True)

    def start(self) -> Mirror:
        self._thread.start()
        return self

    def requests(self) -> list[ServedRequest]:
        """Return every request served so far, in order."""
        return self.server.log()

    def match_requests(self) -> list[ServedRequest]:
        """Return the requests for match pages (not listings nor robots.txt)."""
        return [entry for entry in self.server.log() if entry.match_id is not None]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Mirror:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _server(
    data_dir: Path, port: int, faults: Mapping[str, Fault] | None, only: Collection[str] | None, disallow: Iterable[str]
) -> MirrorServer:
    return MirrorServer(port, Catalogue(Path(data_dir), only), FaultBook(faults), disallow)


def start_mirror(
    data_dir: Path,
    port: int = 0,
    faults: Mapping[str, Fault] | None = None,
    only: Collection[str] | None = None,
    disallow: Iterable[str] = (),
) -> Mirror:
    """Return a mirror serving ``data_dir`` in a background thread (port 0: a free port).

    ``faults`` maps match ids to the fault their page suffers; ``only`` limits the mirror to those
    match ids; ``disallow`` lists path prefixes robots.txt forbids.
    """
    return Mirror(_server(data_dir, port, faults, only, disallow)).start()


def serve_mirror(
    data_dir: Path,
    port: int,
    faults: Mapping[str, Fault] | None = None,
    only: Collection[str] | None = None,
    disallow: Iterable[str] = (),
) -> None:
    """Serve ``data_dir`` on 127.0.0.1:``port`` until interrupted (Ctrl-C)."""
    server = _server(data_dir, port, faults, only, disallow)
    catalogue = server.catalogue
    logger.info(
        "mirror of %s at http://127.0.0.1:%d: %d WhoScored and %d FotMob matches, WhoScored stages %s",
        data_dir,
        server.server_address[1],
        len(catalogue.whoscored),
        len(catalogue.fotmob),
        sorted(catalogue.stages) or "none",
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        logger.info("mirror stopped")
    finally:
        server.server_close()
