#!/usr/bin/env python3
"""Build the second blind evaluation set (questions + gold) from the raw WhoScored season files only.

Written blind to how football_rag answers: it imports nothing from the project and reads only the
gzip'd WhoScored ``matchCentreData`` JSON under ../shared/data/season/premier-league-2025-26/whoscored/
(relative to the project root). It writes, deterministically (fixed seed, sorted inputs):

    configs/eval/blind/set2/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set2/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

Two thirds of the questions are the kinds the first blind set found weakest (men of the match,
rankings, goal minutes, a player's figures over a period, refusals, follow-ups), typed the way fans
type. Every definition is in configs/eval/blind/set2/README.md. Standard library only.
Run from anywhere: ``python3 scripts/blind2_eval_gold.py [DATA_DIR]``.
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
OUT = ROOT / "configs" / "eval" / "blind" / "set2"
SEED = 20261207

# Questions per kind: two thirds on the weak kinds, the rest spread over the others.
QUOTA = {
    "man_of_the_match": 40,
    "ranking": 45,
    "goal_minute": 40,
    "player_period": 40,
    "unknown_match": 20,
    "refusal": 15,
    "score": 9,
    "scorers": 9,
    "assister": 9,
    "team_stat": 9,
    "card_count": 9,
    "player_stat": 9,
    "player_leader": 9,
    "formation": 9,
    "referee": 9,
    "manager": 9,
    "team_period": 9,
}
ID_PREFIX = {"man_of_the_match": "motm"}
CONVERSATIONS = 46

# English names (Python does not set a locale unless asked, so these are the C locale's)
MONTHS = [name.lower() for name in calendar.month_name[1:]]
WEEKDAYS = [name.lower() for name in calendar.day_name]
WEEKDAY_SHORT = ["mon", "tues", "weds", "thurs", "fri", "sat", "sun"]

# How clubs are typed in chats (general football knowledge; written for this set).
# "city" / "united" / "utd" alone are used only when the other club is named (see Typist.club).
CLUB_TYPED = {
    "Arsenal": ["arsenal", "arsenal", "gunners", "arsneal", "the arsenal"],
    "Aston Villa": ["villa", "aston villa", "avfc", "the villans"],
    "Bournemouth": ["bournemouth", "cherries", "afcb", "bournemouth"],
    "Brentford": ["brentford", "the bees", "brentford"],
    "Brighton": ["brighton", "seagulls", "bha", "brighton"],
    "Burnley": ["burnley", "the clarets", "burnley"],
    "Chelsea": ["chelsea", "chelsea", "cfc", "chels"],
    "Crystal Palace": ["palace", "crystal palace", "cpfc", "the eagles"],
    "Everton": ["everton", "the toffees", "efc", "everton"],
    "Fulham": ["fulham", "fulham", "the cottagers"],
    "Leeds": ["leeds", "leeds utd", "lufc"],
    "Liverpool": ["liverpool", "lfc", "liverpool", "pool"],
    "Man City": ["man city", "city", "mcfc", "citeh", "manchester city"],
    "Man Utd": ["man utd", "united", "man united", "mufc", "utd", "the red devils"],
    "Newcastle": ["newcastle", "toon", "nufc", "the magpies"],
    "Nottingham Forest": ["forest", "nottm forest", "nffc", "notts forest"],
    "Sunderland": ["sunderland", "the black cats", "safc", "the mackems"],
    "Tottenham": ["spurs", "tottenham", "thfc", "spurs"],
    "West Ham": ["west ham", "the hammers", "whu", "west ham"],
    "Wolves": ["wolves", "wolverhampton", "wolves"],
}
ALONE_ONLY_WITH_OTHER = {"city", "united", "utd"}
UNITED_CLUBS = {"Leeds", "Newcastle", "West Ham", "Man Utd"}
# Players whose usual chat name is not their last name (general knowledge).
PLAYER_TYPED = {
    "Erling Haaland": ["haaland", "erling", "haaland"],
    "Mohamed Salah": ["salah", "mo salah", "salah"],
    "Igor Thiago": ["igor thiago", "thiago"],
    "João Pedro": ["joao pedro", "joão pedro"],
    "Bruno Guimarães": ["bruno g", "guimaraes", "bruno guimaraes"],
    "Bruno Fernandes": ["bruno fernandes", "bruno f", "bruno fernandes"],
    "Dominic Calvert-Lewin": ["dcl", "calvert-lewin", "calvert lewin"],
    "Morgan Gibbs-White": ["gibbs-white", "mgw", "gibbs white"],
    "Enzo Fernández": ["enzo fernandez", "enzo fernández"],
    "Jean-Philippe Mateta": ["mateta", "jp mateta"],
    "Hugo Ekitiké": ["ekitike", "ekitiké", "hugo ekitike"],
    "Gabriel Magalhães": ["gabriel magalhaes"],
    "Gabriel Martinelli": ["martinelli", "gabi martinelli"],
    "Viktor Gyökeres": ["gyokeres", "gyökeres"],
    "Matheus Cunha": ["matheus cunha"],
    "Lucas Paquetá": ["paqueta", "paquetá"],
    "Raúl Jiménez": ["raul jimenez", "raúl jiménez"],
    "Micky van de Ven": ["van de ven", "vdv"],
    "Jan Paul van Hecke": ["van hecke", "jp van hecke"],
    "Emile Smith Rowe": ["smith rowe", "esr"],
    "Kiernan Dewsbury-Hall": ["dewsbury-hall", "kdh"],
    "Callum Hudson-Odoi": ["hudson-odoi", "cho"],
    "Igor Jesus": ["igor jesus"],
    "Casemiro": ["casemiro"],
    "Richarlison": ["richarlison", "richy"],
    "Evanilson": ["evanilson"],
}
PARTICLES = {"van", "de", "da", "di", "dos", "der", "le", "el", "ter", "von", "du", "mac", "ten", "la"}
# Misspellings people make (only in words that are not what the gold names).
TYPOS = {
    "score": "socre",
    "scored": "scord",
    "against": "aginst",
    "minute": "minite",
    "what": "wat",
    "who": "woh",
    "highest": "highst",
    "rated": "rtaed",
    "player": "palyer",
    "goals": "goasl",
    "assists": "assits",
    "season": "seaosn",
    "tackles": "tackels",
    "december": "decemeber",
    "november": "novemeber",
    "october": "octobr",
    "september": "septmber",
    "january": "janaury",
    "referee": "referre",
    "manager": "manger",
    "formation": "fromation",
    "corners": "corenrs",
    "many": "mnay",
    "when": "wehn",
    "game": "gmae",
    "table": "tabel",
    "most": "mots",
    "league": "leauge",
    "yellow": "yelow",
    "christmas": "chrismas",
    "they": "tehy",
}
OPENERS = [
    "",
    "",
    "",
    "",
    "quick one ",
    "mate ",
    "random q but ",
    "settle an argument ",
    "cant remember ",
    "hey ",
    "need this for fantasy ",
    "my mate reckons otherwise but ",
    "sorry if dumb q ",
    "yo ",
]
CLOSERS = ["", "", "", "", "", " cheers", " pls", " ta", " ??", " anyone", " thx", " lol"]


def poss(typed: str) -> str:
    """Return the possessive as typed in chats, without the apostrophe ("arsenals", "wolves")."""
    return typed if typed.endswith("s") else typed + "s"


def manager_gold(name: str) -> str:
    """Return what every usual naming of the manager contains: WhoScored gives some legal names
    ("Marco Alexandre Saraiva da Silva"), whose last word is in every usual naming ("Marco Silva")."""
    return name.split()[-1] if len(name.split()) > 3 else name


# ------------------------------------------------------------------------------------------ periods
def periods() -> list[tuple[str, list[str], object]]:
    """Return the periods asked about: (key, ways fans say it, predicate on a match date)."""
    month_says = {
        8: ["in august", "in aug", "during august", "in the first month of the season"],
        9: ["in september", "in sept", "during september", "in sep"],
        10: ["in october", "in oct", "during october", "over october"],
        11: ["in november", "in nov", "during november", "over the month of november"],
        12: ["in december", "in dec", "during december", "over december"],
    }
    out = [(f"2025-{m:02d}", says, lambda d, m=m: d.year == 2025 and d.month == m) for m, says in month_says.items()]
    out += [
        ("2026-01", ["in january", "in jan", "in jan 2026"], lambda d: d.year == 2026 and d.month == 1),
        (
            "pre-xmas",
            ["before christmas", "up to christmas", "b4 xmas", "pre christmas"],
            lambda d: d < dt.date(2025, 12, 25),
        ),
        (
            "since-dec",
            ["since the start of december", "since dec 1st", "from 1/12 onwards", "since 1 december"],
            lambda d: d >= dt.date(2025, 12, 1),
        ),
        (
            "to-oct",
            ["up to the end of october", "before november", "till the end of oct"],
            lambda d: d <= dt.date(2025, 10, 31),
        ),
        (
            "sep-oct",
            ["in september and october", "across sept and oct", "in sep + oct"],
            lambda d: dt.date(2025, 9, 1) <= d <= dt.date(2025, 10, 31),
        ),
        ("2025", ["in 2025", "in calendar year 2025", "in the 2025 part of the season"], lambda d: d.year == 2025),
        ("all", ["so far", "this season", "this szn", "so far this season", "all season"], lambda d: True),
    ]
    return out


# ------------------------------------------------------------------------------------------- typing
class Typist:
    """Writes questions the way people type them into a chat box (seeded)."""

    def __init__(self, rng: random.Random, matches: list[dict]):
        self.rng = rng
        pairs = collections.Counter(frozenset((m["home"], m["away"])) for m in matches)
        self.twice = {p for p, n in pairs.items() if n > 1}
        self.played_on = collections.defaultdict(set)
        for m in matches:
            self.played_on[m["date"]] |= {m["home"], m["away"]}
        self.known_as = collections.defaultdict(set)
        for m in matches:
            for p in m["players"].values():
                tokens = plain(p["name"]).split()
                for key in {tokens[0], tokens[-1], self._surname(p["name"])}:
                    self.known_as[key].add(p["name"])
        clubs = {plain(w) for names in CLUB_TYPED.values() for typed in names for w in typed.split()}
        self.club_words = clubs

    def pick(self, options: list):
        """Return one of ``options`` (seeded)."""
        return self.rng.choice(options)

    def club(self, name: str, other: str | None = None) -> str:
        """Return a way to type the club ("city"/"united"/"utd" alone only when ``other`` is named too)."""
        options = list(CLUB_TYPED[name])
        if other is None or (name == "Man Utd" and other in UNITED_CLUBS):
            options = [o for o in options if o not in ALONE_ONLY_WITH_OTHER]
        return self.pick(options)

    def bare_club(self, name: str, other: str | None = None) -> str:
        """Return a way to type the club that reads after "for"/"which" (no leading "the")."""
        options = [o for o in CLUB_TYPED[name] if not o.startswith("the ")]
        if other is None or (name == "Man Utd" and other in UNITED_CLUBS):
            options = [o for o in options if o not in ALONE_ONLY_WITH_OTHER]
        return self.pick(options)

    @staticmethod
    def _surname(name: str) -> str:
        tokens = name.split()
        for i, tok in enumerate(tokens[1:], start=1):
            if tok.lower() in PARTICLES:
                return plain(" ".join(tokens[i:]))
        return plain(tokens[-1])

    def player(self, name: str) -> str:
        """Return how a fan types the player: a known short name, the surname if nobody else has it, else the name."""
        if name in PLAYER_TYPED:
            return self.pick(PLAYER_TYPED[name])
        surname = self._surname(name)
        clash = self.known_as[surname] - {name} or surname in self.club_words
        if clash or self.rng.random() < 0.15:
            return plain(name)
        return surname

    def date(self, day: dt.date) -> str:
        """Return the date typed one of the many ways people write it."""
        d, mo, wd = day.day, day.month, day.weekday()
        nth = f"{d}{'th' if 10 <= d <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
        mname = MONTHS[mo - 1]
        options = [
            f"{d}/{mo}",
            f"{mname[:3]} {nth}",
            f"{nth} {mname[:3]}",
            f"{WEEKDAY_SHORT[wd]} {nth} {mname[:3]}",
            f"{mname} {d}",
            f"{d}/{mo}/{day.year % 100}",
            f"{WEEKDAYS[wd]} {d} {mname}",
            f"the {nth} of {mname}",
            f"{d:02d}.{mo:02d}.{day.year}",
            f"{d}-{mo}-{day.year}",
        ]
        if (mo, d) == (12, 26):
            options += ["boxing day"] * 4
        if (mo, d) == (1, 1):
            options += ["new years day"] * 4
        if mo == 10 and d in (25, 26):
            options += ["the last weekend of october"] * 3
        return self.pick(options)

    def when(self, m: dict, force: bool = False) -> str:
        """Return " on <date>" (always when the pair met twice in the data or ``force``, now and then otherwise)."""
        if force or frozenset((m["home"], m["away"])) in self.twice or self.rng.random() < 0.3:
            return self.pick([" on ", " on ", " ", " back on "]) + self.date(m["date"])
        return ""

    def fixture(self, m: dict, force_date: bool = False) -> str:
        """Return the match typed as a pair of clubs ("spurs v chelsea on sat 6th dec"), mostly home first."""
        a, b = (m["home"], m["away"]) if self.rng.random() < 0.8 else (m["away"], m["home"])
        sep = self.pick([" v ", " vs ", " vs ", " - ", " v ", " x ", " vs. "])
        return f"{self.club(a, b)}{sep}{self.club(b, a)}{self.when(m, force_date)}"

    def versus(self, m: dict, side: str) -> str:
        """Return "v villa" / "against villa at home" / "vs villa on 6/12" for one side's match."""
        opp, me = m[OTHER[side]], m[side]
        text = self.pick(["v ", "vs ", "against ", "agst ", "against "]) + self.club(opp, me)
        if frozenset((me, opp)) in self.twice and self.rng.random() < 0.4:
            return text + (" at home" if side == "home" else self.pick([" away", " away from home", " on the road"]))
        return text + self.when(m)

    def typed(self, text: str, chatter: bool = True) -> str:
        """Return ``text`` as typed: an opener or closer and an odd typo now and then, mostly no capitals or '?'."""
        words = text.split(" ")
        if chatter and self.rng.random() < 0.18:
            hits = [i for i, w in enumerate(words) if w in TYPOS]
            if hits:
                i = self.pick(hits)
                words[i] = TYPOS[words[i]]
        text = " ".join(words)
        if chatter:
            text = self.pick(OPENERS) + text + self.pick(CLOSERS)
        r = self.rng.random()
        if r < 0.1:
            text = text[0].upper() + text[1:] + "?"
        elif r < 0.25:
            text += "?"
        return text.strip()


