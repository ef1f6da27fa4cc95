"""One answerer per process, built from the pinned release: the CLI, the app and the evaluator share it."""

from __future__ import annotations

import threading

from football_rag.config.settings import Settings
from football_rag.rag.answerer import Answerer
from football_rag.rag.knowledge_base import KnowledgeBase, load_knowledge_base
from football_rag.rag.llm import get_llm
from football_rag.rag.tracing import Tracer

_LOCK = threading.Lock()
_ANSWERERS: dict[tuple[str | None, bool], Answerer] = {}


def build_answerer(kb: KnowledgeBase, settings: Settings, with_llm: bool = True) -> Answerer:
    """An answerer over the knowledge base; the LLM loads lazily, on the first narrative question."""
    return Answerer(
        kb.tables,
        collection=kb.collection,
        encode=lambda texts: kb.embedder.encode(texts),
        llm=get_llm(settings.llm) if with_llm else None,
        tracer=Tracer(),
    )


def answerer_for(settings: Settings, version: str | None = None, with_llm: bool = True) -> Answerer:
    """The process's answerer for ``version`` (default the hub's latest), loaded once."""
    key = (version, with_llm)
    with _LOCK:
        if key not in _ANSWERERS:
            _ANSWERERS[key] = build_answerer(load_knowledge_base(settings, version), settings, with_llm)
        return _ANSWERERS[key]
