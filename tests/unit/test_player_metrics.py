"""Player minutes, goals, assists and the per-player counts on hand-built lineups and events."""

from __future__ import annotations

import pandas as pd

from football_rag.analytics.lineups import lineups_frame
from football_rag.analytics.player_metrics import minutes_played, player_stats
from football_rag.data.contracts import LineupEntry, Side
from tests.unit.event_lists import MATCH_ID, event, events, pass_, player, shot, shots

HOME, AWAY = Side.HOME, Side.AWAY


def matches(length: int = 90, with_events: bool = True) -> pd.DataFrame:
    return pd.DataFrame(
        {"match_id": [MATCH_ID], "match_length": [length], "events_available": [with_events], "shots_available": [True]}
    )


def lineup(*entries: LineupEntry) -> pd.DataFrame:
    return lineups_frame(entries)


def minutes_of(table: pd.Series, player_id: str, side: Side = HOME) -> int:
    return int(table.loc[(MATCH_ID, side.value, player_id)])


def test_minutes_from_lineups_substitutions_and_red_cards() -> None:
    squad = lineup(
        player("full"),
        player("off63"),
        player("on63", starter=False),
        player("sent_off", AWAY),
        player("on_stoppage", AWAY, starter=False),
        player("unused", AWAY, starter=False),
        player("on_then_red", AWAY, starter=False),
    )
    table = events(
        event("SubstitutionOff", HOME, player_id="off63", period=2, minute=63),
        event("SubstitutionOn", HOME, player_id="on63", period=2, minute=63),
        event("Card", AWAY, player_id="sent_off", minute=30, card="red"),
        # first-half stoppage time counts as the 45th minute
        event("SubstitutionOn", AWAY, player_id="on_stoppage", period=1, minute=47),
        event("SubstitutionOn", AWAY, player_id="on_then_red", period=2, minute=80),
        event("Card", AWAY, player_id="on_then_red", period=2, minute=85, card="second_yellow"),
    )
    minutes = minutes_played(squad, table, matches())
    assert minutes_of(minutes, "full") == 90
    assert minutes_of(minutes, "off63") == 63
    assert minutes_of(minutes, "on63") == 27
    assert minutes_of(minutes, "sent_off", AWAY) == 30
    assert minutes_of(minutes, "on_stoppage", AWAY) == 45
    assert minutes_of(minutes, "unused", AWAY) == 0
    assert minutes_of(minutes, "on_then_red", AWAY) == 5


def test_minutes_without_events_come_from_the_lineups_and_stop_at_the_match_length() -> None:
    squad = lineup(player("off", minute_off=70), player("on", starter=False, minute_on=70), player("full"))
    minutes = minutes_played(squad, events(), matches(length=120, with_events=False))
    assert [minutes_of(minutes, p) for p in ("off", "on", "full")] == [70, 50, 120]


def test_player_stats_credit_goals_own_goals_and_assists() -> None:
    squad = lineup(player("scorer", rating=8.1, man_of_the_match=True), player("provider"), player("unlucky", AWAY))
    table = events(
        pass_(HOME, player_id="provider", qualifiers=("IntentionalAssist",)),
        event("Goal", HOME, player_id="scorer", is_goal=True, related_player_id="provider"),
        event("Goal", AWAY, player_id="unlucky", is_goal=True, is_own_goal=True, related_player_id="scorer"),
        pass_(HOME, player_id="provider", won=False),
    )
    shot_table = shots(
        shot(HOME, "goal", player_id="scorer", xg=0.4),
        shot(HOME, "miss", player_id="scorer", xg=0.1),
        shot(AWAY, "goal", own_goal=True, player_id="unlucky"),
    )
    stats = player_stats(matches(), squad, table, shot_table).set_index("player_id")
    assert stats.loc["scorer", ["goals", "assists", "shots", "shots_on_target"]].tolist() == [1, 0, 2, 1]
    assert stats.loc["scorer", "xg"] == 0.5
    assert (stats.loc["scorer", "rating"], stats.loc["scorer", "man_of_the_match"]) == (8.1, True)
    assert stats.loc["provider", ["goals", "assists", "passes", "passes_completed", "pass_accuracy"]].tolist() == [
        0,
        1,
        2,
        1,
        50.0,
    ]
    assert stats.loc["unlucky", ["goals", "own_goals", "shots"]].tolist() == [0, 1, 0]
    assert stats.loc["unlucky", "xg"] == 0.0


def test_player_stats_without_events_are_unknown_not_zero() -> None:
    squad = lineup(player("a"))
    stats = player_stats(matches(with_events=False), squad, events(), shots(shot(HOME, "goal", player_id="a")))
    row = stats.set_index("player_id").loc["a"]
    assert row["goals"] == 1
    assert pd.isna(row["passes"]) and pd.isna(row["assists"])
