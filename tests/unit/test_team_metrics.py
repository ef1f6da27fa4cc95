"""Every team metric on small hand-built event lists, against values computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from football_rag.analytics import team_metrics as tm
from football_rag.data.contracts import Side
from tests.unit.event_lists import MATCH_ID, event, events, pass_, shot, shots

HOME, AWAY = Side.HOME, Side.AWAY


def at(values: pd.Series, side: Side) -> float:
    return values.loc[(MATCH_ID, side.value)]


def test_possession_is_the_share_of_passes_without_throw_ins() -> None:
    table = events(pass_(HOME), pass_(HOME), pass_(HOME, won=False), pass_(HOME, qualifiers=("ThrowIn",)), pass_(AWAY))
    values = tm.possession(table)
    assert at(values, HOME) == 75.0
    assert at(values, AWAY) == 25.0


def test_passes_leave_out_crosses_throw_ins_and_keeper_throws() -> None:
    table = events(
        pass_(HOME),
        pass_(HOME, won=False),
        pass_(HOME, qualifiers=("Cross",)),
        pass_(HOME, qualifiers=("ThrowIn",)),
        pass_(HOME, qualifiers=("KeeperThrow",)),
        event("Clearance", HOME),
    )
    assert at(tm.passes(table), HOME) == 2
    assert at(tm.passes_completed(table), HOME) == 1
    assert at(tm.pass_accuracy(table), HOME) == 50.0
    assert at(tm.passes(table), AWAY) == 0
    assert math.isnan(at(tm.pass_accuracy(table), AWAY))


def test_key_passes_count_any_action_that_set_up_a_shot() -> None:
    table = events(pass_(HOME, qualifiers=("KeyPass",)), event("BallTouch", HOME, qualifiers=("KeyPass",)), pass_(HOME))
    assert at(tm.key_passes(table), HOME) == 2


def test_progressive_passes_come_25_percent_closer_to_goal() -> None:
    # From (50, 50) the goal centre is 52.5 m away; the end must be within 39.375 m.
    table = events(
        pass_(HOME, 50, 80),  # 52.5 m -> 21 m: progressive
        pass_(HOME, 50, 60),  # -> 42 m: not enough
        pass_(HOME, 50, 80, won=False),  # not completed
        pass_(HOME, 50, 80, qualifiers=("ThrowIn",)),  # a restart
        pass_(AWAY, 10, 50),  # 94.5 m -> 52.5 m: progressive
    )
    assert at(tm.progressive_passes(table), HOME) == 1
    assert at(tm.progressive_passes(table), AWAY) == 1


def test_passes_into_the_final_third_and_the_box() -> None:
    table = events(
        pass_(HOME, 50, 70),  # into the final third
        pass_(HOME, 60, 66.7),  # onto its line
        pass_(HOME, 70, 90),  # already in it; ends in the box
        pass_(HOME, 85, 95),  # inside the box all along
        pass_(HOME, 70, 90, y=10, end_y=10),  # wide of the box
        pass_(HOME, 60, 90, qualifiers=("CornerTaken",)),  # a corner is a restart
    )
    assert at(tm.passes_into_final_third(table), HOME) == 2
    assert at(tm.passes_into_box(table), HOME) == 1


def test_crosses_count_every_attempt_including_corners() -> None:
    table = events(
        pass_(HOME, qualifiers=("Cross",)),
        pass_(HOME, won=False, qualifiers=("Cross", "CornerTaken")),
        pass_(HOME),
    )
    assert at(tm.crosses(table), HOME) == 2


def test_corners_are_corners_won() -> None:
    table = events(event("CornerAwarded", HOME, won=True), event("CornerAwarded", AWAY, won=False))
    assert at(tm.corners(table), HOME) == 1
    assert at(tm.corners(table), AWAY) == 0


def test_field_tilt_is_the_share_of_successful_final_third_passes() -> None:
    table = events(
        pass_(HOME, 60, 70),
        pass_(HOME, 70, 80),
        pass_(HOME, 80, 90),
        pass_(HOME, 60, 70, won=False),
        pass_(HOME, 60, 90, qualifiers=("Cross",)),
        pass_(AWAY, 50, 70),
        pass_(AWAY, 50, 60),
    )
    assert at(tm.field_tilt(table), HOME) == 75.0
    assert at(tm.field_tilt(table), AWAY) == 25.0


def test_ppda_divides_opponent_passes_in_their_60_percent_by_our_actions_in_ours() -> None:
    table = events(
        pass_(AWAY, 20, 30),
        pass_(AWAY, 30, 40, won=False),
        pass_(AWAY, 59, 70),
        pass_(AWAY, 70, 80),  # beyond their own 60%: not counted
        event("Tackle", HOME, x=50),
        event("Interception", HOME, x=70),
        event("Foul", HOME, x=45, won=False),  # committed by us
        event("Challenge", HOME, x=41),
        event("Tackle", HOME, x=30),  # in our own 40%: not counted
        event("Foul", HOME, x=60, won=True),  # we were fouled
    )
    assert at(tm.ppda(table), HOME) == 3 / 4
    assert math.isnan(at(tm.ppda(table), AWAY))  # no defensive action by the away team


def test_defensive_line_height_is_the_mean_metres_of_defensive_actions() -> None:
    table = events(
        event("Tackle", HOME, x=40),  # 42 m
        event("Interception", HOME, x=60),  # 63 m
        event("Foul", HOME, x=20, won=True),  # fouled: not a defensive action
        event("Clearance", AWAY, x=10),
    )
    assert at(tm.defensive_line_height(table), HOME) == pytest.approx(52.5)
    assert at(tm.defensive_line_height(table), AWAY) == pytest.approx(10.5)


def test_high_turnovers_are_ball_wins_within_40_metres_of_goal() -> None:
    table = events(
        event("BallRecovery", HOME, x=70, y=50),  # (73.5, 34): 31.5 m
        event("Interception", HOME, x=60, y=50),  # 42 m
        event("Tackle", HOME, x=80, y=10, won=True),  # (84, 6.8): 34.4 m
        event("Tackle", HOME, x=90, y=50, won=False),  # not won
    )
    assert at(tm.high_turnovers(table), HOME) == 2


def test_defensive_counts() -> None:
    table = events(
        event("Tackle", HOME, won=True),
        event("Tackle", HOME, won=False),
        event("Challenge", HOME, won=False),
        event("Interception", HOME),
        event("Clearance", HOME),
        event("Clearance", HOME, qualifiers=("BlockedCross",)),
        event("Punch", HOME),
        event("Aerial", HOME, won=True),
        event("Aerial", HOME, won=False),
        event("Foul", HOME, won=True, qualifiers=("AerialFoul",)),
        event("Foul", HOME, won=False, qualifiers=("AerialFoul",)),
        event("Foul", HOME, won=False),
        event("OffsideGiven", HOME),
        event("Save", HOME),
        event("Save", HOME, qualifiers=("OutfielderBlock",)),
        event("Save", HOME, qualifiers=("FromShotOffTarget",)),
    )
    assert at(tm.tackles(table), HOME) == 3
    assert at(tm.interceptions(table), HOME) == 1
    assert at(tm.clearances(table), HOME) == 2
    assert at(tm.aerials_won(table), HOME) == 2
    assert at(tm.fouls(table), HOME) == 2
    assert at(tm.offsides(table), HOME) == 1
    assert at(tm.saves(table), HOME) == 1


def test_cards_count_second_yellows_as_reds() -> None:
    table = events(
        event("Card", HOME, card="yellow"),
        event("Card", HOME, card="yellow"),
        event("Card", HOME, card="second_yellow"),
        event("Card", AWAY, card="red"),
    )
    assert (at(tm.yellow_cards(table), HOME), at(tm.red_cards(table), HOME)) == (2, 1)
    assert (at(tm.yellow_cards(table), AWAY), at(tm.red_cards(table), AWAY)) == (0, 1)


def test_own_goals_count_for_the_opponent_and_shoot_outs_not_at_all() -> None:
    table = shots(
        shot(HOME, "goal"),
        shot(HOME, "goal", own_goal=True),
        shot(AWAY, "goal"),
        shot(AWAY, "goal", period=5),
    )
    goals = tm.goals_from_shots(table)
    assert (at(goals, HOME), at(goals, AWAY)) == (1, 2)


def test_goals_come_from_the_final_score() -> None:
    matches = pd.DataFrame({"match_id": [MATCH_ID], "home_goals": [1], "away_goals": [2]})
    goals = tm.goals(matches)
    assert (at(goals, HOME), at(goals, AWAY)) == (1, 2)


def test_shot_counts() -> None:
    table = shots(
        shot(HOME, "goal", big_chance=True),
        shot(HOME, "saved"),
        shot(HOME, "miss", big_chance=True),
        shot(HOME, "post"),
        shot(HOME, "blocked"),
        shot(HOME, "goal", own_goal=True),
    )
    assert at(tm.shots(table), HOME) == 5
    assert at(tm.shots_on_target(table), HOME) == 2
    assert at(tm.shots_off_target(table), HOME) == 2
    assert at(tm.blocked_shots(table), HOME) == 1
    assert at(tm.big_chances(table), HOME) == 2
    assert at(tm.shots(table), AWAY) == 0


def test_xg_sums_the_shots_and_stays_unknown_while_any_is_missing() -> None:
    table = shots(
        shot(HOME, xg=0.1),
        shot(HOME, "goal", xg=0.3),
        shot(HOME, "goal", own_goal=True),  # no attempt, no xG
        shot(AWAY, xg=None),
        shot(AWAY, xg=0.2),
    )
    assert at(tm.xg(table), HOME) == pytest.approx(0.4)
    assert at(tm.xg_per_shot(table), HOME) == pytest.approx(0.2)
    assert math.isnan(at(tm.xg(table), AWAY))


def test_xg_of_a_team_without_shots_is_zero() -> None:
    table = shots(shot(HOME, xg=0.25))
    assert at(tm.xg(table), AWAY) == 0.0
    assert math.isnan(at(tm.xg_per_shot(table), AWAY))


def test_player_counts_use_the_same_definitions() -> None:
    table = events(pass_(HOME, player_id="a"), pass_(HOME, player_id="a", won=False), pass_(HOME, player_id="b"))
    by_player = tm.passes(table, by=tm.PLAYER_KEYS)
    assert by_player.loc[(MATCH_ID, "home", "a")] == 2
    assert by_player.loc[(MATCH_ID, "home", "b")] == 1
    assert tm.pass_accuracy(table, by=tm.PLAYER_KEYS).loc[(MATCH_ID, "home", "a")] == 50.0
