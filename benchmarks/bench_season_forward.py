"""The season played forward, timed: a first build of the opening weeks, then one build per matchweek to the end.

Each build is ``python -m football_rag.knowledge.build`` (the retrain pipeline, what ``football-rag build`` runs)
into one fresh home, with the repo's configs, its gate and the default embedder. The curve (week, matches, new,
seconds, published, each step's seconds) shows whether an increment's cost stays flat as the season grows.
Targets on 2 cores: every increment published; a 10-match increment under 60 s; over the weeks of 9-11 matches,
the last third's mean within 20% of the first third's.

``FOOTBALL_RAG_BENCH_WEEKS`` limits how many weekly increments run (default: all of them).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from benchmarks.bench_build import EMBEDDER, SEASON, _environment, _timed
from football_rag.config.settings import get_settings
from tests.season_weeks import matchweeks

FIRST_WEEKS = 3


def _play(week: list[dict[str, str]], raw: Path, env: dict[str, str]) -> dict[str, object]:
    """Copy one week's raw files in, build, and return the curve's row for it."""
    for row in week:
        shutil.copy(SEASON / f"{row['whoscored_id']}.json.gz", raw)
    timed = _timed("football_rag.knowledge.build", env)
    report = json.loads(timed.stdout.strip().splitlines()[-1])
    return {
        "week": min(row["start_date"][:10] for row in week),
        "matches": report["matches"],
        "new": report["new_matches"],
        "seconds": timed.seconds,
        "cpu_seconds": timed.cpu_seconds,
        "published": report["published"],
        "version": report["candidate"],
        "reasons": report["reasons"] if not report["published"] else [],
        "steps": report["step_seconds"],
    }


def run() -> dict[str, object]:
    if not SEASON.is_dir():
        return {"skipped": f"season corpus not found at {SEASON}"}
    if not (get_settings().models_dir / "embeddings" / EMBEDDER).exists():
        return {"skipped": f"{EMBEDDER} is not in the model cache (run scripts/setup.sh)"}
    weeks = matchweeks(SEASON.parent)
    limit = int(os.environ.get("FOOTBALL_RAG_BENCH_WEEKS") or len(weeks))
    with tempfile.TemporaryDirectory(prefix="bench_season_") as scratch:
        home, raw = Path(scratch) / "home", Path(scratch) / "raw" / "premier-league-2025-26"
        raw.mkdir(parents=True)
        env = _environment(home, raw.parent)
        _timed("football_rag.knowledge.stack", env)
        curve = [_play([row for week in weeks[:FIRST_WEEKS] for row in week], raw, env)]
        curve += [_play(week, raw, env) for week in weeks[FIRST_WEEKS:][:limit]]
    increments = curve[1:]
    # Flatness over the weeks of a usual size (9-11 matches): a double matchweek or a lone match says nothing of growth.
    usual = [r for r in increments if 9 <= r["new"] <= 11]
    third = max(1, len(usual) // 3)
    per_match = [row["seconds"] / max(1, row["new"]) for row in increments]
    early = statistics.mean(r["seconds"] for r in usual[:third])
    late = statistics.mean(r["seconds"] for r in usual[-third:])
    # The same ratio in CPU seconds: the shared host's speed drifts over a 20-minute run (the embed step, the same
    # work every week, took 13.4 s in the first weeks and 18.6 s in the last of one run), its CPU time much less.
    early_cpu = statistics.mean(r["cpu_seconds"] for r in usual[:third])
    late_cpu = statistics.mean(r["cpu_seconds"] for r in usual[-third:])
    for row in curve:
        state = f"{row['version']} " + ("published" if row["published"] else "held back: " + "; ".join(row["reasons"]))
        timing = f"{row['seconds']:>6.1f} s ({row['cpu_seconds']:.1f} s CPU)"
        print(f"{row['week']}  {row['matches']:>4} matches  +{row['new']:<3} {timing}  {state}")
        print("    " + ", ".join(f"{step} {seconds:.1f}" for step, seconds in row["steps"].items()))
    return {
        "embedder": EMBEDDER,
        "first_build_matches": curve[0]["matches"],
        "first_build_s": curve[0]["seconds"],
        "increments": len(increments),
        "increments_published": sum(bool(r["published"]) for r in increments),
        "increment_s_median": statistics.median(r["seconds"] for r in increments),
        "increment_s_max": max(r["seconds"] for r in increments),
        "usual_weeks": len(usual),
        "increment_s_per_match_median": round(statistics.median(per_match), 2),
        "first_third_mean_s": round(early, 1),
        "last_third_mean_s": round(late, 1),
        "last_over_first_third": round(late / early, 3),
        "last_over_first_third_cpu": round(late_cpu / early_cpu, 3),
        "curve": json.dumps(curve),
        "target": "every increment published; 10-match increment < 60 s; last third within 20% of the first",
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
