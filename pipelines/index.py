"""A release's tables -> documents -> embeddings -> its Chroma collection (folder, and server when configured)."""

from zenml import pipeline

from steps.index import embed, index_documents, write_documents
from steps.load import load_release


@pipeline
def index(version: str | None = None) -> None:
    """1. load the release (default the latest)
    2. documents from its tables
    3. embeddings (vectors of unchanged documents re-used)
    4. the Chroma collection
    """
    tables, _documents, loaded = load_release(version=version)
    documents = write_documents(tables, loaded)
    embeddings = embed(documents, loaded)
    index_documents(documents, embeddings, loaded)
