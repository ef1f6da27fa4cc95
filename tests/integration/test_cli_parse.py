"""`football-rag parse` as DESIGN.md's contract says: one summary per file, in order, exit 1 if any failed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from football_rag.data.synthetic import fotmob_document, in_play_whoscored_document, synthetic_match, whoscored_document


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "football_rag", *args], capture_output=True, text=True, timeout=120)


def test_parse_json_mixed_batch(real_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json.gz"
    bad.write_text("not gzip")
    files = [real_dir / "whoscored" / "1903228.json", bad, real_dir / "fotmob" / "4535454.json"]
    result = _run("parse", *map(str, files), "--json")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "1 of 3 files failed to parse"
    summaries = json.loads(result.stdout)
    assert [s["ok"] for s in summaries] == [True, False, True]
    arsenal = summaries[0]
    assert {k: arsenal[k] for k in ("source", "match_id", "home", "away", "home_score", "away_score", "n_events")} == {
        "source": "whoscored",
        "match_id": "1903228",
        "home": "Arsenal",
        "away": "Tottenham",
        "home_score": 4,
        "away_score": 1,
        "n_events": 1427,
    }
    assert "broken.json.gz" in summaries[1]["error"] and "not gzip" in summaries[1]["error"]
    inter = summaries[2]
    assert (inter["source"], inter["home"], inter["away"], inter["home_score"], inter["away_score"]) == (
        "fotmob",
        "Inter",
        "Genoa",
        1,
        0,
    )


def test_parse_success_exits_zero(real_dir: Path) -> None:
    result = _run("parse", str(real_dir / "whoscored" / "1650630.html"))
    assert result.returncode == 0, result.stderr
    assert "Barcelona 0-0 Rayo Vallecano" in result.stdout


def test_parse_json_on_synthetic_pages_reports_warnings_and_in_play(tmp_path: Path) -> None:
    """No ../shared needed: a finished page with three events without ids, a page saved at 75', a FotMob file."""
    match, running = synthetic_match(3), synthetic_match(12)
    page = whoscored_document(match)
    for event in page["events"][100:103]:
        event["eventId"] = None
    files = {
        "9000003.json": page,
        "9000012.json": in_play_whoscored_document(running, 75),
        "8000003.json": fotmob_document(match),
    }
    for name, document in files.items():
        (tmp_path / name).write_text(json.dumps(document))
    result = _run("parse", *(str(tmp_path / name) for name in files), "--json")
    assert result.returncode == 0, result.stderr
    finished, in_play, fotmob = json.loads(result.stdout)
    score = dict(zip(("home_score", "away_score"), match.score(), strict=True))
    assert finished | score == finished and fotmob | score == fotmob
    assert (finished["n_events"], finished["n_shots"], fotmob["n_shots"]) == (
        len(page["events"]) - 3,
        len(match.shots),
        len(match.shots),
    )
    assert finished["warnings"] == [{"field": "events[].eventId", "count": 3, "reason": "missing"}]
    assert (finished["status"], finished["complete"], fotmob["status"]) == ("finished", True, "finished")
    assert (in_play["home"], in_play["home_score"], in_play["away_score"]) == ("Highcliff Albion", 1, 1)
    assert (in_play["status"], in_play["complete"]) == ("in progress (75)", False)
    assert in_play["incomplete_reasons"][0] == "match not finished when captured (status 3, elapsed '75')"
