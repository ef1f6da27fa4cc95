"""The Chroma index of the documents: built from stored vectors, opened from a release, embedded or served.

``chroma_client`` is the one place that chooses the client: a ``PersistentClient`` on a folder (the
embedded default) or an ``HttpClient`` when a server URL is configured (``FOOTBALL_RAG_CHROMA_URL``).
Every document's metadata columns go along as Chroma metadata (scalars only: str, int, float, bool),
so retrieval can filter on ``match_id``, teams, dates and the like.

Chroma's on-disk format is tied to its version (ENVIRONMENT.md). ``open_index`` therefore never reads a
release's ``index/`` folder written by another Chroma version: it rebuilds the collection from the
release's ``embeddings`` table, as it does when the folder is missing or empty, and it works on a copy
so the published release stays byte-for-byte what its manifest says.
"""

from __future__ import annotations

import logging
import math
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np
import pandas as pd
from pydantic import BaseModel

from football_rag.data.atomic_files import folder_lock
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.embeddings import embedding_matrix

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from football_rag.knowledge.release import Manifest

log = logging.getLogger(__name__)

INDEX_DIR = "index"
COLLECTION_PREFIX = "match_documents"
# Columns that are the document itself, not metadata to filter on.
CONTENT_COLUMNS = ("doc_id", "text")
READY_MARKER = ".football_rag_ready"


class IndexHandle(BaseModel):
    """Where a version's collection lives (a Chroma folder, a server, or both) and what it holds."""

    version: str
    collection: str
    path: str | None
    url: str | None = None
    documents: int
    embedding_model: str
    embedding_dim: int
    chromadb_version: str
    embedding_revision: str | None = None
    rebuilt: bool = False


def chromadb_version() -> str:
    """Return the installed Chroma version (recorded in every release)."""
    import chromadb

    return chromadb.__version__


def collection_name(version: str) -> str:
    """Return the collection name of a release: one per version, so a shared server can hold several."""
    return f"{COLLECTION_PREFIX}_{version}"


def chroma_client(path: Path | None = None, url: str | None = None) -> ClientAPI:
    """Return an HttpClient for ``url`` when given, else a PersistentClient on ``path``; telemetry off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    quiet = ChromaSettings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url)
        https = parsed.scheme == "https"
        port = parsed.port or (443 if https else 8000)
        return chromadb.HttpClient(host=parsed.hostname or "127.0.0.1", port=port, ssl=https, settings=quiet)
    if path is None:
        raise ValueError("a Chroma folder or a server URL is needed")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=quiet)


def scalar_metadata(row: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    """Return the row's values Chroma can store and filter on; None, NaN, lists and dicts are left out."""
    metadata: dict[str, str | int | float | bool] = {}
    for key, value in row.items():
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, bool | int | str) or (isinstance(value, float) and not math.isnan(value)):
            metadata[key] = value
        elif isinstance(value, datetime | date | pd.Timestamp):
            metadata[key] = value.isoformat()
    return metadata


def build_collection(client: ClientAPI, name: str, documents: pd.DataFrame, embeddings: pd.DataFrame) -> Collection:
    """(Re)create collection ``name`` holding every document with its stored vector and scalar metadata.

    ``embeddings`` is the release's table (``doc_id, embedding``); it is aligned to ``documents`` by
    ``doc_id``, and a document without a vector is an error. Return the collection.
    """
    if name in {c.name for c in client.list_collections()}:
        client.delete_collection(name)
    collection = client.create_collection(name, metadata={"hnsw:space": "cosine"}, embedding_function=None)
    _write(collection.add, documents, embeddings, client.get_max_batch_size())
    log.info("collection %s holds %d documents", name, collection.count())
    return collection


