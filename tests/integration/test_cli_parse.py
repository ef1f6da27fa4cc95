"""`football-rag parse` as DESIGN.md's contract says: one summary per file, in order, exit 1 if any failed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


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
