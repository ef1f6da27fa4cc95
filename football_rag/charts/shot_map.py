"""The shot map: every attempt of a match where it was taken, sized by xG and shaped by how it ended."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import without_shootout
from football_rag.charts.markup import escape, hover
from football_rag.charts.match_view import MatchView, minute_labels
from football_rag.charts.pitch import Direction, Pitch
from football_rag.charts.theme import SIDE_COLOURS
from football_rag.data.coordinates import CoordinateSystem

OUTCOME_SYMBOLS = {"goal": "star", "saved": "circle", "post": "diamond", "miss": "x", "blocked": "square"}
BROADCAST_DIRECTION: dict[str, Direction] = {"home": "right", "away": "left"}
# Marker diameter grows with the square root of xG, so its area is proportional to xG.
SIZE_AT_ZERO_XG = 6.0
SIZE_PER_ROOT_XG = 34.0
SIZE_WITHOUT_XG = 12.0


def shot_map(tables: MatchTables, match_id: str, side: str | None = None) -> go.Figure:
    """Return the shot map of ``match_id``: both teams (home shooting right, away left), or ``side``'s on a half pitch.

    One trace per team and outcome, named "<team> <outcome>"; marker area by xG, a constant size for a
    shot without xG ("xG n/a" in its hover). A match whose shots hold no xG at all (tables built without the xG
    model) says so in its title and leaves xG out of the hover. Own goals and shoot-out kicks are not attempts
    (``team_metrics.shots``) and are left out.
    """
    view = MatchView.of(tables, match_id)
    view.require_shots("The shot map")
    pitch = Pitch(CoordinateSystem.METRES, half=side is not None)
    shots = without_shootout(view.shots)
    shots = shots.loc[~shots["own_goal"].astype(bool)]
    has_xg = bool(shots["xg"].notna().any())
    traces = []
    for team_side in view.sides(side):
        direction = "right" if side is not None else BROADCAST_DIRECTION[team_side]
        team_shots = shots.loc[shots["side"] == team_side]
        for outcome, symbol in OUTCOME_SYMBOLS.items():
            ended = team_shots.loc[team_shots["outcome"] == outcome]
            if not ended.empty:
                traces.append(_shots_trace(view, pitch, ended, direction, symbol, has_xg))
    return pitch.figure(view.title("shots (size: xG)" if has_xg else "shots (no xG in these tables)"), traces=traces)


def _shots_trace(
    view: MatchView, pitch: Pitch, shots: pd.DataFrame, direction: Direction, symbol: str, has_xg: bool
) -> go.Scatter:
    """Return one team's shots of one outcome as markers, with their hover text (xG in it when ``has_xg``)."""
    x, y = pitch.place(shots["x"], shots["y"], direction)
    xg = shots["xg"].to_numpy(dtype=float)
    sizes = np.where(np.isnan(xg), SIZE_WITHOUT_XG, SIZE_AT_ZERO_XG + SIZE_PER_ROOT_XG * np.sqrt(np.nan_to_num(xg)))
    side = str(shots["side"].iloc[0])
    outcome = str(shots["outcome"].iloc[0])
    texts = [
        hover(escape(player), f"{minute} · {escape(situation)}", *([_xg_text(value)] if has_xg else []), outcome)
        for player, minute, situation, value in zip(
            shots["player_name"], minute_labels(shots), shots["situation"], xg, strict=True
        )
    ]
    return go.Scatter(
        x=x,
        y=y,
        mode="markers",
        name=f"{view.team(side)} {outcome}",
        legendgroup=side,
        marker={"symbol": symbol, "size": sizes, "color": SIDE_COLOURS[side], "line": {"color": "white", "width": 1}},
        opacity=0.85,
        hovertext=texts,
        hoverinfo="text",
    )


def _xg_text(value: float) -> str:
    return "xG n/a" if np.isnan(value) else f"xG {value:.2f}"
