"""Checks of a candidate's index that hold whatever is asked: every document is in it, filed under its match,
with the vector its model gives.

- ``index_complete``: the share of the documents the collection holds (a truncated or empty index falls short).
- ``documents_name_their_match``: the share of match reports whose text names both teams of the match their
  ``match_id`` points at (documents filed under the wrong match fall short).
- ``embeddings_match_model``: the share of a seeded sample of documents whose stored vector is, to
  ``COSINE_MIN``, what the recorded model gives their text now (vectors from another model fall short). The
  sample is drawn from the shortest quarter of the documents: re-encoding costs what the texts' length costs, and
  a vector from another model is off whatever its text's length.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from football_rag.knowledge.embeddings import embedding_matrix
from football_rag.knowledge.retrieval_checks import DOC_KIND_COLUMN, REPORT_KIND

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

COSINE_MIN = 0.99
EMBEDDING_SAMPLE = 8
SHORTER_SHARE = 0.25
EXAMPLES = 3


@dataclass(frozen=True)
class IndexCheck:
    """Each check's share (1.0: holds everywhere) and, for the ones that fall short, what was seen."""

    metrics: dict[str, float]
    problems: dict[str, list[str]] = field(default_factory=dict)


def check_index(
    collection: Collection,
    documents: pd.DataFrame,
    embeddings: pd.DataFrame,
    matches: pd.DataFrame,
    encode: Callable[[list[str]], np.ndarray],
    seed: int = 0,
) -> IndexCheck:
    """Return the three shares of the module docstring for a version's collection, documents and vectors."""
    checks = {
        "index_complete": _complete(collection, documents),
        "documents_name_their_match": _reports_name_teams(documents, matches),
        "embeddings_match_model": _vectors_match_model(documents, embeddings, encode, seed),
    }
    return IndexCheck(
        metrics={name: share for name, (share, _) in checks.items()},
        problems={name: seen for name, (share, seen) in checks.items() if share < 1.0},
    )


def _complete(collection: Collection, documents: pd.DataFrame) -> tuple[float, list[str]]:
    """Return the share of the documents the collection holds, and how many it holds when short."""
    expected, held = len(documents), collection.count()
    if not expected:
        return 1.0, []
    share = round(min(held, expected) / expected, 4)
    return share, [] if held >= expected else [f"the collection holds {held} of {expected} documents"]


def _reports_name_teams(documents: pd.DataFrame, matches: pd.DataFrame) -> tuple[float, list[str]]:
    """Return the share of match reports naming both teams of their match, and a few that do not."""
    reports = documents.loc[documents[DOC_KIND_COLUMN] == REPORT_KIND]
    if reports.empty:
        return 1.0, []
    teams = matches.assign(match_id=matches["match_id"].astype(str)).set_index("match_id")[["home", "away"]]
    wrong = []
    for doc_id, match_id, text in reports[["doc_id", "match_id", "text"]].itertuples(index=False):
        home, away = teams.loc[str(match_id)] if str(match_id) in teams.index else ("?", "?")
        if home not in text or away not in text:
            wrong.append(f"{doc_id} is filed under {match_id} ({home} v {away}) but reads: {text[:80]}")
    return round(1 - len(wrong) / len(reports), 4), wrong[:EXAMPLES]


def _vectors_match_model(
    documents: pd.DataFrame, embeddings: pd.DataFrame, encode: Callable[[list[str]], np.ndarray], seed: int
) -> tuple[float, list[str]]:
    """Return the share of sampled documents whose stored vector is what ``encode`` gives their text."""
    if documents.empty:
        return 1.0, []
    lengths = documents["text"].str.len()
    shorter = documents.loc[lengths <= lengths.quantile(SHORTER_SHARE)]
    rows = random.Random(seed).sample(range(len(shorter)), min(EMBEDDING_SAMPLE, len(shorter)))
    sample = shorter.iloc[sorted(rows)]
    stored = embedding_matrix(embeddings.set_index("doc_id").loc[sample["doc_id"]].reset_index())
    fresh = np.asarray(encode(sample["text"].tolist()), dtype=np.float32)
    if stored.shape != fresh.shape:
        return 0.0, [f"stored vectors have {stored.shape[1]} dimensions, the model gives {fresh.shape[1]}"]
    cosine = np.sum(stored * fresh, axis=1) / (np.linalg.norm(stored, axis=1) * np.linalg.norm(fresh, axis=1))
    off = [f"{d}: cosine {c:.3f}" for d, c in zip(sample["doc_id"], cosine, strict=True) if c < COSINE_MIN]
    return round(1 - len(off) / len(sample), 4), off[:EXAMPLES]
