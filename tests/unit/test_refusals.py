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
        # round 16: fantasy prices and points, hometowns, youth and women's teams, a subject's word misspelt
        ("haaland fpl price", "fantasy (FPL) prices or points"),
        ("where is saka from", "hometowns"),
        ("chelsea u21s result", "youth, reserve or women's teams"),
        ("what bots does saka wear", "kits"),
        ("is saka injred", "not injuries"),
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
        # round 16: a look-alike is answered ("boost" is an English word, no slip of "boots"; "golden boot" is held)
        "For my fantasy team, how many shots did Saka have?",
        "Did Arsenal get a boost from the win?",
        "golden boot leader in december",
        "how many goals were scored in under 20 minutes",
    ],
)
def test_a_question_that_only_shares_a_word_is_not_refused(question: str) -> None:
    assert refusal(question) is None
