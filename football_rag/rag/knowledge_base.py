"""The release an answerer stands on, loaded once: tables, the Chroma collection, the embedder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chromadb.api.models.Collection import Collection

from football_rag.analytics.tables import MatchTables
from football_rag.config.settings import Settings
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.embeddings import Embedder, load_embedder
from football_rag.knowledge.hub import fetch_release
from football_rag.knowledge.index import open_index
from football_rag.knowledge.ingest import as_match_tables
from football_rag.knowledge.release import Manifest, read_manifest

NOTHING_PUBLISHED = "no release is published on the configured hub yet: run `football-rag build` first"


class NoRelease(RuntimeError):
    """No usable release on the configured hub: none published yet, the pinned one absent or damaged."""


@dataclass(frozen=True)
class KnowledgeBase:
    version: str
    release_dir: Path
    manifest: Manifest
    tables: MatchTables
    collection: Collection
    embedding_model: str
    models_dir: Path

    @property
    def embedder(self) -> Embedder:
        """The release's embedder, loaded on first use: fact answers never need it, and it costs a torch import."""
        return load_embedder(self.embedding_model, self.models_dir)


def load_knowledge_base(settings: Settings, version: str | None = None) -> KnowledgeBase:
    """Fetch release ``version`` (default: the hub's latest), check it, and open its tables and index."""
    try:
        release_dir = fetch_release(settings, version)
    except FileNotFoundError as exc:
        raise NoRelease(str(exc) if version else NOTHING_PUBLISHED) from None
    except ValueError as exc:  # the fetched files differ from the manifest
        raise NoRelease(str(exc)) from None
    manifest = read_manifest(release_dir)
    collection, _ = open_index(release_dir, manifest, settings.home / "chroma", url=settings.chroma_url)
    return KnowledgeBase(
        version=manifest.version,
        release_dir=release_dir,
        manifest=manifest,
        tables=as_match_tables(read_tables(release_dir)),
        collection=collection,
        embedding_model=manifest.embedding_model or settings.embedding_model,
        models_dir=settings.models_dir,
    )
