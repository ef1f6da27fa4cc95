"""Crawl throughput: 50 season pages from the loopback mirror into a fresh raw store, politeness off.

Real Scrapy in its own process, each page parsed and stored by the item pipeline. ``pages_per_s``
counts the whole crawl (process start included); ``fetching_pages_per_s`` the span from the first
page request the mirror served to the last.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from football_rag.scraping.crawl import crawl
from football_rag.scraping.mirror import start_mirror

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEASON = DATA / "season" / "premier-league-2025-26" / "whoscored"
PAGES = 50


def run() -> dict[str, object]:
    match_ids = sorted(path.name.split(".")[0] for path in SEASON.glob("*.json.gz"))[:PAGES]
    if len(match_ids) < PAGES:
        return {"skipped": f"season corpus not found at {SEASON}"}
    with tempfile.TemporaryDirectory() as raw, start_mirror(DATA, only=match_ids) as mirror:
        started = time.perf_counter()
        report = crawl("whoscored", base_url=mirror.base_url, match_ids=match_ids, politeness=False, raw_root=Path(raw))
        seconds = time.perf_counter() - started
        served = mirror.match_requests()
    fetching = served[-1].at - served[0].at
    return {
        "pages": len(match_ids),
        "stored": len(report.stored),
        "failed": len(report.failed),
        "seconds": round(seconds, 2),
        "pages_per_s": round(len(report.stored) / seconds, 1),
        "fetching_pages_per_s": round(len(served) / fetching, 1),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
