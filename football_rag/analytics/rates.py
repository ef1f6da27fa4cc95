"""A figure per game or per 90 minutes, defined once: the words that ask for it, what it divides by, who qualifies,
and the sentence an answer states it with ("most goals per game", "the best xG per 90", "shots per match").

A player's rate counts the matches he played in (minutes above 0) and the minutes the tables hold for him
(``player_stats.minutes``: from his start or entry to his exit or the final whistle). Only players with at least
``MIN_MINUTES`` over the period are ranked: a goal in a ten-minute cameo is no rate. A team plays every minute of its
matches, so its rate per 90 is its rate per match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

MIN_MINUTES = 450  # five full matches
FULL_MATCH = 90


@dataclass(frozen=True)
class Rate:
    """A way of dividing a total: per 90 minutes played or per match played."""

    key: str
    label: str  # as an answer writes it after the stat: "goals per 90 minutes"
    asked: str  # regex: the words a question asks for it with
    divides_by: str  # what a player's total is divided by, as the answer says it

    def definition(self, players: bool) -> str:
        """Return the sentence an answer states the rate with."""
        if not players:
            return "Per match: each team's total divided by the matches it played."
        return (
            f"{self.label.capitalize()}: each player's total {self.divides_by}, players with at least {MIN_MINUTES}"
            " minutes only."
        )


RATES = (
    Rate(
        "per_90",
        "per 90 minutes",
        r"\b(per|every|each|a) (90|ninety)s?\b|\bp ?90s?\b",
        "times 90, divided by his minutes played",
    ),
    Rate(
        "per_game",
        "per match",
        r"\bper (game|match|appearance|app|outing)\b|\bp/?g\b|\b(a|each|every) (game|match) on average\b"
        r"|\bon average (a|per|each) (game|match)\b",
        "divided by the matches he played",
    ),
)


def rate_asked(question: str) -> Rate | None:
    """Return the rate a question asks a figure in ("goals per 90" -> per 90 minutes), or None for a total."""
    lowered = question.lower()
    return next((rate for rate in RATES if re.search(rate.asked, lowered)), None)


def rated(
    rows: pd.DataFrame, keys: list[str], stat: str, rate: Rate, players: bool, minimum: int = MIN_MINUTES
) -> pd.Series:
    """Return each player's (or team's) ``stat`` per ``rate`` over ``rows`` (indexed by ``keys``), players with at
    least ``minimum`` minutes only (a ranking's; one player's own rate is said whatever his minutes)."""
    if not players:
        grouped = rows.groupby(keys, dropna=False)
        return grouped[stat].sum(min_count=1) / grouped.size()
    played = rows[rows["minutes"].fillna(0) > 0]
    grouped = played.groupby(keys, dropna=False)
    total, minutes = grouped[stat].sum(min_count=1), grouped["minutes"].sum()
    divisor = minutes / FULL_MATCH if rate.key == "per_90" else grouped.size()
    return (total / divisor)[minutes >= minimum]
