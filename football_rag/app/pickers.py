"""The explorer's pickers: competitions, seasons, teams and matches to choose from, each narrowing the next."""

from __future__ import annotations

import pandas as pd

from football_rag.app.markup import md, score, text
from football_rag.rag.scope import Filters

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


def picked(competition: str | None, season: str | None) -> Filters:
    """Return the competition and season picked as the filters a question keeps to (``All``: none)."""
    kept = [None if value in (None, "", ALL, NOT_RECORDED) else value for value in (competition, season)]
    return Filters(competition=kept[0], season=kept[1])


def scope_note(competition: str | None, season: str | None) -> str:
    """Return what the chat's questions keep to, e.g. ``Questions keep to the Premier League, 2024/2025 season
    (picked in the explorer) unless they name their own.``; empty when nothing is picked."""
    chosen = picked(competition, season)
    kept = ", ".join(
        filter(None, [chosen.competition and f"the {chosen.competition}", chosen.season and f"{chosen.season} season"])
    )
    return f"Questions keep to {md(kept)} (picked in the explorer) unless they name their own." if kept else ""


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
