"""Retrieval documents for the season corpus: tables, xG filled in, then every document, timed apart.

``python -m benchmarks.bench_documents`` prints the measurements as JSON; ``make bench`` runs it with the rest.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from football_rag.analytics.tables import apply_xg, build_tables
from football_rag.analytics.xg_model import train_xg_model
from football_rag.data.parsers import parse_file
from football_rag.knowledge.documents import build_documents

SEASON = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
)
SEED = 0


def run() -> dict[str, object]:
    """Return the time to build the tables, fill xG and write the documents, and how many of each type."""
    paths = sorted(SEASON.glob("*.json.gz"))
    if not paths:
        return {"skipped": f"season corpus not found at {SEASON}"}
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        parsed = list(pool.map(parse_file, paths, chunksize=8))
    started = time.perf_counter()
    tables = build_tables(parsed)
    built = time.perf_counter()
    model = train_xg_model(tables.shots, SEED)
    tables = apply_xg(tables, model.predict, model.xg_source)
    filled = time.perf_counter()
    documents = build_documents(tables)
    written = time.perf_counter()
    return {
        "matches": len(tables.matches),
        "tables_s": round(built - started, 2),
        "xg_fit_and_fill_s": round(filled - built, 2),
        "documents_s": round(written - filled, 2),
        "documents": len(documents),
        "documents_per_s": round(len(documents) / (written - filled)),
        **{f"documents_{kind}": int(n) for kind, n in documents["doc_type"].value_counts().sort_index().items()},
        "mean_characters": round(float(documents["text"].str.len().mean())),
        "target": "tables + documents under 30 s on 2 cores",
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