# ---------------------------------------------------------------------------- weak kinds: one match
def motm_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a man-of-the-match question: the match's (or one team's) highest WhoScored rating, clear at one decimal.

    None when the match does not allow it.
    """
    if i % 4 == 3:
        side = ty.pick(SIDES)
        best = top_rated(m, side)
        if not best:
            return None
        t = ty.bare_club(m[side], m[OTHER[side]])
        q = ty.pick(
            [
                f"who was best on the pitch for {t} {ty.versus(m, side)}",
                f"{t} best player {ty.versus(m, side)}",
                f"highest rated {t} player {ty.versus(m, side)}",
                f"who was {poss(t)} standout {ty.versus(m, side)}",
                f"which {t} player got the best rating {ty.versus(m, side)}",
            ]
        )
    else:
        best = top_rated(m, None)
        if not best:
            return None
        fx = ty.fixture(m)
        q = ty.pick(
            [
                f"motm {fx}",
                f"who was motm in {fx}",
                f"best player {fx}",
                f"who was the standout in {fx}",
                f"highest rated player {fx} on whoscored",
                f"player of the match {fx}",
                f"who was best on the pitch in {fx}",
                f"whos the top rated player from {fx}",
                f"i watched {fx} who was the best player according to the ratings",
                f"who got the highest rating in {fx}",
                f"star man {fx}",
                f"{fx} who was man of the match",
                f"who stood out most in {fx} going by ratings",
            ]
        )
    return {"question": ty.typed(q), "gold": [best], "match_id": m["id"]}


def goal_minute_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a goal-minute question: a player's only goal, a team's first or last goal, the winner, the equaliser.

    None when the match does not allow it.
    """
    if not m["goals_agree"] or not m["goals"]:
        return None
    goals = m["goals"]
    form = i % 5
    q = gold = None
    if form == 0:
        cands = [g for g in goals if not g["own"] and sum(x["pid"] == g["pid"] for x in goals if not x["own"]) == 1]
        if cands:
            g = ty.pick(cands)
            side = g["side"]
            p = ty.player(g["scorer"])
            q = ty.pick(
                [
                    f"what min did {p} score {ty.versus(m, side)}",
                    f"{p} scored {ty.versus(m, side)} - when",
                    f"when was {poss(p)} goal in {ty.fixture(m)}",
                    f"what minute did {p} get his goal {ty.versus(m, side)}",
                    f"{p} goal minute {ty.fixture(m)}",
                    f"at what point in the game did {p} score {ty.versus(m, side)}",
                ]
            )
            gold = [g["minute"]] if not g["stoppage"] else None
    elif form == 1:
        side = ty.pick(SIDES)
        mine = [g for g in goals if g["side"] == side]
        if mine and not mine[0]["own"] and not mine[0]["stoppage"]:
            t = ty.bare_club(m[side], m[OTHER[side]])
            q = ty.pick(
                [
                    f"what minute did {t} score first {ty.versus(m, side)}",
                    f"{t} first goal {ty.versus(m, side)} what min",
                    f"when did {t} get their first {ty.versus(m, side)}",
                    f"what minute did {t} break the deadlock {ty.versus(m, side)}",
                ]
            )
            if mine[0] is not goals[0] and "deadlock" in q:
                q = None
            gold = [mine[0]["minute"]]
    elif form == 2:
        side = ty.pick(SIDES)
        mine = [g for g in goals if g["side"] == side]
        if len(mine) >= 2 and not mine[-1]["own"] and not mine[-1]["stoppage"]:
            t = ty.bare_club(m[side], m[OTHER[side]])
            q = ty.pick(
                [
                    f"when did {t} get their last goal {ty.versus(m, side)}",
                    f"{poss(t)} final goal {ty.versus(m, side)} what minute",
                    f"what time was {poss(t)} last goal {ty.versus(m, side)}",
                ]
            )
            gold = [mine[-1]["minute"]]
    elif form == 3:
        w = winner_side(m)
        # the winner only where the margin is one goal: the winning side's last goal
        if w and abs(m["hs"] - m["as"]) == 1:
            g = [g for g in goals if g["side"] == w][-1]
            if not g["own"] and not g["stoppage"]:
                t = ty.bare_club(m[w], m[OTHER[w]])
                if ty.rng.random() < 0.35:
                    q = ty.pick(
                        [
                            f"who got the winner in {ty.fixture(m)} and when",
                            f"who scored the winning goal {ty.fixture(m)} what minute",
                        ]
                    )
                    gold = [g["scorer"], g["minute"]]
                else:
                    q = ty.pick(
                        [
                            f"when was the winner in {ty.fixture(m)}",
                            f"what minute did {t} get the winning goal {ty.versus(m, w)}",
                            f"winning goal {ty.fixture(m)} what min",
                            f"what time did {t} score the winner {ty.versus(m, w)}",
                        ]
                    )
                    gold = [g["minute"]]
    else:
        score, levels = [0, 0], []
        for g in goals:
            score[SIDES.index(g["side"])] += 1
            if score[0] == score[1]:
                levels.append(g)
        if len(levels) == 1 and not levels[0]["own"] and not levels[0]["stoppage"]:
            g = levels[0]
            t = ty.bare_club(m[g["side"]], m[OTHER[g["side"]]])
            q = ty.pick(
                [
                    f"when did {t} equalise {ty.versus(m, g['side'])}",
                    f"what time was the equaliser in {ty.fixture(m)}",
                    f"{ty.fixture(m)} equaliser minute",
                    f"what minute did {t} draw level {ty.versus(m, g['side'])}",
                ]
            )
            gold = [g["minute"]]
    if q and gold:
        return {"question": ty.typed(q), "gold": gold, "match_id": m["id"]}
    return None


