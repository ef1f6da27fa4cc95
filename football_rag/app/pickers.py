"""The explorer's pickers: competitions, seasons, teams and matches to choose from, each narrowing the next."""

from __future__ import annotations

import pandas as pd

from football_rag.app.markup import score, text

ALL = "All"
NOT_RECORDED = "(not recorded)"


def _column(matches: pd.DataFrame, name: str) -> pd.Series:
    """Return a picker column with missing values shown as ``(not recorded)``."""
    return matches[name].map(lambda value: text(value) or NOT_RECORDED)


def narrowed(matches: pd.DataFrame, competition: str = ALL, season: str = ALL, team: str = ALL) -> pd.DataFrame:
    """Return the matches of ``competition``, ``season`` and ``team`` (``All`` keeps every value)."""
    keep = pd.Series(True, index=matches.index)
    if competition and competition != ALL:
        keep &= _column(matches, "competition") == competition
    if season and season != ALL:
        keep &= _column(matches, "season") == season
    if team and team != ALL:
        keep &= (matches["home"] == team) | (matches["away"] == team)
    return matches[keep]


def competitions(matches: pd.DataFrame) -> list[str]:
    """Return ``All`` and every competition, alphabetically."""
    return [ALL, *sorted(set(_column(matches, "competition")))]


def seasons(matches: pd.DataFrame, competition: str = ALL) -> list[str]:
    """Return ``All`` and the seasons of ``competition``, latest first."""
    return [ALL, *sorted(set(_column(narrowed(matches, competition), "season")), reverse=True)]


def teams(matches: pd.DataFrame, competition: str = ALL, season: str = ALL) -> list[str]:
    """Return ``All`` and the teams that played in ``competition`` and ``season``, alphabetically."""
    scope = narrowed(matches, competition, season)
    return [ALL, *sorted(set(scope["home"].dropna()) | set(scope["away"].dropna()))]


def match_label(row: pd.Series) -> str:
    """Return ``23 Nov 2025 · Arsenal 4-1 Tottenham`` (plain text: dropdowns do not render markup)."""
    day = pd.Timestamp(row["date"])
    when = f"{day:%-d %b %Y}" if pd.notna(day) else "date unknown"
    return f"{when} · {text(row['home'])} {score(row['home_goals'], row['away_goals'])} {text(row['away'])}"


def match_choices(
    matches: pd.DataFrame, competition: str = ALL, season: str = ALL, team: str = ALL
) -> list[tuple[str, str]]:
    """Return ``(label, match_id)`` for the narrowed matches, latest first."""
    scope = narrowed(matches, competition, season, team).sort_values(["date", "match_id"], ascending=False)
    return [(match_label(row), str(row["match_id"])) for _, row in scope.iterrows()]