def _write(write: Callable[..., None], documents: pd.DataFrame, embeddings: pd.DataFrame, batch: int) -> None:
    """Write ``documents`` with their vectors (aligned by ``doc_id``) and scalar metadata through ``write`` (a
    collection's ``add`` or ``upsert``), ``batch`` at a time; raise when a document has no vector."""
    vectors = embeddings.set_index("doc_id").reindex(documents["doc_id"])
    missing = vectors["embedding"].isna()
    if missing.any():
        raise ValueError(f"{int(missing.sum())} documents have no embedding, e.g. {vectors.index[missing][0]}")
    if documents.empty:
        return
    matrix = embedding_matrix(vectors.reset_index())
    meta_columns = [c for c in documents.columns if c not in CONTENT_COLUMNS]
    metadatas = [scalar_metadata(row) or None for row in documents[meta_columns].to_dict("records")]
    ids, texts = documents["doc_id"].astype(str).tolist(), documents["text"].tolist()
    for start in range(0, len(ids), batch):
        stop = start + batch
        write(ids=ids[start:stop], embeddings=matrix[start:stop], documents=texts[start:stop],
              metadatas=metadatas[start:stop])  # fmt: skip


@dataclass(frozen=True)
class PreviousIndex:
    """The latest release's collection folder and the tables it was built from: the start of the next one."""

    folder: Path
    collection: str
    documents: pd.DataFrame
    embeddings: pd.DataFrame


def previous_index(
    release_dir: Path, manifest: Manifest, embedding_model: str, embedding_revision: str | None
) -> PreviousIndex | None:
    """Return the release's index to start the next version's from, or None when it cannot be (another Chroma
    version's files, another embedding model or revision, no index folder)."""
    folder = release_dir / INDEX_DIR
    usable = (
        manifest.chromadb_version == chromadb_version()
        and manifest.embedding_model == embedding_model
        and manifest.embedding_revision in (None, embedding_revision)
        and manifest.collection is not None
        and folder.is_dir()
        and any(folder.iterdir())
    )
    if not usable:
        return None
    tables = read_tables(release_dir, ["documents", "embeddings"])
    return PreviousIndex(folder, str(manifest.collection), tables["documents"], tables["embeddings"])


def changed_documents(
    previous: PreviousIndex, documents: pd.DataFrame, embeddings: pd.DataFrame
) -> tuple[list[str], list[str]]:
    """Return the ids whose text, metadata or vector differ from ``previous`` (or are new), and the ids it held that
    ``documents`` no longer do."""
    before, after = _signatures(previous.documents, previous.embeddings), _signatures(documents, embeddings)
    changed = [doc_id for doc_id, signature in after.items() if before.get(doc_id) != signature]
    return changed, [doc_id for doc_id in before if doc_id not in after]


def _signatures(documents: pd.DataFrame, embeddings: pd.DataFrame) -> dict[str, tuple[object, ...]]:
    """Return each document's text, scalar metadata and vector key (``text_sha256``), by ``doc_id``."""
    vector_keys = dict(zip(embeddings["doc_id"], embeddings["text_sha256"], strict=True))
    meta_columns = [c for c in documents.columns if c not in CONTENT_COLUMNS]
    return {
        str(doc_id): (text, tuple(sorted(scalar_metadata(meta).items())), vector_keys.get(doc_id))
        for doc_id, text, meta in zip(
            documents["doc_id"], documents["text"], documents[meta_columns].to_dict("records"), strict=True
        )
    }


def update_collection(
    previous: PreviousIndex, folder: Path, name: str, documents: pd.DataFrame, embeddings: pd.DataFrame
) -> Collection:
    """Build collection ``name`` in ``folder`` as a copy of ``previous`` with the changed documents written again and
    the removed ones deleted: a week's build writes its new matches, not the whole season (see ``build_collection``).
    """
    changed, removed = changed_documents(previous, documents, embeddings)
    shutil.copytree(previous.folder, folder)
    client = chroma_client(path=folder)
    collection = client.get_collection(previous.collection, embedding_function=None)
    collection.modify(name=name)
    if removed:
        collection.delete(ids=removed)
    rows = documents["doc_id"].astype(str).isin(set(changed))
    _write(collection.upsert, documents[rows], embeddings, client.get_max_batch_size())
    log.info("collection %s: %d documents written again, %d deleted, %d kept", name, len(changed), len(removed),
             collection.count() - len(changed))  # fmt: skip
    return collection


