"""Release store and release gate: version ids, atomic publishing, the latest pointer, integrity, the gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from football_rag.knowledge.release import CodeVersion, Manifest, ReleaseStore, StaleParent, verify_release
from football_rag.knowledge.release_gate import Comparison, GateConfig, gate


def _manifest(version: str, parent: str | None) -> Manifest:
    return Manifest(version=version, parent=parent, code=CodeVersion(package="0.0.0"))


def _publish(store: ReleaseStore, parent: str | None, content: str) -> str:
    version = store.reserve_version()
    with store.staging(version) as staged:
        (staged / "data").mkdir()
        (staged / "data" / "matches.parquet").write_text(content)
        store.publish(staged, _manifest(version, parent))
    return version


def test_version_ids_only_go_up_even_when_a_version_is_never_published(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path)
    assert store.reserve_version() == "v0001"  # reserved, never published (the gate said no)
    assert _publish(store, None, "a") == "v0002"
    assert store.reserve_version() == "v0003"
    assert store.versions() == ["v0002"] and store.latest_version() == "v0002"


def test_publish_seals_the_manifest_with_file_hashes_and_moves_latest(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path)
    first = _publish(store, None, "a")
    second = _publish(store, first, "b")
    assert store.latest_version() == second == "v0002"
    assert store.manifest(second).parent == first
    # sha256("a") and sha256("b"): the manifest names every file with its content hash.
    assert store.manifest(first).files == {
        "data/matches.parquet": "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
    }
    assert store.manifest(second).files == {
        "data/matches.parquet": "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d"
    }
    assert store.verify(first) == [] and store.verify(second) == []


def test_a_failure_while_assembling_leaves_the_latest_release_and_no_trace(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path)
    first = _publish(store, None, "a")
    version = store.reserve_version()
    with pytest.raises(RuntimeError), store.staging(version) as staged:
        (staged / "half-written.parquet").write_text("x")
        raise RuntimeError("the process died here")
    assert store.latest_version() == first and store.versions() == [first]
    assert list((tmp_path / ".staging").iterdir()) == []


def test_sweep_removes_what_a_killed_run_left_and_nothing_published(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path)
    first = _publish(store, None, "a")
    (tmp_path / ".staging" / "v0002.abc").mkdir(parents=True)  # a kill -9 skips the staging cleanup
    (store.work_dir("v0002") / "index").mkdir(parents=True)
    assert store.sweep() == ["v0002", "v0002.abc"]
    assert store.versions() == [first] and store.verify(first) == []


def test_a_candidate_built_on_a_superseded_parent_is_refused(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path)
    first = _publish(store, None, "a")
    late = store.reserve_version()
    _publish(store, first, "b")  # another run published while `late` was being built on `first`
    with store.staging(late) as staged, pytest.raises(StaleParent, match="latest release is now v0003"):
        store.publish(staged, _manifest(late, first))
    assert store.latest_version() == "v0003" and store.versions() == ["v0001", "v0003"]


def test_verify_names_changed_missing_and_extra_files(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path)
    version = _publish(store, None, "a")
    release = store.path(version)
    (release / "data" / "matches.parquet").write_text("tampered")
    (release / "data" / "extra.parquet").write_text("x")
    assert verify_release(release) == ["data/extra.parquet", "data/matches.parquet"]
    (release / "data" / "matches.parquet").unlink()
    assert verify_release(release) == ["data/extra.parquet", "data/matches.parquet"]


GATE = GateConfig(
    minimum={"retrieval_match_at_1": 0.9},
    maximum={"xg_brier": 0.1},
    tolerance={"retrieval_match_at_1": 0.02, "xg_brier": 0.01},
    lower_is_better=["xg_brier"],
)


def _against(current: dict[str, float], candidate: dict[str, float]) -> Comparison:
    return Comparison(release="v0001", current=current, candidate=candidate)


def test_gate_passes_a_candidate_within_bounds_and_tolerance() -> None:
    shared = {"retrieval_match_at_1": 0.95, "xg_brier": 0.085}
    decision = gate(shared, GATE, _against({"retrieval_match_at_1": 0.96, "xg_brier": 0.08}, shared))
    # 0.96 - 0.95 = 0.01 <= 0.02; 0.085 - 0.08 = 0.005 <= 0.01
    assert decision.publish is True


def test_gate_lists_every_failed_check() -> None:
    shared = {"retrieval_match_at_1": 0.93, "xg_brier": 0.095}
    decision = gate(shared, GATE, _against({"retrieval_match_at_1": 0.97, "xg_brier": 0.08}, shared))
    # 0.97 - 0.93 = 0.04 > 0.02 worse; 0.095 - 0.08 = 0.015 > 0.01 worse (lower is better)
    assert decision.publish is False
    assert decision.reasons == [
        "retrieval_match_at_1=0.93 is worse than v0001's 0.97 on the same questions by more than 0.02",
        "xg_brier=0.095 is worse than v0001's 0.08 on the same questions by more than 0.01",
    ]


def test_gate_quotes_what_a_failed_check_saw() -> None:
    decision = gate(
        {"retrieval_match_at_1": 0.5}, GATE, None, {"retrieval_match_at_1": ["probe 1903117 found 1903118"]}
    )
    assert decision.reasons[0] == "retrieval_match_at_1=0.5 is below the minimum 0.9 (probe 1903117 found 1903118)"


def test_gate_refuses_a_missing_or_out_of_bounds_metric() -> None:
    decision = gate({"xg_brier": 0.12}, GATE, None)
    assert decision.publish is False
    assert decision.reasons == [
        "retrieval_match_at_1=None is below the minimum 0.9",
        "xg_brier=0.12 is above the maximum 0.1",
    ]


def test_a_manifest_describes_what_it_covers() -> None:
    manifest = _manifest("v0006", "v0005").model_copy(
        update={"first_match": "2025-08-15", "last_match": "2026-01-18", "row_counts": {"matches": 204}}
    )
    assert manifest.describe() == "v0006 (15 August 2025 to 18 January 2026, 204 matches)"
    assert _manifest("v0001", None).describe() == "v0001"  # a release built before the dates were recorded


HELD = "index_complete=0.5 is below the minimum 1.0 (the collection holds 144 of 288 documents)"


def test_build_says_what_was_held_back_and_what_is_still_served() -> None:
    from football_rag.knowledge.build import BuildReport, build_summary

    report = BuildReport(
        version="v0006", published=False, candidate="v0007", served="v0006",
        served_description="v0006 (15 August 2025 to 18 January 2026, 204 matches)",
        held_path="/home/x/.football_rag/releases/held/v0007", parent="v0006", matches=204, new_matches=10,
        rejected=[], reasons=[HELD],
        release_path=None, hub_location=None, metrics={}, mlflow_run_id=None, tracking_uri="sqlite:///x",
        pipeline_run="retrain-1", cached_steps=[], step_seconds={},
    )  # fmt: skip
    assert build_summary(report) == [
        "v0007 was built but not published: index_complete=0.5 is below the minimum 1.0 "
        "(the collection holds 144 of 288 documents)",
        "the app still serves v0006 (15 August 2025 to 18 January 2026, 204 matches)",
        "v0007 is kept at /home/x/.football_rag/releases/held/v0007; to publish it anyway: "
        'football-rag publish --release v0007 --override "<why>"',
    ]
    nothing = report.model_copy(update={"candidate": None, "reasons": ["no new raw files: no new version"]})
    assert build_summary(nothing) == [
        "nothing new to build; the app serves v0006 (15 August 2025 to 18 January 2026, 204 matches)"
    ]
