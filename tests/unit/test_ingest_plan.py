"""Incremental ingest without parsing: which files are new, which are quarantined, hints, and the table merge."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from football_rag.data.contracts import Source
from football_rag.data.raw_store import RawStore
from football_rag.knowledge.ingest import (
    CompetitionHint,
    Quarantine,
    load_hints,
    merge_tables,
    plan_ingest,
    scan_raw_dir,
)
from football_rag.knowledge.release import CodeVersion, Manifest, RawFileRecord, Rejection, SupersededFile
from football_rag.knowledge.superseded_captures import SupersededCaptures


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parent(*records: tuple[str, bytes]) -> Manifest:
    return Manifest(
        version="v0001",
        code=CodeVersion(package="0.0.0"),
        raw_files=[RawFileRecord(path=path, sha256=_sha(data), match_id=path.split(".")[0]) for path, data in records],
    )


def test_plan_parses_only_files_the_parent_and_the_quarantine_have_not_seen(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    files = {"1.json.gz": b"one", "2.json.gz": b"two", "3.json.gz": b"three", "bad.json.gz": b"junk"}
    for name, data in files.items():
        (raw / name).write_bytes(data)
    (raw / "notes.txt").write_text("not a raw file")
    quarantine = Quarantine(tmp_path / "quarantine.jsonl", "1.0")
    quarantine.add([Rejection(path="bad.json.gz", sha256=_sha(b"junk"), error="not gzip")])
    parent = _parent(("1.json.gz", b"one"), ("2.json.gz", b"two-old"), ("gone.json.gz", b"gone"))

    plan = plan_ingest(raw, parent, quarantine, {})

    assert plan.parent == "v0001" and plan.incremental and plan.files_seen == 4
    assert [f.relpath for f in plan.new] == ["2.json.gz", "3.json.gz"]  # 2 changed bytes, 3 is new
    assert plan.unchanged == 1
    assert [r.path for r in plan.quarantined] == ["bad.json.gz"]
    assert plan.missing == ["2.json.gz", "gone.json.gz"]  # the parent's bytes of 2 are no longer there

    full = plan_ingest(raw, parent, quarantine, {}, full=True)
    assert not full.incremental and [f.relpath for f in full.new] == ["1.json.gz", "2.json.gz", "3.json.gz"]


def test_the_quarantine_is_kept_per_code_version(tmp_path: Path) -> None:
    path = tmp_path / "quarantine.jsonl"
    Quarantine(path, "1.0").add([Rejection(path="a", sha256="aa", error="truncated")])
    assert list(Quarantine(path, "1.0").entries()) == ["aa"]
    assert Quarantine(path, "1.1").entries() == {}  # new code: the file gets another chance


def test_hints_come_from_the_raw_store_index_first_then_the_first_matching_pattern(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "store")
    store.put(Source.WHOSCORED, "100", "{}", competition="Eredivisie", season="2025/2026")
    (tmp_path / "store" / "whoscored" / "200.json.gz").write_bytes(b"unindexed")
    patterns = {"*/store/whoscored/*": CompetitionHint(competition="Premier League"), "*": CompetitionHint(season="x")}

    found = {f.relpath: f.hint for f in scan_raw_dir(tmp_path / "store", patterns)}

    assert found == {
        "whoscored/100.json.gz": CompetitionHint(competition="Eredivisie", season="2025/2026"),
        "whoscored/200.json.gz": CompetitionHint(competition="Premier League"),
    }


def test_hints_file_of_the_repo_names_the_demo_season() -> None:
    hints = load_hints(Path(__file__).resolve().parents[2] / "configs" / "ingest_hints.yaml")
    assert hints == {"*/premier-league-2025-26/*": CompetitionHint(competition="Premier League", season="2025/2026")}


def test_merge_replaces_the_rows_of_reparsed_matches_and_keeps_the_rest() -> None:
    parent = {
        "matches": pd.DataFrame({"match_id": ["1", "2"], "home": ["Arsenal", "Leeds"]}),
        "events": pd.DataFrame({"match_id": ["1", "1", "2"], "event_id": [1, 2, 1]}),
        "links": pd.DataFrame({"fotmob_id": ["f1"], "whoscored_id": ["1"], "status": ["linked"]}),
    }
    new = {
        "matches": pd.DataFrame({"match_id": ["2", "3"], "home": ["Leeds United", "Spurs"]}),
        "events": pd.DataFrame({"match_id": ["2", "3"], "event_id": [7, 1]}),
        "links": pd.DataFrame({"fotmob_id": ["f1"], "whoscored_id": ["1"], "status": ["conflicting"]}),
    }

    merged = merge_tables(parent, new, {"2", "3"})

    assert merged["matches"].to_dict("list") == {
        "match_id": ["1", "2", "3"],
        "home": ["Arsenal", "Leeds United", "Spurs"],
    }
    assert merged["events"].to_dict("list") == {"match_id": ["1", "1", "2", "3"], "event_id": [1, 2, 7, 1]}
    assert merged["links"].to_dict("list") == {"fotmob_id": ["f1"], "whoscored_id": ["1"], "status": ["conflicting"]}


def test_a_capture_set_aside_is_skipped_while_the_parent_reads_its_match_from_the_file_that_superseded_it(
    tmp_path: Path,
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "7.json.gz").write_bytes(b"finished")
    (raw / "7.in-play.json").write_bytes(b"in play")
    ledger = SupersededCaptures(tmp_path / "superseded.jsonl")
    in_play = SupersededFile(
        path="7.in-play.json", sha256=_sha(b"in play"), match_id="7", source="whoscored", superseded_by="7.json.gz"
    )
    ledger.add([in_play])
    reads_7_from = Manifest(
        version="v0001",
        code=CodeVersion(package="0.0.0"),
        raw_files=[RawFileRecord(path="7.json.gz", sha256=_sha(b"finished"), match_id="7", source="whoscored")],
    )

    plan = plan_ingest(raw, reads_7_from, Quarantine(tmp_path / "q.jsonl", "1.0"), {}, superseded=ledger)
    assert (plan.new, plan.set_aside, plan.unchanged) == ([], [in_play], 1)

    # Once the parent reads match 7 from another file (the finished one re-captured), the entry no longer stands.
    moved = reads_7_from.model_copy(update={"raw_files": [reads_7_from.raw_files[0].model_copy(update={"path": "x"})]})
    plan = plan_ingest(raw, moved, Quarantine(tmp_path / "q.jsonl", "1.0"), {}, superseded=ledger)
    assert [f.relpath for f in plan.new] == ["7.in-play.json"] and plan.set_aside == []
    # A full ingest parses every file again, whatever the ledger says.
    assert len(plan_ingest(raw, reads_7_from, Quarantine(tmp_path / "q.jsonl", "1.0"), {}, True, ledger).new) == 2
