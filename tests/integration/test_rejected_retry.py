"""Files rejected at ingest are parsed again when the parser code changes, and the report names the ones that recovered.

The quarantine a parser upgrade meets is written here as the parser before issue #16 left it, with the
errors that parser gave (quoted in the issue), in two cases. ``drift``: the real drift file
``fotmob/4230530.json`` (Bologna 0-2 Milan, lineups as a list of teams), rejected with
``content.lineup.homeTeam: missing``. ``synthetic`` (no ../shared needed): synthetic match 3 with three
events whose ids are null, rejected with ``events[N].event_id: Input should be a valid integer``. Each
beside a truncated WhoScored file. The running parser reads the first and still rejects the second.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from football_rag.config.settings import Settings
from football_rag.data.parsers.version import DATA_PACKAGE, parser_code_version, parser_sources_hash
from football_rag.data.synthetic import synthetic_match, whoscored_document
from football_rag.knowledge.ingest import QUARANTINE_NAME, home_quarantine, plan_for_settings, run_ingest
from football_rag.knowledge.release import code_version, release_store, sha256_of
from tests.conftest import SHARED_DATA, require

DRIFT = SHARED_DATA / "drift"
OLD_PARSERS = "parsers-0123456789ab"  # the code version the earlier ingest ran with
PASS = 1


@dataclass(frozen=True)
class Case:
    recovered: str  # its path in the raw folder
    recovered_bytes: bytes
    earlier_error: str
    truncated: str
    truncated_bytes: bytes
    match: list[object]  # match_id, home, away, home goals, away goals


def _drift() -> Case:
    whole = require(DRIFT / "whoscored" / "1834250.json").read_bytes()
    return Case(
        "fotmob/4230530.json",
        (DRIFT / "fotmob" / "4230530.json").read_bytes(),
        "content.lineup.homeTeam: missing",
        "whoscored/1834250-truncated.json",
        whole[: len(whole) // 3],
        ["4230530", "Bologna", "Milan", 0, 2],
    )


def _synthetic() -> Case:
    match = synthetic_match(3)
    document = whoscored_document(match)
    passes = [n for n, e in enumerate(document["events"]) if e["type"]["value"] == PASS]
    for n in passes[100:103]:
        document["events"][n]["eventId"] = None
    whole = json.dumps(whoscored_document(synthetic_match(4))).encode()
    return Case(
        f"whoscored/{match.whoscored_id}.json",
        json.dumps(document).encode(),
        f"events[{passes[100]}].event_id: Input should be a valid integer",
        "whoscored/9000004-truncated.json",
        whole[: len(whole) // 3],
        [str(match.whoscored_id), match.home.name, match.away.name, *match.score()],
    )


def test_the_parser_code_version_follows_the_parsers_and_nothing_else(tmp_path: Path) -> None:
    copy = shutil.copytree(DATA_PACKAGE, tmp_path / "data", ignore=shutil.ignore_patterns("__pycache__"))
    assert parser_sources_hash(copy) == parser_code_version() == code_version().parsers
    with (copy / "raw_store.py").open("a") as handle:
        handle.write("# not read by the parsers\n")
    (copy / "synthetic" / "match.py").write_text("# nor this\n")
    assert parser_sources_hash(copy) == parser_code_version()
    fotmob = copy / "parsers" / "fotmob.py"
    fotmob.write_text(fotmob.read_text() + "\n# a parser change\n")
    changed = parser_sources_hash(copy)
    assert changed != parser_code_version() and changed.startswith("parsers-") and len(changed) == 20


@pytest.mark.parametrize("make_case", [_drift, _synthetic], ids=["drift", "synthetic"])
def test_rejected_files_are_retried_after_a_parser_upgrade_and_the_recovered_named(
    make_case: Callable[[], Case], tmp_path: Path
) -> None:
    case = make_case()
    raw = tmp_path / "raw"
    for path, data in ((case.recovered, case.recovered_bytes), (case.truncated, case.truncated_bytes)):
        (raw / path).parent.mkdir(parents=True, exist_ok=True)
        (raw / path).write_bytes(data)
    settings = Settings(home=tmp_path / "home", hub=str(tmp_path / "hub"))
    earlier = [
        {"path": case.recovered, "error": case.earlier_error},
        {"path": case.truncated, "error": "not JSON: Unterminated string"},
    ]
    settings.home.mkdir()
    with (settings.home / QUARANTINE_NAME).open("w") as handle:
        for record in earlier:
            sha = sha256_of(raw / record["path"])
            handle.write(json.dumps({**record, "sha256": sha, "code_version": OLD_PARSERS, "at": "x"}) + "\n")

    plan = plan_for_settings(settings, raw)
    assert [f.relpath for f in plan.new] == [case.recovered, case.truncated] and plan.quarantined == []
    assert [(r.path, r.error) for r in plan.retried] == [(r["path"], r["error"]) for r in earlier]

    tables, report = run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)

    assert [(r.path, r.error) for r in report.recovered] == [(case.recovered, case.earlier_error)]
    assert [r.path for r in report.rejected] == [case.truncated]
    assert report.rejected[0].error != earlier[1]["error"]  # this parser's own reason is recorded
    matches = tables["matches"]
    assert matches[["match_id", "home", "away", "home_goals", "away_goals"]].values.tolist() == [case.match]
    assert [r.match_id for r in report.raw_files] == [case.match[0]]

    # The same parser again: the truncated file is quarantined under this code version, so it is not retried.
    again = plan_for_settings(settings, raw)
    assert [r.path for r in again.quarantined] == [case.truncated]
    # no release was published from the first run: the recovered file is still new (and still rejected before)
    assert [f.relpath for f in again.new] == [r.path for r in again.retried] == [case.recovered]
