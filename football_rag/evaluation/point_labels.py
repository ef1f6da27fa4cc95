"""The point judge measured against hand labels: how often it, and the keyword rule, call a labelled point right.

``configs/eval/narrative/point_labels.jsonl`` holds kept answers whose non-figure points were labelled by hand
(``point_labels.md``): stated, implied (it follows from the listed goals by counting) or absent, with the sentences
that state it. Each method's calls are scored twice: with only "stated" as made (strict), and with "implied" as made
too (lenient). A judge's failed verdict is a "not made" call and is counted too.

    python -m football_rag.evaluation.point_labels [--scores SCORES.jsonl] [--judge] [--out VERDICTS.jsonl]

``--scores`` reads the whole-answer verdicts of an earlier ``narrative_eval --judge --out`` run of the same answers;
``--judge`` asks the configured judge (``FOOTBALL_RAG_JUDGE_MODEL``, else the answer model) now, about the labelled
texts only, and keeps each verdict in ``--out``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from football_rag.analytics.linking import TeamAliases
from football_rag.evaluation.narrative_eval import AnswerScore, load_reference, point_label, score_answer
from football_rag.rag.answer_model import Answer, Intent

if TYPE_CHECKING:  # Opik loads only when a judge runs
    from football_rag.evaluation.narrative_judge import PointJudge

LABELS = Path(__file__).resolve().parents[2] / "configs" / "eval" / "narrative" / "point_labels.jsonl"
STATED, IMPLIED = "stated", "implied"


class LabelledPoint(BaseModel):
    """One non-figure point of an answer and its hand label."""

    point: str
    label: Literal["stated", "implied", "absent"]
    sentences: list[int]  # the sentences (from 1) that state it
    note: str = ""


class LabelledAnswer(BaseModel):
    """One kept answer's whole text and its labelled points."""

    match_id: str
    question: str
    text: str
    points: dict[str, LabelledPoint]


class Call(BaseModel):
    """One method's call on one labelled point: made, not made, or None (a judge that gave no verdict)."""

    match_id: str
    label: str
    truth: str
    made: bool | None
    reason: str = ""  # a judge's: its question and answer


def load_labels(path: Path = LABELS) -> list[LabelledAnswer]:
    """Return the labelled answers, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [LabelledAnswer.model_validate_json(line) for line in lines if line.strip()]


def keyword_calls(answers: list[LabelledAnswer]) -> list[Call]:
    """Return the keyword rule's call on every labelled point (``narrative_eval``'s coverage of the whole text)."""
    reference = {ref.match_id: ref for ref in load_reference()}
    aliases = TeamAliases.load()
    calls = []
    for answer in answers:
        text = Answer(question=answer.question, answer=answer.text, intent=Intent.NARRATIVE, grounded=True)
        covered = score_answer(reference[answer.match_id], text, aliases).parts["all"].covered
        calls += [_call(answer, label, made=label in covered) for label in answer.points]
    return calls


def scored_calls(answers: list[LabelledAnswer], scores: list[AnswerScore]) -> list[Call]:
    """Return the judge's calls kept in the whole-answer part of judged scores of the same answers (no verdict, or
    not asked: None)."""
    by_question = {score.question: score.parts["all"] for score in scores}
    calls = []
    for answer in answers:
        part = by_question[answer.question]
        calls += [_call(answer, label, made=(part.judged or {}).get(label)) for label in answer.points]
    return calls


def judge_calls(answers: list[LabelledAnswer], judge: PointJudge) -> list[Call]:
    """Return ``judge``'s call on every labelled point (the reference set's point of that label), asked now, with
    its reason."""
    reference = {ref.match_id: {point_label(k, p): p for k, p in enumerate(ref.points)} for ref in load_reference()}
    calls = []
    for answer in answers:
        verdicts = judge.verdicts({label: reference[answer.match_id][label] for label in answer.points}, answer.text)
        calls += [_call(answer, label, verdict.made, verdict.reason) for label, verdict in verdicts.items()]
        print(f"judged {answer.match_id} ({judge.asked} asked)", file=sys.stderr)
    return calls


def _call(answer: LabelledAnswer, label: str, made: bool | None, reason: str = "") -> Call:
    """Return one call on ``answer``'s point ``label``."""
    return Call(match_id=answer.match_id, label=label, truth=answer.points[label].label, made=made, reason=reason)


def figures(calls: Iterable[Call]) -> dict[str, dict[str, float | int | None]]:
    """Return, strict ("stated" is made) and lenient ("implied" too): accuracy, false yes and false no (counts),
    with the points, those made and the failed verdicts (counted as not made)."""
    calls = list(calls)
    report: dict[str, dict[str, float | int | None]] = {}
    for name, made_labels in (("strict", {STATED}), ("lenient", {STATED, IMPLIED})):
        truth = [call.truth in made_labels for call in calls]
        said = [bool(call.made) for call in calls]
        report[name] = {
            "points": len(calls),
            "made": sum(truth),
            "accuracy": round(sum(t == s for t, s in zip(truth, said, strict=True)) / len(calls), 3),
            "false_yes": sum(s and not t for t, s in zip(truth, said, strict=True)),
            "false_no": sum(t and not s for t, s in zip(truth, said, strict=True)),
            "failed": sum(call.made is None for call in calls),
        }
    return report


def main(argv: list[str] | None = None) -> None:
    """Print the keyword rule's figures against the labels, and a judge's (kept ``--scores`` or asked ``--judge``)."""
    parser = argparse.ArgumentParser(description="Measure the narrative point judge against the hand labels.")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--scores", type=Path, help="judged scores of the labelled answers (narrative_eval --out)")
    parser.add_argument("--judge", action="store_true", help="ask the configured point judge now")
    parser.add_argument("--out", type=Path, help="keep the judge's calls here, one JSON a line")
    args = parser.parse_args(argv)
    answers = load_labels(args.labels)
    report: dict[str, object] = {"keyword": figures(keyword_calls(answers))}
    if args.scores:
        lines = args.scores.read_text(encoding="utf-8").splitlines()
        scores = [AnswerScore.model_validate_json(line) for line in lines if line.strip()]
        report["scored"] = figures(scored_calls(answers, scores))
    if args.judge:
        from football_rag.config.settings import get_settings
        from football_rag.evaluation.narrative_judge import point_judge_for

        judge = point_judge_for(get_settings())
        calls = judge_calls(answers, judge)
        if args.out:
            args.out.write_text("".join(call.model_dump_json() + "\n" for call in calls), encoding="utf-8")
        report["judge"] = {"model": judge.name, **figures(calls)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
