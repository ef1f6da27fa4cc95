"""What a question's answer is about: a statistic, a role in a match, a goal.

The statistic is the registry's (``analytics.stat_registry``, read by ``intents.stat_named``). A role is who did a
match's job: the referee, a club's manager, its captain, the man of the match, the player who made a goal (its
assister). A goal is any goal asked about: the word, a scoring verb ("scored", "netted", "bagged"), or a goal named by
what it did to the score ("the opener", "the equaliser": ``GOAL_NAMED``). Read once, with ``question_shape``, before
routing; the words of each role live here and only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """A person's part in a match that a question can ask for."""

    ASSISTER = "assister"
    MANAGER = "manager"
    REFEREE = "referee"
    CAPTAIN = "captain"
    MAN_OF_THE_MATCH = "man_of_the_match"


# A goal named by what it did to the score ("the equaliser", "the winner", "the opener"): rag.facts.named_goals.
GOAL_NAMED = {
    "equaliser": r"equali[sz]\w*|level(l)?er",
    "winner": r"winn(er|ing goal)|decisive goal|decider",
    "opener": r"opener|opening goal|(first|1st) goal|open(ed|s)? the scoring|scored first",
    "last": r"(last|final) goal",
    "own goal": r"own goal|\bog\b",
    "second goal": r"\b(second|2nd) goal",
    "third goal": r"\b(third|3rd) goal",
    "fourth goal": r"\b(fourth|4th) goal",
    "fifth goal": r"\b(fifth|5th) goal",
    "sixth goal": r"\b(sixth|6th) goal",
}
NAMED_GOAL = "|".join(GOAL_NAMED.values())
# A goal asked about: the noun, a scoring verb ("netted", "found the net"; "the score" is the result, not a goal), or
# a goal named.
_GOAL = re.compile(
    rf"\bgoals?\b|\bscor(ed|es|ing)\b|(?<!the )(?<!final )\bscore\b|\b(nets?|nett?(ed|ing)|bagged|bags)\b|{NAMED_GOAL}"
)
# What "in charge of" is about decides whose job it names: a game ("in charge of the match", "in charge of Arsenal v
# Spurs", "of the Arsenal Spurs game") is the referee's, a club ("in charge of Spurs in the game against Arsenal",
# "of Arsenal against Spurs") the manager's. The object ends at a preposition, so "Spurs in the game" is a club.
_GAME_OBJECT = (
    r"(the |that |this )?((?!(in|against|for|when|during|at|on|versus|vs?)\b)\w+ ){0,4}?"
    r"(match|game|fixture|meeting|derby|vs?|versus)\b"
)
# "Who was Arsenal's manager against Leeds?", "Who managed Chelsea in August?", "Spurs' gaffer", "who was on the
# touchline for Arsenal", "who picked the Spurs team v Arsenal", "who ran the Spurs side" (its manager did) and "who
# led Spurs against Arsenal"
MANAGER = re.compile(
    r"\b(managers?|manag(ed|ing)|coach(es|ed|ing)?|head coach|boss(es)?|gaffer|dugout|touchline|sidelines?"
    r"|technical area|hot seat"
    rf"|in charge of(?! {_GAME_OBJECT})"
    r"|(picked|selected|ran) (the |their |his )?([\w'\u2019]+ ){0,3}(team|side|xi|eleven|line-?up)"
    # "who led spurs against arsenal": a club led in a game is its manager's (not "who led the league", a ranking)
    r"|who led (?!the\b)(\w+ ){1,3}?(against|vs?|versus|when they (played|met|faced)))\b"
)
# "Who reffed it?" (or "refed", "refferee"), "which official took the game?", "the man in the middle", "in charge of
# the match", "in charge of Arsenal v Spurs" (a fixture; "in charge of Arsenal against Spurs" is the manager).
REFEREE = re.compile(
    r"\b(ref{1,2}(e?r{1,2}e{1,2}\w*|ed|ing)?s?|officiat\w*|officials?(?! (attendance|crowd|figures?))|whistle"
    rf"|man in the middle|(man|men) in black|in charge of {_GAME_OBJECT}"
    r"|who( was|'s|s|se| is| were)? in charge(?! of)|who took charge(?! of)"  # "whos" is read "whose"
    r"|(took|take|takes|taking|had|has) charge of (\w+ ){1,4}?(match|game|fixture|meeting|derby|vs?|versus|against)"
    # "who took arsenal v spurs": the game a referee takes
    r"|who took (?!the\b)(\w+ ){1,2}?(vs?|versus))\b"
)
# "MOTM", "player of the game", "the star man", "the standout performer", "who starred", "who shone": the man of the
# match.
BEST_PLAYER = re.compile(
    r"\b(man|player) of the (match|game)|\b(motm|potm|pom|mom|star (man|player)|best player|best performer"
    r"|stand-?out( player| performer)?|stood out|stands? out|top performer|player of the day|played (the )?best"
    r"|best on the pitch|best \w+ player\b.*\b(by|on|going by) (the )?(whoscored )?ratings?|hero"
    r"|starred|the star|shone|shined|pick of the (players|bunch)|main man|top man)\b"
)
# "Who captained Arsenal v Spurs", "who wore the armband", "Spurs' skipper": a match's captains.
CAPTAIN = re.compile(r"\b(capt(ain|ains|ained|aining)?|armband|skipper\w*|skipp(ed|ing))\b")
# The making of a goal: an assist, a setting up or laying on, a pass that fed the scorer ("who fed Isak", "who helped
# him score", "who played Isak through").
_ASSIST = re.compile(
    r"\bassist(s|ed|er|ers|ing)?\b|\bassist 4\b|\b(set|teed|laid|lay|tee) (\w+ ){0,2}(up|on)\b|\bprovid(ed|er)\b"
    r"|\bsupplied\b|\bplayed \w+( \w+){0,2} (in|through)\b|\bfed\b|\bhelped (\w+ )?(to )?score\b|\bfinal pass\b"
)
# A pass, cross or ball is the goal's making when a goal is asked about ("whose pass was Isak's goal from", "who
# created Isak's goal"), never its accuracy ("whose pass accuracy").
_GOAL_MADE = re.compile(
    r"\b(pass|cross|ball|through ?ball|delivery|final ball)\b(?! (accuracy|completion|success|rate|percentage))"
    r"|\b(crossed|squared|cut it back|pulled it back|headed it down)\b"
    r"|\b(created|crafted|made|fashioned) (\w+(['\u2019]s?)? |his |her |the |that )?goal\b"
)


