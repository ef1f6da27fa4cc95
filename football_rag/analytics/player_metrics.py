"""Player metrics per match: one row per squad player, home and away explicit.

Passing, shooting and defending figures use the team metrics' own definitions, counted per player
(``team_metrics`` with ``by=PLAYER_KEYS``), so a team's total is the sum of its players'. Defined here:
minutes played, goals, own goals and assists. Rating and man of the match are the source's own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from football_rag.analytics import team_metrics as tm
from football_rag.analytics.team_metrics import PLAYER_KEYS

# Each period's span in regulation minutes: a minute of stoppage time counts as the period's last.
PERIOD_MINUTES = {1: (0, 45), 2: (45, 90), 3: (90, 105), 4: (105, 120)}
SENT_OFF = ("red", "second_yellow")
PLAYER_COLUMNS = (
    "match_id",
    "side",
    "team_id",
    "player_id",
    "player_name",
    "shirt_number",
    "position",
    "starter",
    "minutes",
    "goals",
    "own_goals",
    "assists",
    "shots",
    "shots_on_target",
    "xg",
    "key_passes",
    "passes",
    "passes_completed",
    "pass_accuracy",
    "progressive_passes",
    "tackles",
    "interceptions",
    "yellow_cards",
    "red_cards",
    "rating",
    "man_of_the_match",
    "touches",
    "dribbles",
    "crosses",
    "clearances",
    "aerials_won",
    "fouls",
    "saves",
)
SHOT_COUNTS = {"shots": tm.shots, "shots_on_target": tm.shots_on_target}
EVENT_COUNTS = {
    "key_passes": tm.key_passes,
    "passes": tm.passes,
    "passes_completed": tm.passes_completed,
    "progressive_passes": tm.progressive_passes,
    "tackles": tm.tackles,
    "interceptions": tm.interceptions,
    "yellow_cards": tm.yellow_cards,
    "red_cards": tm.red_cards,
    "touches": tm.touches,
    "dribbles": tm.dribbles,
    "crosses": tm.crosses,
    "clearances": tm.clearances,
    "aerials_won": tm.aerials_won,
    "fouls": tm.fouls,
    "saves": tm.saves,  # a goalkeeper's ("which keeper made the most saves?")
}


def regulation_minute(minute: pd.Series, period: pd.Series) -> pd.Series:
    """Return the minute within the regulation time of its period: 45+3' in the first half is 45."""
    low = period.map({p: span[0] for p, span in PERIOD_MINUTES.items()})
    high = period.map({p: span[1] for p, span in PERIOD_MINUTES.items()})
    return minute.clip(lower=low, upper=high)


def minutes_played(lineups: pd.DataFrame, events: pd.DataFrame, matches: pd.DataFrame) -> pd.Series:
    """Minutes on the pitch in regulation time: from kick-off or coming on, to going off, a red card or the end.

    Starters and substitutes come from the lineups; with events, the times of substitutions and red
    cards (straight or second yellow) come from the events, in regulation minutes (stoppage time counts
    as the period's last minute, so a full match is 90, or 120 with extra time: the match length,
    ``matches.match_length``, is never exceeded). Without events the lineups' own minutes are used.
    An unused substitute has 0.
    """
    squad = lineups.set_index(list(PLAYER_KEYS))
    length = squad.index.get_level_values("match_id").map(matches.set_index("match_id")["match_length"]).to_numpy(float)
    with_events = _available(squad, matches, "events_available")
    on = np.where(
        with_events,
        _first_minute(events, events["type"].eq("SubstitutionOn"), squad.index),
        squad["minute_on"].astype(float),
    )
    off = np.where(
        with_events,
        _first_minute(events, events["type"].eq("SubstitutionOff"), squad.index),
        squad["minute_off"].astype(float),
    )
    sent_off = _first_minute(events, events["card"].isin(SENT_OFF), squad.index)
    start = np.where(squad["starter"].to_numpy(bool), 0.0, on)
    end = np.fmin(np.fmin(off, sent_off), length)
    minutes = np.clip(np.nan_to_num(end, nan=length) - start, 0, length)
    return pd.Series(np.where(np.isnan(start), 0, minutes), index=squad.index).astype(int)


