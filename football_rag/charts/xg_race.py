"""The xG race: each team's expected goals adding up over the match, with its goals marked on the line."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import SIDES, without_shootout
from football_rag.charts.errors import ChartError
from football_rag.charts.markup import escape, hover
from football_rag.charts.match_view import MatchView, minute_labels
from football_rag.charts.theme import AXIS, LAYOUT, SIDE_COLOURS


def xg_race(tables: MatchTables, match_id: str) -> go.Figure:
    """Return the xG race of ``match_id``: per team, a step line of cumulative xG over the running clock.

    Each line starts at 0 at kick-off and ends at the final whistle at the team's xG (own goals are not
    attempts: no xG). Goals are markers on the line of the team they count for, an own goal included,
    labelled with the scorer. Raises ``ChartError`` while any attempt has no xG (the xG model fills it).
    """
    view = MatchView.of(tables, match_id)
    view.require_shots("The xG race")
    shots = without_shootout(view.shots)
    attempts = shots.loc[~shots["own_goal"].astype(bool)]
    missing = int(attempts["xg"].isna().sum())
    if missing:
        raise ChartError(f"the xG race needs xG for every shot; {missing} shots of match {view.match_id} have none yet")
    clock = view.shot_clock(shots)
    end = _final_whistle(view, clock)
    by_side = {side: attempts.loc[attempts["side"] == side] for side in SIDES}
    lines = [_race_line(view, side, by_side[side], clock, end) for side in SIDES]
    goals = [_goal_markers(view, view.goals_for(side), by_side[side], clock, side) for side in SIDES]
    layout = {
        **LAYOUT,
        "title": {"text": view.title("xG race")},
        "xaxis": {**AXIS, "title": {"text": "minute (stoppage time counted)"}},
        "yaxis": {**AXIS, "title": {"text": "cumulative xG"}, "rangemode": "tozero"},
    }
    return go.Figure(data=lines + goals, layout=layout)


def _final_whistle(view: MatchView, clock: pd.Series) -> float:
    """Return the clock at the end: the last event's minute, else the last shot's or the regulation length."""
    play = view.play
    last_event = float(play["expanded_minute"].max()) + 1 if not play.empty else 0.0
    return max(last_event, float(clock.max()) if not clock.empty else 0.0, float(view.match["match_length"]))


def _race_line(view: MatchView, side: str, attempts: pd.DataFrame, clock: pd.Series, end: float) -> go.Scatter:
    """Return one team's cumulative xG as a step line from kick-off (0) to the final whistle (``end``)."""
    ordered = attempts.assign(clock=clock.reindex(attempts.index)).sort_values("clock", kind="stable")
    running = ordered["xg"].cumsum().to_numpy(dtype=float)
    final = float(running[-1]) if len(running) else 0.0
    return go.Scatter(
        x=[0.0, *ordered["clock"], end],
        y=[0.0, *running, final],
        mode="lines",
        line={"shape": "hv", "color": SIDE_COLOURS[side], "width": 2.5},
        name=f"{view.team(side)} xG {final:.2f}",
        legendgroup=side,
        hovertemplate="%{x:.0f}': %{y:.2f} xG",
    )


def _goal_markers(
    view: MatchView, goals: pd.DataFrame, attempts: pd.DataFrame, clock: pd.Series, side: str
) -> go.Scatter:
    """Return the goals counting for ``side`` as markers on its line (its xG up to and including that minute)."""
    at = clock.reindex(goals.index).to_numpy(dtype=float)
    shot_clock = clock.reindex(attempts.index).to_numpy(dtype=float)
    xg = attempts["xg"].to_numpy(dtype=float)
    heights = [float(xg[shot_clock <= minute].sum()) for minute in at]
    scorers = [escape(name) for name in goals["player_name"]]
    notes = [" (own goal)" if own else "" for own in goals["own_goal"].astype(bool)]
    return go.Scatter(
        x=at,
        y=heights,
        mode="markers+text",
        text=[f"{scorer}{note}" for scorer, note in zip(scorers, notes, strict=True)],
        textposition="top left",
        marker={"symbol": "star", "size": 14, "color": SIDE_COLOURS[side], "line": {"color": "white", "width": 1}},
        name=f"{view.team(side)} goals",
        legendgroup=side,
        hovertext=[
            hover(f"{scorer}{note}", f"{minute} · goal for {view.team(side)}")
            for scorer, note, minute in zip(scorers, notes, minute_labels(goals), strict=True)
        ],
        hoverinfo="text",
    )
