"""Lineups and formations as tables: who played where, with which shirt number, in which shape and when.

``lineups``: one row per player of a matchday squad (starters and substitutes), home and away explicit;
``minute_on``/``minute_off`` are the source's minutes (WhoScored: expanded minutes, stoppage time
counted). ``formations``: one row per formation a team used, from ``start_minute`` to ``end_minute``
(expanded minutes), with the players on the pitch in their formation slots as JSON lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import orjson
import pandas as pd

from football_rag.data.contracts import LineupEntry, ParsedMatch

LINEUP_COLUMNS = (
    "match_id",
    "side",
    "team_id",
    "player_id",
    "player_name",
    "shirt_number",
    "position",
    "starter",
    "minute_on",
    "minute_off",
    "captain",
    "rating",
    "man_of_the_match",
)
FORMATION_COLUMNS = (
    "match_id",
    "side",
    "team_id",
    "formation",
    "start_minute",
    "end_minute",
    "captain_player_id",
    "player_ids",
    "shirt_numbers",
)


def lineups_table(parsed: Sequence[ParsedMatch]) -> pd.DataFrame:
    """Return one row per squad player of every match (columns ``LINEUP_COLUMNS``)."""
    return lineups_frame(entry for p in parsed for entry in p.lineups)


def lineups_frame(entries: Iterable[LineupEntry]) -> pd.DataFrame:
    """Return one row per squad entry (columns ``LINEUP_COLUMNS``)."""
    rows = [
        (
            e.match_id,
            e.side.value,
            e.team_id,
            e.player_id,
            e.name,
            e.shirt_number,
            e.position,
            e.starter,
            e.minute_on,
            e.minute_off,
            e.captain,
            e.rating,
            e.man_of_the_match,
        )
        for e in entries
    ]
    frame = pd.DataFrame.from_records(rows, columns=list(LINEUP_COLUMNS))
    return frame.astype({"shirt_number": "Int64", "minute_on": "Int64", "minute_off": "Int64", "rating": float})


def formations_table(parsed: Sequence[ParsedMatch]) -> pd.DataFrame:
    """Return one row per formation spell of every team (columns ``FORMATION_COLUMNS``)."""
    rows = [
        (
            f.match_id,
            f.side.value,
            f.team_id,
            f.formation,
            f.start_minute,
            f.end_minute,
            f.captain_player_id,
            orjson.dumps(f.player_ids).decode(),
            orjson.dumps(f.shirt_numbers).decode(),
        )
        for p in parsed
        for f in p.formations
    ]
    return pd.DataFrame.from_records(rows, columns=list(FORMATION_COLUMNS)).astype({"end_minute": "Int64"})
