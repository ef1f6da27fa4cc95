"""What the data cannot answer is refused with why; a question that only shares a word with those is not. The
refusals are ``held``'s one model of what is held (here over tables of no match: the words alone decide)."""

from __future__ import annotations

import pytest

from football_rag.analytics.tables import build_tables
from football_rag.rag.held import Holdings

refusal = Holdings(build_tables([])).refusal


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # betting odds are a subject of their own (the app said so before the families joined ``held``)
        ("What are the odds on Arsenal winning the league?", "betting odds"),
        ("Who will win the title?", "what will happen"),
        ("How much was the transfer fee for Eze?", "not transfers"),
        ("Is Saka injured?", "not injuries"),
    ],
)
def test_what_the_data_cannot_answer_is_refused_with_why(question: str, reason: str) -> None:
    assert reason in (refusal(question) or "")


@pytest.mark.parametrize(
    "question",
    [
        "How did Sunderland beat Chelsea against the odds?",
        "Did Will Osula score against Arsenal?",
        "Was the Emirates sold out for Arsenal v Spurs?",
        "Who won the Premier League game on 2025-12-01?",
    ],
)
def test_a_question_that_only_shares_a_word_is_not_refused(question: str) -> None:
    assert refusal(question) is None
