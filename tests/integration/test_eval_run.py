"""End to end: eval sets answered over tables of 30 real matches (facts, no LLM), scored, logged to MLflow.

The hand-checked questions have answers read off the raw files and match reports (Arsenal 4-1
Tottenham on 23 November 2025: Trossard 36', Eze 41' 46' 76', Richarlison 55', 17 shots to 3,
referee Michael Oliver, Eze man of the match); one carries a wrong gold value and one is too long to
be taken, so the run has a known number of failures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mlflow.tracking import MlflowClient

from football_rag.config.settings import Settings
from football_rag.evaluation.ab import Arm, compare
from football_rag.evaluation.eval_set import KINDS, EvalQuestion
from football_rag.evaluation.generator import generate_eval_set
from football_rag.evaluation.metrics import Figure
from football_rag.evaluation.release_eval import evaluate_release
from football_rag.evaluation.runner import answerer_params
from football_rag.evaluation.tracking import EvalTracker
from football_rag.rag.answerer import Answerer
from football_rag.rag.prompts import load_prompt
from tests.integration.eval_tables import eval_tables

SPURS = "1903228"
TOO_LONG = "Who won? " * 60
KNOWN = [
    EvalQuestion(kind="score", question="What was the score of Arsenal vs Spurs?", gold=["4-1"], match_id=SPURS),
    EvalQuestion(
        kind="scorers",
        question="Who scored when Arsenal played Tottenham?",
        match_id=SPURS,
        gold=["Leandro Trossard", "Eberechi Eze", "Richarlison", "76'"],
    ),
    EvalQuestion(
        kind="scorers",
        question="Who scored for Liverpool against Bournemouth?",
        gold=["Mohamed Salah", "90+4'"],
        match_id="1903117",
    ),
    EvalQuestion(
        kind="team_stat", question="How many shots did Arsenal have against Tottenham?", gold=["17"], match_id=SPURS
    ),
    EvalQuestion(kind="referee", question="Who refereed Arsenal v Tottenham?", gold=["Michael Oliver"], match_id=SPURS),
    EvalQuestion(
        kind="man_of_the_match",
        question="Who was man of the match in Arsenal vs Tottenham?",
        gold=["Eberechi Eze"],
        match_id=SPURS,
    ),
    EvalQuestion(
        kind="score", question="Final score of Arsenal against Tottenham?", gold=["5-1"], match_id=SPURS
    ),  # wrong gold
    EvalQuestion(kind="unknown_match", question="Barcelona vs Real Madrid score?"),
    EvalQuestion(kind="unknown_match", question="What was the score of Chelsea vs Arsenal on 9 November 2025?"),
    EvalQuestion(
        kind="score", question=TOO_LONG, gold=["4-1"], match_id=SPURS
    ),  # rejected: an error, counted as a failure
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", mlflow_tracking_uri=None)


def mlflow_client(settings: Settings) -> MlflowClient:
    return MlflowClient(tracking_uri=f"sqlite:///{settings.home.absolute() / 'mlflow.db'}")


def test_known_outcomes(settings: Settings) -> None:
    run = evaluate_release(eval_tables(), version="v-known", settings=settings, questions=KNOWN, with_llm=False)
    f = run.figures
    assert f["questions"] == Figure(10.0, 10)
    assert f["errors"] == Figure(1.0, 10) and f["timeouts"] == Figure(0.0, 10)
    assert f["correctness"] == Figure(0.75, 8)  # 6 right; the wrong gold and the rejected question fail
    assert f["correctness_score"] == Figure(round(1 / 3, 4), 3)
    assert f["correctness_scorers"] == Figure(1.0, 2) and f["correctness_referee"] == Figure(1.0, 1)
    assert f["recall_at_1"] == Figure(0.875, 8) and f["mrr"] == Figure(0.875, 8)
    assert f["refusal_accuracy"] == Figure(1.0, 2)
    assert f["false_refusal_rate"] == Figure(0.0, 8)
    assert f["groundedness"] == Figure(0.9, 10)
    rejected = run.results.set_index("question").loc[TOO_LONG]
    assert rejected["status"] == "error" and "QuestionRejected" in rejected["error"] and rejected["correct"] == False  # noqa: E712


def test_a_generated_set_logged_to_mlflow(settings: Settings) -> None:
    generated = generate_eval_set(eval_tables(), seed=0, per_kind=3)
    questions = [*generated, KNOWN[-1]]
    n = 3 * len(KINDS) + 1  # three of every kind, and the rejected question
    assert len(questions) == n
    run = evaluate_release(eval_tables(), version="v-test", settings=settings, questions=questions, with_llm=False)

    assert run.figures["questions"] == Figure(float(n), n)
    assert run.figures["errors"] == Figure(1.0, n)
    assert run.figures["correctness"].n == sum(1 for q in questions if q.gold)
    assert run.figures["recall_at_1"].n == sum(1 for q in questions if q.match_id)
    assert run.figures["refusal_accuracy"].n == 3
    assert run.figures["latency_p50_ms"].n == n

    client = mlflow_client(settings)
    experiment = client.get_experiment_by_name("evaluation")
    (logged,) = client.search_runs([experiment.experiment_id])
    assert logged.info.run_id == run.run_id
    assert logged.data.params == {
        "release": "v-test",
        "model": "none",
        "prompt": load_prompt("answer").ref,  # the latest version: what the answerer runs with
        "embedder": "none",
        "questions": str(n),
        "timeout_s": "300",
    }
    assert logged.data.metrics == pytest.approx(run.metrics)
    assert logged.data.metrics["eval_questions_n"] == n and logged.data.metrics["eval_errors"] == 1
    table = json.loads(Path(client.download_artifacts(run.run_id, "questions.json", str(settings.home))).read_text())
    assert len(table["data"]) == n and "correct" in table["columns"]
    report = json.loads(Path(client.download_artifacts(run.run_id, "report.json", str(settings.home))).read_text())
    assert report["figures"]["correctness"] == run.figures["correctness"].as_dict()


def test_ab_runs_are_siblings_under_one_parent(settings: Settings) -> None:
    tracker = EvalTracker(f"sqlite:///{settings.home.absolute() / 'mlflow.db'}", settings.home / "artifacts")
    full, without_spurs = Answerer(eval_tables()), Answerer(eval_tables(without=(SPURS,)))
    a = Arm("all-matches", full, answerer_params(full, "v-a", None))
    b = Arm("no-spurs", without_spurs, answerer_params(without_spurs, "v-b", None))
    result = compare(KNOWN, a, b, variable="tables", tracker=tracker)

    # Without the match, its five right answers become refusals; the rest fare the same on both sides.
    assert result.paired == {
        "paired_n": 10,
        "only_a_passed": 5,
        "only_b_passed": 0,
        "both_passed": 3,
        "neither_passed": 2,
        "sign_test_p": 0.0625,
    }
    assert result.differences["correctness"] == {"a": 0.75, "b": 0.125, "diff": -0.625, "n_a": 8, "n_b": 8}
    client = tracker.client
    parent = client.get_run(result.parent_run_id)
    assert parent.data.params["variable"] == "tables" and parent.data.metrics["diff_correctness"] == -0.625
    assert parent.data.metrics["only_a_passed"] == 5
    children = client.search_runs([tracker.experiment_id], f"tags.`mlflow.parentRunId` = '{result.parent_run_id}'")
    assert sorted(r.data.params["arm"] for r in children) == ["all-matches", "no-spurs"]
