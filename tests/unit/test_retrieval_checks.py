"""The retrieval rates the gate reads, on a real in-memory Chroma collection whose vectors are set by hand.

Four documents in two dimensions: match A's report and its goal, match B's report and its goal. Queries are
encoded by a table of vectors, so which document is nearest is known without a model.
"""

from __future__ import annotations

import chromadb
import numpy as np
import pytest

from football_rag.knowledge.retrieval_checks import FILTERED, RetrievalProbe, check_retrieval, failed_retrieval

DOCUMENTS = {  # id -> (match_id, vector)
    "match:A": ("A", [1.0, 0.0]),
    "goal:A:1": ("A", [0.8, 0.6]),
    "match:B": ("B", [0.0, 1.0]),
    "goal:B:1": ("B", [0.6, 0.8]),
}
QUERIES = {
    "A vs X": [1.0, 0.05],  # nearest: match:A (right report, first)
    "B vs Y": [0.65, 0.76],  # nearest: goal:B:1, then goal:A:1, then match:B (third: 1/3); filtered: goal:B:1
    "C vs Z": [0.79, 0.61],  # nearest: goal:A:1 (match A, the probe's), goal:B:1, then match:A (1/3)
}


@pytest.fixture(scope="module")
def collection():
    client = chromadb.EphemeralClient()
    made = client.create_collection("retrieval_rates", metadata={"hnsw:space": "cosine"})
    made.add(
        ids=list(DOCUMENTS),
        embeddings=[vector for _, vector in DOCUMENTS.values()],
        metadatas=[{"match_id": match_id} for match_id, _ in DOCUMENTS.values()],
    )
    yield made
    client.delete_collection("retrieval_rates")


def _encode(texts: list[str]) -> np.ndarray:
    return np.asarray([QUERIES[t] for t in texts], dtype=np.float32)


PROBES = [
    RetrievalProbe(match_id="A", query="A vs X", expected_doc_id="match:A"),
    RetrievalProbe(match_id="B", query="B vs Y", expected_doc_id="match:B"),
    RetrievalProbe(match_id="A", query="C vs Z", expected_doc_id="match:A"),
]


def test_rates_over_every_probe_and_over_one_match(collection) -> None:
    check = check_retrieval(collection, _encode, PROBES, k=4)
    # Hand-computed: match at 1: A yes, B yes (goal:B:1 is B's), C->A yes: 3/3. Report at 1: only the first.
    # Filtered to their match: A -> match:A, B -> goal:B:1 (a miss), A -> goal:A:1 (a miss): 1/3.
    # MRR: 1, 1/3 (match:B third unfiltered), 1/3 (match:A third) -> 5/9.
    assert check.metrics == {
        "retrieval_probes": 3,
        "retrieval_match_at_1": 1.0,
        "retrieval_report_at_1": 0.3333,
        FILTERED: 0.3333,
        "retrieval_report_mrr": 0.5556,
    }
    # The probes of match A alone, from the same run: MRR (1 + 1/3) / 2.
    assert check.metrics_of(["A"]) == {
        "retrieval_probes": 2,
        "retrieval_match_at_1": 1.0,
        "retrieval_report_at_1": 0.5,
        FILTERED: 0.5,
        "retrieval_report_mrr": 0.6667,
    }
    assert [m["query"] for m in check.misses] == ["B vs Y", "C vs Z"]
    assert check.misses[0]["first_filtered"] == "goal:B:1"


def test_an_index_that_cannot_be_queried_scores_zero_with_the_reason() -> None:
    check = failed_retrieval(PROBES[:2], "the index cannot be queried: dimension 384 != 768")
    assert check.metrics[FILTERED] == 0.0 and check.metrics["retrieval_match_at_1"] == 0.0
    assert {m["error"] for m in check.misses} == {"the index cannot be queried: dimension 384 != 768"}
    assert check.metrics_of(["nobody"]) == {"retrieval_probes": 0}
