"""Analytics tables for the season corpus: parse (timed apart), then link, flatten and compute every metric.

``python -m benchmarks.bench_analytics`` prints the measurements as JSON; ``make bench`` runs it with the rest.
``recompute_s`` is ``apply_xg`` with a constant predictor: the cost of refreshing the shot-dependent figures.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from football_rag.analytics.tables import apply_xg, build_tables
from football_rag.data.parsers import parse_file

SEASON = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
)


def run() -> dict[str, object]:
    """Return the parse time, the time to build all tables, and each table's size."""
    paths = sorted(SEASON.glob("*.json.gz"))
    if not paths:
        return {"skipped": f"season corpus not found at {SEASON}"}
    started = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        parsed = list(pool.map(parse_file, paths, chunksize=8))
    parsed_at = time.perf_counter()
    tables = build_tables(parsed)
    built = time.perf_counter()
    apply_xg(tables, lambda shots: np.full(len(shots), 0.1), "constant")
    recomputed = time.perf_counter()
    return {
        "matches": len(tables.matches),
        "parse_s": round(parsed_at - started, 2),
        "tables_s": round(built - parsed_at, 2),
        "recompute_s": round(recomputed - built, 2),
        **{f"rows_{name}": len(getattr(tables, name)) for name in tables.__dataclass_fields__},
        "target": "tables under 30 s on 2 cores (parsing apart)",
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