TABLE_DATES = [
    ("at christmas", ["at christmas", "on christmas day", "at xmas"], dt.date(2025, 12, 24)),
    ("nye", ["on new years eve", "going into 2026", "at the turn of the year"], dt.date(2025, 12, 31)),
    ("end-nov", ["at the end of november", "going into december", "on 1st december"], dt.date(2025, 11, 30)),
    ("oct-break", ["at the october international break", "during the october int break"], dt.date(2025, 10, 10)),
    ("end-aug", ["at the end of august", "after the august games"], dt.date(2025, 8, 31)),
    ("end-sep", ["at the end of september", "going into october"], dt.date(2025, 9, 30)),
]


def table_questions(ty: Typist, matches: list[dict]) -> list[dict]:
    """Return table questions on a date: who was top / bottom, the top four, where a club stood."""
    out = []
    for _, says, last in TABLE_DATES:
        table = positions(matches, lambda d, last=last: d <= last)
        keys = [k for _, k in table]
        w = ty.pick(says)
        if keys[0] != keys[1] and club_gold(table[0][0]):
            out.append(
                {
                    "question": ty.pick(
                        [f"who was top of the league {w}", f"who was top {w}", f"which team led the table {w}"]
                    ),
                    "gold": [club_gold(table[0][0])],
                }
            )
        if keys[-1] != keys[-2] and club_gold(table[-1][0]):
            out.append(
                {
                    "question": ty.pick(
                        [f"who was bottom {w}", f"which team was rock bottom {w}", f"who was last in the table {w}"]
                    ),
                    "gold": [club_gold(table[-1][0])],
                }
            )
        top4 = [t for t, _ in table[:4]]
        if keys[3] != keys[4] and all(club_gold(t) for t in top4):
            out.append(
                {
                    "question": ty.pick(
                        [
                            f"top four {w}",
                            f"who was in the top 4 {w}",
                            f"which teams were in the champions league places {w}",
                        ]
                    ),
                    "gold": [club_gold(t) for t in top4],
                }
            )
        for pos, (team, key) in enumerate(table, start=1):
            if keys.count(key) == 1 and ty.rng.random() < 0.12:
                out.append(
                    {
                        "question": ty.pick(
                            [
                                f"where were {ty.club(team)} in the table {w}",
                                f"what position were {ty.club(team)} {w}",
                                f"{ty.club(team)} league position {w}",
                            ]
                        ),
                        "gold": [str(pos)],
                    }
                )
    return out


