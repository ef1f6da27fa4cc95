#!/usr/bin/env python3
"""Build the sixth blind evaluation set (questions + gold) from the raw WhoScored season files only.

Written blind to how football_rag answers: it imports nothing from the project, only the shared raw-match reader
``scripts/whoscored_gold.py``, and reads the gzip'd WhoScored ``matchCentreData`` JSON under
../shared/data/season/premier-league-2025-26/whoscored/ (relative to the project root). It writes, deterministically
(fixed seed, sorted inputs):

    configs/eval/blind/set6/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set6/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

18 questions for each of 17 kinds and 40 follow-up conversations. Each kind means what it means in the fifth set
(scripts/blind5_eval_gold.py); every wording, club spelling, date format and padding here is new. A kind is a table
of templates (``{club}``, ``{vs}``, ``{player}`` ... filled per question) rather than code per wording. The partial
capture 1903275 is never asked about, and a season question is kept only when its gold is the same with and without
it. The data lacks a few league matches (a club absent from a round, ``absent_rounds``): a period or table question
is asked only where those matches could not change its gold. Standard library only.
Run from anywhere: ``python3 scripts/blind6_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

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
OUT = ROOT / "configs" / "eval" / "blind" / "set6"
SEED = 6_071207_2026
QUOTA = 18
CONVERSATIONS = 40
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
# The fifth set asked about nearly every match, the third and fourth about all but these: they go first.
LESS_ASKED = frozenset(
    (
        "1903122",
        "1903124",
        "1903126",
        "1903128",
        "1903136",
        "1903152",
        "1903153",
        "1903159",
        "1903164",
        "1903167",
        "1903181",
        "1903182",
        "1903186",
        "1903194",
        "1903197",
        "1903199",
        "1903205",
        "1903210",
        "1903215",
        "1903217",
        "1903234",
        "1903235",
        "1903259",
        "1903279",
        "1903293",
        "1903375",
        "1903484",
        "1903492",
        "1903494",
        "1903496",
    )
)
# Periods and tables stop here: after it the data holds a single match (31 Jan), so every club lacks rounds.
LAST_DAY = dt.date(2026, 1, 7)

# How fans write each club (general football knowledge, new for this set): full and clipped names, TV codes, fan
# abbreviations, nicknames only one league club has, "fc" or not, slips. "city"/"united" alone need the other club.
CLUBS = {
    "Arsenal": ["arsenal", "ARS", "the arsenal", "Arsenal FC", "arsnal", "gunners", "arsenl"],
    "Aston Villa": ["aston villa", "villa", "AVL", "avfc", "aston vila", "Villa FC", "a. villa"],
    "Bournemouth": ["bournemouth", "BOU", "afc bournemouth", "b'mouth", "bournemoth", "AFCB"],
    "Brentford": ["brentford", "BRE", "brentford fc", "brenford", "the bees", "Brentford F.C"],
    "Brighton": ["brighton", "BHA", "brighton and hove albion", "brighton hove", "brigton", "the gulls", "B&HA"],
    "Burnley": ["burnley", "BUR", "burnley fc", "clarets", "burnly", "Burnley F.C."],
    "Chelsea": ["chelsea", "CHE", "chelsea fc", "chelski", "chelsee", "CFC"],
    "Crystal Palace": ["crystal palace", "palace", "CRY", "cpfc", "the eagles", "crystal palce", "c. palace"],
    "Everton": ["everton", "EVE", "efc", "everton fc", "evertn", "toffeemen"],
    "Fulham": ["fulham", "FUL", "fulham fc", "fulhum", "the cottagers", "Fulham F.C"],
    "Leeds": ["leeds", "LEE", "leeds united", "leeds utd", "leds utd", "LUFC"],
    "Liverpool": ["liverpool", "LIV", "lfc", "liverpol", "pool", "liverpool fc"],
    "Man City": ["man city", "MCI", "manchester city", "mcfc", "man citeh", "city", "Man. City"],
    "Man Utd": ["man united", "MUN", "manchester united", "mufc", "man utd", "man u", "united"],
    "Newcastle": ["newcastle", "NEW", "nufc", "newcastle utd", "newcastel", "the toon"],
    "Nottingham Forest": ["nottingham forest", "forest", "NFO", "nffc", "nottm forest", "nottingham forrest"],
    "Sunderland": ["sunderland", "SUN", "safc", "sunderland afc", "sunderlnd", "black cats"],
    "Tottenham": ["tottenham", "TOT", "spurs", "tottenham hotspur", "THFC", "totenham"],
    "West Ham": ["west ham", "WHU", "whufc", "west ham utd", "the hammers", "westham"],
    "Wolves": ["wolves", "WOL", "wolverhampton", "wwfc", "wolvs", "wolverhampton wanderers"],
}
NEEDS_OTHER = {"city", "united"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]  # fmt: skip
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

PAD_BEFORE = [""] * 16 + [
    "yo ",
    "quick one, ",
    "settle a bet: ",
    "heyy ",
    "sorry to bother, ",
    "right so ",
    "random but ",
    "my mate reckons i'm wrong - ",
    "question: ",
    "help!! ",
    "morning! ",
    "for my fantasy team, ",
]
PAD_AFTER = [""] * 12 + [
    " thx",
    " cheers",
    " 🤔",
    " 👀",
    " 🔥",
    " lol",
    " x",
    " please and thank you",
    " ta",
    " ⚽",
    " ...",
    " !!",
    " i forgot",
    " 🙃",
]
STATEMENTS = ["i want {q}", "remind me {q}", "{q} - need this", "curious {q}", "can u tell me {q}", "dying to know {q}"]
# slips that would make a rude word are not typed
RUDE = {"cunt", "shit", "fuck", "tits", "arse", "piss", "cock", "twat"}
SWAPS = {"you": "u", "are": "r", "please": "pls", "because": "cos", "what": "wat", "score": "scoer", "minute": "min"}


# ------------------------------------------------------------------------------------ rounds the data lacks
# The league's rounds up to LAST_DAY as date windows; a club absent from a window has a match the data lacks there.
ROUNDS = [
    ("2025-08-15", "2025-08-18"), ("2025-08-22", "2025-08-25"), ("2025-08-30", "2025-08-31"),
    ("2025-09-13", "2025-09-14"), ("2025-09-20", "2025-09-21"), ("2025-09-27", "2025-09-29"),
    ("2025-10-03", "2025-10-05"), ("2025-10-18", "2025-10-20"), ("2025-10-24", "2025-10-26"),
    ("2025-11-01", "2025-11-03"), ("2025-11-08", "2025-11-09"), ("2025-11-22", "2025-11-24"),
    ("2025-11-29", "2025-11-30"), ("2025-12-02", "2025-12-04"), ("2025-12-06", "2025-12-08"),
    ("2025-12-13", "2025-12-15"), ("2025-12-20", "2025-12-22"), ("2025-12-26", "2025-12-28"),
    ("2025-12-30", "2026-01-01"), ("2026-01-03", "2026-01-04"), ("2026-01-06", "2026-01-08"),
]  # fmt: skip


def absent_rounds(matches: list[dict]) -> dict[str, list[tuple[dt.date, dt.date]]]:
    """Return, per club, the (first, last) day of every round it has no match in the data for."""
    out = collections.defaultdict(list)
    clubs = {m[s] for m in matches for s in SIDES}
    for a, b in ROUNDS:
        lo, hi = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
        present = {m[s] for m in matches if lo <= m["date"] <= hi for s in SIDES}
        for club in clubs - present:
            out[club].append((lo, hi))
    return dict(out)


class Period:
    """A closed span of days, with the ways a fan types it; ``lacks(club)`` counts the club's rounds missing in it."""

    def __init__(self, first: dt.date, last: dt.date, says: list[str], absent: dict) -> None:
        self.first, self.last, self.says, self.absent = first, last, says, absent

    def __call__(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def lacks(self, club: str) -> int:
        """Return how many of the club's rounds the data lacks that overlap the period."""
        return sum(lo <= self.last and hi >= self.first for lo, hi in self.absent.get(club, []))


def make_periods(absent: dict) -> list[Period]:
    """Return the periods asked about, every bound exact (the question states it)."""
    d = dt.date
    spans = [
        (d(2025, 8, 1), d(2025, 8, 31), ["in august", "during aug 2025", "over the month of august", "aug '25"]),
        (d(2025, 9, 1), d(2025, 9, 30), ["in september", "during sep", "for sept 2025", "the month of september"]),
        (d(2025, 10, 1), d(2025, 10, 31), ["in october", "over oct", "during october 2025", "octobers games"]),
        (d(2025, 11, 1), d(2025, 11, 30), ["in november", "nov 2025", "over the month of nov", "during novmeber"]),
        (d(2025, 12, 1), d(2025, 12, 31), ["in december", "dec 2025", "over december", "during the month of dec"]),
        (d(2025, 11, 1), d(2025, 12, 14), ["from 1 nov to 14 dec", "between nov 1st and dec 14th", "1/11 - 14/12"]),
        (d(2025, 8, 1), d(2025, 12, 25), ["up to christmas", "before xmas day", "from the start till 25 dec"]),
        (
            d(2025, 8, 15),
            d(2025, 10, 23),
            ["in the first 10 weeks (15 aug to 23 oct)", "in the opening ten weeks, 15/8 to 23/10"],
        ),
        (d(2025, 9, 1), d(2025, 10, 31), ["between 1 september and 31 october", "sept + oct", "over sep and oct"]),
        (d(2025, 12, 20), d(2026, 1, 4), ["over the festive period (20 dec to 4 jan)", "20th dec thru 4th jan"]),
        (d(2025, 8, 1), d(2025, 12, 31), ["in calendar 2025", "in all of the 2025 games", "up to 31/12/2025"]),
        (d(2025, 8, 1), d(2025, 9, 30), ["in the first two months (aug and sept)", "aug + sep 2025"]),
    ]
    return [Period(a, b, says, absent) for a, b, says in spans]


# ------------------------------------------------------------------------------------------- typing
class Thumbs:
    """Writes text the way it is thumbed into a phone (seeded): names of clubs, players and days, and slips."""

    def __init__(self, rng: random.Random, matches: list[dict]) -> None:
        self.rng = rng
        met = collections.Counter(frozenset((m["home"], m["away"])) for m in matches)
        self.met_twice = {p for p, n in met.items() if n > 1}
        self.by_surname = collections.defaultdict(set)
        self.by_first = collections.defaultdict(set)
        for m in matches:
            for p in m["players"].values():
                words = plain(p["name"]).split()
                self.by_surname[words[-1]].add(p["name"])
                self.by_first[words[0]].add(p["name"])
        self.keep_whole = {plain(w) for names in CLUBS.values() for n in names for w in n.split()}
        self.keep_whole |= set(self.by_surname) | set(self.by_first) | set(MONTHS) | set(DAYS)
        self.keep_whole |= {m[:3] for m in MONTHS} | {"xmas", "boxing", "sept", "motm", "fc", "utd", "ref"}

    def pick(self, options: list):
        """Return one of ``options`` (seeded)."""
        return self.rng.choice(options)

    def maybe(self, p: float) -> bool:
        """Return True with probability ``p`` (seeded)."""
        return self.rng.random() < p

    def club(self, name: str, other: str | None = None) -> str:
        """Return one way to write the club ("city"/"united" alone only beside the other club, not Man Utd's
        neighbours in name)."""
        options = CLUBS[name]
        if other is None or other in ("Man City", "Man Utd", "Leeds", "Newcastle", "West Ham"):
            options = [o for o in options if o not in NEEDS_OTHER]
        typed = self.pick(options)
        return typed.lower() if typed.isupper() and typed not in ("NEW", "SUN") and self.maybe(0.3) else typed

    def poss(self, typed: str) -> str:
        """Return the possessive as typed ("spurs'", "wolves", "villas", "chelsea's")."""
        if typed.endswith("s"):
            return typed + self.pick(["'", "", "'s"])
        return typed + self.pick(["'s", "s", "'s", "’s"])

    def player(self, name: str) -> str:
        """Return the player as typed: surname alone if no one else has it, else first name + surname, no accents."""
        words = plain(name).split()
        full = " ".join(words)
        if len(words) == 1:
            return full
        clubby = any(words[-1] in plain(n).split() for names in CLUBS.values() for n in names)
        if self.by_surname[words[-1]] == {name} and len(words[-1]) > 3 and not clubby:
            return words[-1] if self.maybe(0.6) else full
        return full

    def day(self, d: dt.date) -> str:
        """Return the date written one of many ways (a number order always marked when both could be a month)."""
        n, mo = d.day, d.month
        th = "th" if 10 <= n <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        mon, wd = MONTHS[mo - 1], DAYS[d.weekday()]
        both = n <= 12
        options = [
            f"{mon[:3]} {n}{th}",
            f"the {n}{th} of {mon}",
            f"{wd} {n} {mon[:3]}",
            f"{n} {mon} {d.year}",
            f"{wd[:3]} {n}{th} {mon[:3]}",
            f"{mon.capitalize()} {n}",
            f"{n}{th} {mon[:3]}",
            f"{n}/{mo}" + (" (dd/mm)" if both else ""),
            f"{mo}/{n}" + (" (mm/dd)" if both else ""),
            f"{n}.{mo:02d}.{str(d.year)[2:]}" + (" day first" if both else ""),
        ]
        if (mo, n) == (12, 26):
            options += ["boxing day", "boxing day 2025"]
        if (mo, n) == (1, 1):
            options += ["new years day", "new year's day 2026"]
        if (mo, n) == (12, 30):
            options += ["the 30th (dec)"]
        return self.pick(options)

    def on(self, m: dict, must: bool = False) -> str:
        """Return " on <date>" when the pair met twice or ``must``, now and then otherwise, else ""."""
        if must or frozenset((m["home"], m["away"])) in self.met_twice or self.maybe(0.3):
            how = self.pick([" on ", " ", " (", ", "])
            return how + self.day(m["date"]) + (")" if how == " (" else "")
        return ""

    def game(self, m: dict, home_first: bool = False, must_date: bool = False) -> str:
        """Return the match as two clubs, home first mostly (always for a score), away first now and then."""
        away_first = not home_first and self.maybe(0.25)
        a, b = (m["away"], m["home"]) if away_first else (m["home"], m["away"])
        join = " at " if away_first and self.maybe(0.5) else self.pick([" v ", " vs ", " - ", " x ", " vs. ", " n "])
        if join == " n ":
            join = " and "
        return f"{self.club(a, b)}{join}{self.club(b, a)}{self.on(m, must_date)}"

    def against(self, m: dict, side: str, must_date: bool = False) -> str:
        """Return how one side's match is named from its point of view ("v forest", "away to forest", "hosting x")."""
        o = self.club(m[OTHER[side]], m[side])
        if side == "away" and self.maybe(0.3):
            head = self.pick(["away to ", "away at ", "@ ", "on the road at "])
        elif side == "home" and self.maybe(0.3):
            head = self.pick(["at home to ", "hosting ", "home vs "])
        else:
            head = self.pick(["v ", "vs ", "against ", "agianst ", "playing ", "vs. "])
        return head + o + self.on(m, must_date)

    def slip(self, word: str) -> str:
        """Return the word with one thumb slip (neighbour letters swapped or a letter lost)."""
        if len(word) < 5 or not word.isalpha():
            return word
        i = self.rng.randrange(1, len(word) - 2)
        if self.maybe(0.5) and word[i] != word[i + 1]:
            slipped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            slipped = word[:i] + word[i + 1 :]
        return word if slipped.lower() in RUDE else slipped

    def dress(self, text: str, padded: bool = True) -> str:
        """Return ``text`` as sent: a slip, a short form, a statement, padding, odd capitals (seeded)."""
        words = text.split(" ")
        soft = [i for i, w in enumerate(words) if w.isalpha() and w.lower() not in self.keep_whole and len(w) >= 5]
        if soft and self.maybe(0.4):
            i = self.pick(soft)
            words[i] = self.slip(words[i])
        short = [i for i, w in enumerate(words) if w in SWAPS]
        if short and self.maybe(0.35):
            i = self.pick(short)
            words[i] = SWAPS[words[i]]
        text = " ".join(words)
        if padded:
            if self.maybe(0.12) and not text.startswith(("who", "what", "how", "did", "when", "which", "was")):
                text = self.pick(STATEMENTS).format(q=text)
            text = self.pick(PAD_BEFORE) + text + self.pick(PAD_AFTER)
        r = self.rng.random()
        if r < 0.12:
            text = text[:1].upper() + text[1:]
        elif r < 0.16:
            text = text.upper()
        elif r < 0.2:
            text = "".join(c.upper() if i % 7 == 0 else c for i, c in enumerate(text))
        elif r < 0.45 and text[-1:].isalnum():
            text += self.pick(["?", "??", " ?", "?!"])
        return " ".join(text.split())


def minute(goal: dict) -> str:
    """Return the goal's minute as its number string ("37" for 37')."""
    return goal["minute"].rstrip("'")


def boss(name: str) -> str:
    """Return what every usual naming of a manager contains (the surname of a legal name of four words or more)."""
    return name.split()[-1] if len(name.split()) > 3 else name


def only_goal(m: dict, g: dict) -> bool:
    """Return whether ``g`` is its scorer's only goal of the match, not an own goal and not in stoppage time."""
    return not g["own"] and not g["stoppage"] and sum(x["pid"] == g["pid"] and not x["own"] for x in m["goals"]) == 1


# ----------------------------------------------------------------------------------- one-match kinds
# Each returns (templates, gold, clubs) or None; templates are filled with the fields of ``fields``.
def fields(th: Thumbs, m: dict, side: str, player: str | None = None) -> dict:
    """Return the fillers of a template: the match, the side, its opponent and maybe a player."""
    me = th.club(m[side], m[OTHER[side]])
    out = {"game": th.game(m), "score_game": th.game(m, home_first=True), "club": me, "clubs": th.poss(me)}
    out["vs"] = th.against(m, side)
    if player:
        p = th.player(player)
        out |= {"p": p, "ps": th.poss(p)}
    return out


def k_score(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on the full-time score, or who won (the winner's gold word and the score)."""
    if i % 3 == 2:
        w = winner_side(m)
        if w and club_gold(m[w]):
            return (
                ["{score_game} who came out on top", "who took the 3 pts in {score_game}"],
                [club_gold(m[w]), m["score"]],
                "home",
            )
        return None
    return (
        [
            "{score_game} how'd it end",
            "wat was the final score {score_game}",
            "{score_game} ft?",
            "score from {score_game}",
            "how did {score_game} go",
            "{score_game} end result",
            "what was the scoreline in {score_game}",
        ],
        [m["score"]],
        "home",
    )


def k_scorers(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on every scorer of the match or of one side (no own goal)."""
    if not m["goals_agree"] or not m["goals"] or any(g["own"] for g in m["goals"]):
        return None
    side = th.pick(["both", "home", "away"])
    names = list(dict.fromkeys(g["scorer"] for g in m["goals"] if side == "both" or g["side"] == side))
    if not names:
        return None
    if side == "both":
        return (
            [
                "goals in {game}, who got them",
                "{game} goalscorers",
                "list the scorers {game}",
                "who found the net in {game}",
            ],
            names,
            "home",
        )
    return (
        [
            "who got {clubs} goals {vs}",
            "{club} scorers {vs}",
            "{club} {vs} - who scored for them",
            "which of {clubs} lot scored {vs}",
        ],
        names,
        side,
    )


def k_goal_minute(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on the minute of a player's only goal, or of the match's first goal."""
    if not m["goals_agree"] or not m["goals"]:
        return None
    if i % 2 == 0:
        cands = [g for g in m["goals"] if only_goal(m, g)]
        if not cands:
            return None
        g = th.pick(cands)
        return (
            [
                "{ps} goal {vs} was in which minute",
                "when did {p} score {vs}",
                "{p} scored {vs}, what min",
                "time of {ps} goal {vs}",
            ],
            [minute(g)],
            g["side"],
            g["scorer"],
        )
    first = m["goals"][0]
    if first["stoppage"]:
        return None
    return (
        [
            "when was the first goal in {game}",
            "{game} - minute of the opening goal",
            "how early was the opener in {game}",
            "{game} first goal came when",
        ],
        [minute(first)],
        "home",
    )


def k_assister(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on who set up a player's only goal of the match."""
    if not m["goals_agree"]:
        return None
    cands = [g for g in m["goals"] if g["assister"] and only_goal(m, g)]
    if not cands:
        return None
    g = th.pick(cands)
    return (
        [
            "who teed up {p} {vs}",
            "{ps} goal {vs} - who provided it",
            "who made the pass for {ps} goal {vs}",
            "assist for {p} {vs}?",
            "{p} goal {vs} was assisted by",
        ],
        [g["assister"]],
        g["side"],
        g["scorer"],
    )


TEAM_SAYS = {
    "shots": ["shots", "attempts", "efforts on goal"],
    "shots on target": ["shots on target", "efforts on target", "on target attempts"],
    "corners": ["corners", "corner kicks"],
    "fouls": ["fouls", "fouls committed"],
    "offsides": ["offsides", "times caught offside"],
}


def k_team_stat(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on a side's shots, shots on target, corners, fouls or offsides."""
    stat = list(TEAM_SAYS)[i % len(TEAM_SAYS)]
    side = th.pick(SIDES)
    value = m["team"][side].get(stat, 0)
    if value < 1:
        return None
    w = th.pick(TEAM_SAYS[stat])
    return (
        [
            f"{{clubs}} {w} {{vs}}",
            f"no. of {w} {{club}} had {{vs}}",
            f"{{club}} {{vs}} how many {w}",
            f"count of {w} for {{club}} {{vs}}",
        ],
        [str(value)],
        side,
    )


def k_card_count(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on a side's yellow cards (no red or staff card)."""
    side = th.pick(SIDES)
    c = m["cards"][side]
    if c["staff"] or c["SecondYellow"] or c["Red"] or c["Yellow"] < 1:
        return None
    return (
        [
            "{clubs} yellow cards {vs}",
            "how many {club} players got booked {vs}",
            "{club} {vs} - no. of yellows",
            "bookings for {club} {vs}",
            "how many cautions did {club} pick up {vs}",
        ],
        [str(c["Yellow"])],
        side,
    )


PLAYER_SAYS = {
    "shots": ["shots", "attempts"],
    "key passes": ["key passes", "chances created (key passes)"],
    "tackles": ["tackles"],
    "interceptions": ["interceptions"],
    "clearances": ["clearances"],
    "dribbles": ["successful dribbles", "take-ons completed"],
    "saves": ["saves"],
    "shots on target": ["shots on target"],
}


def k_player_stat(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on a player's count of one stat (2 or more)."""
    stat = list(PLAYER_SAYS)[i % len(PLAYER_SAYS)]
    cands = sorted(
        (p["name"], p["side"], p["counts"][stat]) for p in m["players"].values() if p["counts"].get(stat, 0) >= 2
    )
    if not cands:
        return None
    name, side, value = th.pick(cands)
    w = th.pick(PLAYER_SAYS[stat])
    return (
        [f"{{ps}} {w} {{vs}}", f"how many {w} for {{p}} {{vs}}", f"{{p}} {{vs}}, {w}?", f"{w} by {{p}} {{vs}}"],
        [str(value)],
        side,
        name,
    )


def k_player_leader(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on the player(s), one or two, with the most of a stat in the match."""
    stat = ["shots", "key passes", "tackles", "interceptions"][i % 4]
    defs = TACKLE_DEFS if stat == "tackles" else (stat,)
    pool = list(m["players"].values())
    if any(d not in p["counts"] for p in pool for d in defs):
        return None
    found = leaders([{p["name"]: p["counts"][d] for p in pool} for d in defs])
    if not found or found[1] < 2 or len(found[0]) > 2:
        return None
    return (
        [
            f"which player had the most {stat} in {{game}}",
            f"{{game}} - top for {stat}?",
            f"most {stat} by anyone in {{game}}",
            f"who led the {stat} count in {{game}}",
        ],
        found[0],
        "home",
    )


def k_formation(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on a side's starting formation."""
    side = th.pick(SIDES)
    return (
        [
            "{clubs} system {vs}",
            "what shape did {club} line up in {vs}",
            "{club} {vs} formation",
            "how did {club} set up {vs} (formation)",
            "{club} lined up how {vs}",
        ],
        [m["formation"][side]],
        side,
    )


def k_referee(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on the referee."""
    if not m["referee"]:
        return None
    return (
        [
            "ref for {game}",
            "who had the whistle in {game}",
            "{game} who was the referee",
            "which ref did {game}",
            "official in charge of {game}",
        ],
        [m["referee"]],
        "home",
    )


def k_motm(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on the match's top-rated player (clear, flagged)."""
    best = top_rated(m, None)
    if not best:
        return None
    return (
        [
            "player of the match {game}",
            "{game} - who was the best on the pitch",
            "highest rated in {game}",
            "motm for {game}",
            "who was man of the match in {game}",
            "{game} star man?",
        ],
        [best],
        "home",
    )


def k_manager(th: Thumbs, m: dict, i: int) -> tuple | None:
    """Return the templates, gold and side on a side's manager that day."""
    side = th.pick(SIDES)
    name = m["manager"][side]
    if not name:
        return None
    return (
        [
            "who managed {club} {vs}",
            "{clubs} coach {vs}",
            "{club} manager {vs}",
            "who was in the {club} dugout {vs}",
            "who picked the {club} team {vs}",
        ],
        [boss(name)],
        side,
    )


PER_MATCH = {
    "score": k_score,
    "scorers": k_scorers,
    "goal_minute": k_goal_minute,
    "assister": k_assister,
    "team_stat": k_team_stat,
    "card_count": k_card_count,
    "player_stat": k_player_stat,
    "player_leader": k_player_leader,
    "formation": k_formation,
    "referee": k_referee,
    "man_of_the_match": k_motm,
    "manager": k_manager,
}


def match_questions(th: Thumbs, kind: str, matches: list[dict], managers_changed: set[str]) -> list[dict]:
    """Return one candidate question of the kind per match that allows one (seeded template and fillers)."""
    out = []
    for i, m in enumerate(matches):
        made = PER_MATCH[kind](th, m, i)
        if not made:
            continue
        templates, gold, side, *player = made
        f = fields(th, m, side, player[0] if player else None)
        # a manager question names the date when the club changed manager (the spell must be clear)
        if kind == "manager" and m[side] in managers_changed:
            f["vs"] = th.against(m, side, must_date=True)
        text = th.pick(templates).format(**f).replace("the the ", "the ")
        out.append({"question": th.dress(text), "gold": gold, "match_id": m["id"], "clubs": (m["home"], m["away"])})
    return out


# ---------------------------------------------------------------------------------- season kinds
def team_period_questions(th: Thumbs, matches: list[dict], partial: list[dict], periods: list[Period]) -> list[dict]:
    """Return a team's points, wins, draws, losses, goals, conceded or clean sheets over a period (never 0)."""
    says = {
        "points": ["{club} points {w}", "how many pts did {club} pick up {w}", "{clubs} points haul {w}"],
        "wins": ["{club} wins {w}", "how many games did {club} win {w}", "number of {club} victories {w}"],
        "draws": ["how many draws for {club} {w}", "{club} drew how many {w}"],
        "losses": ["{club} defeats {w}", "how many times did {club} lose {w}"],
        "goals": ["{club} goals scored {w}", "how many goals did {club} put away {w}", "{clubs} goal tally {w}"],
        "conceded": ["goals let in by {club} {w}", "how many did {club} ship {w}", "{club} goals against {w}"],
        "clean sheets": ["{club} shutouts {w}", "clean sheets kept by {club} {w}", "{clubs} clean sheet count {w}"],
    }
    out = []
    for per in periods:
        rec, rec_all = team_table(matches, per), team_table(matches + partial, per)
        for team in sorted(rec):
            if per.lacks(team):
                continue
            for metric, texts in says.items():
                value = rec[team][metric]
                if value >= 1 and value == rec_all[team][metric]:
                    c = th.club(team)
                    text = th.pick(texts).format(club=c, clubs=th.poss(c), w=th.pick(per.says))
                    out.append({"question": th.dress(text), "gold": [str(value)], "clubs": (team,), "metric": metric})
    return out


def clubs_of(matches: list[dict]) -> dict[str, set[str]]:
    """Return every club each player played for in the data."""
    out = collections.defaultdict(set)
    for m in matches:
        for p in m["players"].values():
            out[p["name"]].add(m[p["side"]])
    return out


def player_period_questions(th: Thumbs, matches: list[dict], partial: list[dict], periods: list[Period]) -> list[dict]:
    """Return a player's goals, assists, shots or key passes over a period (the data complete for his clubs)."""
    says = {
        "goals": ["{ps} goals {w}", "how many has {p} scored {w}", "{p} goal count {w}", "goals by {p} {w}"],
        "assists": ["{p} assists {w}", "how many goals did {p} set up {w}", "{ps} assist tally {w}"],
        "shots": ["{ps} total shots {w}", "how many shots did {p} take {w}"],
        "key passes": ["key passes {p} made {w}", "{p} key passes {w}"],
    }
    floors = {"goals": 2, "assists": 2, "shots": 9, "key passes": 7}
    every = clubs_of(matches)
    out = []
    for per in periods:
        rec, rec_all = player_table(matches, per), player_table(matches + partial, per)
        for name in sorted(rec):
            if any(per.lacks(c) for c in every[name]):
                continue
            for metric, floor in floors.items():
                value = rec[name][metric]
                if value >= floor and value == rec_all[name][metric]:
                    p = th.player(name)
                    text = th.pick(says[metric]).format(p=p, ps=th.poss(p), w=th.pick(per.says))
                    out.append(
                        {
                            "question": th.dress(text),
                            "gold": [str(value)],
                            "clubs": tuple(sorted(every[name])),
                            "metric": metric,
                        }
                    )
    return out


TABLE_DAYS = [
    (dt.date(2025, 9, 30), ["at the end of september", "on 30 sept"]),
    (dt.date(2025, 10, 19), ["after the games of 19 october", "after sun 19th oct"]),
    (dt.date(2025, 11, 30), ["on the last day of november", "at the end of nov (30/11)"]),
    (dt.date(2025, 12, 14), ["after the 14th dec games", "on 14 december"]),
    (dt.date(2025, 12, 25), ["on christmas day", "at xmas (25 dec)"]),
    (dt.date(2026, 1, 4), ["after the 4th of january", "on jan 4th 2026"]),
    (dt.date(2025, 10, 31), ["on halloween", "as of 31/10"]),
]


def ranking_questions(th: Thumbs, matches: list[dict], partial: list[dict], periods: list[Period]) -> list[dict]:
    """Return period leaders (one or two tied) and table places on a day, only where the lacking matches cannot matter.

    A player leader is asked only over a period no club lacks a match in; a team leader when no lacking match could
    lift another club level; a table place when no club's lacking matches (3 points each) could cross it.
    """
    out = []
    every = clubs_of(matches)
    player_says = {
        "goals": ["top goalscorer {w}", "who scored the most {w}", "leading scorer {w} pls"],
        "assists": ["who had the most assists {w}", "top assister {w}", "most assists {w}"],
        "shots": ["who took the most shots {w}"],
        "key passes": ["most key passes {w}, who", "who created the most chances (key passes) {w}"],
    }
    team_says = {
        "points": ["which team got the most points {w}", "best team {w} on points"],
        "goals": ["highest scoring club {w}", "which side scored the most {w}"],
        "wins": ["which club won the most games {w}"],
        "clean sheets": ["which team kept the most clean sheets {w}"],
    }
    for per in periods:
        clean = not any(per.lacks(c) for c in {m[s] for m in matches for s in SIDES})
        prec, prec_all = player_table(matches, per), player_table(matches + partial, per)
        for metric, texts in player_says.items():
            found = leaders([{n: c[metric] for n, c in prec.items()}])
            if not clean or not found or found[1] < 2 or len(found[0]) > 2:
                continue
            if (
                found != leaders([{n: c[metric] for n, c in prec_all.items()}])
                or min(c[metric] for c in prec.values()) < 0
            ):
                continue
            out.append(
                {
                    "question": th.pick(texts).format(w=th.pick(per.says)),
                    "gold": found[0],
                    "metric": metric,
                    "clubs": tuple(sorted({c for n in found[0] for c in every[n]})),
                }
            )
        trec, trec_all = team_table(matches, per), team_table(matches + partial, per)
        bump = {"points": 3, "goals": 6, "wins": 1, "clean sheets": 1}
        for metric, texts in team_says.items():
            best = max(c[metric] for c in trec.values())
            top = sorted(t for t, c in trec.items() if c[metric] == best)
            if len(top) > 2 or any(per.lacks(t) for t in top) or not all(club_gold(t) for t in top):
                continue
            if top != sorted(t for t, c in trec_all.items() if c[metric] == max(x[metric] for x in trec_all.values())):
                continue
            if any(c[metric] + bump[metric] * per.lacks(t) >= best for t, c in trec.items() if t not in top):
                continue
            out.append(
                {
                    "question": th.pick(texts).format(w=th.pick(per.says)),
                    "gold": [club_gold(t) for t in top],
                    "metric": "team " + metric,
                    "clubs": tuple(top),
                }
            )
    for last, says in TABLE_DAYS:
        keep = Period(dt.date(2025, 8, 1), last, [], periods[0].absent)
        table = positions(matches, keep)
        if table != positions(matches + partial, keep):
            continue
        pts = {t: k[0] for t, k in table}
        reach = {t: pts[t] + 3 * keep.lacks(t) for t in pts}
        sure = {t: all(pts[o] > reach[t] or reach[o] < pts[t] for o in pts if o != t) for t in pts}
        keys = [k for _, k in table]
        for place, (team, key) in enumerate(table, start=1):
            if keys.count(key) > 1 or not sure[team]:
                continue
            w = th.pick(says)
            if place in (1, 20) and club_gold(team):
                text = th.pick(
                    ["who was top of the league {w}", "who led the table {w}"]
                    if place == 1
                    else ["who was rock bottom {w}", "which club was last {w}"]
                ).format(w=w)
                out.append({"question": text, "gold": [club_gold(team)], "metric": "place", "clubs": (team,)})
            elif th.maybe(0.5):
                c = th.club(team)
                text = th.pick(
                    ["where were {c} in the table {w}", "{c} league position {w}", "what position were {c} {w}"]
                )
                out.append(
                    {"question": text.format(c=c, w=w), "gold": [str(place)], "metric": "place", "clubs": (team,)}
                )
    for q in out:
        q["question"] = th.dress(q["question"])
    return out


OUTSIDE_CLUBS = ["luton", "norwich city", "west brom", "boro", "hull city", "celtic", "rangers", "psg", "dortmund",
                 "napoli", "porto", "real madrid", "atletico", "galatasaray", "leicester", "southampton",
                 "sheffield wednesday", "wrexham", "plymouth", "blackburn"]  # fmt: skip
OTHER_MATCHES = [
    "the 2024 fa cup final",
    "arsenal v spurs back in 2019",
    "liverpool's ucl final in 2022",
    "the 2021 euros final at wembley",
    "man city v inter, the istanbul final",
    "the carabao cup final 2025",
]
# Days no two league clubs met (international breaks, Christmas): a pairing on them is a match that never was.
NO_LEAGUE_DAYS = [dt.date(2025, 9, 6), dt.date(2025, 10, 11), dt.date(2025, 11, 15), dt.date(2025, 12, 25),
                  dt.date(2025, 10, 12), dt.date(2025, 9, 7)]  # fmt: skip


def unknown_match_questions(th: Thumbs, matches: list[dict], partial: list[dict], periods: list[Period]) -> list[dict]:
    """Return questions on matches that do not exist in the data (nor, for league pairs on the day, in reality)."""
    out, clubs = [], sorted(CLUBS)
    asks = ["{g} score?", "who scored in {g}", "{g} - who was ref", "{g} motm", "how many corners in {g}", "{g} result"]
    for i in range(6):
        a = OUTSIDE_CLUBS[(3 * i) % len(OUTSIDE_CLUBS)]
        b = th.club(clubs[(7 * i + 3) % len(clubs)]) if i % 2 else OUTSIDE_CLUBS[(3 * i + 1) % len(OUTSIDE_CLUBS)]
        out.append({"question": th.pick(asks).format(g=f"{a} v {b}"), "gold": [], "clubs": ()})
    for what in OTHER_MATCHES:
        out.append({"question": th.pick(asks).format(g=what), "gold": [], "clubs": ()})
    # two league clubs on a day one of them played someone else (a real day, the wrong opponent)
    played = collections.defaultdict(set)
    for m in matches + partial:
        played[m["date"]] |= {m["home"], m["away"]}
    met = {(frozenset((m["home"], m["away"])), m["date"]) for m in matches + partial}
    pool = sorted(matches, key=lambda m: m["id"])
    th.rng.shuffle(pool)
    for m in pool[:4]:
        c = th.pick(sorted(set(CLUBS) - played[m["date"]] - {m["home"], m["away"]}) or clubs)
        if (frozenset((m["home"], c)), m["date"]) in met:
            continue
        g = f"{th.club(m['home'], c)} v {th.club(c, m['home'])} on {th.day(m['date'])}"
        out.append({"question": th.pick(asks).format(g=g), "gold": [], "clubs": (m["home"], c)})
    for d in NO_LEAGUE_DAYS:
        a, b = th.rng.sample(clubs, 2)
        join, when = th.pick(["v", "vs", "-"]), th.pick(["on ", "", "played on "])
        g = f"{th.club(a, b)} {join} {th.club(b, a)} {when}{th.day(d)}"
        out.append({"question": th.pick(asks).format(g=g), "gold": [], "clubs": (a, b)})
    for q in out:
        q["question"] = th.dress(q["question"])
    return out


def refusal_questions(th: Thumbs, matches: list[dict], partial: list[dict], periods: list[Period]) -> list[dict]:
    """Return questions the data cannot answer: pay, age, transfers, fitness, the future, other places and people."""
    c = lambda: th.club(th.pick(sorted(CLUBS)))  # noqa: E731
    texts = [
        f"what's {th.player('Bukayo Saka')} on a week",
        f"is {th.player('Alexander Isak')} fit for the weekend",
        f"who are {c()} signing in january",
        f"how tall is {th.player('Erling Haaland')}",
        f"when do {c()} play next",
        f"fancy {c()} to stay up?",
        f"{th.poss(c())} champions league group results",
        "who did we draw in the fa cup",
        f"how much did {c()} pay for their new striker",
        f"how old is {th.player('James Milner')}",
        "will the title go to the last day",
        f"who's {th.poss(c())} owner these days",
        f"ticket prices at {c()}",
        "how many goals has harry kane got for bayern this season",
        f"is {th.player('Marcus Rashford')} coming back to the prem",
        "best betting tips for saturday",
        "what did the manager say in the presser today",
        f"{c()} vs {c()} next season who wins",
        "how many la liga goals has lamine yamal got",
        "when does the january window shut",
    ]
    return [{"question": th.dress(t), "gold": [], "clubs": ()} for t in texts]


PER_SEASON = {
    "team_period": team_period_questions,
    "player_period": player_period_questions,
    "ranking": ranking_questions,
    "unknown_match": unknown_match_questions,
    "refusal": refusal_questions,
}
METRIC_CAP = {"team_period": 4, "player_period": 6, "ranking": 5}


# ------------------------------------------------------------------------------------------ choosing
def choose(cands: list[dict], usage: collections.Counter, asked: collections.Counter, cap: int | None) -> list[dict]:
    """Return QUOTA candidates, each time one on the clubs asked least so far (fresh matches first, seeded ties).

    Never two on one match or with one text within a kind; at most ``cap`` on one metric.
    """
    kept, seen, per_metric, here = [], set(), collections.Counter(), collections.Counter()
    for _ in range(QUOTA):
        ok = [
            (i, q)
            for i, q in enumerate(cands)
            if not ({q.get("match_id"), q["question"]} & seen) and not (cap and per_metric[q.get("metric")] >= cap)
        ]
        if not ok:
            break

        def weight(item):
            i, q = item
            cl = q["clubs"] or ("",)
            mid = q.get("match_id")
            worn = (asked[mid] + (mid not in LESS_ASKED)) if mid else 0
            return (max(here[c] for c in cl), worn, max(usage[c] for c in cl), i)

        _, q = min(ok, key=weight)
        kept.append(q)
        seen |= {q.get("match_id"), q["question"]} - {None}
        per_metric[q.get("metric")] += 1
        here.update(q["clubs"])
        usage.update(q["clubs"])
        if q.get("match_id"):
            asked[q["match_id"]] += 1
    return kept


# -------------------------------------------------------------------------------------- follow-ups
def conversations(
    th: Thumbs, matches: list[dict], usage: collections.Counter, asked: collections.Counter
) -> list[dict]:
    """Return 2- and 3-turn conversations whose later turns lean on the earlier ones ("and them?", "who got it")."""
    pool = sorted((m for m in matches if m["goals_agree"]), key=lambda m: m["id"])
    th.rng.shuffle(pool)
    pool.sort(key=lambda m: asked[m["id"]] + (m["id"] not in LESS_ASKED))
    out = []

    def turn(text: str, gold: list[str], m: dict, first: bool = False) -> dict:
        return {"question": th.dress(text, padded=first), "gold": gold, "match_id": m["id"]}

    forms = ["result_scorers", "stat_other", "minute_assist", "motm_rating", "ref_boss", "yellows_other", "shape_other"]
    n = 0
    for m in pool:
        if len(out) >= CONVERSATIONS:
            break
        form = forms[n % len(forms)]
        side = th.pick(SIDES)
        me, them = m[side], m[OTHER[side]]
        ct = th.club(me, them)
        turns = None
        if form == "result_scorers" and m["goals"] and not any(g["own"] for g in m["goals"]):
            turns = [
                turn(
                    f"{th.game(m, home_first=True)} {th.pick(['final score', 'how did it end', 'result pls'])}",
                    [m["score"]],
                    m,
                    True,
                ),
                turn(
                    th.pick(["who got the goals", "and who scored?", "scorers?"]),
                    list(dict.fromkeys(g["scorer"] for g in m["goals"])),
                    m,
                ),
            ]
            if not m["goals"][0]["stoppage"]:
                turns.append(
                    turn(
                        th.pick(["what min was the first one", "when did the first go in"]), [minute(m["goals"][0])], m
                    )
                )
        elif form == "stat_other":
            stat = th.pick(["shots", "corners", "fouls"])
            a, b = m["team"][side].get(stat, 0), m["team"][OTHER[side]].get(stat, 0)
            if a and b:
                turns = [
                    turn(f"how many {stat} did {ct} have {th.against(m, side)}", [str(a)], m, True),
                    turn(
                        th.pick(["and their opponents?", "what about the other team", "n the other side"]), [str(b)], m
                    ),
                ]
        elif form == "minute_assist":
            cands = [g for g in m["goals"] if g["assister"] and only_goal(m, g)]
            if cands:
                g = th.pick(cands)
                p = th.player(g["scorer"])
                turns = [
                    turn(f"when did {p} score {th.against(m, g['side'])}", [minute(g)], m, True),
                    turn(th.pick(["who set him up", "and who assisted", "whose assist was it"]), [g["assister"]], m),
                ]
        elif form == "motm_rating":
            best = top_rated(m, None)
            if best:
                turns = [
                    turn(f"who was the top rated player in {th.game(m)}", [best], m, True),
                    turn(th.pick(["what was the score in that game", "and how did it finish"]), [m["score"]], m),
                ]
        elif form == "ref_boss":
            if m["referee"] and m["manager"][side] and m["manager"][OTHER[side]]:
                turns = [
                    turn(f"who refereed {th.game(m)}", [m["referee"]], m, True),
                    turn(f"and who was managing {ct} then", [boss(m["manager"][side])], m),
                    turn(
                        th.pick(["and the other manager", "n the opposition boss?"]),
                        [boss(m["manager"][OTHER[side]])],
                        m,
                    ),
                ]
        elif form == "yellows_other":
            c, d = m["cards"][side], m["cards"][OTHER[side]]
            if all(not (x["staff"] or x["SecondYellow"] or x["Red"]) and x["Yellow"] >= 1 for x in (c, d)):
                turns = [
                    turn(f"{th.poss(ct)} yellows {th.against(m, side)}", [str(c["Yellow"])], m, True),
                    turn(th.pick(["and for the other lot?", "how about their opponents"]), [str(d["Yellow"])], m),
                ]
        elif form == "shape_other":
            turns = [
                turn(f"{ct} formation {th.against(m, side)}", [m["formation"][side]], m, True),
                turn(
                    th.pick(["and what did the other team play", "their opponents' shape?"]),
                    [m["formation"][OTHER[side]]],
                    m,
                ),
            ]
        if turns:
            n += 1
            asked[m["id"]] += 1
            usage.update((m["home"], m["away"]))
            out.append({"id": f"blind6-followup-{len(out) + 1:03d}", "kind": "followup", "turns": turns})
    return out


# -------------------------------------------------------------------------------------------- main
def build(data_dir: Path) -> tuple[list[dict], list[dict], collections.Counter, dict]:
    """Return the questions, the conversations, how often each club is asked about and the rounds the data lacks."""
    loaded = [read_match(p) for p in sorted(data_dir.glob("*.json.gz"))]
    matches = sorted((m for m in loaded if m["complete"]), key=lambda m: (m["date"], m["id"]))
    partial = [m for m in loaded if not m["complete"]]
    in_span = [m for m in matches if m["date"] <= LAST_DAY]
    absent = absent_rounds(in_span)
    periods = make_periods(absent)
    rng = random.Random(SEED)
    th = Thumbs(rng, matches + partial)
    managers = collections.defaultdict(set)
    for m in matches:
        for s in SIDES:
            managers[m[s]].add(m["manager"][s])
    changed = {club for club, names in managers.items() if len(names) > 1}
    usage, asked = collections.Counter(), collections.Counter()
    questions = []
    for kind in KINDS:
        pool = list(matches)
        rng.shuffle(pool)
        if kind in PER_MATCH:
            cands = match_questions(th, kind, pool, changed)
        else:
            cands = PER_SEASON[kind](th, in_span, partial, periods)
            rng.shuffle(cands)
        for n, q in enumerate(choose(cands, usage, asked, METRIC_CAP.get(kind)), start=1):
            where = {"match_id": q["match_id"]} if q.get("match_id") else {}
            short = "motm" if kind == "man_of_the_match" else kind
            questions.append(
                {"question": q["question"], "gold": q["gold"], "kind": kind, **where, "id": f"blind6-{short}-{n:03d}"}
            )
    convs = conversations(th, matches, usage, asked)
    return questions, convs, usage, absent


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    questions, convs, usage, absent = build(data_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (("questions.jsonl", questions), ("conversations.jsonl", convs)):
        (OUT / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    counts = collections.Counter(q["kind"] for q in questions)
    for kind in KINDS:
        print(f"{kind:18s} {counts[kind]:4d} / {QUOTA}")
    print(f"followup           {len(convs)} conversations", dict(collections.Counter(len(c["turns"]) for c in convs)))
    print("total questions", len(questions))
    print("clubs asked about:", dict(sorted(usage.items())))
    print("rounds the data lacks:", {c: [str(a) for a, _ in r] for c, r in sorted(absent.items())})


if __name__ == "__main__":
    main()