@dataclass(frozen=True)
class Subject:
    """What a question's answer is about: the statistic it names, the roles it asks for, and whether a goal."""

    stat: str | None
    roles: frozenset[Role]
    goal: bool

    def has(self, role: Role) -> bool:
        """Return whether the question asks about ``role``."""
        return role in self.roles


def goal_named(question: str) -> str | None:
    """Return the kind of goal a question names by what it did to the score ("equaliser", "winner", "opener",
    "last", "own goal"), or None."""
    lowered = question.lower()
    return next((kind for kind, pattern in GOAL_NAMED.items() if re.search(pattern, lowered)), None)


def subject_of(text: str, stat: str | None) -> Subject:
    """Return the subject of the lower-case question ``text`` whose registry statistic is ``stat``."""
    goal = _GOAL.search(text) is not None
    assist = _ASSIST.search(text) is not None or (goal and _GOAL_MADE.search(text) is not None)
    found = {
        Role.ASSISTER: assist,
        Role.MANAGER: MANAGER.search(text) is not None,
        Role.REFEREE: REFEREE.search(text) is not None,
        Role.CAPTAIN: CAPTAIN.search(text) is not None,
        Role.MAN_OF_THE_MATCH: BEST_PLAYER.search(text) is not None,
    }
    return Subject(stat, frozenset(role for role, named in found.items() if named), goal)


# A match named by its final score between its clubs' words ("liverpool 7-0 man utd", "arsenal's 5-0 win over
# spurs"): never a date ("1-6-26", "2025-12-20", "1-5 dec"), a span of matchweeks ("gw 1-5"), a time ("19:30"), a score
# within the match ("2-0 up", "made it 2-1", "it was 1-1 at half time") nor one said last ("... reply 9-9").
_SCORELINE = re.compile(
    r"(?<![\d/.:-])(?<![\d/.:-] )(?<!\bit )(?<!was )(?<!were )(?<!made )(?<!make )(?<!went )(?<!from )(?<!led )"
    r"(?<!gw )(?<!mw )(?<!gws )(?<!mws )(?<!week )(?<!weeks )(?<!round )(?<!rounds )(?<!between )(?<!top )"
    r"(?<=[a-z] )\b(\d) ?[-\u2013] ?(\d)\b(?= [a-z])"
    r"(?! (up|down|at|lead|in the (first|second|1st|2nd)|to|on|after|before|mins?|minutes?|half|ht|goals?)\b)"
    r"(?! (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b)"
)


def scoreline_named(text: str) -> tuple[int, int] | None:
    """Return the final score a question names its match by ("liverpool 7-0 man utd": (7, 0)), or None."""
    found = _SCORELINE.search(text.lower())
    return None if found is None else (int(found.group(1)), int(found.group(2)))
