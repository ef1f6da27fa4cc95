#!/usr/bin/env python3
"""Build the fifth blind evaluation set (questions + gold) from the raw WhoScored season files only.

Written blind to how football_rag answers: it imports nothing from the project and reads only the
gzip'd WhoScored ``matchCentreData`` JSON under ../shared/data/season/premier-league-2025-26/whoscored/
(relative to the project root). It writes, deterministically (fixed seed, sorted inputs):

    configs/eval/blind/set5/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set5/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

18 questions for each of 17 kinds and 40 follow-up conversations, phrased the way people type into a chat
box on a phone (TV codes, nicknames, possessives, typos, odd capitals, every date format, emoji, requests
instead of questions). The gold logic and the raw-data layer are the fourth set's (scripts/blind4_eval_gold.py,
itself the third set's); every wording here is new (none of the third or fourth set's templates). Matches are
picked with a new seed, balanced over all twenty clubs, and a match the third or fourth set asked about
(``EARLIER``, their match ids) is taken only when no fresh match fits. The partial capture 1903275 is never asked about,
and a season question is kept only when its gold is the same with and without it. The data lacks a few league
matches (``find_missing``): a period question is asked only where they could not change its gold.
Standard library only. Run from anywhere: ``python3 scripts/blind5_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

import calendar
import collections
import datetime as dt
import json
import random
import sys
from pathlib import Path

from whoscored_gold import (  # the raw match read as every blind set reads it
    OTHER,
    SIDES,
    TACKLE_DEFS,
    club_gold,
    leaders,
    plain,
    player_table,
    positions,
    read_match,
    team_table,
    top_rated,
    winner_side,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
OUT = ROOT / "configs" / "eval" / "blind" / "set5"
SEED = 5_90317_2026
KINDS = (
    "score",
    "scorers",
    "goal_minute",
    "assister",
    "team_stat",
    "card_count",
    "player_stat",
    "player_leader",
    "formation",
    "referee",
    "man_of_the_match",
    "manager",
    "team_period",
    "player_period",
    "ranking",
    "unknown_match",
    "refusal",
)
QUOTA = dict.fromkeys(KINDS, 18)
ID_PREFIX = {"man_of_the_match": "motm"}
# The matches the third and fourth sets asked about (their scripts' match ids, questions and conversations):
# a question on a fresh match is preferred (``choose``, ``conversations``).
EARLIER = frozenset(
    (
        "1903117",
        "1903118",
        "1903119",
        "1903120",
        "1903121",
        "1903123",
        "1903127",
        "1903129",
        "1903130",
        "1903131",
        "1903132",
        "1903133",
        "1903134",
        "1903135",
        "1903137",
        "1903138",
        "1903139",
        "1903140",
        "1903141",
        "1903142",
        "1903143",
        "1903146",
        "1903147",
        "1903148",
        "1903149",
        "1903150",
        "1903151",
        "1903154",
        "1903155",
        "1903156",
        "1903157",
        "1903158",
        "1903160",
        "1903161",
        "1903162",
        "1903163",
        "1903165",
        "1903166",
        "1903168",
        "1903169",
        "1903170",
        "1903171",
        "1903172",
        "1903173",
        "1903174",
        "1903175",
        "1903176",
        "1903177",
        "1903178",
        "1903179",
        "1903180",
        "1903183",
        "1903184",
        "1903185",
        "1903187",
        "1903188",
        "1903189",
        "1903190",
        "1903191",
        "1903192",
        "1903193",
        "1903195",
        "1903196",
        "1903198",
        "1903200",
        "1903201",
        "1903202",
        "1903203",
        "1903204",
        "1903206",
        "1903207",
        "1903208",
        "1903209",
        "1903211",
        "1903212",
        "1903213",
        "1903214",
        "1903216",
        "1903218",
        "1903219",
        "1903220",
        "1903221",
        "1903223",
        "1903224",
        "1903225",
        "1903226",
        "1903227",
        "1903228",
        "1903229",
        "1903230",
        "1903231",
        "1903232",
        "1903233",
        "1903236",
        "1903237",
        "1903239",
        "1903240",
        "1903241",
        "1903242",
        "1903243",
        "1903244",
        "1903245",
        "1903246",
        "1903247",
        "1903248",
        "1903249",
        "1903250",
        "1903251",
        "1903252",
        "1903253",
        "1903254",
        "1903255",
        "1903256",
        "1903257",
        "1903258",
        "1903261",
        "1903263",
        "1903265",
        "1903269",
        "1903270",
        "1903271",
        "1903274",
        "1903276",
        "1903281",
        "1903282",
        "1903284",
        "1903285",
        "1903287",
        "1903288",
        "1903290",
        "1903296",
        "1903302",
        "1903305",
        "1903308",
        "1903311",
        "1903314",
        "1903316",
        "1903319",
        "1903323",
        "1903326",
        "1903333",
        "1903336",
        "1903339",
        "1903342",
        "1903345",
        "1903348",
        "1903351",
        "1903354",
        "1903357",
        "1903360",
        "1903363",
        "1903366",
        "1903369",
        "1903371",
        "1903374",
        "1903376",
        "1903476",
        "1903477",
        "1903478",
        "1903479",
        "1903480",
        "1903481",
        "1903482",
        "1903483",
        "1903485",
        "1903486",
        "1903487",
        "1903488",
        "1903489",
        "1903490",
        "1903491",
        "1903493",
        "1903495",
    )
)
CONVERSATIONS = 40

MONTHS = [name.lower() for name in calendar.month_name[1:]]
WEEKDAYS = [name.lower() for name in calendar.day_name]

# How fans type the clubs (general football knowledge, written for this set): TV scoreboard codes, clipped
# names, nicknames, "fc" or not, typos. Nicknames shared by several clubs ("the blues", "the reds") are left out.
# "city" / "united" / "utd" alone are used only when the other club is named (see Typist.club).
CLUBS = {
    "Arsenal": ["Arsenal", "ars", "ARS", "arsenl", "gooners", "arsenal f.c", "arsneal", "afc arsenal"],
    "Aston Villa": ["Villa", "avl", "AVL", "aston villa fc", "villans", "astonvilla", "aston villla", "the villa"],
    "Bournemouth": ["bmouth", "BOU", "bou", "cherries", "bournmouth", "afcb", "bournemouth afc", "Bournemouth"],
    "Brentford": ["Brentford", "bre", "BRE", "brentfrod", "the bees fc", "brentford f.c.", "bfc brentford"],
    "Brighton": ["Brighton", "bha", "BHA", "seagulls", "brighton & hove albion", "bhafc", "brihgton", "albion"],
    "Burnley": ["Burnley", "BUR", "the clarets fc", "burnley f.c", "burnely", "turf moor lot"],
    "Chelsea": ["Chelsea", "che", "CHE", "chels", "chelsae", "the chels", "chelsea f.c."],
    "Crystal Palace": [
        "Palace",
        "cry",
        "CRY",
        "c palace",
        "crystal p",
        "crystal palace fc",
        "palace fc",
        "crytsal palace",
    ],
    "Everton": ["Everton", "EVE", "the toffees", "toffees", "evrton", "everton f.c."],
    "Fulham": ["Fulham", "FUL", "cottagers", "fulham f.c", "fullham", "ffc"],
    "Leeds": ["Leeds", "LEE", "leeds utd fc", "leeds united fc", "leeeds", "lufc"],
    "Liverpool": ["Liverpool", "liv", "LIV", "the pool", "liverpoool", "lpool", "l'pool", "liverpool f.c."],
    "Man City": ["Man City", "mci", "MCI", "city", "man. city", "manchester c", "cityzens", "man ctiy", "sky blues"],
    "Man Utd": [
        "Man Utd",
        "mun",
        "MUN",
        "man u",
        "man utd fc",
        "manchester utd",
        "united",
        "utd",
        "man untied",
        "the red devils",
    ],
    "Newcastle": [
        "Newcastle",
        "NEW",
        "newcastle united",
        "toon army",
        "magpies",
        "newcstle",
        "the toon",
        "newcastle fc",
    ],
    "Nottingham Forest": [
        "Forest",
        "nfo",
        "NFO",
        "nott'm forest",
        "nottingham f",
        "the tricky trees",
        "nottingham forrest",
        "notts forest",
    ],
    "Sunderland": ["Sunderland", "SUN", "the mackems", "black cats", "sunderland a.f.c.", "sundrland", "sunderland fc"],
    "Tottenham": ["Tottenham", "TOT", "spurs", "tottenham hotspur fc", "the spurs", "tottnham", "spuds", "thfc"],
    "West Ham": ["West Ham", "whu", "WHU", "west ham united", "irons", "west ham fc", "west hma"],
    "Wolves": ["Wolves", "wol", "WOL", "wolverhampton wanderers", "wolves fc", "wovles", "the wolves"],
}
ALONE_ONLY_WITH_OTHER = {"city", "united", "utd"}
WORD_CODES = {"NEW", "SUN", "LEE", "EVE", "BUR", "TOT", "FUL"}
UNITED_CLUBS = {"Leeds", "Newcastle", "West Ham", "Man Utd"}
# Short forms fans use for some players (general knowledge); used only when the name is in the data.
PLAYER_SHORT = {
    "Erling Haaland": ["haaland", "erling", "haland"],
    "Mohamed Salah": ["mo salah", "salah", "mohamed salah"],
    "Bukayo Saka": ["saka", "bukayo saka"],
    "Bruno Fernandes": ["bruno f", "bruno fernandes", "fernandes"],
    "Bruno Guimarães": ["bruno g", "guimaraes", "bruno guimaraes"],
    "Dominic Calvert-Lewin": ["dcl", "calvert lewin", "dom calvert lewin"],
    "Morgan Gibbs-White": ["mgw", "gibbs-white", "gibbs white"],
    "Jean-Philippe Mateta": ["jp mateta", "mateta", "jean philippe mateta"],
    "Micky van de Ven": ["vdv", "van de ven", "micky van de ven"],
    "Virgil van Dijk": ["vvd", "van dijk", "virgil"],
    "Viktor Gyökeres": ["gyokeres", "viktor gyokeres", "gyok"],
    "Hugo Ekitiké": ["ekitike", "hugo ekitike"],
    "João Pedro": ["joao pedro", "joao pedro"],
    "Enzo Fernández": ["enzo", "enzo fernandez"],
    "Matheus Cunha": ["cunha", "matheus cunha"],
    "Bryan Mbeumo": ["mbeumo", "bryan mbeumo", "beumo"],
    "Antoine Semenyo": ["semenyo", "antoine semenyo"],
    "Igor Thiago": ["igor thiago", "thiago"],
    "Declan Rice": ["rice", "dec rice", "declan rice"],
    "Cole Palmer": ["palmer", "cole palmer", "colde palmer"],
    "Martin Ødegaard": ["odegaard", "ode", "martin odegaard"],
    "Jarrod Bowen": ["bowen", "jarrod bowen"],
    "Ollie Watkins": ["watkins", "ollie watkins", "ollie"],
    "Alexander Isak": ["isak", "alex isak"],
    "Eberechi Eze": ["eze", "ebere eze"],
    "Benjamin Sesko": ["sesko", "ben sesko"],
    "Phil Foden": ["foden", "phil foden", "phil"],
    "Emile Smith Rowe": ["smith rowe", "esr"],
    "Casemiro": ["casemiro", "casemiro"],
    "Richarlison": ["richarlison", "richy"],
    "Evanilson": ["evanilson", "evanilsen"],
}
# names short enough to stand alone only where nobody else in the data answers to them
SHORT_NEEDS_CHECK = {"erling", "virgil", "enzo", "ollie", "phil", "richy", "ode", "gyok", "beumo", "thiago"}
RUDE = {"cunt", "shit", "fuk", "fcuk", "tit", "arse"}
PARTICLES = {"van", "de", "da", "di", "dos", "der", "le", "el", "ter", "von", "du", "mac", "ten", "la"}
OPENERS = [""] * 18 + [
    "oi ",
    "hiya ",
    "need help: ",
    "pub quiz q - ",
    "mate ",
    "bro ",
    "ok so ",
    "hey bot ",
    "genuine question ",
    "arguing w my dad, ",
    "stupid q but ",
    "hello ",
    "fpl related: ",
    "can't remember ",
    "lads ",
]
CLOSERS = [""] * 12 + [
    " plz",
    " ty",
    " thanks!!",
    " 🙏",
    " 😅",
    " 🧐",
    " ⚽️⚽️",
    " 🤷",
    " haha",
    " ???",
    " asap",
    " cheers mate",
    " xx",
    " if u know",
    " pls n thx",
]
# requests instead of questions (only before texts that do not already start as one)
REQUESTS = [
    "gimme {q}",
    "look up {q}",
    "find out {q}",
    "tell me {q}",
    "need to know {q}",
    "check for me {q}",
    "wanna know {q}",
]
QUESTION_START = {"how", "what", "who", "when", "which", "did", "was", "were", "is", "whats", "whos", "hows", "any"}
SLANG = {
    "you": "ya",
    "the": "da",
    "what": "wot",
    "for": "4",
    "to": "2",
    "they": "dey",
    "many": "mny",
    "goals": "goalz",
    "was": "wuz",
}


# ------------------------------------------------------------------------------------ missing matches
# The Premier League's rounds up to 8 Jan 2026 as date windows (a club plays once in each). A club absent from a
# window in the data has a match the data lacks there: a period touching that window is not asked about for it.
ROUNDS = [
    ("2025-08-15", "2025-08-18"),
    ("2025-08-22", "2025-08-25"),
    ("2025-08-30", "2025-08-31"),
    ("2025-09-13", "2025-09-14"),
    ("2025-09-20", "2025-09-21"),
    ("2025-09-27", "2025-09-29"),
    ("2025-10-03", "2025-10-05"),
    ("2025-10-18", "2025-10-20"),
    ("2025-10-24", "2025-10-26"),
    ("2025-11-01", "2025-11-03"),
    ("2025-11-08", "2025-11-09"),
    ("2025-11-22", "2025-11-24"),
    ("2025-11-29", "2025-11-30"),
    ("2025-12-02", "2025-12-04"),
    ("2025-12-06", "2025-12-08"),
    ("2025-12-13", "2025-12-15"),
    ("2025-12-20", "2025-12-22"),
    ("2025-12-26", "2025-12-28"),
    ("2025-12-30", "2026-01-01"),
    ("2026-01-03", "2026-01-04"),
    ("2026-01-06", "2026-01-08"),
]
MISSING: dict[str, list[list[dt.date]]] = {}


def find_missing(matches: list[dict]) -> dict[str, list[list[dt.date]]]:
    """Return, per club, the days of each round it has no match in the data for."""
    clubs = {m[s] for m in matches for s in SIDES}
    out = collections.defaultdict(list)
    for a, b in ROUNDS:
        first, last = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
        days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
        played = collections.Counter(m[s] for m in matches if first <= m["date"] <= last for s in SIDES)
        for club in sorted(clubs):
            if played[club] == 0:
                out[club].append(days)
    return dict(out)


def missing_in(club: str, keep) -> int:
    """Return how many of the club's matches the data lacks within a period (rounds touching it, counted whole)."""
    return sum(any(keep(day) for day in days) for days in MISSING.get(club, []))


