"""What a model's sentence claims about a match's result, checked against the score from the tables.

The number check lets through "Newcastle scored 3 goals" in a 4-3 win and "the match ended in a 4-5
draw": every number in them is in the evidence, yet the result they state is wrong. Small models do
this (ENVIRONMENT.md). Here a sentence that calls a won match a draw, names the wrong winner or loser,
gives a team (in the match or in a half) or a player a goal count other than their own, has a team
concede other than the other team's goals, says a player scored who did not, or has him score for the
other team, is a contradiction, and ``grounding`` drops it. So is a participle whose scorer the sentence
leaves unsaid ("Arsenal led the xG race from 58', scoring 2 goals" in a 1-0) when its count is no side's
and no player's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from football_rag.rag.grounding import NUMBER_WORDS

_DRAW = re.compile(r"\b(draw|drew|drawn|tied|all square|shared the points|stalemate)\b")
# A team's name followed within two words by what it did: "Newcastle narrowly beat", "Man Utd won the".
_NEAR = r"(?:\s+[\w'-]+){0,2}\s+"
# What a player is said to have scored: "scored twice", "scored 2 goals", "netted a brace", "a hat-trick".
_SCORED = (
    r"(?:scored|netted|struck)(?: (?:a )?(?:brace|hat-?trick|twice|once|\d+ goals?|(?:"
    + "|".join(NUMBER_WORDS)
    + r") goals?))?|(?:got|grabbed|bagged) (?:a )?(?:brace|hat-?trick)"
)
_COUNT = r"\d+|" + "|".join(NUMBER_WORDS)
# What a team is said to have scored, and when: "scored 5 goals in the first half", "scored twice after the break",
# "with Brighton scoring 3 goals" (a small model's participle is a claim all the same).
_HALF = (
    r"(?: (?P<half>in the first half|before (?:the )?half[- ]time|by half[- ]time|in the second half|after the break"
    r"|after half[- ]time))?"
)
_TEAM_SCORED = rf"(?:scor(?:ed|ing)|nett(?:ed|ing)) (?P<count>(?:{_COUNT}) goals?|twice|once){_HALF}"
# A participle after a comma, its scorer left to the reader: ", scoring 2 goals", ", netting twice after the break".
_LOOSE_SCORED = rf",\s*(?:and\s+)?(?P<claim>(?:scoring|netting) (?P<count>(?:{_COUNT}) goals?|twice|once){_HALF})\b"
# The other half, said next: "scored 0 goals in the first half and 2 goals in the second half".
_AND_OTHER_HALF = rf" and (?P<count>(?:{_COUNT}) goals?){_HALF}"

# What a team is said to have let in: "conceding only 1", "conceded two goals" (not "conceded 2.84 xG").
_CONCEDED = (
    rf"[^.;]*?\bconced(?:ed|ing) (?:only |just )?(?P<count>{_COUNT})(?: goals?)?"
    r"(?!\w|\.\d)(?! (?:xg|shots?|chances?|corners?|fouls?|penalt|free))" + _HALF
)


@dataclass(frozen=True)
class MatchResult:
    """A finished match's two teams (as the facts spell them) and their goals."""

    home: str
    away: str
    home_goals: int
    away_goals: int
    # Every player of the match -> goals he scored (own goals included: "X scored" is then still true).
    scorers: Mapping[str, int] = field(default_factory=dict)
    half_time: tuple[int, int] | None = None  # (home, away) goals at the break, when the data has them
    # Every player of the match -> the team he played for.
    sides: Mapping[str, str] = field(default_factory=dict)

    @property
    def winner(self) -> str | None:
        """Return the team that won, or None for a draw."""
        if self.home_goals == self.away_goals:
            return None
        return self.home if self.home_goals > self.away_goals else self.away

    def goals(self, team: str, half: str | None = None) -> int | None:
        """Return the goals ``team`` scored in the match, or in the "first"/"second" half (None when unknown)."""
        total = self.home_goals if team == self.home else self.away_goals
        if half is None:
            return total
        if self.half_time is None:
            return None
        first = self.half_time[0] if team == self.home else self.half_time[1]
        return first if half == "first" else total - first