def ranking_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return ranking questions: period leaders (ties up to 2), top 3 / top 5 lists, table positions on a date."""
    out = []
    player_says = {
        "goals": [
            "top scorer {w}",
            "who scored the most {w}",
            "who had the most goals {w}",
            "leading scorer {w}",
            "who was banging them in {w} most goals",
        ],
        "assists": [
            "most assists {w}",
            "who got the most assists {w}",
            "top assist guy {w}",
            "who was the top provider {w} assists",
        ],
        "shots": ["who had the most shots {w}", "most shots by a player {w}", "which player shot the most {w}"],
        "key passes": [
            "most key passes {w}",
            "who created the most chances {w}",
            "which player had most key passes {w}",
        ],
        "tackles": ["who made the most tackles {w}", "most tackles {w}", "top tackler {w}"],
    }
    team_says = {
        "wins": (["which team won most games {w}", "most wins {w}", "who won the most {w}"], 1),
        "points": (["who got the most points {w}", "best team on points {w}", "which side took most points {w}"], 1),
        "goals": (["best attack {w}", "which team scored the most {w}", "highest scoring side {w}"], 1),
        "clean sheets": (["most clean sheets {w}", "which team kept the most clean sheets {w}"], 1),
        "conceded": (["fewest goals conceded {w}", "meanest defence {w}", "who let in the fewest {w}"], -1),
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
            out.append({"question": ty.pick(phr).format(w=ty.pick(says)), "gold": top})
            ranked = sorted(((c[metric], n) for n, c in prec.items()), reverse=True)
            ranked_all = sorted(((c[metric], n) for n, c in prec_all.items()), reverse=True)
            if metric in ("goals", "assists") and ty.rng.random() < 0.5:
                n = ty.pick([3, 5])
                if ranked[n - 1][0] != ranked[n][0] and ranked[: n + 1] == ranked_all[: n + 1]:
                    word = {3: ty.pick(["top 3", "top three"]), 5: ty.pick(["top 5", "top five"])}[n]
                    q = (
                        ty.pick([f"{word} scorers {{w}}", f"who were the {word} goalscorers {{w}}"])
                        if metric == "goals"
                        else ty.pick([f"{word} for assists {{w}}", f"{word} assisters {{w}}"])
                    )
                    out.append({"question": q.format(w=ty.pick(says)), "gold": sorted(nm for _, nm in ranked[:n])})
        trec, trec_all = team_table(matches, keep), team_table(matches + partial, keep)
        for metric, (phr, sign) in team_says.items():
            best = max(sign * c[metric] for c in trec.values())
            top = sorted(t for t, c in trec.items() if sign * c[metric] == best)
            best_all = max(sign * c[metric] for c in trec_all.values())
            if top != sorted(t for t, c in trec_all.items() if sign * c[metric] == best_all):
                continue
            if len(top) <= 2 and all(club_gold(t) for t in top):
                out.append({"question": ty.pick(phr).format(w=ty.pick(says)), "gold": [club_gold(t) for t in top]})
    out += table_questions(ty, matches)
    ty.rng.shuffle(out)
    return [{"question": ty.typed(q["question"]), "gold": q["gold"]} for q in out]


def player_period_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return questions on a player's goals, assists or shots over a period (never 0, partial-proof)."""
    combos = []
    for key, says, keep in periods():
        rec, rec_all = player_table(matches, keep), player_table(matches + partial, keep)
        for name, c in rec.items():
            for metric, floor in (("goals", 2), ("assists", 2), ("shots", 8)):
                if c[metric] >= floor and c[metric] == rec_all[name][metric]:
                    combos.append((name, key, tuple(says), metric, c[metric]))
    combos.sort()
    ty.rng.shuffle(combos)
    out, used = [], collections.Counter()
    for name, key, says, metric, value in combos:
        if used[name] or used[key] >= 5 or used[metric] >= {"goals": 18, "assists": 12, "shots": 10}[metric]:
            continue
        p, w = ty.player(name), ty.pick(list(says))
        q = ty.pick(
            {
                "goals": [
                    f"how many goals has {p} got {w}",
                    f"{p} goals {w}",
                    f"how many did {p} score {w}",
                    f"hows {p} doing for goals {w}",
                    f"what's {poss(p)} goal tally {w}",
                ],
                "assists": [
                    f"{p} assists {w}",
                    f"how many assists did {p} get {w}",
                    f"how many goals did {p} set up {w}",
                ],
                "shots": [
                    f"how many shots did {p} take {w}",
                    f"{p} total shots {w}",
                    f"how many times did {p} shoot {w}",
                ],
            }[metric]
        )
        out.append({"question": ty.typed(q), "gold": [str(value)]})
        used[name] += 1
        used[key] += 1
        used[metric] += 1
    return out


