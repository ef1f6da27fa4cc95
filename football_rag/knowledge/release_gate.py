"""The release gate: a candidate version is published only when its metrics earn it.

Bounds come from ``configs/evaluation.yaml`` (``gate``): every ``minimum``/``maximum`` must hold on the
candidate's own figures, and every metric under ``tolerance`` must not be worse than the current release's
by more than its slack, both scored in the same run on the same questions and probes (``Comparison``):
never against figures the current release was published with, which came from other questions. The
decision and every reason go into the candidate's manifest and its MLflow run.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from football_rag.config.yaml_config import load_config


class Comparison(BaseModel):
    """The candidate and the current release scored in one run on what both can answer (same names as metrics)."""

    release: str = Field(description="the current release's version")
    candidate: dict[str, float] = Field(default_factory=dict)
    current: dict[str, float] = Field(default_factory=dict)
    current_answers: str | None = Field(
        default=None,
        description="'stored': the current release's own published answers (same answering code); 'answered': now",
    )

    def merged(self, other: Comparison) -> Comparison:
        """Return one comparison holding the figures of both (from the retrieval and the answer evaluation)."""
        return Comparison(
            release=self.release,
            candidate={**self.candidate, **other.candidate},
            current={**self.current, **other.current},
            current_answers=self.current_answers or other.current_answers,
        )


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


def gate(
    metrics: dict[str, float],
    config: GateConfig,
    comparison: Comparison | None = None,
    problems: dict[str, list[str]] | None = None,
) -> GateDecision:
    """Return whether ``metrics`` meet the bounds and the comparison is within every tolerance, and why.

    A bounded metric that is missing fails the gate (no number, no release); a compared metric missing from
    either side of ``comparison`` is not compared (nothing shared to score it on). ``problems`` (what a check
    saw, by metric) are quoted in the reason of a failed bound.
    """
    failures = [_with_problems(f, name, problems) for name, f in _bound_failures(metrics, config)]
    if comparison is not None:
        failures += _tolerance_failures(comparison, config)
    if failures:
        return GateDecision(publish=False, reasons=failures)
    against = f"{comparison.release} on the same questions and probes" if comparison else "no current release"
    return GateDecision(publish=True, reasons=[f"all bounds met; compared with {against} within tolerance"])


def _bound_failures(metrics: dict[str, float], config: GateConfig) -> list[tuple[str, str]]:
    """Return ``(metric, reason)`` for every minimum or maximum the candidate misses."""
    failures = []
    for name, bound in config.minimum.items():
        if name not in metrics or metrics[name] < bound:
            failures.append((name, f"{name}={metrics.get(name)} is below the minimum {bound}"))
    for name, bound in config.maximum.items():
        if name not in metrics or metrics[name] > bound:
            failures.append((name, f"{name}={metrics.get(name)} is above the maximum {bound}"))
    return failures


def _tolerance_failures(comparison: Comparison, config: GateConfig) -> list[str]:
    """Return a reason for every compared metric on which the candidate is worse than the current by over its slack."""
    failures = []
    for name, slack in config.tolerance.items():
        if name not in comparison.candidate or name not in comparison.current:
            continue
        mine, theirs = comparison.candidate[name], comparison.current[name]
        worse_by = (mine - theirs) if name in config.lower_is_better else (theirs - mine)
        if worse_by > slack:
            n = comparison.candidate.get(f"{name}_n")
            on = f" on the same {n:.0f}" if n else " on the same questions"
            failures.append(f"{name}={mine} is worse than {comparison.release}'s {theirs}{on} by more than {slack}")
    return failures


def _with_problems(reason: str, name: str, problems: dict[str, list[str]] | None) -> str:
    """Return ``reason`` followed by what the check saw for ``name``, when it saw something."""
    seen = (problems or {}).get(name)
    return f"{reason} ({'; '.join(seen)})" if seen else reason


def load_gate_config(configs_dir: Path) -> GateConfig:
    """Return the ``gate`` section of ``configs/evaluation.yaml``."""
    return GateConfig.model_validate(load_config("evaluation", configs_dir).get("gate") or {})
