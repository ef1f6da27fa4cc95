"""What the data holds, and the subject of a question that asks for something it does not (issue 15: refusal by
default, not an answer to something near).

A question's subject is the most specific phrase naming what it asks for. Held phrases are every statistic's words
in the registry (``stat_registry.STATS``: a statistic added there is held with no other edit), the charts drawn
(``intents.CHART_KINDS``), and each ``SUBJECTS`` entry whose column of the tables has a value (the venue, the
attendance, a captain, a shoot-out's score...). An entry with no column (distance run, the weather, VAR) or whose
column is empty in the loaded matches is not held: a question naming it is refused with what the data holds
instead, unless a held phrase or a player's name covers its words ("heat map" covers "heat", "aerial duels" covers
"duels", Enzo Le Fée's name the transfer "fee"). What is never held (what is to come, transfers, the clubs off the
pitch, players' lives, injuries, football beyond the loaded matches) is a subject here too, said in its own sentence;
a subject that is registry statistics (xG, filled by the xG model) refuses a question asking for one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from football_rag.analytics.stat_registry import STATS
from football_rag.analytics.tables import MatchTables
from football_rag.rag.entities import english_words, words_of
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
    said: str | None = None  # the whole refusal, when not "The data does not hold <name>; it holds <instead>."
    # Registry statistics that are this subject: when it is not held, a question asking for one of them is refused
    # (its words alone are not: "xG aside, who opened the scoring" asks for the opener).
    stats: frozenset[str] = frozenset()
    # Words whose slips name this subject too ("bots" for boots, "wether" for the weather): a letter left out or two
    # swapped, when the slip is no word of a held phrase or a name in the data.
    slipped: tuple[str, ...] = ()


# "Who will win...", "the next Arsenal game", "predict the score", "the title race run-in": what is to come.
# "Will" alone may be a name (Will Osula): a question opening with it asks ahead only with a verb that can follow it
# ("will Arsenal win") and none in the past ("will osula scored against chelsea?" asks about Will Osula); a question
# word or a pronoun before or after it asks ahead anyway.
_FUTURE = (
    r"^will\b(?=.*\b(win|beat|lose|draw|finish|score|be|play|get|go|make|happen|sign|stay|qualify|survive|reach"
    r"|take|keep|have|come|start|end)\b)(?!.*\b(scored|played|finished|started|assisted|won|lost|drew|beaten|got|had"
    r"|made|did|was|were|has|saved|booked|conceded|kept)\b)"
    r"|\b(who|what|which|how|when|where) will\b|\bwill (they|he|we|it|there)\b"
    r"|\b(going to|gonna) (win|beat|lose|draw|finish|score|be|play)\b"
    r"|\b(predict\w*|forecast|betting|upcoming)\b|\bodds (on|of|for)\b"
    r"|\bnext (match|game|fixture|week|weekend|season|month|opponents?|gameweek|gw|round|kick[- ]?off|ko)\b"
    r"|\bwhen (is|are) (the |their |his )?next\b"
    # "whens the next man utd game", "whens chelsea v spurs next", "who do united play on saturday", "who wins the
    # league"
    r"|\bwhen(['\u2019]?s| is| are)\b.*\bnext\b|\bwho (do|does) (\w+ ){1,2}(play|face)\b"
    r"|\bwho (wins|takes|lifts) the\b"
    # "when do Arsenal play next", "who are Spurs facing next" (not "who did Arsenal play next after Spurs")
    r"|\b(do|does|are|is|will) (\w+ ){1,3}(play|playing|face|facing) next\b"
    # "who'll finish top 4", "they'll go down": a contraction of "will" asks ahead as "will" does.
    r"|\b\w+['\u2019]ll\b"
    # "who's going down this season", "will they stay up": the season's end, not yet played.
    r"|\bgoing (down|up)\b|\bstay(ing|s)? up\b|\bget(ting)? relegated\b"
    # "what time is Chelsea's kick off": a time of day the data holds for no match to come.
    r"|\bwhat time (is|does|do|are)\b.*\bkick\w*[- ]?off\b"
)
_TRANSFERS = (
    r"\b(sign(s|ed|ing|ings)?|transfer\w*|fee|bought|buy|sold(?! out)|sell(?!-? ?out)|loan(ed|s)?|contract"
    r"|wages?|salary|release clause|join(ed|s)? from|worth|market value|valuation|sack(s|ed|ing)?"
    r"|(transfer|january|summer) window)\b"
    r"|\bhow much did\b.*\b(pay|paid|cost|spend|spent)\b"
    # "what's Rice on a week", "is Erling leaving in the summer"
    r"|\b(on|earns?|earning|paid|gets?) (a|per) week\b|\b(is|are) \w+( \w+)? leaving\b"
    # "how much does Salah earn", "what are his earnings"
    r"|\bearnings\b|\bhow much (does|do|is|did) \w+( \w+)? (earn|make|get paid|on|paid|pay)\b"
    # "his contact end date" ("contact" typed for "contract": a word of its own), "when does his deal expire", "how
    # long has he got left on his deal"
    r"|\b(deal|contact) (end\w*|expir\w*|runs?|running|until|length|extension|renewal|details)\b"
    r"|\b(deal|contact) (ends?|expires?|runs? out)\b|\bleft on (his|her|their) (deal|contact)\b"
    # "who is bruno fernandes' agent", "saka's representatives"
    r"|\b(agents?|representatives?)\b"
)
# "Stadium capacity", "ticket prices", "who to captain in fantasy": about the club or a game, not a match played.
# "Who owns Bournemouth", "the chairman": who runs the club, not what it did on the pitch.
_OFF_THE_PITCH = (
    r"\b(capacity|tickets?( prices?)?|fantasy (captain|picks?)|captaincy|owns|owners?|ownership|chairman"
    # advice for a fantasy team; "for my fantasy team, how many shots did Saka have?" asks a figure
    r"|(should i|who to|who do i) (pick|captain|start|bench|buy|sell|bring in|transfer in)"
    r"|takeover|shirt sponsors?|kit sponsors?|press(er| conference)s?|tix|(tv )?channel|on (the )?tv|televised"
    # "what did Maresca say after the Fulham game", "any quotes from Pep", "Arteta's post match comments"
    r"|what did (\w+ ){1,3}say|quotes?|interviews?|post[- ]?match (comments|reaction|words)"
    # "who designed the new training ground", "how much is a pie at turf moor", "price of a pint at the emirates"
    r"|training (ground|centre|center|facilit\w*|complex|base)|design(ed|er|ers)?|architects?"
    # ("pints" is no drink: "brigton pints" are its points)
    r"|pies?|food|catering|parking|club shop|merch\w*|how much (is|are|does|do) (a|an)(?= \w+ at\b))\b"
)
# "How old is Virgil", "when was Saka born", "his birthday": the squads list names, not dates of birth.
_PERSONAL = (
    r"\bhow old\b|\b(his|her|their|whats|what is|what's) age\b|\bwhat age\b|\bborn\b|\b(birthdays?|b-?days?)\b"
    r"|\bdate of birth\b|\b(youngest|oldest) (player|scorer|goalscorer|starter|debutant|keeper|captain|manager)s?\b"
    r"|\bhow tall\b|\bheight\b|\bnationality\b|\bmarried\b|\bwife\b|\bgirlfriend\b"
    # "salah hometown", "where is saka from", "where did rice grow up", "palmer's birthplace"
    r"|\bhome ?towns?\b|\bbirth ?places?\b|\bplace of birth\b|\bwhere (is|was|are|were) (\w+ ){1,3}from\b"
    r"|\b(grow|grew|growing) up\b|\bwhat country (is|are|was|does|do)\b"
    # "what music does saka listen to", "his hobbies", "palmer's favourite food", "what car does he drive"
    r"|\bmusic\b|\blisten(s|ed|ing)? to\b|\bhobb(y|ies)\b|\btattoos?\b|\bfavou?rite (food|meal|film|movie|song|band"
    r"|singer|artist|tv|show|book|holiday|colou?r)\b|\bwhat cars?\b"
)
# "Is Haaland fit for the weekend?", "fit to play": fitness news (not "the best fit").
_INJURIES = (
    r"\b(injur\w*|hamstring|fitness|sidelined|ruled out|out injured|medical|team news)\b|\b(is|are) \w+( \w+)? fit\b"
    r"|\bfit (for|to play|to start)\b"
    # "when's Palmer back from his groin thing", "is Saka out with a knock", "how long is he out for"
    r"|\b(groin|knee|ankle|calf|thigh|hip|back|foot|shoulder|muscle) (thing|problem|issue|strain|knock)\b"
    r"|\bwhen(['\u2019]?s| is| will) (\w+ ){1,2}back\b|\b(out with|picked up) a knock\b|\bhow long (is|are) \w+ out\b"
)


# "The best team in Europe", "the best manager in the world", "the greatest of all time": judged beyond the loaded
# matches, which no figure of theirs settles.
_BEYOND = (
    r"\b(in|of|across) (europe|the world|world football|football history|history|all of football)\b"
    r"|\b(of all time|all[- ]time|ballon d\W?or)\b"
    # "how many trophies have Man Utd won", "when was Spurs founded": a club's history, not this season's matches
    r"|\b(trophies|trophy cabinet|honours(?! even)|silverware|founded|richest)\b"
    # "how many league titles have palace won", "the uefa coefficient of the premier league"
    r"|\b((league|premier league|top[- ]flight) )?titles\b|\b(league|premier league|top[- ]flight) title\b"
    r"|\bcoefficients?\b|\b(uefa|fifa) rankings?\b"
)

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
        slipped=("weather",),
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
        # "beat Chelsea against the odds" tells of a result
        r"(?<!against the )(?<!against all the )\bodds\b|\bbookies?\b|\bbookmakers?\b|\bbetting\b|\bbets\b|\baccas?\b"
        # "what price arsenal to win", "best price for the people's club (everton) to win", "was haaland 2/1 to score"
        r"|\bprices? (on |for |of )?([\w'()]+ ){0,5}to (win|score|be|finish|go)\b|\b\d+ ?/ ?\d+ to (win|score)\b"
        r"|\bbet ?365\b|\bpunters?\b|\bbet (on|slip)\b|\banytime (scorer|goalscorer)\b|\bfavou?rites? to win\b",
        "results and figures of the matches played",
        slipped=("betting", "bookies"),
    ),
    Subject(
        "market values",
        r"\bon the (transfer )?market\b|\bmarket (value|price)s?\b|\bprice tags?\b",
        "what players did on the pitch: goals, assists, ratings and their other figures",
    ),
    Subject(
        "fantasy (FPL) prices or points",
        # "haaland fpl price", "saka fantasy points", "how many bps did rice get" (not "fpl related: who scored..." or
        # "for my fantasy team, how many shots...": a figure asked for a fantasy team is answered)
        r"\b(fpl|fantasy) (premier league |football |league )?(points?|prices?|scores?|values?|cost|returns?|bonus)\b"
        r"|\b(points?|prices?|values?|cost|bonus) (in|on|for) (fpl|fantasy)\b"
        r"|\bbonus points?\b|\bbps\b|\b(price|points?) (rises?|falls?|drops?)\b",
        "what players did on the pitch: goals, assists, clean sheets, cards and ratings",
    ),
    Subject(
        "youth, reserve or women's teams",
        # "arsenal women result", "chelsea u21s", "city's academy", "united reserves": the first teams only
        # ("under 20 minutes" is no age group: an age written "u21", "u-21", "under-21" or "under 21s")
        r"\bwom[ae]n(['\u2019]?s)?\b|\bladies\b|\bwsl\b|\bgirls\b|\bu-?(1[6-9]|2[0-3])s?\b"
        r"|\bunder-(1[6-9]|2[0-3])s?\b|\bunder (1[6-9]|2[0-3])s\b"
        r"|\bacademy\b|\byouth (teams?|sides?|squads?|games?|matches|league|cup)\b|\breserves\b"
        r"|\breserve (teams?|sides?|games?|matches|league)\b|\bdevelopment (squad|side|league)\b|\bpl2\b",
        "the first teams' matches of the loaded competitions",
    ),
    Subject("expected assists (xA)", r"\bxa\b|\bxag\b|\bexpected assists?\b", "xG, assists and key passes"),
    Subject(
        "post-shot xG (xGOT)",
        r"\bxgot\b|\bpsxg\b|\bpost[- ]shot (xg|expected goals)\b|\bexpected goals on target\b",
        "xG, shots on target and saves",
        column="shots.xgot",
    ),
    Subject("expected points", r"\bxpts?\b|\bexpected points\b", "points won and xG"),
    # Filled by the release's xG model (the match files carry none): tables built without it hold no xG.
    Subject(
        "xG: these tables were built without the xG model",
        r"\bxg\b|\bexpected goals\b",
        "shots, shots on target and big chances",
        column="shots.xg",
        stats=frozenset({"xg", "xg_per_shot"}),
    ),
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
        "blocks made by a player",
        # "who blocked the most", "his blocks": a team's shots that were blocked are held ("blocked shots")
        r"\bblock(s|ed|er|ers|ing)?\b",
        "tackles, interceptions, clearances and each team's shots blocked",
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
        r"\bkits?\b|(?<!\d )\bjerseys?\b|\bstrip\b|\b(shirt|kit|jersey)s? colou?rs?\b|\bwhat colou?r\b"
        r"|\b(home|away|third) shirts?\b|\bboots\b",
        "the line-ups with shirt numbers",
        slipped=("boots", "jersey"),
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
    # Never held, told apart by their words (each names the thing asked about, never a word a match question also
    # uses): what is to come, transfers, the clubs off the pitch, players' lives, injuries, football beyond the data.
    Subject(
        "what will happen", _FUTURE, "", said="I only have matches already played, so I cannot say what will happen."
    ),
    Subject(
        "transfers",
        _TRANSFERS,
        "",
        said="The data holds what happened on the pitch, not transfers, fees or contracts.",
        slipped=("transfer", "transfers", "salary"),
    ),
    Subject(
        "the clubs off the pitch",
        _OFF_THE_PITCH,
        "",
        said="The data holds the matches played, not who owns or runs the clubs, what was said to the press, ground "
        "capacities, ticket prices, TV channels or fantasy picks.",
    ),
    Subject(
        "players' lives",
        _PERSONAL,
        "",
        said="The data holds what players did in the matches, not their ages, birthdays, hometowns or lives off the "
        "pitch.",
        slipped=("hometown", "birthday", "birthplace", "nationality"),
    ),
    Subject(
        "injuries",
        _INJURIES,
        "",
        said="The data holds what happened on the pitch, not injuries or fitness news.",
        slipped=("injury", "injured", "injuries", "hamstring"),
    ),
    Subject(
        "football beyond the data",
        _BEYOND,
        "",
        said="I can only judge from the loaded matches, not football beyond them.",
    ),
)


def _has_values(tables: MatchTables, column: str) -> bool:
    """Return whether ``table.column`` of ``tables`` holds any value (a flag: any set)."""
    table, name = column.split(".")
    frame: pd.DataFrame = getattr(tables, table)
    if name not in frame:
        return False
    values = frame[name].dropna()
    return bool(values.any()) if values.dtype == bool else not values.empty


def _names_pattern(tables: MatchTables) -> re.Pattern[str]:
    """Return a pattern of the players' names of two words or more, whole and without the first name, as typed
    with or without accents ("enzo le fee", "le fée"): a name is no subject ("Le Fée" asks for no transfer fee)."""
    names = set(tables.lineups["player_name"].dropna().str.lower())
    names |= {words_of(n) for n in names}
    phrases = names | {n.split(" ", 1)[1] for n in names if n.count(" ") >= 2}
    longer = sorted((p for p in phrases if " " in p), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, longer)) + r")\b") if longer else re.compile(r"(?!)")


def slips(word: str) -> set[str]:
    """Return ``word`` typed with one letter left out ("bots" of "boots"), or two neighbours swapped into no English
    word ("injruy"; "boost" is a word of its own: a missed key is the commoner slip)."""
    left_out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return (left_out | (swapped - english_words())) - {word}


def _name_words(tables: MatchTables) -> set[str]:
    """Return every word of a player's or a club's name in the tables, as plain words."""
    names = pd.concat([tables.lineups["player_name"], tables.matches["home"], tables.matches["away"]]).dropna()
    return {word for name in names.unique() for word in words_of(name).split()}


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Return where ``pattern`` matches ``text`` (start, end), empty matches left out."""
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