# ------------------------------------------------------------------------------------------ periods
def periods() -> list[tuple[str, list[str], object]]:
    """Return the periods asked about: (key, ways fans say it, predicate on a match date); every bound exact."""
    d = dt.date
    month_says = {
        8: ["in aug", "in august 2025", "thru august", "over august"],
        9: ["in sept", "through september", "in september 25", "for the month of sept"],
        10: ["in october", "thru oct", "in the month of october", "oct 2025"],
        11: ["in november", "thru november", "for nov", "in november '25"],
        12: ["in december", "in dec", "thru december 2025", "during the month of december"],
    }
    out = [(f"2025-{m:02d}", says, lambda x, m=m: x.year == 2025 and x.month == m) for m, says in month_says.items()]
    out += [
        (
            "mid-nov-mid-dec",
            ["from mid nov to mid dec (15th to 15th)", "15/11 to 15/12", "nov 15th thru dec 15th"],
            lambda x: d(2025, 11, 15) <= x <= d(2025, 12, 15),
        ),
        (
            "boxing-to-nyd",
            ["over the festive fixtures (boxing day to new years day)", "26/12 - 1/1", "boxing day thru nyd"],
            lambda x: d(2025, 12, 26) <= x <= d(2026, 1, 1),
        ),
        (
            "after-nov-break",
            [
                "from 22 nov up to christmas eve",
                "after the nov international break up to xmas eve",
                "22/11 to 24/12",
            ],
            lambda x: d(2025, 11, 22) <= x <= d(2025, 12, 24),
        ),
        (
            "before-oct-break",
            ["up to and incl 5 oct", "before the oct international break (to 5 october)", "thru 5/10"],
            lambda x: x <= d(2025, 10, 5),
        ),
        (
            "aug-sep",
            ["across august and september", "aug/sept", "in the first 2 months (aug n sep)"],
            lambda x: x <= d(2025, 9, 30),
        ),
        (
            "oct-nov",
            ["in october and november", "oct + nov", "from 1 oct to 30 nov"],
            lambda x: d(2025, 10, 1) <= x <= d(2025, 11, 30),
        ),
        ("to-xmas", ["before christmas", "up to christmas eve", "by 24/12"], lambda x: x <= d(2025, 12, 24)),
        (
            "first-half",
            [
                "this season up to new years day",
                "from the start of the season to 1 jan",
                "thru the first 19 gameweeks, to 1/1",
            ],
            lambda x: x <= d(2026, 1, 1),
        ),
    ]
    return out


