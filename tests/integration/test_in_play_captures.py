"""A match captured in play, then finished: the later capture replaces it at the next ingest.

Three cases, the same checks. ``drift``: the real drift file ``whoscored/1824860.json`` (Rennes 1-2 Monaco,
saved at 90+': ``statusCode`` 3, empty ``ftScore``, no end of the second half); its finished capture is made
here by completing that same file as WhoScored's finished page is: ``statusCode`` 6, ``elapsed`` "FT",
``ftScore`` "1 : 2" and an end-of-period event for each team at the end of the second half (the real
finished page held 66 more events, which the drift corpus does not carry). ``synthetic`` (no ../shared
needed): synthetic match 12 saved at 75' (1-1) by ``in_play_whoscored_document``, then its finished page
(1-2); ``synthetic-fotmob``: the same in FotMob's shape (``in_play_fotmob_document``: started, not
finished). Both captures go through the raw store as a crawl stores them; ingest and release run as the
pipeline's steps call them, on a home under tmp.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from football_rag.config.settings import Settings
from football_rag.data.contracts import Source
from football_rag.data.raw_store import RawStore
from football_rag.data.synthetic import (
    fotmob_document,
    in_play_fotmob_document,
    in_play_whoscored_document,
    synthetic_match,
    whoscored_document,
)
from football_rag.knowledge.datasets import Tables, write_tables
from football_rag.knowledge.ingest import (
    IngestReport,
    as_match_tables,
    home_quarantine,
    plan_for_settings,
    run_ingest,
)
from football_rag.knowledge.release import Manifest, code_version, release_store, sha256_of, verify_release
from football_rag.rag.answerer import Answerer
from tests.conftest import SHARED_DATA, require

IN_PLAY = SHARED_DATA / "drift" / "whoscored" / "1824860.json"
END_OF_PERIOD = 30
SYNTHETIC_SEED, SYNTHETIC_MINUTE = 12, 75  # Highcliff Albion 1-1 Westport Athletic at 75', 1-2 at the end


@dataclass(frozen=True)
class Case:
    source: Source
    match_id: str
    in_play: str
    finished: str
    question: str
    status: str  # of the in-play capture
    in_play_answer: str
    finished_answer: str
    final: list[int]
    events: int  # in the finished capture


def _drift() -> Case:
    in_play = require(IN_PLAY).read_text(encoding="utf-8")
    return Case(
        Source.WHOSCORED,
        "1824860",
        in_play,
        _finished_capture(in_play),
        "Who won Rennes vs Monaco?",
        "in progress (90+)",
        "The data stops before the final whistle (in progress (90+)): Rennes 1-2 Monaco.",
        "Monaco beat Rennes 2-1.",
        [1, 2],
        1568 + 2,
    )


def _synthetic() -> Case:
    match = synthetic_match(SYNTHETIC_SEED)
    finished = whoscored_document(match)
    return Case(
        Source.WHOSCORED,
        str(match.whoscored_id),
        json.dumps(in_play_whoscored_document(match, SYNTHETIC_MINUTE)),
        json.dumps(finished),
        "Who won Highcliff Albion vs Westport Athletic?",
        "in progress (75)",
        "The data stops before the final whistle (in progress (75)): Highcliff Albion 1-1 Westport Athletic.",
        "Westport Athletic beat Highcliff Albion 2-1.",
        [1, 2],
        len(finished["events"]),
    )


def _synthetic_fotmob() -> Case:
    match = synthetic_match(SYNTHETIC_SEED)
    return Case(
        Source.FOTMOB,
        str(match.fotmob_id),
        json.dumps(in_play_fotmob_document(match, SYNTHETIC_MINUTE)),
        json.dumps(fotmob_document(match)),
        "Who won Highcliff Albion vs Westport Athletic?",
        "in progress",
        "The data stops before the final whistle (in progress): Highcliff Albion 1-1 Westport Athletic.",
        "Westport Athletic beat Highcliff Albion 2-1.",
        [1, 2],
        0,  # FotMob gives shots, not events
    )


@pytest.fixture(params=[_drift, _synthetic, _synthetic_fotmob], ids=["drift", "synthetic", "synthetic-fotmob"])
def case(request: pytest.FixtureRequest) -> Case:
    return request.param()


def _finished_capture(in_play: str) -> str:
    """Return the in-play page completed as the finished page: status 6, "FT", the final score, both halves ended."""
    centre = json.loads(in_play)
    second_half = [e for e in centre["events"] if e["period"]["value"] == 2]
    last = max(second_half, key=lambda e: (e["minute"], e.get("second", 0)))
    for n, team_id in enumerate(sorted({e["teamId"] for e in second_half})):
        end = {k: last[k] for k in ("minute", "second", "expandedMinute", "period") if k in last}
        centre["events"].append(
            {
                **end,
                "id": float(max(e["id"] for e in centre["events"]) + 1 + n),
                "eventId": 1_000 + n,
                "teamId": team_id,
                "type": {"value": END_OF_PERIOD, "displayName": "End"},
                "outcomeType": {"value": 1, "displayName": "Successful"},
                "qualifiers": [],
                "satisfiedEventsTypes": [],
                "isTouch": False,
            }
        )
    centre.update(statusCode=6, elapsed="FT", ftScore=centre["score"])
    return json.dumps(centre)


def _publish(settings: Settings, tables: Tables, report: IngestReport) -> Path:
    """Publish the ingest's tables as a release (the index is left out: answers here come from the tables)."""
    store = release_store(settings)
    with store.staging(report.version) as staged:
        counts = write_tables(staged, tables)
        fields = report.model_dump(include={"version", "parent", "raw_dir", "raw_files", "superseded"})
        manifest = Manifest(**fields, rejected=report.rejected, row_counts=counts, code=code_version())
        return store.publish(staged, manifest)


