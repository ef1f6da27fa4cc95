"""Chart build times: every kind for one match, over the whole season's tables as the app holds them.

The season corpus is parsed into one set of tables, its shots get the xG model's values (so the xG
race can be drawn), and each chart of Arsenal 4-1 Tottenham is built ``REPEATS`` times through
``render_chart``; the median is reported, with the figure's JSON size (what the ``/chart`` API sends).
``python -m benchmarks.bench_charts`` prints the measurements as JSON; ``make bench`` runs it with the rest.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from football_rag.analytics.tables import MatchTables, apply_xg, build_tables
from football_rag.analytics.xg_model import train_xg_model
from football_rag.charts import CHART_KINDS, render_chart
from football_rag.data.parsers import parse_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEASON = SHARED / "season" / "premier-league-2025-26" / "whoscored"
MATCH_ID = "1903228"
TEAM = "Arsenal"
REPEATS = 5
SEED = 0


def season_tables(paths: list[Path]) -> MatchTables:
    """Return the tables of every file in ``paths``, with xG from a model fitted on their shots."""
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        tables = build_tables(list(pool.map(parse_file, paths, chunksize=8)))
    model = train_xg_model(tables.shots, SEED)
    return apply_xg(tables, model.predict, model.version)


def time_chart(tables: MatchTables, kind: str) -> tuple[float, int]:
    """Return the median milliseconds to build chart ``kind`` of ``MATCH_ID``, and its JSON size in bytes."""
    team = TEAM if kind == "team_trend" else None
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        fig = render_chart(kind, tables, MATCH_ID, team=team)
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times), len(fig.to_json())


def run() -> dict[str, object]:
    """Return the season's size, the time to load it, and each chart's median build time and JSON size."""
    paths = sorted(SEASON.glob("*.json.gz"))
    if not paths:
        return {"skipped": f"season corpus not found at {SEASON}"}
    started = time.perf_counter()
    tables = season_tables(paths)
    loaded = time.perf_counter() - started
    results: dict[str, object] = {"matches": len(tables.matches), "events": len(tables.events)}
    results["load_and_xg_s"] = round(loaded, 1)
    for kind in CHART_KINDS:
        milliseconds, size = time_chart(tables, kind)
        results[f"{kind}_ms"] = round(milliseconds, 1)
        results[f"{kind}_json_kb"] = round(size / 1024, 1)
    results["all_kinds_ms"] = round(sum(results[f"{kind}_ms"] for kind in CHART_KINDS), 1)
    return results


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
