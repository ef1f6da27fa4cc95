"""The retrain gate with answer metrics: a worse candidate is not published, the decision is tagged and alerted."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from football_rag.config.settings import Settings, get_settings
from football_rag.evaluation.gate import load_release_gate, record_decision
from football_rag.evaluation.tracking import KIND_TAG, RELEASE_TAG, EvalTracker
from football_rag.knowledge.release import Manifest, ReleaseStore, code_version, release_candidate
from football_rag.knowledge.release_gate import GateDecision
from tests.unit.test_eval_gate import GOOD
from tests.webhook_server import webhook_server


def candidate(version: str, parent: str | None, metrics: dict[str, float]) -> Manifest:
    return Manifest(version=version, parent=parent, code=code_version(), metrics=metrics)


def test_a_worse_release_is_not_published_and_raises_an_alert(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path / "releases")
    config = load_release_gate(get_settings().configs_dir)
    tables = {"matches": pd.DataFrame({"match_id": ["1903228"], "home": ["Arsenal"], "away": ["Tottenham"]})}

    first = release_candidate(store, candidate("v0001", None, GOOD), tables, None, config)
    assert first.published and store.latest_version() == "v0001"

    worse = {**GOOD, "eval_refusal_accuracy": 0.96, "eval_recall_at_1": 0.93}
    second = release_candidate(store, candidate("v0002", "v0001", worse), tables, None, config)
    assert not second.published
    assert second.reasons == [
        "eval_recall_at_1=0.93 is below the minimum 0.95",
        "eval_refusal_accuracy=0.96 is below the minimum 1.0",
    ]
    assert store.latest_version() == "v0001" and store.versions() == ["v0001"]
    # kept whole for an operator, with the decision in its manifest
    assert second.held_path == str(store.held_path("v0002")) and store.verify_held("v0002") == []
    assert store.held().version == "v0002" and store.held().gate["publish"] is False

    tracker = EvalTracker(f"sqlite:///{tmp_path / 'mlflow.db'}", tmp_path / "artifacts")
    run_id = tracker.start("eval v0002", {"release": "v0002"}, {KIND_TAG: "evaluation", RELEASE_TAG: "v0002"})
    with webhook_server() as webhook:
        settings = Settings(home=tmp_path, alert_webhook_url=webhook.url)
        record_decision(GateDecision(publish=second.published, reasons=second.reasons), "v0002", settings, tracker)
        (alert,) = webhook.requests
    assert alert["body"]["kind"] == "gate" and alert["body"]["details"]["reasons"] == second.reasons
    tags = tracker.client.get_run(run_id).data.tags
    assert tags["gate.decision"] == "held back" and tags["gate.reasons"].startswith("eval_recall_at_1=0.93 is below")
    assert tags["alert.gate"] == "release v0002 was held back by the quality gate"


def test_an_operator_publishes_a_held_version_with_a_reason(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path / "releases")
    config = load_release_gate(get_settings().configs_dir)
    tables = {"matches": pd.DataFrame({"match_id": ["1903228"], "home": ["Arsenal"], "away": ["Tottenham"]})}
    release_candidate(store, candidate("v0001", None, GOOD), tables, None, config)
    release_candidate(store, candidate("v0002", "v0001", {**GOOD, "eval_groundedness": 0.99}), tables, None, config)
    assert store.latest_version() == "v0001"

    published = store.publish_held("v0002", "one narrative sentence unchecked; reviewed by hand")
    assert published == store.path("v0002") and store.latest_version() == "v0002"
    manifest = store.manifest("v0002")
    assert manifest.override.reason == "one narrative sentence unchecked; reviewed by hand"
    assert manifest.gate["publish"] is True and manifest.gate["reasons"] == [
        "eval_groundedness=0.99 is below the minimum 1.0"
    ]
    assert store.verify("v0002") == [] and store.held() is None
