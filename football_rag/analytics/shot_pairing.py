"""Pairing the shots of one match as two sources record them (WhoScored events, a FotMob shot map).

Both tables must describe the same, already linked match, with home and away agreeing. Shots pair
within one side, one to one, by the minute, the position and the shooter's name: the assignment with
the least total cost (Hungarian method), keeping only pairs within the tolerances below.
FotMob counts minutes from 1 ("the 3rd minute") where Opta counts elapsed minutes from 0, and gives
stoppage time as ``minute_added``; ``provider_minute_offset`` states that difference.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

# Widest gaps for two records to be one shot: two minutes of clock (sources stamp a shot differently
# around a minute's turn) and 12 m of position (the sources' pitch drawings differ by a metre or two,
# a blocked shot's origin by more).
MINUTE_TOLERANCE = 2
DISTANCE_TOLERANCE = 12.0
NO_PAIR = 1e6
PAIR_COLUMNS = ["match_id", "shot_id", "provider_match_id", "provider_shot_id", "provider_xg", "pair_cost"]


def pair_shots(
    event_shots: pd.DataFrame, provider_shots: pd.DataFrame, provider_minute_offset: int = 1
) -> pd.DataFrame:
    """Return one row per paired shot: our ``match_id, shot_id``, the provider's shot id and xG, and the cost.

    The cost adds the minute gap over ``MINUTE_TOLERANCE``, the distance over ``DISTANCE_TOLERANCE`` and
    the names' dissimilarity (0-1); shots left unpaired are simply absent.
    """
    pairs = [
        _pair_side(
            event_shots[event_shots["side"] == side],
            provider_shots[provider_shots["side"] == side],
            provider_minute_offset,
        )
        for side in ("home", "away")
    ]
    return pd.concat(pairs, ignore_index=True)


def _pair_side(ours: pd.DataFrame, theirs: pd.DataFrame, offset: int) -> pd.DataFrame:
    if ours.empty or theirs.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    cost = _cost(ours, theirs, offset)
    rows, cols = linear_sum_assignment(cost)
    kept = [(r, c) for r, c in zip(rows, cols, strict=True) if cost[r, c] < NO_PAIR]
    return pd.DataFrame(
        {
            "match_id": [ours["match_id"].iloc[r] for r, _ in kept],
            "shot_id": [ours["shot_id"].iloc[r] for r, _ in kept],
            "provider_match_id": [theirs["match_id"].iloc[c] for _, c in kept],
            "provider_shot_id": [theirs["shot_id"].iloc[c] for _, c in kept],
            "provider_xg": [theirs["xg"].iloc[c] for _, c in kept],
            "pair_cost": [round(float(cost[r, c]), 4) for r, c in kept],
        },
        columns=PAIR_COLUMNS,
    )


def _cost(ours: pd.DataFrame, theirs: pd.DataFrame, offset: int) -> np.ndarray:
    """Return the pairing cost of every (our shot, their shot), ``NO_PAIR`` beyond a tolerance."""
    our_minute = ours["minute"].to_numpy(dtype=float)[:, None] + offset
    their_minute = (theirs["minute"] + theirs.get("minute_added", 0).fillna(0)).to_numpy(dtype=float)[None, :]
    minutes = np.abs(our_minute - their_minute)
    distance = np.hypot(
        ours["x"].to_numpy(dtype=float)[:, None] - theirs["x"].to_numpy(dtype=float)[None, :],
        ours["y"].to_numpy(dtype=float)[:, None] - theirs["y"].to_numpy(dtype=float)[None, :],
    )
    their_names = [_plain(b) for b in theirs["player_name"]]
    names = np.array(
        [[1 - fuzz.token_sort_ratio(_plain(a), b) / 100 for b in their_names] for a in ours["player_name"]]
    )
    cost = minutes / MINUTE_TOLERANCE + distance / DISTANCE_TOLERANCE + names
    return np.where((minutes > MINUTE_TOLERANCE) | (distance > DISTANCE_TOLERANCE), NO_PAIR, cost)


def _plain(name: object) -> str:
    """Return a name without accents, lower case ('Darwin Núñez' and 'Darwin Nunez' are one player)."""
    if not isinstance(name, str):
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
