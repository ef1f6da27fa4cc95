"""The xG model on the season corpus: fitting time, held-out scores against the baseline, and FotMob.

``python -m benchmarks.bench_xg`` prints the measurements as JSON; ``make bench`` runs it with the rest.
"""

from __future__ import annotations

import csv
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from football_rag.analytics.shots import shots_table
from football_rag.analytics.tables import build_tables
from football_rag.analytics.xg_model import XgMetrics, compare_with_provider, holdout_report, train_xg_model
from football_rag.data.parsers import parse_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEASON = SHARED / "season" / "premier-league-2025-26" / "whoscored"
REAL = SHARED / "real"
SEED = 0


def _linked_files() -> list[Path]:
    """Return the FotMob shot maps of ``real/`` and the WhoScored files they pair with (``manifest.csv``)."""
    with (REAL / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["file"].startswith("fotmob/shotmap_only/")]
    return [REAL / row["file"] for row in rows] + [REAL / row["paired_file"] for row in rows]


def run() -> dict[str, object]:
    """Return parse, fit and evaluation times and the held-out and FotMob comparison scores."""
    paths = sorted(SEASON.glob("*.json.gz"))
    if not paths:
        return {"skipped": f"season corpus not found at {SEASON}"}
    started = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        shots = shots_table(list(pool.map(parse_file, paths, chunksize=8)))
    loaded = time.perf_counter()
    model = train_xg_model(shots, SEED)
    fitted = time.perf_counter()
    report = holdout_report(shots, SEED)
    evaluated = time.perf_counter()
    fotmob = compare_with_provider(model, build_tables([parse_file(path) for path in _linked_files()]).shots)
    return {
        "matches": len(paths),
        "shots": len(shots),
        "load_shots_s": round(loaded - started, 2),
        "fit_full_season_s": round(fitted - loaded, 2),
        "holdout_fit_and_score_s": round(evaluated - fitted, 2),
        "model_version": model.version,
        "penalty_xg": round(model.penalty_xg, 4),
        "holdout_matches": report.test_matches,
        "holdout_shots": report.test_shots,
        "holdout_goals": report.model.goals,
        **{f"holdout_model_{k}": v for k, v in _scores(report.model).items()},
        **{f"holdout_baseline_{k}": v for k, v in _scores(report.baseline).items()},
        "calibration_deciles": [(b.mean_xg, b.goal_rate) for b in report.calibration],
        "fotmob_matches": fotmob.matches,
        "fotmob_shots": fotmob.model.shots,
        "fotmob_goals": fotmob.model.goals,
        **{f"fotmob_ours_{k}": v for k, v in _scores(fotmob.model).items()},
        **{f"fotmob_theirs_{k}": v for k, v in _scores(fotmob.provider_xg).items()},
    }


def _scores(metrics: XgMetrics) -> dict[str, float]:
    return {key: getattr(metrics, key) for key in ("log_loss", "brier", "auc", "total_xg")}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
