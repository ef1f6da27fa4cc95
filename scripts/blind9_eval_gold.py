#!/usr/bin/env python3
"""Build the ninth blind evaluation set (questions as people type them, and gold) from raw WhoScored files.

Written blind to how football_rag answers. The gold rules are the sixth set's (``scripts/blind6_eval_gold.py``: which
match allows which question and what its gold is, the rounds the data lacks, the choice of questions) and the set
skeleton is the eighth's (``scripts/blind8_eval_gold.py``: candidates per kind, season kinds, build). This script
only brings this set's words: it binds them onto the eighth module before building, so nothing of the logic is copied.
Every wording is new against sets 6-8: question templates, club spellings, date forms, joins, padding, periods,
table days, unknown matches, refusal topics and follow-up forms. It writes, deterministically (fixed seed, sorted
inputs):

    configs/eval/blind/set9/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set9/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

Standard library only. Run from anywhere: ``python3 scripts/blind9_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import sys
from pathlib import Path

import blind6_eval_gold as six  # the gold rules per kind
import blind8_eval_gold as eight  # the skeleton that takes its words from module names
from whoscored_gold import OTHER, top_rated

OUT = eight.ROOT / "configs" / "eval" / "blind" / "set9"
SEED = 9_0712_2026

# Club spellings none of sets 6-8 used: fan abbreviations (lufc, nffc), other nicknames, slips, all-caps, the town.
CLUBS = {
    "Arsenal": ["arsenel", "gunners fc", "arsnal fc", "ARSENAL LDN", "arsenal n5"],
    "Aston Villa": ["astonvilla", "AV FC", "villa b6", "aston villla"],
    "Bournemouth": ["bournemuth", "dorset's cherries", "B'MTH", "afc b'mth", "bournmth"],
    "Brentford": ["brentfort", "gtech bees", "BRENTFORD LDN", "brentford tw8"],
    "Brighton": ["brihgton", "brighton n hove", "BRIGHTON HOVE ALBION", "seagulls fc", "bhafc seagulls"],
    "Burnley": ["burnlye", "burnley (lancs)", "BURNLEY F C", "clarets fc", "turf moor clarets"],
    "Chelsea": ["chelsey", "CHELSEA FC LONDON", "chelsea sw6", "chelsea footy club"],
    "Crystal Palace": ["crystel palace", "the eagles (palace)", "CPFC SE25", "crystal p"],
    "Everton": ["evertn fc", "EVERTON F C", "toffees fc", "evrtn"],
    "Fulham": ["ffc (fulham)", "FULHAM F C", "craven cottage's fulham", "fullhm"],
    "Leeds": ["leeeds", "LEEDS U.F.C", "lufc leeds", "leeds ls11"],
    "Liverpool": ["L'POOL", "livapool", "lfc reds", "LIVERPOOL F C"],
    "Man City": ["man ciy", "MANCHESTR CITY", "man city (etihad)", "mcfc city"],
    "Man Utd": ["man utdd", "mufc red devils", "MANC UNITED", "manchester utd (old trafford)"],
    "Newcastle": ["newcstle", "NEWCASTLE (TOON)", "nufc magpies", "newcastle upon tyne"],
    "Nottingham Forest": ["nottingham f", "NOTTM FOREST FC", "forest (nottingham)", "nottingam forest"],
    "Sunderland": ["sunderlnd afc", "SUNDERLAND A F C", "safc black cats", "sundreland"],
    "Tottenham": ["tottenhm", "spurs of n17", "THFC SPURS", "totttenham"],
    "West Ham": ["west ham (e20)", "WEST HAM UTD FC", "westham utd", "whufc hammers"],
    "Wolves": ["wolverhamton", "WOLVES FC (WOLVERHAMPTON)", "wwfc wolves", "wolvez"],
}
KNOWN_AS = {"Dominik Szoboszlai": "szobo", "Declan Rice": "dec rice"}
OPENERS = [""] * 18 + ["yo ", "ok so ", "for the pub quiz: ", "scout report q - ", "data q: ", "analyst hat on: ",
                       "settling a debate - ", "random one ", "morning! ", "for the group chat: ", "sorry if dumb q, ",
                       "mate, "]  # fmt: skip
CLOSERS = [""] * 14 + [" ta", " cheers", " 🙏", " ⚽", " x", " (no idea myself)", " thx", " if you know", " 🔥",
                       " asap", " 👀", " much appreciated"]  # fmt: skip
STATEMENTS = ["need to know {q}", "{q} — anyone?", "{q}, help me out", "i'm wondering {q}", "settle this: {q}"]
SHORT = {"with": "w/", "against": "agnst", "you": "ya", "and": "n", "there": "thr"}
# Words that carry what a refusal is about: a slip in them could make it a question the data answers.
TOPICS = {"women", "academy", "under-23s", "odds", "fantasy", "ticket", "prices", "sponsor", "crowd", "school",
          "earn", "colour", "penalty", "transfer", "signing", "bookies", "schedule", "drive", "attendance"}  # fmt: skip
# Words that carry what a question asks (its stat, its period, its role): never slipped, so it reads one way only.
ASKED = {
    "result",
    "score",
    "scoreline",
    "winner",
    "winning",
    "scorers",
    "scorer",
    "goalscorers",
    "goalscorer",
    "minute",
    "opener",
    "opening",
    "assist",
    "assisted",
    "assist?",
    "provider",
    "corner",
    "corners",
    "fouls",
    "offsides",
    "offside",
    "yellow",
    "yellows",
    "booked",
    "bookings",
    "cards",
    "shots",
    "attempts",
    "target",
    "frame",
    "passes",
    "key-pass",
    "tackles",
    "interceptions",
    "clearances",
    "take-ons",
    "dribbles",
    "saves",
    "formation",
    "shape",
    "system",
    "referee",
    "official",
    "whistle",
    "manager",
    "gaffer",
    "dugout",
    "boss",
    "rated",
    "rating",
    "motm",
    "player",
    "points",
    "victories",
    "defeats",
    "draws",
    "goals",
    "shipped",
    "shutout",
    "shutouts",
    "clean",
    "sheets",
    "tally",
    "assists",
    "position",
    "standings",
    "place",
    "leaders",
    "league",
    "most",
    "highest",
    "number",
    "total",
    "count",
    "conceded",
    "kept",
    "opposition",
    "opponents",
    "other",
    "final",
    "half",
    "time",
    "last",
}
WORDS = {"CLUBS": CLUBS, "KNOWN_AS": KNOWN_AS, "OPENERS": OPENERS, "CLOSERS": CLOSERS, "STATEMENTS": STATEMENTS,
         "SHORT": SHORT, "SEED": SEED}  # fmt: skip


class Fan(eight.Fan):
    """Writes the ninth set's dates, joins and match namings (the rest of the typing is the eighth set's)."""

    def __init__(self, rng, matches: list[dict]) -> None:
        super().__init__(rng, matches)
        self.keep_whole |= {"xmas", "boxing", "weekend", "midweek", *TOPICS, *ASKED}
        said = [say for per in make_periods({}) for say in per.says] + [say for _, says in TABLE_DAYS for say in says]
        self.keep_whole |= {w.strip("(),'-").lower() for say in said for w in say.split()}  # periods are stated exactly

    def day(self, d: dt.date) -> str:
        """Return the date in a form sets 6-8 did not use (a weekend, midweek or Christmas only when it is one)."""
        n, mo = d.day, d.month
        th = "th" if 10 <= n <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        mon, wd = six.MONTHS[mo - 1], six.DAYS[d.weekday()]
        options = [
            f"{mon.capitalize()} {n}{th}, {d.year}",
            f"{wd} the {n}{th} of {mon}",
            f"{n}{th} {mon[:3]} '{str(d.year)[2:]}",
            f"{mon[:3]}. {n}",
            f"{n} {mon[:3]}. ({wd[:3]})",
        ]
        if d.weekday() >= 5:
            options.append(f"{wd} {n}{th} {mon[:3]} (a weekend)")
        if d.weekday() in (1, 2, 3):
            options.append(f"{wd[:3]} {n}{th} {mon} (midweek)")
        if mo == 12 and n < 25:
            options.append(f"{25 - n} days before xmas ({mon[:3]} {n})")
        if mo == 12 and n > 26:
            options.append(f"{n - 25} days after xmas ({n} dec)")
        if (mo, n) == (12, 26):
            options.append("boxing day 2025")
        if (mo, n) == (1, 1):
            options.append("new year's day 2026")
        return self.pick(options)

    def on(self, m: dict, must: bool = False) -> str:
        """Return the date after a match when the pair met twice or ``must``, now and then otherwise, else ""."""
        if must or frozenset((m["home"], m["away"])) in self.met_twice or self.maybe(0.3):
            return self.pick([", played ", " dated ", " — ", " | "]) + self.day(m["date"])
        return ""

    def game(self, m: dict, home_first: bool = False, must_date: bool = False) -> str:
        """Return the match as two clubs, home first mostly (always when a score is asked), away first now and then."""
        if not home_first and self.maybe(0.25):
            a, b, join = m["away"], m["home"], self.pick([" at ", " away at ", " on the road at "])
        else:
            a, b, join = m["home"], m["away"], self.pick([" v. ", " vs. ", " versus ", " hosting ", " at home to "])
        return f"{self.club(a)}{join}{self.club(b)}{self.on(m, must_date)}"

    def against(self, m: dict, side: str, must_date: bool = False) -> str:
        """Return how one side's match is named from its side ("on their trip to x", "when they hosted x")."""
        heads = {"away": ["away at ", "on their trip to ", "at "], "home": ["hosting ", "when they hosted "]}
        head = self.pick(heads[side] + ["v ", "versus ", "in the fixture with ", "in the meeting with "])
        return head + self.club(m[OTHER[side]]) + self.on(m, must_date)


