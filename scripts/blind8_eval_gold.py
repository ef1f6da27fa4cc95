#!/usr/bin/env python3
"""Build the eighth blind evaluation set (questions as fans, analysts and scouts type them, and gold) from raw files.

Written blind to how football_rag answers: it imports nothing from the project, only the shared raw-match reader
``scripts/whoscored_gold.py`` and the sixth set's gold rules (``scripts/blind6_eval_gold.py``: which match allows
which question and what its gold is, the rounds the data lacks, the choice of questions). Every wording is new against
the sixth and seventh sets: question templates, club spellings, date forms, padding, periods and table days, refusal
topics and follow-up forms. It reads the gzip'd WhoScored ``matchCentreData`` JSON under
../shared/data/season/premier-league-2025-26/whoscored/ (relative to the project root) and writes, deterministically
(fixed seed, sorted inputs):

    configs/eval/blind/set8/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set8/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

18 questions for each of 17 kinds and 40 follow-up conversations. The partial capture 1903275 is never asked about
and a season question is kept only when its gold is the same with and without it; a period or table question is
asked only where the league matches the data lacks could not change its gold. Standard library only.
Run from anywhere: ``python3 scripts/blind8_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

import collections
import datetime as dt
import difflib
import gzip
import json
import random
import re
import sys
from pathlib import Path

import blind6_eval_gold as six  # the sixth set's gold rules per kind; only the wordings are new here
from whoscored_gold import (
    OTHER,
    SIDES,
    club_gold,
    leaders,
    plain,
    player_table,
    positions,
    read_match,
    team_table,
    top_rated,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
OUT = ROOT / "configs" / "eval" / "blind" / "set8"
SEED = 8_0712_2026
CONVERSATIONS = 40

# How people write each club, none used by the sixth or seventh set: all-caps names, old or second nicknames, the
# town, fan abbreviations, common slips. Names several clubs answer to ("the blues", "the whites", "utd") are not used.
CLUBS = {
    "Arsenal": ["arsanal", "ARSENAL F.C.", "woolwich arsenal", "the gunners", "arsenal football club"],
    "Aston Villa": ["the villa", "asten villa", "ASTON VILLA F.C.", "aston villa football club", "villains"],
    "Bournemouth": ["cherries", "BOURNEMOUTH FC", "bornemouth", "bournemouth a.f.c", "bmth"],
    "Brentford": ["brentford bees", "BRENTFRD FC", "brentferd", "brentford football club"],
    "Brighton": ["the albion", "brighton & hove", "BHAFC", "brigthon", "BRIGHTON ALBION"],
    "Burnley": ["burnely", "BURNLY FC", "burnley football club", "burnlee", "the clarets (burnley)"],
    "Chelsea": ["chelsa", "CHELSEA F C", "chelsea football club", "chelsae", "chelsea (london)"],
    "Crystal Palace": ["crystal pal", "CRYSTAL PALACE F.C.", "cristal palace", "the glaziers", "palace (selhurst)"],
    "Everton": ["EVERTONFC", "everton football club", "everon", "toffees", "the people's club (everton)"],
    "Fulham": ["fullham", "FULHAMFC", "fulham football club", "fulam"],
    "Leeds": ["LEEDS UNITED F.C.", "leads united", "the peacocks", "leeds utd afc", "leeds (elland road)"],
    "Liverpool": ["LIVERPOOLFC", "livepool", "liverpool football club", "liverpoool", "the anfield club"],
    "Man City": ["mancity", "man citi", "MANCHESTER CITY F.C", "man city fc", "manchester city football club"],
    "Man Utd": ["manchester united fc", "man untd", "MANCHESTER UTD FC", "man utd fc", "red devils"],
    "Newcastle": ["toon", "NEWCASTLE UNITED F.C.", "newcaslte", "newcastle utd fc", "the geordies"],
    "Nottingham Forest": ["notingham forest", "NOTTINGHAM FOREST F.C.", "nottingham forest fc", "nott forest"],
    "Sunderland": ["sunderlan", "SUNDERLAND (WEARSIDE)", "sunderland football club", "the black cats"],
    "Tottenham": ["TOTTENHAM H.", "tottenam", "tottenham hotspur fc", "the spurs", "spurs (tottenham)"],
    "West Ham": ["hammers", "WEST HAM UNITED F.C.", "west ham united fc", "west hamm"],
    "Wolves": ["the wolves", "wolverhampton w", "WOLVES (WOLVERHAMPTON)", "wovles"],
}
MONTHS, DAYS = six.MONTHS, six.DAYS
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
            "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
            "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"]  # fmt: skip

OPENERS = [""] * 18 + [
    "quick one: ",
    "xG aside, ",
    "real quick ",
    "stats q: ",
    "for a scouting note - ",
    "quiz night tmrw so ",
    "serious q, ",
    "writing a blog post: ",
    "hi chat, ",
    "hey there, ",
    "before i forget, ",
    "fact check: ",
]
CLOSERS = [""] * 14 + [
    " plz mate",
    " 🙌",
    " 🤷",
    " thanks in advance",
    " 💯",
    " (asking for a friend)",
    " no rush",
    " lmk",
    " cheers bud",
    " 🧐",
    " please?",
    " 🏟️",
]
STATEMENTS = ["i'd like to know {q}", "{q}, can you check", "trying to find out {q}", "quick check - {q}",
              "looking up {q} for a podcast", "i can't remember {q}"]  # fmt: skip
# Words that carry what is asked and are short enough for one slip to make another word ("times" -> "ties"): never
# slipped, so no question can be read two ways.
MEANING = {"times", "points", "goals", "shots", "games", "saves", "fouls", "draws", "first", "before", "after",
           "minute", "scored", "total", "sheets", "clean", "target", "netted", "assists", "passes", "level", "drawn",
           "booked", "second", "until", "yellows", "cards", "lost", "taken"}  # fmt: skip
ASKING = ("who", "what", "how", "hw", "did", "when", "which", "is ", "give")  # already a question or a request
SHORT = {"please": "plz", "about": "abt", "before": "b4", "how": "hw", "many": "mny", "which": "wich"}
# Players fans call by a first name or a short form only one player in the data answers to.
KNOWN_AS = {"Virgil van Dijk": "virgil", "Erling Haaland": "erling", "Mohamed Salah": "mo salah"}
PARTICLES = {"van", "de", "der", "den", "da", "dos", "di", "von", "ten", "ter"}
DICTATION_CUT = re.compile(r"[?!,;:()]|(?<!\w)-(?!\w)|\.(?!\w)")


class Fan(six.Thumbs):
    """Writes the eighth set's text: its own club names, dates, joins, players and padding (seeded)."""

    def __init__(self, rng: random.Random, matches: list[dict]) -> None:
        super().__init__(rng, matches)
        self.keep_whole |= {w.strip("()").lower() for names in CLUBS.values() for n in names for w in n.split()}
        self.keep_whole |= {"christmas", "boxing", "stephen's", "midweek", "weekend", *ORDINALS, *MEANING}
        self.names = set(self.by_surname) | set(self.by_first)

    def club(self, name: str, other: str | None = None) -> str:
        """Return one way to write the club (capitals kept as typed)."""
        return self.pick(CLUBS[name])

    def player(self, name: str) -> str:
        """Return the player as typed: the name he is known by, a unique surname (with its particles, now and then
        with a slip), or in full; no accents."""
        words = plain(name).split()
        full = " ".join(words)
        if name in KNOWN_AS and self.maybe(0.5):
            return KNOWN_AS[name]
        at = next((i for i, w in enumerate(words[1:-1], start=1) if w in PARTICLES), len(words) - 1)
        last = " ".join(words[at:])
        clubby = any(w in self.keep_whole - self.names for w in words)
        unique = len(self.by_surname[words[-1]] | self.by_first[words[-1]]) == 1 and len(words[-1]) > 3
        unique = unique and not self.near(words[-1], words[-1])
        if len(words) == 1 or clubby or not unique or not self.maybe(0.6):
            return full
        slipped = self.slip(last) if last.isalpha() and len(last) >= 6 and self.maybe(0.25) else last
        if slipped != last and (slipped in self.names or self.near(slipped, words[-1])):
            return last
        self.keep_whole.add(slipped)
        return slipped

    def near(self, typed: str, own: str) -> bool:
        """Return whether a typed name word is as close to another player's name word as a slip ("fernandez":
        Fernandes), so that it could be read as him."""
        return bool(difflib.get_close_matches(typed, self.names - {own}, n=1, cutoff=0.8))

    def day(self, d: dt.date) -> str:
        """Return the date in a form the earlier sets did not use (a weekend or midweek only when it is one)."""
        n, mo = d.day, d.month
        th = "th" if 10 <= n <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        mon, wd = MONTHS[mo - 1], DAYS[d.weekday()]
        options = [
            f"{mon[:3]} the {n}{th}",
            f"{n}-{mon[:3]}-{str(d.year)[2:]}",
            f"the {ORDINALS[n - 1]} of {mon}",
            f"{n} {mon}, a {wd}",
            f"{d.year}/{mo:02d}/{n:02d}",
            f"{wd[:3]}. {n} {mon[:3]} {d.year}",
        ]
        if d.weekday() >= 5:
            options += [f"the weekend of the {n}{th} ({mon[:3]})", f"weekend of {n} {mon[:3]}"]
        if d.weekday() in (1, 2, 3):
            options += [f"midweek {n}{th} {mon[:3]}", f"midweek ({wd} {n} {mon[:3]})"]
        if (mo, n) == (12, 26):
            options += ["st stephen's day (26 dec)", "boxing day, 26/12"]
        if (mo, n) == (12, 27):
            options += ["the day after boxing day (27 dec)"]
        if (mo, n) == (12, 20):
            options += ["the saturday before christmas (20 dec)"]
        if (mo, n) == (1, 1):
            options += ["jan 1 (new year)"]
        return self.pick(options)

    def on(self, m: dict, must: bool = False) -> str:
        """Return the date after a match when the pair met twice or ``must``, now and then otherwise, else ""."""
        if must or frozenset((m["home"], m["away"])) in self.met_twice or self.maybe(0.3):
            said = self.day(m["date"])
            how = self.pick([" on ", " - ", " back on "] + ([" ("] if "(" not in said else []))
            return how + said + (")" if how == " (" else "")
        return ""

    def game(self, m: dict, home_first: bool = False, must_date: bool = False) -> str:
        """Return the match as two clubs, home first mostly (always when a score is asked), away first now and then."""
        away_first = not home_first and self.maybe(0.25)
        a, b = (m["away"], m["home"]) if away_first else (m["home"], m["away"])
        join = (
            self.pick([" visiting ", " (away) v ", " travelling to "])
            if away_first
            else self.pick([" vs ", " against ", " – ", " & ", " playing "])
        )
        return f"{self.club(a, b)}{join}{self.club(b, a)}{self.on(m, must_date)}"

    def against(self, m: dict, side: str, must_date: bool = False) -> str:
        """Return how one side's match is named from its side ("travelling to x", "in the home game with x")."""
        o = self.club(m[OTHER[side]], m[side])
        if side == "away" and self.maybe(0.35):
            head = self.pick(["in the away fixture at ", "in the away game at ", "travelling to ", "visiting "])
        elif side == "home" and self.maybe(0.35):
            head = self.pick(["in the home game with ", "at their place vs ", "at home against "])
        else:
            head = self.pick(["up against ", "vs ", "in the game against ", "facing ", "when they met "])
        return head + o + self.on(m, must_date)

    def dress(self, text: str, padded: bool = True) -> str:
        """Return ``text`` as sent: a slip, a short form, a statement, padding, dictation or odd capitals (seeded)."""
        words = text.replace("the the ", "the ").split(" ")  # a club typed "the gunners" after a template's "the"
        soft = [i for i, w in enumerate(words) if w.isalpha() and w.lower() not in self.keep_whole and len(w) >= 5]
        if soft and self.maybe(0.4):
            i = self.pick(soft)
            words[i] = self.slip(words[i])
        short = [i for i, w in enumerate(words) if w in SHORT]
        if short and self.maybe(0.3):
            i = self.pick(short)
            words[i] = SHORT[words[i]]
        text = " ".join(words)
        if padded:
            if self.maybe(0.15) and not text.startswith(ASKING):
                text = self.pick(STATEMENTS).format(q=text)
            text = self.pick([o for o in OPENERS if o.strip(" :,-").lower() not in text.lower()]) + text
            text += self.pick(CLOSERS)
        r = self.rng.random()
        if r < 0.1:  # voice dictation: no punctuation, all lower case
            text = DICTATION_CUT.sub(" ", text).lower()
        elif r < 0.2:
            text = text[:1].upper() + text[1:]
        elif r < 0.24:
            text = text.upper()
        elif r < 0.28:
            text = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
        elif r < 0.5 and text[-1:].isalnum():
            text += self.pick(["?", "? ", "??!", " ??"])
        return " ".join(text.split())


