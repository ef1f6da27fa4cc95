"""What the data cannot answer is refused with why; a question that only shares a word with those is not."""

from __future__ import annotations

import pytest

from football_rag.rag.refusals import refusal


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("What are the odds on Arsenal winning the league?", "what will happen"),
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
