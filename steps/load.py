"""Load a published release's tables, for the pipelines that work on an existing version."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
from zenml import step

from football_rag.config.settings import get_settings
from football_rag.evaluation.eval_set import EVAL_SET_TABLE
from football_rag.knowledge.datasets import TableSet, read_tables
from football_rag.knowledge.index import IndexHandle, open_index
from football_rag.knowledge.release import release_store
from steps.materializers import TableSetMaterializer


@step(enable_cache=False, output_materializers={"release_tables": TableSetMaterializer})
def load_release(
    version: str | None = None,
) -> tuple[
    Annotated[TableSet, "release_tables"],
    Annotated[pd.DataFrame, "documents"],
    Annotated[str, "version"],
]:
    """Return the match tables of release ``version`` (default the latest), its documents, and its version id."""
    store = release_store(get_settings())
    chosen = version or store.latest_version()
    if chosen is None:
        raise FileNotFoundError(f"no release under {store.root}: run the retrain pipeline first")
    tables = TableSet(read_tables(store.path(chosen)))
    documents = tables.pop("documents")
    tables.pop("embeddings", None)
    tables.pop(EVAL_SET_TABLE, None)
    return tables, documents, chosen


@step(enable_cache=False)
def open_release_index(version: str) -> Annotated[IndexHandle, "index"]:
    """Return a handle on the release's index, copied or rebuilt from its stored vectors (``open_index``)."""
    settings = get_settings()
    store = release_store(settings)
    _collection, handle = open_index(
        store.path(version), store.manifest(version), settings.home / "index_cache", settings.chroma_url
    )
    return handle
