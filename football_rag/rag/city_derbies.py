"""Derbies named by a city alone ("a London derby", "arsenal's last london derby"): any two of the city's clubs in
the data (``configs/derbies.yaml``, ``city_derbies``). A club of the city named is its latest meeting with another
of them (in the period asked); none named asks back with the city's meetings of the period, latest first, never a
guess; a club of another city named is said not to be one of them, and asked back the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from football_rag.config.yaml_config import load_config
from football_rag.data.contracts import FINISHED
from football_rag.rag.dates import Period


@dataclass(frozen=True)
class CityDerby:
    """One city's derby: the words it is named by, its clubs in the data and their meetings (day, home, away)."""

    city: str
    names: tuple[str, ...]
    clubs: frozenset[str]
    meetings: tuple[tuple[date, str, str], ...]  # finished, latest first

    def named_in(self, text: str) -> bool:
        """Return whether the plain-words ``text`` (spaced either end) names this derby."""
        return any(f" {name} " in text for name in self.names)

    def of_period(self, period: Period | None) -> list[tuple[date, str, str]]:
        """Return the meetings of ``period`` (all when None), latest first."""
        return [m for m in self.meetings if period is None or period.contains(m[0])]

    def read(self, teams: list[str], period: Period | None) -> tuple[list[str], str | None]:
        """Return the two clubs of the derby asked (a club of the city named: its latest meeting with another of
        them in ``period``) and no question, or no clubs and the question asking back which meeting."""
        meetings = self.of_period(period)
        if len(teams) == 1 and teams[0] in self.clubs:
            theirs = [m for m in meetings if teams[0] in m[1:]]
            if theirs:
                _, home, away = theirs[0]
                return [teams[0], away if home == teams[0] else home], None
        if teams and all(team in self.clubs for team in teams):
            return teams, None
        if not teams and len(meetings) == 1:  # "the london derby on 30 nov": the one of that day
            return list(meetings[0][1:]), None
        outside = [team for team in teams if team not in self.clubs]
        said = (
            f"{' and '.join(outside)} {'is' if len(outside) == 1 else 'are'} not a {self.city} club. "
            if outside
            else ""
        )
        scope = f"in {period.label}" if period is not None else "in the data"
        if not meetings:
            return [], f"{said}No two {self.city} clubs met {scope}."
        listed = "; ".join(f"{home} v {away} ({day.day} {day:%B %Y})" for day, home, away in meetings)
        asked = f"Which {self.city} derby do you mean? The {self.city} clubs' meetings {scope}, latest first"
        return [], f"{said}{asked}: {listed}."


def city_derbies(matches: pd.DataFrame, team_of: Callable[[str], str | None]) -> tuple[CityDerby, ...]:
    """Return the city derbies of ``configs/derbies.yaml`` with two clubs or more in the data; ``team_of`` reads a
    club's name in the table as the data names it (None when it is not in the data)."""
    finished = matches[matches["status"] == FINISHED].sort_values(["date", "kickoff"], ascending=False, kind="stable")
    found = []
    for name, derby in (load_config("derbies").get("city_derbies") or {}).items():
        clubs = frozenset(filter(None, map(team_of, derby["teams"])))
        if len(clubs) < 2:
            continue
        rows = finished[finished["home"].isin(clubs) & finished["away"].isin(clubs)]
        meetings = tuple(zip(rows["date"].dt.date, rows["home"], rows["away"], strict=True))
        city = name.removesuffix(" derby").title()
        found.append(CityDerby(city, tuple(derby["names"]), clubs, meetings))
    return tuple(found)
