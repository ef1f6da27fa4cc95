"""The release gate with the answer metrics: thresholds from ``configs/evaluation.yaml``, one decision, logged.

The rule itself is ``knowledge.release.gate`` (every ``minimum``/``maximum`` met, nothing worse than
the current release beyond its ``tolerance`` on the same questions); this module adds the answer-level thresholds (the
``answer_gate`` section, merged with ``gate``) and records the decision: a log line, tags on the
candidate's evaluation run (``gate.decision``, ``gate.reasons``), and an alert when it is held back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from football_rag.config.settings import Settings
from football_rag.config.yaml_config import load_config
from football_rag.evaluation.alerts import gate_alert, raise_alert
from football_rag.evaluation.tracking import EvalTracker
from football_rag.knowledge.release_gate import Comparison, GateConfig, GateDecision, gate

log = logging.getLogger(__name__)


def merge_gates(*configs: GateConfig) -> GateConfig:
    """Return one gate holding every bound and tolerance of ``configs`` (a later config wins on a shared name)."""
    merged = GateConfig()
    for config in configs:
        merged.minimum.update(config.minimum)
        merged.maximum.update(config.maximum)
        merged.tolerance.update(config.tolerance)
        merged.lower_is_better = sorted(set(merged.lower_is_better) | set(config.lower_is_better))
    return merged


def load_release_gate(configs_dir: Path, with_answers: bool = True) -> GateConfig:
    """Return the release gate: the ``gate`` section, plus ``answer_gate`` when ``with_answers``."""
    config = load_config("evaluation", configs_dir)
    sections = [GateConfig.model_validate(config.get("gate") or {})]
    if with_answers:
        sections.append(GateConfig.model_validate(config.get("answer_gate") or {}))
    return merge_gates(*sections)


def decide(metrics: dict[str, float], comparison: Comparison | None, config: GateConfig) -> GateDecision:
    """Return whether a candidate with ``metrics`` (and ``comparison`` with the current release) may be published."""
    decision = gate(metrics, config, comparison)
    level = logging.INFO if decision.publish else logging.WARNING
    log.log(level, "gate: %s (%s)", "publish" if decision.publish else "hold back", "; ".join(decision.reasons))
    return decision


def record_decision(
    decision: GateDecision,
    version: str,
    settings: Settings,
    tracker: EvalTracker | None = None,
    run_id: str | None = None,
) -> None:
    """Tag the candidate's evaluation run with the decision and its reasons; raise an alert when it was held back.

    Without ``run_id`` the latest evaluation run of ``version`` is tagged (when the tracker has one).
    """
    run_id = run_id or (tracker.latest_run_id(version) if tracker else None)
    if tracker is not None and run_id is not None:
        tracker.set_tags(
            run_id,
            {
                "gate.decision": "publish" if decision.publish else "held back",
                "gate.reasons": "; ".join(decision.reasons),
            },
        )
    if not decision.publish:
        raise_alert(gate_alert(version, decision.reasons), settings.alert_webhook_url, tracker, run_id)


def record_override(version: str, reason: str, tracker: EvalTracker | None) -> str | None:
    """Tag the latest evaluation run of ``version`` as published by an operator, with the reason; return its id."""
    run_id = tracker.latest_run_id(version) if tracker else None
    if tracker is not None and run_id is not None:
        tracker.set_tags(run_id, {"gate.decision": "published by override", "gate.override": reason})
    log.warning("release %s published by override: %s", version, reason)
    return run_id
