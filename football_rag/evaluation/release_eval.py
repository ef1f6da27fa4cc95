"""Evaluating a release: the entry the pipelines' evaluate step and ``football-rag evaluate`` call.

``evaluate_release`` answers the release's eval set (generated from its tables, plus the hand-written
narrative questions of ``configs/eval/narrative.jsonl`` whose matches it holds) with the release's
index and the configured LLM, judges a sample, logs the MLflow run and raises a groundedness alert
when it is due. ``run_evaluate`` does the same for a published release, or for an external JSONL set.
Settings come from ``configs/evaluation.yaml`` (``answers``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from football_rag.analytics.tables import MatchTables
from football_rag.config.settings import Settings, get_settings
from football_rag.config.yaml_config import load_config
from football_rag.evaluation.alerts import groundedness_alert, load_thresholds, raise_alert
from football_rag.evaluation.eval_set import EVAL_SET_TABLE, EvalQuestion, questions_from_frame, read_eval_set
from football_rag.evaluation.generator import generate_eval_set
from football_rag.evaluation.runner import EvalRun, answerer_params, retrieval_queries, run_eval
from football_rag.evaluation.tracking import EvalTracker, tracker_for
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.embeddings import encoded_ahead
from football_rag.knowledge.ingest import as_match_tables
from football_rag.rag.answerer import Answerer
from football_rag.rag.llm import get_llm

log = logging.getLogger(__name__)


class JudgeConfig(BaseModel):
    enabled: bool = True
    model: str | None = None
    max_narrative: int = 8
    max_facts: int = 8


class AnswerEvalConfig(BaseModel):
    """The ``answers`` section of ``configs/evaluation.yaml``."""

    seed: int = 0
    per_kind: int = 25
    new_per_kind: int = 5
    counts: dict[str, int] = Field(default_factory=dict)
    with_llm: bool = True
    with_llm_in_build: bool = False
    timeout_s: float = 300.0
    narrative_set: str | None = "eval/narrative.jsonl"
    judge: JudgeConfig = Field(default_factory=JudgeConfig)


def load_answer_config(configs_dir: Path) -> AnswerEvalConfig:
    return AnswerEvalConfig.model_validate(load_config("evaluation", configs_dir).get("answers") or {})


def release_questions(tables: MatchTables, config: AnswerEvalConfig, configs_dir: Path) -> list[EvalQuestion]:
    """The generated set of ``tables`` and the hand-written narrative questions about matches they hold."""
    questions = generate_eval_set(tables, config.seed, config.per_kind, config.counts)
    if config.narrative_set and (configs_dir / config.narrative_set).is_file():
        held = set(tables.matches["match_id"])
        questions += [q for q in read_eval_set(configs_dir / config.narrative_set) if q.match_id in held]
    return questions


def _match_tables(tables: Mapping[str, pd.DataFrame] | MatchTables) -> MatchTables:
    return tables if isinstance(tables, MatchTables) else as_match_tables(tables)


def evaluate_release(
    tables: Mapping[str, pd.DataFrame] | MatchTables,
    *,
    version: str,
    collection=None,
    encode: Callable[[list[str]], np.ndarray] | None = None,
    embedding_model: str | None = None,
    settings: Settings | None = None,
    questions: Sequence[EvalQuestion] | None = None,
    with_llm: bool | None = None,
    tracker: EvalTracker | None = None,
) -> EvalRun:
    """Evaluate release ``version`` (its tables, and its index when given); log the run; return it.

    ``questions`` default to the release's own set (``release_questions``); ``with_llm`` defaults to the
    config's. Metrics for the manifest and the gate are ``run.metrics``; the questions to publish with
    the release are ``eval_set_frame(run.questions)``.
    """
    settings = settings or get_settings()
    config = load_answer_config(settings.configs_dir)
    match_tables = _match_tables(tables)
    use_llm = config.with_llm if with_llm is None else with_llm
    asked = list(questions) if questions is not None else release_questions(match_tables, config, settings.configs_dir)
    answerer = Answerer(
        match_tables,
        collection=collection,
        encode=encoded_ahead(encode, retrieval_queries(asked)) if encode else None,
        llm=get_llm(settings.llm) if use_llm else None,
    )
    judge = None
    if use_llm and config.judge.enabled:
        from football_rag.evaluation.judge import Judge  # Opik loads only when a judge runs

        judge_model = settings.judge_model or config.judge.model
        judge_settings = settings.llm.model_copy(update={"model": judge_model}) if judge_model else settings.llm
        judge = Judge(get_llm(judge_settings))
    tracker = tracker or tracker_for(settings)
    run = run_eval(
        answerer,
        asked,
        params=answerer_params(answerer, version, embedding_model),
        timeout_s=config.timeout_s,
        judge=judge,
        tracker=tracker,
    )
    alert = groundedness_alert(run.metrics, load_thresholds(settings.configs_dir), version)
    if alert is not None:
        raise_alert(alert, settings.alert_webhook_url, tracker, run.run_id)
    return run


def published_questions(release_dir: Path) -> list[EvalQuestion] | None:
    """The eval set a release was published with, or None when it has none."""
    try:
        return questions_from_frame(read_tables(release_dir, [EVAL_SET_TABLE])[EVAL_SET_TABLE])
    except FileNotFoundError:
        return None


def run_evaluate(
    settings: Settings, questions_path: Path | None = None, release: str | None = None
) -> dict[str, object]:
    """Evaluate a published release (default the latest) on ``questions_path`` or its own eval set; return the report.

    The report: ``release``, ``run_id``, ``questions``, ``metrics`` (flat ``eval_*`` numbers with ``_n``)
    and ``figures`` (name -> value and n). Raises ``NoRelease`` when nothing is published.
    """
    from football_rag.rag.knowledge_base import load_knowledge_base

    kb = load_knowledge_base(settings, release)
    questions = read_eval_set(questions_path) if questions_path else published_questions(kb.release_dir)
    run = evaluate_release(
        kb.tables,
        version=kb.version,
        collection=kb.collection,
        encode=kb.embedder.encode,
        embedding_model=kb.embedder.name,
        settings=settings,
        questions=questions,
    )
    return {"release": kb.version, "questions": len(run.questions), "metrics": run.metrics, **run.report()}
