"""Running an eval set through an answerer: one row per question, then the metrics, then an MLflow run.

Each question is answered through ``Answerer.stream`` with a wall-clock budget: a question still
generating when the budget runs out is stopped and recorded as a timeout; one that raises is an
error. Both stay in the table and fail every check they belong to (``metrics``).
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from football_rag.evaluation.eval_set import NARRATIVE, EvalQuestion
from football_rag.evaluation.metrics import Figure, flat_metrics, score_questions, summarise
from football_rag.evaluation.tracking import EvalTracker
from football_rag.rag.answer_model import Answer, Intent
from football_rag.rag.answerer import Answerer

if TYPE_CHECKING:
    from football_rag.evaluation.judge import Judge

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 300.0


@dataclass
class EvalRun:
    """One evaluation: the questions, the scored per-question table, the figures (with n) and where it was logged."""

    questions: list[EvalQuestion]
    results: pd.DataFrame
    figures: dict[str, Figure]
    params: dict[str, str] = field(default_factory=dict)
    run_id: str | None = None

    @property
    def metrics(self) -> dict[str, float]:
        """The figures as flat ``eval_<name>`` / ``eval_<name>_n`` numbers (MLflow, the manifest, the gate)."""
        return flat_metrics(self.figures)

    def report(self) -> dict[str, object]:
        """The figures and parameters as one JSON document (the run's ``report.json``, the CLI's output)."""
        return {
            "params": self.params,
            "run_id": self.run_id,
            "figures": {name: figure.as_dict() for name, figure in self.figures.items()},
        }


def answerer_params(answerer: Answerer, release: str | None, embedder: str | None) -> dict[str, str]:
    """What an evaluation run is of: release, LLM, prompt version, embedder (``none`` where absent)."""
    return {
        "release": release or "none",
        "model": answerer.llm.name if answerer.llm is not None else "none",
        "prompt": answerer.prompt.ref,
        "embedder": embedder if answerer.collection is not None and embedder else "none",
    }


def _answered(answer: Answer, started: float, first_token: float | None) -> dict[str, object]:
    return {
        "status": "ok",
        "error": None,
        "answer": answer.answer,
        "intent": answer.intent.value,
        "matches": list(answer.matches),
        "document_matches": [s.match_id for s in answer.sources if s.kind == "document"],
        "document_ids": [s.doc_id for s in answer.sources if s.kind == "document"],
        "facts": [f.text for f in answer.facts],
        "grounded": answer.grounded,
        "unsupported": list(answer.unsupported),
        "first_token_ms": None if first_token is None else round((first_token - started) * 1000, 1),
        # A narrative answer's first piece is its computed opening; this is when the model's own text began.
        "model_first_token_ms": answer.timings_ms.get("model_first_token"),
    }


def _failed(status: str, error: str) -> dict[str, object]:
    return {
        "status": status, "error": error, "answer": "", "intent": None, "matches": [], "document_matches": [],
        "document_ids": [], "facts": [], "grounded": False, "unsupported": [], "first_token_ms": None,
        "model_first_token_ms": None,
    }  # fmt: skip


def answer_question(answerer: Answerer, q: EvalQuestion, timeout_s: float = DEFAULT_TIMEOUT_S) -> dict[str, object]:
    """Answer one question within ``timeout_s``; return its results row (status ok, error or timeout)."""
    started = time.perf_counter()
    first_token = None
    try:
        stream = answerer.stream(q.question)
        pieces = iter(stream)
        for _piece in pieces:
            first_token = first_token or time.perf_counter()
            if time.perf_counter() - started > timeout_s:
                pieces.close()  # stops the generation and frees the model for the next question
                outcome = _failed("timeout", f"no answer within {timeout_s:.0f} s")
                break
        else:
            outcome = _answered(stream.answer, started, first_token)
    except Exception as exc:
        log.warning("question %s failed: %s", q.id, exc)
        outcome = _failed("error", "".join(traceback.format_exception_only(exc)).strip())
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    if outcome["status"] == "ok" and elapsed_ms > timeout_s * 1000:
        outcome = _failed("timeout", f"answered in {elapsed_ms / 1000:.0f} s, over the {timeout_s:.0f} s budget")
    row = {"id": q.id, "kind": q.kind, "question": q.question, "gold": list(q.gold), "match_id": q.match_id,
           "expected_intent": q.expected_intent.value if q.expected_intent else None}  # fmt: skip
    return {**row, **outcome, "latency_ms": elapsed_ms}


def retrieval_queries(questions: Sequence[EvalQuestion]) -> list[str]:
    """Return the texts of the questions answered from retrieved passages (narratives), to encode in one batch."""
    return [q.question for q in questions if q.kind == NARRATIVE or q.expected_intent == Intent.NARRATIVE]


def answer_questions(
    answerer: Answerer, questions: Sequence[EvalQuestion], timeout_s: float = DEFAULT_TIMEOUT_S
) -> pd.DataFrame:
    """Return the results table: one row per question, in order (see ``metrics`` for the columns)."""
    rows = []
    for i, q in enumerate(questions, start=1):
        rows.append(answer_question(answerer, q, timeout_s))
        if i % 50 == 0:
            log.info("answered %d of %d questions", i, len(questions))
    return pd.DataFrame.from_records(rows)


def run_eval(
    answerer: Answerer,
    questions: Sequence[EvalQuestion],
    *,
    params: dict[str, str],
    timeout_s: float = DEFAULT_TIMEOUT_S,
    judge: Judge | None = None,
    tracker: EvalTracker | None = None,
    run_name: str | None = None,
    parent_run_id: str | None = None,
) -> EvalRun:
    """Answer, judge (when a judge is given), score and log one evaluation; return it."""
    started = time.perf_counter()
    results = answer_questions(answerer, questions, timeout_s)
    if judge is not None:
        from football_rag.evaluation.judge import judge_results  # Opik loads only when a judge runs

        results = judge_results(results, judge, documents=_document_texts(answerer))
    scored = score_questions(results)
    figures = summarise(results, with_documents=answerer.collection is not None)
    run = EvalRun(
        list(questions), scored, figures, {**params, "questions": str(len(questions)), "timeout_s": f"{timeout_s:g}"}
    )
    if judge is not None:
        run.params["judge"] = judge.name
    log.info("evaluated %d questions in %.0f s: %s", len(questions), time.perf_counter() - started, _headline(figures))
    if tracker is not None:
        run.run_id = tracker.log_eval(
            run, run_name or f"eval {params.get('release', 'none')}", parent_run_id=parent_run_id
        )
    return run


def _document_texts(answerer: Answerer) -> Callable[[list[str]], list[str]] | None:
    """Return a function fetching retrieved documents' texts from the answerer's collection (None without one)."""
    if answerer.collection is None:
        return None

    def fetch(doc_ids: list[str]) -> list[str]:
        if not doc_ids:
            return []
        found = answerer.collection.get(ids=list(doc_ids), include=["documents"])
        texts = dict(zip(found["ids"], found["documents"], strict=True))
        return [texts[d] for d in doc_ids if d in texts]

    return fetch


def _headline(figures: dict[str, Figure]) -> str:
    names = ("correctness", "correctness_fact_min", "recall_at_1", "refusal_accuracy", "groundedness", "errors")
    return ", ".join(f"{n}={figures[n].value} (n={figures[n].n})" for n in names if n in figures)