# ----------------------------------------------------------------------------------- one-match kinds
TEAM_WORDS = {
    "shots": ["shots overall", "shot attempts"],
    "shots on target": ["shots on frame (on target)", "shots on target recorded"],
    "corners": ["corner kicks earned", "corners they had"],
    "fouls": ["fouls in total", "fouls made"],
    "offsides": ["offsides given against them", "offside decisions against them"],
}
PLAYER_WORDS = {
    "shots": ["shots attempted", "total shots"],
    "key passes": ["key passes played", "chances created via key passes"],
    "tackles": ["tackles (total)"],
    "interceptions": ["interceptions (total)"],
    "clearances": ["clearances recorded"],
    "dribbles": ["successful take-ons", "completed dribbles"],
    "saves": ["saves by him", "saves recorded"],
    "shots on target": ["shots on frame (on target)", "shots on target recorded"],
}
TEMPLATES = {
    "score/winner": [
        "{score_game} - who won it and what was the score",
        "tell me the winner of {score_game} plus the scoreline",
        "{score_game}, winning side + result",
    ],
    "score/ft": [
        "{score_game} result pls",
        "final result for {score_game}",
        "how did {score_game} end up",
        "{score_game}: ft result",
        "result of {score_game}",
    ],
    "scorers/whole": [
        "list the goalscorers in {game}",
        "{game} goals - who got em",
        "who put the ball in the net in {game}",
        "{game} scorer list",
    ],
    "scorers/side": [
        "{clubs} scorers {vs}",
        "who scored {clubs} goals {vs}",
        "{club} {vs} - who got their goals",
        "{club} goalscorer names {vs}",
    ],
    "goal_minute/player": [
        "{p} scored {vs} - at what point of the game (minute)",
        "when did {p} score {vs} (minute)",
        "minute of {ps} goal {vs}",
        "{p} goal {vs}: what minute on the clock",
    ],
    "goal_minute/whole": [
        "{game}: minute of the first goal",
        "{game}: clock time of the opening goal (minute)",
        "{game} - what minute did the deadlock break",
        "the opener in {game} was scored on what minute",
    ],
    "assister": [
        "{p} scored {vs} - assist by who",
        "{ps} goal {vs} was assisted by whom",
        "name the assist provider for {ps} goal {vs}",
        "{ps} goal {vs}: who supplied the final pass",
    ],
    "team_stat": [
        "{club} {w} {vs}",
        "how many {w} for {club} {vs}",
        "{clubs} number of {w} {vs}",
        "tell me {clubs} {w} {vs}",
        "{club} {vs} — {w}, exact number",
    ],
    "card_count": [
        "{club} total of yellow cards {vs}",
        "number of yellows for {club} {vs}",
        "number of {club} bookings (yellows) {vs}",
        "{club} players shown a yellow {vs} - how many",
        "is it true {club} got booked {vs}? how many yellows",
    ],
    "player_stat": ["{p} {w} {vs}", "how many {w} for {p} {vs}", "{ps} {w} {vs} - number?", "give me {ps} {w} {vs}"],
    "player_leader": [
        "most {w} by a single player in {game}",
        "{game} - who led all players in {w}",
        "{game}: which player topped the {w} count",
        "which individual had the highest {w} in {game}",
    ],
    "formation": [
        "{clubs} formation {vs}",
        "shape {club} started in {vs}",
        "{club} lined up in what formation {vs}",
        "starting formation for {club} {vs}",
        "{clubs} starting system {vs}",
    ],
    "referee": [
        "who blew the whistle in {game}",
        "{game} referee",
        "name of the referee in {game}",
        "who had the whistle for {game}",
        "{game}: which ref",
    ],
    "man_of_the_match": [
        "motm award in {game} went to who",
        "{game}: player of the match (top rated)",
        "highest rated player in {game}",
        "{game} - best player by whoscored rating",
        "who starred in {game} (top rating)",
    ],
    "manager": [
        "{clubs} manager {vs}",
        "who was the manager in the {club} dugout {vs}",
        "{club} {vs}: who was the gaffer",
        "who selected the {club} team {vs} (their manager)",
        "{clubs} boss {vs}",
    ],
}


