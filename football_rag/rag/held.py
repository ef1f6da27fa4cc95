"""What the data holds, and the subject of a question that asks for something it does not (issue 15: refusal by
default, not an answer to something near).

A question's subject is the most specific phrase naming what it asks for. Held phrases are every statistic's words
in the registry (``stat_registry.STATS``: a statistic added there is held with no other edit), the charts drawn
(``intents.CHART_KINDS``), and each ``SUBJECTS`` entry whose column of the tables has a value (the venue, the
attendance, a captain, a shoot-out's score...). An entry with no column (distance run, the weather, VAR) or whose
column is empty in the loaded matches is not held: a question naming it is refused with what the data holds
instead, unless a held phrase covers its words ("heat map" covers "heat", "aerial duels" covers "duels").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from football_rag.analytics.stat_registry import STATS
from football_rag.analytics.tables import MatchTables
from football_rag.rag.intents import CHART_KINDS


@dataclass(frozen=True)
class Subject:
    """Something a question may ask for: how a refusal names it, the words that name it, what the data holds
    nearest to it (said when it is not held), and the ``table.column`` whose values make it held (None: no table
    holds it)."""

    name: str
    words: str
    instead: str
    column: str | None = None


_ON_THE_BALL = "on-the-ball figures: touches, dribbles completed, passes and minutes played"
SUBJECTS: tuple[Subject, ...] = (
    # Tracking data: none of the providers' match files carries it.
    Subject(
        "distance covered",
        r"\bdistances? (covered|run|ran|travelled)\b|\btotal distance\b|\bhow far did\b.*\b(run|ran)\b"
        r"|\b(km|kms|kilomet\w+|miles)\b|\bcover(ed|s|ing)? (the most |more |the least |less )?ground\b"
        r"|\bran the (most|furthest|farthest)\b",
        _ON_THE_BALL,
    ),
    Subject(
        "speed, sprints or physical data",
        r"\b(top|max\w*|highest|running) speeds?\b|\bspeed\b|\bsprint\w*\b|\b(fastest|quickest) (player|man|runner)\b"
        r"|\bkm ?/ ?h\b|\bmph\b|\bhigh[- ]intensity\b|\bheart ?rates?\b",
        _ON_THE_BALL,
    ),
    Subject(
        "the weather",
        r"\bweather\b|\brain(ing|ed|y)?\b|\bsnow\w*\b|\bwindy?\b|\bsunny\b|\bfog\w*\b|\btemperature\b"
        r"|\bhow (hot|cold|warm|wet)\b|\bheat(wave)?\b",
        "the matches' results, events and figures, their venue, attendance and referee",
    ),
    Subject(
        "VAR decisions or disallowed goals",
        r"\bvar\b|\bvideo (assistant )?ref\w*\b|\bdisallowed\b|\bchalked off\b|\boverturn\w*\b"
        r"|\bgoals? (was |were )?ruled out\b",
        "the goals that stood, the cards, the fouls and each match's referee",
    ),
    Subject(
        "penalty shoot-outs",
        r"\b(penalty |pen )?shoot[- ]?outs?\b|\b(won|win|wins|lost|lose|loses|out|through) on (pens|penalties)\b",
        "penalties scored and conceded during matches",
        column="matches.pen_home_goals",
    ),
    Subject(
        "betting odds",
        r"\bodds\b|\bbookies\b|\bbookmakers?\b|\bbetting\b|\bbets\b|\baccas?\b",
        "results and figures of the matches played",
    ),
    Subject(
        "market values",
        r"\bon the (transfer )?market\b|\bmarket (value|price)s?\b|\bprice tags?\b",
        "what players did on the pitch: goals, assists, ratings and their other figures",
    ),
    Subject("expected assists (xA)", r"\bxa\b|\bxag\b|\bexpected assists?\b", "xG, assists and key passes"),
    Subject(
        "post-shot xG (xGOT)",
        r"\bxgot\b|\bpsxg\b|\bpost[- ]shot (xg|expected goals)\b|\bexpected goals on target\b",
        "xG, shots on target and saves",
        column="shots.xgot",
    ),
    Subject("expected points", r"\bxpts?\b|\bexpected points\b", "points won and xG"),
    Subject(
        "carries",
        r"\b(progressive |ball )?carr(y|ies)\b",
        "dribbles completed, progressive passes and touches",
    ),
    Subject(
        "pressures, duels or ball recoveries",
        r"\bpressures\b|\bpressure (events|actions|regains)\b|(?<!aerial )\bduels?\b|\bball recover(y|ies)\b",
        "tackles, interceptions, aerials won, high turnovers and PPDA",
    ),
    Subject(
        "skills and tricks",
        r"\bnutmeg\w*\b|\bskill (moves?|count)\b|\bstep[- ]?overs?\b|\bpanenkas?\b|\brainbow flicks?\b"
        r"|\b(bicycle|overhead|scissor) kicks?\b|\brabonas?\b",
        "dribbles completed (take-ons won) and touches",
    ),
    Subject(
        "monthly or season awards",
        r"\b(player|manager|goal|save|young player) of the (month|season|year)\b|\bteam of the (week|season|year)\b"
        r"|\b(pfa|fwa)\b",
        "WhoScored's man of the match and player ratings of each match",
    ),
    Subject(
        "suspensions, bans or fines",
        r"\bsuspen(ded|sions?)\b|\bbann?ed\b|\bbans\b|\bfined\b|\bfines\b",
        "the cards shown in each match",
    ),
    Subject(
        "kits",
        r"\bkits?\b|\bjerseys?\b|\bstrip\b|\b(shirt|kit|jersey)s? colou?rs?\b|\bwhat colou?r\b"
        r"|\b(home|away|third) shirts?\b|\bboots\b",
        "the line-ups with shirt numbers",
    ),
    Subject(
        "match officials other than the referee",
        r"\bfourth official\b|\blines(man|men)\b|\blinos?\b|\bassistant ref\w*\b|\bvar (official|ref\w*)\b",
        "each match's referee",
    ),
    Subject(
        "fans' chants or social media",
        r"\bchant\w*\b|\bsongs?\b|\bsang\b|\bboo(s|ed|ing)\b|\bfollowers\b|\binstagram\b|\btwitter\b|\btiktok\b"
        r"|\bsocial media\b|\baway (fans|end|support)\b|\bpitch invaders?\b|\bflares\b",
        "each match's attendance",
    ),
    Subject(
        "careers or international records",
        r"\bcareers?\b|\b(international|england|national team) (caps|goals)\b|\bcaps\b|\bcapped\b",
        "the loaded season's matches only",
    ),
    Subject(
        "pre-match ceremonies or the coin toss",
        r"\bcoin toss\b|\b(won|win|wins) the toss\b|\banthems?\b|\bminute'?s (silence|applause)\b"
        r"|\bhalf[- ]?time (show|entertainment)\b|\bguard of honou?r\b",
        "what happened in the matches from kick-off",
    ),
    Subject(
        "the pitch's condition",
        r"\bpitch (condition|size|dimensions|length|width|surface)\b|\bgrass\b|\bartificial (pitch|turf|grass)\b",
        "the matches' events and figures",
    ),
    # Held in the loaded matches when their column has values: their words then cover nearby ones ("the referee"
    # in "the assistant referee" does not: the longer phrase is the subject).
    Subject(
        "results",
        r"\bresults?\b|\bscore ?lines?\b|\bhonou?rs even\b|\bspoils\b|\ball square\b|\bstalemate\b"
        r"|\b(3|three) (pts|points)\b",
        "the teams that played",
        column="matches.home_goals",
    ),
    Subject(
        "minutes on the pitch and substitutions",
        r"\bon the pitch\b|\bfull (90|ninety)\b|\bwhole (game|match)\b|\bsub(s|bed)?\b|\bsubstitut\w*|\bcame (on|off)\b"
        r"|\bbench\b",
        "the goals and cards of each match",
        column="lineups.starter",
    ),
    Subject("the venue", r"\b(venue|stadium|ground)\b", "the teams and the result", column="matches.venue"),
    Subject("the attendance", r"\b(attendance|crowd|spectators)\b", "the result", column="matches.attendance"),
    Subject("the referee", r"\bref(eree)?s?\b|\breff?ed\b", "the result and the cards", column="matches.referee"),
    Subject("kick-off times", r"\bkick[- ]?offs?\b", "match days", column="matches.kickoff"),
    Subject(
        "men of the match",
        r"\b(man|player) of the (match|game)\b|\bmotm\b|\bpotm\b",
        "player ratings",
        column="lineups.man_of_the_match",
    ),
    Subject("captains", r"\bcapt(ain)?\w*\b|\barmband\b|\bskipper\w*\b", "the line-ups", column="lineups.captain"),
    Subject("shirt numbers", r"\b(shirt|squad) (numbers?|no)\b", "the line-ups", column="lineups.shirt_number"),
)


def _has_values(tables: MatchTables, column: str) -> bool:
    """Return whether ``table.column`` of ``tables`` holds any value (a flag: any set)."""
    table, name = column.split(".")
    frame: pd.DataFrame = getattr(tables, table)
    if name not in frame:
        return False
    values = frame[name].dropna()
    return bool(values.any()) if values.dtype == bool else not values.empty


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Return where ``pattern`` matches ``text`` (start, end), empty matches left out."""
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


