"""What a model's sentence claims about a match's result, checked against the score from the tables.

The number check lets through "Newcastle scored 3 goals" in a 4-3 win and "the match ended in a 4-5
draw": every number in them is in the evidence, yet the result they state is wrong. Small models do
this (ENVIRONMENT.md). Here a sentence that calls a won match a draw, names the wrong winner or loser,
or gives a team a goal count other than its own is a contradiction, and ``grounding`` drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from football_rag.rag.grounding import NUMBER_WORDS

_DRAW = re.compile(r"\b(draw|drew|drawn|tied|all square|shared the points|stalemate)\b")
# A team's name followed within two words by what it did: "Newcastle narrowly beat", "Man Utd won the".
_NEAR = r"(?:\s+[\w'-]+){0,2}\s+"


@dataclass(frozen=True)
class MatchResult:
    """A finished match's two teams (as the facts spell them) and their goals."""

    home: str
    away: str
    home_goals: int
    away_goals: int

    @property
    def winner(self) -> str | None:
        """Return the team that won, or None for a draw."""
        if self.home_goals == self.away_goals:
            return None
        return self.home if self.home_goals > self.away_goals else self.away

    def goals(self, team: str) -> int:
        """Return the goals ``team`` scored."""
        return self.home_goals if team == self.home else self.away_goals


def contradictions(sentence: str, result: MatchResult) -> list[str]:
    """Return the claims of ``sentence`` that the result contradicts (empty when it states none or only true ones)."""
    lowered = sentence.lower()
    found = []
    if result.winner is not None and (draw := _DRAW.search(lowered)):
        found.append(draw.group(0))
    for team in (result.home, result.away):
        name = re.escape(team.lower())
        won = re.search(rf"\b{name}{_NEAR}(won|beat|defeated)\b", lowered)
        if won and result.winner != team:
            found.append(won.group(0))
        lost = re.search(rf"\b{name}{_NEAR}(lost|were beaten)\b", lowered)
        if lost and result.winner in (None, team):
            found.append(lost.group(0))
        scored = re.search(rf"\b{name}{_NEAR}scored (\d+|{'|'.join(NUMBER_WORDS)}) goals?\b", lowered)
        if scored and _count(scored.group(1)) != result.goals(team):
            found.append(scored.group(0))
    return found


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]