# ------------------------------------------------------------------------------------------- typing
class Typist:
    """Writes questions the way people type them into a chat box on a phone (seeded)."""

    def __init__(self, rng: random.Random, matches: list[dict], everything: list[dict]):
        self.rng = rng
        pairs = collections.Counter(frozenset((m["home"], m["away"])) for m in everything)
        self.twice = {p for p, n in pairs.items() if n > 1}
        self.played_on = collections.defaultdict(set)
        for m in everything:
            self.played_on[m["date"]] |= {m["home"], m["away"]}
        self.known_as = collections.defaultdict(set)
        self.names = set()
        for m in everything:
            for p in m["players"].values():
                self.names.add(p["name"])
                tokens = plain(p["name"]).split()
                for key in {tokens[0], tokens[-1], self._surname(p["name"])}:
                    self.known_as[key].add(p["name"])
        self.club_words = {plain(w) for names in CLUBS.values() for typed in names for w in typed.split()}
        self.protected = self.club_words | set(self.known_as) | set(MONTHS) | set(WEEKDAYS)
        self.protected |= {m[:3] for m in MONTHS} | {
            "nyd",
            "xmas",
            "boxing",
            "intl",
            "international",
            "fc",
            "utd",
            "motm",
            "potm",
            "pom",
            "ref",
            "sept",
            "nov",
            "dec",
        }
        self.protected |= {w for names in PLAYER_SHORT.values() for typed in names for w in typed.split()}

    def pick(self, options: list):
        """Return one of ``options`` (seeded)."""
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def typo(self, word: str) -> str:
        """Return the word with one slip of the thumb: two letters swapped, one dropped or one doubled."""
        if len(word) < 4 or not word.isalpha():
            return word
        i = self.rng.randrange(1, len(word) - 2)
        how = self.pick(["swap", "drop", "double"])
        if how == "swap" and word[i] != word[i + 1]:
            slip = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif how == "drop":
            slip = word[:i] + word[i + 1 :]
        else:
            slip = word[:i] + word[i] + word[i:]
        return word if slip in RUDE else slip

    def club(self, name: str, other: str | None = None, bare: bool = False) -> str:
        """Return a way to type the club ("city"/"united"/"utd" alone only when ``other`` is named too)."""
        options = list(CLUBS[name])
        if other is None or (name == "Man Utd" and other in UNITED_CLUBS):
            options = [o for o in options if o not in ALONE_ONLY_WITH_OTHER]
        if bare:
            options = [o for o in options if not o.startswith("the ")]
        typed = self.pick(options)
        # a TV code goes lower case now and then, but not one that is also an English word ("new", "sun")
        if typed.isupper() and typed not in WORD_CODES and self.chance(0.4):
            typed = typed.lower()
        return typed

    def poss(self, typed: str) -> str:
        """Return a possessive the way it is typed: "spurs'", "wolves's", "villas", "chelsea's"."""
        if typed.endswith("s"):
            return typed + self.pick(["'", "'s", "'"])
        if typed.isupper():
            return typed + "'s"
        return typed + self.pick(["'s", "s", "'s"])

    @staticmethod
    def _surname(name: str) -> str:
        tokens = name.split()
        for i, tok in enumerate(tokens[1:], start=1):
            if tok.lower() in PARTICLES:
                return plain(" ".join(tokens[i:]))
        return plain(tokens[-1])

    def player(self, name: str) -> str:
        """Return how a fan types the player: a known short form, the surname if nobody else has it, else the name."""
        if name in PLAYER_SHORT:
            options = [
                s
                for s in PLAYER_SHORT[name]
                if (s not in SHORT_NEEDS_CHECK and " " in s) or self.known_as[plain(s)] <= {name}
            ]
            if options:
                return self.pick(options)
            return plain(name)
        surname = self._surname(name)
        clash = self.known_as[surname] - {name} or surname in self.club_words or len(surname) < 4
        typed = plain(name) if clash or self.chance(0.2) else surname
        if self.chance(0.08) and len(typed) >= 7 and " " not in typed:
            typed = self.typo(typed)
        return typed

    def date(self, day: dt.date) -> str:
        """Return the date typed one of the many ways people write it (a US order always marked)."""
        d, mo, wd = day.day, day.month, day.weekday()
        mname = MONTHS[mo - 1]
        wname = WEEKDAYS[wd]
        suffix = "th" if 10 <= d <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        options = [
            f"{d}.{mo}",
            f"{d:02d}/{mo:02d}",
            f"{d}-{mo}-{day.year}",
            f"{mo}/{d} us style",
            f"{mo}-{d} (month first)",
            f"{mname[:3]}. {d}",
            f"{d}{suffix} {mname}",
            f"{wname[:3]} {d}{suffix} {mname[:3]}",
            f"{wname} the {d}{suffix} of {mname}",
            f"{mname[:3]} {d} {day.year}",
            f"{d} {mname[:3].upper()}",
            f"{day.isoformat()}",
            f"{wname[:3]} {d}/{mo}",
        ]
        if (mo, d) == (12, 26):
            options += ["boxing day", "boxing day 25", "st stephens day (boxing day)"]
        if (mo, d) == (1, 1):
            options += ["new years day", "nyd 2026", "1st jan (new year)"]
        if (mo, d) == (12, 20):
            options += ["the last saturday before xmas"]
        return self.pick(options)

    def when(self, m: dict, force: bool = False) -> str:
        """Return " on <date>": always when the pair met twice in the data or ``force``, sometimes otherwise."""
        if force or frozenset((m["home"], m["away"])) in self.twice or self.chance(0.35):
            return self._dated(m["date"])
        return ""

    def _dated(self, day: dt.date) -> str:
        """Return " <date>" with one of a few joins ("on", "played", brackets...)."""
        how = self.pick(["on", "", "", "(", "played", "game on", ","])
        if how == "(":
            return f" ({self.date(day)})"
        if how == ",":
            return f", {self.date(day)}"
        return f" {how} {self.date(day)}" if how else f" {self.date(day)}"

    def fixture(self, m: dict, force_date: bool = False, home_first: bool = False) -> str:
        """Return the match typed as two clubs, home first mostly, away first now and then.

        ``home_first`` for a question whose gold is a score ("2-1" is home-away: asked away first, the
        natural answer could put the away side's goals first).
        """
        a, b = (m["home"], m["away"]) if home_first or self.chance(0.78) else (m["away"], m["home"])
        sep = self.pick(
            [" v ", " vs ", " v ", " - ", " / ", " versus ", " against ", " at " if a == m["away"] else " vs "]
        )
        return f"{self.club(a, b)}{sep}{self.club(b, a)}{self.when(m, force_date)}"

    def versus(self, m: dict, side: str, force: bool = False) -> str:
        """Return "v villa" / "away at villa" / "against villa on 6/12" for one side's match."""
        opp, me = m[OTHER[side]], m[side]
        o = self.club(opp, me)
        if side == "away" and self.chance(0.25):
            text = self.pick(["at ", "away vs ", "on their trip to ", "down at "]) + o
        elif side == "home" and self.chance(0.25):
            text = self.pick(["at home v ", "at home against ", "when they hosted "]) + o
        else:
            text = self.pick(["v ", "vs ", "against ", "aginst ", "vs. ", "in the game w ", "v. "]) + o
        return text + self.when(m, force)

    def typed(self, text: str, chatter: bool = True) -> str:
        """Return ``text`` as typed: slips, slang, a request, padding, odd capitals (seeded)."""
        words = text.split(" ")
        if self.chance(0.35):
            hits = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 4 and w not in self.protected]
            if hits:
                i = self.pick(hits)
                words[i] = self.typo(words[i])
        if self.chance(0.3):
            hits = [i for i, w in enumerate(words) if w in SLANG]
            if hits:
                i = self.pick(hits)
                words[i] = SLANG[words[i]]
        text = " ".join(words)
        if chatter and self.chance(0.15) and words[0] not in QUESTION_START:
            text = self.pick(REQUESTS).format(q=text)
        if chatter:
            text = self.pick(OPENERS) + text + self.pick(CLOSERS)
        r = self.rng.random()
        if r < 0.1:
            text = text[0].upper() + text[1:]
        elif r < 0.15:
            text = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
        elif r < 0.18:
            text = text.upper()
        elif r < 0.4 and not text.endswith(("?", "🙏", "😅", "🧐", "⚽️", "🤷")):
            text += self.pick(["?", "?!", " ??", "?? "])
        return " ".join(text.split())


def minute_gold(said: str) -> str:
    """Return the minute as its number string ("37" for "37'")."""
    return said.rstrip("'")


def q_(ty: Typist, q: str, gold: list[str], m: dict | None = None, clubs: tuple = ()) -> dict:
    """Return one question record (typed), with the match and the clubs it is about."""
    out = {"question": ty.typed(q), "gold": gold, "clubs": tuple(clubs) or ((m["home"], m["away"]) if m else ())}
    if m:
        out["match_id"] = m["id"]
    return out


