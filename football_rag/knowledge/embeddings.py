"""Sentence embeddings of the documents, from the model ``FOOTBALL_RAG_EMBEDDING_MODEL`` names: a model cache entry
(the PyPI weight packages) or a HF model repo pinned to a revision (``config/model_source.py``).

``all-mpnet-base-v2`` (768-d) is the default; ``all-MiniLM-L6-v2`` (384-d) is the fast option. Vectors
are L2-normalised, so a dot product is the cosine similarity the index ranks by. A release stores
its vectors (the ``embeddings`` table: ``doc_id, text_sha256, embedding``) with the model name, so a
new version re-encodes only documents whose text changed, and a loader can rebuild an index
without the model.

Texts are cut at ``MAX_TOKENS`` word pieces, documents and questions alike: all-mpnet-base-v2 was trained
on 128-token inputs, and on these 2 cores encoding cost grows with length (2.5 documents/s at its 384
limit, 6.6 at 128, measured on 159 season documents), which made embedding most of a full build.

Short texts (questions, retrieval probes) are encoded on one thread: their matrices are too small to gain
from a second one, and when another process holds the other core each of the model's ~650 operations
waits for both threads to be scheduled. Measured on these 2 cores at load 3: one question 1.17 s on two
threads, 0.08 s on one; 40 probes 5.0 s against 0.9 s. Documents keep every thread.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from cachetools import LRUCache

from football_rag.config.model_cache import ModelCache
from football_rag.config.model_source import resolve_model
from football_rag.config.settings import get_settings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-mpnet-base-v2"
EMBEDDING_COLUMNS = ["doc_id", "text_sha256", "embedding"]
MAX_TOKENS = 128
# Texts all shorter than this are queries, not documents: encoded on one thread (see the module docstring).
SHORT_TEXT_CHARS = 300
QUERY_MEMO_SIZE = 4096  # ~12 MB of 768-d vectors


@dataclass(frozen=True)
class Embedder:
    """A sentence-transformers model, known by the value that names it and the revision of its weights."""

    name: str
    path: Path
    model: SentenceTransformer = field(repr=False)
    revision: str | None = None
    # Short texts (questions, probes) already encoded: a build's gate asks the candidate and the current release
    # the same probes and questions with this one model, and the app's users repeat questions.
    known_queries: LRUCache = field(default_factory=lambda: LRUCache(QUERY_MEMO_SIZE), repr=False, compare=False)
    memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def dimension(self) -> int:
        """Return the length of one vector."""
        return int(self.model.get_embedding_dimension())

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Return one L2-normalised float32 vector per text, shape ``(len(texts), dimension)``."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if not all(len(text) < SHORT_TEXT_CHARS for text in texts):
            return self._encode(texts, batch_size, threads=None)
        with self.memo_lock:  # the app encodes from several threads
            found = {text: self.known_queries.get(text) for text in dict.fromkeys(texts)}
        missing = [text for text, vector in found.items() if vector is None]
        if missing:
            fresh = dict(zip(missing, self._encode(missing, batch_size, threads=1), strict=True))
            found.update(fresh)
            with self.memo_lock:
                self.known_queries.update(fresh)
        return np.stack([found[text] for text in texts])

    def _encode(self, texts: Sequence[str], batch_size: int, threads: int | None) -> np.ndarray:
        with _torch_threads(threads):
            vectors = self.model.encode(
                list(texts),
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


@contextmanager
def _torch_threads(threads: int | None) -> Iterator[None]:
    """Run the block with torch limited to ``threads`` intra-op threads (None: as configured), then restore."""
    import torch

    configured = torch.get_num_threads()
    torch.set_num_threads(threads or configured)
    try:
        yield
    finally:
        torch.set_num_threads(configured)


def load_embedder(name: str = DEFAULT_MODEL, models_dir: Path | None = None) -> Embedder:
    """Return the embedder ``name`` (a cache name, ``hf://owner/repo@revision`` or a folder), on the CPU."""
    # One model in memory per cache folder, however the caller names it (the build's steps share one process).
    return open_embedder(name, Path(models_dir or get_settings().models_dir).resolve())


@lru_cache(maxsize=2)
def open_embedder(name: str, models_dir: Path) -> Embedder:
    """Return the embedder ``name`` resolved in the model cache ``models_dir``, loaded once per process."""
    from sentence_transformers import SentenceTransformer

    resolved = resolve_model(name, ModelCache(models_dir))
    model = SentenceTransformer(str(resolved.path), device="cpu")
    model.max_seq_length = MAX_TOKENS
    return Embedder(name=name, path=resolved.path, model=model, revision=resolved.revision)


def encoded_ahead(encode: Callable[[list[str]], np.ndarray], texts: Sequence[str]) -> Callable[[list[str]], np.ndarray]:
    """Return ``encode`` with ``texts`` encoded ahead in one batch and every text it encodes kept in memory.

    An evaluation knows its retrieval queries before it asks them: one batch of 23 questions costs about
    what two single calls do, since each call pays the model's fixed cost per operation. Meant for one
    evaluation's lifetime (what it keeps grows with the distinct texts asked).
    """
    ahead = list(dict.fromkeys(texts))
    known: dict[str, np.ndarray] = dict(zip(ahead, encode(ahead), strict=True)) if ahead else {}

    def encode_known(queries: list[str]) -> np.ndarray:
        missing = [q for q in dict.fromkeys(queries) if q not in known]
        if missing:
            known.update(zip(missing, encode(missing), strict=True))
        return np.stack([known[q] for q in queries])

    return encode_known


def text_sha256(text: str) -> str:
    """Return the hex sha256 of a document's text, the key that decides whether it must be re-encoded."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_documents(
    documents: pd.DataFrame, embedder: Embedder, previous: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, int]:
    """Return the ``embeddings`` table for ``documents`` (same row order) and how many texts were encoded.

    A previous vector is re-used when its ``doc_id`` and ``text_sha256`` both match; ``previous`` must
    come from the same model (the caller checks the release's ``embedding_model``).
    """
    hashes = [text_sha256(text) for text in documents["text"]]
    known: dict[tuple[str, str], np.ndarray] = {}
    if previous is not None and not previous.empty:
        known = {
            (doc_id, sha): np.asarray(vector, dtype=np.float32)
            for doc_id, sha, vector in zip(
                previous["doc_id"], previous["text_sha256"], previous["embedding"], strict=True
            )
        }
    keys = list(zip(documents["doc_id"], hashes, strict=True))
    todo = [i for i, key in enumerate(keys) if key not in known]
    fresh = embedder.encode([documents["text"].iloc[i] for i in todo])
    vectors: list[np.ndarray] = [known.get(key) for key in keys]
    for row, vector in zip(todo, fresh, strict=True):
        vectors[row] = vector
    log.info(
        "embedded %d of %d documents with %s (%d re-used)", len(todo), len(keys), embedder.name, len(keys) - len(todo)
    )
    table = pd.DataFrame({"doc_id": documents["doc_id"].tolist(), "text_sha256": hashes, "embedding": vectors})
    return table, len(todo)


def embedding_matrix(embeddings: pd.DataFrame) -> np.ndarray:
    """Return the ``embedding`` column as one float32 matrix, one row per document."""
    if embeddings.empty:
        return np.zeros((0, 0), dtype=np.float32)
    return np.vstack([np.asarray(v, dtype=np.float32) for v in embeddings["embedding"]])
