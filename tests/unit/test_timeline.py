"""The timeline on a hand-built match: goals with assists, an own goal, a penalty, a header, cards, a substitution."""

from __future__ import annotations

from football_rag.analytics.lineups import lineups_frame
from football_rag.analytics.timeline import timeline_table
from football_rag.data.contracts import Side
from tests.unit.event_lists import event, events, player, shot, shots

HOME, AWAY = Side.HOME, Side.AWAY


def test_timeline_orders_moments_and_keeps_the_running_score() -> None:
    header = shot(HOME, "goal", minute=12, player_id="nine", shot_type="Head", situation="FromCorner")
    own_goal = shot(AWAY, "goal", own_goal=True, minute=30, player_id="back")
    penalty = shot(AWAY, "goal", period=2, minute=70, player_id="ten", penalty=True, situation="Penalty")
    table = events(
        event(
            "Goal",
            HOME,
            minute=12,
            second=5,
            player_id="nine",
            is_goal=True,
            related_player_id="six",
            source_event_id=header.shot_id,
        ),
        event("Card", AWAY, minute=20, second=0, player_id="back", card="yellow"),
        event(
            "Goal",
            AWAY,
            minute=30,
            second=40,
            player_id="back",
            is_goal=True,
            is_own_goal=True,
            source_event_id=own_goal.shot_id,
        ),
        event("SubstitutionOn", AWAY, period=2, minute=60, second=0, player_id="sub", related_player_id="back"),
        event(
            "Goal", AWAY, period=2, minute=70, second=10, player_id="ten", is_goal=True, source_event_id=penalty.shot_id
        ),
        event("Card", HOME, period=2, minute=88, second=0, player_id="six", card="second_yellow"),
    )
    squad = lineups_frame(
        [player("nine"), player("six"), player("back", AWAY), player("ten", AWAY), player("sub", AWAY, starter=False)]
    )
    timeline = timeline_table(table, shots(header, own_goal, penalty), squad)
    rows = timeline[
        ["minute", "kind", "side", "player_name", "other_player_name", "detail", "home_goals", "away_goals"]
    ]
    assert rows.astype(object).where(rows.notna(), None).values.tolist() == [
        [12, "goal", "home", "Player nine", "Player six", "FromCorner", 1, 0],
        [20, "card", "away", "Player back", None, "yellow", 1, 0],
        [30, "goal", "home", "Player back", None, None, 2, 0],  # his own goal counts for the home side
        [60, "substitution", "away", "Player sub", "Player back", None, 2, 0],
        [70, "goal", "away", "Player ten", None, "Penalty", 2, 1],
        [88, "card", "home", "Player six", None, "second_yellow", 2, 1],
    ]
    goals = timeline.loc[timeline["kind"] == "goal", ["header", "own_goal", "penalty"]]
    assert goals.values.tolist() == [[True, False, False], [False, True, False], [False, False, True]]
