"""One match of the analytics tables as the charts see it: its rows of every table, its teams, its clock.

``MatchView.of(tables, match_id)`` selects the match once; the charts read ``events``, ``shots``,
``lineups`` and ``team_stats`` from it. Minutes: Opta (WhoScored) counts whole minutes elapsed and
runs on through stoppage time (its 46th minute of the first half is "45+2'"), FotMob quotes the
minute and gives stoppage time apart; ``minute_labels`` writes either as a match report quotes it, and
``shot_clock`` places shots on one running clock (Opta's expanded minutes, stoppage time counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from football_rag.analytics.minutes import minute_label
from football_rag.analytics.table_index import match_rows
from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import SIDES, without_shootout
from football_rag.analytics.timeline import OPPONENT
from football_rag.charts.errors import ChartError
from football_rag.charts.markup import escape
from football_rag.data.contracts import Source
from football_rag.rag.facts import fmt

# Periods of play (1-4); WhoScored also files pre-match (16) and post-game (14) events.
PLAY_PERIODS = (1, 2, 3, 4)


def match_row(tables: MatchTables, match_id: str) -> pd.Series:
    """Return the matches-table row of ``match_id``; raise ``ChartError`` when the tables do not hold it."""
    rows = tables.matches.loc[tables.matches["match_id"] == str(match_id)]
    if rows.empty:
        raise ChartError(f"no match {match_id!r} in the tables")
    return rows.iloc[0]


def side_of(match: pd.Series, team: str) -> str:
    """Return "home" or "away": the side ``team`` played in ``match``; raise ``ChartError`` when it did not play."""
    for side in SIDES:
        if match[side] == team:
            return side
    raise ChartError(f"{team!r} did not play in match {match['match_id']} ({match['home']} v {match['away']})")


@dataclass(frozen=True)
class MatchView:
    """The rows of one match in every table the charts use; ``team_stats`` indexed by side."""

    match: pd.Series
    events: pd.DataFrame
    shots: pd.DataFrame
    lineups: pd.DataFrame
    team_stats: pd.DataFrame

    @classmethod
    def of(cls, tables: MatchTables, match_id: str) -> MatchView:
        """Return the view of ``match_id``; raise ``ChartError`` when the tables do not hold it."""
        match = match_row(tables, match_id)
        key = match["match_id"]
        return cls(
            match=match,
            events=match_rows(tables.events, key),
            shots=tables.shots.loc[tables.shots["match_id"] == key],
            lineups=tables.lineups.loc[tables.lineups["match_id"] == key],
            team_stats=tables.team_stats.loc[tables.team_stats["match_id"] == key].set_index("side"),
        )

    @property
    def match_id(self) -> str:
        return str(self.match["match_id"])

    def team(self, side: str) -> str:
        """Return the name of the ``side`` team, escaped for plotly."""
        return escape(self.match[side])

    def title(self, chart: str) -> str:
        """Return a chart title: the match and its score, then what the chart shows."""
        score = f"{fmt(self.match['home_goals'])}-{fmt(self.match['away_goals'])}"
        return f"{self.team('home')} {score} {self.team('away')} · {chart}"

    def sides(self, side: str | None) -> tuple[str, ...]:
        """Return the sides a chart of ``side`` draws: that one, or both when None; raise on any other value."""
        if side is None:
            return SIDES
        if side not in SIDES:
            raise ChartError(f"side must be 'home' or 'away', not {side!r}")
        return (side,)

    def require_events(self, chart: str) -> None:
        """Raise ``ChartError`` when the match's record has no events (a FotMob record, a partial capture)."""
        if not bool(self.match["events_available"]) or self.events.empty:
            raise ChartError(f"{chart} needs event data, and match {self.match_id} has none")

    def require_shots(self, chart: str) -> None:
        """Raise ``ChartError`` when the match's record has no shots."""
        if not bool(self.match["shots_available"]):
            raise ChartError(f"{chart} needs shot data, and match {self.match_id} has none")

    @cached_property
    def play(self) -> pd.DataFrame:
        """The events of the periods of play (not the shoot-out, pre-match or post-game records), without the
        qualifiers and WhoScored's types: copying those long texts was most of a chart's selections."""
        wanted = self.events["period"].isin(PLAY_PERIODS)
        return self.events.loc[wanted, self.events.columns.drop(["qualifiers", "satisfied_types"])]

    def goals_for(self, side: str) -> pd.DataFrame:
        """Return the shots that count as goals for ``side``: its own and the opponent's own goals (no shoot-out)."""
        shots = without_shootout(self.shots)
        goals = shots.loc[shots["is_goal"].astype(bool)]
        credited = goals["side"].where(~goals["own_goal"].astype(bool), goals["side"].map(OPPONENT))
        return goals.loc[credited == side]

    def shot_clock(self, shots: pd.DataFrame) -> pd.Series:
        """Return each shot's time in minutes on the match's running clock (stoppage time counted).

        A shot that is an event takes its event's expanded minute and second; a shot without one (a
        FotMob record) its quoted minute plus stoppage time, less the minute under way.
        """
        # Shot events only: WhoScored gives its offside events the id of another event of the match.
        events = self.events.loc[self.events["is_shot"].astype(bool)].set_index("source_event_id")
        keys = shots["shot_id"]
        expanded = events["expanded_minute"].reindex(keys).to_numpy(dtype=float, na_value=np.nan)
        second = events["second"].reindex(keys).fillna(0).to_numpy(dtype=float, na_value=0.0)
        return pd.Series(np.where(np.isnan(expanded), _elapsed(shots), expanded + second / 60), index=shots.index)


def minute_labels(frame: pd.DataFrame) -> list[str]:
    """Return each row's minute as quoted ("37'", "45+2'"), for rows of the shots table or of events (Opta)."""
    return [minute_label(period, minute) for period, minute in zip(frame["period"], _elapsed(frame), strict=True)]


def _elapsed(frame: pd.DataFrame) -> pd.Series:
    """Return Opta's elapsed minute of each row: a FotMob minute and its stoppage time, less the minute under way."""
    if "source" not in frame:
        return frame["minute"].astype(int)
    fotmob = frame["source"].eq(Source.FOTMOB.value)
    added = frame["minute_added"].fillna(0).astype(int)
    return frame["minute"].where(~fotmob, frame["minute"] + added - 1).astype(int)
