"""The judgements in a model's sentence, checked against the match's figures.

"Liverpool and Burnley had similar possession (72.9% and 27.1%)" passes the number check (both figures
are facts) and the comparison check (it says no "more" or "fewer"), yet the judgement is false. This
reads the judgement words a small model uses, each against the figures it refers to, and returns the
ones the figures contradict; ``grounding`` then drops the sentence, as it does for a wrong comparison
(``stat_claims``, which checks "more", "fewer", "higher", "lower" and "pressed harder"):

- "similar", "comparable", "evenly matched", "the same" next to a stat: the two figures are close
  (``SIMILAR_POINTS`` apart for a percentage, ``SIMILAR_SHARE`` of the larger figure otherwise);
- "better" / "worse" next to a stat: the subject's figure is the better one (the lower where less is better);
- "dominated", "controlled", "bossed", "outplayed" (no stat named): the subject led in at least two of
  possession, field tilt, xG and shots; with a stat named next to it: the subject had more of it;
- "outshot" ("outshot by", "were outshot": the other way round): the subject took more shots;
- "against the run of play": the subject had less xG (fewer shots where xG is unknown);
- "led" / "won" the xG race (or battle, count): the subject ended with more xG; "lost" it: with less. A lead held
  only "from 58' to 62'" is a spell the final figures cannot check, so it passes.
"""

from __future__ import annotations

import math
import re

from football_rag.analytics.stat_registry import definition
from football_rag.rag.stat_claims import MatchStats, nearest_stat, subject

# Two shares of a match (possession, field tilt, pass accuracy) are similar within 10 points: 55-45 is
# an even game, 60-40 is not. Other figures within a fifth of the larger (and 1 apart for small counts).
SIMILAR_POINTS = 10.0
SIMILAR_SHARE = 0.2
SHARES = frozenset({"possession", "field_tilt", "pass_accuracy"})
CONTROL_STATS = ("possession", "field_tilt", "xg", "shots")
CONTROL_LEADS = 2

_SIMILAR = re.compile(
    r"\b(similar|comparable|evenly (?:matched|split|shared|balanced)|balanced|equal|identical|"
    r"(?:roughly|about|much|nearly|almost) the same|on a par)\b"
)
_BETTER = re.compile(r"\b(better|worse|superior|inferior)\b")
_CONTROL = re.compile(r"\b(dominat\w*|controll?(?:ed|ing|s)?|bossed|outplay\w*|outclass\w*)\b")
_OUTSHOT = re.compile(r"\b(?:(?:was|were|got|been) )?out-?sho(?:t|ot|ots|oting)\b(?: by\b)?")
_RUN_OF_PLAY = re.compile(r"\bagainst the run of play\b")
_XG_RACE = re.compile(r"\b(?P<verb>led|won|leading|winning|lost|losing) the xg (?:race|battle|count|tally)\b")
_SPELL_END = re.compile(r"^[^.;,]*?\b(?:to|until|till|up to) \d+'")


def judgement_contradictions(sentence: str, stats: MatchStats) -> list[str]:
    """Return the judgements in ``sentence`` that the match's figures contradict (empty when none or all hold)."""
    lowered = sentence.lower()
    found = [m.group(0) for m in _SIMILAR.finditer(lowered) if not _similar(stats, nearest_stat(lowered, m))]
    for claim in _BETTER.finditer(lowered):
        stat, team = nearest_stat(lowered, claim), subject(lowered[: claim.start()], stats)
        better = claim.group(1) in ("better", "superior")
        if stat and team and not _leads(stats, team, stat, more=better != definition(stat).lower_is_better):
            found.append(f"{team} {claim.group(0)}")
    for claim in _CONTROL.finditer(lowered):
        team, stat = subject(lowered[: claim.start()], stats), nearest_stat(lowered, claim)
        if team and not (_leads(stats, team, stat) if stat else _in_control(stats, team)):
            found.append(f"{team} {claim.group(0)}")
    for claim in _OUTSHOT.finditer(lowered):
        team = subject(lowered[: claim.start()], stats)
        passive = claim.group(0).startswith(("was ", "were ", "got ", "been ")) or claim.group(0).endswith(" by")
        if team and not _leads(stats, team, "shots", more=not passive):
            found.append(f"{team} {claim.group(0)}")
    for claim in _RUN_OF_PLAY.finditer(lowered):
        team = subject(lowered[: claim.start()], stats)
        stat = "xg" if _known(stats, "xg") else "shots"
        if team and not _leads(stats, team, stat, more=False):
            found.append(f"{team} {claim.group(0)}")
    for claim in _XG_RACE.finditer(lowered):
        team, ahead = subject(lowered[: claim.start()], stats), not claim.group("verb").startswith("los")
        if team and not _SPELL_END.match(lowered[claim.end() :]) and not _leads(stats, team, "xg", more=ahead):
            found.append(f"{team} {claim.group(0)}")
    return found


def _pair(stats: MatchStats, stat: str) -> tuple[float, float]:
    return tuple(stats.figures.get(stat, (math.nan, math.nan)))  # type: ignore[return-value]


def _known(stats: MatchStats, stat: str) -> bool:
    return not any(math.isnan(v) for v in _pair(stats, stat))


def _similar(stats: MatchStats, stat: str | None) -> bool:
    """Return whether the two sides' figures of ``stat`` are close (True when no stat is named or one is unknown)."""
    if stat is None or not _known(stats, stat):
        return True
    home, away = _pair(stats, stat)
    gap = abs(home - away)
    if stat in SHARES:
        return gap <= SIMILAR_POINTS
    return gap <= max(SIMILAR_SHARE * max(abs(home), abs(away)), 1.0 if stat != "xg" else 0.0)


def _leads(stats: MatchStats, team: str, stat: str, more: bool = True) -> bool:
    """Return whether ``team`` had strictly more (or less) of ``stat`` than the other side; True when unknown."""
    if not _known(stats, stat):
        return True
    home, away = _pair(stats, stat)
    mine, theirs = (home, away) if team == stats.home else (away, home)
    return mine > theirs if more else mine < theirs


def _in_control(stats: MatchStats, team: str) -> bool:
    """Return whether ``team`` led in at least two of possession, field tilt, xG and shots (True when unknown)."""
    known = [stat for stat in CONTROL_STATS if _known(stats, stat)]
    if len(known) < CONTROL_LEADS:
        return True
    return sum(_leads(stats, team, stat) for stat in known) >= CONTROL_LEADS