# ----------------------------------------------------------------------------------- one-match kinds
TEAM_WORDS = {
    "shots": ["total attempts", "goal attempts", "shots all told"],
    "shots on target": ["shots that hit the target", "on-target efforts", "attempts on target"],
    "corners": ["corners taken", "corner kicks won"],
    "fouls": ["fouls conceded", "fouls given against them"],
    "offsides": ["offside flags", "times flagged offside"],
}
PLAYER_WORDS = {
    "shots": ["shots taken", "efforts at goal"],
    "key passes": ["key passes made", "key passes (chances created)"],
    "tackles": ["tackles in total"],
    "interceptions": ["balls intercepted", "passes intercepted"],
    "clearances": ["clearances made", "defensive clearances"],
    "dribbles": ["dribbles won", "take-ons won"],
    "saves": ["stops (saves)", "saves he made"],
    "shots on target": ["shots hitting the target", "efforts that were on target"],
}
LEADER_STATS = ["shots", "key passes", "tackles", "interceptions"]  # the sixth set's order, by question number


def templates_for(kind: str, made: tuple, i: int, fan: Fan) -> list[str]:
    """Return the new templates for what the sixth set's rule returned (its variant: whole match, side, player)."""
    templates, gold, _side, *player = made
    whole = any("{game}" in t or "{score_game}" in t for t in templates)
    if kind == "score":
        if len(gold) == 2:
            return ["who got the win in {score_game} and by what score", "{score_game} - winner and scoreline",
                    "who were the victors in {score_game}, what was it"]  # fmt: skip
        return ["final whistle {score_game} what was it", "{score_game} how did that finish up",
                "give me the ft score of {score_game}", "{score_game} full-time?", "scoreline {score_game}",
                "that {score_game} match, how did it end", "what did {score_game} finish"]  # fmt: skip
    if kind == "scorers":
        if whole:
            return ["goalscorers for {game} please", "who got on the scoresheet in {game}",
                    "name everyone who scored in {game}", "{game} - whose goals were they"]  # fmt: skip
        return ["which players scored for {club} {vs}", "{club} got goals {vs}, from who", "scorer(s) for {club} {vs}",
                "{clubs} goals {vs} - who got them"]  # fmt: skip
    if kind == "goal_minute":
        if player:
            return ["{p} goal {vs}, what time was that", "in what minute did {p} net {vs}",
                    "minute {ps} goal came {vs}", "quick one: {p} scored {vs} - when exactly"]  # fmt: skip
        return ["{game} when did the scoring start", "what minute was the opener {game}",
                "{game} opening goal, what time", "first goal of {game} - minute?"]  # fmt: skip
    if kind == "assister":
        return ["who laid on {ps} goal {vs}", "{p} got a goal {vs}. who assisted it",
                "who provided the assist when {p} scored {vs}", "{ps} goal {vs} came from whose pass"]  # fmt: skip
    if kind == "team_stat":
        w = fan.pick(TEAM_WORDS[list(six.TEAM_SAYS)[i % len(six.TEAM_SAYS)]])
        return [f"xG aside, how many {w} did {{club}} manage {{vs}}", f"{{club}} {{vs}}: {w}?",
                f"what were {{clubs}} {w} {{vs}}", f"i need the {w} number for {{club}} {{vs}}",
                f"is it true that {{club}} had {w} {{vs}}? how many exactly"]  # fmt: skip
    if kind == "card_count":
        return ["how many {club} players went in the book {vs}", "{club} yellow cards total {vs}",
                "yellows shown to {club} {vs}", "cautions {club} received {vs}",
                "how many times did the ref book someone from {club} {vs}"]  # fmt: skip
    if kind == "player_stat":
        w = fan.pick(PLAYER_WORDS[list(six.PLAYER_SAYS)[i % len(six.PLAYER_SAYS)]])
        return [f"{{p}} {{vs}} - {w} count", f"what number of {w} did {{p}} register {{vs}}",
                f"{w} for {{p}} {{vs}}, quick one", f"did {{p}} rack up many {w} {{vs}}? how many"]  # fmt: skip
    if kind == "player_leader":
        stat = LEADER_STATS[i % 4]
        return [f"{{game}}: who topped the {stat} charts", f"which player racked up the most {stat} in {{game}}",
                f"highest {stat} total by one player, {{game}}",
                f"in {{game}} who had more {stat} than anyone"]  # fmt: skip
    if kind == "formation":
        return ["what was {clubs} formation {vs}", "{club} set up in what shape {vs}", "{clubs} starting xi shape {vs}",
                "which system did {club} start with {vs}",
                "tactically, how did {club} line up {vs} (formation)"]  # fmt: skip
    if kind == "referee":
        return ["which referee took charge of {game}", "{game} - name the ref", "the man in the middle for {game}?",
                "who officiated {game}", "ref in {game} was who"]  # fmt: skip
    if kind == "man_of_the_match":
        return ["{game} - top performer by rating", "who was the standout player in {game} (motm)",
                "best rated player on the pitch, {game}", "{game} who won man of the match",
                "player of the game in {game}"]  # fmt: skip
    return ["who was on the touchline for {club} {vs}", "{clubs} head coach that day {vs}",
            "who was managing {club} {vs}", "name {clubs} manager {vs}", "{club} {vs}, who was in charge"]  # fmt: skip


