"""Which matches a question is about, from the resolved teams, players and period.

Never a silent guess: several candidates for a one-match question are stated (the latest is used and
the others named), a pair of teams that never met in the period is an unknown match with the nearest
matches the data does have.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import pandas as pd

from football_rag.data.contracts import FINISHED
from football_rag.rag.entities import Resolution

NEAREST = 3
# What choosing a match reads, and what its label shows (``FactBook.label``).
CALENDAR_COLUMNS = ("match_id", "home", "away", "date", "status", "home_goals", "away_goals", "competition")


class Calendar:
    """The matches selection reads, and each club's, oldest first, found once: a one-match question names a club, and
    comparing both clubs of every match for it cost more with every season loaded."""

    def __init__(self, matches: pd.DataFrame) -> None:
        # Only the columns selection reads: each question filters it several times, and a filter copies every column
        # (37 in the matches table, ~3 ms a filter at 170 matches).
        self.frame = matches[[c for c in CALENDAR_COLUMNS if c in matches.columns]].copy()
        dated = self.frame.sort_values("date", kind="stable")
        clubs = set(dated["home"].dropna()) | set(dated["away"].dropna())
        self._by_club = {club: dated[(dated["home"] == club) | (dated["away"] == club)] for club in clubs}

    def of_clubs(self, teams: list[str]) -> pd.DataFrame:
        """Return the matches involving every one of ``teams`` (one at least, either side), oldest first."""
        pool = self._by_club.get(teams[0], self.frame.iloc[0:0])
        for team in teams[1:]:
            pool = pool[(pool["home"] == team) | (pool["away"] == team)]
        return pool


@dataclass
class Selection:
    match_ids: list[str] = field(default_factory=list)
    note: str | None = None
    unknown: bool = False
    nearest: list[str] = field(default_factory=list)


def in_period(matches: pd.DataFrame, resolution: Resolution) -> pd.DataFrame:
    """Return the matches of the resolution's period and competition (each when it names one)."""
    if resolution.competition is not None:
        matches = matches[matches["competition"] == resolution.competition]
    if resolution.period is None:
        return matches
    # Compared as datetimes: ``.dt.date`` made a Python date of every row each time (0.8 ms at one season, 1.6 at ten).
    days = matches["date"]
    start, after = pd.Timestamp(resolution.period.start), pd.Timestamp(resolution.period.end) + pd.Timedelta(days=1)
    return matches[(days >= start) & (days < after)]


def _teams_of_players(resolution: Resolution) -> list[str]:
    return sorted({team for p in resolution.players for team in p.teams}) if len(resolution.players) == 1 else []


def faces_opponent(resolution: Resolution) -> bool:
    """Whether the question names one player and one team he did not play for ("Haaland against Brentford"), or one
    he left in the season named as his opponent ("Eze v Crystal Palace")."""
    player_teams = _teams_of_players(resolution)
    if len(resolution.teams) != 1 or not player_teams:
        return False
    left = resolution.opponent == resolution.teams[0] and len(player_teams) > 1
    return resolution.teams[0] not in player_teams or left


def candidates(matches: Calendar, resolution: Resolution) -> pd.DataFrame:
    """Every match the entities allow, oldest first."""
    if faces_opponent(resolution):
        # His meetings with the opponent while in the squad: after a transfer his old team's games are not his.
        pool = _any_of(
            matches.of_clubs(resolution.teams), [t for t in _teams_of_players(resolution) if t not in resolution.teams]
        )
        return in_period(pool[pool["match_id"].isin(resolution.players[0].matches)], resolution)
    teams = resolution.teams or _teams_of_players(resolution)
    if len(teams) > 2:
        teams = teams[:2]
    if not teams:  # a period, or "the latest match" of all, names matches; nothing else does
        return (
            in_period(matches.frame, resolution).sort_values("date", kind="stable")
            if resolution.period or resolution.wants_last_match
            else matches.frame.iloc[0:0]
        )
    # A player's two clubs (a transfer) are either club's matches, not their meetings.
    pool = matches.of_clubs(teams) if resolution.teams else _any_of(matches.frame, teams)
    return in_period(pool, resolution)


def _any_of(matches: pd.DataFrame, teams: list[str]) -> pd.DataFrame:
    mask = matches["home"].isin(teams) | matches["away"].isin(teams)
    return matches[mask].sort_values("date", kind="stable")


def select_one(
    matches: Calendar,
    resolution: Resolution,
    label: Callable[[pd.Series], str],
    preferred: Collection[str] = (),
) -> Selection:
    """The one match a match-fact question is about, or why there is none. Of several that fit, those with the
    score the question names, then those of ``preferred`` ("when did Bruno score against Burnley": the meetings he
    scored in), are kept when any is."""
    pool = candidates(matches, resolution)
    if resolution.score is not None:
        low = pool[["home_goals", "away_goals"]].min(axis=1)
        high = pool[["home_goals", "away_goals"]].max(axis=1)
        pool = _kept(pool, (low == resolution.score[0]) & (high == resolution.score[1]))
    if resolution.home is not None:  # "at old trafford", "chelsea v fulham at home": that club's home game
        pool = _kept(pool, pool["home"] == resolution.home)
    pool = _kept(pool, pool["match_id"].isin(list(preferred)))
    if pool.empty:
        return Selection(unknown=True, nearest=nearest_matches(matches, resolution))
    finished = pool[pool["status"] == FINISHED]
    # A match captured in progress is "the latest" only when no finished match fits.
    chosen = (finished if not finished.empty else pool).iloc[-1]
    others = pool[pool["match_id"] != chosen["match_id"]].iloc[::-1]
    note = None
    if not others.empty and not resolution.wants_last_match:
        listed = ", ".join(label(row) for _, row in others.head(NEAREST).iterrows())
        scope = "their latest match" if len(resolution.teams) < 2 else "the latest meeting"
        note = f"{len(pool)} matches fit the question; this is {scope}. Others: {listed}."
    return Selection(match_ids=[chosen["match_id"]], note=note)


def _kept(pool: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
    """Return the rows of ``pool`` the mask keeps, or the whole pool when it keeps none."""
    return pool[mask] if mask.any() else pool


def nearest_matches(matches: Calendar, resolution: Resolution) -> list[str]:
    """The matches closest to what was asked: the teams' meetings, else their matches nearest the date."""
    teams = resolution.teams or _teams_of_players(resolution)
    pool = matches.of_clubs(teams) if len(teams) >= 2 else pd.DataFrame()
    if pool.empty and teams:
        pool = _any_of(matches.frame, teams)
    if pool.empty:
        return []
    if resolution.period is not None:
        target = pd.Timestamp(resolution.period.start)
        order = (pool["date"] - target).abs().sort_values(kind="stable").index
        pool = pool.loc[order]
    else:
        pool = pool.iloc[::-1]
    return pool["match_id"].head(NEAREST).tolist()