# ---------------------------------------------------------------------------------- one-match kinds
def score_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a score question: the full-time score, "did X win", "who won" (winner's gold word + score)."""
    form = i % 4
    if form in (0, 1):
        fx = ty.fixture(m, home_first=True)
        q = ty.pick(
            [
                f"{fx} whats the ft",
                f"result of {fx}",
                f"{fx} - score?",
                f"how did {fx} finish up",
                f"what did {fx} end",
                f"full time in {fx}",
                f"{fx} score pls",
                f"final scoreline of {fx}",
                f"what was it in {fx}",
            ]
        )
        return q_(ty, q, [m["score"]], m)
    side = "home"  # the score gold is home-away: the home side is named first (see Typist.fixture)
    t, o = ty.club(m[side], m[OTHER[side]]), ty.club(m[OTHER[side]], m[side])
    w = winner_side(m)
    if form == 2:
        q = ty.pick(
            [
                f"did {t} beat {o}{ty.when(m)}",
                f"{t} won against {o}{ty.when(m)} right",
                f"was it a win for {t} over {o}{ty.when(m)}",
                f"{t} v {o}{ty.when(m)} did {t} win",
            ]
        )
        return q_(ty, q, ["yes" if w == side else "no", m["score"]], m)
    fx = ty.fixture(m, home_first=True)
    q = ty.pick([f"{fx} who won it", f"winner of {fx}", f"which side won {fx}", f"{fx} - who got the W"])
    gold = [m["score"]]
    if w and club_gold(m[w]):
        gold = [club_gold(m[w]), m["score"]]
    elif w:
        return None
    return q_(ty, q, gold, m)


def scorers_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on every scorer of the match or of one side (no own goal in the match)."""
    if not m["goals_agree"] or not m["goals"] or any(g["own"] for g in m["goals"]):
        return None
    side = ty.pick([None, "home", "away"])
    names = list(dict.fromkeys(g["scorer"] for g in m["goals"] if side is None or g["side"] == side))
    if not names:
        return None
    if side is None:
        fx = ty.fixture(m)
        q = ty.pick(
            [
                f"who scored in {fx}",
                f"{fx} scorers pls",
                f"goalscorers for {fx}",
                f"{fx} who netted",
                f"names of the scorers {fx}",
                f"who bagged in {fx}",
            ]
        )
    else:
        t = ty.club(m[side], m[OTHER[side]], bare=True)
        vs = ty.versus(m, side)
        q = ty.pick(
            [
                f"who scored for {t} {vs}",
                f"{ty.poss(t)} goalscorers {vs}",
                f"{t} {vs} - who got their goals",
                f"which {t} players scored {vs}",
            ]
        )
    return q_(ty, q, names, m)


def goal_minute_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a goal-minute question: a player's only goal, a side's first or last goal, the winner, the equaliser."""
    if not m["goals_agree"] or not m["goals"]:
        return None
    goals = m["goals"]
    form = i % 5
    if form == 0:
        cands = [
            g
            for g in goals
            if not g["own"] and not g["stoppage"] and sum(x["pid"] == g["pid"] and not x["own"] for x in goals) == 1
        ]
        if not cands:
            return None
        g = ty.pick(cands)
        p = ty.player(g["scorer"])
        vs = ty.versus(m, g["side"])
        q = ty.pick(
            [
                f"what minute did {p} score {vs}",
                f"{p} goal {vs} - minute?",
                f"when was {ty.poss(p)} goal {vs}",
                f"{p} {vs} what time did he score",
                f"min of {ty.poss(p)} goal in {ty.fixture(m)}",
            ]
        )
        return q_(ty, q, [minute_gold(g["minute"])], m)
    if form in (1, 2):
        side = ty.pick(SIDES)
        mine = [g for g in goals if g["side"] == side]
        if form == 1:
            if not mine or mine[0]["own"] or mine[0]["stoppage"]:
                return None
            g = mine[0]
            t = ty.club(m[side], m[OTHER[side]], bare=True)
            vs = ty.versus(m, side)
            q = ty.pick(
                [
                    f"what minute did {t} open their account {vs}",
                    f"{ty.poss(t)} opener {vs} - when",
                    f"first {t} goal {vs}, which minute",
                ]
            )
        else:
            if len(mine) < 2 or mine[-1]["own"] or mine[-1]["stoppage"]:
                return None
            g = mine[-1]
            t = ty.club(m[side], m[OTHER[side]], bare=True)
            vs = ty.versus(m, side)
            q = ty.pick(
                [
                    f"{ty.poss(t)} last goal {vs} came in what minute",
                    f"when did {t} get their final goal {vs}",
                    f"minute of the last {t} goal {vs}",
                ]
            )
        return q_(ty, q, [minute_gold(g["minute"])], m)
    if form == 3:
        w = winner_side(m)
        if not w or abs(m["hs"] - m["as"]) != 1:
            return None
        g = [g for g in goals if g["side"] == w][-1]
        if g["own"] or g["stoppage"]:
            return None
        t = ty.club(m[w], m[OTHER[w]], bare=True)
        if ty.chance(0.35):
            q = ty.pick(
                [
                    f"who scored the winner in {ty.fixture(m)} n what minute",
                    f"{ty.fixture(m)} winning goal: who and when",
                ]
            )
            return q_(ty, q, [g["scorer"], minute_gold(g["minute"])], m)
        q = ty.pick(
            [
                f"when was the winner scored in {ty.fixture(m)}",
                f"{ty.poss(t)} winner {ty.versus(m, w)} - what min",
                f"{ty.fixture(m)} winning goal minute",
            ]
        )
        return q_(ty, q, [minute_gold(g["minute"])], m)
    score, levels = [0, 0], []
    for g in goals:
        score[SIDES.index(g["side"])] += 1
        if score[0] == score[1]:
            levels.append(g)
    if len(levels) != 1 or levels[0]["own"] or levels[0]["stoppage"]:
        return None
    g = levels[0]
    t = ty.club(m[g["side"]], m[OTHER[g["side"]]], bare=True)
    q = ty.pick(
        [
            f"when was the equalizer in {ty.fixture(m)}",
            f"what minute did {t} equalise {ty.versus(m, g['side'])}",
            f"{ty.fixture(m)} - the leveler, what minute",
        ]
    )
    return q_(ty, q, [minute_gold(g["minute"])], m)


def assister_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on who set up a player's only goal of the match."""
    if not m["goals_agree"]:
        return None
    cands = [
        g for g in m["goals"] if g["assister"] and sum(x["pid"] == g["pid"] and not x["own"] for x in m["goals"]) == 1
    ]
    if not cands:
        return None
    g = ty.pick(cands)
    p = ty.player(g["scorer"])
    vs = ty.versus(m, g["side"])
    q = ty.pick(
        [
            f"who assisted {p} {vs}",
            f"who set up {ty.poss(p)} goal {vs}",
            f"{p} scored {vs} but who laid it on",
            f"assist on the {p} goal {vs}",
            f"who gave the assist for {p} {vs}",
            f"{ty.poss(p)} goal {vs} - assist by who",
        ]
    )
    return q_(ty, q, [g["assister"]], m)


TEAM_WORDS = {
    "shots": ["shots", "total shots", "shots altogether", "goal attempts"],
    "shots on target": ["shots on target", "on-target shots", "shots on goal (on target)"],
    "corners": ["corners", "corner kicks won", "corners taken"],
    "fouls": ["fouls", "fouls conceded", "fouls they committed"],
    "offsides": ["offsides", "offside flags", "offsides against them"],
}


def team_stat_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a side's shots, shots on target, corners, fouls or offsides (= WhoScored's total)."""
    stat = list(TEAM_WORDS)[i % len(TEAM_WORDS)]
    side = ty.pick(SIDES)
    value = m["team"][side].get(stat, 0)
    if value < 1:
        return None
    t = ty.club(m[side], m[OTHER[side]], bare=True)
    w = ty.pick(TEAM_WORDS[stat])
    vs = ty.versus(m, side)
    q = ty.pick(
        [f"{w} for {t} {vs}", f"how many {w} did {t} have {vs}", f"{ty.poss(t)} number of {w} {vs}", f"{t} {vs}: {w}?"]
    )
    return q_(ty, q, [str(value)], m)


def card_count_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a side's yellow cards, for a side with no second yellow, red or staff card."""
    side = ty.pick(SIDES)
    c = m["cards"][side]
    if c["staff"] or c["SecondYellow"] or c["Red"] or c["Yellow"] < 1:
        return None
    t = ty.club(m[side], m[OTHER[side]], bare=True)
    vs = ty.versus(m, side)
    q = ty.pick(
        [
            f"how many yellow cards did {t} get {vs}",
            f"{ty.poss(t)} yellows {vs}",
            f"how many {t} players went in the book {vs}",
            f"yellow card count for {t} {vs}",
            f"{t} bookings {vs}, how many",
        ]
    )
    return q_(ty, q, [str(c["Yellow"])], m)