def match_questions(fan: Fan, kind: str, matches: list[dict], managers_changed: set[str]) -> list[dict]:
    """Return one candidate question of the kind per match that allows one (the sixth set's gold, new wording)."""
    out = []
    for i, m in enumerate(matches):
        made = six.PER_MATCH[kind](fan, m, i)
        if not made:
            continue
        _, gold, side, *player = made
        f = six.fields(fan, m, side, player[0] if player else None)
        if kind == "manager" and m[side] in managers_changed:
            f["vs"] = fan.against(m, side, must_date=True)
        text = fan.pick(templates_for(kind, made, i, fan)).format(**f)
        out.append({"question": fan.dress(text), "gold": gold, "match_id": m["id"], "clubs": (m["home"], m["away"])})
    return out


# ---------------------------------------------------------------------------------- season kinds
def make_periods(absent: dict) -> list[six.Period]:
    """Return the periods asked about, every bound exact (the question states it), none worded as before."""
    d = dt.date
    spans = [
        (d(2025, 8, 1), d(2025, 8, 31), ["in the august fixtures (1-31 aug)", "across aug 2025"]),
        (d(2025, 10, 1), d(2025, 10, 31), ["in october (1st-31st)", "through all of october"]),
        (d(2025, 12, 1), d(2025, 12, 31), ["in december (1st-31st)", "through all of dec 2025"]),
        (d(2025, 9, 1), d(2025, 11, 30), ["in the autumn (1 sep to 30 nov)", "sep thru nov 2025"]),
        (d(2025, 10, 1), d(2025, 12, 31), ["in the last quarter of 2025 (1 oct - 31 dec)", "oct, nov and dec"]),
        (d(2025, 8, 1), d(2025, 11, 30), ["before december (up to 30 nov)", "aug-nov 2025"]),
        (d(2025, 11, 1), d(2026, 1, 7), ["from 1/11/2025 to 7/1/2026 (day first)", "nov 1 until jan 7"]),
        (d(2025, 8, 1), d(2025, 10, 5), ["before the october international break (up to 5 oct)"]),
        (d(2025, 10, 18), d(2025, 11, 9), ["between the oct and nov international breaks (18 oct - 9 nov)"]),
        (d(2025, 11, 22), d(2025, 12, 31), ["from 22 nov to the end of 2025", "22nd nov - 31st dec"]),
        (d(2025, 8, 1), d(2025, 9, 14), ["up to and including 14 sept", "through sunday 14 september"]),
        (d(2025, 12, 26), d(2026, 1, 4), ["from boxing day to 4 jan", "26/12 - 4/1 (day first)"]),
    ]
    return [six.Period(a, b, says, absent) for a, b, says in spans]


