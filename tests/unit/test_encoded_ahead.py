"""An evaluation's retrieval queries encoded ahead in one batch, then served from memory."""

from __future__ import annotations

import numpy as np

from football_rag.knowledge.embeddings import encoded_ahead


class CountingEncoder:
    """Encodes a text as [its length, its first letter's code] and records every batch it was given."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        return np.array([[len(t), ord(t[0])] for t in texts], dtype=np.float32)


def test_texts_known_ahead_cost_one_batch_and_the_rest_are_encoded_once() -> None:
    encoder = CountingEncoder()
    encode = encoded_ahead(encoder, ["How did Arsenal win?", "Why did Spurs lose?", "How did Arsenal win?"])
    assert encoder.batches == [["How did Arsenal win?", "Why did Spurs lose?"]]

    np.testing.assert_array_equal(encode(["Why did Spurs lose?"]), [[19, ord("W")]])
    np.testing.assert_array_equal(encode(["Tell me about Leeds", "How did Arsenal win?"]), [[19, ord("T")], [20, 72]])
    encode(["Tell me about Leeds"])
    assert encoder.batches[1:] == [["Tell me about Leeds"]]


def test_nothing_ahead_encodes_nothing_until_asked() -> None:
    encoder = CountingEncoder()
    encode = encoded_ahead(encoder, [])
    assert encoder.batches == []
    assert encode(["Who won?"]).shape == (1, 2)
