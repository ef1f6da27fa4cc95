"""One team as the explorer shows it: its results in the loaded matches and its recent form."""

from __future__ import annotations

import pandas as pd

from football_rag.analytics.tables import MatchTables
from football_rag.app.markup import md
from football_rag.rag.facts import fmt

RESULT_HEADERS = ["Date", "Opponent", "Venue", "Score", "Result", "xG", "xG against", "Shots", "Possession"]
FORM_LENGTH = 5
POINTS = {"W": 3, "D": 1, "L": 0}


def team_games(tables: MatchTables, team: str, matches: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the team's ``team_stats`` rows with the match date, oldest first (within ``matches`` when given)."""
    scope = tables.matches if matches is None else matches
    games = tables.team_stats[tables.team_stats["team"] == team]
    games = games.merge(scope[["match_id", "date"]], on="match_id", how="inner")
    return games.sort_values(["date", "match_id"]).reset_index(drop=True)


def results(games: pd.DataFrame) -> pd.DataFrame:
    """Return one row per game, latest first: date, opponent, venue, score (the team's goals first), result, figures."""
    rows = [
        [
            f"{pd.Timestamp(g['date']):%-d %b %Y}",
            g["opponent"],
            "home" if g["side"] == "home" else "away",
            f"{fmt(g['goals'])}-{fmt(g['goals_against'])}",
            g["result"],
            fmt(g["xg"], 2),
            fmt(g["xg_against"], 2),
            fmt(g["shots"]),
            f"{fmt(g['possession'], 1)}%" if pd.notna(g["possession"]) else "n/a",
        ]
        for _, g in games.iloc[::-1].iterrows()
    ]
    return pd.DataFrame(rows, columns=RESULT_HEADERS)


def form_summary(team: str, games: pd.DataFrame) -> str:
    """Return Markdown: the team's record in these games and its last five results, oldest to newest."""
    if games.empty:
        return f"**{md(team)}**: no matches in this selection."
    record = games["result"].value_counts()
    wins, draws, losses = (int(record.get(r, 0)) for r in ("W", "D", "L"))
    last = games.tail(FORM_LENGTH)
    points = sum(POINTS.get(r, 0) for r in last["result"])
    return (
        f"### {md(team)}\n\n"
        f"{len(games)} matches: {wins} won, {draws} drawn, {losses} lost; "
        f"goals {int(games['goals'].sum())}-{int(games['goals_against'].sum())}.\n\n"
        f"Form (last {len(last)}, oldest first): **{' '.join(last['result'])}** ({points} of {3 * len(last)} points)"
    )
