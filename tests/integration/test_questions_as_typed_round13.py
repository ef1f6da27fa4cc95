"""Fact questions asked as people type them, thirteenth round: a goal's assister asked as where its pass came from
("the pass for Mount's goal came from who", "where did the ball for Isak's goal come from") or with chat after it
("X's goal v Spurs - assister haha", "... ta very much", "... if u know").

Expected assisters are read here from the raw WhoScored files and the season's match index, never from the tables
the answers read.
"""

from __future__ import annotations

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.typed_words import without_padding
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round11a import assister, on_day

SPURS_LIVERPOOL = ("Tottenham", "Liverpool", "2025-12-20")
UTD_SUNDERLAND = ("Man Utd", "Sunderland", "2025-10-04")

# --- a goal's assister asked as where its pass came from, or with chat after it ------------------------------------


@pytest.mark.parametrize(
    ("question", "scorer", "meeting"),
    [
        ("the pass for isak's goal against spurs came from who", "Alexander Isak", SPURS_LIVERPOOL),
        ("who did the pass for isak's goal v tottenham come from", "Alexander Isak", SPURS_LIVERPOOL),
        ("where did the ball for isaks goal at spurs come from", "Alexander Isak", SPURS_LIVERPOOL),
        ("the cross 4 isak's goal v spurs came from who haha", "Alexander Isak", SPURS_LIVERPOOL),
        ("isak's goal v spurs - assister ta very much", "Alexander Isak", SPURS_LIVERPOOL),
        ("isak goal at spurs, assiter haha", "Alexander Isak", SPURS_LIVERPOOL),  # misspelt
        ("mount's goal v sunderland - who was the assister if u know", "Mason Mount", UTD_SUNDERLAND),
        ("the delivery for mount's goal against sunderland comes from who?", "Mason Mount", UTD_SUNDERLAND),
    ],
)
def test_where_his_goals_pass_came_from_is_its_assister(
    answerer: Answerer, question: str, scorer: str, meeting: tuple[str, str, str]
) -> None:
    match_id = on_day(*meeting)
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches[:1] == [match_id], a.answer
    assert f"{scorer} scored" in a.answer and f"assist {assister(match_id, scorer)}" in a.answer, a.answer


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("who scored v spurs ta very much", "who scored v spurs"),
        ("who scored v spurs haha", "who scored v spurs"),
        ("who scored v spurs if u know", "who scored v spurs"),
        ("who scored v spurs thank you!", "who scored v spurs"),
        ("who scored v spurs, ty", "who scored v spurs"),
    ],
)
def test_chat_after_a_question_is_padding(typed: str, read: str) -> None:
    assert without_padding(typed) == read
