"""Retrieval from the release's Chroma collection: filtered to the resolved matches first, then semantic.

Each passage is cut to its few sentences most relevant to the question before it reaches the model.
On 2 CPU cores the local LLM reads a prompt at roughly 20-70 tokens/s, and whole documents (about 330
tokens each) made up three quarters of a narrative prompt: the time to the first word of an answer
grows with every token the model must read, while the facts already carry the score, scorers and stats.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from chromadb.api.models.Collection import Collection

from football_rag.rag.grounding import split_sentences

DEFAULT_K = 3
PASSAGE_SENTENCES = 2
# Words are compared by their first letters, a crude stem: "pressed" and "pressing" both match "press".
STEM_CHARS = 5
_WORD = re.compile(r"[^\W\d_]{3,}")


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
    sentences: int = PASSAGE_SENTENCES,
) -> list[Passage]:
    """Return the ``k`` passages nearest the query among the given matches (or the team's documents).

    Each passage's text is its ``sentences`` sentences most relevant to the query, in document order.
    """
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
        for doc_id, text, meta, distance in zip(
            ids, focus(texts, query, sentences), metadatas, distances, strict=True
        )
    ]


def focus(texts: Sequence[str], query: str, sentences: int) -> list[str]:
    """Return each text cut to its ``sentences`` sentences that best match the query's words, in their order.

    A sentence scores the summed rarity (inverse document frequency over all the texts' sentences) of
    the query words it contains, so "How did Arsenal press?" keeps "Arsenal pressed high" over the many
    sentences that only name Arsenal; ties keep the earlier sentence (a document opens with its headline).
    """
    split = [[s for line in text.splitlines() for s in split_sentences(line)] for text in texts]
    stems = [[_stems(sentence) for sentence in doc] for doc in split]
    frequency = Counter(stem for doc in stems for sentence in doc for stem in sentence)
    total = sum(len(doc) for doc in stems)
    wanted = _stems(query)
    weight = {stem: math.log(1 + total / frequency[stem]) for stem in wanted if frequency[stem]}
    kept = []
    for text, doc, doc_stems in zip(texts, split, stems, strict=True):
        if len(doc) <= sentences:
            kept.append(text)
            continue
        scores = [sum(weight.get(stem, 0.0) for stem in sentence) for sentence in doc_stems]
        best = sorted(sorted(range(len(doc)), key=lambda i: -scores[i])[:sentences])
        kept.append(" ".join(doc[i] for i in best))
    return kept


def _stems(text: str) -> set[str]:
    """Return the lower-cased word stems (first ``STEM_CHARS`` letters) of the words of three letters or more."""
    return {word[:STEM_CHARS] for word in _WORD.findall(text.lower())}


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
