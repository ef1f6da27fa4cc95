"""Retrieval from the release's Chroma collection: filtered to the resolved matches first, then semantic.

The model is given the retrieved documents' sentences most relevant to the question, within a budget,
not the whole documents. On 2 CPU cores the local LLM reads a prompt at about 20-55 tokens/s, and four
whole documents (about 1,300 tokens) made up three quarters of a narrative prompt: the time to the
first word of an answer grows with every token the model must read, while the facts given beside the
passages already carry the score, the scorers and the key stats.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from chromadb.api.models.Collection import Collection

DEFAULT_K = 4
PASSAGE_BUDGET_CHARS = 400  # about 100 tokens for all passages together
# Words are compared by their first letters, a crude stem: "pressed" and "pressing" both match "press".
STEM_CHARS = 5
_WORD = re.compile(r"[^\W\d_]{3,}")
# A sentence ends at . ! or ? before a capital or a digit, but not after a short capitalised abbreviation
# or an initial: "St. James' Park", "J. Smith".
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z]\.)\s+(?=[A-Z0-9\"'(])")
_CALENDAR = frozenset(
    name.lower()[:STEM_CHARS] for name in (*calendar.month_name[1:], *calendar.day_name) if len(name) >= 3
)


@dataclass(frozen=True)
class Passage:
    doc_id: str
    text: str
    match_id: str | None
    doc_type: str | None
    distance: float


@dataclass(frozen=True)
class _Sentence:
    doc: int  # the document's rank in the retrieval
    position: int  # the sentence's place in its document
    text: str
    score: float  # how much of the question it speaks to


def retrieve(
    collection: Collection,
    encode: Callable[[list[str]], np.ndarray],
    query: str,
    match_ids: Sequence[str] = (),
    team: str | None = None,
    k: int = DEFAULT_K,
    budget_chars: int = PASSAGE_BUDGET_CHARS,
) -> list[Passage]:
    """Return the passages of the ``k`` documents nearest the query among the given matches (or the team's).

    Each passage holds only the sentences of its document chosen by ``focus`` within ``budget_chars``
    in all; a document none of whose sentences was chosen is left out.
    """
    result = collection.query(
        query_embeddings=encode([query]),
        n_results=k,
        where=_where(match_ids, team),
        include=["documents", "metadatas", "distances"],
    )
    ids, texts = result["ids"][0], result["documents"][0]
    metadatas = [meta or {} for meta in result["metadatas"][0]]
    chosen = focus(texts, query, budget_chars, _naming_words(metadatas))
    return [
        Passage(doc_id, text, meta.get("match_id") or None, meta.get("doc_type"), float(distance))
        for doc_id, text, meta, distance in zip(ids, chosen, metadatas, result["distances"][0], strict=True)
        if text
    ]


def focus(texts: Sequence[str], query: str, budget_chars: int, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Return each text cut to its sentences chosen for the query ("" for a text with none), in their order.

    A sentence scores the summed rarity (inverse frequency over all the texts' sentences) of the query
    words it contains, ``ignore`` aside (words that name the match: every retrieved document is about
    it), so "How did Arsenal press?" prefers "Arsenal pressed high" to the many sentences that only name
    Arsenal. The best sentences are taken until ``budget_chars`` is spent, skipping any that would
    overrun it or repeat one taken; ties go to the nearer document, then to the earlier sentence. A
    sentence sharing no word with the query is taken from the nearest document only, so a question with
    no cue words ("Summarise Arsenal v Spurs") gets the opening of the best document.
    """
    stems = [[_stems(sentence) for sentence in _sentences(text)] for text in texts]
    frequency = Counter(stem for doc in stems for sentence in doc for stem in sentence)
    total = sum(len(doc) for doc in stems)
    weight = {stem: math.log(1 + total / frequency[stem]) for stem in _stems(query) - ignore if stem in frequency}
    ranked = sorted(
        (
            _Sentence(doc, position, sentence, sum(weight.get(stem, 0.0) for stem in stems[doc][position]))
            for doc, text in enumerate(texts)
            for position, sentence in enumerate(_sentences(text))
        ),
        key=lambda s: (-s.score, s.doc, s.position),
    )
    chosen: list[_Sentence] = []
    left = budget_chars
    for sentence in ranked:
        relevant = sentence.score > 0 or sentence.doc == 0
        if relevant and len(sentence.text) <= left and sentence.text not in {c.text for c in chosen}:
            chosen.append(sentence)
            left -= len(sentence.text) + 1
    return [
        " ".join(s.text for s in sorted(chosen, key=lambda s: s.position) if s.doc == doc) for doc in range(len(texts))
    ]


def _sentences(text: str) -> list[str]:
    """Return the sentences of ``text``, line by line; a line ending in a colon heads the next one."""
    lines = text.replace(":\n", ": ").splitlines()
    return [s.strip() for line in lines for s in _SENTENCE_END.split(line) if s.strip()]


def _stems(text: str) -> frozenset[str]:
    """Return the lower-cased word stems (first ``STEM_CHARS`` letters) of the words of three letters or more."""
    return frozenset(word[:STEM_CHARS] for word in _WORD.findall(text.lower()))


def _naming_words(metadatas: Sequence[Mapping[str, object]]) -> frozenset[str]:
    """Return the stems of the team names in the documents' metadata, and of month and weekday names."""
    teams = " ".join(str(meta.get("teams") or "") for meta in metadatas)
    return _stems(teams) | _CALENDAR


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
