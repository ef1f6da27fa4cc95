"""Progressive passes: the arrows of a team's passes that moved the ball well towards the opponent's goal."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from football_rag.analytics import team_metrics
from football_rag.analytics.tables import MatchTables
from football_rag.charts.markup import escape, hover
from football_rag.charts.match_view import MatchView, minute_labels
from football_rag.charts.pitch import Pitch
from football_rag.charts.theme import SIDE_COLOURS
from football_rag.data.coordinates import CoordinateSystem

ARROW_SIZE = 11
ROW = "event_row"


def progressive_passes(tables: MatchTables, match_id: str, side: str | None = None) -> go.Figure:
    """Return the progressive passes of ``match_id`` as arrows: one pitch per team (``side``'s alone), attacking right.

    A progressive pass is exactly what ``team_metrics.progressive_passes`` counts, so each panel shows
    as many arrows as the team's ``progressive_passes`` in ``team_stats``.
    """
    view = MatchView.of(tables, match_id)
    view.require_events("The progressive passes chart")
    sides = view.sides(side)
    pitch = Pitch(CoordinateSystem.OPTA)
    passes = view.events.loc[progressive(view.events)]
    traces = [
        _arrows(pitch, passes.loc[passes["side"] == team_side], view.team(team_side), team_side, panel)
        for panel, team_side in enumerate(sides, start=1)
    ]
    return pitch.figure(view.title("progressive passes"), panels=[view.team(s) for s in sides], traces=traces)


def progressive(events: pd.DataFrame) -> pd.Series:
    """Return, per event, whether ``team_metrics.progressive_passes`` counts it.

    That module exposes the count, not the selection behind it: counted per event (each row its own
    group), its groups are the very events it counts.
    """
    numbered = events.assign(**{ROW: np.arange(len(events))})
    counted = team_metrics.progressive_passes(numbered, by=(ROW,))
    return pd.Series(np.isin(numbered[ROW], counted.index), index=events.index)


def _arrows(pitch: Pitch, passes: pd.DataFrame, team: str, side: str, panel: int) -> go.Scatter:
    """Return the passes as one trace of arrows on ``panel``: per pass its start, its end (the arrowhead, pointing
    along the pass) and a gap."""
    x0, y0 = pitch.place(passes["x"], passes["y"])
    x1, y1 = pitch.place(passes["end_x"], passes["end_y"])
    gap = np.full(len(passes), np.nan)
    labels = [
        hover(escape(player), f"{minute} · progressive pass")
        for player, minute in zip(passes["player_name"], minute_labels(passes), strict=True)
    ]
    return go.Scatter(
        x=np.column_stack([x0, x1, gap]).ravel(),
        y=np.column_stack([y0, y1, gap]).ravel(),
        mode="lines+markers",
        line={"color": SIDE_COLOURS[side], "width": 1.5},
        marker={"symbol": "arrow", "angleref": "previous", "size": np.tile([0, ARROW_SIZE, 0], len(passes))},
        opacity=0.8,
        name=f"{team}: {len(passes)} progressive passes",
        hovertext=[text for label in labels for text in (label, label, "")],
        hoverinfo="text",
        **pitch.axes(panel),
    )