# ------------------------------------------------------------------------------------------- refusals
NOT_IN_LEAGUE = [
    "leicester",
    "southampton",
    "ipswich",
    "luton",
    "sheff utd",
    "leeds rhinos",
    "celtic",
    "rangers",
    "real madrid",
    "barca",
    "psg",
    "bayern",
    "juve",
    "inter miami",
    "wrexham",
    "west brom",
    "stoke",
    "norwich",
    "boro",
    "coventry",
    "ajax",
    "benfica",
]
ELSEWHERE_PLAYERS = [
    "messi",
    "mbappe",
    "harry kane",
    "jude bellingham",
    "lewandowski",
    "vinicius jr",
    "yamal",
    "kylian mbappe",
    "ronaldo",
    "neymar",
    "jamie vardy",
    "trent alexander-arnold",
]


def unknown_match_questions(ty: Typist, matches: list[dict]) -> list[dict]:
    """Return questions on matches the data does not hold: outside clubs, other seasons, days neither club played."""
    out = []
    clubs = sorted(CLUB_TYPED)
    for i in range(8):
        a = NOT_IN_LEAGUE[(i * 3) % len(NOT_IN_LEAGUE)]
        b = ty.club(ty.pick(clubs)) if i % 2 else NOT_IN_LEAGUE[(i * 3 + 1) % len(NOT_IN_LEAGUE)]
        q = ty.pick(
            [
                f"{a} v {b} score",
                f"who won {b} vs {a}",
                f"who scored when {a} played {b}",
                f"motm {a} {b} last week",
                f"how many shots did {a} have v {b}",
                f"{a} vs {b} ref",
            ]
        )
        out.append({"question": ty.typed(q), "gold": []})
    for year, what in (
        (2019, "the fa cup final"),
        (2022, "the world cup final"),
        (2023, "the league cup final"),
        (2024, "the champions league final"),
    ):
        out.append(
            {
                "question": ty.typed(
                    ty.pick([f"who scored in {what} {year}", f"score in {what} {year}", f"motm {what} {year}"])
                ),
                "gold": [],
            }
        )
    # pairs of league clubs on days the data has neither of them playing (international breaks, midweeks)
    free = (
        "2025-09-06",
        "2025-10-11",
        "2025-11-15",
        "2025-11-16",
        "2025-12-25",
        "2025-10-12",
        "2025-09-07",
        "2025-11-14",
    )
    days = [dt.date.fromisoformat(d) for d in free]
    combos = [(a, b, d) for a in clubs for b in clubs if a < b for d in days]
    ty.rng.shuffle(combos)
    for a, b, d in combos:
        if len(out) >= QUOTA["unknown_match"] + 4:
            break
        if {a, b} & ty.played_on[d]:
            continue
        fx = f"{ty.club(a, b)} {ty.pick(['v', 'vs', '-'])} {ty.club(b, a)} {ty.pick(['on', ''])} {ty.date(d)}"
        q = ty.pick(
            [
                f"result {fx}",
                f"who scored in {fx}",
                f"who was motm {fx}",
                f"when was the first goal {fx}",
                f"how did {fx} finish",
            ]
        )
        out.append({"question": ty.typed(" ".join(q.split())), "gold": []})
    return out


def refusal_questions(ty: Typist, matches: list[dict]) -> list[dict]:
    """Return questions on what the data cannot know: fees, wages, injuries, the future, players not in it."""
    squad_names = {plain(p["name"]) for m in matches for p in m["players"].values()}
    elsewhere = [p for p in ELSEWHERE_PLAYERS if not any(p in n or n.endswith(" " + p) for n in squad_names)]
    club = lambda: ty.club(ty.pick(sorted(CLUB_TYPED)))  # noqa: E731
    out = [
        f"how much did {club()} pay for their last signing",
        f"whats the transfer fee for {ty.player('Bukayo Saka')} if he left",
        f"is {ty.player('Erling Haaland')} injured",
        "who will win the league this year",
        "who's going to get relegated",
        "best team in europe right now",
        f"how much does {ty.player('Mohamed Salah')} earn a week",
        f"when is {poss(club())} next game",
        f"will {club()} sack their manager",
        "who will win the champions league",
        f"predict the score for {club()} next weekend",
        f"how many goals did {elsewhere[0]} score this season",
        f"how many assists has {elsewhere[1]} got this season",
        f"was {elsewhere[2]} motm in any prem game this season",
        f"how many goals did {elsewhere[3]} get in december",
        f"whats the injury news at {club()}",
    ]
    return [{"question": ty.typed(q), "gold": []} for q in out]


