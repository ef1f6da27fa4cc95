"""Quality alerts: feedback and groundedness thresholds, and the webhook on a loopback server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from football_rag.evaluation.alerts import (
    AlertThresholds,
    FeedbackThresholds,
    feedback_alert,
    gate_alert,
    groundedness_alert,
    raise_alert,
    read_feedback,
)
from tests.webhook_server import Received, webhook_server

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def webhook() -> Iterator[Received]:
    with webhook_server() as received:
        yield received


def write_feedback(path: Path, votes: list[tuple[int, str]]) -> Path:
    lines = [
        json.dumps({"trace_id": f"t{i}", "question": "q", "value": v, "ts": ts}) for i, (v, ts) in enumerate(votes)
    ]
    path.write_text("\n".join([*lines, "not json", '{"value": 3}']) + "\n", encoding="utf-8")
    return path


def test_feedback_below_the_rate_raises(tmp_path: Path) -> None:
    recent, old = "2026-01-09T18:00:00+00:00", "2025-12-01T18:00:00"
    path = write_feedback(tmp_path / "feedback.jsonl", [(1, recent)] * 6 + [(0, recent)] * 4 + [(1, old)] * 30)
    assert len(read_feedback(path)) == 40  # the malformed lines are skipped
    alert = feedback_alert(path, FeedbackThresholds(min_positive_rate=0.7, min_votes=10, window_days=7), NOW)
    assert alert is not None and alert.kind == "feedback"
    assert alert.details == {"positive_rate": 0.6, "votes": 10, "minimum": 0.7, "window_days": 7}
    # the month-old votes count once the window is wide enough: 36 of 40 helpful
    assert feedback_alert(path, FeedbackThresholds(min_positive_rate=0.7, min_votes=10, window_days=60), NOW) is None


def test_too_few_votes_raise_nothing(tmp_path: Path) -> None:
    path = write_feedback(tmp_path / "feedback.jsonl", [(0, "2026-01-09T18:00:00+00:00")] * 5)
    assert feedback_alert(path, FeedbackThresholds(min_votes=20), NOW) is None
    assert feedback_alert(tmp_path / "absent.jsonl", FeedbackThresholds(min_votes=0), NOW) is None


def test_groundedness_threshold() -> None:
    thresholds = AlertThresholds(groundedness_min=1.0)
    alert = groundedness_alert({"eval_groundedness": 0.98, "eval_groundedness_n": 50}, thresholds, "v0007")
    assert alert is not None and alert.details["n"] == 50 and "0.980 is below 1.0" in alert.message
    assert groundedness_alert({"eval_groundedness": 1.0}, thresholds) is None
    assert groundedness_alert({}, thresholds) is None


def test_webhook_receives_the_alert(webhook: Received) -> None:
    assert raise_alert(gate_alert("v0007", ["eval_recall_at_1=0.9 is below the minimum 0.95"]), webhook.url) is True
    (request,) = webhook.requests
    assert request["path"] == "/hooks/quality" and request["type"] == "application/json"
    body = request["body"]
    assert body["kind"] == "gate" and body["details"]["version"] == "v0007"
    assert body["text"] == "[football-rag] release v0007 was held back by the quality gate"


def test_a_dead_webhook_does_not_raise() -> None:
    closed = "http://127.0.0.1:9/none"  # the discard port: nothing listens on loopback
    assert raise_alert(gate_alert("v0008", ["x"]), closed) is False
    assert raise_alert(gate_alert("v0008", ["x"])) is False  # no webhook configured