class Holdings:
    """The subjects the loaded tables hold, and the refusal of a question whose subject they do not."""

    def __init__(self, tables: MatchTables) -> None:
        held = [s for s in SUBJECTS if s.column is not None and _has_values(tables, s.column)]
        self.unheld = tuple((s, re.compile(s.words)) for s in SUBJECTS if s not in held)
        words = [w for s in STATS for w in (s.asked, s.ranked) if w] + list(CHART_KINDS.values())
        self._held = tuple(re.compile(w) for w in words + [s.words for s in held])

    def names_held(self, question: str) -> bool:
        """Return whether ``question`` names anything the data holds (a statistic, a chart, a held subject)."""
        lowered = question.lower()
        return any(pattern.search(lowered) for pattern in self._held)

    def subject_not_held(self, question: str) -> Subject | None:
        """Return the first subject ``question`` asks for that the data does not hold, or None: an unheld subject's
        words count unless a held phrase spans them ("heat map" over "heat")."""
        lowered = question.lower()
        named = [(subject, span) for subject, pattern in self.unheld for span in _spans(pattern, lowered)]
        if not named:  # most questions: the held phrases need not be searched at all
            return None
        covered = [span for pattern in self._held for span in _spans(pattern, lowered)]
        return next(
            (subject for subject, (start, end) in named if not any(s <= start and end <= e for s, e in covered)), None
        )

    def refusal(self, question: str) -> str | None:
        """Return why the data cannot answer ``question`` (its subject, and what is held instead), or None."""
        subject = self.subject_not_held(question)
        if subject is None:
            return None
        return f"The data does not hold {subject.name}; it holds {subject.instead}."