# -------------------------------------------------------------------------------- the other kinds
def score_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a score question: "X v Y ft", "how did X do v Y", "did X win against Y".

    None when the match does not allow it.
    """
    form = ty.rng.randrange(3)
    if form == 0:
        q, gold = (
            ty.pick(
                [
                    f"whats the score from {ty.fixture(m)}",
                    f"{ty.fixture(m)} ft",
                    f"{ty.fixture(m)} how did it end",
                    f"final score of {ty.fixture(m)} pls",
                ]
            ),
            [m["score"]],
        )
    else:
        side = ty.pick(SIDES)
        t, o = ty.club(m[side], m[OTHER[side]]), ty.club(m[OTHER[side]], m[side])
        if form == 1:
            q, gold = (
                ty.pick([f"how did {t} get on against {o}{ty.when(m)}", f"how did {t} do v {o}{ty.when(m)}"]),
                [m["score"]],
            )
        else:
            w = winner_side(m)
            q = ty.pick([f"did {t} win against {o}{ty.when(m)}", f"did {t} lose to {o}{ty.when(m)}"])
            yes = (w == side) if "win" in q else (w == OTHER[side])
            gold = ["yes" if yes else "no", m["score"]]
    return {"question": ty.typed(q), "gold": gold, "match_id": m["id"]}


def scorers_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on all scorers of the match or of one side (no own goal in the match).

    None when the match does not allow it.
    """
    if not m["goals_agree"] or not m["goals"] or any(g["own"] for g in m["goals"]):
        return None
    side = ty.pick([None, "home", "away"])
    names = list(dict.fromkeys(g["scorer"] for g in m["goals"] if side is None or g["side"] == side))
    if not names:
        return None
    if side is None:
        q = ty.pick(
            [f"scorers in {ty.fixture(m)}", f"who got the goals {ty.fixture(m)}", f"{ty.fixture(m)} goalscorers pls"]
        )
    else:
        t = ty.bare_club(m[side], m[OTHER[side]])
        q = ty.pick(
            [
                f"who scored {poss(t)} goals {ty.versus(m, side)}",
                f"{t} scorers {ty.versus(m, side)}",
                f"who found the net for {t} {ty.versus(m, side)}",
            ]
        )
    return {"question": ty.typed(q), "gold": names, "match_id": m["id"]}


def assister_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on who set up a player's only goal of the match.

    None when the match does not allow it.
    """
    if not m["goals_agree"]:
        return None
    cands = [
        g for g in m["goals"] if g["assister"] and sum(x["pid"] == g["pid"] and not x["own"] for x in m["goals"]) == 1
    ]
    if not cands:
        return None
    g = ty.pick(cands)
    p = ty.player(g["scorer"])
    q = ty.pick(
        [
            f"who laid on {poss(p)} goal {ty.versus(m, g['side'])}",
            f"assist for {p} {ty.versus(m, g['side'])}",
            f"who provided the assist when {p} scored {ty.versus(m, g['side'])}",
        ]
    )
    return {"question": ty.typed(q), "gold": [g["assister"]], "match_id": m["id"]}


def team_stat_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a side's shots, shots on target, corners, fouls or offsides (counted = WhoScored's total).

    None when the match does not allow it.
    """
    words = {
        "shots": ["shots", "attempts"],
        "shots on target": ["shots on target", "shots on goal"],
        "corners": ["corners"],
        "fouls": ["fouls"],
        "offsides": ["offsides"],
    }
    stat = list(words)[i % len(words)]
    side = ty.pick(SIDES)
    value = m["team"][side].get(stat, 0)
    if value < 1:
        return None
    t = ty.bare_club(m[side], m[OTHER[side]])
    q = ty.pick(
        [
            f"{t} {ty.pick(words[stat])} count {ty.versus(m, side)}",
            f"how many {ty.pick(words[stat])} did {t} manage {ty.versus(m, side)}",
            f"what was {poss(t)} {ty.pick(words[stat])} tally {ty.versus(m, side)}",
        ]
    )
    return {"question": ty.typed(q), "gold": [str(value)], "match_id": m["id"]}


def card_count_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a side's yellow cards, for a side with no second yellow, red or staff card.

    None when the match does not allow it.
    """
    side = ty.pick(SIDES)
    c = m["cards"][side]
    if c["staff"] or c["SecondYellow"] or c["Red"] or c["Yellow"] < 1:
        return None
    t = ty.bare_club(m[side], m[OTHER[side]])
    q = ty.pick(
        [
            f"how many {t} players got booked {ty.versus(m, side)}",
            f"{t} yellows {ty.versus(m, side)}",
            f"how many cards did {t} pick up {ty.versus(m, side)}",
            f"were many {t} lads booked {ty.versus(m, side)} how many",
        ]
    )
    return {"question": ty.typed(q), "gold": [str(c["Yellow"])], "match_id": m["id"]}


def player_stat_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a player's shots, key passes, tackles, interceptions, clearances, dribbles or saves.

    None when the match does not allow it.
    """
    order = ["shots", "key passes", "tackles", "interceptions", "clearances", "dribbles", "saves", "shots on target"]
    words = {"dribbles": "successful dribbles", "key passes": "key passes", "shots on target": "shots on target"}
    stat = order[i % len(order)]
    cands = sorted(
        (p["name"], p["side"], p["counts"][stat]) for p in m["players"].values() if p["counts"].get(stat, 0) >= 2
    )
    if not cands:
        return None
    name, side, value = ty.pick(cands)
    p = ty.player(name)
    w = words.get(stat, stat)
    q = ty.pick(
        [
            f"how many {w} for {p} {ty.versus(m, side)}",
            f"{p} {w} {ty.versus(m, side)} how many",
            f"number of {w} {p} had {ty.versus(m, side)}",
        ]
    )
    return {"question": ty.typed(q), "gold": [str(value)], "match_id": m["id"]}


def player_leader_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on the player(s) with the most shots / key passes / tackles / interceptions (ties up to 2).

    None when the match does not allow it.
    """
    order = ["shots", "key passes", "tackles", "interceptions"]
    stat = order[i % len(order)]
    pool = list(m["players"].values())
    defs = TACKLE_DEFS if stat == "tackles" else (stat,)
    if any(d not in p["counts"] for p in pool for d in defs):
        return None
    found = leaders([{p["name"]: p["counts"][d] for p in pool} for d in defs])
    if not found or found[1] < 2 or len(found[0]) > 2:
        return None
    top = found[0]
    q = ty.pick(
        [
            f"who led {ty.fixture(m)} for {stat}",
            f"top for {stat} in {ty.fixture(m)}",
            f"which player racked up the most {stat} in {ty.fixture(m)}",
        ]
    )
    return {"question": ty.typed(q), "gold": top, "match_id": m["id"]}


def formation_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on a side's starting formation.

    None when the match does not allow it.
    """
    side = ty.pick(SIDES)
    t = ty.bare_club(m[side], m[OTHER[side]])
    q = ty.pick(
        [
            f"how did {t} line up {ty.versus(m, side)} formation wise",
            f"{t} starting shape {ty.versus(m, side)}",
            f"did {t} play a back 3 or 4 {ty.versus(m, side)} whats the formation",
        ]
    )
    return {"question": ty.typed(q), "gold": [m["formation"][side]], "match_id": m["id"]}


