"""Question latency per intent, time to first token, and our retrieval against plain embedding search.

The knowledge base is the latest published release of the configured home when there is one; else
the season corpus is parsed and indexed here with the fast embedder (``all-MiniLM-L6-v2``), which the
output names. Fact questions run without an LLM (the path every fact answer takes); a handful of
narrative questions run with the configured LLM (default Qwen2.5 1.5B) for the end-to-end latency, the
time to the first token a user sees (the computed opening) and to the model's first token. Retrieval:
the share of narrative questions whose first document is about the asked match, with the answerer's
entity filters (ours) and with a plain nearest neighbour query over every document (the baseline);
their ratio is ours / plain.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.config.settings import get_settings
from football_rag.data.parsers import parse_file
from football_rag.evaluation.eval_set import NARRATIVE, read_eval_set
from football_rag.evaluation.generator import generate_eval_set
from football_rag.evaluation.metrics import document_recall, latency, score_questions
from football_rag.evaluation.runner import answer_questions
from football_rag.rag.answerer import Answerer

SEASON = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
)
LLM_QUESTIONS = 8
FAST_MODEL = "all-MiniLM-L6-v2"  # the model cache's 384-d embedder, for an index built here


def _knowledge(scratch: Path) -> tuple[MatchTables, object, Callable | None, str]:
    """The tables, collection, encoder and a label: the latest release, else the season indexed here."""
    from football_rag.rag.knowledge_base import NoRelease, load_knowledge_base

    try:
        kb = load_knowledge_base(get_settings())
        return kb.tables, kb.collection, kb.embedder.encode, f"release {kb.version} ({kb.embedder.name})"
    except NoRelease:
        pass
    from football_rag.knowledge.documents import build_documents
    from football_rag.knowledge.embeddings import embed_documents, load_embedder
    from football_rag.knowledge.index import build_collection, chroma_client

    tables = build_tables([parse_file(p) for p in sorted(SEASON.glob("*.json.gz"))])
    documents = build_documents(tables)
    embedder = load_embedder(FAST_MODEL)
    embeddings, _ = embed_documents(documents, embedder)
    collection = build_collection(chroma_client(path=scratch), "bench_questions", documents, embeddings)
    return (
        tables,
        collection,
        embedder.encode,
        f"season corpus indexed ad hoc ({FAST_MODEL}, {len(documents)} documents)",
    )


def plain_top1(collection, encode: Callable, questions: pd.DataFrame) -> pd.Series:
    """Whether the nearest document over the whole collection (no filter) is about the question's match."""
    vectors = encode(questions["question"].tolist())
    found = collection.query(query_embeddings=vectors, n_results=1, include=["metadatas"])
    firsts = [str((meta[0] or {}).get("match_id")) if meta else None for meta in found["metadatas"]]
    return pd.Series([first == gold for first, gold in zip(firsts, questions["match_id"], strict=True)])


def _latencies(results: pd.DataFrame, prefix: str) -> dict[str, float | int | None]:
    return {f"{prefix}{name}": figure.value for name, figure in latency(score_questions(results)).items()}


def run() -> dict[str, object]:
    if not SEASON.is_dir():
        return {"skipped": f"season corpus not found at {SEASON}"}
    settings = get_settings()
    with tempfile.TemporaryDirectory(prefix="bench-questions-") as scratch:
        tables, collection, encode, label = _knowledge(Path(scratch))
        questions = generate_eval_set(tables) + read_eval_set(settings.configs_dir / "eval" / "narrative.jsonl")
        facts = [q for q in questions if q.expected_intent != NARRATIVE]
        narratives = [
            q for q in questions if q.expected_intent == NARRATIVE and q.match_id in set(tables.matches["match_id"])
        ]
        answerer = Answerer(tables, collection=collection, encode=encode)
        fact_results = answer_questions(answerer, facts)
        retrieval = answer_questions(answerer, narratives)  # no LLM: the retrieval alone
        results: dict[str, object] = {"knowledge": label, "load_average_1m": round(os.getloadavg()[0], 2)}
        results["fact_questions"] = len(facts)
        results.update(_latencies(fact_results, "facts_"))
        ours = document_recall(score_questions(retrieval))
        plain = plain_top1(collection, encode, retrieval)
        results |= {
            "retrieval_n": ours.n,
            "retrieval_top1_ours": ours.value,
            "retrieval_top1_plain": round(float(plain.mean()), 4),
            "retrieval_ratio_ours_to_plain": round(ours.value / plain.mean(), 2) if plain.mean() else None,
        }
        results.update(_with_llm(tables, collection, encode, narratives[:LLM_QUESTIONS]))
    return results


def _with_llm(tables: MatchTables, collection, encode: Callable, questions: list) -> dict[str, object]:
    """End-to-end latency and time to first token of narrative answers with the configured LLM."""
    from football_rag.rag.llm import LLMUnavailable, get_llm

    llm = get_llm()
    try:
        load_s = llm.load()
    except LLMUnavailable as error:
        return {"narrative_llm_skipped": str(error)}
    results = answer_questions(Answerer(tables, collection=collection, encode=encode, llm=llm), questions)
    first = results["first_token_ms"].dropna()
    model_first = results["model_first_token_ms"].dropna()
    return {
        "narrative_llm_model": llm.name,
        "narrative_llm_load_s": round(load_s, 2),
        "narrative_llm_questions": len(results),
        "narrative_llm_errors": int((results["status"] != "ok").sum()),
        "narrative_llm_p50_ms": round(float(np.percentile(results["latency_ms"], 50)), 1),
        "narrative_llm_max_ms": round(float(results["latency_ms"].max()), 1),
        "time_to_first_token_p50_ms": round(float(np.percentile(first, 50)), 1) if len(first) else None,
        "model_first_token_p50_ms": round(float(np.percentile(model_first, 50)), 1) if len(model_first) else None,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