def player_stat_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a player's shots, key passes, tackles, interceptions, clearances, dribbles or saves."""
    order = ["shots", "key passes", "tackles", "interceptions", "clearances", "dribbles", "saves", "shots on target"]
    words = {
        "shots": ["shots", "total shots"],
        "key passes": ["key passes", "key passes (chances made)"],
        "tackles": ["tackles"],
        "interceptions": ["interceptions", "interceptions made"],
        "clearances": ["clearances", "clearances made"],
        "dribbles": ["successful take ons", "dribbles won"],
        "saves": ["saves", "saves he made"],
        "shots on target": ["shots on target", "on target shots"],
    }
    stat = order[i % len(order)]
    cands = sorted(
        (p["name"], p["side"], p["counts"][stat]) for p in m["players"].values() if p["counts"].get(stat, 0) >= 2
    )
    if not cands:
        return None
    name, side, value = ty.pick(cands)
    p, w, vs = ty.player(name), ty.pick(words[stat]), ty.versus(m, side)
    q = ty.pick(
        [f"how many {w} did {p} have {vs}", f"{ty.poss(p)} {w} {vs}", f"{p} {vs} - {w}?", f"number of {w} {p} had {vs}"]
    )
    return q_(ty, q, [str(value)], m)


def player_leader_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on the player(s) with the most shots / key passes / tackles / interceptions (ties up to 2)."""
    order = ["shots", "key passes", "tackles", "interceptions"]
    stat = order[i % len(order)]
    pool = list(m["players"].values())
    defs = TACKLE_DEFS if stat == "tackles" else (stat,)
    if any(d not in p["counts"] for p in pool for d in defs):
        return None
    found = leaders([{p["name"]: p["counts"][d] for p in pool} for d in defs])
    if not found or found[1] < 2 or len(found[0]) > 2:
        return None
    fx = ty.fixture(m)
    q = ty.pick(
        [
            f"who had the most {stat} in {fx}",
            f"most {stat} in {fx} - which player",
            f"{fx}: player with the most {stat}",
            f"who topped the {stat} in {fx}",
        ]
    )
    return q_(ty, q, found[0], m)


def formation_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a side's starting formation."""
    side = ty.pick(SIDES)
    t = ty.club(m[side], m[OTHER[side]], bare=True)
    vs = ty.versus(m, side)
    q = ty.pick(
        [
            f"what formation did {t} play {vs}",
            f"{ty.poss(t)} formation {vs}",
            f"{t} starting shape {vs}?",
            f"which formation were {t} in {vs}",
            f"did {t} go 4 at the back or 3 {vs}, what formation",
        ]
    )
    return q_(ty, q, [m["formation"][side]], m)


def referee_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on the match referee; None when the file names none."""
    if not m["referee"]:
        return None
    fx = ty.fixture(m)
    q = ty.pick(
        [
            f"who was the ref in {fx}",
            f"{fx} referee?",
            f"who reffed {fx}",
            f"name of the referee for {fx}",
            f"referee {fx} who was it",
            f"who was in the middle for {fx}",
        ]
    )
    return q_(ty, q, [m["referee"]], m)


def motm_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a man-of-the-match question: the match's (or a side's) top WhoScored rating, clear at one decimal."""
    if i % 3 == 2:
        side = ty.pick(SIDES)
        best = top_rated(m, side)
        if not best:
            return None
        t = ty.club(m[side], m[OTHER[side]], bare=True)
        vs = ty.versus(m, side)
        q = ty.pick(
            [
                f"who was {ty.poss(t)} best player {vs} (ratings)",
                f"top rated for {t} {vs}",
                f"{t} player with the best rating {vs}",
            ]
        )
        return q_(ty, q, [best], m)
    best = top_rated(m, None)
    if not best:
        return None
    fx = ty.fixture(m)
    q = ty.pick(
        [
            f"man of the match {fx}",
            f"{fx} motm?",
            f"who was potm in {fx}",
            f"best player in {fx}",
            f"top rated player in {fx}",
            f"{fx} who was man of the match",
            f"whoscored motm for {fx}",
        ]
    )
    return q_(ty, q, [best], m)


# ---------------------------------------------------------------------------------- season kinds
def manager_gold(name: str) -> str:
    """Return what every usual naming of the manager contains (the last word of a legal name of four words+)."""
    return name.split()[-1] if len(name.split()) > 3 else name


def manager_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return questions on a side's manager in one match; for clubs that changed manager, one per spell."""
    spells = collections.defaultdict(list)
    for m in matches:
        for side in SIDES:
            spells[m[side]].append((m, side))
    out = []
    for team, ms in sorted(spells.items()):
        by_manager = collections.defaultdict(list)
        for m, side in ms:
            if m["manager"][side]:
                by_manager[m["manager"][side]].append((m, side))
        for _, spell in sorted(by_manager.items()):
            m, side = ty.pick(spell)
            name = m["manager"][side]
            t = ty.club(m[side], m[OTHER[side]], bare=True)
            vs = ty.versus(m, side, force=len(by_manager) > 1)
            q = ty.pick(
                [
                    f"who was {ty.poss(t)} manager {vs}",
                    f"{t} manager {vs}",
                    f"who was the {t} gaffer {vs}",
                    f"who coached {t} {vs}",
                    f"{ty.poss(t)} boss {vs} - who",
                ]
            )
            out.append(q_(ty, q, [manager_gold(name)], m, (team,)))
    ty.rng.shuffle(out)
    return out


def team_period_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return questions on a team's points, wins, draws, losses, goals, goals let in or clean sheets over a period."""
    combos = []
    for key, says, keep in periods():
        rec, rec_all = team_table(matches, keep), team_table(matches + partial, keep)
        for team, r in rec.items():
            for metric in ("points", "wins", "draws", "losses", "goals", "conceded", "clean sheets"):
                if r[metric] >= 1 and r[metric] == rec_all[team][metric] and not missing_in(team, keep):
                    combos.append((team, key, tuple(says), metric, r[metric]))
    combos.sort()
    ty.rng.shuffle(combos)
    out = []
    for team, _key, says, metric, value in combos:
        t, w = ty.club(team), ty.pick(list(says))
        q = ty.pick(
            {
                "points": [f"how many points did {t} get {w}", f"{ty.poss(t)} points {w}", f"{t} pts total {w}"],
                "wins": [f"how many wins did {t} have {w}", f"{t} games won {w}", f"{t} - how many W's {w}"],
                "draws": [f"{t} draws {w} how many", f"how many times did {t} draw {w}"],
                "losses": [f"how many losses for {t} {w}", f"{t} lost how many {w}"],
                "goals": [f"how many did {t} score {w}", f"{ty.poss(t)} goals {w}", f"goals {t} scored {w}"],
                "conceded": [
                    f"how many goals did {t} concede {w}",
                    f"{ty.poss(t)} goals conceded {w}",
                    f"{t} conceded how many {w}",
                ],
                "clean sheets": [
                    f"{ty.poss(t)} clean sheets {w}",
                    f"how many clean sheets did {t} keep {w}",
                    f"{t} games without conceding {w}",
                ],
            }[metric]
        )
        out.append(q_(ty, q, [str(value)], clubs=(team,)) | {"metric": metric})
    return out


def player_club(matches: list[dict]) -> dict[str, str]:
    """Return each player's club (the last one he played for in the data)."""
    club = {}
    for m in matches:
        for p in m["players"].values():
            club[p["name"]] = m[p["side"]]
    return club


def player_clubs(matches: list[dict]) -> dict[str, set[str]]:
    """Return every club each player played for in the data."""
    clubs = collections.defaultdict(set)
    for m in matches:
        for p in m["players"].values():
            clubs[p["name"]].add(m[p["side"]])
    return clubs


def complete_for(clubs: set[str], keep) -> bool:
    """Return whether the data holds every match of these clubs within a period."""
    return not any(missing_in(c, keep) for c in clubs)


def player_period_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return questions on a player's goals, assists, shots or key passes over a period (never 0, partial-proof)."""
    clubs, every = player_club(matches), player_clubs(matches)
    combos = []
    for key, says, keep in periods():
        rec, rec_all = player_table(matches, keep), player_table(matches + partial, keep)
        for name, c in rec.items():
            if not complete_for(every[name], keep):
                continue
            for metric, floor in (("goals", 2), ("assists", 2), ("shots", 8), ("key passes", 6)):
                if c[metric] >= floor and c[metric] == rec_all[name][metric]:
                    combos.append((name, key, tuple(says), metric, c[metric]))
    combos.sort()
    ty.rng.shuffle(combos)
    out = []
    for name, _key, says, metric, value in combos:
        p, w = ty.player(name), ty.pick(list(says))
        q = ty.pick(
            {
                "goals": [
                    f"how many did {p} score {w}",
                    f"{ty.poss(p)} goals {w}",
                    f"goals for {p} {w}",
                    f"{p} - goals {w}?",
                ],
                "assists": [f"how many assists for {p} {w}", f"{ty.poss(p)} assists {w}", f"{p} assist count {w}"],
                "shots": [
                    f"how many shots did {p} have {w}",
                    f"{ty.poss(p)} shots {w}",
                    f"{p} total shots {w}",
                ],
                "key passes": [f"{ty.poss(p)} key passes {w}", f"key passes by {p} {w}"],
            }[metric]
        )
        out.append(q_(ty, q, [str(value)], clubs=(clubs[name],)) | {"metric": metric})
    return out


