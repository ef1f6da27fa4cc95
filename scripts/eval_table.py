"""Render the latest evaluation's figures into README.md, between ``<!-- eval:start -->`` and ``<!-- eval:end -->``.

The numbers come from an evaluation run's ``report.json`` in MLflow (the newest run of the
``evaluation`` experiment, or ``--run-id``), or from a report file (``--report``, e.g. the JSON
``football-rag evaluate --json`` prints): never typed by hand. Every figure is shown with its n;
the targets are the answer gate's minimums in ``configs/evaluation.yaml``.

    python scripts/eval_table.py [--run-id ID | --report FILE] [--readme README.md] [--print]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from football_rag.config.settings import REPO_ROOT, get_settings
from football_rag.config.yaml_config import load_config
from football_rag.evaluation.eval_set import FACT_KINDS, KINDS, UNKNOWN_MATCH

START, END = "<!-- eval:start -->", "<!-- eval:end -->"
HEADLINE = (
    ("correctness", "answer correctness (all questions with gold values)"),
    ("correctness_fact_min", "answer correctness, lowest fact kind"),
    ("recall_at_1", "match recall@1"),
    ("recall_at_5", "match recall@5"),
    ("mrr", "match MRR"),
    ("refusal_accuracy", "refusal accuracy (unknown matches)"),
    ("false_refusal_rate", "false refusals (answerable questions)"),
    ("groundedness", "groundedness (nothing unsupported shown)"),
    ("document_recall_at_1", "narrative: first document about the asked match"),
    ("intent_accuracy", "routed to the expected intent"),
    ("errors", "errors (count)"),
    ("timeouts", "timeouts (count)"),
    ("judge_faithfulness", "LLM judge: faithfulness (1-5)"),
    ("judge_relevance", "LLM judge: relevance (1-5)"),
    ("judge_agreement", "LLM judge agrees with the deterministic checks"),
    ("latency_p50_ms", "latency p50 (ms)"),
    ("latency_p95_ms", "latency p95 (ms)"),
)


def _value(figure: dict | None) -> str:
    if not figure or figure.get("value") is None:
        return "–"
    value = figure["value"]
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:.3f}".rstrip("0").rstrip(".")


def _targets() -> dict[str, str]:
    minimum = (load_config("evaluation", get_settings().configs_dir).get("answer_gate") or {}).get("minimum") or {}
    return {name.removeprefix("eval_"): f"≥ {bound:g}" for name, bound in minimum.items()}


def render(report: dict) -> str:
    """Return the markdown block for one evaluation report (params, headline figures, per-kind table)."""
    figures, params = report["figures"], report.get("params", {})
    targets = _targets()
    fact_target = targets.get("correctness_fact_min", "")
    lines = [
        ", ".join(f"{key} `{params.get(key, '?')}`" for key in ("release", "model", "prompt", "embedder"))
        + f": {params.get('questions', '?')} questions"
        + (f", MLflow run `{report['run_id']}`" if report.get("run_id") else "")
        + ". Errors and timeouts count as failures.",
        "",
        "| figure | value | n | target |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {label} | {_value(figures.get(name))} | {figures[name]['n']} | {targets.get(name, '')} |"
        for name, label in HEADLINE
        if name in figures
    ]
    lines += [
        "",
        "| kind | correctness (refusals for unknown_match) | n | latency p50 (ms) | latency p95 (ms) |",
        "| --- | --- | --- | --- | --- |",
    ]
    measured = {n.removeprefix("correctness_") for n in figures if n.startswith("correctness_")} - {"fact_min"}
    for kind in [k for k in KINDS if k in measured] + sorted(measured - set(KINDS)):
        # an unknown match has no value to state: its figure is the refusal accuracy
        correct = figures.get("refusal_accuracy" if kind == UNKNOWN_MATCH else f"correctness_{kind}")
        shown = _value(correct) + (f" ({fact_target})" if kind in FACT_KINDS and fact_target else "")
        lines.append(
            f"| {kind} | {shown} | {correct['n'] if correct else 0} | "
            f"{_value(figures.get(f'latency_{kind}_p50_ms'))} | {_value(figures.get(f'latency_{kind}_p95_ms'))} |"
        )
    return "\n".join(lines)


def replace_block(text: str, block: str) -> str:
    """Return ``text`` with what lies between the markers replaced by ``block``; raise when a marker is missing."""
    if START not in text or END not in text or text.index(START) > text.index(END):
        raise ValueError(f"README has no {START} ... {END} block: add the two markers where the table belongs")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{block}\n{END}{tail}"


def latest_report(run_id: str | None) -> dict:
    from football_rag.evaluation.tracking import tracker_for

    tracker = tracker_for(get_settings())
    run_id = run_id or tracker.latest_run_id()
    if run_id is None:
        raise SystemExit(f"no evaluation run in {tracker.uri}: run `football-rag evaluate` first")
    return tracker.report(run_id)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-id", help="an MLflow run of the evaluation experiment (default the newest)")
    parser.add_argument("--report", type=Path, help="a report JSON file instead of MLflow")
    parser.add_argument("--readme", type=Path, default=REPO_ROOT / "README.md")
    parser.add_argument("--print", action="store_true", help="print the block instead of writing the README")
    args = parser.parse_args(argv)
    report = json.loads(args.report.read_text(encoding="utf-8")) if args.report else latest_report(args.run_id)
    block = render(report)
    if args.print:
        print(block)
        return 0
    try:
        args.readme.write_text(replace_block(args.readme.read_text(encoding="utf-8"), block), encoding="utf-8")
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote the evaluation table into {args.readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
