"""Defensive actions: where a team won or contested the ball, and how high it defended on average."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import LINE_HEIGHT_ACTIONS
from football_rag.charts.markup import escape, hover
from football_rag.charts.match_view import MatchView, minute_labels
from football_rag.charts.pitch import WIDTH, Pitch
from football_rag.charts.theme import SIDE_COLOURS
from football_rag.data.coordinates import CoordinateSystem

ACTION_SYMBOLS = {
    "Tackle": "triangle-up",
    "Challenge": "triangle-down",
    "Interception": "diamond",
    "Clearance": "square",
    "BlockedPass": "x",
    "BallRecovery": "circle",
}


def defensive_actions(tables: MatchTables, match_id: str, side: str | None = None) -> go.Figure:
    """Return the defensive actions of ``match_id``: one pitch per team (``side``'s alone when given), attacking right.

    The actions are those of ``team_metrics.defensive_line_height`` (tackles, challenges, interceptions,
    clearances, blocked passes, ball recoveries), one trace each, filled when won; the dashed line is the
    team's defensive line height from ``team_stats`` (metres from its own goal; that mean also counts
    fouls committed).
    """
    view = MatchView.of(tables, match_id)
    view.require_events("The defensive actions chart")
    sides = view.sides(side)
    pitch = Pitch(CoordinateSystem.OPTA)
    play = view.play
    traces = []
    for panel, team_side in enumerate(sides, start=1):
        actions = play.loc[(play["side"] == team_side) & play["type"].isin(LINE_HEIGHT_ACTIONS)]
        for action in LINE_HEIGHT_ACTIONS:
            done = actions.loc[actions["type"] == action]
            if not done.empty:
                traces.append(_action_trace(pitch, done, action, team_side, panel))
        height = view.team_stats.at[team_side, "defensive_line_height"]
        if pd.notna(height):
            traces.append(_line_height(float(height), view.team(team_side), team_side, pitch.axes(panel)))
    title = view.title("defensive actions and line height")
    return pitch.figure(title, panels=[view.team(s) for s in sides], traces=traces)


def _action_trace(pitch: Pitch, actions: pd.DataFrame, action: str, side: str, panel: int) -> go.Scatter:
    """Return one kind of defensive action as markers (open when lost) on ``panel``, in the legend once."""
    x, y = pitch.place(actions["x"], actions["y"])
    won = actions["outcome"].fillna(False).astype(bool).to_numpy()
    symbol = ACTION_SYMBOLS.get(action, "circle")
    return go.Scatter(
        x=x,
        y=y,
        mode="markers",
        name=action,
        legendgroup=action,
        showlegend=panel == 1,
        marker={
            "symbol": [symbol if success else f"{symbol}-open" for success in won],
            "size": 9,
            "color": SIDE_COLOURS[side],
            "line": {"width": 1.5, "color": SIDE_COLOURS[side]},
        },
        hovertext=[
            hover(escape(player), f"{minute} · {action} {'won' if success else 'lost'}")
            for player, minute, success in zip(actions["player_name"], minute_labels(actions), won, strict=True)
        ],
        hoverinfo="text",
        **pitch.axes(panel),
    )


def _line_height(height: float, team: str, side: str, axes: dict[str, str]) -> go.Scatter:
    """Return the defensive line height as a dashed line across the pitch, ``height`` metres from the own goal."""
    return go.Scatter(
        x=[height, height],
        y=[0.0, WIDTH],
        mode="lines",
        line={"color": SIDE_COLOURS[side], "dash": "dash", "width": 2},
        name=f"{team} line height {height:.1f} m",
        hoverinfo="name",
        **axes,
    )