TABLE_DATES = [
    ("on 31/10", dt.date(2025, 10, 31)),
    ("on christmas day", dt.date(2025, 12, 25)),
    ("after the games of 9 nov", dt.date(2025, 11, 9)),
    ("going into november (before the 1 nov games)", dt.date(2025, 10, 31)),
    ("after the 7th jan games", dt.date(2026, 1, 7)),
    ("at the end of november", dt.date(2025, 11, 30)),
    ("at the end of september", dt.date(2025, 9, 30)),
    ("on 1 sept", dt.date(2025, 8, 31)),
    ("at the end of 2025", dt.date(2025, 12, 31)),
    ("after the games on 15 dec", dt.date(2025, 12, 15)),
]


PLAYER_BUMP = {"goals": 3, "assists": 3, "shots": 10, "key passes": 8, "tackles": 10}
TEAM_BUMP = {"wins": 1, "points": 3, "goals": 5, "clean sheets": 1}


def ranking_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return ranking questions: period leaders (ties up to 2), top 3 lists, table positions on a date.

    Only where the few matches the data lacks (``MISSING``) could not change the answer.
    """
    every = player_clubs(matches)
    out = []
    player_says = {
        "goals": [
            "who was the top scorer {w}",
            "most goals {w}, who",
            "which player scored most {w}",
            "golden boot race {w} - who had the most goals",
        ],
        "assists": ["most assists {w}?", "who got the most assists {w}", "assist leader {w}"],
        "shots": ["which player took the most shots {w}", "shots leader {w}"],
        "key passes": ["who had the most key passes {w}", "key passes leader {w}"],
        "tackles": ["most tackles {w}, which player", "who tackled the most {w}"],
    }
    team_says = {
        "wins": (["which club had the most wins {w}", "team with most wins {w}"], 1),
        "points": (["most points {w} - which team", "which club took the most points {w}"], 1),
        "goals": (["most goals scored by a team {w}", "which side scored most {w}"], 1),
        "clean sheets": (["team with the most clean sheets {w}", "who kept the most clean sheets {w} (clubs)"], 1),
        "conceded": (["best defence {w} - fewest conceded", "which club conceded the least {w}"], -1),
    }
    for _key, says, keep in periods():
        prec, prec_all = player_table(matches, keep), player_table(matches + partial, keep)
        for metric, phr in player_says.items():
            defs = TACKLE_DEFS if metric == "tackles" else (metric,)
            found = leaders([{n: c[d] for n, c in prec.items()} for d in defs])
            if not found or found != leaders([{n: c[d] for n, c in prec_all.items()} for d in defs]):
                continue
            top, best = found
            if best < 2 or len(top) > 2 or any(c[d] < 0 for c in prec.values() for d in defs):
                continue
            # the data lacks a few matches: no one could have caught the leader(s) in them
            bump = PLAYER_BUMP[metric]
            reach = {n: bump * sum(missing_in(c, keep) for c in every[n]) for n in prec}
            if len(top) > 1 and any(reach[n] for n in top):
                continue
            if any(prec[n][d] + reach[n] >= prec[top[0]][d] for n in prec if n not in top for d in defs):
                continue
            out.append({"question": ty.pick(phr).format(w=ty.pick(says)), "gold": top, "metric": metric})
            if metric in ("goals", "assists") and ty.chance(0.5) and not any(reach.values()):
                ranked = sorted(((c[metric], n) for n, c in prec.items()), reverse=True)
                ranked_all = sorted(((c[metric], n) for n, c in prec_all.items()), reverse=True)
                if ranked[2][0] != ranked[3][0] and ranked[:4] == ranked_all[:4]:
                    q = ty.pick(
                        [
                            f"top three for {metric} {{w}}",
                            f"who were the top 3 for {metric} {{w}}",
                            f"3 players with the most {metric} {{w}}",
                        ]
                    )
                    out.append(
                        {
                            "question": q.format(w=ty.pick(says)),
                            "gold": sorted(n for _, n in ranked[:3]),
                            "metric": "top3",
                        }
                    )
        trec, trec_all = team_table(matches, keep), team_table(matches + partial, keep)
        for metric, (phr, sign) in team_says.items():
            best = max(sign * c[metric] for c in trec.values())
            top = sorted(t for t, c in trec.items() if sign * c[metric] == best)
            best_all = max(sign * c[metric] for c in trec_all.values())
            if top != sorted(t for t, c in trec_all.items() if sign * c[metric] == best_all):
                continue
            miss = {t: missing_in(t, keep) for t in trec}
            if (sign < 0 or len(top) > 1) and any(miss[t] for t in top):
                continue
            if sign > 0 and any(
                c[metric] + TEAM_BUMP[metric] * miss[t] >= best for t, c in trec.items() if t not in top
            ):
                continue
            if len(top) <= 2 and all(club_gold(t) for t in top):
                out.append(
                    {
                        "question": ty.pick(phr).format(w=ty.pick(says)),
                        "gold": [club_gold(t) for t in top],
                        "metric": "team " + metric,
                    }
                )
    for w, last in TABLE_DATES:
        keep = lambda d, last=last: d <= last  # noqa: E731
        table = positions(matches, keep)
        if table != positions(matches + partial, keep):
            continue
        keys = [k for _, k in table]
        pts = {t: k[0] for t, k in table}
        most = {t: pts[t] + 3 * missing_in(t, keep) for t in pts}
        # a place is asked only if the matches the data lacks could not change it (points alone, strictly apart)
        sure = {t: all(pts[o] > most[t] or most[o] < pts[t] for o in pts if o != t) for t in pts}
        if keys[0] != keys[1] and club_gold(table[0][0]) and sure[table[0][0]]:
            out.append(
                {
                    "question": ty.pick([f"who was top {w}", f"who led the prem {w}", f"1st place in the table {w}"]),
                    "gold": [club_gold(table[0][0])],
                    "metric": "top",
                }
            )
        if keys[-1] != keys[-2] and club_gold(table[-1][0]) and sure[table[-1][0]]:
            out.append(
                {
                    "question": ty.pick(
                        [
                            f"who was last in the league {w}",
                            f"bottom of the table {w}?",
                            f"who was propping up the table {w}",
                        ]
                    ),
                    "gold": [club_gold(table[-1][0])],
                    "metric": "bottom",
                }
            )
        for pos, (team, key) in enumerate(table, start=1):
            if keys.count(key) == 1 and sure[team] and ty.chance(0.5):
                t = ty.club(team)
                out.append(
                    {
                        "question": ty.pick(
                            [
                                f"what place were {t} {w}",
                                f"where did {t} sit in the table {w}",
                                f"{t} position in the league {w}",
                            ]
                        ),
                        "gold": [str(pos)],
                        "metric": "position",
                        "clubs": (team,),
                    }
                )
    ty.rng.shuffle(out)
    return [q_(ty, q["question"], q["gold"], clubs=q.get("clubs", ())) | {"metric": q["metric"]} for q in out]


# ------------------------------------------------------------------------------------------ refusals
OUTSIDERS = [
    "leicester city",
    "saints",
    "ipswich",
    "coventry",
    "sheff utd",
    "stoke",
    "bayern",
    "inter milan",
    "juve",
    "benfica",
    "ajax",
    "qpr",
    "millwall",
    "derby county",
    "bristol city",
    "swansea",
    "cardiff",
    "hearts",
    "aberdeen",
    "sevilla",
    "lyon",
    "watford",
]
PLAYERS_ELSEWHERE = [
    "lamine yamal",
    "harry kane",
    "bellingham",
    "vinicius",
    "lewandowski",
    "mbappe",
    "messi",
    "pedri",
    "osimhen",
    "kvaratskhelia",
    "musiala",
    "wirtz bayer",
]


def unknown_match_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return questions on matches the data does not hold: outside clubs, other seasons, days neither club played."""
    out = []
    clubs = sorted(CLUBS)
    for i in range(7):
        a = OUTSIDERS[(i * 5) % len(OUTSIDERS)]
        b = ty.club(clubs[(i * 7) % len(clubs)]) if i % 2 else OUTSIDERS[(i * 5 + 2) % len(OUTSIDERS)]
        q = ty.pick(
            [
                f"score in {a} vs {b}",
                f"{a} - {b} who scored",
                f"who refereed {b} v {a}",
                f"{a} against {b} result",
                f"man of the match in {a} v {b}",
                f"{a} corners vs {b}",
            ]
        )
        out.append(q_(ty, q, []))
    for what in (
        "the 2022 world cup final",
        "the euro 2024 final",
        "the 2023 fa cup final",
        "the 2019 champions league final",
        "the 2025 community shield",
    ):
        out.append(q_(ty, ty.pick([f"what was the score in {what}", f"{what} scorers", f"who was ref in {what}"]), []))
    free = [
        "2025-09-07",
        "2025-10-10",
        "2025-11-16",
        "2025-11-12",
        "2025-12-24",
        "2025-10-14",
        "2025-12-11",
        "2025-09-09",
    ]
    days = [dt.date.fromisoformat(d) for d in free]
    every = matches + partial
    combos = [(a, b, d) for a in clubs for b in clubs if a < b for d in days]
    ty.rng.shuffle(combos)
    used = collections.Counter()
    for a, b, d in combos:
        if len(out) >= QUOTA["unknown_match"] + 4:
            break
        if {a, b} & ty.played_on[d] or used[a] or used[b] or d > max(m["date"] for m in every):
            continue
        used[a] += 1
        used[b] += 1
        fx = f"{ty.club(a, b)} {ty.pick(['v', 'vs', '-'])} {ty.club(b, a)} {ty.pick(['on', '', 'played'])} {ty.date(d)}"
        q = ty.pick(
            [
                f"score {fx}",
                f"{fx} who scored",
                f"motm {fx}",
                f"who was ref {fx}",
                f"how many shots in {fx}",
                f"{fx} result?",
            ]
        )
        out.append(q_(ty, q, [], clubs=(a, b)))
    return out


