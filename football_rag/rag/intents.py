"""What a question asks for, read from its words (rules, not the LLM: routing must be predictable).

Routing happens here and only here: ``RULES`` is an ordered table of small rules, each reading the question
and what entity resolution found (``Asked``) and returning a ``Route`` or passing; the first that returns
wins. Two readings are made once, before any rule: the shape of what is asked (a person, a time, a number, yes or
no... and whether ranked: ``question_shape``) and its subject (a statistic, a role such as the assister or the
referee, a goal: ``question_subject``); rules key on them ("a person + the making of a goal + a player named: the
goal's assister", "a time + a goal: the scorers list's minutes") and keep a wording only where no shape decides.
``BUILDERS`` then names the answerer's builder where the intent alone does not say it (a player's goals
over a period, a team's story). The answerer only looks the route up. Order matters: a chart request beats
everything ("show the shot map"), a ranking beats a stat ("who had the most shots"), a match fact beats
narrative, and a follow-up with no words of its own ("what about the return match?") repeats the previous
question's route. Out of scope is what names nothing footballing at all. The words that name each
statistic come from ``analytics.stat_registry``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from football_rag.analytics.rates import Rate, rate_asked
from football_rag.analytics.stat_registry import PRESSING, PUT_AWAY, STANDINGS, STATS, definition
from football_rag.rag.answer_model import Intent
from football_rag.rag.question_shape import COUNTED, RANKING, YES_NO, Shape, Wants, shape_of
from football_rag.rag.question_subject import (
    BEST_PLAYER,
    CAPTAIN,
    NAMED_GOAL,
    REFEREE,
    Role,
    Subject,
    goal_named,
    subject_of,
)

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
            # "Brentford Football Club", "fulham footy club": a club's full name, not a ranking of clubs; "for either
            # side", "from both teams": any player of the two
            r"(?<!either )(?<!both )(?<!each )"
            r"\b(team|teams|(?<!football )(?<!footy )(?<!soccer )club|clubs|side|sides)\b",
            PRESSING,
            *(s.ranked for s in STATS if s.ranked and not s.team_only),
        ]
    )
)
# Stats asked as moments ("any hat-tricks?", "who hit the woodwork?"): who had them is a ranking by them.
_MOMENTS = frozenset({"hat_tricks", "woodwork"})
_ANY = re.compile(r"\b(any|anyone|anybody|who|whom|which players?)\b")
# A team's count asked of a player is a goalkeeper's ("raya clean sheets": the ones he kept).
_KEEPERS = {"clean_sheets": "keeper_clean_sheets"}
# "Who topped the shots chart?", "who led the scoring charts?": a ranking, not a chart to draw.
_TOPPED = re.compile(r"\b(top(ped|s)?|led|leads?)\b.*\bcharts?\b")
_ASCENDING = re.compile(r"\b(fewest|least|lowest|bottom|worst|relegation|drop zone|in the drop|meanest|stingiest)\b")
# "Best" and "worst" (and pressing "most") judge rather than count: for a stat where less is better (PPDA,
# goals conceded) the best is the lowest figure.
_JUDGED = re.compile(rf"\b(best|worst)\b|{PRESSING}")
# A count's own direction said beside the judgement ("best defence (fewest conceded)") is what ranks it.
_COUNT_DIRECTION = re.compile(r"\b(fewest|least|lowest|most|highest)\b")
# A goal's assister asked in words no shape reads (``_assister_asked`` takes a person asked for with the making of a
# goal: "who set up Isak", "the assister for Isak", "whose assist was it"): "Isak's goal assisted by?", "assist for
# Saka v Spurs", "X's goal - assist?" (asked last), "assist 4 Isak"; "whose pass (cross, through ball) was it", "who
# crossed for Ekitike's header", "Chalobah's goal - who crossed it" (a pass with no goal named); "X scored but who put
# it on a plate", "who gave Isak the pass".
_ASSISTERS = re.compile(
    r"\bassisted by\b|\bassists? (for|on)\b.*\bgoals?\b|\bgoal\b(?!.*\b(and|or)\b).*\bassist(er)?\W*$|\bassist 4\b"
    r"|\bwho put (it|that|them|one|the \w+) (on|up)\b|\bwho gave \w+( \w+)? the pass\b|\bwho passed (it )?to\b"
    r"|\bwhose (pass|cross|ball|through ?ball|delivery|final ball)\b(?! (accuracy|completion|success|rate|percentage))"
    r"|\bwho (crossed|squared it|pulled it back|cut it back|headed it down) (for|to)\b"
    r"|\bwho (crossed|squared|delivered) it\b"
    # "did Saka get an assist for Arsenal" asks whether he made one; the plural is his total: "assists for Saka in May"
    r"|(^|[:,;!?]\s*)(the )?assist for\b"
    # "the pass for Mount's goal came from who", "where did the ball for Isak's goal come from"
    r"|\b(pass|cross|ball|delivery)\b.*\bgoal\b.*\bc[ao]mes? from\b"
)
# "Who did Saka assist?", "Whose goals did Rice set up?": the goals a player made, and who scored them.
_ASSISTED = re.compile(r"\b(who|whose goals?|which goals?) did\b.*\b(assist|set up|lay on|tee up|create)\b")
_BOSS = r"(manager|boss|gaffer|coach|head coach|in charge|touchline|dugout|sidelines?|technical area|hot seat)"
# "Arsenal's manager against Leeds", "who coached Spurs v Arsenal", "the boss of Spurs", "on the touchline for
# Arsenal" ask for one side (the club named first); "the managers of Arsenal vs Leeds" for both.
_ONE_SIDE = re.compile(
    r"\b(against|facing|when they (played|met|faced)|manag(ed|ing)|coach(ed|ing))\b"
    rf"|['\u2019]s? (\w+ )?{_BOSS}\b|\b{_BOSS} (of|for)\b|\b(picked|selected|ran) ((the|their|his) )?\w+"
    # "who was in the Leeds dugout at Wolves": the club whose dugout it was; "wolves boss vs villa", "gaffer 4 wolves"
    r"|\bin the (\w+ ){1,3}(dugout|technical area|hot seat)\b"
    rf"|\b{_BOSS} (4|vs?|versus|against)\b"
)
_BOTH_SIDES = re.compile(r"\b(managers|coaches|bosses|both)\b")
_COMPARISON = re.compile(r"\b(compare|comparison|better|worse|difference between)\b")
_AGGREGATE = re.compile(
    r"\b(how many|total|in total|combined|average|per game|so far|this season|overall|record|wins?|won|lost"
    r"|draws?|points)\b"
)
# A goal's time named as one noun, which no shape reads as a time asked ("Eze's goal times", "goals minutes v
# Spurs"); a time asked of a goal in any other words is ``_goal_timed``'s.
_GOAL_TIME = re.compile(r"\bgoal ?times?\b|\bgoals? (minutes?|mins)\b")
# "Was there an equaliser in ...?", "was there a winner": whether a goal of that kind happened, said first.
_IS_THERE_A_GOAL = re.compile(rf"^(was|were|is) there (an? |any )?({NAMED_GOAL})")
# "2nd goal arsenal v spurs", "the third goal v spurs was scored by who": a goal by its number, asked bare.
# "2nd goal arsenal v spurs", "arsenal's 2nd goal vs spurs", "spurs 1st goal v arsenal": a goal by its number (a
# club's, when the club is named before it: ``Route.goal_of``).
_ORDINALS = r"second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th"
_NUMBERED_GOAL = re.compile(
    rf"^(the )?({_ORDINALS}) goal\b|^[\w.]+( [\w.]+)?(['\u2019]s?)? (first|1st|opening|{_ORDINALS}|last) goal\b"
)
# "Who took Arsenal's penalty against Leeds?", "Who scored the header?", "who got the winner?": the scorers, whose
# goals are tagged.
_WHO_SCORED_KIND = re.compile(
    rf"\bwho (took|scored|converted|netted|got)\b.*\b(penalt\w*|spot[- ]kicks?|headers?|{NAMED_GOAL})\b"
)
# "How did Arsenal vs Chelsea end?" asks for the result, not a story.
# "When did Arsenal play Spurs?", "who did Leeds play on 6 Dec?", "when was Arsenal v Spurs": the meeting and its day.
_ENDING = re.compile(
    r"\bhow did\b.*\b(end|finish)\b|\bfinal (score|result)\b"
    r"|\b(when|who) did \w+( \w+){0,2} (play|face|meet)\b"
    r"|\bwhen (was|were|is) \w+( \w+){0,3} (v|vs|versus|against)\b"
    # "who came out on top", "who took the three points": who won, in other words
    r"|\bwho (came out on top|prevailed|(took|got|picked up|won) the (win|victory|spoils|three points|3 points))\b"
)
# Two teams compared in the match they played, not over a season.
_MEETING = re.compile(
    r"\b(in|during) (the|that|this|their) (match|game|meeting)\b|\bwhen they (met|played)\b|\bagainst each other\b"
)
_VERSUS = re.compile(r"\b(vs?\.?|versus|against)\b")
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_COUNT = rf"(\d+|{'|'.join(_WORD_NUMBERS)})"
# "last 5" alone is the last 5 matches ("arsenal form last 5", "liverpool form over the last 6"); never a span of time,
# a day or a cup's round ("the last 10 minutes", "last 2 weeks", "last 5 dec", "the last 16").
_NO_UNIT = (
    r"(?!\s*(minutes?|mins?|secs?|seconds?|days?|weeks?|months?|years?|seasons?|yards?|metres?|m\b|%|\.\d"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
# A matchweek of the data: each club's Nth match ("the last 5 gameweeks" are each club's last 5, not a player's).
_ROUND_WORD = r"(?:(?:match|game) ?weeks?|mws?|gws?|rounds?)"
_LAST_MATCHES = (
    rf"last (?!16\b|32\b){_COUNT}\b"
    rf"(?: (?:home |away )?(games|matches|results|fixtures|appearances|apps|outings))?{_NO_UNIT}(?!\s*{_ROUND_WORD})"
)
_FORM = re.compile(rf"\b(form|{_LAST_MATCHES}|last few (games|matches|results|fixtures)|recent results|run of)\b")
_NARRATIVE = re.compile(
    r"\b(how did|why|summar|tactic|press|analy[sz]|explain|describe|style|approach|dominat|create|built|build-up"
    r"|story|report|review|what happened)\w*"
)
# "Who was in charge of Spurs vs Bournemouth?": a bare fixture after "in charge of" reads both ways, the game's referee
# and the clubs' managers, and both are given ("in charge of the match", "which referee": the referee alone).
# "Arsenal v Spurs, who was in charge?" (no object) reads both ways too.
_IN_CHARGE_OF_FIXTURE = re.compile(
    r"\bin charge of (?!(the|that|this)\b)(?!.*\b(match|game|fixture|meeting|derby)\b)|\b(in|took) charge\b(?! of\b)"
)
_REFEREE_NAMED = re.compile(r"\b(ref\w*|officia\w*|whistle)\b")
_SCORER_WORDS = re.compile(
    # "goals for" before a period or alone is the table's goals scored ("brighton goals for through 14 sep")
    r"\b(who scored|scorers?|goalscorers?|scored for|goals? (by|for(?!( (through|thru|up|until|till|in|since|before"
    r"|after|from|during|this|so far|and against|over))?\W*$)(?! (through|thru|up to|until|till|in|since|before|after"
    r"|from|during|this season|so far|and against|over)\b))"
    r"|who (got|grabbed|netted) (?!more|fewer|less|the most)(\S+ ){0,3}goals?"
    r"|goals?\b.*\bwho (got|scored) (em|them)|(which|what) (\w+ ){0,3}players? scored|which of (\S+ ){1,3}scored"
    r"|score ?sheet"
    # the scorers asked after the goals: "spurs v chelsea - whose goals were they", "fulham got goals v chelsea, from
    # who"
    r"|whose goals? (were|was|are|is) (they|it|those|these|that)|goals?\b.*\b(from|by) (who|whom)"
    # "who bagged for Liverpool", "who netted v Wolves", "who found the net": a scorer in chat's verbs
    r"|who (bagged|netted|struck|found the net|hit the net|got on the score ?sheet)(?! (more|fewer|less|the most))"
    r")\b"
)
# "What formation did Arsenal use", "Chelsea's formations this season": the shape a side lined up in.
_FORMATION = re.compile(r"\b(formations?|shape|system|set up|lined up in)\b")
_FACTS = [
    (Intent.LINEUP, re.compile(r"\b(in goal|goalkeeper|keeper|between the sticks)\b")),
    (Intent.SCORERS, _SCORER_WORDS),
    # "went into the referee's notebook": booked, no referee asked ("in the book" is the yellow cards' own words)
    (Intent.CARDS, re.compile(r"\b(cards?|booked|bookings?|sent off|red|yellows?|cautions?|notebook)\b")),
    (Intent.FORMATION, _FORMATION),
    (
        Intent.LINEUP,
        re.compile(r"\b(line-?ups?|starting (xi|eleven|11)|starters|who started|team sheet|bench|substitutes)\b"),
    ),
    (Intent.REFEREE, REFEREE),
    # "which town hosted it" asks where; "arsenal hosted spurs" names the fixture, its home side first
    (
        Intent.VENUE,
        re.compile(r"\b(venue|stadium|where was|where did .* play|ground|who hosted|(which|what) \w+ hosted)\b"),
    ),
    (Intent.ATTENDANCE, re.compile(r"\b(attendance|crowd|spectators|how many (people|fans)|sold out|full house)\b")),
    (Intent.MAN_OF_THE_MATCH, BEST_PLAYER),
    (
        Intent.SCORE,
        re.compile(
            r"\b(score|results?|final score|who won|won|win|beat|lose|lost|beaten|defeated|draw|drew|half-?time|ht"
            r"|fixtures|(which|what) (matches|games) (were|was) played)\b"
        ),
    ),
]
# A follow-up this short that names a stat asks the previous question again about it ("and the tackles?").
FOLLOW_UP_WORDS = 5
_BY_STAT = {Intent.RANKING, Intent.PLAYER_STAT, Intent.TEAM_STAT, Intent.AGGREGATE, Intent.COMPARISON}
# "Which player had the most shots...", "Who had the most tackles...": players, not the two teams.
_PLAYER_WORDS = re.compile(
    r"\b(who|whose|which player|what player|players?|tackler|passer|dribbler|shooter|scorer|creator)\b"
)
# "Who won Arsenal vs Spurs?": a match's result (not "who won the most", a ranking).
_WHO_WON = re.compile(r"^who won\b(?!.*\b(most|fewest|least|more|man of|player of|motm|potm|award)\b)")
# "Saka's stats in October", "Eze's numbers against Spurs": a player's main figures.
_PLAYER_SUMMARY = re.compile(r"\b(stats|statistics|numbers|figures|totals|stat line|season so far)\b")
# "What did Haaland do in December?", "How has Saka done this season?": over a period, his main figures.
_PLAYER_DID = re.compile(r"\bwhat did\b.*\bdo\b|\bhow (has|did|is)\b.*\b(done|do|doing|fared|fare|got on|get on)\b")
# "And who scored?", "What about the return match?": a follow-up of the previous question.
# "How many for the opponents?", "how many did their opponents have": the previous question asked of the other club.
_FOLLOW_UP = re.compile(
    r"^(and|what about|how about|same for|what of)\b|\b(return|reverse) (match|game|fixture|leg)\b"
    r"|\b(the|their) (other (team|side|club|lot)|opposition|opponents?)\b"
)
_FOOTBALL = re.compile(
    r"\b(match|game|goal|score|result|team|player|league|season|shot|pass|xg|press|win|won|lose|lost|draw|fixture|club|premier|football|soccer|referee|card|formation|lineup|derb)\w*"
)


_LAST_N = re.compile(rf"\b{_LAST_MATCHES}")


# "The top four", "bottom 3", "the relegation zone" (the Premier League relegates three): how many places are asked.
_PLACES_ASKED = re.compile(
    r"\b(?:top|bottom) (\d{1,2}|two|three|four|five|six|ten)\b|\b(relegation|drop zone|in the drop)\b"
)


def places_asked(question: str) -> int | None:
    """Return how many places of a table or ranking the question asks for ("top four": 4), or None."""
    found = _PLACES_ASKED.search(question.lower())
    if found is None:
        return None
    if found.group(2):
        return 3
    return int(found.group(1)) if found.group(1).isdigit() else _WORD_NUMBERS[found.group(1)]


def asks_standings(question: str) -> bool:
    """Whether a question asks for the league table ("top of the table on 1 December"): the standings up to the
    period's end, not the points won within it."""
    return re.search(STANDINGS, question.lower()) is not None