def templates_for(kind: str, made: tuple, i: int, fan: Fan) -> list[str]:
    """Return this set's templates for what the sixth set's rule returned, the stat word filled in."""
    templates, gold, _side, *player = made
    whole = any("{game}" in t or "{score_game}" in t for t in templates)
    variant = {
        "score": "winner" if len(gold) == 2 else "ft",
        "scorers": "whole" if whole else "side",
        "goal_minute": "player" if player else "whole",
    }
    key = f"{kind}/{variant[kind]}" if kind in variant else kind
    stat = {
        "team_stat": lambda: fan.pick(TEAM_WORDS[list(six.TEAM_SAYS)[i % len(six.TEAM_SAYS)]]),
        "player_stat": lambda: fan.pick(PLAYER_WORDS[list(six.PLAYER_SAYS)[i % len(six.PLAYER_SAYS)]]),
        "player_leader": lambda: eight.LEADER_STATS[i % 4],
    }
    w = stat[kind]() if kind in stat else ""
    return [t.replace("{w}", w) for t in TEMPLATES[key]]


# ---------------------------------------------------------------------------------- season kinds
def make_periods(absent: dict) -> list[six.Period]:
    """Return the periods asked about, every bound stated exactly, none worded as in sets 6-8."""
    d = dt.date
    spans = [
        (d(2025, 8, 1), d(2025, 8, 31), ["during aug '25 (1st to 31st)", "over the month of august 2025"]),
        (d(2025, 9, 1), d(2025, 9, 30), ["in september 2025 (1-30 sep)", "across all of september 2025"]),
        (d(2025, 11, 1), d(2025, 11, 30), ["in november 2025 (1-30 nov)", "over the whole of november 2025"]),
        (d(2025, 8, 1), d(2025, 12, 31), ["in calendar 2025 (1 aug - 31 dec)", "from 1 august to 31 december 2025"]),
        (d(2025, 9, 13), d(2025, 10, 5), ["between the sep and oct international breaks (13 sep - 5 oct)"]),
        (d(2025, 11, 22), d(2025, 12, 21), ["from 22 nov up to 21 dec 2025", "22/11 to 21/12 (day/month)"]),
        (d(2025, 12, 1), d(2026, 1, 7), ["from 1 dec 2025 through 7 jan 2026", "dec 1st to jan 7th"]),
        (d(2025, 10, 1), d(2025, 11, 30), ["across oct and nov 2025 (1 oct - 30 nov)", "over october + november"]),
        (d(2025, 9, 1), d(2025, 10, 31), ["in sep and oct 2025 (1 sep - 31 oct)"]),
        (d(2025, 8, 1), d(2025, 9, 30), ["in the first two months (1 aug - 30 sep 2025)"]),
    ]
    return [six.Period(a, b, says, absent) for a, b, says in spans]


