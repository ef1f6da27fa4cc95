"""Knowledge: the documents retrieval searches, the stored tables, embeddings, the index and releases."""
