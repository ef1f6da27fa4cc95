"""What a model's sentence claims about which team had more of a stat, checked against the match's figures.

"Man City had a higher possession percentage (45.3%) than Man Utd" passes the number check (45.3 is a
fact) while the comparison is wrong: City had 45.3% against 54.7%. Small models get such comparisons
wrong (ENVIRONMENT.md), and the prompt forbids them to compare; this catches the ones they make anyway.
A claim is a comparative ("more", "higher", "fewer", "lower"...) next to a stat's words, or "pressed
harder" (the lower PPDA), said of the team named last before it; it is a contradiction when that team's
figure is not more (or less) than the other's. A figure written against a team ("Everton's 11.5",
"Leeds (4)") that is the other team's and not this one's is a swap, the other mistake they make. In both
cases ``grounding`` drops the sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class MatchStats:
    """A match's two teams (as the facts spell them) and their figures, stat key -> (home, away)."""

    home: str
    away: str
    figures: Mapping[str, tuple[float, float]]

    def of(self, team: str) -> list[float]:
        """Return every known figure of ``team`` (its side of each pair)."""
        side = 0 if team == self.home else 1
        return [pair[side] for pair in self.figures.values() if not math.isnan(pair[side])]


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
    return found + _swapped(lowered, stats)


def _swapped(lowered: str, stats: MatchStats) -> list[str]:
    """Return each figure written against a team ("everton's 11.5", "leeds (4)") that is only the other team's."""
    found = []
    for team, other in ((stats.home, stats.away), (stats.away, stats.home)):
        for m in re.finditer(rf"\b{re.escape(team.lower())}(?:'s|'|’s|’)? \(?(\d+(?:\.\d+)?)(?![\d-])", lowered):
            value = float(m.group(1))
            if _among(value, stats.of(other)) and not _among(value, stats.of(team)):
                found.append(m.group(0))
    return found


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
