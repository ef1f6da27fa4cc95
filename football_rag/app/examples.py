"""Example questions for the chat, written from the loaded matches so every one of them has an answer."""

from __future__ import annotations

import pandas as pd


def example_questions(matches: pd.DataFrame, narrative: bool = True) -> list[str]:
    """Return a handful of questions about real matches: the highest-scoring one, and the busiest team's month.

    ``narrative`` adds a question only the LLM answers (leave it out when the LLM is off).
    """
    played = matches.dropna(subset=["home", "away", "home_goals", "away_goals", "date"])
    if played.empty:
        return []
    goals = played["home_goals"].astype(int) + played["away_goals"].astype(int)
    best = played.assign(_goals=goals).sort_values(["_goals", "date"], ascending=False).iloc[0]
    home, away = best["home"], best["away"]
    team, month = _busiest_team_month(played)
    questions = [
        f"What was the score of {home} vs {away}?",
        f"Who scored when {home} played {away}?",
        f"How many shots did {home} have against {away}?",
        f"Show the shot map of {home} vs {away}",
        f"Who scored for {team} in {month}?",
        f"What is {team}'s form?",
    ]
    if narrative:
        questions.append(f"How did {home} create chances against {away}?")
    return questions


def _busiest_team_month(played: pd.DataFrame) -> tuple[str, str]:
    """Return the team with the most matches and the month (``August 2025``) in which it played most."""
    sides = pd.concat(
        [
            played[["home", "date"]].rename(columns={"home": "team"}),
            played[["away", "date"]].rename(columns={"away": "team"}),
        ]
    )
    team = sides["team"].value_counts().sort_index().idxmax()
    months = pd.to_datetime(sides.loc[sides["team"] == team, "date"]).dt.to_period("M").value_counts().sort_index()
    return str(team), f"{months.idxmax():%B %Y}"
