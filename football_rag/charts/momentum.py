"""Match momentum: which team was pressing into the other's final third, five minutes at a time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import FINAL_THIRD_X, SIDES
from football_rag.charts.markup import escape, hover
from football_rag.charts.match_view import MatchView, minute_labels
from football_rag.charts.theme import AXIS, LAYOUT, SIDE_COLOURS

BIN_MINUTES = 5


def momentum(tables: MatchTables, match_id: str) -> go.Figure:
    """Return the momentum of ``match_id``: per 5 minutes of the running clock, home's touches in the final third
    minus away's (above zero: home on top), with each goal marked at the top (home) or bottom (away).

    A final-third touch is an ``is_touch`` event at x >= ``team_metrics.FINAL_THIRD_X`` (the opponent's
    third, in the acting team's coordinates). Bars are indexed by each bin's first minute.
    """
    view = MatchView.of(tables, match_id)
    view.require_events("The momentum chart")
    threat = final_third_touches(view)
    difference = threat["home"] - threat["away"]
    bars = go.Bar(
        x=threat.index + BIN_MINUTES / 2,
        y=difference,
        width=BIN_MINUTES * 0.9,
        marker_color=[SIDE_COLOURS["home" if d >= 0 else "away"] for d in difference],
        customdata=threat.index,
        hovertext=[
            f"{start}-{start + BIN_MINUTES}': {view.team('home')} {home}, {view.team('away')} {away}"
            for start, home, away in zip(threat.index, threat["home"], threat["away"], strict=True)
        ],
        hoverinfo="text",
        name="final-third touches, home − away",
        showlegend=False,
    )
    top = max(int(difference.abs().max()), 1) * 1.15
    goals = [_goals(view, side, top if side == "home" else -top) for side in SIDES]
    layout = {
        **LAYOUT,
        "title": {"text": view.title("momentum: final-third touches, home − away")},
        "xaxis": {**AXIS, "title": {"text": "minute (stoppage time counted)"}},
        # The axis title reads upwards: away's name by the bars below zero, home's by those above.
        "yaxis": {**AXIS, "title": {"text": f"{view.team('away')} ↓   ↑ {view.team('home')}"}, "zeroline": True},
    }
    return go.Figure(data=[bars, *goals], layout=layout)


def final_third_touches(view: MatchView) -> pd.DataFrame:
    """Return each team's final-third touches per bin of ``BIN_MINUTES`` (index: the bin's first minute)."""
    play = view.play
    touches = play.loc[play["is_touch"].astype(bool) & (play["x"] >= FINAL_THIRD_X)]
    start = (touches["expanded_minute"] // BIN_MINUTES * BIN_MINUTES).astype(int).rename("start")
    counts = touches.groupby([start, touches["side"]]).size().unstack("side", fill_value=0)
    last = int(play["expanded_minute"].max())
    bins = pd.RangeIndex(0, last + 1, BIN_MINUTES, name="start")
    return counts.reindex(index=bins, columns=list(SIDES), fill_value=0)


def _goals(view: MatchView, side: str, height: float) -> go.Scatter:
    """Return the goals counting for ``side`` as markers at ``height``, hovering with scorer and minute."""
    goals = view.goals_for(side)
    return go.Scatter(
        x=view.shot_clock(goals),
        y=[height] * len(goals),
        mode="markers",
        marker={"symbol": "star", "size": 14, "color": SIDE_COLOURS[side]},
        name=f"{view.team(side)} goals",
        hovertext=[
            hover(escape(player) + (" (own goal)" if own else ""), minute)
            for player, own, minute in zip(goals["player_name"], goals["own_goal"], minute_labels(goals), strict=True)
        ],
        hoverinfo="text",
    )