TEAM_PERIOD_SAYS = {
    "points": ["{club} points tally {w}", "points picked up by {club} {w}"],
    "wins": ["{club} win count {w}", "number of victories for {club} {w}"],
    "draws": ["draws for {club} {w}", "how many draws did {club} have {w}"],
    "losses": ["defeats suffered by {club} {w}", "number of games {club} lost {w}"],
    "goals": ["goals {club} put away {w}", "{club} scored how many goals {w}"],
    "conceded": ["goals shipped by {club} {w}", "goals conceded by {club} {w}"],
    "clean sheets": ["{club} shutout total {w}", "shutouts kept by {club} {w}"],
}
PLAYER_PERIOD_SAYS = {
    "goals": ["{p} goal tally {w}", "number of goals for {p} {w}"],
    "assists": ["{p} assist tally {w}", "{p} set up how many goals {w} (assists)"],
    "shots": ["{p} shots {w}", "{p} shot total {w}"],
    "key passes": ["{p} key-pass tally {w}", "number of key passes by {p} {w}"],
}
PLAYER_TOP_SAYS = {
    "goals": ["leading scorer in the prem {w}", "which player netted most often {w}"],
    "assists": ["assist king {w} - which player", "which player had the most assists {w}"],
    "shots": ["player with the most shots {w}"],
    "key passes": ["who led the league in key passes {w}"],
}
TEAM_TOP_SAYS = {
    "points": ["best points haul of any team {w}", "which side collected the most points {w}"],
    "goals": ["most goals by a team {w}", "highest scoring team {w}"],
    "wins": ["team with the most wins {w}"],
    "clean sheets": ["team with the most clean sheets {w}"],
}
TABLE_DAYS = [
    (dt.date(2025, 9, 29), ["as of the end of mon 29 sep", "once monday 29/9's game was done"]),
    (dt.date(2025, 10, 20), ["after the monday 20 oct game", "as of 20th october (end of day)"]),
    (dt.date(2025, 11, 30), ["at the end of november (30th)", "after sunday 30 nov"]),
    (dt.date(2025, 12, 21), ["after sunday 21 dec", "four days before xmas (21 dec), end of day"]),
    (dt.date(2026, 1, 4), ["after sunday 4 jan 2026", "once the 4/1/26 games were over"]),
]
PLACE_SAYS = {
    1: ["who led the league {w}", "who was first in the prem {w}"],
    20: ["who was last in the table {w}", "rock bottom of the league {w} - who"],
    0: ["{c} slot in the standings {w}", "{c} were in which place {w}", "{c} table position {w}"],
}
NOT_LEAGUE = ["stockport", "barnsley", "reading", "blackpool", "kilmarnock", "feyenoord", "fiorentina", "roma",
              "valencia", "peterborough", "lincoln city", "mk dons", "exeter", "rotherham", "cambridge utd",
              "st johnstone", "ross county", "huddersfield"]  # fmt: skip