# "The home table", "at home", "away from home", "on the road": one side of each team's matches.
_HOME = re.compile(r"(?<!from )\bhome\b")
_AWAY = re.compile(r"\b(away|on the road|on their travels)\b")
# "After matchweek 10", "gameweek 5", "after 12 games", "the first 19 rounds", "the first half of the season".
_ROUND = re.compile(
    rf"\b{_ROUND_WORD} ?(\d+)\b|\b(?:after|(?:the )?first|opening) (\d+) (?:games|matches|fixtures|{_ROUND_WORD})\b"
)
# "The most assists in the last 5 games", "the table over the last 6 rounds", "last 3 gws", "in the last 5": each
# club's last matches.
_LAST_ROUNDS = re.compile(rf"\blast (?!16\b|32\b){_COUNT}\b(?: (?:games|matches|fixtures|{_ROUND_WORD}))?{_NO_UNIT}")
# "Matchweeks 1-19", "gw 20 to 38", "rounds 1 thru 19": from one matchweek to another.
_ROUNDS_SPAN = re.compile(
    rf"\b{_ROUND_WORD} ?(\d+) ?(?:-|\u2013|to|thru|through|until|till) ?(?:{_ROUND_WORD} ?)?(\d+)\b"
)
_HALF_SEASON = re.compile(r"\b(first|second|1st|2nd) half of the (season|campaign)\b")