TEAM_PERIOD_SAYS = {
    "points": ["how many points did {club} take {w}", "{club} points won {w}"],
    "wins": ["games won by {club} {w}", "how many matches did {club} win {w}"],
    "draws": ["{club} games that ended level {w}", "number of drawn games for {club} {w}"],
    "losses": ["{club} games lost {w}", "how many defeats did {club} suffer {w}"],
    "goals": ["{club} goals for {w}", "how many goals have {club} netted {w}"],
    "conceded": ["goals {club} gave up {w}", "how many goals went in against {club} {w}"],
    "clean sheets": ["{club} games without conceding {w}", "how many clean sheets did {club} keep {w}"],
}
PLAYER_PERIOD_SAYS = {
    "goals": ["{p} goals scored {w}", "how many times did {p} find the net {w}"],
    "assists": ["assists by {p} {w}", "{p} assist count {w}"],
    "shots": ["total shots by {p} {w}", "{p} shot count {w}"],
    "key passes": ["{p} key pass total {w}", "key passes by {p} {w}"],
}
PLAYER_FLOORS = {"goals": 2, "assists": 2, "shots": 9, "key passes": 7}
PLAYER_TOP_SAYS = {
    "goals": ["who bagged the most goals {w}", "highest individual goal tally {w}"],
    "assists": ["who provided the most assists {w}", "most assists by anyone {w}"],
    "shots": ["who had the most attempts on goal {w} (player)"],
    "key passes": ["top chance creator by key passes {w}"],
}
TEAM_TOP_SAYS = {
    "points": ["most points of any club {w}", "who earned the most points {w} (club)"],
    "goals": ["which team netted the most {w}", "top scoring side {w}"],
    "wins": ["most wins of any club {w}"],
    "clean sheets": ["which club kept the most shutouts {w}"],
}
TABLE_DAYS = [
    (dt.date(2025, 9, 14), ["after the 14 sep games", "once the games of sunday 14/9 were done"]),
    (dt.date(2025, 10, 26), ["after sunday 26 oct", "when the 26th october games finished"]),
    (dt.date(2025, 11, 24), ["after monday 24 nov", "following the games of 24/11"]),
    (dt.date(2025, 12, 15), ["after the games of mon 15 dec", "as things stood after 15 dec"]),
    (dt.date(2025, 12, 31), ["at the end of 2025 (31 dec)", "on new year's eve"]),
    (dt.date(2026, 1, 7), ["after wednesday 7 january", "once the 7 jan 2026 games were played"]),
]
PLACE_SAYS = {
    1: ["who sat top of the table {w}", "top of the prem {w} was who"],
    20: ["who was propping up the table {w}", "bottom club {w}"],
    0: ["where in the standings were {c} {w}", "{c} rank in the league {w}", "{c} league placing {w}"],
}


