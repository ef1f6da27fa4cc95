"""The release an answerer stands on, loaded once: tables, the Chroma collection, the embedder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chromadb.api.models.Collection import Collection

from football_rag.analytics.tables import MatchTables
from football_rag.config.model_cache import ModelCache, ModelsUnavailable
from football_rag.config.model_source import model_name, resolve_model
from football_rag.config.settings import Settings
from football_rag.knowledge.embeddings import Embedder, load_embedder
from football_rag.knowledge.hub import fetch_release
from football_rag.knowledge.index import open_index
from football_rag.knowledge.release import Manifest, read_manifest
from football_rag.knowledge.rows_on_disk import served_tables

NOTHING_PUBLISHED = "no release is published on the configured hub yet: run `football-rag build` first"


class NoRelease(RuntimeError):
    """No usable release on the configured hub: none published yet, the pinned one absent or damaged."""


class EmbedderMismatch(NoRelease):
    """The configured embedder is not the one the release was indexed with: its queries would miss every document."""


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
    """Fetch release ``version`` (default: the hub's latest), check it, and open its tables (the events read by match
    on demand: ``rows_on_disk``) and index."""
    try:
        release_dir = fetch_release(settings, version)
    except FileNotFoundError as exc:
        raise NoRelease(str(exc) if version else NOTHING_PUBLISHED) from None
    except ValueError as exc:  # the fetched files differ from the manifest
        raise NoRelease(str(exc)) from None
    manifest = read_manifest(release_dir)
    embedder = release_embedder(manifest, settings)
    collection, _ = open_index(release_dir, manifest, settings.home / "chroma", url=settings.chroma_url)
    return KnowledgeBase(
        version=manifest.version,
        release_dir=release_dir,
        manifest=manifest,
        tables=served_tables(release_dir),
        collection=collection,
        embedding_model=embedder,
        models_dir=settings.models_dir,
    )


def release_embedder(manifest: Manifest, settings: Settings) -> str:
    """Return the embedder the release's queries are encoded with, after checking it is the one that indexed it.

    ``FOOTBALL_RAG_EMBEDDING_MODEL`` when set (its source: the PyPI packages or a HF model repo), else the one
    the manifest names. Its name and revision must be the manifest's (``embedding_model``, ``embedding_revision``;
    a release made before revisions were recorded is checked by name). The model is resolved here, so a HF
    model is downloaded when the release loads, not at the first narrative question. Raise EmbedderMismatch
    when it is another model, ModelsUnavailable when it cannot be had.
    """
    recorded = manifest.embedding_model
    configured = settings.embedding_model if "embedding_model" in settings.model_fields_set else recorded
    if not (recorded and configured):
        return configured or settings.embedding_model
    try:
        resolved = resolve_model(configured, ModelCache(settings.models_dir))
    except (FileNotFoundError, KeyError) as exc:
        raise ModelsUnavailable(f"models unavailable: the release's embedder {configured}: {exc}") from None
    if model_name(configured) != model_name(recorded) or manifest.embedding_revision not in (None, resolved.revision):
        raise EmbedderMismatch(
            f"release {manifest.version} was indexed with the embedder {recorded} (revision "
            f"{manifest.embedding_revision or 'not recorded'}), but FOOTBALL_RAG_EMBEDDING_MODEL is {configured} "
            f"(revision {resolved.revision or 'unknown'}): questions must be embedded by the model that indexed "
            f"the documents; set FOOTBALL_RAG_EMBEDDING_MODEL to {recorded} (or leave it unset), or serve a release "
            "built with this embedder"
        )
    return configured