ELSEWHERE = [
    "the 2005 champions league final in istanbul",
    "spain v netherlands, the 2010 world cup final",
    "man utd 8-2 arsenal from august 2011",
    "the 1966 world cup final at wembley",
    "arsenal's 2004 title decider at white hart lane",
    "barcelona 6-1 psg, march 2017",
]
# Days of international breaks with no league match (sets 6-8 used other days).
NO_LEAGUE_DAYS = [dt.date(2025, 9, 5), dt.date(2025, 9, 8), dt.date(2025, 10, 10), dt.date(2025, 10, 13),
                  dt.date(2025, 11, 14), dt.date(2025, 11, 16)]  # fmt: skip
UNKNOWN_ASKS = ["result of {g}", "{g} goalscorers", "referee of {g}", "{g} best player (motm)",
                "formations in {g}", "{g} shot totals", "match report for {g}"]  # fmt: skip


def refusal_questions(fan: Fan, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return questions the data cannot answer: VAR, kits, other years' crowds, women's and youth teams, fantasy prices,
    betting odds, wages, transfers, tickets, other seasons (never height, age or this season's crowds: the files hold
    those)."""
    c = lambda: fan.club(fan.pick(sorted(CLUBS)))  # noqa: E731
    texts = [
        "did VAR get the penalty call right in the merseyside derby",
        "how many VAR overturns were there across the prem last year",
        f"what colour is {c()} away kit this season",
        f"who is {c()} shirt sponsor",
        f"biggest ever crowd for {c()} before the war",
        "highest attendance at highbury in the 1930s",
        f"{c()} women league position",
        f"{c()} academy u18 results this week",
        f"how are {c()} under-23s getting on in the premier league 2",
        f"how much does {fan.player('Erling Haaland')} cost in fantasy premier league",
        f"should i transfer {fan.player('Cole Palmer')} out of my fpl team",
        f"what odds can i get on {c()} winning the cup",
        "bookies favourite for relegation",
        f"how much does {fan.player('Bukayo Saka')} earn a week",
        f"what did {c()} pay for their record signing",
        f"ticket prices for {c()} next home game",
        f"where did {fan.player('Virgil van Dijk')} go to school",
        f"what car does {fan.player('Mohamed Salah')} drive",
        "who won the league in 2003/04",
        "tv schedule for next weekend's prem games",
    ]
    return [{"question": fan.dress(t), "gold": [], "clubs": ()} for t in texts]


# -------------------------------------------------------------------------------------- follow-ups
def follow_turns(fan: Fan, m: dict, form: str, side: str) -> list[tuple[str, list[str]]] | None:
    """Return a conversation's (text, gold) turns on one match in one form, None when the match does not allow it."""
    other, ct = OTHER[side], fan.club(m[side])
    last = m["goals"][-1] if m["goals"] else None
    if form == "last_goal" and last and not last["own"] and last["assister"]:
        turns = [(f"who scored the last goal in {fan.game(m)}", [last["scorer"]]),
                 (fan.pick(["who gave him the ball for it", "assist on that one?"]), [last["assister"]])]  # fmt: skip
        if not last["stoppage"]:
            turns.append((fan.pick(["and which minute", "at what minute"]), [six.minute(last)]))
        return turns
    if form == "yellows_pair" and eight.clean_yellows(m["cards"][side]) and eight.clean_yellows(m["cards"][other]):
        return [(f"yellow cards for {ct} {fan.against(m, side)}", [str(m["cards"][side]["Yellow"])]),
                (fan.pick(["and for the team they played?", "and for their opponents?"]),
                 [str(m["cards"][other]["Yellow"])])]  # fmt: skip
    if form == "corners_pair":
        a, b = m["team"][side].get("corners", 0), m["team"][other].get("corners", 0)
        if a and b:
            return [(f"corners won by {ct} {fan.against(m, side)}", [str(a)]),
                    (fan.pick(["what about the opposition", "and the other lot's corners"]), [str(b)])]  # fmt: skip
    if form == "ht_ft" and m["ht"]:
        return [(f"half time score in {fan.game(m, home_first=True)}", [m["ht"]]),
                (fan.pick(["and at the final whistle", "how did it finish in the end"]), [m["score"]])]  # fmt: skip
    if form == "ref_best" and m["referee"] and top_rated(m, None):
        return [(f"name the official in charge of {fan.game(m)}", [m["referee"]]),
                (fan.pick(["and the top-rated player that day?", "who was the motm there"]),
                 [top_rated(m, None)])]  # fmt: skip
    if form == "bosses" and m["manager"][side] and m["manager"][other]:
        return [(f"who was {ct} manager {fan.against(m, side, must_date=True)}", [six.boss(m["manager"][side])]),
                (fan.pick(["which formation did he start with", "his starting shape?"]), [m["formation"][side]]),
                (fan.pick(["and who was in the other dugout", "the opposing manager?"]),
                 [six.boss(m["manager"][other])])]  # fmt: skip
    return None


FORMS = ["last_goal", "yellows_pair", "corners_pair", "ht_ft", "ref_best", "bosses"]
HOOKS = {"follow_turns": follow_turns, "FORMS": FORMS, "Fan": Fan, "templates_for": templates_for,
         "make_periods": make_periods, "TEAM_PERIOD_SAYS": TEAM_PERIOD_SAYS, "PLAYER_PERIOD_SAYS": PLAYER_PERIOD_SAYS,
         "PLAYER_TOP_SAYS": PLAYER_TOP_SAYS, "TEAM_TOP_SAYS": TEAM_TOP_SAYS, "TABLE_DAYS": TABLE_DAYS,
         "PLACE_SAYS": PLACE_SAYS, "NOT_LEAGUE": NOT_LEAGUE, "ELSEWHERE": ELSEWHERE, "NO_LEAGUE_DAYS": NO_LEAGUE_DAYS,
         "UNKNOWN_ASKS": UNKNOWN_ASKS}  # fmt: skip


def build(data_dir: Path) -> tuple[list[dict], list[dict], collections.Counter, collections.Counter]:
    """Return the ninth set's questions and conversations (ids renamed) and how often each club and match is asked."""
    for name, value in (WORDS | HOOKS).items():
        setattr(eight, name, value)  # the eighth skeleton reads its words from module names at call time
    eight.PER_SEASON["refusal"] = refusal_questions
    questions, convs, usage, asked = eight.build(data_dir)
    for row in questions + convs:
        row["id"] = row["id"].replace("blind8-", "blind9-")
    return questions, convs, usage, asked


def main() -> None:
    """Write the set's two files and print the counts per kind, the clubs and the matches asked about."""
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else eight.DEFAULT_DATA
    questions, convs, usage, asked = build(data_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (("questions.jsonl", questions), ("conversations.jsonl", convs)):
        (OUT / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    counts = collections.Counter(q["kind"] for q in questions)
    for kind in six.KINDS:
        print(f"{kind:18s} {counts[kind]:4d} / {six.QUOTA}")
    print(f"followup           {len(convs)} conversations", dict(collections.Counter(len(c["turns"]) for c in convs)))
    print("total questions", len(questions), "- distinct matches asked about", len(asked))
    print("clubs asked about:", dict(sorted(usage.items())))


if __name__ == "__main__":
    main()