def contradictions(sentence: str, result: MatchResult) -> list[str]:
    """Return the claims of ``sentence`` that the result contradicts (empty when it states none or only true ones)."""
    lowered = sentence.lower()
    found = []
    if result.winner is not None and (draw := _DRAW.search(lowered)):
        found.append(draw.group(0))
    for team in (result.home, result.away):
        if team.lower() in lowered:
            found += _team_claims(lowered, team, result)
    # Every claim pattern starts with the name, so a name the sentence lacks needs no pattern: most players of
    # a match are not named, and compiling their patterns for every sentence overflowed re's cache of 512.
    for player, goals in result.scorers.items():
        if player.lower() not in lowered:
            continue
        claim = re.search(rf"\b{re.escape(player.lower())}{_NEAR}({_SCORED})", lowered)
        if claim and (goals == 0 or _player_count(claim.group(1)) not in (None, goals)):
            found.append(claim.group(0))
    for player, team in result.sides.items():
        if player.lower() in lowered:
            found += _wrong_side(lowered, player, result.away if team == result.home else result.home)
    return found + _loose_claims(lowered, result)


def _loose_claims(lowered: str, result: MatchResult) -> list[str]:
    """Return the ", scoring N goals" participles whose count is neither side's (in the half said) nor any scorer's.

    Whose goals they are is the sentence's subject, which a pattern cannot settle ("Arsenal beat Chelsea, scoring
    2"), so only a count that fits no one in the match is a contradiction.
    """
    found = []
    for claim in re.finditer(_LOOSE_SCORED, lowered):
        half = _half(claim.group("half"))
        sides = {result.goals(team, half) for team in (result.home, result.away)}
        if None in sides:
            continue
        if _player_count(claim.group("count")) not in sides | set(result.scorers.values()):
            found.append(claim.group("claim"))
    return found


def _wrong_side(lowered: str, player: str, other: str) -> list[str]:
    """Return where ``lowered`` has ``player`` scoring for ``other``, the team he did not play for.

    "Mbeumo scored for Liverpool" (the first "for <team>" after his goal), "Liverpool scored first with
    Bryan Mbeumo"; within one clause, so "Mbeumo scored for Man Utd, Salah for Liverpool" is no claim.
    """
    name, team = re.escape(player.lower()), re.escape(other.lower())
    patterns = (
        rf"\b{name}\b[^.;,]*?\b(?:scor\w*|goals?|netted|struck)\b(?:(?!\bfor\b)[^.;,])*?\bfor {team}\b",
        rf"\b{team}\b[^.;,]*?\b(?:scored|netted|goals?)\b[^.;,]*?\b(?:with|through|via|thanks to|courtesy of) {name}\b",
    )
    return [m.group(0) for pattern in patterns if (m := re.search(pattern, lowered))]


def _team_claims(lowered: str, team: str, result: MatchResult) -> list[str]:
    """Return what ``lowered`` wrongly says ``team`` did: won, lost, scored or conceded (in the match or a half)."""
    name, other = re.escape(team.lower()), result.away if team == result.home else result.home
    found = []
    won = re.search(rf"\b{name}{_NEAR}(won|beat|defeated)\b", lowered)
    if won and result.winner != team:
        found.append(won.group(0))
    lost = re.search(rf"\b{name}{_NEAR}(lost|were beaten)\b", lowered)
    if lost and result.winner in (None, team):
        found.append(lost.group(0))
    scored = re.search(rf"\b{name}{_NEAR}{_TEAM_SCORED}\b", lowered)
    then = re.match(_AND_OTHER_HALF, lowered[scored.end() :]) if scored and scored.group("half") else None
    for claim, whose in ((scored, team), (then, team), (re.search(rf"\b{name}{_CONCEDED}", lowered), other)):
        actual = result.goals(whose, _half(claim.group("half"))) if claim else None
        if claim and actual is not None and _player_count(claim.group("count")) != actual:
            found.append(claim.group(0).strip())
    return found


def _player_count(claim: str) -> int | None:
    """Return the goals a "scored ..." claim states ("scored twice" -> 2, "a hat-trick" -> 3), None when none."""
    if "hat" in claim:
        return 3
    if "brace" in claim or "twice" in claim:
        return 2
    if "once" in claim:
        return 1
    number = re.search(rf"\b(\d+|{'|'.join(NUMBER_WORDS)})\b", claim)
    return _count(number.group(1)) if number else None


def _half(phrase: str | None) -> str | None:
    """Return "first" or "second" for a half named in a claim, None when it names none (the whole match)."""
    if phrase is None:
        return None
    return "first" if "first" in phrase or "before" in phrase or "by half" in phrase else "second"


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]