def side_asked(question: str) -> str | None:
    """Return "home" or "away" when a question keeps to a team's home or away matches ("the away table", "goals
    at home"), else None ("home and away" is both)."""
    lowered = re.sub(PUT_AWAY, "scored", question.lower())  # "goals Wolves put away" are scored, home or away
    home, away = _HOME.search(lowered), _AWAY.search(lowered)
    return None if bool(home) == bool(away) else ("home" if home else "away")


def rounds_asked(question: str, rounds: int) -> tuple[int, int] | None:
    """Return the matchweeks first..last a question keeps to ("after matchweek 10" -> (1, 10); "the second half of
    the season" -> the second half of ``rounds``), else None."""
    lowered = question.lower()
    if half := _HALF_SEASON.search(lowered):
        first = half.group(1) in ("first", "1st")
        return (1, rounds // 2) if first else (rounds // 2 + 1, rounds)
    if span := _ROUNDS_SPAN.search(lowered):
        return int(span.group(1)), int(span.group(2))
    if last := _LAST_ROUNDS.search(lowered):
        count = last.group(1)
        return -(int(count) if count.isdigit() else _WORD_NUMBERS[count]), -1
    found = _ROUND.search(lowered)
    return None if found is None else (1, int(found.group(1) or found.group(2)))


def form_length(question: str, default: int = 5) -> int:
    """Return how many recent matches a form question asks for ("last 3 results" -> 3), else ``default``."""
    found = _LAST_N.search(question.lower())
    if not found:
        return default
    count = found.group(1)
    return int(count) if count.isdigit() else _WORD_NUMBERS[count]


def recent_matches(question: str) -> int | None:
    """Return how many of the latest matches a question is about ("his last 3 games" -> 3, "Saka's form" -> 5), or
    None when it names no such run."""
    return form_length(question) if _FORM.search(question.lower()) else None


def asks_one_side(question: str) -> bool:
    """Whether a question naming two teams asks about the first only ("Arsenal's manager against Leeds")."""
    lowered = question.lower()
    return _ONE_SIDE.search(lowered) is not None and _BOTH_SIDES.search(lowered) is None


@dataclass(frozen=True)
class Route:
    """Where a question goes: its intent, the stat it names, and the answerer's builder when not the intent's own."""

    intent: Intent
    stat: str | None = None
    chart: str | None = None
    descending: bool = True
    judged: bool = False  # a ranking by "best"/"worst": reversed for a stat where less is better
    of_teams: bool = False  # a ranking that names teams ("which side", "the best attack"), not players
    builder: str | None = None  # e.g. "match_leaders", "player_goals", "team_story" (see Answerer.BUILDERS)
    goal: str | None = None  # a goal named by what it did to the score ("equaliser": ``GOAL_NAMED``), said first
    goal_of: str | None = None  # the club whose goal of that number is asked ("arsenal's 2nd goal"): its goals only
    yes_no: bool = False  # "Did Arsenal beat Spurs?": the answer starts with Yes or No
    counted: bool = False  # "How many cards were there in ...?": the count first
    refusal: str | None = None  # why the data cannot answer it ("who will win...": nothing played yet)
    rate: Rate | None = None  # "most goals per 90": each figure per 90 minutes or per match, not the total
    rule: str = ""  # the rule that chose this route (a follow-up repeats the route of a fallback)


@dataclass(frozen=True)
class Asked:
    """What routing reads: the question's words (lower case) and what entity resolution found in it."""

    text: str
    stat: str | None
    has_player: bool
    has_match_context: bool
    n_teams: int
    shape: Shape  # the type of answer asked for (``question_shape``)
    subject: Subject  # what the answer is about (``question_subject``)
    over_time: bool = False  # a period longer than a day, or "this season": not one match
    previous: Route | None = None  # the route of the conversation's previous question
    refused: str | None = None  # why the data cannot answer it (``rag.refusals``), or None
    n_players: int = 0  # how many players entity resolution found


def is_follow_up(question: str) -> bool:
    """Whether the question reads as a follow-up of the previous one ("and who scored?", "what about Eze?")."""
    return _FOLLOW_UP.search(question.lower()) is not None


def stat_named(question: str) -> str | None:
    """The first statistic the question names (specific phrases before generic ones)."""
    # "going by whoscored": the provider's name says nothing scored
    lowered = re.sub(r"\bwhoscored\b", "", question.lower())
    return next((stat for stat, pattern in STAT_WORDS.items() if re.search(pattern, lowered)), None)


# A statistic's noun from the verb that did it ("tackled": tackles, "crossed": crosses, "cleared": clearances,
# "intercepted": interceptions, "passed": passes, "saved": saves).
_NOUN_ENDINGS = ("", "s", "es", "ions", "ances")
_DONE = re.compile(r"\b([a-z]{3,}?)e?d\b")


def stat_acted(question: str) -> str | None:
    """The statistic a verb of the question names, read as its noun ("who tackled the most": tackles), or None."""
    for verb in _DONE.finditer(question.lower()):
        stems = {verb.group(1), verb.group(0)[:-1]}
        nouns = " ".join(stem + ending for stem in stems for ending in _NOUN_ENDINGS)
        if (stat := stat_named(nouns)) is not None:
            return stat
    return None


def chart_named(question: str) -> str | None:
    """Return the chart kind the question names, or None."""
    lowered = question.lower()
    return next((kind for kind, pattern in CHART_KINDS.items() if re.search(pattern, lowered)), None)


# --- the rules, in the order they are tried: each returns a Route, or None to pass ---------------------------


def _refused(a: Asked) -> Route | None:
    """ "Who will win on Saturday?", "Who did Arsenal sign?": nothing in the data answers it; said, never guessed."""
    return Route(Intent.OUT_OF_SCOPE, refusal=a.refused) if a.refused else None


def _chart(a: Asked) -> Route | None:
    """ "Show the shot map of Arsenal vs Spurs": a chart beats everything ("who topped the shots chart" is a
    ranking)."""
    chart = chart_named(a.text)
    if chart and re.search(r"\b(show|draw|plot|chart|map|display|see)\b", a.text) and not _TOPPED.search(a.text):
        return Route(Intent.CHART, stat=a.stat, chart=chart)
    return None


# "did wirtz assist isak v spurs", "was it wirtz who set up isak", "has bruno ever laid one on for cunha", "was isak
# set up by wirtz": the goals one named player made for another ("saka and palmer assists", a plural noun, compares).
# "was isak set up by wirtz", "did isak score from a wirtz assist", "isak's goal off wirtz's pass": the second player
# named made the goals.
SET_UP_BY = re.compile(
    r"\b(set up|assisted|laid on|teed up|created|provided) by\b|\bassists? (from|by)\b"
    r"|\b(scor\w*|goals?|net\w*) (from|off) (a |an |the )?\w+('s)? (assist|pass|cross|ball|through ball|delivery)\b"
)
_SET_UP = re.compile(
    r"\b(assist(ed|ing)?|set(ting)? (\w+ )?up|la(id|y) (\w+ )?on|teed (\w+ )?up|provided? for|creat\w* for)\b"
    rf"|\bassists? for\b|{SET_UP_BY.pattern}"
)
_COMPARED = re.compile(r"\b(more|fewer|less|most|compare\w*|better|worse|both|each)\b")


def _assists_between(a: Asked) -> Route | None:
    """ "Did Wirtz assist Isak v Spurs?": the goals the first player named set up for the second, yes or no first."""
    if a.n_players >= 2 and _SET_UP.search(a.text) and not _COMPARED.search(a.text):
        return Route(Intent.SCORERS, stat="assists", builder="assists_between")
    return None


# What a player does in a match at a time that is no goal: comes on or off, plays, meets a club, kicks off.
_NO_GOAL_TIME = re.compile(
    r"\b(come|came|coming|brought|taken|subbed|sub|substituted|replaced|injured|hurt|play|played|playing|face|faced"
    r"|meet|met|start|started|kick\w*|ko)\b"
)


def _goal_timed(a: Asked) -> bool:
    """Whether a goal's time is asked: a time (alone, or with its scorer: "the winner, who and when") of a goal, or of
    one player in one match with nothing else asked ("when did neto sore vs wolves", "which minute trossard v spurs":
    his goal's)."""
    timed = a.shape.wants is Wants.TIME or (a.shape.wants is Wants.PERSON and Wants.TIME in a.shape.asks)
    his = a.n_players == 1 and a.has_match_context and a.stat is None and not a.subject.roles
    goal = a.subject.goal or (his and not _NO_GOAL_TIME.search(a.text))
    return (timed and goal and not _KICKOFF.search(a.text)) or _GOAL_TIME.search(a.text) is not None


def _goal_times(a: Asked) -> Route | None:
    """ "When did Haaland score against Brentford?", "Who took the penalty?", "Was there an equaliser?": the scorers
    list has them all."""
    # "who opened the scoring in ...", "the equaliser was whose": a person asked of a goal named by what it did
    named = a.shape.wants is Wants.PERSON and goal_named(a.text) and not a.subject.has(Role.ASSISTER)
    who_scored_it = (_WHO_SCORED_KIND.search(a.text) or named) and not RANKING.search(a.text)
    if _goal_timed(a) or who_scored_it or _IS_THERE_A_GOAL.search(a.text) or _NUMBERED_GOAL.search(a.text):
        return Route(Intent.SCORERS, stat="goals", goal=goal_named(a.text))
    return None


# "In the first half", "after the break": one half of a match ("the first half of the season" is a period).
_HALF = re.compile(
    r"\b(first|1st|second|2nd) half\b(?! of the (season|campaign|year))|\b(before|after) (the break|the interval)\b"
)


def half_asked(question: str) -> int | None:
    """Return the half of a match a question keeps to (1 or 2), or None."""
    found = _HALF.search(question.lower())
    if found is None:
        return None
    return 1 if found.group(1) in ("first", "1st") or found.group(3) == "before" else 2


def _assister_asked(a: Asked) -> bool:
    """Whether the person who made a goal is asked for ("need the assist for Isak v Spurs", "which player set up the
    opener", "isak v spurs assist by?"), not a ranking or comparison of assists."""
    person = Wants.PERSON in a.shape.asks and a.shape.wants is not Wants.NUMBER and a.subject.has(Role.ASSISTER)
    return person and not (a.shape.ranked or _COMPARED.search(a.text))


def _goals_made(a: Asked) -> Route | None:
    """The goals and who made them: his goals ("goals") or the goals he set up ("assists"); a team's scorers."""
    if a.has_player and _ASSISTED.search(a.text):
        return Route(Intent.SCORERS, stat="assists")
    made = re.search(rf"goal|assist|{NAMED_GOAL}", a.text) is not None and not RANKING.search(a.text)
    if (_assister_asked(a) or _ASSISTERS.search(a.text)) and (a.has_player or made):
        return Route(Intent.SCORERS, stat="goals", goal=goal_named(a.text))  # "who set up the opener": that goal's
    # "assists in Arsenal v Spurs", "goals and assists in ...": the goals and who made them (the data keeps no team
    # count of assists)
    listed = (
        a.stat in ("assists", "goal_contributions")
        and a.has_match_context
        and not (a.has_player or COUNTED.search(a.text))
    )
    if listed and not RANKING.search(a.text):
        return Route(Intent.SCORERS, stat="goals")
    return None


def _another_stat(a: Asked) -> Route | None:
    """ "And tackles?", "what about key passes?" after a question about a stat: the same question, that stat."""
    # "and who scored?" asks its own question (the scorers), not the previous one about goals.
    short = len(a.text.split()) <= FOLLOW_UP_WORDS and not re.search(r"\b(who|whose|when|which|where)\b", a.text)
    if a.previous is None or not (a.stat and short and is_follow_up(a.text)) or a.previous.intent not in _BY_STAT:
        return None
    return replace(a.previous, stat=a.stat, yes_no=False)


def _match_leaders(a: Asked) -> Route | None:
    """ "Which player had the most shots in Arsenal vs Spurs?": the players of one match ranked, not team totals."""
    # "Most tackles in Arsenal vs Spurs?": a match's most is a player's; "Did Arsenal have the most shots?" a team's.
    players = a.has_player or _PLAYER_WORDS.search(a.text) is not None or not YES_NO.search(a.text)
    if not (a.has_match_context and a.stat and a.shape.ranked and players):
        return None
    if definition(a.stat).team_only or _TEAMS.search(a.text):
        return None
    return Route(Intent.RANKING, stat=a.stat, descending=not _ASCENDING.search(a.text), builder="match_leaders")


def _counted_stat(a: Asked) -> str | None:
    """The stat asked for, or one named by a ranking's words ("the most wins", "points", "the best defence")."""
    return a.stat or next((key for key, pattern in RANKED_WORDS.items() if re.search(pattern, a.text)), None)


def _judged(text: str) -> bool:
    """Whether a ranking judges ("the best defence", "pressed the most") rather than counts ("fewest conceded")."""
    judged = _JUDGED.search(text)
    return judged is not None and (judged.group(1) is None or _COUNT_DIRECTION.search(text) is None)


def _ranking(a: Asked) -> Route | None:
    """ "Who scored the most in October?", "the best defence": players or teams ranked over a period."""
    ranked = _counted_stat(a)
    # A day's matches with nobody named rank like a period ("top of the table on 1 December"), as a club's place in the
    # table on a day does ("where were spurs in the table on 1 nov").
    # A club's own count after a matchweek ("spurs shots in gw 1 to 5") is its total, not the table.
    table = asks_standings(a.text) and a.stat in (None, "points")
    standing = a.n_teams == 1 and table
    period = not a.has_match_context or (a.n_teams == 0 and not a.has_player) or standing
    # "who has the shots per match", "xg p90" with nobody named: who leads by it (a player's measure, per 90;
    # "goals per game" alone is the league's figure per match)
    rate = rate_asked(a.text)
    per_90 = rate is not None and rate.key == "per_90"
    asks_who = bool(_PLAYER_WORDS.search(a.text) or _TEAMS.search(a.text)) or per_90
    rated = rate is not None and a.n_teams == 0 and not a.has_player and asks_who
    # "any hat-tricks in november", "who hit the woodwork this season": who had one of these moments, ranked
    moments = ranked in _MOMENTS and not a.has_player and _ANY.search(a.text) is not None
    if not ((RANKING.search(a.text) or table or rated or moments) and period and ranked):
        return None
    return Route(
        Intent.RANKING,
        stat=ranked,
        descending=not _ASCENDING.search(a.text),
        judged=_judged(a.text),
        of_teams=_TEAMS.search(a.text) is not None,
        rate=rate,
    )


# "What time did the derby kick off", "ko time city palace", "what time did Arsenal v Spurs start": its kick-off time.
_KICKOFF = re.compile(
    r"\bkick(ed|s)?[- ]?off\b|\bk/?o (times?|was)\b|\bwhat time (did|was|were) (\S+ ){0,6}(start|begin|kick\w*|ko)\b"
)


# "Saka's shirt number", "what number does eze wear", "haaland squad no": the numbers the line-ups give him.
_SHIRT_NUMBER = re.compile(
    r"\b(shirt|squad) (numbers?|no|#)\b|\bwhat number (does|did|is|was) (\w+ ){1,3}(wear|wore|wearing|in)\b"
)


# "Who wore number 7 for arsenal", "arsenal's no. 9", "the 10 shirt", "wore 8": a shirt number named (its digits).
_SHIRT_NAMED = re.compile(
    r"\b(?:number|no\.?|num|#) ?(\d{1,2})(?! (?:goals?|assists?|times?|mins?|minutes?|games?|matches)\b)"
    r"(?!\.?\d|st|nd|rd|th)\b|\b(\d{1,2}) (?:shirt|jersey)\b|#(\d{1,2})\b|\b(?:wore|wears|worn) (?:the )?(\d{1,2})\b"
)
_WHO_WORE = re.compile(r"\b(who|whos|who's|whose|which player|name)\b")


def shirt_named(question: str) -> int | None:
    """Return the shirt number a question names ("who wore number 7 for arsenal" -> 7), or None."""
    found = _SHIRT_NAMED.search(question.lower())
    return None if found is None else int(next(g for g in found.groups() if g))


def _match_detail(a: Asked) -> Route | None:
    """ "Who captained Arsenal v Spurs?", "what time did it kick off?", "Saka's shirt number", "who wore number 7
    for arsenal": a match's captains or kick-off time, a player's shirt number, a club's shirt number's wearers."""
    if _SHIRT_NUMBER.search(a.text) and a.has_player:
        return Route(Intent.LINEUP, builder="shirt_number")
    worn = shirt_named(a.text) is not None and a.stat is None and not a.has_player and a.n_teams >= 1
    if worn and (_WHO_WORE.search(a.text) or re.search(r"'s (no|num|number|#)\b", a.text)):
        return Route(Intent.LINEUP, builder="shirt_wearers")
    if CAPTAIN.search(a.text) and a.stat is None:
        return Route(Intent.LINEUP, builder="captains")
    if _KICKOFF.search(a.text) and a.stat is None:
        return Route(Intent.SCORE, builder="kickoff")
    return None


def _form(a: Asked) -> Route | None:
    """ "Arsenal's form", "their last 3 results": a team's latest matches (a player's are his figures in them)."""
    return Route(Intent.FORM) if _FORM.search(a.text) and not a.has_player else None


def _ending(a: Asked) -> Route | None:
    """ "How did Arsenal vs Chelsea end?", "Who won Arsenal v Spurs?": the result, never a season's story."""
    return Route(Intent.SCORE) if _ENDING.search(a.text) or _WHO_WON.search(a.text) else None


def _manager(a: Asked) -> Route | None:
    """ "Spurs' gaffer v Arsenal", "who picked the Spurs side": a club's manager ("which referee was in charge of ..."
    is the referee)."""
    named = a.subject.has(Role.MANAGER) and not (a.stat or a.subject.has(Role.REFEREE))
    return Route(Intent.MANAGER) if named else None


def _best_player(a: Asked) -> Route | None:
    """ "Arsenal v Spurs, who was best?", "which player shone": one match's best player, asked as a person ranked with
    no statistic (or in the man of the match's own words), is its man of the match."""
    if not a.has_match_context or a.stat or a.shape.wants is not Wants.PERSON or _TEAMS.search(a.text):
        return None
    best = a.shape.ranked and _JUDGED.search(a.text) and not _ASCENDING.search(a.text)
    return Route(Intent.MAN_OF_THE_MATCH) if best or a.subject.has(Role.MAN_OF_THE_MATCH) else None


def _narrative(a: Asked) -> Route | None:
    """ "How did Arsenal press?": a story, told by the model from the facts and documents."""
    # "How did Liverpool line up (formation)?": the formation named asks for it, not a story.
    told = _NARRATIVE.search(a.text) and not re.search(r"\bformation\b", a.text)
    return Route(Intent.NARRATIVE) if told and not a.stat else None


def _player_summary(a: Asked) -> Route | None:
    """ "Saka's stats in October", "Eze's numbers against Spurs", "What did Haaland do in December?": a player's main
    figures."""
    over_a_period = a.over_time and not a.has_match_context and _PLAYER_DID.search(a.text)
    if a.has_player and not a.stat and (_PLAYER_SUMMARY.search(a.text) or over_a_period or _FORM.search(a.text)):
        return Route(Intent.PLAYER_STAT, builder="player_summary")
    return None


def _player_stat(a: Asked) -> Route | None:
    """ "How many shots did Saka have against Spurs?", "Did Eze score?", "haaland goals per 90": one player's figure."""
    if a.has_player and (a.stat or re.search(r"\bscore\b", a.text)):
        return Route(Intent.PLAYER_STAT, stat=a.stat or "goals", rate=rate_asked(a.text))
    # "Did Saka play against Spurs?", "did Eze start?": his minutes in the match
    if a.has_player and re.search(r"\b(play|played|start|started|feature[ds]?|appear(ed)?)\b", a.text):
        return Route(Intent.PLAYER_STAT, stat="minutes")
    return None


def _comparison(a: Asked) -> Route | None:
    """ "Who had more possession over the season, Arsenal or Chelsea?": two teams' averages ("Arsenal vs Chelsea: who
    had the better xG?" is their match, unless a period is named)."""
    in_match = _MEETING.search(a.text) or (_VERSUS.search(a.text) and not a.over_time)
    if a.n_teams == 2 and _COMPARISON.search(a.text) and a.stat and not in_match:
        return Route(Intent.COMPARISON, stat=a.stat)
    return None


def _aggregate(a: Asked) -> Route | None:
    """ "How many clean sheets did Arsenal keep in October?", "How many points did Arsenal get in November?": a team's
    (or every team's) total over a period."""
    rate = rate_asked(a.text)  # "shots per match": the league's figure per match
    # "what formation did arsenal use this season", "who reffed liverpool's games this season": each match's
    detail = a.stat is None and (_FORMATION.search(a.text) is not None or a.subject.has(Role.REFEREE))
    if (_AGGREGATE.search(a.text) or rate) and not a.has_match_context and not detail:
        return Route(Intent.AGGREGATE, stat=_counted_stat(a), rate=rate)
    return None


def _team_over_time(a: Asked) -> Route | None:
    """ "Arsenal clean sheets in October", "Chelsea's goals this season": one team's total over the period, not each
    match's figures (its scorers stay a list: "Who scored for Arsenal in October?", "Arsenal's scorers in May")."""
    scorers = re.search(r"\bwho\b", a.text) or _SCORER_WORDS.search(a.text)
    if a.stat is not None and a.n_teams == 1 and a.over_time and not a.has_match_context and not scorers:
        return Route(Intent.AGGREGATE, stat=a.stat, rate=rate_asked(a.text))
    return None


# One goal's scorer asked ("first goal chelsea v brighton scorer?", "the winner, scored by"): that goal's, when named.
_ONE_SCORER = re.compile(r"\b(scorer|goalscorer|who scored|scored by|who got it|who netted)\b(?!s)")


def _match_fact(a: Asked) -> Route | None:
    """The scorers, cards, line-ups, referee... of one match, named by their words; one goal's scorer when the goal
    is named by its order or what it did ("first goal chelsea v brighton scorer?")."""
    if _ONE_SCORER.search(a.text) and (goal := goal_named(a.text)) is not None and _SCORER_WORDS.search(a.text):
        return Route(Intent.SCORERS, stat="goals", goal=goal)
    for intent, pattern in _FACTS:
        # A statistic wins over the words that only set the scene: "the score", "the Chelsea keeper".
        if pattern.search(a.text) and not (intent in (Intent.SCORE, Intent.LINEUP) and a.stat not in (None, "goals")):
            # "How many goals did Spurs score against Arsenal?": a count, said first (the score follows it).
            counted = intent is Intent.SCORE and a.stat == "goals" and COUNTED.search(a.text)
            if counted:
                return Route(Intent.TEAM_STAT, stat="goals")
            both_ways = intent is Intent.REFEREE and _IN_CHARGE_OF_FIXTURE.search(a.text)
            in_charge = both_ways and not _REFEREE_NAMED.search(a.text)
            return Route(intent, stat=a.stat, builder="in_charge" if in_charge else None)
    return None


def _team_stat(a: Asked) -> Route | None:
    return Route(Intent.TEAM_STAT, stat=a.stat) if a.stat else None


def _story(a: Asked) -> Route | None:
    return Route(Intent.NARRATIVE) if _NARRATIVE.search(a.text) else None


def _out_of_scope(a: Asked) -> Route | None:
    """Nothing footballing named at all."""
    follow_up = a.previous is not None and is_follow_up(a.text)  # "and in December?"
    if not _FOOTBALL.search(a.text) and a.n_teams == 0 and not a.has_player and not follow_up:
        return Route(Intent.OUT_OF_SCOPE)
    return None


# A question word, or a yes/no question's opening: the question asks for something ("who owns Bournemouth").
_ASKS = re.compile(
    r"\b(who|whom|whose|what|whats|which|when|where|why|how)\b|^(is|are|was|were|did|does|do|has|have)\b"
)
# Asked once no fact's words are read, these ask for a match's or club's story ("how was arsenal v spurs", "what
# went wrong for Leeds"); before the facts they would take "how was the ref" from the referee.
_TOLD = re.compile(
    r"\b(tell me about|talk me through|recap|run-?down|lowdown|overview|breakdown|highlights|how (was|were|is|are)"
    r"|how'd|how('s| has) \w+( \w+)? (been|going|doing)|what went (wrong|right)|what was\b.*\blike|key moments"
    r"|thoughts on|how (did|do|does) \w+( \w+)? (get on|fare|play|look)|what did \w+( \w+)? do|boss(ed|ing)"
    r"|controlled|ran the (game|show|midfield))\b"
)


def _the_assist(a: Asked) -> Route | None:
    """ "And the assist?", "who set it up?" after a goal's answer: that goal's assister (the scorers list names
    him), not the scorer's own assists."""
    previous = a.previous
    if previous is None or previous.intent is not Intent.SCORERS or previous.stat != "goals" or not a.has_player:
        return None
    asked = re.search(
        r"\bassist\w*|\b(set|teed) (it|that|him) up\b|\blaid (it|that) on\b|\bwhose (pass|cross)\b", a.text
    )
    return replace(previous, yes_no=False) if asked and len(a.text.split()) <= FOLLOW_UP_WORDS else None


def _not_read(a: Asked) -> Route | None:
    """A question that asks something none of the rules above reads ("who was the mascot at Everton v Palace?"):
    asked back with what can be asked, never answered with a nearby match's story.
    A follow-up repeats its previous route instead; a match named bare ("arsenal v spurs 4 oct?") asks nothing and
    is its summary."""
    follow_up = a.previous is not None and is_follow_up(a.text)
    asks = _ASKS.search(a.text) and not _TOLD.search(a.text)
    return Route(Intent.CLARIFY, builder="not_read") if asks and not follow_up else None


def _fallback(a: Asked) -> Route | None:
    """Nothing asked in words: a follow-up ("what about the return match?") repeats the previous question's
    route; anything else names a match or club bare, and is its story."""
    if a.previous is not None and is_follow_up(a.text):
        return replace(a.previous, yes_no=False)
    return Route(Intent.NARRATIVE)


RULES: tuple[Callable[[Asked], Route | None], ...] = (
    _refused, _chart, _assists_between, _goal_times, _the_assist, _goals_made, _another_stat, _match_leaders,
    _match_detail, _best_player, _ranking, _form, _ending, _manager, _narrative, _player_summary, _player_stat,
    _comparison, _aggregate, _team_over_time, _match_fact, _team_stat, _story, _out_of_scope, _not_read, _fallback,
)  # fmt: skip
# A route's builder, when the route alone does not say it: (intent, test on what was asked, builder), first match.
BUILDERS: tuple[tuple[Intent, Callable[[Asked], bool], str], ...] = (
    # "Who set up Haaland's goals in September?": his goals over the period, not one match's scorers.
    (Intent.SCORERS, lambda a: a.has_player and not a.has_match_context, "player_goals"),
    # "How has Chelsea's pressing been this season?": the team over the period, told from its figures.
    (
        Intent.NARRATIVE,
        lambda a: a.n_teams == 1 and not a.has_player and a.over_time and not a.has_match_context,
        "team_story",
    ),
)


def route(
    question: str,
    *,
    has_player: bool,
    has_match_context: bool,
    n_teams: int,
    over_time: bool = False,
    previous: Route | None = None,
    refused: str | None = None,
    n_players: int = 0,
) -> Route:
    """Return where a question goes given what entity resolution found: the first rule of ``RULES`` that takes it."""
    shape = shape_of(question)
    # "who tackled the most": a ranking's statistic said as its verb
    stat = stat_named(question) or (stat_acted(question) if shape.ranked else None)
    asked = Asked(
        question.lower(),
        _KEEPERS.get(stat, stat) if has_player else stat,  # "raya clean sheets": a keeper's
        has_player,
        has_match_context,
        n_teams,
        shape,
        subject_of(question.lower(), stat),
        over_time,
        previous,
        refused,
        n_players,
    )
    for rule in RULES:
        if (chosen := rule(asked)) is not None:
            break
    builder = chosen.builder or next(
        (name for intent, test, name in BUILDERS if intent is chosen.intent and test(asked)), None
    )
    yes_no, counted = shape.wants is Wants.YES_NO, COUNTED.search(asked.text) is not None
    return replace(
        chosen, builder=builder, yes_no=yes_no, counted=counted, rule=chosen.rule or rule.__name__.lstrip("_")
    )
