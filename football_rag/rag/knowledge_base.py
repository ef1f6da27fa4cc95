"""The release an answerer stands on, loaded once: tables, the Chroma collection, the embedder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chromadb.api.models.Collection import Collection

from football_rag.analytics.tables import MatchTables
from football_rag.config.settings import Settings
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.embeddings import Embedder, load_embedder
from football_rag.knowledge.hub import hub_from_settings
from football_rag.knowledge.index import open_index
from football_rag.knowledge.ingest import as_match_tables
from football_rag.knowledge.release import Manifest, read_manifest


class NoRelease(RuntimeError):
    """Nothing is published on the configured hub yet (or the pinned version is not there)."""


@dataclass(frozen=True)
class KnowledgeBase:
    version: str
    release_dir: Path
    manifest: Manifest
    tables: MatchTables
    collection: Collection
    embedder: Embedder


def load_knowledge_base(settings: Settings, version: str | None = None) -> KnowledgeBase:
    """Fetch release ``version`` (default: the hub's latest) and open its tables and index."""
    hub = hub_from_settings(settings)
    version = version or hub.latest_version()
    if not version:
        raise NoRelease("no release is published on the configured hub yet: run `football-rag build` first")
    try:
        release_dir = hub.fetch(version, settings.home / "fetched")
    except FileNotFoundError as exc:
        raise NoRelease(str(exc)) from None
    manifest = read_manifest(release_dir)
    collection, _ = open_index(release_dir, manifest, settings.home / "chroma", url=settings.chroma_url)
    return KnowledgeBase(
        version=version,
        release_dir=release_dir,
        manifest=manifest,
        tables=as_match_tables(read_tables(release_dir)),
        collection=collection,
        embedder=load_embedder(manifest.embedding_model or settings.embedding_model, settings.models_dir),
    )
