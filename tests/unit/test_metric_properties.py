"""Properties that hold for any match: shares sum to 100, goals follow the score, minutes fit the match."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from football_rag.analytics import team_metrics as tm
from football_rag.analytics.lineups import lineups_frame
from football_rag.analytics.player_metrics import minutes_played
from football_rag.data.contracts import Side
from tests.unit.event_lists import MATCH_ID, event, events, pass_, player, shot, shots

SIDES = st.sampled_from([Side.HOME, Side.AWAY])
PASSES = st.lists(
    st.tuples(SIDES, st.booleans(), st.booleans(), st.floats(0, 100), st.floats(0, 100)), min_size=1, max_size=40
)
GOALS = st.lists(st.tuples(SIDES, st.booleans(), st.sampled_from([1, 2, 3, 4, 5])), max_size=12)
PERIOD_MINUTES = st.sampled_from([(1, 0), (1, 30), (1, 47), (2, 45), (2, 70), (2, 96), (3, 100), (4, 121)])


def _side_values(values: pd.Series) -> tuple[float, float]:
    return values.loc[(MATCH_ID, "home")], values.loc[(MATCH_ID, "away")]


@settings(max_examples=40, deadline=None)
@given(PASSES)
def test_possession_and_field_tilt_of_both_sides_sum_to_100(
    passes: list[tuple[Side, bool, bool, float, float]],
) -> None:
    table = events(
        *(
            pass_(side, x, end_x, won=won, qualifiers=("ThrowIn",) if throw_in else ())
            for side, throw_in, won, x, end_x in passes
        )
    )
    for metric in (tm.possession, tm.field_tilt):
        home, away = _side_values(metric(table))
        assert (math.isnan(home) and math.isnan(away)) or math.isclose(home + away, 100.0)


@settings(max_examples=40, deadline=None)
@given(GOALS)
def test_goals_follow_the_score_with_own_goals_for_the_opponent(goals: list[tuple[Side, bool, int]]) -> None:
    table = shots(
        shot(Side.HOME, "miss"), *(shot(side, "goal", own_goal=own, period=period) for side, own, period in goals)
    )
    home, away = _side_values(tm.goals_from_shots(table))
    in_match = [(side, own) for side, own, period in goals if period < tm.SHOOTOUT_PERIOD]
    assert home + away == len(in_match)
    assert home == sum((side is Side.HOME) != own for side, own in in_match)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), SIDES), min_size=1, max_size=16),
    st.lists(
        st.tuples(st.integers(0, 15), st.sampled_from(["SubstitutionOn", "SubstitutionOff", "Card"]), PERIOD_MINUTES)
    ),
    st.sampled_from([90, 120]),
)
def test_minutes_never_exceed_the_match_length(
    squad: list[tuple[bool, Side]], moments: list[tuple[int, str, tuple[int, int]]], length: int
) -> None:
    lineup = lineups_frame([player(str(i), side, starter=starter) for i, (starter, side) in enumerate(squad)])
    sides = dict(enumerate(side for _, side in squad))
    table = events(
        *(
            event(
                kind, sides[i], player_id=str(i), period=period, minute=minute, card="red" if kind == "Card" else None
            )
            for i, kind, (period, minute) in moments
            if i in sides
        )
    )
    matches = pd.DataFrame({"match_id": [MATCH_ID], "match_length": [length], "events_available": [True]})
    minutes = minutes_played(lineup, table, matches)
    assert minutes.between(0, length).all()
    came_on = {str(i) for i, kind, _ in moments if kind == "SubstitutionOn"}
    unused = [
        (MATCH_ID, side.value, str(i))
        for i, (starter, side) in enumerate(squad)
        if not starter and str(i) not in came_on
    ]
    assert (minutes.loc[unused] == 0).all()
