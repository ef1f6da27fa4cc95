"""The embedder's thread policy on real documents: questions on one thread, documents on all, the same vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from football_rag.analytics.tables import build_tables
from football_rag.config.settings import get_settings
from football_rag.data.parsers import parse_file
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.embeddings import SHORT_TEXT_CHARS, Embedder, load_embedder
from tests.conftest import cached_model

EMBEDDER = "all-MiniLM-L6-v2"
QUESTION = "How did Arsenal create chances against Leeds?"
MATCH = "1903128"  # Arsenal 5-0 Leeds


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    cached_model(EMBEDDER)
    models = get_settings().models_dir.absolute()
    return load_embedder(EMBEDDER, models)


@pytest.fixture(scope="module")
def long_document(season_dir: Path) -> str:
    documents = build_documents(build_tables([parse_file(season_dir / "whoscored" / f"{MATCH}.json.gz")]))
    return str(documents.loc[documents["text"].str.len().idxmax(), "text"])


def test_a_question_on_one_thread_gets_the_vector_a_batch_on_every_thread_gives(
    embedder: Embedder, long_document: str
) -> None:
    assert len(QUESTION) < SHORT_TEXT_CHARS <= len(long_document)
    threads = torch.get_num_threads()
    alone = embedder.encode([QUESTION])
    assert torch.get_num_threads() == threads  # restored after the one-thread encode
    with_document = embedder.encode([QUESTION, long_document])
    assert alone.shape == (1, embedder.dimension)
    np.testing.assert_allclose(alone[0], with_document[0], atol=1e-5)
    assert float(with_document[0] @ with_document[1]) < 0.99  # two different texts, two different vectors


def test_a_question_asked_again_is_not_encoded_again(embedder: Embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    other = "Who scored for Leeds against Arsenal?"
    assert other not in embedder.known_queries
    first = embedder.encode([QUESTION])
    calls: list[list[str]] = []
    real = embedder.model.encode
    monkeypatch.setattr(embedder.model, "encode", lambda texts, **kw: calls.append(list(texts)) or real(texts, **kw))
    again = embedder.encode([QUESTION, other, QUESTION])
    assert calls == [[other]]  # only the new text reaches the model, once
    np.testing.assert_array_equal(again[0], first[0])
    np.testing.assert_array_equal(again[2], first[0])
    np.testing.assert_allclose(again[1], real([other], normalize_embeddings=True)[0], atol=1e-5)
