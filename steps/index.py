"""Index steps: documents from the tables, their embeddings (re-using the parent's), the Chroma collection."""

from __future__ import annotations

import time
from typing import Annotated

import pandas as pd
from zenml import step

from football_rag.config.model_source import resolve_model
from football_rag.config.settings import get_settings
from football_rag.knowledge.datasets import TableSet, read_tables
from football_rag.knowledge.document_updates import parent_documents, week_documents
from football_rag.knowledge.embeddings import EMBEDDING_COLUMNS, embed_documents, load_embedder
from football_rag.knowledge.index import IndexHandle, build_index, previous_index
from football_rag.knowledge.ingest import IngestReport, as_match_tables
from football_rag.knowledge.release import release_store
from steps.tracking import track


@step(experiment_tracker=True)
def write_documents(
    tables: TableSet, version: str | None, report: IngestReport | None = None, xg_report: dict | None = None
) -> Annotated[pd.DataFrame, "documents"]:
    """Return one row per retrievable document (``doc_id``, ``text``, metadata columns).

    With the ingest's report (and the xG step's), only the documents of the matches whose rows changed are written
    and the rest taken from the parent release, when the same code wrote its documents (``document_updates``).
    """
    if version is None:
        return pd.DataFrame(columns=["doc_id", "text"])
    started = time.perf_counter()
    previous = parent_documents(release_store(get_settings()), report.parent) if report else None
    changed = {*report.new_match_ids, *report.replaced_match_ids} if report else set()
    changed |= set((xg_report or {}).get("scored_matches", []))
    documents, written = week_documents(as_match_tables(tables), previous, changed)
    lengths = documents["text"].str.len()
    track(
        params={"index.documents_from": report.parent if previous is not None else "nothing (all written)"},
        metrics={
            "index.documents": len(documents),
            "index.documents_written": written,
            "index.document_chars_mean": float(lengths.mean()) if len(documents) else 0.0,
            "index.document_chars_max": int(lengths.max()) if len(documents) else 0,
            "index.seconds.documents": round(time.perf_counter() - started, 3),
        },
    )
    return documents


@step(experiment_tracker=True)
def embed(documents: pd.DataFrame, version: str | None) -> Annotated[pd.DataFrame, "embeddings"]:
    """Return the embeddings table; unchanged documents keep the latest release's vectors when its model is ours
    (the same name and revision)."""
    if version is None:
        return pd.DataFrame(columns=EMBEDDING_COLUMNS)
    settings = get_settings()
    latest = release_store(settings).latest()
    previous = None
    started = time.perf_counter()
    embedder = load_embedder(settings.embedding_model)
    loaded = time.perf_counter()
    # A release from before revisions were recorded was embedded from the model cache, the only source then.
    if (
        latest is not None
        and latest.embedding_model == embedder.name
        and latest.embedding_revision in (None, embedder.revision)
    ):
        previous = read_tables(release_store(settings).path(latest.version), ["embeddings"])["embeddings"]
    table, encoded = embed_documents(documents, embedder, previous)
    seconds = time.perf_counter() - loaded
    track(
        params={"index.embedding_model": embedder.name, "index.embedding_dim": embedder.dimension},
        metrics={
            "index.embedded": encoded,
            "index.embeddings_reused": len(table) - encoded,
            "index.seconds.model_load": round(loaded - started, 3),
            "index.seconds.encode": round(seconds, 3),
            "index.encoded_per_s": round(encoded / seconds, 1) if encoded and seconds else 0.0,
        },
    )
    return table


# Not cached: the collection lives outside the artifact store (a folder the release step consumes, a server).
@step(experiment_tracker=True, enable_cache=False)
def index_documents(
    documents: pd.DataFrame, embeddings: pd.DataFrame, version: str | None
) -> Annotated[IndexHandle | None, "index"]:
    """Build the version's Chroma collection (its own folder, and the configured server when there is one), from
    the latest release's when it can (the same Chroma version and embedder): only the changed documents are written."""
    if version is None:
        return None
    settings = get_settings()
    started = time.perf_counter()
    store = release_store(settings)
    folder = store.work_dir(version) / "index"
    revision = resolve_model(settings.embedding_model).revision  # the embed step's model, resolved again
    latest = store.latest()
    previous = (
        previous_index(store.path(latest.version), latest, settings.embedding_model, revision) if latest else None
    )
    handle = build_index(
        documents, embeddings, version, settings.embedding_model, folder, settings.chroma_url, revision, previous
    )
    track(
        params={
            "index.collection": handle.collection,
            "index.chroma_server": handle.url or "none",
            "index.built_from": previous.collection if previous else "nothing (a full build)",
        },
        metrics={
            "index.collection_size": handle.documents,
            "index.seconds.build": round(time.perf_counter() - started, 3),
        },
    )
    return handle
