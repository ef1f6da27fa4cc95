"""The shots table: one row per shot, in pitch metres (105 x 68, the shooter attacking towards x = 105).

A match's shots come from its primary record (WhoScored when it has one). When a FotMob record is linked
to it, each WhoScored shot that pairs with one of FotMob's (``shot_pairing.pair_shots``) takes FotMob's
xG and xGOT, ``xg_source`` "fotmob"; every other shot keeps ``xg`` NaN until a model fills it
(``tables.apply_xg``). Own goals stay in the table (``own_goal``) under the team of the player who
put the ball into his own net: they count for the opponent (see ``team_metrics.goals_from_shots``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from football_rag.analytics.shot_pairing import pair_shots
from football_rag.analytics.xg_model import shot_angle, shot_assist_types, shot_distance
from football_rag.data.contracts import ParsedMatch, Shot, Side

# Shot contract fields copied as they are, in this order.
SHOT_FIELDS = (
    "match_id",
    "shot_id",
    "source",
    "side",
    "team_id",
    "player_id",
    "player_name",
    "period",
    "minute",
    "minute_added",
    "x",
    "y",
    "shot_type",
    "situation",
    "big_chance",
    "penalty",
    "own_goal",
    "is_goal",
    "outcome",
    "on_target",
    "blocked",
    "xg",
    "xgot",
    "xg_source",
)
SHOT_COLUMNS = (
    *SHOT_FIELDS[:12],
    "distance",
    "angle",
    *SHOT_FIELDS[12:15],
    "assist_type",
    *SHOT_FIELDS[15:],
    "event_id",
    "fotmob_shot_id",
)
FOTMOB_XG_SOURCE = "fotmob"

LinkedRecord = tuple[ParsedMatch, Mapping[str, Side]]


def shots_table(primary: Sequence[ParsedMatch], linked: Mapping[str, LinkedRecord] | None = None) -> pd.DataFrame:
    """Return the shots of every ``primary`` record (columns ``SHOT_COLUMNS``).

    ``linked`` maps a primary match id to its linked FotMob record and that record's team id -> side.
    """
    shots = shot_frame([s for p in primary for s in p.shots])
    shots = shots.merge(_event_keys(primary), on=["match_id", "shot_id"], how="left")
    shots["distance"] = shot_distance(shots["x"], shots["y"])
    shots["angle"] = shot_angle(shots["x"], shots["y"])
    shots = shots.merge(_fotmob_pairs(shots, linked or {}), on=["match_id", "shot_id"], how="left")
    from_fotmob = shots["fotmob_xg"].notna()
    shots["xg"] = shots["xg"].where(~from_fotmob, shots["fotmob_xg"])
    shots["xgot"] = shots["xgot"].where(~from_fotmob, shots["fotmob_xgot"])
    shots.loc[from_fotmob, "xg_source"] = FOTMOB_XG_SOURCE
    return shots.reindex(columns=list(SHOT_COLUMNS))


def shot_frame(shots: Iterable[Shot]) -> pd.DataFrame:
    """Return the ``SHOT_FIELDS`` of ``shots`` as a table, one row each (no geometry, assists or linking)."""
    rows = [tuple(s.__dict__[f] for f in SHOT_FIELDS) for s in shots]
    frame = pd.DataFrame.from_records(rows, columns=list(SHOT_FIELDS))
    for column in ("source", "side"):
        frame[column] = frame[column].astype(str)
    frame["minute_added"] = frame["minute_added"].astype("Int64")
    for column in ("x", "y", "xg", "xgot"):
        frame[column] = frame[column].astype(float)
    frame["xg_source"] = frame["xg_source"].astype(object)
    frame["big_chance"] = frame["big_chance"].astype("boolean")
    return frame


def _event_keys(primary: Sequence[ParsedMatch]) -> pd.DataFrame:
    """Return ``match_id, shot_id, event_id, assist_type`` of every shot that is an event (event sources)."""
    with_events = [p for p in primary if p.events]
    event_ids = pd.DataFrame(
        [
            (e.match_id, e.source_event_id or str(e.event_id), e.event_id)
            for p in with_events
            for e in p.events
            if e.is_shot
        ],
        columns=["match_id", "shot_id", "event_id"],
    ).astype({"event_id": "Int64"})
    assists = [shot_assist_types(p) for p in with_events]
    assist_types = pd.concat(assists, ignore_index=True) if assists else pd.DataFrame(columns=["match_id", "shot_id"])
    return event_ids.merge(assist_types, on=["match_id", "shot_id"], how="left")


def _fotmob_pairs(shots: pd.DataFrame, linked: Mapping[str, LinkedRecord]) -> pd.DataFrame:
    """Return ``match_id, shot_id, fotmob_shot_id, fotmob_xg, fotmob_xgot`` for our shots paired with FotMob's."""
    frames = [pd.DataFrame(columns=["match_id", "shot_id", "fotmob_shot_id", "fotmob_xg", "fotmob_xgot"])]
    for match_id, (record, team_sides) in linked.items():
        theirs = shot_frame(record.shots)
        theirs["side"] = theirs["team_id"].map({team: side.value for team, side in team_sides.items()})
        pairs = pair_shots(shots.loc[shots["match_id"] == match_id], theirs)
        xgot = theirs.set_index("shot_id")["xgot"]
        frames.append(
            pd.DataFrame(
                {
                    "match_id": pairs["match_id"],
                    "shot_id": pairs["shot_id"],
                    "fotmob_shot_id": pairs["provider_shot_id"],
                    "fotmob_xg": pairs["provider_xg"],
                    "fotmob_xgot": pairs["provider_shot_id"].map(xgot),
                }
            )
        )
    return pd.concat(frames, ignore_index=True).astype({"fotmob_xg": float, "fotmob_xgot": float})
