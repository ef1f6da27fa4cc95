"""Evaluate steps: a candidate beside the current release (retrain), or a published release on its own (evaluate)."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
from zenml import step

from football_rag.config.settings import get_settings
from football_rag.evaluation.candidate import CandidateEvaluation, Version, assess_candidate, load_current_release
from football_rag.evaluation.eval_set import eval_set_frame
from football_rag.evaluation.release_eval import evaluate_release, load_answer_config, published_questions
from football_rag.evaluation.stored_answers import answering_fingerprint, with_answers
from football_rag.knowledge.datasets import TableSet
from football_rag.knowledge.embeddings import load_embedder
from football_rag.knowledge.index import IndexHandle, open_handle
from football_rag.knowledge.ingest import IngestReport, as_match_tables
from football_rag.knowledge.release import release_store
from football_rag.knowledge.retrieval_checks import (
    check_retrieval,
    load_retrieval_config,
    retrieval_probes,
    sample_match_ids,
)
from steps.tracking import track


@step(experiment_tracker=True)
def evaluate_candidate(
    tables: TableSet,
    documents: pd.DataFrame,
    embeddings: pd.DataFrame,
    index: IndexHandle | None,
    report: IngestReport,
) -> tuple[Annotated[CandidateEvaluation | None, "candidate_evaluation"], Annotated[pd.DataFrame, "eval_set"]]:
    """Score the new version and the current release on the same questions and probes; None when nothing is new.

    The LLM answers narrative questions only when ``answers.with_llm_in_build`` says so: every fact question
    is scored either way, and ``football-rag evaluate`` runs the full set with the model.
    """
    if index is None:
        return None, pd.DataFrame()
    settings = get_settings()
    candidate = Version(
        version=index.version,
        tables=as_match_tables(tables),
        documents=documents,
        collection=open_handle(index),
        embedding_model=index.embedding_model,
        models_dir=settings.models_dir,
    )
    new_ids = {*report.new_match_ids, *report.replaced_match_ids}
    evaluation, run = assess_candidate(candidate, embeddings, load_current_release(settings), new_ids, settings)
    comparison = evaluation.comparison
    track(
        metrics={f"evaluate.{k}": v for k, v in evaluation.metrics.items()},
        params={
            "evaluate.eval_run_id": run.run_id,
            "evaluate.compared_with": comparison.release if comparison else None,
        },
        documents={
            "candidate_checks": {"problems": evaluation.problems, "retrieval_misses": evaluation.retrieval_misses},
            "comparison": comparison.model_dump() if comparison else {},
        },
    )
    fingerprint = answering_fingerprint(settings.configs_dir)
    return evaluation, with_answers(eval_set_frame(run.questions), run.results, fingerprint)


@step(experiment_tracker=True)
def evaluate_retrieval(
    tables: TableSet, documents: pd.DataFrame, index: IndexHandle | None
) -> Annotated[dict[str, float], "retrieval_metrics"]:
    """Return the retrieval metrics of a sample of matches' "<home> vs <away>, <date>" queries (empty: no index)."""
    if index is None:
        return {}
    config = load_retrieval_config(get_settings().configs_dir)
    match_ids = sample_match_ids(tables["matches"]["match_id"].astype(str).tolist(), config.sample_size, config.seed)
    probes = retrieval_probes(tables["matches"], documents, match_ids)
    check = check_retrieval(open_handle(index), load_embedder(index.embedding_model).encode, probes)
    track(
        metrics={f"evaluate.{k}": v for k, v in check.metrics.items()},
        documents={"retrieval_misses": {"misses": check.misses}},
    )
    return check.metrics


@step(experiment_tracker=True)
def evaluate_answers(
    tables: TableSet, index: IndexHandle | None
) -> tuple[Annotated[dict[str, float], "answer_metrics"], Annotated[pd.DataFrame, "eval_set"]]:
    """Return the answer metrics of a published release on the eval set it was published with, and that set."""
    if index is None:
        return {}, pd.DataFrame()
    settings = get_settings()
    published = published_questions(release_store(settings).path(index.version))
    config = load_answer_config(settings.configs_dir)
    embedder = load_embedder(index.embedding_model)
    run = evaluate_release(
        tables,
        version=index.version,
        collection=open_handle(index),
        encode=embedder.encode,
        embedding_model=embedder.name,
        settings=settings,
        questions=published,
        with_llm=config.with_llm_in_build,
    )
    track(
        metrics={f"evaluate.{k}": v for k, v in run.metrics.items()},
        params={"evaluate.eval_run_id": run.run_id, "evaluate.with_llm": config.with_llm_in_build},
    )
    return run.metrics, eval_set_frame(run.questions)