def team_period_questions(fan: Fan, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return a club's points, wins, draws, losses, goals, conceded or clean sheets over a period (never 0)."""
    out = []
    for per in periods:
        rec, rec_all = team_table(matches, per), team_table(matches + partial, per)
        for team, metric in ((t, k) for t in sorted(rec) if not per.lacks(t) for k in TEAM_PERIOD_SAYS):
            value = rec[team][metric]
            if value >= 1 and value == rec_all[team][metric]:
                c = fan.club(team)
                text = fan.pick(TEAM_PERIOD_SAYS[metric]).format(club=c, w=fan.pick(per.says))
                out.append({"question": fan.dress(text), "gold": [str(value)], "clubs": (team,), "metric": metric})
    return out


def player_period_questions(fan: Fan, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return a player's goals, assists, shots or key passes over a period (the data complete for his clubs)."""
    every = six.clubs_of(matches)
    out = []
    for per in periods:
        rec, rec_all = player_table(matches, per), player_table(matches + partial, per)
        names = [n for n in sorted(rec) if not any(per.lacks(c) for c in every[n])]
        for name, metric in ((n, k) for n in names for k in PLAYER_FLOORS):
            value = rec[name][metric]
            if value >= PLAYER_FLOORS[metric] and value == rec_all[name][metric]:
                text = fan.pick(PLAYER_PERIOD_SAYS[metric]).format(p=fan.player(name), w=fan.pick(per.says))
                out.append({"question": fan.dress(text), "gold": [str(value)], "clubs": tuple(sorted(every[name])),
                            "metric": metric})  # fmt: skip
    return out


def player_leaders(matches: list[dict], partial: list[dict], per) -> list[tuple[str, list[str], tuple]]:
    """Return (metric, leaders, clubs) over a period no club lacks a match in, one or two leaders on 2 or more."""
    if any(per.lacks(c) for c in {m[s] for m in matches for s in SIDES}):
        return []
    out, every = [], six.clubs_of(matches)
    prec, prec_all = player_table(matches, per), player_table(matches + partial, per)
    for metric in PLAYER_TOP_SAYS:
        found = leaders([{n: c[metric] for n, c in prec.items()}])
        if not found or found[1] < 2 or len(found[0]) > 2 or min(c[metric] for c in prec.values()) < 0:
            continue
        if found == leaders([{n: c[metric] for n, c in prec_all.items()}]):
            out.append((metric, found[0], tuple(sorted({c for n in found[0] for c in every[n]}))))
    return out


def team_leaders(matches: list[dict], partial: list[dict], per) -> list[tuple[str, list[str]]]:
    """Return (metric, leading clubs) over a period where no lacking match could lift another club level."""
    out = []
    trec, trec_all = team_table(matches, per), team_table(matches + partial, per)
    bump = {"points": 3, "goals": 6, "wins": 1, "clean sheets": 1}
    for metric in TEAM_TOP_SAYS:
        best = max(c[metric] for c in trec.values())
        top = sorted(t for t, c in trec.items() if c[metric] == best)
        best_all = max(c[metric] for c in trec_all.values())
        safe = all(c[metric] + bump[metric] * per.lacks(t) < best for t, c in trec.items() if t not in top)
        if len(top) > 2 or any(per.lacks(t) for t in top) or not all(map(club_gold, top)) or not safe:
            continue
        if top == sorted(t for t, c in trec_all.items() if c[metric] == best_all):
            out.append((metric, top))
    return out


def table_places(matches: list[dict], partial: list[dict], absent: dict, last: dt.date) -> list[tuple[int, str]]:
    """Return (place, club) on a day where no club's lacking matches (3 points each) could cross the place."""
    keep = six.Period(dt.date(2025, 8, 1), last, [], absent)
    table = positions(matches, keep)
    if table != positions(matches + partial, keep):
        return []
    pts = {t: k[0] for t, k in table}
    reach = {t: pts[t] + 3 * keep.lacks(t) for t in pts}
    keys = [k for _, k in table]
    out = []
    for place, (team, key) in enumerate(table, start=1):
        sure = all(pts[o] > reach[team] or reach[o] < pts[team] for o in pts if o != team)
        if keys.count(key) == 1 and sure:
            out.append((place, team))
    return out


def ranking_questions(fan: Fan, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return period leaders (players or clubs) and table places on a stated day, dressed."""
    out = []
    for per in periods:
        for metric, names, clubs in player_leaders(matches, partial, per):
            text = fan.pick(PLAYER_TOP_SAYS[metric]).format(w=fan.pick(per.says))
            out.append({"question": text, "gold": names, "metric": metric, "clubs": clubs})
        for metric, top in team_leaders(matches, partial, per):
            text = fan.pick(TEAM_TOP_SAYS[metric]).format(w=fan.pick(per.says))
            out.append({"question": text, "gold": [club_gold(t) for t in top], "metric": "team " + metric,
                        "clubs": tuple(top)})  # fmt: skip
    for last, says in TABLE_DAYS:
        for place, team in table_places(matches, partial, periods[0].absent, last):
            w = fan.pick(says)
            if place in (1, 20) and club_gold(team):
                text, gold = fan.pick(PLACE_SAYS[place]).format(w=w), club_gold(team)
            elif fan.maybe(0.5):
                text, gold = fan.pick(PLACE_SAYS[0]).format(c=fan.club(team), w=w), str(place)
            else:
                continue
            out.append({"question": text, "gold": [gold], "metric": "place", "clubs": (team,)})
    return [q | {"question": fan.dress(q["question"])} for q in out]


# Pairs of clubs outside the league only: a league club against a European side may be a real cup match this season.
NOT_LEAGUE = ["hibs", "hearts", "sporting cp", "marseille", "lyon", "psv", "oxford utd", "portsmouth", "charlton",
              "bolton", "wigan", "preston", "leverkusen", "ac milan", "lazio", "sevilla", "st mirren", "dundee utd",
              "motherwell", "norwich"]  # fmt: skip
ELSEWHERE = [
    "the 2012 aguero game, city v qpr",
    "the 1999 champions league final in barcelona",
    "argentina v france, 2022 world cup final",
    "chelsea v city in porto (2021 ucl final)",
    "leicester's title party v everton in may 2016",
    "liverpool 7-0 man utd from march 2023",
]
# Days no league match was played (international breaks, Christmas Eve): a pairing on them never happened.
NO_LEAGUE_DAYS = [dt.date(2025, 9, 3), dt.date(2025, 10, 8), dt.date(2025, 11, 12), dt.date(2025, 12, 24),
                  dt.date(2025, 10, 15), dt.date(2025, 9, 11)]  # fmt: skip
UNKNOWN_ASKS = ["{g} - how did it end", "scorers from {g}?", "{g}: who was the referee", "motm {g}",
                "{g} what formation did they play", "{g} corner count", "give me the stats from {g}"]  # fmt: skip


def unknown_match_questions(fan: Fan, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return questions on matches that do not exist in the data (nor, for league pairs on the day, in reality)."""
    out, clubs = [], sorted(CLUBS)
    for i in range(6):
        a = NOT_LEAGUE[(3 * i + 2) % len(NOT_LEAGUE)]
        b = NOT_LEAGUE[(3 * i) % len(NOT_LEAGUE)]
        out.append({"question": fan.pick(UNKNOWN_ASKS).format(g=f"{a} v {b}"), "gold": [], "clubs": ()})
    out += [{"question": fan.pick(UNKNOWN_ASKS).format(g=what), "gold": [], "clubs": ()} for what in ELSEWHERE]
    played = collections.defaultdict(set)
    for m in matches + partial:
        played[m["date"]] |= {m["home"], m["away"]}
    met = {(frozenset((m["home"], m["away"])), m["date"]) for m in matches + partial}
    pool = sorted(matches, key=lambda m: m["id"])
    fan.rng.shuffle(pool)
    for m in pool[:4]:
        c = fan.pick(sorted(set(CLUBS) - played[m["date"]] - {m["home"], m["away"]}) or clubs)
        if (frozenset((m["home"], c)), m["date"]) not in met:  # m's home side played m's away side that day
            g = f"{fan.club(m['home'], c)} hosting {fan.club(c, m['home'])} on {fan.day(m['date'])}"
            out.append({"question": fan.pick(UNKNOWN_ASKS).format(g=g), "gold": [], "clubs": (m["home"], c)})
    for d in NO_LEAGUE_DAYS:
        a, b = fan.rng.sample(clubs, 2)
        g = f"{fan.club(a, b)} {fan.pick(['vs', 'v', '–'])} {fan.club(b, a)} {fan.pick(['on ', 'back on ', ''])}"
        out.append({"question": fan.pick(UNKNOWN_ASKS).format(g=g + fan.day(d)), "gold": [], "clubs": (a, b)})
    return [q | {"question": fan.dress(q["question"])} for q in out]


def refusal_questions(fan: Fan, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return questions the data cannot answer: VAR, kits, other years' crowds, women's and youth teams, fantasy prices,
    betting odds, hometowns, boots, streams, families, other seasons."""
    c = lambda: fan.club(fan.pick(sorted(CLUBS)))  # noqa: E731
    texts = [
        "was the VAR check on the handball in the north london derby the right call",
        "why does VAR take so long to check offsides this season",
        f"what does {c()} new third kit look like",
        f"who makes {c()} shirts",
        f"record home attendance for {c()} back in the 1930s",
        "highest crowd at old trafford in 1939",
        f"who is top scorer for {c()} women this season",
        f"{c()} under-21s result last night",
        f"how did {c()} u18s do in the fa youth cup",
        f"fpl price of {fan.player('Mohamed Salah')} right now",
        f"is {fan.player('Bruno Fernandes')} worth captaining in fantasy",
        f"what are the odds on {c()} going down",
        f"best price for {c()} to win the league",
        f"which town did {fan.player('Virgil van Dijk')} grow up in",  # not his height: the raw files hold it
        f"which boots does {fan.player('Bukayo Saka')} wear",
        "where can i stream the game tonight for free",
        f"is {fan.player('Declan Rice')} married",
        f"how many instagram followers does {c()} have",
        "what time does the late kick off start on saturday",
        "who won the prem in 1995",
    ]
    return [{"question": fan.dress(t), "gold": [], "clubs": ()} for t in texts]


PER_SEASON = {
    "team_period": team_period_questions,
    "player_period": player_period_questions,
    "ranking": ranking_questions,
    "unknown_match": unknown_match_questions,
    "refusal": refusal_questions,
}


# -------------------------------------------------------------------------------------- follow-ups
def half_time(path: Path) -> str | None:
    """Return the half-time score ("1-0") when WhoScored's htScore agrees with the first-half goal events, else None."""
    raw = json.loads(gzip.decompress(path.read_bytes()))
    if not raw.get("htScore"):
        return None
    stated = [int(x) for x in raw["htScore"].split(":")]
    home_id = raw["home"]["teamId"]
    counted = [0, 0]
    for e in raw["events"]:
        if e.get("isGoal") and e["period"]["value"] == 1:
            own = "OwnGoal" in {q["type"]["displayName"] for q in e.get("qualifiers", [])}
            counted[(e["teamId"] == home_id) == own] += 1  # an own goal counts for the other side
    return f"{stated[0]}-{stated[1]}" if counted == stated else None


def clean_yellows(cards: dict) -> bool:
    """Return whether a side's cards are yellows only (no red, second yellow or staff card), at least one."""
    return not (cards["staff"] or cards["SecondYellow"] or cards["Red"]) and cards["Yellow"] >= 1


def follow_turns(fan: Fan, m: dict, form: str, side: str) -> list[tuple[str, list[str]]] | None:
    """Return a conversation's (text, gold) turns on one match in one form, None when the match does not allow it."""
    other = OTHER[side]
    ct = fan.club(m[side], m[other])
    if form == "opener_chain" and m["goals"] and not m["goals"][0]["own"] and m["goals"][0]["assister"]:
        first = m["goals"][0]
        turns = [(f"who opened the scoring in {fan.game(m)}", [first["scorer"]]),
                 (fan.pick(["who set it up", "and the assist?", "who teed that one up"]),
                  [first["assister"]])]  # fmt: skip
        if not first["stoppage"]:
            turns.append((fan.pick(["what minute was that", "and when was it, minute?"]), [six.minute(first)]))
        return turns
    if form == "stat_them":
        stat = fan.pick(["corners", "fouls", "offsides", "shots"])
        a, b = m["team"][side].get(stat, 0), m["team"][other].get(stat, 0)
        if a and b:
            return [(f"{ct} {stat} {fan.against(m, side)}", [str(a)]),
                    (fan.pick(["and them?", "and the opposition?", "same stat for the other lot"]),
                     [str(b)])]  # fmt: skip
    if form == "shots_on_target":
        shots, on = m["team"][side].get("shots"), m["team"][side].get("shots on target")
        if shots and on:
            return [(f"how many shots did {ct} have {fan.against(m, side)}", [str(shots)]),
                    (fan.pick(["how many of those were on target", "and on target?"]), [str(on)])]  # fmt: skip
    if form == "result_half" and m["ht"]:
        turns = [(f"{fan.game(m, home_first=True)} {fan.pick(['ft?', 'how did it finish', 'final scoreline'])}",
                  [m["score"]]),
                 (fan.pick(["and at half-time?", "what was it at the break", "what about the first half, score at ht"]),
                  [m["ht"]])]  # fmt: skip
        if m["goals"] and not m["goals"][0]["own"]:
            turns.append((fan.pick(["who got the first goal", "who scored first"]), [m["goals"][0]["scorer"]]))
        return turns
    if form == "boss_shapes" and m["manager"][side]:
        return [(f"who was managing {ct} {fan.against(m, side, must_date=True)}", [six.boss(m["manager"][side])]),
                (fan.pick(["what formation did they go with", "and his setup, which formation"]),
                 [m["formation"][side]]),
                (fan.pick(["and the other side's shape?", "what about the opponents' formation"]),
                 [m["formation"][other]])]  # fmt: skip
    if form == "ref_yellows" and m["referee"] and clean_yellows(m["cards"][side]):
        turns = [(f"which official refereed {fan.game(m)}", [m["referee"]]),
                 (f"how many yellows did he give {ct}", [str(m["cards"][side]["Yellow"])])]  # fmt: skip
        if clean_yellows(m["cards"][other]):
            turns.append((fan.pick(["and them?", "and to the other team"]), [str(m["cards"][other]["Yellow"])]))
        return turns
    if form == "motm_score":
        best = top_rated(m, None)
        if best:
            return [(f"who got man of the match in {fan.game(m)}", [best]),
                    (fan.pick(["and the final score?", "what did it end"]), [m["score"]])]  # fmt: skip
    return None


FORMS = ["opener_chain", "stat_them", "shots_on_target", "result_half", "boss_shapes", "ref_yellows", "motm_score"]


def conversations(fan: Fan, matches: list[dict], usage: collections.Counter, asked: collections.Counter) -> list:
    """Return 2- and 3-turn conversations whose later turns lean on the earlier ones ("and them?", "who set it up")."""
    pool = sorted((m for m in matches if m["goals_agree"]), key=lambda m: m["id"])
    fan.rng.shuffle(pool)
    pool.sort(key=lambda m: asked[m["id"]])
    out = []
    for m in pool:
        if len(out) >= CONVERSATIONS:
            break
        turns = follow_turns(fan, m, FORMS[len(out) % len(FORMS)], fan.pick(SIDES))
        if not turns:
            continue
        asked[m["id"]] += 1
        usage.update((m["home"], m["away"]))
        dressed = [
            {"question": fan.dress(t, padded=n == 0), "gold": g, "match_id": m["id"]} for n, (t, g) in enumerate(turns)
        ]
        out.append({"id": f"blind8-followup-{len(out) + 1:03d}", "kind": "followup", "turns": dressed})
    return out


# -------------------------------------------------------------------------------------------- main
def build(data_dir: Path) -> tuple[list[dict], list[dict], collections.Counter, collections.Counter]:
    """Return the questions, the conversations, how often each club and each match is asked about."""
    paths = sorted(data_dir.glob("*.json.gz"))
    loaded = [read_match(p) | {"ht": half_time(p)} for p in paths]
    matches = sorted((m for m in loaded if m["complete"]), key=lambda m: (m["date"], m["id"]))
    partial = [m for m in loaded if not m["complete"]]
    in_span = [m for m in matches if m["date"] <= six.LAST_DAY]
    periods = make_periods(six.absent_rounds(in_span))
    rng = random.Random(SEED)
    fan = Fan(rng, matches + partial)
    managers = collections.defaultdict(set)
    for m in matches:
        for s in SIDES:
            managers[m[s]].add(m["manager"][s])
    changed = {club for club, names in managers.items() if len(names) > 1}
    usage, asked = collections.Counter(), collections.Counter()
    questions = []
    for kind in six.KINDS:
        pool = list(matches)
        rng.shuffle(pool)
        if kind in six.PER_MATCH:
            cands = match_questions(fan, kind, pool, changed)
        else:
            cands = PER_SEASON[kind](fan, in_span, partial, periods)
            rng.shuffle(cands)
        for n, q in enumerate(six.choose(cands, usage, asked, six.METRIC_CAP.get(kind)), start=1):
            where = {"match_id": q["match_id"]} if q.get("match_id") else {}
            short = "motm" if kind == "man_of_the_match" else kind
            questions.append(
                {"question": q["question"], "gold": q["gold"], "kind": kind, **where, "id": f"blind8-{short}-{n:03d}"}
            )
    return questions, conversations(fan, matches, usage, asked), usage, asked


def main() -> None:
    """Write the set's two files and print the counts per kind, the clubs and the matches asked about."""
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
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
