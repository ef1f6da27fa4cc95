"""What a model's sentence claims about which team had more of a stat, checked against the match's figures.

"Man City had a higher possession percentage (45.3%) than Man Utd" passes the number check (45.3 is a
fact) while the comparison is wrong: City had 45.3% against 54.7%. Small models get such comparisons
wrong (ENVIRONMENT.md), and the prompt forbids them to compare; this catches the ones they make anyway.
A claim is a comparative ("more", "higher", "fewer", "lower"...) next to a stat's words, or "pressed
harder" (the lower PPDA), said of the team named last before it; it is a contradiction when that team's
figure is not more (or less) than the other's. A figure written against a team ("Everton's 11.5",
"Leeds (4)") that is the other team's and not this one's is a swap, the other mistake they make. A count
said of a team ("Everton took 18 shots", "... to Leeds' 4 shots") is checked against what the facts say of
that team for that stat, over the match or over a part of it (a key point's spell: "while level, shots 18 v
4"): a small model hands one side's figure of a spell to the other. In each case ``grounding`` drops the
sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from football_rag.analytics.match_story import KeyPoint
from football_rag.analytics.stat_registry import STATS

# The words a sentence uses for each stat the registry gives claim words (those of the key-stats line), in the
# registry's order: the longer phrase first, so "shots on target" is not read as "shots".
STAT_WORDS = {s.key: s.claimed for s in STATS if s.claimed}
MORE = frozenset({"more", "higher", "greater", "bigger", "larger"})
LESS = frozenset({"fewer", "lower", "less", "smaller"})
_COMPARATIVE = re.compile(rf"\b({'|'.join(sorted(MORE | LESS))})\b")
# "pressed harder/higher/more" is a claim of the lower PPDA (fewer opponent passes per defensive action).
_PRESSED = re.compile(r"\bpress(?:ed|ing)?(?: \w+)? (harder|higher|more|less)\b")
_STAT = re.compile(r"\b(?:" + "|".join(f"(?P<{key}>{words})" for key, words in STAT_WORDS.items()) + r")\b")
# Words after which a team is the one compared with, not the subject: "than Liverpool", "compared to Leeds".
_OBJECT = re.compile(r"\b(?:than|to|against|over|with|versus|vs|v|from)(?: the)?\s*$")
# Two figures are the same when they agree to the key-stats line's two decimals ("2.5" is "2.50").
_SAME = 0.005
# How far apart a comparative and its stat may be: "a higher possession", "possession was higher", "more of the ball".
_WINDOW = 40
# The verbs that give a team a count: "Everton took 18 shots", "Leeds finished with 2.30 xG", and their participles
# ("with Everton taking 18 shots"), as a small model writes them.
_GIVES = (
    r"(?:took|taking|had|having|made|making|managed|managing|mustered|registered|registering|produced|producing"
    r"|created|creating|attempted|fired|firing|racked up|racking up|finished with|ended with)"
)
_NUMBER = r"(?P<number>\d+(?:\.\d+)?)%?"
# Words that put a sentence's figures in a part of the match ("while level", "after the red card", "in the first
# half", "from 60'", "with ten men"). A figure given a team in a sentence without one reads as the whole match's.
_PART = re.compile(
    r"\b(?:before|after|until|since|while|during|between|spells?|periods?|half|halves|minutes?|stoppage|late on"
    r"|early on|men|when|once|then)\b|\bfrom (?:the )?\d|\d+'"
)


@dataclass(frozen=True)
class MatchStats:
    """A match's two teams (as the facts spell them) and their figures, stat key -> (home, away)."""

    home: str
    away: str
    figures: Mapping[str, tuple[float, float]]
    # Other (home, away) pairs of a stat that the facts give for part of the match: a key point's spell or half.
    spells: Mapping[str, tuple[tuple[float, float], ...]] = field(default_factory=dict)

    def of(self, team: str) -> list[float]:
        """Return every known figure of ``team`` (its side of each pair)."""
        side = 0 if team == self.home else 1
        return [pair[side] for pair in self.figures.values() if not math.isnan(pair[side])]

    def said_of(self, team: str, stat: str, parts: bool = True) -> list[float]:
        """Return every figure of ``stat`` the facts give ``team``: over the match, and over any part of it when
        ``parts``."""
        side = 0 if team == self.home else 1
        pairs = [self.figures.get(stat, (math.nan, math.nan)), *(self.spells.get(stat, ()) if parts else ())]
        return [pair[side] for pair in pairs if not math.isnan(pair[side])]


def spell_pairs(points: Sequence[KeyPoint]) -> dict[str, tuple[tuple[float, float], ...]]:
    """Return, per stat the claims know, the (home, away) pairs the key points give (``home_shots`` and
    ``away_shots``, ``before_home_xg`` and ``before_away_xg``, ``home_xg_first_half`` and ``away_xg_first_half``)."""
    found: dict[str, list[tuple[float, float]]] = {}
    for point in points:
        for key, value in point.figures.items():
            spell, home, rest = key.partition("home_")
            away = point.figures.get(f"{spell}away_{rest}")
            stat = next((s for s in STAT_WORDS if rest == s or rest.startswith(f"{s}_")), None)
            if home and away is not None and stat is not None:
                found.setdefault(stat, []).append((float(value), float(away)))
    return {stat: tuple(pairs) for stat, pairs in found.items()}


