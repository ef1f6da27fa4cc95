"""The match clock, the score at a moment and the spells of a match (``analytics.game_state``)."""

from __future__ import annotations

import pandas as pd

from football_rag.analytics.game_state import clock, score_at, spell_of, state


def test_clock_is_the_expanded_minute_and_the_second() -> None:
    rows = pd.DataFrame({"expanded_minute": [49, None], "minute": [45, 30], "second": [30, None]})
    assert clock(rows).tolist() == [49.5, 30.0]  # 45:30 of the second half after 4 minutes of first-half stoppage


def test_a_goal_counts_from_the_moment_after_it() -> None:
    goals = pd.DataFrame({"clock": [35.85, 54.8], "side": ["home", "away"]})
    assert score_at(goals, 35.85) == (0, 0)
    assert score_at(goals, 36.0) == (1, 0)
    assert score_at(goals, 90.0) == (1, 1)


def test_each_moment_falls_in_the_spell_it_ends_or_the_next() -> None:
    moments = pd.DataFrame({"clock": [0.0, 35.85, 35.9, 97.0, 99.0]})
    # spells: kick-off to 35.85 (the goal), then to the final whistle at 98
    assert spell_of(moments, [35.85, 98.0]).tolist() == [0, 0, 1, 1, -1]


def test_state_is_seen_from_either_side() -> None:
    assert (state((1, 0), "home"), state((1, 0), "away"), state((2, 2), "home")) == ("ahead", "behind", "level")