def referee_question(ty: Typist, m: dict, i: int) -> dict | None:
    """Return a question on the match referee; None when the file names none."""
    if not m["referee"]:
        return None
    q = ty.pick(
        [
            f"who had the whistle for {ty.fixture(m)}",
            f"ref {ty.fixture(m)}",
            f"which ref did {ty.fixture(m)}",
            f"who was officiating {ty.fixture(m)}",
        ]
    )
    return {"question": ty.typed(q), "gold": [m["referee"]], "match_id": m["id"]}


def manager_questions(ty: Typist, matches: list[dict]) -> list[dict]:
    """Return questions on a side's manager in one match, six on caretakers or replaced managers first."""
    spells = collections.defaultdict(list)
    for m in matches:
        for side in SIDES:
            spells[m[side]].append((m, side))
    changed, steady = [], []
    for _team, ms in sorted(spells.items()):
        by_manager = collections.defaultdict(list)
        for m, side in ms:
            by_manager[m["manager"][side]].append((m, side))
        if len(by_manager) > 1:
            changed += [ty.pick(spell) for _, spell in sorted(by_manager.items())]
        else:
            steady.append(ty.pick(ms))
    ty.rng.shuffle(changed)
    ty.rng.shuffle(steady)
    chosen = changed[:6] + steady
    out = []
    for m, side in chosen:
        name = m["manager"][side]
        t = ty.bare_club(m[side], m[OTHER[side]])
        q = ty.pick(
            [
                f"who was {t} gaffer {ty.versus(m, side)}",
                f"who was managing {t} {ty.versus(m, side)}",
                f"{t} head coach {ty.versus(m, side)}",
            ]
        )
        out.append({"question": ty.typed(q), "gold": [manager_gold(name)], "match_id": m["id"]})
    return out