def refusal_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return questions on what the data cannot know: fees, wages, injuries, the future, players not in it."""
    squad = {plain(p["name"]) for m in matches + partial for p in m["players"].values()}
    elsewhere = [p for p in PLAYERS_ELSEWHERE if not any(w in n.split() for n in squad for w in p.split())]
    club = lambda: ty.club(ty.pick(sorted(CLUBS)))  # noqa: E731
    texts = [
        f"what's {ty.poss(club())} transfer budget for january",
        f"how much does {ty.player('Mohamed Salah')} earn",
        f"when is {ty.player('Cole Palmer')} back from injury",
        "who's going down this season",
        "who'll finish top 4",
        f"what are the odds on {club()} getting relegated",
        f"what time is {ty.poss(club())} next kick off",
        f"who owns {club()}",
        f"is {ty.player('Bruno Fernandes')} getting sold",
        "who wins the champions league this year",
        f"how old is {ty.player('Virgil van Dijk')}",
        f"how much is a {club()} season ticket",
        f"{elsewhere[0]} assists this season",
        f"how many goals has {elsewhere[1]} scored this season",
        f"{elsewhere[2]} stats vs real sociedad",
        "who should i captain in fpl this week",
        f"predict {club()} v {club()} next weekend",
        f"what channel is {ty.poss(club())} next game on",
        f"{elsewhere[3]} goals in october",
        "greatest premier league player ever?",
    ]
    return [q_(ty, q, []) for q in texts]


# -------------------------------------------------------------------------------------- follow-ups
def conversations(ty: Typist, matches: list[dict], partial: list[dict], usage: collections.Counter) -> list[dict]:
    """Return two- and three-turn conversations whose later turns lean on earlier ones."""
    out = []

    def turn(q: str, gold: list[str], m: dict | None = None, first: bool = False) -> dict:
        t = {"question": ty.typed(q, chatter=first), "gold": gold}
        if m:
            t["match_id"] = m["id"]
        return t

    def add(turns: list[dict], clubs: tuple) -> None:
        out.append((turns, clubs))
        usage.update(clubs)

    def fresh(pool: list[dict]) -> list[dict]:
        """The pool ordered with the least-asked clubs first (seeded order breaks ties)."""
        return sorted(
            pool,
            key=lambda m: (
                MATCH_USE[m["id"]] + (m["id"] in EARLIER),
                max(usage[m["home"]], usage[m["away"]]),
                usage[m["home"]] + usage[m["away"]],
            ),
        )

    by_pair = collections.defaultdict(list)
    for m in matches:
        by_pair[frozenset((m["home"], m["away"]))].append(m)
    pairs = sorted(
        (
            p
            for p, ms in by_pair.items()
            if len(ms) == 2 and p not in {frozenset((m["home"], m["away"])) for m in partial}
        ),
        key=sorted,
    )
    ty.rng.shuffle(pairs)
    # 1. a score, then the reverse fixture, then that game's scorers or referee (6)
    for pair in pairs[:6]:
        first, second = sorted(by_pair[pair], key=lambda m: m["date"])
        turns = [
            turn(
                ty.pick(
                    [f"{ty.fixture(first, True, True)} how did it finish", f"score of {ty.fixture(first, True, True)}"]
                ),
                [first["score"]],
                first,
                True,
            ),
            turn(
                ty.pick(
                    [
                        "and the reverse fixture?",
                        "what about the return leg",
                        "n the other game between them",
                        "how did the second meeting go",
                    ]
                ),
                [second["score"]],
                second,
            ),
        ]
        if second["goals"] and second["goals_agree"] and not any(g["own"] for g in second["goals"]):
            turns.append(
                turn(
                    ty.pick(["who scored in that one then", "and the scorers?", "who got on the scoresheet there"]),
                    list(dict.fromkeys(g["scorer"] for g in second["goals"])),
                    second,
                )
            )
        elif second["referee"]:
            turns.append(turn(ty.pick(["and the ref?", "who was reffing that one"]), [second["referee"]], second))
        add(turns, (first["home"], first["away"]))

    pool = [m for m in matches if m["goals_agree"]]
    ty.rng.shuffle(pool)
    plan = ["scorers"] * 6 + ["other_lot"] * 6 + ["assist"] * 5 + ["motm"] * 4 + ["ref_mgr"] * 4 + ["cards"] * 3
    asked = set()
    for form in plan:
        for m in fresh([m for m in pool if m["id"] not in asked]):
            turns = None
            side = ty.pick(SIDES)
            t = ty.club(m[side], m[OTHER[side]], bare=True)
            if form == "scorers":
                if m["goals"] and not any(g["own"] for g in m["goals"]) and not m["goals"][-1]["stoppage"]:
                    turns = [
                        turn(
                            f"{ty.fixture(m, True, True)} {ty.pick(['result', 'final score?', 'whats the score'])}",
                            [m["score"]],
                            m,
                            True,
                        ),
                        turn(
                            ty.pick(["who scored then?", "and the goalscorers", "who got them"]),
                            list(dict.fromkeys(g["scorer"] for g in m["goals"])),
                            m,
                        ),
                        turn(
                            ty.pick(["when was the last goal", "the final goal came what minute?"]),
                            [minute_gold(m["goals"][-1]["minute"])],
                            m,
                        ),
                    ]
            elif form == "other_lot":
                stat = ty.pick(["shots", "corners", "fouls", "shots on target"])
                a, b = m["team"][side].get(stat, 0), m["team"][OTHER[side]].get(stat, 0)
                if a >= 1 and b >= 1:
                    turns = [
                        turn(f"{stat} for {t} {ty.versus(m, side)}?", [str(a)], m, True),
                        turn(
                            ty.pick(["and the other side?", "how many for the opponents", "and for the other lot"]),
                            [str(b)],
                            m,
                        ),
                    ]
            elif form == "assist":
                cands = [
                    g
                    for g in m["goals"]
                    if g["assister"]
                    and not g["stoppage"]
                    and sum(x["pid"] == g["pid"] and not x["own"] for x in m["goals"]) == 1
                ]
                if cands:
                    g = ty.pick(cands)
                    turns = [
                        turn(
                            f"what minute was {ty.poss(ty.player(g['scorer']))} goal {ty.versus(m, g['side'])}",
                            [minute_gold(g["minute"])],
                            m,
                            True,
                        ),
                        turn(
                            ty.pick(["who assisted it?", "and the assist?", "who laid it on for him"]),
                            [g["assister"]],
                            m,
                        ),
                    ]
            elif form == "motm":
                best = top_rated(m, None)
                if best:
                    p = next(p for p in m["players"].values() if p["name"] == best)
                    turns = [turn(f"motm in {ty.fixture(m, True, True)}?", [best], m, True)]
                    if p["counts"].get("key passes", 0) >= 2:
                        turns.append(
                            turn(
                                ty.pick(["key passes for him?", "how many key passes did he have"]),
                                [str(p["counts"]["key passes"])],
                                m,
                            )
                        )
                    elif p["counts"].get("shots", 0) >= 2:
                        turns.append(
                            turn(ty.pick(["and how many shots did he take", "shots?"]), [str(p["counts"]["shots"])], m)
                        )
                    else:
                        turns.append(turn(ty.pick(["what was the score anyway", "and the result?"]), [m["score"]], m))
            elif form == "ref_mgr":
                if m["referee"] and m["manager"][side] and m["manager"][OTHER[side]]:
                    turns = [
                        turn(f"referee for {ty.fixture(m, True)}?", [m["referee"]], m, True),
                        turn(f"who was {ty.poss(t)} manager that day", [manager_gold(m["manager"][side])], m),
                        turn(
                            ty.pick(["and the opposing manager?", "who was the other gaffer"]),
                            [manager_gold(m["manager"][OTHER[side]])],
                            m,
                        ),
                    ]
            else:
                c, d = m["cards"][side], m["cards"][OTHER[side]]
                if all(not (x["staff"] or x["SecondYellow"] or x["Red"]) and x["Yellow"] >= 1 for x in (c, d)):
                    turns = [
                        turn(f"{t} yellows {ty.versus(m, side)}?", [str(c["Yellow"])], m, True),
                        turn(
                            ty.pick(["and the other team?", "how many did the opposition get"]), [str(d["Yellow"])], m
                        ),
                    ]
            if turns:
                asked.add(m["id"])
                MATCH_USE[m["id"]] += 1
                add(turns, (m["home"], m["away"]))
                break

    # a player's goals in one month, then the next month, then his assists that month (5)
    months = [
        ("2025-10", "in october", "what about november", "2025-11"),
        ("2025-11", "thru nov", "and dec?", "2025-12"),
        ("2025-09", "in sept", "and october", "2025-10"),
        ("2025-08", "in aug", "how about sept", "2025-09"),
    ]
    pdefs = {k: keep for k, _, keep in periods()}
    clubs, every = player_club(matches), player_clubs(matches)
    done = set()
    for j in range(5):
        a_key, a_say, b_say, b_key = months[j % len(months)]
        ra, rb = player_table(matches, pdefs[a_key]), player_table(matches, pdefs[b_key])
        ra_all, rb_all = player_table(matches + partial, pdefs[a_key]), player_table(matches + partial, pdefs[b_key])
        cands = [
            n
            for n, c in ra.items()
            if c["goals"] >= 2
            and rb[n]["goals"] >= 1
            and rb[n]["assists"] >= 1
            and n not in done
            and complete_for(every[n], pdefs[a_key])
            and complete_for(every[n], pdefs[b_key])
            and (c["goals"], rb[n]["goals"], rb[n]["assists"])
            == (ra_all[n]["goals"], rb_all[n]["goals"], rb_all[n]["assists"])
        ]
        if not cands:
            continue
        name = sorted(cands, key=lambda n: (usage[clubs[n]], n))[0]
        done.add(name)
        p = ty.player(name)
        add(
            [
                turn(f"{ty.poss(p)} goals {a_say}?", [str(ra[name]["goals"])], first=True),
                turn(b_say, [str(rb[name]["goals"])]),
                turn(
                    ty.pick(["and assists?", "how many assists did he get then", "what about assists that month"]),
                    [str(rb[name]["assists"])],
                ),
            ],
            (clubs[name],),
        )
    # a team's points in a month, then another month (filling up to the quota)
    tmonths = [
        ("2025-11", "in nov", "and in december?", "2025-12"),
        ("2025-09", "in september", "what about october", "2025-10"),
        ("2025-10", "thru october", "how about in november", "2025-11"),
    ]
    j = 0
    while len(out) < CONVERSATIONS and j < 30:
        a_key, a_say, b_say, b_key = tmonths[j % len(tmonths)]
        ta, tb = team_table(matches, pdefs[a_key]), team_table(matches, pdefs[b_key])
        ta_all, tb_all = team_table(matches + partial, pdefs[a_key]), team_table(matches + partial, pdefs[b_key])
        teams = sorted(
            (
                t
                for t in ta
                if t in tb
                and t not in done
                and ta[t] == ta_all[t]
                and tb[t] == tb_all[t]
                and not missing_in(t, pdefs[a_key])
                and not missing_in(t, pdefs[b_key])
                and min(ta[t]["points"], tb[t]["points"], tb[t]["conceded"]) >= 1
            ),
            key=lambda t: (usage[t], t),
        )
        j += 1
        if not teams:
            continue
        team = teams[0]
        done.add(team)
        add(
            [
                turn(f"{ty.poss(ty.club(team))} points {a_say}", [str(ta[team]["points"])], first=True),
                turn(b_say, [str(tb[team]["points"])]),
                turn(
                    ty.pick(["how many goals did they let in that month", "and conceded?"]),
                    [str(tb[team]["conceded"])],
                ),
            ],
            (team,),
        )
    return [
        {"id": f"blind5-followup-{n:03d}", "kind": "followup", "turns": t}
        for n, (t, _) in enumerate(out[:CONVERSATIONS], start=1)
    ]


# -------------------------------------------------------------------------------------------- main
PER_MATCH = {
    "score": score_question,
    "scorers": scorers_question,
    "goal_minute": goal_minute_question,
    "assister": assister_question,
    "team_stat": team_stat_question,
    "card_count": card_count_question,
    "player_stat": player_stat_question,
    "player_leader": player_leader_question,
    "formation": formation_question,
    "referee": referee_question,
    "man_of_the_match": motm_question,
}
PER_SEASON = {
    "manager": manager_questions,
    "team_period": team_period_questions,
    "player_period": player_period_questions,
    "ranking": ranking_questions,
    "unknown_match": unknown_match_questions,
    "refusal": refusal_questions,
}
# at most this many questions of a kind on one metric (variety)
METRIC_CAP = {"team_period": 4, "player_period": 6, "ranking": 4}


MATCH_USE: collections.Counter = collections.Counter()


def choose(made: list[dict], quota: int, usage: collections.Counter, cap: int | None) -> list[dict]:
    """Return ``quota`` questions, each time the one on the least-asked clubs (seeded order breaks ties).

    No two on the same match or with the same text; no club asked twice within a season kind while others wait.
    """
    kept, seen, metrics, local = [], set(), collections.Counter(), collections.Counter()
    rest = list(made)
    while rest and len(kept) < quota:

        def rank(item):
            i, q = item
            clubs = q["clubs"] or ("",)
            # spread over the season: a match already asked about here, or by an earlier set, waits its turn
            worn = MATCH_USE[q.get("match_id")] + (q.get("match_id") in EARLIER) if q.get("match_id") else 0
            return (max(local[c] for c in clubs), worn, max(usage[c] for c in clubs), sum(usage[c] for c in clubs), i)

        options = [
            (i, q)
            for i, q in enumerate(rest)
            if not ({q.get("match_id") or q["question"], q["question"]} & seen)
            and not (cap and q.get("metric") and metrics[q["metric"]] >= cap)
        ]
        if not options:
            break
        i, q = min(options, key=rank)
        rest.pop(i)
        kept.append(q)
        seen |= {q.get("match_id") or q["question"], q["question"]}
        metrics[q.get("metric")] += 1
        local.update(q["clubs"])
        usage.update(q["clubs"])
        if q.get("match_id"):
            MATCH_USE[q["match_id"]] += 1
    return kept


def build(data_dir: Path) -> tuple[list[dict], list[dict], collections.Counter]:
    """Return the questions, the conversations and how often each club is asked about."""
    loaded = [read_match(p) for p in sorted(data_dir.glob("*.json.gz"))]
    matches = sorted((m for m in loaded if m["complete"]), key=lambda m: (m["date"], m["id"]))
    partial = [m for m in loaded if not m["complete"]]
    MISSING.clear()
    MATCH_USE.clear()
    MISSING.update(find_missing(matches))
    rng = random.Random(SEED)
    ty = Typist(rng, matches, matches + partial)
    usage = collections.Counter()
    questions = []
    for kind in KINDS:
        pool = list(matches)
        rng.shuffle(pool)
        if kind in PER_MATCH:
            made = [q for i, m in enumerate(pool) if (q := PER_MATCH[kind](ty, m, i))]
        else:
            made = PER_SEASON[kind](ty, pool, partial)
        for n, q in enumerate(choose(made, QUOTA[kind], usage, METRIC_CAP.get(kind)), start=1):
            where = {"match_id": q["match_id"]} if q.get("match_id") else {}
            questions.append(
                {
                    "question": q["question"],
                    "gold": q["gold"],
                    "kind": kind,
                    **where,
                    "id": f"blind5-{ID_PREFIX.get(kind, kind)}-{n:03d}",
                }
            )
    convs = conversations(ty, matches, partial, usage)
    return questions, convs, usage


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    questions, convs, usage = build(data_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (("questions.jsonl", questions), ("conversations.jsonl", convs)):
        (OUT / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    counts = collections.Counter(q["kind"] for q in questions)
    for kind in KINDS:
        print(f"{kind:18s} {counts[kind]:4d} / {QUOTA[kind]}")
    turns = collections.Counter(len(c["turns"]) for c in convs)
    print(f"{'followup':18s} {len(convs)} conversations ({dict(sorted(turns.items()))} by number of turns)")
    print(f"total questions {len(questions)}")
    print("clubs asked about (questions + conversations):", dict(sorted(usage.items())))
    print("rounds the data lacks a match in:", {c: [str(d[0]) for d in ds] for c, ds in sorted(MISSING.items())})


if __name__ == "__main__":
    main()
