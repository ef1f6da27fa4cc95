"""The stats comparison: home and away side by side on each key figure, as butterfly bars."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from football_rag.analytics.stat_registry import definition
from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import SIDES
from football_rag.charts.match_view import MatchView
from football_rag.charts.theme import AXIS, LAYOUT, SIDE_COLOURS
from football_rag.rag.facts import fmt

# The figures compared, top to bottom (``team_stats`` columns; labels and decimals from the stat registry).
STATS = (
    "xg",
    "shots",
    "shots_on_target",
    "big_chances",
    "possession",
    "passes",
    "pass_accuracy",
    "progressive_passes",
    "field_tilt",
    "ppda",
    "corners",
    "tackles",
    "interceptions",
    "saves",
)
DIRECTION = {"home": -1.0, "away": 1.0}


def stats_comparison(tables: MatchTables, match_id: str) -> go.Figure:
    """Return the butterfly chart of ``match_id``: per figure, home's bar to the left, away's to the right.

    A bar's length is the team's share of the two teams' total (so figures of any scale sit on one
    axis); its label and ``customdata`` are the ``team_stats`` value itself ("n/a" where the source
    cannot give it, e.g. xG before the model fills it).
    """
    view = MatchView.of(tables, match_id)
    values = view.team_stats.loc[list(SIDES), list(STATS)].astype(float)
    totals = values.sum(axis=0, min_count=2).to_numpy()
    bars = [_bars(view, side, values.loc[side].to_numpy(), totals) for side in SIDES]
    layout = {
        **LAYOUT,
        "title": {"text": view.title("key figures")},
        "barmode": "relative",
        "xaxis": {**AXIS, "range": [-125, 125], "showticklabels": False, "showgrid": False, "zeroline": True},
        "yaxis": {**AXIS, "autorange": "reversed", "showgrid": False},
    }
    return go.Figure(data=bars, layout=layout)


def _bars(view: MatchView, side: str, values: np.ndarray, totals: np.ndarray) -> go.Bar:
    """Return one team's bars: its share of each total, towards its side of the axis, labelled with the value."""
    share = np.nan_to_num(100 * values / np.where(totals > 0, totals, np.nan))
    labels = [definition(stat).label for stat in STATS]
    shown = [fmt(value, definition(stat).decimals) for stat, value in zip(STATS, values, strict=True)]
    return go.Bar(
        y=labels,
        x=DIRECTION[side] * share,
        orientation="h",
        name=view.team(side),
        marker_color=SIDE_COLOURS[side],
        text=shown,
        textposition="outside",
        customdata=values,
        hovertext=[f"{view.team(side)}: {value} {label}" for value, label in zip(shown, labels, strict=True)],
        hoverinfo="text",
    )
