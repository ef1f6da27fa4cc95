"""Retrieval checks run on every candidate version: does a query naming a match find that match's report?

For a seeded sample of matches, the query "<home> vs <away>, <d Month YYYY>" is run against the version's
collection without a filter and with ``where={"match_id": ...}``. The evaluation issue adds answer-level
metrics on top; these guard the index itself (documents, embeddings, metadata filters).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pydantic import BaseModel

from football_rag.config.yaml_config import load_config

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

# The documents' column that tells a match report from other documents, and a report's kind.
DOC_KIND_COLUMN = "doc_type"
REPORT_KIND = "match"


class RetrievalConfig(BaseModel):
    """How many matches to probe and the sample's seed (``configs/evaluation.yaml``, key ``retrieval``)."""

    sample_size: int = 40
    seed: int = 0


def load_retrieval_config(configs_dir: Path) -> RetrievalConfig:
    """Return the ``retrieval`` section of ``configs/evaluation.yaml``."""
    return RetrievalConfig.model_validate(load_config("evaluation", configs_dir).get("retrieval") or {})


class RetrievalProbe(BaseModel):
    """A query for one match and the document that must come first for it."""

    match_id: str
    query: str
    expected_doc_id: str


class RetrievalCheck(BaseModel):
    """How the probes fared: the metrics, and every probe that missed with what came first instead."""

    metrics: dict[str, float]
    misses: list[dict[str, str | None]]


def check_retrieval(
    collection: Collection, encode: Callable[[list[str]], np.ndarray], probes: list[RetrievalProbe], k: int = 10
) -> RetrievalCheck:
    """Run every probe with and without a ``match_id`` filter; return hit rates at rank 1 and the report's MRR.

    ``retrieval_match_at_1``: the first document is about the probe's match; ``retrieval_report_at_1``:
    it is the expected document; ``..._filtered``: the same with ``where={"match_id": ...}``;
    ``retrieval_report_mrr``: mean reciprocal rank of the expected document in the top ``k`` (0 beyond).
    """
    if not probes:
        return RetrievalCheck(metrics={"retrieval_probes": 0}, misses=[])
    vectors = encode([p.query for p in probes])
    found = collection.query(query_embeddings=vectors, n_results=k, include=["metadatas"])
    match_hits, report_hits, filtered_hits, reciprocal, misses = [], [], [], [], []
    for i, probe in enumerate(probes):
        ids, metadatas = found["ids"][i], found["metadatas"][i]
        first = ids[0] if ids else None
        first_match = str((metadatas[0] or {}).get("match_id")) if ids else None
        filtered = collection.query(
            query_embeddings=vectors[i : i + 1], n_results=1, where={"match_id": probe.match_id}
        )
        filtered_first = filtered["ids"][0][0] if filtered["ids"][0] else None
        match_hits.append(first_match == probe.match_id)
        report_hits.append(first == probe.expected_doc_id)
        filtered_hits.append(filtered_first == probe.expected_doc_id)
        reciprocal.append(1.0 / (ids.index(probe.expected_doc_id) + 1) if probe.expected_doc_id in ids else 0.0)
        if not (report_hits[-1] and filtered_hits[-1]):
            misses.append(
                {
                    "query": probe.query,
                    "expected": probe.expected_doc_id,
                    "first": first,
                    "first_filtered": filtered_first,
                }
            )
    return RetrievalCheck(
        metrics={
            "retrieval_probes": len(probes),
            "retrieval_match_at_1": _mean(match_hits),
            "retrieval_report_at_1": _mean(report_hits),
            "retrieval_report_at_1_filtered": _mean(filtered_hits),
            "retrieval_report_mrr": _mean(reciprocal),
        },
        misses=misses,
    )


def _mean(values: list[bool] | list[float]) -> float:
    """Return the mean of ``values`` rounded to 4 decimals."""
    return round(float(np.mean(values)), 4)


def retrieval_probes(
    matches: pd.DataFrame, documents: pd.DataFrame, sample_size: int, seed: int
) -> list[RetrievalProbe]:
    """Return a seeded sample of probes "<home> vs <away>, <d Month YYYY>", each expecting that match's report."""
    reports = documents.loc[documents[DOC_KIND_COLUMN] == REPORT_KIND].drop_duplicates("match_id").set_index("match_id")
    candidates = matches.loc[matches["match_id"].astype(str).isin(reports.index.astype(str))]
    sample = (
        candidates.sample(n=min(sample_size, len(candidates)), random_state=seed) if len(candidates) else candidates
    )
    probes = []
    for row in sample.to_dict("records"):
        day = pd.Timestamp(row["date"])
        query = f"{row['home']} vs {row['away']}, {day.day} {day:%B %Y}"
        match_id = str(row["match_id"])
        probes.append(
            RetrievalProbe(match_id=match_id, query=query, expected_doc_id=str(reports.loc[match_id, "doc_id"]))
        )
    return probes
