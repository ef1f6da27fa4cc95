"""Files rejected at ingest are parsed again when the parser code changes, and the report names the ones that recovered.

The quarantine a parser upgrade meets is written here as the parser before issue #16 left it: the real drift
file ``fotmob/4230530.json`` (Bologna 0-2 Milan, lineups as a list of teams) rejected with the error that
parser gave (``content.lineup.homeTeam: missing``, quoted in the issue), and a truncated WhoScored file.
The running parser reads the first and still rejects the second.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from football_rag.config.settings import Settings
from football_rag.data.parsers.version import DATA_PACKAGE, parser_code_version, parser_sources_hash
from football_rag.knowledge.ingest import QUARANTINE_NAME, home_quarantine, plan_for_settings, run_ingest
from football_rag.knowledge.release import code_version, release_store, sha256_of
from tests.conftest import SHARED_DATA, require

DRIFT = SHARED_DATA / "drift"
OLD_PARSERS = "parsers-0123456789ab"  # the code version the earlier ingest ran with
LINEUP_LIST = "fotmob/4230530.json"
TRUNCATED = "whoscored/1834250-truncated.json"


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


def test_rejected_files_are_retried_after_a_parser_upgrade_and_the_recovered_named(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "fotmob").mkdir(parents=True)
    (raw / "whoscored").mkdir()
    shutil.copy(require(DRIFT / LINEUP_LIST), raw / LINEUP_LIST)
    whole = (DRIFT / "whoscored" / "1834250.json").read_bytes()
    (raw / TRUNCATED).write_bytes(whole[: len(whole) // 3])
    settings = Settings(home=tmp_path / "home", hub=str(tmp_path / "hub"))
    earlier = [
        {"path": LINEUP_LIST, "error": "content.lineup.homeTeam: missing"},
        {"path": TRUNCATED, "error": "not JSON: Unterminated string"},
    ]
    settings.home.mkdir()
    with (settings.home / QUARANTINE_NAME).open("w") as handle:
        for record in earlier:
            sha = sha256_of(raw / record["path"])
            handle.write(json.dumps({**record, "sha256": sha, "code_version": OLD_PARSERS, "at": "x"}) + "\n")

    plan = plan_for_settings(settings, raw)
    assert [f.relpath for f in plan.new] == [LINEUP_LIST, TRUNCATED] and plan.quarantined == []
    assert [(r.path, r.error) for r in plan.retried] == [(r["path"], r["error"]) for r in earlier]

    tables, report = run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)

    assert [(r.path, r.error) for r in report.recovered] == [(LINEUP_LIST, "content.lineup.homeTeam: missing")]
    assert [r.path for r in report.rejected] == [TRUNCATED]
    assert report.rejected[0].error != earlier[1]["error"]  # this parser's own reason is recorded
    matches = tables["matches"]
    assert matches[["match_id", "home", "away", "home_goals", "away_goals"]].values.tolist() == [
        ["4230530", "Bologna", "Milan", 0, 2]
    ]
    assert [r.match_id for r in report.raw_files] == ["4230530"]

    # The same parser again: the truncated file is quarantined under this code version, so it is not retried.
    again = plan_for_settings(settings, raw)
    assert [r.path for r in again.quarantined] == [TRUNCATED]
    # no release was published from the first run: the recovered file is still new (and still rejected before)
    assert [f.relpath for f in again.new] == [r.path for r in again.retried] == [LINEUP_LIST]
