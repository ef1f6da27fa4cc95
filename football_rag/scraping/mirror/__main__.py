"""``python -m football_rag.scraping.mirror --data DIR --port N [--fault ID=KIND[:TIMES] ...]``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from football_rag.config.logging import configure_logging
from football_rag.config.settings import REPO_ROOT
from football_rag.scraping.mirror import serve_mirror
from football_rag.scraping.mirror.faults import Fault, FaultKind

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line and serve the mirror until interrupted."""
    parser = argparse.ArgumentParser(prog="football-rag mirror", description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data folder (default {DEFAULT_DATA})")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765)")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="ID=KIND[:TIMES]",
        help=f"a fault for a match page; KIND one of {', '.join(k.value for k in FaultKind)}; TIMES a count or 'all'",
    )
    parser.add_argument("--only", action="append", metavar="ID", help="serve only these match ids (repeatable)")
    parser.add_argument("--disallow", action="append", default=[], metavar="PATH", help="a path robots.txt forbids")
    args = parser.parse_args(argv)
    configure_logging()
    faults = dict(Fault.parse(spec) for spec in args.fault)
    serve_mirror(args.data, args.port, faults, args.only, args.disallow)


if __name__ == "__main__":
    main()