def build_index(
    documents: pd.DataFrame,
    embeddings: pd.DataFrame,
    version: str,
    embedding_model: str,
    folder: Path,
    url: str | None,
    embedding_revision: str | None = None,
    previous: PreviousIndex | None = None,
) -> IndexHandle:
    """Build the version's collection in ``folder`` (the release's copy), from ``previous`` when given, and, with
    ``url``, on that server too."""
    name = collection_name(version)
    shutil.rmtree(folder, ignore_errors=True)
    if previous is not None:
        update_collection(previous, folder, name, documents, embeddings)
    else:
        build_collection(chroma_client(path=folder), name, documents, embeddings)
    if url:
        build_collection(chroma_client(url=url), name, documents, embeddings)
    return IndexHandle(
        version=version,
        collection=name,
        path=str(folder),
        url=url,
        documents=len(documents),
        embedding_model=embedding_model,
        embedding_revision=embedding_revision,
        embedding_dim=int(embedding_matrix(embeddings).shape[1]),
        chromadb_version=chromadb_version(),
    )


def open_handle(handle: IndexHandle) -> Collection:
    """Return the collection a handle names: on its server when it has one, else in its folder."""
    if handle.url is None and handle.path is None:
        raise ValueError(f"index handle of {handle.version} names neither a server nor a folder")
    client = chroma_client(url=handle.url) if handle.url else chroma_client(path=Path(handle.path))
    return client.get_collection(handle.collection, embedding_function=None)


def open_index(
    release_dir: Path, manifest: Manifest, work_root: Path, url: str | None = None
) -> tuple[Collection, IndexHandle]:
    """Return the release's collection, ready to query, and a handle saying where it lives.

    With ``url`` the collection lives on that Chroma server: it is used when it holds every document,
    else rebuilt there from the stored vectors. Without, it lives in ``work_root/<version>-chroma<v>``:
    a copy of the release's ``index/`` when that folder was written by this Chroma version and is not
    empty, else a collection rebuilt from the stored vectors. The release folder is never written.
    """
    name = manifest.collection or collection_name(manifest.version)
    expected = manifest.row_counts.get("documents")
    handle = IndexHandle(
        version=manifest.version,
        collection=name,
        path=None,
        url=url,
        documents=expected or 0,
        embedding_model=manifest.embedding_model or "",
        embedding_revision=manifest.embedding_revision,
        embedding_dim=manifest.embedding_dim or 0,
        chromadb_version=chromadb_version(),
    )
    if url:
        client = chroma_client(url=url)
        if name in {c.name for c in client.list_collections()}:
            collection = client.get_collection(name, embedding_function=None)
            if collection.count() == expected:
                return collection, handle
        return _rebuild(client, name, release_dir), handle.model_copy(update={"rebuilt": True})
    work = work_root / f"{manifest.version}-chroma{chromadb_version()}"
    # two processes opening one release build its copy once
    with folder_lock(work_root):
        if not (work / READY_MARKER).is_file():
            _materialise(release_dir, manifest, work, name)
    rebuilt = (work / READY_MARKER).read_text().strip() == "rebuilt"
    collection = chroma_client(path=work).get_collection(name, embedding_function=None)
    return collection, handle.model_copy(update={"path": str(work), "rebuilt": rebuilt})


def _materialise(release_dir: Path, manifest: Manifest, work: Path, name: str) -> None:
    """Fill ``work`` with a usable Chroma folder for the release (copied or rebuilt), then mark it ready."""
    source = release_dir / INDEX_DIR
    same_version = manifest.chromadb_version == chromadb_version()
    has_files = source.is_dir() and any(source.iterdir())
    work.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{work.name}.", dir=work.parent))
    try:
        if same_version and has_files:
            shutil.copytree(source, staged, dirs_exist_ok=True)
            how = "copied"
        else:
            log.warning(
                "rebuilding the index of %s from its embeddings (written by chromadb %s, installed %s, index files %s)",
                manifest.version,
                manifest.chromadb_version,
                chromadb_version(),
                "present" if has_files else "missing",
            )
            _rebuild(chroma_client(path=staged), name, release_dir)
            how = "rebuilt"
        (staged / READY_MARKER).write_text(how + "\n")
        shutil.rmtree(work, ignore_errors=True)
        staged.rename(work)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _rebuild(client: ClientAPI, name: str, release_dir: Path) -> Collection:
    """Build collection ``name`` from the release's ``documents`` and ``embeddings`` tables."""
    tables = read_tables(release_dir, ["documents", "embeddings"])
    return build_collection(client, name, tables["documents"], tables["embeddings"])
