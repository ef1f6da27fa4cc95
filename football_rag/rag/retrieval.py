"""Retrieval from the release's Chroma collection: filtered to the resolved matches first, then semantic."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from chromadb.api.models.Collection import Collection

DEFAULT_K = 4


@dataclass(frozen=True)
class Passage:
    doc_id: str
    text: str
    match_id: str | None
    doc_type: str | None
    distance: float


def retrieve(
    collection: Collection,
    encode: Callable[[list[str]], np.ndarray],
    query: str,
    match_ids: Sequence[str] = (),
    team: str | None = None,
    k: int = DEFAULT_K,
) -> list[Passage]:
    """Return the ``k`` passages nearest the query among the given matches (or the team's documents)."""
    where = _where(match_ids, team)
    result = collection.query(
        query_embeddings=encode([query]),
        n_results=k,
        where=where,
        include=["documents", "metadatas", "distances"],
    )
    ids, texts = result["ids"][0], result["documents"][0]
    metadatas, distances = result["metadatas"][0], result["distances"][0]
    return [
        Passage(doc_id, text, (meta or {}).get("match_id") or None, (meta or {}).get("doc_type"), float(distance))
        for doc_id, text, meta, distance in zip(ids, texts, metadatas, distances, strict=True)
    ]


def _where(match_ids: Sequence[str], team: str | None) -> dict | None:
    """Chroma filters: the match ids the question resolved to, else the team's documents."""
    ids = list(dict.fromkeys(match_ids))
    if len(ids) == 1:
        return {"match_id": ids[0]}
    if ids:
        return {"match_id": {"$in": ids}}
    if team:
        return {"$or": [{"home_team": team}, {"away_team": team}, {"team": team}]}
    return None
