"""Cutting retrieved documents to the sentences a question is about, on documents of a real match."""

from __future__ import annotations

import pytest

from football_rag.analytics.tables import build_tables
from football_rag.data.parsers import parse_file
from football_rag.knowledge.documents import build_documents
from football_rag.rag.retrieval import _naming_words, _sentences, focus
from tests.conftest import SEASON_DATA, require

ARSENAL_SPURS = "1903228"


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    parsed = parse_file(require(SEASON_DATA / "whoscored" / f"{ARSENAL_SPURS}.json.gz"))
    table = build_documents(build_tables([parsed]))
    return dict(zip(table["doc_id"], table["text"], strict=True))


def test_the_sentence_the_question_is_about_is_kept_within_the_budget(documents: dict[str, str]) -> None:
    texts = [documents[f"team_match:{ARSENAL_SPURS}:home"], documents[f"players:{ARSENAL_SPURS}"]]
    pressing = [s for s in _sentences(texts[0]) if "pressed" in s]
    assert len(pressing) == 1
    ignore = _naming_words([{"teams": "Arsenal, Tottenham"}])
    kept = focus(texts, "How did Arsenal press against Tottenham in November?", 400, ignore)
    assert pressing[0] in kept[0]
    assert sum(len(text) for text in kept) <= 400
    for text, original in zip(kept, texts, strict=True):
        assert all(sentence in _sentences(original) for sentence in _sentences(text))


def test_a_question_without_cue_words_gets_the_opening_of_the_nearest_document(documents: dict[str, str]) -> None:
    texts = [documents[f"match:{ARSENAL_SPURS}"], documents[f"team_match:{ARSENAL_SPURS}:away"]]
    kept = focus(texts, "Summarise Arsenal vs Tottenham.", 400, _naming_words([{"teams": "Arsenal, Tottenham"}]))
    assert kept[0].startswith(_sentences(texts[0])[0]) and kept[1] == ""
    assert focus(texts, "anything", 10**6) == [" ".join(_sentences(texts[0])), ""]
