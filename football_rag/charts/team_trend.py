"""A team's season: goals and xG for and against, match by match, with each result marked."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from football_rag.analytics.tables import MatchTables
from football_rag.charts.errors import ChartError
from football_rag.charts.markup import escape, hover
from football_rag.charts.theme import AXIS, LAYOUT, RESULT_COLOURS, SIDE_COLOURS
from football_rag.rag.facts import day_label, fmt

# Room either side of the first and last match (a single match would otherwise span a millisecond).
DATE_PADDING = pd.Timedelta(days=4)
# (team_stats column, legend name, decimals, colour, dash): what the team made and what it allowed.
LINES = (
    ("goals", "goals for", 0, SIDE_COLOURS["away"], "solid"),
    ("goals_against", "goals against", 0, SIDE_COLOURS["home"], "solid"),
    ("xg", "xG for", 2, SIDE_COLOURS["away"], "dot"),
    ("xg_against", "xG against", 2, SIDE_COLOURS["home"], "dot"),
)


def team_trend(tables: MatchTables, team: str) -> go.Figure:
    """Return ``team``'s season in the tables: one point per match, by date, for goals and xG for and against.

    The goals-for line carries the results: each marker coloured and labelled W, D or L. A match
    whose xG is not known yet leaves a gap in the xG lines. Raises ``ChartError`` for a team without matches.
    """
    games = season_rows(tables, team)
    labels = [_match_label(game) for game in games.itertuples(index=False)]
    layout = {
        **LAYOUT,
        "title": {"text": f"{escape(team)} · season: goals and xG per match"},
        "xaxis": {**AXIS, "range": [games["date"].min() - DATE_PADDING, games["date"].max() + DATE_PADDING]},
        "yaxis": {**AXIS, "title": {"text": "per match"}, "rangemode": "tozero"},
    }
    return go.Figure(data=[_line(games, labels, *line) for line in LINES], layout=layout)


def _line(
    games: pd.DataFrame, labels: list[str], column: str, name: str, decimals: int, colour: str, dash: str
) -> go.Scatter:
    """Return ``column`` of every match as one line; the goals-for line also marks each result (W, D or L)."""
    values = games[column].astype(float)
    results = column == "goals"
    return go.Scatter(
        x=games["date"],
        y=values,
        mode="lines+markers+text" if results else "lines+markers",
        name=name,
        line={"color": colour, "dash": dash, "width": 2.5 if results else 1.5},
        marker={
            "size": 13 if results else 6,
            "color": [RESULT_COLOURS[r] for r in games["result"]] if results else colour,
        },
        text=list(games["result"]) if results else None,
        textposition="top center",
        hovertext=[f"{label}<br>{name}: {fmt(v, decimals)}" for label, v in zip(labels, values, strict=True)],
        hoverinfo="text",
    )


def season_rows(tables: MatchTables, team: str) -> pd.DataFrame:
    """Return ``team``'s ``team_stats`` rows with the match date, oldest first; raise ``ChartError`` when none."""
    rows = tables.team_stats.loc[tables.team_stats["team"] == team]
    if rows.empty:
        raise ChartError(f"no matches of {team!r} in the tables")
    dates = tables.matches.set_index("match_id")["date"]
    return rows.assign(date=rows["match_id"].map(dates)).sort_values(["date", "match_id"]).reset_index(drop=True)


def _match_label(game: object) -> str:
    """Return "14 September 2025 v Man Utd<br>3-0 (W)" for a row of ``season_rows``."""
    where = "v" if game.side == "home" else "at"
    score = f"{fmt(game.goals)}-{fmt(game.goals_against)} ({game.result})"
    return hover(f"{day_label(game.date)} {where} {escape(game.opponent)}", score)
