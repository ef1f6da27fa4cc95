"""Quality alerts: a release held back by the gate, live 👍/👎 feedback or groundedness below a threshold.

An alert is logged (warning), set as tags on an MLflow run when one is given (``alert.<kind>``), and
POSTed as JSON to ``FOOTBALL_RAG_ALERT_WEBHOOK_URL`` when it is set (e.g. a Slack or Teams incoming
webhook, or any HTTP endpoint). A webhook that fails is logged and never fails the caller: the alert
is already in the log and on the run. Thresholds live in ``configs/evaluation.yaml`` (``alerts``).

The feedback log is what the app writes, one JSON object a line in ``<home>/feedback.jsonl``:
``{"trace_id": ..., "question": ..., "value": 1 or 0, "ts": ISO time}``.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from football_rag.config.settings import Settings
from football_rag.config.yaml_config import load_config

if TYPE_CHECKING:
    from football_rag.evaluation.tracking import EvalTracker

log = logging.getLogger(__name__)

FEEDBACK_FILE = "feedback.jsonl"
WEBHOOK_TIMEOUT_S = 5.0


class FeedbackThresholds(BaseModel):
    min_positive_rate: float = 0.7
    min_votes: int = 20
    window_days: int = 7


class AlertThresholds(BaseModel):
    """The ``alerts`` section of ``configs/evaluation.yaml``."""

    groundedness_min: float = 1.0
    feedback: FeedbackThresholds = Field(default_factory=FeedbackThresholds)


def load_thresholds(configs_dir: Path) -> AlertThresholds:
    return AlertThresholds.model_validate(load_config("evaluation", configs_dir).get("alerts") or {})


@dataclass(frozen=True)
class Alert:
    """What went wrong (``kind``: gate, feedback, groundedness), in one sentence, with the numbers behind it."""

    kind: str
    message: str
    details: dict[str, object] = field(default_factory=dict)
    raised_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))


def gate_alert(version: str, reasons: list[str]) -> Alert:
    return Alert(
        "gate", f"release {version} was held back by the quality gate", {"version": version, "reasons": reasons}
    )


def groundedness_alert(
    metrics: dict[str, float], thresholds: AlertThresholds, release: str | None = None
) -> Alert | None:
    """An alert when an evaluation's groundedness is below the threshold (None when it is not, or was not measured)."""
    value = metrics.get("eval_groundedness")
    if value is None or value >= thresholds.groundedness_min:
        return None
    details = {
        "groundedness": value,
        "n": metrics.get("eval_groundedness_n"),
        "minimum": thresholds.groundedness_min,
        "release": release,
    }
    return Alert("groundedness", f"groundedness {value:.3f} is below {thresholds.groundedness_min}", details)


def read_feedback(path: Path) -> list[dict]:
    """Return the feedback log's entries (lines that are not JSON objects with a 0/1 ``value`` are skipped)."""
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and entry.get("value") in (0, 1):
            entries.append(entry)
    return entries


def feedback_alert(path: Path, thresholds: FeedbackThresholds, now: datetime | None = None) -> Alert | None:
    """An alert when the share of 👍 over the window's votes is below the threshold (None with too few votes)."""
    since = (now or datetime.now(UTC)) - timedelta(days=thresholds.window_days)
    votes = [e["value"] for e in read_feedback(path) if _when(e) is not None and _when(e) >= since]
    if not votes or len(votes) < thresholds.min_votes:
        return None
    rate = sum(votes) / len(votes)
    if rate >= thresholds.min_positive_rate:
        return None
    details = {
        "positive_rate": round(rate, 4),
        "votes": len(votes),
        "minimum": thresholds.min_positive_rate,
        "window_days": thresholds.window_days,
    }
    return Alert(
        "feedback", f"{rate:.0%} of {len(votes)} answers were rated helpful in {thresholds.window_days} days", details
    )


def _when(entry: dict) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(entry.get("ts")))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def post_webhook(url: str, alert: Alert) -> bool:
    """POST the alert as JSON to ``url``; return whether the endpoint answered 2xx."""
    body = json.dumps({"text": f"[football-rag] {alert.message}", **asdict(alert)}, default=str).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_S) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError) as exc:
        log.error("alert webhook %s failed: %s", url, exc)
        return False


def raise_alert(
    alert: Alert, webhook_url: str | None = None, tracker: EvalTracker | None = None, run_id: str | None = None
) -> bool:
    """Log the alert, tag the run, POST it to the webhook; return whether the webhook took it (False without one)."""
    log.warning("quality alert (%s): %s %s", alert.kind, alert.message, json.dumps(alert.details, default=str))
    if tracker is not None and run_id is not None:
        tracker.set_tags(run_id, {f"alert.{alert.kind}": alert.message})
    return post_webhook(webhook_url, alert) if webhook_url else False


def check_feedback(settings: Settings, tracker: EvalTracker | None = None) -> Alert | None:
    """Check the home's live feedback against the thresholds; raise the alert (tagging the latest evaluation run
    when a tracker is given) and return it, or None when feedback is fine or too sparse to judge."""
    alert = feedback_alert(settings.home / FEEDBACK_FILE, load_thresholds(settings.configs_dir).feedback)
    if alert is not None:
        raise_alert(alert, settings.alert_webhook_url, tracker, tracker.latest_run_id() if tracker else None)
    return alert
