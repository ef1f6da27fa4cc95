"""Narrative A/B: two prompt versions, two LLMs (or backends) or two embedders answer the narrative reference set.

Each arm's answers are scored by ``narrative_eval`` (point coverage, contradictions, faithfulness, for the whole
answer, the computed opening and the model's sentences) and logged as a child run of one parent MLflow run in
the ``evaluation`` experiment, as the fact A/B (``evaluation.ab``) logs its arms. The parent holds every
figure's difference (b - a) and the paired outcome per match: on how many matches each arm's whole answer made
more of the reference points than the other's, with the sign test of that split. With a point judge
(``narrative_judge``), each arm's non-figure points are judged too: its figures gain ``<part>.judged_coverage``,
``<part>.judge_agreement`` and the rest of ``narrative_eval.judged_figures``, and the parent run names the judge.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from football_rag.config.settings import Settings
from football_rag.evaluation.ab import Arm, build_arm, sign_test
from football_rag.evaluation.narrative_eval import PARTS, AnswerScore, ReferenceMatch, run, score_all, summarise
from football_rag.evaluation.tracking import KIND_TAG, EvalTracker, tracker_for
from football_rag.rag.answer_model import Answer

if TYPE_CHECKING:  # Opik loads only when a judge runs
    from football_rag.evaluation.narrative_judge import PointJudge

NARRATIVE_KIND = "narrative_ab"
SUMMARY_FILE = "narrative_summary.json"
SCORES_FILE = "narrative_scores.json"
FIGURES = ("coverage", "contradictions", "answers_with_contradiction", "faithfulness", "sentences",
           "judged_coverage", "non_figure_keyword", "non_figure_judged", "judge_verdicts", "judge_failed",
           "judge_agreement", "judge_only", "keyword_only")  # fmt: skip


def narrative_figures(summary: dict[str, object]) -> dict[str, float]:
    """Return a ``narrative_eval.summarise`` result as flat MLflow metrics: ``<part>.<figure>`` and
    ``coverage_by_kind.<kind>`` (figures without a value left out)."""
    flat: dict[str, float] = {}
    for part in PARTS:
        figures = summary[part]
        flat |= {f"{part}.{name}": float(figures[name]) for name in FIGURES if figures.get(name) is not None}
    flat |= {f"coverage_by_kind.{kind}": float(value) for kind, value in summary["coverage_by_kind"].items()}
    if summary.get("latency_ms_p50") is not None:
        flat["latency_ms_p50"] = float(summary["latency_ms_p50"])
    return flat


def paired_coverage(a: list[AnswerScore], b: list[AnswerScore]) -> dict[str, float | int | None]:
    """Matches where only a's whole answer, only b's, made more reference points; ties; and the sign test."""
    made = {s.question: len(s.parts["all"].covered) for s in a}
    pairs = [(made[s.question], len(s.parts["all"].covered)) for s in b if s.question in made]
    a_more, b_more = sum(x > y for x, y in pairs), sum(y > x for x, y in pairs)
    return {
        "paired_n": len(pairs),
        "a_covered_more": a_more,
        "b_covered_more": b_more,
        "same_coverage": len(pairs) - a_more - b_more,
        "sign_test_p": sign_test(b_more, a_more),
    }


def compare_narratives(
    reference: list[ReferenceMatch],
    arms: Sequence[Arm],
    *,
    variable: str,
    tracker: EvalTracker,
    per_match: int = 1,
    limit: int | None = None,
    judge: PointJudge | None = None,
) -> dict[str, object]:
    """Answer and score the reference questions with both arms as sibling runs under one parent (the non-figure
    points judged too with ``judge``); return the report."""
    a, b = arms
    params = {"variable": variable, "a": a.name, "b": b.name, "matches": str(len(reference[:limit]))}
    params |= {"point_judge": judge.name} if judge else {}
    parent = tracker.start(f"narrative ab {variable}: {a.name} vs {b.name}", params, {KIND_TAG: NARRATIVE_KIND})
    scores, figures, runs = {}, {}, {}
    for arm in arms:
        scores[arm.name] = score_all(run(_ask(arm), reference, per_match, limit), reference, judge)
        summary = summarise(scores[arm.name], reference)
        figures[arm.name] = narrative_figures(summary)
        runs[arm.name] = _log_arm(tracker, parent, variable, arm, summary, scores[arm.name])
    differences = {
        name: round(figures[b.name][name] - figures[a.name][name], 4)
        for name in sorted(figures[a.name].keys() & figures[b.name].keys())
    }
    paired = paired_coverage(scores[a.name], scores[b.name])
    tracker.log_metrics(parent, {f"diff_{k}": v for k, v in differences.items()} | _numbers(paired))
    report = {"parent_run_id": parent, "runs": runs, "figures": figures, "differences": differences, "paired": paired}
    tracker.client.log_dict(parent, report, SUMMARY_FILE)
    tracker.finish(parent)
    return report


def _ask(arm: Arm) -> Callable[[str], Answer]:
    return lambda question: arm.answerer.ask(question)[0]


def _log_arm(
    tracker: EvalTracker,
    parent: str,
    variable: str,
    arm: Arm,
    summary: dict[str, object],
    scores: list[AnswerScore],
) -> str:
    """Log one arm's run (its params, flat figures, the summary and every answer's score); return its id."""
    child = tracker.start(f"{variable}={arm.name}", {**arm.params, "arm": arm.name}, {KIND_TAG: "narrative"}, parent)
    tracker.log_metrics(child, narrative_figures(summary))
    tracker.client.log_dict(child, summary, SUMMARY_FILE)
    tracker.client.log_dict(child, [s.model_dump(mode="json") for s in scores], SCORES_FILE)
    tracker.finish(child)
    return child


def _numbers(values: dict[str, float | int | None]) -> dict[str, float]:
    return {k: float(v) for k, v in values.items() if v is not None}


def run_narrative_ab(
    settings: Settings,
    variable: str,
    a: str,
    b: str,
    reference: list[ReferenceMatch],
    *,
    release: str | None = None,
    per_match: int = 1,
    limit: int | None = None,
    judge: PointJudge | None = None,
) -> dict[str, object]:
    """Compare ``variable`` = ``a`` with ``b`` on the narrative reference set over a release (the non-figure points
    judged too with ``judge``); return the report."""
    from football_rag.rag.knowledge_base import load_knowledge_base

    if a == b:
        raise ValueError(f"both arms are {a!r}: name two different values of {variable}")
    kb = load_knowledge_base(settings, release)
    settings.home.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="narrative-ab-", dir=settings.home) as scratch:
        arms = [build_arm(variable, value, kb, settings, Path(scratch)) for value in (a, b)]
        report = compare_narratives(
            reference,
            arms,
            variable=variable,
            tracker=tracker_for(settings),
            per_match=per_match,
            limit=limit,
            judge=judge,
        )
    return {"release": kb.version, "variable": variable, **report}
