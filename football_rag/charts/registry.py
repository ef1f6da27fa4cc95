"""Every chart by kind name, and ``render_chart``: the one entry the app and its API call.

Match charts of one team or both (``TEAM_CHARTS``: both teams on two pitches unless a team or side is
given), match charts that set the two teams against each other (``MATCH_CHARTS``), and the team's
season (``team_trend``). Every refusal is a ``ChartError`` whose message can be shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import SIDES
from football_rag.charts.defensive_actions import defensive_actions
from football_rag.charts.errors import ChartError
from football_rag.charts.heatmap import heatmap
from football_rag.charts.match_view import match_row, side_of
from football_rag.charts.momentum import momentum
from football_rag.charts.pass_network import pass_network
from football_rag.charts.progressive_passes import progressive_passes
from football_rag.charts.shot_map import shot_map
from football_rag.charts.stats_comparison import stats_comparison
from football_rag.charts.team_trend import team_trend
from football_rag.charts.xg_race import xg_race

CHART_KINDS = (
    "shot_map",
    "xg_race",
    "pass_network",
    "heatmap",
    "defensive_actions",
    "progressive_passes",
    "stats_comparison",
    "momentum",
    "team_trend",
)
TeamChart = Callable[[MatchTables, str, str | None], go.Figure]
MatchChart = Callable[[MatchTables, str], go.Figure]
TEAM_CHARTS: dict[str, TeamChart] = {
    "shot_map": shot_map,
    "pass_network": pass_network,
    "heatmap": heatmap,
    "defensive_actions": defensive_actions,
    "progressive_passes": progressive_passes,
}
MATCH_CHARTS: dict[str, MatchChart] = {
    "xg_race": xg_race,
    "stats_comparison": stats_comparison,
    "momentum": momentum,
}


def render_chart(
    kind: str,
    tables: MatchTables,
    match_id: str | None = None,
    team: str | None = None,
    side: str | None = None,
) -> go.Figure:
    """Return the plotly figure of chart ``kind`` (one of ``CHART_KINDS``).

    Match charts need ``match_id``; ``team`` (its name) or ``side`` ("home"/"away") narrows a one-team
    chart to that team (a chart of both teams checks them and draws both). ``team_trend`` needs
    ``team``, or ``match_id`` and ``side`` to name it. Raises ``ChartError`` for an unknown kind, a
    missing match or team, a side that is neither, or a match
    without the data the chart needs (events; xG for the xG race).
    """
    if kind not in CHART_KINDS:
        raise ChartError(f"unknown chart kind {kind!r}; the kinds are {', '.join(CHART_KINDS)}")
    if side is not None and side not in SIDES:
        raise ChartError(f"side must be 'home' or 'away', not {side!r}")
    if kind == "team_trend":
        return team_trend(tables, _trend_team(tables, match_id, team, side))
    if match_id is None:
        raise ChartError(f"the {kind} chart needs a match id")
    chosen = _team_side(tables, match_id, team, side)
    if kind in MATCH_CHARTS:
        return MATCH_CHARTS[kind](tables, match_id)
    return TEAM_CHARTS[kind](tables, match_id, chosen)


def _team_side(tables: MatchTables, match_id: str, team: str | None, side: str | None) -> str | None:
    """Return the side a one-team chart draws: ``team``'s in the match, else ``side`` (None: both)."""
    if team is None:
        return side
    played = side_of(match_row(tables, match_id), team)
    if side is not None and side != played:
        raise ChartError(f"{team!r} was the {played} side of match {match_id}, not the {side} side")
    return played


def _trend_team(tables: MatchTables, match_id: str | None, team: str | None, side: str | None) -> str:
    """Return the team whose season to draw: ``team``, else the ``side`` team of ``match_id``."""
    if team is not None:
        return team
    if match_id is None or side is None:
        raise ChartError("the team_trend chart needs a team (or a match id and a side)")
    return str(match_row(tables, match_id)[side])