def _first_minute(events: pd.DataFrame, mask: pd.Series, players: pd.MultiIndex) -> np.ndarray:
    """Return, per player of ``players``, the regulation minute of his first event matching ``mask`` (NaN if none)."""
    moments = events.loc[mask]
    minute = regulation_minute(moments["minute"], moments["period"])
    first = minute.groupby([moments[key] for key in PLAYER_KEYS]).min()
    return first.reindex(players).to_numpy(dtype=float)


def goals(shot_table: pd.DataFrame) -> pd.Series:
    """Goals a player scored for his team (own goals are counted apart; shoot-out kicks are not goals)."""
    table = tm.without_shootout(shot_table)
    return _per_player(table.loc[table["is_goal"].astype(bool) & ~table["own_goal"].astype(bool)])


def own_goals(shot_table: pd.DataFrame) -> pd.Series:
    """Goals a player put into his own net (they count for the opponent)."""
    table = tm.without_shootout(shot_table)
    return _per_player(table.loc[table["is_goal"].astype(bool) & table["own_goal"].astype(bool)])


def assists(events: pd.DataFrame) -> pd.Series:
    """Assists as WhoScored credits them: the teammate whose action (pass, touch, even a shot) led to a goal.

    Opta's related player of a goal event (own goals aside); on the season corpus it is always the player
    of the goal's related event, which WhoScored classifies as "assist" (intentional or not).
    """
    scored = events.loc[events["is_goal"] & ~events["is_own_goal"] & events["related_player_id"].notna()]
    return _per_player(scored.assign(player_id=scored["related_player_id"]))


def _per_player(rows: pd.DataFrame) -> pd.Series:
    return rows.groupby(list(PLAYER_KEYS)).size().astype(int)


def player_stats(
    matches: pd.DataFrame, lineups: pd.DataFrame, events: pd.DataFrame, shot_table: pd.DataFrame
) -> pd.DataFrame:
    """Return one row per squad player and match (columns ``PLAYER_COLUMNS``).

    Counts are 0 for a player without any, and NA where the match's record cannot give them (no events,
    or no shots: see ``matches.events_available`` / ``shots_available``).
    """
    frame = lineups.set_index(list(PLAYER_KEYS))
    frame["minutes"] = minutes_played(lineups, events, matches)
    with_shots = _available(frame, matches, "shots_available")
    with_events = _available(frame, matches, "events_available")
    shot_counts = {
        "goals": goals(shot_table),
        "own_goals": own_goals(shot_table),
        **{name: metric(shot_table, by=PLAYER_KEYS) for name, metric in SHOT_COUNTS.items()},
    }
    event_counts = {
        "assists": assists(events),
        **{name: metric(events, by=PLAYER_KEYS) for name, metric in EVENT_COUNTS.items()},
    }
    for counts, available in ((shot_counts, with_shots), (event_counts, with_events)):
        for name, values in counts.items():
            frame[name] = values.reindex(frame.index, fill_value=0).astype("Int64").where(available)
    # A player without a shot has 0 xG only in a match whose shots have xG (tables built without the xG model: none).
    with_xg = frame.index.get_level_values("match_id").isin(shot_table.loc[shot_table["xg"].notna(), "match_id"])
    frame["xg"] = tm.xg(shot_table, by=PLAYER_KEYS).reindex(frame.index, fill_value=0.0).where(with_shots & with_xg)
    frame["pass_accuracy"] = tm.pass_accuracy(events, by=PLAYER_KEYS).reindex(frame.index)
    return frame.reset_index().reindex(columns=list(PLAYER_COLUMNS))


def _available(frame: pd.DataFrame, matches: pd.DataFrame, column: str) -> np.ndarray:
    """Return, per row of ``frame``, whether its match's record has ``column`` (events or shots)."""
    return frame.index.get_level_values("match_id").isin(matches.loc[matches[column], "match_id"])