def stat_contradictions(sentence: str, stats: MatchStats) -> list[str]:
    """Return the comparisons in ``sentence`` that the figures contradict (empty when it makes none or true ones)."""
    lowered = sentence.lower()
    pressed = [(m, "ppda", m.group(1) == "less") for m in _PRESSED.finditer(lowered)]
    claims = pressed + [
        (m, nearest_stat(lowered, m), m.group(1) in MORE)
        for m in _COMPARATIVE.finditer(lowered)
        if not any(p.start() <= m.start() < p.end() for p, _, _ in pressed)  # "pressed less" is read once, above
    ]
    found = []
    for claim, stat, more in claims:
        team = subject(lowered[: claim.start()], stats)
        if stat is not None and team is not None and not _holds(stats, team, stat, more):
            found.append(f"{team} {claim.group(0)}")
    # A figure of the other team's written against this one is both a swap and a miscount: said once.
    return found + list(dict.fromkeys(_swapped(lowered, stats) + _miscounted(lowered, stats)))


def _swapped(lowered: str, stats: MatchStats) -> list[str]:
    """Return each figure written against a team ("everton's 11.5", "leeds (4)") that is only the other team's."""
    found = []
    for team, other in ((stats.home, stats.away), (stats.away, stats.home)):
        for m in re.finditer(rf"\b{re.escape(team.lower())}(?:'s|'|’s|’)? \(?(\d+(?:\.\d+)?)(?![\d-])", lowered):
            value = float(m.group(1))
            if _among(value, stats.of(other)) and not _among(value, stats.of(team)):
                found.append(m.group(0))
    return found


def _miscounted(lowered: str, stats: MatchStats) -> list[str]:
    """Return each count given a team ("everton took 18 shots", "... to leeds' 4 shots", "everton's possession was
    61.9%") that the facts give it for neither the match nor, when the sentence names a part of the match, any part."""
    found = []
    parts = _PART.search(lowered) is not None
    for team in (stats.home, stats.away):
        name = re.escape(team.lower())
        given = rf"\b{name} {_GIVES} {_NUMBER} (?:{_STAT.pattern})"
        # "... 18 shots to Leeds' 4": the stat is the one named last before, when the number has none of its own.
        answered = rf"(?<=\bto ){name}(?:'s|'|’s|’) {_NUMBER}(?: (?:{_STAT.pattern}))?"
        stated = rf"\b{name}(?:'s|'|’s|’) (?:{_STAT.pattern}) (?:was|were|stood at|of|at) {_NUMBER}"
        for m in (*re.finditer(given, lowered), *re.finditer(answered, lowered), *re.finditer(stated, lowered)):
            stat = next((key for key in STAT_WORDS if m.group(key) is not None), None) or _stat_before(lowered, m)
            known = stats.said_of(team, stat, parts) if stat else []
            if known and not _as_written(m.group("number"), known):
                found.append(m.group(0))
    return found


def _as_written(number: str, figures: list[float]) -> bool:
    """Return whether ``number`` is one of ``figures`` rounded to the decimals it is written with (a key point
    keeps 47.44% and prints 47.4%)."""
    decimals = len(number.partition(".")[2])
    return any(abs(round(figure, decimals) - float(number)) < 1e-9 for figure in figures)


def _stat_before(lowered: str, found: re.Match[str]) -> str | None:
    """Return the stat named last within a few words before ``found`` (None when none is)."""
    named = list(_STAT.finditer(lowered, max(0, found.start() - _WINDOW), found.start()))
    return named[-1].lastgroup if named else None


def _among(value: float, figures: list[float]) -> bool:
    """Return whether ``value`` is one of ``figures`` as printed."""
    return any(abs(value - figure) < _SAME for figure in figures)


def _holds(stats: MatchStats, team: str, stat: str, more: bool) -> bool:
    """Return whether ``team`` had more (or less) of ``stat`` than the other team; True when a figure is unknown."""
    home, away = stats.figures.get(stat, (math.nan, math.nan))
    if math.isnan(home) or math.isnan(away):
        return True
    mine, theirs = (home, away) if team == stats.home else (away, home)
    return mine > theirs if more else mine < theirs


def nearest_stat(lowered: str, comparative: re.Match[str]) -> str | None:
    """Return the stat named closest to the comparative, within a few words either side (None when none is)."""
    window_start = max(0, comparative.start() - _WINDOW)
    near = [
        (min(abs(m.start() - comparative.end()), abs(comparative.start() - m.end())), m.lastgroup)
        for m in _STAT.finditer(lowered, window_start, comparative.end() + _WINDOW)
    ]
    return min(near)[1] if near else None


def subject(before: str, stats: MatchStats) -> str | None:
    """Return the team named last in ``before`` as a subject (the comparative's), None when neither is.

    A team after "than", "to", "against"... is the one compared with: in "Palace scored more than
    Liverpool and pressed harder" the subject of "pressed harder" is Palace.
    """
    named = [
        (m.start(), team)
        for team in (stats.home, stats.away)
        for m in re.finditer(re.escape(team.lower()), before)
        if not _OBJECT.search(before[: m.start()])
    ]
    return max(named)[1] if named else None
