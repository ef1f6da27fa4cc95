"""Evaluate steps: retrieval checks on a version's index, and the answer evaluation on its eval set."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
from zenml import step

from football_rag.config.settings import get_settings
from football_rag.evaluation.eval_set import eval_set_frame
from football_rag.evaluation.release_eval import evaluate_release, load_answer_config
from football_rag.knowledge.datasets import TableSet
from football_rag.knowledge.embeddings import load_embedder
from football_rag.knowledge.index import IndexHandle, open_handle
from football_rag.knowledge.retrieval_checks import check_retrieval, load_retrieval_config, retrieval_probes
from steps.tracking import track


@step(experiment_tracker=True)
def evaluate_retrieval(
    tables: TableSet, documents: pd.DataFrame, index: IndexHandle | None
) -> Annotated[dict[str, float], "retrieval_metrics"]:
    """Return the retrieval metrics of a sample of matches' "<home> vs <away>, <date>" queries (empty: no index)."""
    if index is None:
        return {}
    config = load_retrieval_config(get_settings().configs_dir)
    probes = retrieval_probes(tables["matches"], documents, config.sample_size, config.seed)
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
    """Return the answer metrics of the version's eval set and the set itself (empty: no new version).

    The LLM answers narrative questions only when ``answers.with_llm_in_build`` says so: every fact
    question is scored either way, and ``football-rag evaluate`` runs the full set with the model.
    """
    if index is None:
        return {}, pd.DataFrame()
    settings = get_settings()
    config = load_answer_config(settings.configs_dir)
    embedder = load_embedder(index.embedding_model)
    run = evaluate_release(
        tables,
        version=index.version,
        collection=open_handle(index),
        encode=embedder.encode,
        embedding_model=embedder.name,
        settings=settings,
        with_llm=config.with_llm_in_build,
    )
    track(
        metrics={f"evaluate.{k}": v for k, v in run.metrics.items()},
        params={"evaluate.eval_run_id": run.run_id, "evaluate.with_llm": config.with_llm_in_build},
    )
    return run.metrics, eval_set_frame(run.questions)
