"""The eval set's JSONL form and its release table: round trips, external sets, bad lines named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from football_rag.evaluation.eval_set import (
    EvalQuestion,
    EvalSetError,
    eval_set_frame,
    questions_from_frame,
    read_eval_set,
    write_eval_set,
)
from football_rag.knowledge.datasets import read_tables, write_tables
from football_rag.rag.answer_model import Intent

QUESTIONS = [
    EvalQuestion(
        id="score-001",
        kind="score",
        question="What was the score of Arsenal vs Spurs?",
        gold=["4-1"],
        match_id="1903228",
        expected_intent=Intent.SCORE,
    ),
    EvalQuestion(
        id="unknown_match-001",
        kind="unknown_match",
        question="Barcelona vs Real Madrid score?",
        expected_intent=Intent.UNKNOWN_MATCH,
    ),
]


def test_jsonl_round_trip(tmp_path: Path) -> None:
    path = write_eval_set(QUESTIONS, tmp_path / "set.jsonl")
    assert read_eval_set(path) == QUESTIONS
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[1])
    assert "match_id" not in first  # unset optional fields stay out of the file


def test_external_set_needs_only_question_gold_kind(tmp_path: Path) -> None:
    path = tmp_path / "external.jsonl"
    path.write_text(
        '{"question": "Who refereed Arsenal v Tottenham?", "gold": ["Michael Oliver"], "kind": "referee"}\n\n'
    )
    (question,) = read_eval_set(path)
    assert question.gold == ["Michael Oliver"] and question.match_id is None and question.expected_intent is None
    assert question.id.startswith("q") and question.id == read_eval_set(path)[0].id  # stable id from the text


def test_a_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"question": "ok?", "kind": "score"}\n{"gold": ["4-1"], "kind": "score"}\n')
    with pytest.raises(EvalSetError, match=r"bad.jsonl:2"):
        read_eval_set(path)


def test_release_table_round_trip(tmp_path: Path) -> None:
    write_tables(tmp_path, {"eval_set": eval_set_frame(QUESTIONS)})
    frame = read_tables(tmp_path, ["eval_set"])["eval_set"]
    assert list(frame.columns) == ["id", "kind", "question", "gold", "match_id", "expected_intent"]
    assert questions_from_frame(frame) == QUESTIONS