def team_period_questions(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return questions on a team's points, wins, goals, goals let in or clean sheets over a period (partial-proof)."""
    combos = []
    for key, says, keep in periods():
        rec, rec_all = team_table(matches, keep), team_table(matches + partial, keep)
        for team, r in rec.items():
            for metric in ("points", "wins", "goals", "conceded", "clean sheets"):
                if r[metric] >= 1 and r[metric] == rec_all[team][metric]:
                    combos.append((team, key, tuple(says), metric, r[metric]))
    combos.sort()
    ty.rng.shuffle(combos)
    out, used = [], collections.Counter()
    for team, _key, says, metric, value in combos:
        if used[team] or used[metric] >= 2:
            continue
        t, w = ty.club(team), ty.pick(list(says))
        q = {
            "points": f"points tally for {t} {w}",
            "wins": f"how many games have {t} won {w}",
            "goals": f"how many have {t} scored {w}",
            "conceded": f"how many goals have {t} let in {w}",
            "clean sheets": f"{t} shutouts {w}",
        }[metric]
        out.append({"question": ty.typed(q), "gold": [str(value)]})
        used[team] += 1
        used[metric] += 1
    return out


# ------------------------------------------------------------------------------------- follow-ups
def conversations(ty: Typist, matches: list[dict], partial: list[dict]) -> list[dict]:
    """Return two- and three-turn conversations whose later turns lean on earlier ones ("they", "he", "that game")."""
    out = []
    by_pair = collections.defaultdict(list)
    for m in matches:
        by_pair[frozenset((m["home"], m["away"]))].append(m)

    def turn(q: str, gold: list[str], m: dict | None = None, first: bool = False) -> dict:
        t = {"question": ty.typed(q, chatter=first), "gold": gold}
        if m:
            t["match_id"] = m["id"]
        return t

    # the return fixture, then that game's scorers or referee
    for pair in sorted(by_pair, key=sorted):
        first, second = sorted(by_pair[pair], key=lambda m: m["date"])[:2] if len(by_pair[pair]) > 1 else (None, None)
        if not first:
            continue
        turns = [
            turn(
                ty.pick([f"{ty.fixture(first, True)} score", f"how did {ty.fixture(first, True)} go"]),
                [first["score"]],
                first,
                True,
            ),
            turn(
                ty.pick(
                    [
                        "and the return fixture",
                        "what about the reverse fixture",
                        "and when they played again",
                        "what about the second meeting",
                    ]
                ),
                [second["score"]],
                second,
            ),
        ]
        if (
            second["goals"]
            and second["goals_agree"]
            and not any(g["own"] for g in second["goals"])
            and ty.rng.random() < 0.6
        ):
            turns.append(
                turn(
                    ty.pick(
                        ["and who scored in the return", "who scored in that one", "who got the goals in that game"]
                    ),
                    list(dict.fromkeys(g["scorer"] for g in second["goals"])),
                    second,
                )
            )
        elif second["referee"]:
            turns.append(turn(ty.pick(["who reffed that one", "and the ref that day"]), [second["referee"]], second))
        out.append(turns)

    pool = [m for m in matches if m["goals_agree"]]
    ty.rng.shuffle(pool)
    forms = ["motm_he", "they_sot", "scorers_first", "assist", "ref_mgr_shape", "cards"]
    for i, m in enumerate(pool):
        form = forms[i % len(forms)]
        side = ty.pick(SIDES)
        t, o = ty.bare_club(m[side], m[OTHER[side]]), ty.club(m[OTHER[side]], m[side])
        turns = None
        if form == "motm_he":
            best = top_rated(m, None)
            if best:
                p = next(p for p in m["players"].values() if p["name"] == best)
                nxt = ("shots", "how many shots did he have") if p["counts"].get("shots", 0) >= 1 else None
                turns = [
                    turn(
                        ty.pick([f"who was motm in {ty.fixture(m, True)}", f"best player {ty.fixture(m, True)}"]),
                        [best],
                        m,
                        True,
                    )
                ]
                if nxt:
                    turns.append(turn(nxt[1], [str(p["counts"]["shots"])], m))
                else:
                    turns.append(turn("and what was the score in that game", [m["score"]], m))
        elif form == "they_sot":
            if m["team"][side].get("shots on target", 0) >= 1 and m["team"][side].get("corners", 0) >= 1:
                w = winner_side(m)
                turns = [
                    turn(f"did {t} beat {o}{ty.when(m, True)}", ["yes" if w == side else "no", m["score"]], m, True),
                    turn(
                        ty.pick(["how many shots on target did they have", "and their shots on target"]),
                        [str(m["team"][side]["shots on target"])],
                        m,
                    ),
                    turn(
                        ty.pick(["and corners", "how many corners did they win"]), [str(m["team"][side]["corners"])], m
                    ),
                ]
        elif form == "scorers_first":
            if m["goals"] and not any(g["own"] for g in m["goals"]) and not m["goals"][0]["stoppage"]:
                turns = [
                    turn(f"{ty.fixture(m, True)} result", [m["score"]], m, True),
                    turn(
                        ty.pick(["and who got on the scoresheet", "scorers?"]),
                        list(dict.fromkeys(g["scorer"] for g in m["goals"])),
                        m,
                    ),
                    turn(
                        ty.pick(["when did the scoring start", "what min was the first one"]),
                        [m["goals"][0]["minute"]],
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
                p = ty.player(g["scorer"])
                turns = [
                    turn(f"when did {p} score {ty.versus(m, g['side'])}", [g["minute"]], m, True),
                    turn(ty.pick(["who assisted it", "who set him up", "and the assist"]), [g["assister"]], m),
                ]
        elif form == "ref_mgr_shape":
            if m["referee"]:
                name = m["manager"][side]
                turns = [
                    turn(f"who was the ref for {ty.fixture(m, True)}", [m["referee"]], m, True),
                    turn(f"and who was {t} manager that day", [manager_gold(name)], m),
                    turn(
                        ty.pick(["what formation did they start with", "and their starting formation"]),
                        [m["formation"][side]],
                        m,
                    ),
                ]
        else:
            c = m["cards"][side]
            if not (c["staff"] or c["SecondYellow"] or c["Red"]) and c["Yellow"] >= 1:
                turns = [
                    turn(f"{ty.fixture(m, True)} score", [m["score"]], m, True),
                    turn(f"how many yellows did {t} get in that game", [str(c["Yellow"])], m),
                ]
        if turns:
            out.append(turns)
        if len(out) >= CONVERSATIONS - 8:
            break

    # a player's figures over a period, then the next month, then his assists
    months = [
        ("2025-10", "in october", "and in november", "2025-11"),
        ("2025-11", "in november", "what about december", "2025-12"),
        ("2025-09", "in september", "and october", "2025-10"),
        ("2025-12", "in december", "and january", "2026-01"),
    ]
    pdefs = {k: keep for k, _, keep in periods()}
    asked = set()
    for j in range(8):
        a_key, a_say, b_say, b_key = months[j % len(months)]
        ra, rb = player_table(matches, pdefs[a_key]), player_table(matches, pdefs[b_key])
        cands = sorted(
            n
            for n, c in ra.items()
            if c["goals"] >= 2 and rb[n]["goals"] >= 1 and rb[n]["assists"] >= 1 and n not in asked
        )
        if not cands:
            continue
        name = cands[(j * 7) % len(cands)]
        asked.add(name)
        p = ty.player(name)
        out.append(
            [
                turn(f"how many goals did {p} score {a_say}", [str(ra[name]["goals"])], first=True),
                turn(b_say, [str(rb[name]["goals"])]),
                turn(
                    ty.pick(["and assists that month", "how many assists did he get then"]), [str(rb[name]["assists"])]
                ),
            ]
        )
    return [{"id": f"blind2-followup-{n:03d}", "kind": "followup", "turns": t} for n, t in enumerate(out, start=1)]


# ------------------------------------------------------------------------------------------- main
# one question (or None) from one match, for each kind asked match by match
PER_MATCH = {
    "man_of_the_match": motm_question,
    "goal_minute": goal_minute_question,
    "score": score_question,
    "scorers": scorers_question,
    "assister": assister_question,
    "team_stat": team_stat_question,
    "card_count": card_count_question,
    "player_stat": player_stat_question,
    "player_leader": player_leader_question,
    "formation": formation_question,
    "referee": referee_question,
}
# every candidate question of a kind, from the whole season
PER_SEASON = {
    "manager": lambda ty, matches, partial: manager_questions(ty, matches),
    "unknown_match": lambda ty, matches, partial: unknown_match_questions(ty, matches),
    "refusal": lambda ty, matches, partial: refusal_questions(ty, matches),
    "ranking": ranking_questions,
    "player_period": player_period_questions,
    "team_period": team_period_questions,
}


def distinct(made: list[dict]) -> list[dict]:
    """Return the questions in order, without a second question on the same match or with the same text."""
    seen: set[str] = set()
    kept = []
    for q in made:
        keys = {q.get("match_id") or q["question"], q["question"]}
        if not keys & seen:
            kept.append(q)
        seen |= keys
    return kept


def build(data_dir: Path) -> tuple[list[dict], list[dict]]:
    """Return the questions and the conversations, computed from the match files in ``data_dir``."""
    loaded = [read_match(p) for p in sorted(data_dir.glob("*.json.gz"))]
    matches = sorted((m for m in loaded if m["complete"]), key=lambda m: (m["date"], m["id"]))
    partial = [m for m in loaded if not m["complete"]]
    rng = random.Random(SEED)
    ty = Typist(rng, matches)
    questions = []
    for kind, quota in QUOTA.items():
        pool = list(matches)
        rng.shuffle(pool)
        if kind in PER_MATCH:
            made = [q for i, m in enumerate(pool) if (q := PER_MATCH[kind](ty, m, i))]
        else:
            made = PER_SEASON[kind](ty, pool, partial)
        for n, q in enumerate(distinct(made)[:quota], start=1):
            where = {"match_id": q["match_id"]} if q.get("match_id") else {}
            questions.append(
                {
                    "question": q["question"],
                    "gold": q["gold"],
                    "kind": kind,
                    **where,
                    "id": f"blind2-{ID_PREFIX.get(kind, kind)}-{n:03d}",
                }
            )
    return questions, conversations(ty, matches, partial)


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    questions, convs = build(data_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (("questions.jsonl", questions), ("conversations.jsonl", convs)):
        (OUT / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    counts = collections.Counter(q["kind"] for q in questions)
    for kind in QUOTA:
        print(f"{kind:18s} {counts[kind]:4d} / {QUOTA[kind]}")
    turns = collections.Counter(len(c["turns"]) for c in convs)
    print(f"{'followup':18s} {len(convs)} conversations ({dict(sorted(turns.items()))} by number of turns)")
    print(f"total questions {len(questions)}")


if __name__ == "__main__":
    main()
