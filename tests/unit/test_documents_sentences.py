"""The wording rules of the retrieval documents, checked on hand-built values."""

from __future__ import annotations

import math

import pytest

from football_rag.analytics.minutes import broadcast_minute
from football_rag.knowledge.documents import tactical_sentences


@pytest.mark.parametrize(
    ("source", "period", "minute", "added", "expected"),
    [
        ("whoscored", 1, 0, None, "1'"),
        ("whoscored", 1, 35, None, "36'"),
        ("whoscored", 1, 44, None, "45'"),
        ("whoscored", 1, 46, None, "45+2'"),  # Opta runs on through first-half stoppage time
        ("whoscored", 2, 45, None, "46'"),  # the second half restarts the clock at 45:00
        ("whoscored", 2, 92, None, "90+3'"),
        ("whoscored", 4, 121, None, "120+2'"),
        ("fotmob", 2, 90, 4, "90+4'"),  # FotMob counts from 1 and gives stoppage time apart
        ("fotmob", 1, 12, None, "12'"),
        ("fotmob", 1, 45, 0, "45'"),
    ],
)
def test_broadcast_minute(source: str, period: int, minute: int, added: int | None, expected: str) -> None:
    assert broadcast_minute(source, period, minute, added) == expected


def test_a_high_press_and_territory_are_stated_with_value_and_threshold() -> None:
    stats = {"ppda": 7.94, "field_tilt": 71.25, "possession": 55.0, "defensive_line_height": 38.0}
    assert tactical_sentences("Arsenal", stats) == [
        "Arsenal pressed high (PPDA 7.9, below the 10 threshold).",
        "Arsenal dominated territory (field tilt 71.2%, above the 65% threshold).",
    ]


def test_a_deep_passive_side_without_the_ball() -> None:
    stats = {"ppda": 21.15, "field_tilt": 8.1, "possession": 18.0, "defensive_line_height": 25.8}
    assert tactical_sentences("Levante", stats) == [
        "Levante sat off and let the opponent pass (PPDA 21.1, above the 19 threshold).",
        "Levante played without the ball (18.0% possession, at most 40%).",
        "Levante defended in a deep block (defensive actions 25.8 m from their goal on average, within 31 m).",
    ]


def test_finishing_and_chance_quality_against_xg() -> None:
    stats = {"goals": 4, "xg": 2.1, "xg_per_shot": 0.15}
    assert tactical_sentences("Valencia", stats) == [
        "Valencia finished above their chances (4 goals from 2.10 xG, more than 1.5 over).",
        "Valencia created clear chances (0.15 xG per shot, at least 0.15).",
    ]
    assert tactical_sentences("Valencia", {"goals": 0, "xg": 1.6}) == [
        "Valencia wasted their chances (0 goals from 1.60 xG, more than 1.5 under)."
    ]


def test_no_sentence_between_the_thresholds_or_without_values() -> None:
    assert (
        tactical_sentences("Everton", {"ppda": 14.0, "field_tilt": 50.0, "possession": 50.0, "goals": 1, "xg": 1.2})
        == []
    )
    assert tactical_sentences("Everton", {"ppda": math.nan, "xg": math.nan, "goals": 3}) == []
