"""Retrieval checks run on every candidate version: does a query naming a match find that match's report?

For each probed match, the query "<home> vs <away>, <d Month YYYY>" is run against a version's collection
with ``where={"match_id": ...}`` (how answers retrieve: gated) and without a filter (reported). Which matches
are probed is the caller's choice (``sample_match_ids``): the same ids over two versions give the same queries.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
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
    """Which matches to probe (``configs/evaluation.yaml``, key ``retrieval``).

    ``sample_size`` matches both the candidate and the current release hold (seeded), plus up to
    ``new_sample_size`` of the candidate's new matches.
    """

    sample_size: int = 40
    new_sample_size: int = 40
    seed: int = 0


def load_retrieval_config(configs_dir: Path) -> RetrievalConfig:
    """Return the ``retrieval`` section of ``configs/evaluation.yaml``."""
    return RetrievalConfig.model_validate(load_config("evaluation", configs_dir).get("retrieval") or {})


class RetrievalProbe(BaseModel):
    """A query for one match and the document that must come first for it."""

    match_id: str
    query: str
    expected_doc_id: str


FILTERED = "retrieval_report_at_1_filtered"
RATES = ("retrieval_match_at_1", "retrieval_report_at_1", FILTERED, "retrieval_report_mrr")


class ProbeOutcome(BaseModel):
    """What one probe found: the first document with and without the match filter, and the report's rank."""

    match_id: str
    query: str
    expected: str
    first: str | None = None
    first_match: str | None = None
    first_filtered: str | None = None
    reciprocal_rank: float = 0.0
    error: str | None = None

    @property
    def missed(self) -> bool:
        """Whether the expected report was not first, with the filter or without it."""
        return not (self.first == self.expected and self.first_filtered == self.expected)


class RetrievalCheck(BaseModel):
    """How the probes fared, one outcome each; the metrics of all of them or of the probes of some matches."""

    outcomes: list[ProbeOutcome]

    @property
    def metrics(self) -> dict[str, float]:
        """Return the rates over every probe."""
        return self.metrics_of()

    @property
    def misses(self) -> list[dict[str, str | None]]:
        """Every probe that missed, with what came first instead."""
        keys = ("query", "expected", "first", "first_filtered", "error")
        return [o.model_dump(include=set(keys)) for o in self.outcomes if o.missed]

    def metrics_of(self, match_ids: Sequence[str] | None = None) -> dict[str, float]:
        """Return the rates of the module docstring over the probes of ``match_ids`` (default: every probe).

        ``retrieval_match_at_1``: the first document is about the probe's match; ``retrieval_report_at_1``:
        it is the expected document; ``..._filtered``: the same with ``where={"match_id": ...}``;
        ``retrieval_report_mrr``: mean reciprocal rank of the expected document in the top k (0 beyond).
        """
        wanted = None if match_ids is None else set(match_ids)
        kept = [o for o in self.outcomes if wanted is None or o.match_id in wanted]
        if not kept:
            return {"retrieval_probes": 0}
        columns = (
            [o.first_match == o.match_id for o in kept],
            [o.first == o.expected for o in kept],
            [o.first_filtered == o.expected for o in kept],
            [o.reciprocal_rank for o in kept],
        )
        return {"retrieval_probes": len(kept), **{name: _mean(c) for name, c in zip(RATES, columns, strict=True)}}


def failed_retrieval(probes: list[RetrievalProbe], error: str) -> RetrievalCheck:
    """Return the check of probes that could not be run: every rate 0, every probe a miss with ``error``."""
    return RetrievalCheck(
        outcomes=[
            ProbeOutcome(match_id=p.match_id, query=p.query, expected=p.expected_doc_id, error=error) for p in probes
        ]
    )


def check_retrieval(
    collection: Collection, encode: Callable[[list[str]], np.ndarray], probes: list[RetrievalProbe], k: int = 10
) -> RetrievalCheck:
    """Run every probe with and without a ``match_id`` filter, the top ``k`` unfiltered; return the outcomes."""
    if not probes:
        return RetrievalCheck(outcomes=[])
    vectors = encode([p.query for p in probes])
    found = collection.query(query_embeddings=vectors, n_results=k, include=["metadatas"])
    outcomes = []
    for i, probe in enumerate(probes):
        ids, metadatas = found["ids"][i], found["metadatas"][i]
        filtered = collection.query(
            query_embeddings=vectors[i : i + 1], n_results=1, where={"match_id": probe.match_id}
        )
        outcomes.append(
            ProbeOutcome(
                match_id=probe.match_id,
                query=probe.query,
                expected=probe.expected_doc_id,
                first=ids[0] if ids else None,
                first_match=str((metadatas[0] or {}).get("match_id")) if ids else None,
                first_filtered=filtered["ids"][0][0] if filtered["ids"][0] else None,
                reciprocal_rank=1.0 / (ids.index(probe.expected_doc_id) + 1) if probe.expected_doc_id in ids else 0.0,
            )
        )
    return RetrievalCheck(outcomes=outcomes)


def _mean(values: list[bool] | list[float]) -> float:
    """Return the mean of ``values`` rounded to 4 decimals."""
    return round(float(np.mean(values)), 4)


def sample_match_ids(match_ids: Sequence[str], sample_size: int, seed: int) -> list[str]:
    """Return a seeded sample of ``sample_size`` of ``match_ids`` (all of them when there are fewer), sorted."""
    pool = sorted(set(match_ids))
    return sorted(random.Random(seed).sample(pool, min(sample_size, len(pool))))


def retrieval_probes(matches: pd.DataFrame, documents: pd.DataFrame, match_ids: Sequence[str]) -> list[RetrievalProbe]:
    """Return one probe "<home> vs <away>, <d Month YYYY>" per match of ``match_ids`` that has a report.

    Each expects that match's report; the same ids over two versions' tables give the same queries.
    """
    reports = documents.loc[documents[DOC_KIND_COLUMN] == REPORT_KIND].drop_duplicates("match_id")
    report_of = dict(zip(reports["match_id"].astype(str), reports["doc_id"].astype(str), strict=True))
    rows = matches.assign(match_id=matches["match_id"].astype(str)).set_index("match_id")
    probes = []
    for match_id in match_ids:
        if match_id not in report_of or match_id not in rows.index:
            continue
        row = rows.loc[match_id]
        day = pd.Timestamp(row["date"])
        query = f"{row['home']} vs {row['away']}, {day.day} {day:%B %Y}"
        probes.append(RetrievalProbe(match_id=match_id, query=query, expected_doc_id=report_of[match_id]))
    return probes
