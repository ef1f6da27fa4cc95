"""What the parser dropped reaches the user: ``football-rag parse --json`` per file, and the matches table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from football_rag.analytics.matches import matches_table
from football_rag.data.parsers import parse_file
from tests.conftest import require


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "football_rag", *args], capture_output=True, text=True, timeout=120)


def _without_ids(real_dir: Path, tmp_path: Path) -> tuple[Path, int]:
    """Arsenal 4-1 Tottenham with the event ids of its first goal and of two passes removed."""
    centre = json.loads((real_dir / "whoscored" / "1903228.json").read_text(encoding="utf-8"))
    goal = next(i for i, e in enumerate(centre["events"]) if e.get("isGoal"))
    passes = [i for i, e in enumerate(centre["events"]) if e["type"]["displayName"] == "Pass"][:2]
    for i in (goal, *passes):
        del centre["events"][i]["eventId"]
    path = tmp_path / "1903228.json"
    path.write_text(json.dumps(centre), encoding="utf-8")
    return path, len(centre["events"])


def test_parse_json_carries_warnings_completeness_and_the_path_of_a_rejection(
    real_dir: Path, shared_data: Path, tmp_path: Path
) -> None:
    damaged, n_events = _without_ids(real_dir, tmp_path)
    in_play = require(shared_data / "drift" / "whoscored" / "1824860.json")
    details = json.loads((real_dir / "fotmob" / "4535454.json").read_text(encoding="utf-8"))
    details["content"]["lineup"] = {"players": []}
    unseen = tmp_path / "4535454.json"
    unseen.write_text(json.dumps(details), encoding="utf-8")

    result = _run("parse", str(damaged), str(in_play), str(unseen), "--json")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "1 of 3 files failed to parse"
    damaged_summary, in_play_summary, unseen_summary = json.loads(result.stdout)

    assert (damaged_summary["ok"], damaged_summary["n_events"], damaged_summary["home_score"]) == (
        True,
        n_events - 3,
        4,
    )
    assert damaged_summary["warnings"] == [{"field": "events[].eventId", "count": 3, "reason": "missing"}]
    assert damaged_summary["complete"] is False
    assert damaged_summary["incomplete_reasons"] == ["unreadable items dropped that touch 1 goal, 1 shot"]

    assert (in_play_summary["status"], in_play_summary["complete"], in_play_summary["warnings"]) == (
        "in progress (90+)",
        False,
        [],
    )
    assert (in_play_summary["home_score"], in_play_summary["away_score"]) == (1, 2)

    assert unseen_summary["ok"] is False
    assert unseen_summary["error"] == (
        f"{unseen} (field content.lineup): a lineup shape never seen: expected homeTeam/awayTeam or lineup[] "
        "(keys: ['players'])"
    )


def test_the_text_report_lists_each_warning(real_dir: Path, tmp_path: Path) -> None:
    damaged, _ = _without_ids(real_dir, tmp_path)
    result = _run("parse", str(damaged))
    assert result.returncode == 0, result.stderr
    first, warning = result.stdout.strip().splitlines()
    assert first.endswith("\tincomplete: unreadable items dropped that touch 1 goal, 1 shot")
    assert warning == "  warning\tevents[].eventId\t3 dropped\tmissing"


def test_the_matches_table_carries_what_makes_a_match_incomplete(real_dir: Path, tmp_path: Path) -> None:
    damaged, _ = _without_ids(real_dir, tmp_path)
    table = matches_table([parse_file(damaged), parse_file(real_dir / "whoscored" / "1903228.json")])
    assert table["complete"].tolist() == [False, True]
    assert table["incomplete_reason"].iloc[0] == "unreadable items dropped that touch 1 goal, 1 shot"
    assert table["incomplete_reason"].isna().iloc[1]
