"""The evaluate step: retrieval checks on a version's index (the evaluation issue adds answer-level metrics)."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
from zenml import step

from football_rag.config.settings import get_settings
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
