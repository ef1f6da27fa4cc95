"""What a question asks for, read from its words (rules, not the LLM: routing must be predictable).

Order matters: a chart request beats everything ("show the shot map"), a ranking beats a stat
("who had the most shots"), a match fact beats narrative. Out of scope is what names nothing
footballing at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from football_rag.analytics.stat_registry import PRESSING, STATS
from football_rag.rag.answer_model import Intent

CHART_KINDS = {
    "shot_map": r"shot ?map|shots? chart|map of (the )?shots",
    "xg_race": r"xg (race|timeline|flow|chart|over time)|expected goals (race|over time)",
    "pass_network": r"pass(ing)? network",
    "heatmap": r"heat ?map|touch map",
    "defensive_actions": r"defensive actions?( map| chart)?",
    "progressive_passes": r"progressive pass(es)? (map|chart)",
    "stats_comparison": r"(stats?|statistics) comparison|compare (the )?stats chart|butterfly",
    "momentum": r"momentum",
    "team_trend": r"(season )?trend|form chart|form over the season",
}
# First match wins: the registry lists a specific phrase ("key passes") before the word it contains ("passes").
STAT_WORDS = {s.key: s.asked for s in STATS if s.asked}
# Words that name a stat only in a ranking ("the best attack", "the most wins"): elsewhere "won" and "lost"
# ask for a match's result.
RANKED_WORDS = {s.key: s.ranked for s in STATS if s.ranked}
# Words that make a ranking one of teams: "Which side...", pressing, and a ranking word of a stat players also
# have ("the best attack": goals); a team-only stat ranks teams anyway.
_TEAMS = re.compile(
    "|".join(
        [
            r"\b(team|teams|club|clubs|side|sides)\b",
            PRESSING,
            *(s.ranked for s in STATS if s.ranked and not s.team_only),
        ]
    )
)
_RANKING = re.compile(
    r"\b(top|bottom|most(?! recent)|fewest|least|best|worst|highest|lowest|leading|ranking|rank|leaders?)\b"
)
_ASCENDING = re.compile(r"\b(fewest|least|lowest|bottom|worst)\b")
# "Best" and "worst" (and pressing "most") judge rather than count: for a stat where less is better (PPDA,
# goals conceded) the best is the lowest figure.
_JUDGED = re.compile(rf"\b(best|worst)\b|{PRESSING}")
# "Who assisted Saka's goals?", "Who set up Haaland's goals in September?": a player's goals and who made them.
_ASSISTERS = re.compile(
    r"\bwho (assisted|set up|laid on|teed up|provided|supplied|got the assists?)\b|\bassisted by\b"
    r"|\bwho\b.*\bassists? (for|on|to)\b"
)
# "Who did Saka assist?", "Whose goals did Rice set up?": the goals a player made, and who scored them.
_ASSISTED = re.compile(r"\b(who|whose goals?|which goals?) did\b.*\b(assist|set up|lay on|tee up|create)\b")
# "Who was Arsenal's manager against Leeds?", "Who managed Chelsea in August?"
_MANAGER = re.compile(r"\b(managers?|managed|coach(es|ed)?|head coach|boss(es)?|gaffer|in charge of|dugout)\b")
# "Arsenal's manager against Leeds" asks for one side; "the managers of Arsenal vs Leeds" for both.
_ONE_SIDE = re.compile(r"\b(against|facing|when they (played|met|faced))\b")
_BOTH_SIDES = re.compile(r"\b(managers|coaches|bosses|both)\b")
_COMPARISON = re.compile(r"\b(compare|comparison|better|worse|difference between)\b")
_AGGREGATE = re.compile(
    r"\b(how many|total|in total|combined|average|per game|so far|this season|overall|record|wins?|won|lost"
    r"|draws?|points)\b"
)
# "When did Haaland score against Brentford?", "What minute was Saka's goal?": the scorers list has the minutes.
_GOAL_TIME = re.compile(
    r"\b(when|what minute|which minute|what time)\b.*\b(scor\w*|goals?|net\w*)\b|\bminute\b.*\bgoal"
)
# "Who took Arsenal's penalty against Leeds?", "Who scored the header?": the scorers, whose goals are tagged.
_WHO_SCORED_KIND = re.compile(r"\bwho (took|scored|converted|netted|got)\b.*\b(penalt\w*|spot[- ]kicks?|headers?)\b")
# "How did Arsenal vs Chelsea end?" asks for the result, not a story.
_ENDING = re.compile(r"\bhow did\b.*\b(end|finish)\b|\bfinal (score|result)\b")
# Two teams compared in the match they played, not over a season.
_MEETING = re.compile(
    r"\b(in|during) (the|that|this|their) (match|game|meeting)\b|\bwhen they (met|played)\b|\bagainst each other\b"
)
_FORM = re.compile(
    r"\b(form|last (few|\d+|three|four|five|six|ten) (games|matches|results|fixtures)|recent results|run of)\b"
)
_NARRATIVE = re.compile(
    r"\b(how did|why|summar|tactic|press|analy[sz]|explain|describe|style|approach|dominat|create|built|build-up"
    r"|story|report|review|what happened)\w*"
)
_FACTS = [
    (Intent.LINEUP, re.compile(r"\b(in goal|goalkeeper|keeper|between the sticks)\b")),
    (
        Intent.SCORERS,
        re.compile(r"\b(who scored|scorers?|goalscorers?|scored for|goals? (for|by)|who got the goals?)\b"),
    ),
    (Intent.CARDS, re.compile(r"\b(cards?|booked|bookings?|sent off|red|yellow)\b")),
    (Intent.FORMATION, re.compile(r"\b(formation|shape|system|set up|lined up in)\b")),
    (
        Intent.LINEUP,
        re.compile(r"\b(line-?ups?|starting (xi|eleven|11)|starters|who started|team sheet|bench|substitutes)\b"),
    ),
    (Intent.REFEREE, re.compile(r"\b(refere\w*|ref|officiat\w*|whistle)\b")),
    (Intent.VENUE, re.compile(r"\b(venue|stadium|where was|where did .* play|ground|hosted)\b")),
    (Intent.ATTENDANCE, re.compile(r"\b(attendance|crowd|spectators|how many (people|fans))\b")),
    (Intent.MAN_OF_THE_MATCH, re.compile(r"\b(man of the match|player of the match|motm|best player|star man)\b")),
    (
        Intent.SCORE,
        re.compile(
            r"\b(score|results?|final score|who won|won|win|beat|lost|draw|drew|half-?time|ht|fixtures"
            r"|(which|what) (matches|games) (were|was) played)\b"
        ),
    ),
]
_FOOTBALL = re.compile(
    r"\b(match|game|goal|score|result|team|player|league|season|shot|pass|xg|press|win|won|lose|lost|draw|fixture|club|premier|football|soccer|referee|card|formation|lineup)\w*"
)


_WORD_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_LAST_N = re.compile(r"\blast (\d+|three|four|five|six|ten) (games|matches|results|fixtures)\b")


def form_length(question: str, default: int = 5) -> int:
    """Return how many recent matches a form question asks for ("last 3 results" -> 3), else ``default``."""
    found = _LAST_N.search(question.lower())
    if not found:
        return default
    count = found.group(1)
    return int(count) if count.isdigit() else _WORD_NUMBERS[count]


def asks_one_side(question: str) -> bool:
    """Whether a question naming two teams asks about the first only ("Arsenal's manager against Leeds")."""
    lowered = question.lower()
    return _ONE_SIDE.search(lowered) is not None and _BOTH_SIDES.search(lowered) is None


@dataclass(frozen=True)
class Route:
    intent: Intent
    stat: str | None = None
    chart: str | None = None
    descending: bool = True
    judged: bool = False  # a ranking by "best"/"worst": reversed for a stat where less is better
    of_teams: bool = False  # a ranking that names teams ("which side", "the best attack"), not players


def stat_named(question: str) -> str | None:
    """The first statistic the question names (specific phrases before generic ones)."""
    lowered = question.lower()
    return next((stat for stat, pattern in STAT_WORDS.items() if re.search(pattern, lowered)), None)


def chart_named(question: str) -> str | None:
    lowered = question.lower()
    return next((kind for kind, pattern in CHART_KINDS.items() if re.search(pattern, lowered)), None)


def route(question: str, *, has_player: bool, has_match_context: bool, n_teams: int) -> Route:
    """Return the intent for a question given what entity resolution found."""
    lowered = question.lower()
    stat = stat_named(question)
    if (chart := chart_named(question)) and re.search(r"\b(show|draw|plot|chart|map|display|see)\b", lowered):
        return Route(Intent.CHART, stat=stat, chart=chart)
    if _GOAL_TIME.search(lowered) or (_WHO_SCORED_KIND.search(lowered) and not _RANKING.search(lowered)):
        return Route(Intent.SCORERS, stat="goals")
    # The goals and who made them: his goals (stat "goals") or the goals he set up ("assists"); a team's scorers.
    if has_player and _ASSISTED.search(lowered):
        return Route(Intent.SCORERS, stat="assists")
    goals_made = re.search(r"goal|assist", lowered) is not None and not _RANKING.search(lowered)
    if _ASSISTERS.search(lowered) and (has_player or goals_made):
        return Route(Intent.SCORERS, stat="goals")
    ranked = stat or next((key for key, pattern in RANKED_WORDS.items() if re.search(pattern, lowered)), None)
    if _RANKING.search(lowered) and not has_match_context and ranked:
        return Route(
            Intent.RANKING,
            stat=ranked,
            descending=not _ASCENDING.search(lowered),
            judged=_JUDGED.search(lowered) is not None,
            of_teams=_TEAMS.search(lowered) is not None,
        )
    if _FORM.search(lowered):
        return Route(Intent.FORM)
    if _ENDING.search(lowered):
        return Route(Intent.SCORE)
    if _MANAGER.search(lowered) and not stat:
        return Route(Intent.MANAGER)
    if _NARRATIVE.search(lowered) and not stat:
        return Route(Intent.NARRATIVE)
    if has_player and (stat or re.search(r"\bscore\b", lowered)):
        return Route(Intent.PLAYER_STAT, stat=stat or "goals")
    if n_teams == 2 and _COMPARISON.search(lowered) and stat and not _MEETING.search(lowered):
        return Route(Intent.COMPARISON, stat=stat)
    if _AGGREGATE.search(lowered) and not has_match_context:
        return Route(Intent.AGGREGATE, stat=stat or "goals")
    for intent, pattern in _FACTS:
        # A statistic wins over the words that only set the scene: "the score", "the Chelsea keeper".
        if pattern.search(lowered) and not (intent in (Intent.SCORE, Intent.LINEUP) and stat not in (None, "goals")):
            return Route(intent, stat=stat)
    if stat:
        return Route(Intent.TEAM_STAT, stat=stat)
    if _NARRATIVE.search(lowered):
        return Route(Intent.NARRATIVE)
    if not _FOOTBALL.search(lowered) and n_teams == 0 and not has_player:
        return Route(Intent.OUT_OF_SCOPE)
    return Route(Intent.NARRATIVE)