def _ingest(settings: Settings, raw: Path, full: bool = False) -> tuple[Tables, IngestReport]:
    plan = plan_for_settings(settings, raw, full)
    return run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)


@pytest.fixture
def store(tmp_path: Path) -> RawStore:
    return RawStore(tmp_path / "raw")


def test_a_finished_capture_replaces_the_in_play_one_at_the_next_ingest(
    case: Case, store: RawStore, tmp_path: Path
) -> None:
    match_id, in_play = case.match_id, case.in_play
    settings = Settings(home=tmp_path / "home", hub=str(tmp_path / "hub"))
    stored = store.put(case.source, match_id, in_play, finished=False)
    assert stored is not None and not store.has_final(case.source, match_id)  # the crawler will fetch it again

    tables, first = _ingest(settings, store.root)
    v1 = _publish(settings, tables, first)
    matches = as_match_tables(tables).matches
    assert matches[["status", "complete"]].values.tolist() == [[case.status, False]]
    answer, _ = Answerer(as_match_tables(tables)).ask(case.question)
    assert case.in_play_answer in answer.answer and case.finished_answer not in answer.answer, answer.answer

    later = store.put(case.source, match_id, case.finished, finished=True)
    assert later is not None and later.path.startswith(f"{case.source.value}/{match_id}.") and later.path != stored.path
    assert store.has_final(case.source, match_id)
    assert store.put(case.source, match_id, in_play, finished=False) is None  # a finished capture needs no other
    assert sha256_of(store.root / stored.path) == stored.sha256  # the in-play file stays as it was stored

    plan = plan_for_settings(settings, store.root)
    assert [f.relpath for f in plan.new] == [later.path] and plan.unchanged == 1
    tables, second = run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)
    _publish(settings, tables, second)

    assert (second.version, second.parent, second.replaced_match_ids, second.new_match_ids) == (
        "v0002",
        "v0001",
        [match_id],
        [],
    )
    assert [(r.path, r.match_id) for r in second.raw_files] == [(later.path, match_id)]
    assert [(s.path, s.superseded_by) for s in second.superseded] == [(stored.path, later.path)]
    matches = as_match_tables(tables).matches
    assert matches[["status", "home_goals", "away_goals", "complete"]].values.tolist() == [
        ["finished", *case.final, True]
    ]
    assert len(as_match_tables(tables).events) == case.events
    answer, _ = Answerer(as_match_tables(tables)).ask(case.question)
    assert case.finished_answer in answer.answer and "stops before the final whistle" not in answer.answer

    # The next ingest parses neither capture again (the in-play one is recorded as superseded), and v0001 is intact.
    third = plan_for_settings(settings, store.root)
    assert (third.new, third.unchanged) == ([], 2)
    assert verify_release(v1) == []
    assert Manifest.model_validate_json((v1 / "manifest.json").read_text()).superseded == []


