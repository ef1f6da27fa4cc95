"""Narrative answers with the configured LLM: the model's first token and the complete answer, p50 and p95.

The questions are the first ``N_QUESTIONS`` of ``configs/eval/narrative.jsonl`` (real matches of the season;
10, or ``FOOTBALL_RAG_BENCH_QUESTIONS``). The knowledge base is the configured home's latest release when
there is one; else the asked matches are parsed and indexed here with the fast embedder (retrieval is
filtered to the resolved match and a match's facts come from its own rows, so the rest of the season would
only cost minutes of set-up on 2 shared cores). The model is loaded and primed with the answer prompt's
fixed part first, as the app does at start-up (``app/llm_warmup.py``), so the figures are those of a warm
app. ``model_first_token`` runs from the question to the model's first text; ``complete`` to the checked
answer. The load average is reported beside them: on 2 shared cores it moves them several times over.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.config.settings import get_settings
from football_rag.data.parsers import parse_file
from football_rag.evaluation.eval_set import EvalQuestion, read_eval_set
from football_rag.evaluation.runner import answer_question
from football_rag.rag.answerer import Answerer
from football_rag.rag.llm import LLMUnavailable, get_llm

SEASON = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
)
N_QUESTIONS = int(os.environ.get("FOOTBALL_RAG_BENCH_QUESTIONS", "10"))
FAST_MODEL = "all-MiniLM-L6-v2"


def _knowledge(scratch: Path, match_ids: set[str]) -> tuple[MatchTables, object, object, str]:
    """Return the tables, collection, encoder and a label: the latest release, else ``match_ids`` parsed and indexed."""
    from football_rag.rag.knowledge_base import NoRelease, load_knowledge_base

    try:
        kb = load_knowledge_base(get_settings())
        return kb.tables, kb.collection, kb.embedder.encode, f"release {kb.version} ({kb.embedder.name})"
    except NoRelease:
        pass
    from football_rag.knowledge.documents import build_documents
    from football_rag.knowledge.embeddings import embed_documents, load_embedder
    from football_rag.knowledge.index import build_collection, chroma_client

    tables = build_tables([parse_file(SEASON / f"{match_id}.json.gz") for match_id in sorted(match_ids)])
    documents = build_documents(tables)
    embedder = load_embedder(FAST_MODEL)
    embeddings, _ = embed_documents(documents, embedder)
    collection = build_collection(chroma_client(path=scratch), "bench_narrative", documents, embeddings)
    return tables, collection, embedder.encode, f"{len(match_ids)} season matches indexed here ({FAST_MODEL})"


def _percentiles(values: pd.Series, name: str) -> dict[str, float | None]:
    """Return ``<name>_p50_s`` and ``<name>_p95_s`` of millisecond ``values`` in seconds (None when empty)."""
    values = values.dropna()
    if values.empty:
        return {f"{name}_p50_s": None, f"{name}_p95_s": None}
    return {f"{name}_p{p}_s": round(float(np.percentile(values, p)) / 1000, 2) for p in (50, 95)}


def _answered(answerer: Answerer, question: EvalQuestion) -> dict[str, object]:
    """Return ``question``'s results row, printing its timings to stderr (a slow run shows where it is)."""
    row = answer_question(answerer, question)
    first = row["model_first_token_ms"] or float("nan")
    print(
        f"{question.id}: model first token {first / 1000:.2f} s, complete {row['latency_ms'] / 1000:.2f} s, "
        f"{row['status']}, load {os.getloadavg()[0]:.1f}",
        file=sys.stderr,
    )
    return row


def run() -> dict[str, object]:
    """Answer the narrative questions once each with the primed model; return their latency percentiles."""
    if not SEASON.is_dir():
        return {"skipped": f"season corpus not found at {SEASON}"}
    settings = get_settings()
    questions = read_eval_set(settings.configs_dir / "eval" / "narrative.jsonl")[:N_QUESTIONS]
    llm = get_llm()
    try:
        load_s = llm.load()
    except LLMUnavailable as error:
        return {"skipped": str(error)}
    with tempfile.TemporaryDirectory(prefix="bench-narrative-") as scratch:
        tables, collection, encode, label = _knowledge(Path(scratch), {q.match_id for q in questions})
        answerer = Answerer(tables, collection=collection, encode=encode, llm=llm)
        prime_s = llm.prime(answerer.prompt.render(""))
        load_before = os.getloadavg()[0]
        results = pd.DataFrame.from_records([_answered(answerer, q) for q in questions])
    return {
        "knowledge": label,
        "model": llm.name,
        "prompt": answerer.prompt.ref,
        "n_threads": settings.llm.n_threads or "the free cores, chosen before each generation",
        "max_tokens": answerer.prompt.max_tokens or settings.llm.max_tokens,
        "load_s": round(load_s, 2),
        "prime_s": round(prime_s, 2),
        "questions": len(results),
        "errors": int((results["status"] != "ok").sum()),
        "grounded": int(results["grounded"].sum()),
        **_percentiles(results["model_first_token_ms"], "model_first_token"),
        **_percentiles(results["latency_ms"], "complete"),
        "answer_chars_mean": round(float(results["answer"].str.len().mean()), 1),
        "load_average_1m_before": round(load_before, 2),
        "load_average_1m_after": round(os.getloadavg()[0], 2),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
