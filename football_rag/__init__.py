"""Football RAG Intelligence: post-match analysis grounded in event data."""

__version__ = "0.1.0"
