"""The touch heatmap: where on the pitch a team had the ball, as counts of touches per zone."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.colors import hex_to_rgb

from football_rag.analytics.tables import MatchTables
from football_rag.charts.match_view import MatchView
from football_rag.charts.pitch import LENGTH, WIDTH, Pitch
from football_rag.charts.theme import SIDE_COLOURS
from football_rag.data.coordinates import CoordinateSystem

# 12 x 8 zones of 8.75 m x 8.5 m: fine enough to see a flank, coarse enough to count in one match.
ZONES = (12, 8)


def heatmap(tables: MatchTables, match_id: str, side: str | None = None) -> go.Figure:
    """Return the touch heatmaps of ``match_id``: one pitch per team (``side``'s alone when given), attacking right.

    A touch is an event the provider marks ``is_touch`` (passes, take-ons, shots, clearances...); each
    zone's ``z`` is its number of touches, so a panel's counts add up to the team's touches.
    """
    view = MatchView.of(tables, match_id)
    view.require_events("The touch heatmap")
    sides = view.sides(side)
    pitch = Pitch(CoordinateSystem.OPTA)
    play = view.play
    traces = []
    for panel, team_side in enumerate(sides, start=1):
        touches = play.loc[(play["side"] == team_side) & play["is_touch"].astype(bool)]
        x, y = pitch.place(touches["x"], touches["y"])
        traces.append(_zones(x, y, view.team(team_side), team_side, pitch.axes(panel)))
    return pitch.figure(view.title("touches"), panels=[view.team(s) for s in sides], traces=traces, layer="above")


def _zones(x: np.ndarray, y: np.ndarray, team: str, side: str, axes: dict[str, str]) -> go.Heatmap:
    """Return the touches counted per zone as a heatmap fading from clear to the team's colour."""
    # A touch on a line (x = 100 in Opta units) belongs to the zone inside the pitch.
    counts, x_edges, y_edges = np.histogram2d(
        np.clip(x, 0, LENGTH), np.clip(y, 0, WIDTH), bins=ZONES, range=[[0, LENGTH], [0, WIDTH]]
    )
    red, green, blue = hex_to_rgb(SIDE_COLOURS[side])
    return go.Heatmap(
        z=counts.T,
        x=(x_edges[:-1] + x_edges[1:]) / 2,
        y=(y_edges[:-1] + y_edges[1:]) / 2,
        zmin=0,
        colorscale=[[0.0, f"rgba({red},{green},{blue},0)"], [1.0, f"rgba({red},{green},{blue},0.9)"]],
        showscale=False,
        name=f"{team} touches",
        hovertemplate="%{z:.0f} touches<extra></extra>",
        **axes,
    )