def test_one_ingest_of_both_captures_keeps_the_finished_one(case: Case, store: RawStore, tmp_path: Path) -> None:
    """Both captures new at once (a first build, or a full one): the finished one is kept, whatever the order."""
    match_id, in_play = case.match_id, case.in_play
    # The finished capture is stored first here, under the match's own name; the in-play one cannot follow it.
    store.put(case.source, match_id, case.finished, finished=True)
    assert store.put(case.source, match_id, in_play, finished=False) is None
    # put there by hand, beside the store's file
    extra = store.root / case.source.value / f"{match_id}.copied-in-play.json"
    extra.write_text(in_play, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", hub=str(tmp_path / "hub"))

    tables, report = _ingest(settings, store.root)

    assert report.parsed == 1 and [r.path for r in report.raw_files] == [f"{case.source.value}/{match_id}.json.gz"]
    assert [(s.path, s.superseded_by) for s in report.superseded] == [
        (f"{case.source.value}/{match_id}.copied-in-play.json", f"{case.source.value}/{match_id}.json.gz")
    ]
    matches = as_match_tables(tables).matches
    assert matches[["match_id", "status", "home_goals", "away_goals"]].values.tolist() == [[match_id, "finished", 1, 2]]


def test_an_in_play_capture_arriving_after_the_finished_release_does_not_replace_it(
    case: Case, store: RawStore, tmp_path: Path
) -> None:
    match_id, in_play = case.match_id, case.in_play
    settings = Settings(home=tmp_path / "home", hub=str(tmp_path / "hub"))
    store.put(case.source, match_id, case.finished, finished=True)
    tables, first = _ingest(settings, store.root)
    _publish(settings, tables, first)
    (store.root / case.source.value / f"{match_id}.copied-in-play.json").write_text(in_play, encoding="utf-8")

    tables, report = _ingest(settings, store.root)

    in_play_path, finished_path = (
        f"{case.source.value}/{match_id}.copied-in-play.json",
        f"{case.source.value}/{match_id}.json.gz",
    )
    assert report.version is None and report.parsed == 0  # nothing new to release: v0001 stands
    assert [(s.path, s.superseded_by) for s in report.superseded] == [(in_play_path, finished_path)]
    assert release_store(settings).latest_version() == "v0001"

    # No manifest lists the in-play capture, yet the next ingest skips it without parsing it.
    plan = plan_for_settings(settings, store.root)
    assert (plan.new, plan.unchanged) == ([], 1)
    assert [(s.path, s.superseded_by) for s in plan.set_aside] == [(in_play_path, finished_path)]
    again = run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)[1]
    assert (again.version, again.parsed) == (None, 0)

    # The next version, opened by another match, lists it as superseded; later ingests know it from there.
    other = synthetic_match(SYNTHETIC_SEED + 1)
    store.put(Source.WHOSCORED, str(other.whoscored_id), json.dumps(whoscored_document(other)), finished=True)
    plan = plan_for_settings(settings, store.root)
    assert [f.relpath for f in plan.new] == [f"whoscored/{other.whoscored_id}.json.gz"] and len(plan.set_aside) == 1
    tables, second = run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)
    _publish(settings, tables, second)
    assert (second.version, second.parsed, second.new_match_ids) == ("v0002", 1, [str(other.whoscored_id)])
    assert [(s.path, s.superseded_by) for s in second.superseded] == [(in_play_path, finished_path)]
    latest = plan_for_settings(settings, store.root)
    assert (latest.new, latest.set_aside, latest.unchanged) == ([], [], 3)
