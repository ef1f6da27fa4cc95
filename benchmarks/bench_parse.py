"""Parse + validate throughput over the season corpus, one process and one process per core."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from football_rag.data.parsers import parse_file

SEASON = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
)


def _count(path: Path) -> int:
    return len(parse_file(path).events)


def _throughput(paths: list[Path], workers: int) -> dict[str, float]:
    start, cpu_start = time.perf_counter(), time.process_time()
    if workers == 1:
        events = sum(map(_count, paths))
    else:
        with ProcessPoolExecutor(workers) as pool:
            events = sum(pool.map(_count, paths, chunksize=4))
    seconds = time.perf_counter() - start
    result = {
        "matches_per_s": round(len(paths) / seconds, 1),
        "events_per_s": round(events / seconds),
        "seconds": round(seconds, 2),
    }
    if workers == 1:
        # this process's CPU time is the parse's own cost, whatever else shares the cores at the time
        result["matches_per_cpu_s"] = round(len(paths) / (time.process_time() - cpu_start), 1)
    return result


def run() -> dict[str, object]:
    paths = sorted(SEASON.glob("*.json.gz"))
    if not paths:
        return {"skipped": f"season corpus not found at {SEASON}"}
    cores = os.cpu_count() or 1
    return {
        "matches": len(paths),
        "one_process": _throughput(paths, 1),
        f"{cores}_processes": _throughput(paths, cores),
        "target": ">= 20 matches/s on 2 cores",
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
