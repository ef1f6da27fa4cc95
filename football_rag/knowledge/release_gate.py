"""The release gate: a candidate version is published only when its metrics earn it.

Bounds come from ``configs/evaluation.yaml`` (``gate``): every ``minimum``/``maximum`` must hold, and every
metric under ``tolerance`` must not be worse than the current release's by more than its slack. The
decision and every reason go into the candidate's manifest and its MLflow run.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from football_rag.config.yaml_config import load_config


class GateConfig(BaseModel):
    """The release gate (``configs/evaluation.yaml``, key ``gate``).

    ``minimum``/``maximum``: bounds a metric must meet. ``tolerance``: the metrics compared with the
    current release, each with how much worse (absolute) it may be; ``lower_is_better`` names the
    metrics where a smaller value is the better one.
    """

    minimum: dict[str, float] = Field(default_factory=dict)
    maximum: dict[str, float] = Field(default_factory=dict)
    tolerance: dict[str, float] = Field(default_factory=dict)
    lower_is_better: list[str] = Field(default_factory=list)


class GateDecision(BaseModel):
    """Whether a candidate may be published, and the reasons (every failed check, or why it passed)."""

    publish: bool
    reasons: list[str]


def gate(metrics: dict[str, float], config: GateConfig, current: dict[str, float] | None) -> GateDecision:
    """Return whether ``metrics`` meet the bounds and are not worse than ``current`` beyond each tolerance.

    A bounded metric that is missing fails the gate (no number, no release); a compared metric the
    current release lacks is not compared.
    """
    failures = []
    for name, bound in config.minimum.items():
        if name not in metrics or metrics[name] < bound:
            failures.append(f"{name}={metrics.get(name)} is below the minimum {bound}")
    for name, bound in config.maximum.items():
        if name not in metrics or metrics[name] > bound:
            failures.append(f"{name}={metrics.get(name)} is above the maximum {bound}")
    current = current or {}
    for name, slack in config.tolerance.items():
        if name not in current:
            continue
        if name not in metrics:
            failures.append(f"{name} is missing; the current release has {current[name]}")
            continue
        worse_by = (
            (metrics[name] - current[name]) if name in config.lower_is_better else (current[name] - metrics[name])
        )
        if worse_by > slack:
            failures.append(f"{name}={metrics[name]} is worse than the current {current[name]} by more than {slack}")
    if failures:
        return GateDecision(publish=False, reasons=failures)
    against = "the current release" if current else "no current release"
    return GateDecision(publish=True, reasons=[f"all bounds met; compared with {against} within tolerance"])


def load_gate_config(configs_dir: Path) -> GateConfig:
    """Return the ``gate`` section of ``configs/evaluation.yaml``."""
    return GateConfig.model_validate(load_config("evaluation", configs_dir).get("gate") or {})
