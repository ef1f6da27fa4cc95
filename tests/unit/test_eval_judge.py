"""Reading the judge's grade out of its reply, and which answers are chosen for judging."""

from __future__ import annotations

import pandas as pd
import pytest

from football_rag.evaluation.judge import choose_judged, parse_score


@pytest.mark.parametrize(
    ("reply", "score", "reason"),
    [
        ('{"score": 4, "reason": "All numbers match."}', 4, "All numbers match."),
        ('Here you go: {"score": "5", "reason": "ok"} Thanks', 5, "ok"),
        ("Score: 2. The answer invents a minute.", 2, "Score: 2. The answer invents a minute."),
        ('{"score": 7, "reason": "out of range"}', None, '{"score": 7, "reason": "out of range"}'),
        (
            "The answer is: Everton vs Fulham on 8 November 2025",
            None,
            "The answer is: Everton vs Fulham on 8 November 2025",
        ),
    ],
)
def test_parse_score(reply: str, score: int | None, reason: str) -> None:
    assert parse_score(reply) == (score, reason)


def test_choose_judged_takes_narratives_then_fact_kinds_in_turn() -> None:
    kinds = ["score", "score", "referee", "narrative", "unknown_match", "narrative", "formation", "narrative"]
    results = pd.DataFrame(
        {
            "kind": kinds,
            "expected_intent": [k if k != "referee" else "referee" for k in kinds],
            "gold": [["x"], ["x"], ["x"], [], [], ["4-1"], ["4-4-2"], []],
        }
    )
    assert choose_judged(results, max_narrative=2, max_facts=4).tolist() == [3, 5, 0, 2, 6, 1]