class Holdings:
    """The subjects the loaded tables hold, and the refusal of a question whose subject they do not."""

    def __init__(self, tables: MatchTables) -> None:
        held = [s for s in SUBJECTS if s.column is not None and _has_values(tables, s.column)]
        self.unheld = tuple((s, re.compile(s.words)) for s in SUBJECTS if s not in held and not s.stats)
        self._unheld_stats = {stat: s for s in SUBJECTS if s not in held for stat in s.stats}
        words = [w for s in STATS for w in (s.asked, s.ranked) if w] + list(CHART_KINDS.values())
        self._held = tuple(re.compile(w) for w in words + [s.words for s in held])
        self._names = _names_pattern(tables)
        self._slips = self._index_slips(_name_words(tables))

    def _index_slips(self, names: set[str]) -> dict[str, Subject]:
        """Return each slip of an unheld subject's ``slipped`` words -> that subject, unless the slip is a word of a
        held phrase ("shots"), of a name in the data, or of another subject's."""
        found: dict[str, Subject] = {}
        for subject, _ in self.unheld:
            for word in subject.slipped:
                found.update(dict.fromkeys(slips(word), subject))
        unheld = [pattern for _, pattern in self.unheld]
        return {
            slip: subject
            for slip, subject in found.items()
            if slip not in names and not any(p.search(slip) for p in (*self._held, *unheld))
        }

    def names_held(self, question: str) -> bool:
        """Return whether ``question`` names anything the data holds (a statistic, a chart, a held subject)."""
        lowered = question.lower()
        return any(pattern.search(lowered) for pattern in self._held)

    def subject_not_held(self, question: str) -> Subject | None:
        """Return the first subject ``question`` asks for that the data does not hold, or None: an unheld subject's
        words count unless a held phrase spans them ("heat map" over "heat"), and so do a slip's when no subject's
        words are there ("bots"; "golden boot" is held)."""
        lowered = question.lower()
        named = [(subject, span) for subject, pattern in self.unheld for span in _spans(pattern, lowered)]
        if not named:
            words = re.finditer(r"[a-z]+", lowered)
            named = [(self._slips[w[0]], w.span()) for w in words if w[0] in self._slips]
        if not named:  # most questions: the held phrases need not be searched at all
            return None
        covered = [span for pattern in (*self._held, self._names) for span in _spans(pattern, lowered)]
        return next(
            (subject for subject, (start, end) in named if not any(s <= start and end <= e for s, e in covered)), None
        )

    def what_is_held(self) -> str:
        """Return the sentence telling what the matches answer, offering xG only when the tables hold it."""
        figures = (
            "shots, passes, tackles and more" if "xg" in self._unheld_stats else "shots, passes, tackles, xG and more"
        )
        return (
            "From the matches I can give a result, the scorers and assists, cards, line-ups and formations, the "
            f"referee, the managers, the man of the match, team and player figures ({figures}), and totals, leaders "
            "or the table over a period."
        )

    def stat_refusal(self, stat: str | None) -> str | None:
        """Return why the data cannot give the registry statistic ``stat`` (xG of tables built without the xG
        model), or None when it holds it."""
        subject = self._unheld_stats.get(stat or "")
        return None if subject is None else self._refused(subject)

    @staticmethod
    def _refused(subject: Subject) -> str:
        """Return the sentence refusing ``subject``, with what is held instead."""
        return subject.said or f"The data does not hold {subject.name}; it holds {subject.instead}."

    def refusal(self, question: str) -> str | None:
        """Return why the data cannot answer ``question`` (its subject, and what is held instead), or None."""
        subject = self.subject_not_held(question)
        return None if subject is None else self._refused(subject)
