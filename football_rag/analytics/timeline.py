"""The timeline of each match: goals, cards and substitutions in order, with the running score.

One row per moment. ``kind`` is ``goal``, ``card`` or ``substitution``; ``side`` is the team the moment
belongs to: for a goal, the team it counts for (an own goal's scorer plays for the other side, and
``own_goal`` says so). ``other_player_*`` is the assist provider of a goal (WhoScored's assist: the
teammate's action that led to the goal, intentional or not) and the player replaced in a substitution.
``home_goals``/``away_goals`` give the score once the moment has happened. Minutes are the source's.
Goals come from the shots table, so a source without events (a FotMob record) still gives its goals;
cards and substitutions need events.
"""

from __future__ import annotations

import pandas as pd

from football_rag.analytics.team_metrics import without_shootout

TIMELINE_COLUMNS = (
    "match_id",
    "period",
    "minute",
    "second",
    "expanded_minute",
    "kind",
    "side",
    "player_id",
    "player_name",
    "other_player_id",
    "other_player_name",
    "detail",
    "penalty",
    "header",
    "own_goal",
    "home_goals",
    "away_goals",
)
MOMENT_FIELDS = ("match_id", "period", "minute", "second", "expanded_minute", "side", "player_id")
OPPONENT = {"home": "away", "away": "home"}


def timeline_table(events: pd.DataFrame, shot_table: pd.DataFrame, lineups: pd.DataFrame) -> pd.DataFrame:
    """Return the goals, cards and substitutions of every match, in match order (columns ``TIMELINE_COLUMNS``)."""
    moments = pd.concat([_goals(events, shot_table), _cards(events), _substitutions(events)], ignore_index=True)
    moments = _with_names(moments, lineups).sort_values(
        ["match_id", "period", "minute", "second"], kind="stable", na_position="first"
    )
    scored = moments["kind"].eq("goal")
    for side in ("home", "away"):
        moments[f"{side}_goals"] = (scored & moments["side"].eq(side)).astype(int).groupby(moments["match_id"]).cumsum()
    return moments.reset_index(drop=True).reindex(columns=list(TIMELINE_COLUMNS))


def _goals(events: pd.DataFrame, shot_table: pd.DataFrame) -> pd.DataFrame:
    """Return one row per goal (shoot-out kicks aside), credited to the side it counts for."""
    shot_table = without_shootout(shot_table)
    scored = shot_table.loc[shot_table["is_goal"].astype(bool)]
    own_goal = scored["own_goal"].astype(bool)
    goals = pd.DataFrame(
        {
            "match_id": scored["match_id"],
            "shot_id": scored["shot_id"],
            "period": scored["period"],
            "minute": scored["minute"],
            "kind": "goal",
            "side": scored["side"].where(~own_goal, scored["side"].map(OPPONENT)),
            "player_id": scored["player_id"],
            "detail": scored["situation"],
            "penalty": scored["penalty"].astype(bool),
            "header": scored["shot_type"].eq("Head"),
            "own_goal": own_goal,
        }
    )
    goal_events = events.loc[
        events["is_goal"], ["match_id", "source_event_id", "second", "expanded_minute", "related_player_id"]
    ]
    goal_events = goal_events.rename(columns={"source_event_id": "shot_id", "related_player_id": "other_player_id"})
    goals = goals.merge(goal_events, on=["match_id", "shot_id"], how="left").drop(columns="shot_id")
    goals["other_player_id"] = goals["other_player_id"].where(~goals["own_goal"])
    return goals


def _cards(events: pd.DataFrame) -> pd.DataFrame:
    """Return one row per card shown (``detail``: yellow, second_yellow or red)."""
    cards = events.loc[events["card"].notna(), list(MOMENT_FIELDS)]
    return cards.assign(kind="card", detail=events.loc[cards.index, "card"])


def _substitutions(events: pd.DataFrame) -> pd.DataFrame:
    """Return one row per substitution: the player coming on, and the player he replaces (``other_player_id``)."""
    on = events.loc[events["type"].eq("SubstitutionOn")]
    subs = on[list(MOMENT_FIELDS)]
    return subs.assign(kind="substitution", other_player_id=on["related_player_id"])


def _with_names(moments: pd.DataFrame, lineups: pd.DataFrame) -> pd.DataFrame:
    """Add ``player_name`` and ``other_player_name`` from the lineups of each match."""
    names = lineups.drop_duplicates(["match_id", "player_id"]).set_index(["match_id", "player_id"])["player_name"]
    for role in ("player", "other_player"):
        keys = pd.MultiIndex.from_arrays([moments["match_id"], moments[f"{role}_id"]])
        moments[f"{role}_name"] = names.reindex(keys).to_numpy()
    return moments
