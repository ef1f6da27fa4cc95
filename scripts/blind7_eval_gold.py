#!/usr/bin/env python3
"""Build the seventh blind evaluation set (questions as people type them, and gold) from the raw WhoScored files only.

Written blind to how football_rag answers: it imports nothing from the project, only the shared raw-match reader
``scripts/whoscored_gold.py`` and the sixth set's gold rules (``scripts/blind6_eval_gold.py``: which match allows
which question and what its gold is, the rounds the data lacks, the period spans). Every wording is new: the question
templates, the club spellings, the date formats, the padding and the season periods. It reads the gzip'd WhoScored
``matchCentreData`` JSON under ../shared/data/season/premier-league-2025-26/whoscored/ (relative to the project root)
and writes, deterministically (fixed seed, sorted inputs):

    configs/eval/blind/set7/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set7/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

18 questions for each of 17 kinds and 40 follow-up conversations. The partial capture 1903275 is never asked about
and a season question is kept only when its gold is the same with and without it; a period or table question is
asked only where the league matches the data lacks could not change its gold. Standard library only.
Run from anywhere: ``python3 scripts/blind7_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import random
import sys
from pathlib import Path

import blind6_eval_gold as six  # the sixth set's gold rules per kind; only its wordings are replaced here
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
OUT = ROOT / "configs" / "eval" / "blind" / "set7"
SEED = 7_310_77_2026
QUOTA = six.QUOTA
CONVERSATIONS = 40

# How fans write each club, new for this set: scoreboard codes, clipped names, nicknames only one league club has,
# possessive-ready forms, slips. "the blues"/"the reds" are not used: several clubs answer to them.
CLUBS = {
    "Arsenal": ["Arsenal", "arsenal fc", "the gooners", "arsnl", "ARSENAL", "ars"],
    "Aston Villa": ["aston villa fc", "the villans", "Aston Villa", "villa", "astn villa", "avl"],
    "Bournemouth": ["the cherries", "Bournemouth", "bmouth", "bournmouth", "AFC B'mouth", "bou"],
    "Brentford": ["Brentford", "brentfrd", "bees fc", "brentford f.c.", "BRENTFORD", "bre"],
    "Brighton": ["brighton & hove albion", "seagulls", "Brighton", "brighten", "brighton fc", "bha"],
    "Burnley": ["Burnley", "burnley f.c", "the clarets", "brnley", "BURNLEY", "bur"],
    "Chelsea": ["Chelsea", "chels", "chelsea f.c.", "chealsea", "the pensioners", "che"],
    "Crystal Palace": ["Crystal Palace", "cry palace", "crystal palace fc", "christal palace", "palace fc", "cry"],
    "Everton": ["Everton", "the toffees", "everton f.c", "evrton", "EVERTON", "eve"],
    "Fulham": ["Fulham", "fulham f.c.", "fulhm", "cottagers", "FULHAM", "ful"],
    "Leeds": ["Leeds Utd", "leeds united afc", "leeds u", "leedz", "LEEDS", "lee"],
    "Liverpool": ["Liverpool", "lpool", "livrpool", "liverpool f.c.", "LIVERPOOL", "liv"],
    "Man City": ["Man City", "manchester city fc", "the cityzens", "man cty", "MAN CITY", "mci", "citeh"],
    "Man Utd": ["Man Utd", "manchester utd", "man united fc", "the red devils", "manu", "mun"],
    "Newcastle": ["Newcastle", "newcastle united", "the magpies", "newcastl", "NEWCASTLE", "toon army"],
    "Nottingham Forest": ["Nottingham Forest", "nott'm forest", "notts forest", "forrest", "nfo", "the tricky trees"],
    "Sunderland": ["Sunderland", "the mackems", "sunderland a.f.c.", "sundrland", "SUNDERLAND", "sunderland fc"],
    "Tottenham": ["Tottenham", "spurs fc", "tottenham hotspurs", "tottnham", "the lilywhites", "tot"],
    "West Ham": ["West Ham", "west ham united", "west ham fc", "the irons", "west hm", "whu"],
    "Wolves": ["Wolves", "wolverhampton wanderers fc", "wolves fc", "wolfs", "WOLVES", "wol"],
}
MONTHS, DAYS = six.MONTHS, six.DAYS

OPENERS = [""] * 18 + [
    "oi ",
    "hiya, ",
    "ok so ",
    "need help: ",
    "pub quiz q - ",
    "arguing w my dad, ",
    "bro ",
    "hey bot ",
    "lads, ",
    "genuine question ",
    "not sure if u know but ",
    "evening, ",
]
CLOSERS = [""] * 14 + [
    " ty",
    " cheers mate",
    " 😂",
    " 🙏",
    " ⚽️",
    " 😬",
    " haha",
    " asap",
    " ta very much",
    " if u know",
    " ??",
    " xx",
    " 🏴󠁧󠁢󠁥󠁮󠁧󠁿",
]
SAYINGS = ["need {q}", "tell me {q}", "{q} - anyone?", "wondering {q}", "gimme {q}", "looking for {q}"]
SHORT = {"you": "ya", "for": "4", "to": "2", "the": "da", "what": "wot", "was": "wuz", "with": "w/", "and": "&"}


class Typist(six.Thumbs):
    """Writes the seventh set's text as thumbed into a phone: its own club names, dates, joins and padding (seeded)."""

    def __init__(self, rng: random.Random, matches: list[dict]) -> None:
        super().__init__(rng, matches)
        self.keep_whole |= {w.lower() for names in CLUBS.values() for n in names for w in n.split()}
        self.keep_whole |= {"christmas", "halloween", "bonfire"}

    def player(self, name: str) -> str:
        """Return the player as the sixth set types him, never alone a name word another player has too ("pedro")."""
        typed = super().player(name)
        if " " not in typed and len(self.by_surname[typed] | self.by_first[typed]) > 1:
            return " ".join(plain(name).split())
        return typed

    def club(self, name: str, other: str | None = None) -> str:
        """Return one way to write the club (capitals kept as typed)."""
        return self.pick(CLUBS[name])

    def day(self, d: dt.date) -> str:
        """Return the date written one of many new ways (a number order always marked when both could be a month)."""
        n, mo = d.day, d.month
        th = "th" if 10 <= n <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        mon, wd = MONTHS[mo - 1], DAYS[d.weekday()]
        both = n <= 12
        options = [
            f"{n}{th} of {mon[:3]}",
            f"{wd.capitalize()} the {n}{th}" + f" of {mon}",
            f"{mon} {n}{th} {d.year}",
            f"{mon[:3].upper()} {n:02d}",
            f"{wd[:3]} {mon[:3]} {n}",
            f"{d.year}-{mo:02d}-{n:02d}",
            f"{n} {mon[:3]}.",
            f"{n:02d}/{mo:02d}/{d.year}" + (" uk format" if both else ""),
            f"{mo}-{n}-{str(d.year)[2:]}" + (" us style" if both else ""),
            f"{wd} {n}{th} {mon}",
        ]
        if (mo, n) == (12, 26):
            options += ["on boxing day", "boxing day '25"]
        if (mo, n) == (1, 1):
            options += ["new year's day", "nye+1 (1 jan)"]
        return self.pick(options)

    def game(self, m: dict, home_first: bool = False, must_date: bool = False) -> str:
        """Return the match as two clubs, home first mostly (always when a score is asked), away first now and then."""
        away_first = not home_first and self.maybe(0.3)
        a, b = (m["away"], m["home"]) if away_first else (m["home"], m["away"])
        join = (
            self.pick([" @ ", " away at ", " at "])
            if away_first
            else self.pick([" v. ", " versus ", " vrs ", " - ", " vs ", " v "])
        )
        return f"{self.club(a, b)}{join}{self.club(b, a)}{self.on(m, must_date)}"

    def against(self, m: dict, side: str, must_date: bool = False) -> str:
        """Return how one side's match is named from its side ("up at x", "hosting x", "vs x")."""
        o = self.club(m[OTHER[side]], m[side])
        if side == "away" and self.maybe(0.35):
            head = self.pick(["away at ", "up at ", "on their trip to ", "at "])
        elif side == "home" and self.maybe(0.35):
            head = self.pick(["home to ", "when they hosted ", "at home v "])
        else:
            head = self.pick(["versus ", "v ", "vs ", "agaisnt ", "when they played ", "in the game w "])
        return head + o + self.on(m, must_date)

    def dress(self, text: str, padded: bool = True) -> str:
        """Return ``text`` as sent: a slip, a chat short form, a statement, padding, odd capitals (seeded)."""
        words = text.split(" ")
        soft = [i for i, w in enumerate(words) if w.isalpha() and w.lower() not in self.keep_whole and len(w) >= 5]
        if soft and self.maybe(0.45):
            i = self.pick(soft)
            words[i] = self.slip(words[i])
        short = [i for i, w in enumerate(words) if w in SHORT]
        if short and self.maybe(0.3):
            i = self.pick(short)
            words[i] = SHORT[words[i]]
        text = " ".join(words)
        if padded:
            if self.maybe(0.15) and not text.startswith(("who", "what", "how", "did", "when", "which", "was", "wot")):
                text = self.pick(SAYINGS).format(q=text)
            text = self.pick(OPENERS) + text + self.pick(CLOSERS)
        r = self.rng.random()
        if r < 0.15:
            text = text[:1].upper() + text[1:]
        elif r < 0.19:
            text = text.upper()
        elif r < 0.23:
            text = "".join(c.upper() if i % 5 == 0 else c for i, c in enumerate(text))
        elif r < 0.5 and text[-1:].isalnum():
            text += self.pick(["?", "???", " ?", "?!?"])
        return " ".join(text.split())


# ----------------------------------------------------------------------------------- one-match kinds
# Each kind's gold rule is the sixth set's (``six.k_*``); the wording variant is told by what it returned.
def words_for(kind: str, made: tuple, i: int, th: Typist) -> list[str]:
    """Return the new templates for what the sixth set's rule returned (its variant: side, player, stat)."""
    templates, gold, _side, *player = made
    whole = any("{game}" in t or "{score_game}" in t for t in templates)
    if kind == "score":
        if len(gold) == 2:
            return ["{score_game}, who won it", "which team won {score_game}", "{score_game} winner + score"]
        return ["{score_game} final result", "{score_game} wat was the score", "score in the {score_game} game",
                "how'd {score_game} finish", "{score_game} full time score", "result of {score_game} pls",
                "did {score_game} end level or what was it"]  # fmt: skip
    if kind == "scorers":
        if whole:
            return ["who scored in {game}", "{game} who were the scorers", "all the goalscorers from {game}",
                    "scorers list {game}", "who netted in {game}"]  # fmt: skip
        return ["{clubs} goalscorers {vs}", "who bagged for {club} {vs}", "{club} {vs}: who got the goals",
                "name the {club} scorers {vs}"]  # fmt: skip
    if kind == "goal_minute":
        if player:
            return ["what minute did {p} score {vs}", "{p} {vs} goal minute", "{ps} goal {vs}, which min",
                    "at what time did {p} find the net {vs}"]  # fmt: skip
        return ["opening goal minute {game}", "{game} what minute was the 1st goal", "who broke the deadlock in "
                "{game} - i just need the minute", "first goal {game} came in which minute"]  # fmt: skip
    if kind == "assister":
        return ["who assisted {ps} goal {vs}", "{p} scored {vs}, who set it up", "assist on the {p} goal {vs}",
                "the pass for {ps} goal {vs} came from who", "{ps} goal {vs} - assister"]  # fmt: skip
    if kind == "team_stat":
        stat = list(six.TEAM_SAYS)[i % len(six.TEAM_SAYS)]
        w = th.pick(TEAM_WORDS[stat])
        return [f"how many {w} did {{club}} have {{vs}}", f"{{club}} total {w} {{vs}}", f"{{clubs}} {w} count {{vs}}",
                f"number of {w}, {{club}} {{vs}}"]  # fmt: skip
    if kind == "card_count":
        return ["how many yellows did {club} get {vs}", "{club} bookings {vs}", "{clubs} yellow card count {vs}",
                "no of {club} players booked {vs}", "{club} {vs} how many yellow cards"]  # fmt: skip
    if kind == "player_stat":
        stat = list(six.PLAYER_SAYS)[i % len(six.PLAYER_SAYS)]
        w = th.pick(PLAYER_WORDS[stat])
        return [f"{{p}} {w} {{vs}}", f"how many {w} did {{p}} have {{vs}}", f"{{ps}} {w} tally {{vs}}",
                f"{w} - {{p}} {{vs}}, how many"]  # fmt: skip
    if kind == "player_leader":
        stat = ["shots", "key passes", "tackles", "interceptions"][i % 4]
        return [f"who had the most {stat} in {{game}}", f"{{game}}: most {stat} by a player",
                f"{{game}} - player with the highest number of {stat}",
                f"top player for {stat} in {{game}}"]  # fmt: skip
    if kind == "formation":
        return ["{club} formation {vs}", "what formation did {club} play {vs}", "{clubs} starting shape {vs}",
                "{club} {vs} - what system", "which formation {club} used {vs}"]  # fmt: skip
    if kind == "referee":
        return ["who reffed {game}", "{game} referee?", "name of the ref for {game}", "who was refereeing {game}",
                "{game} who was in the middle (ref)"]  # fmt: skip
    if kind == "man_of_the_match":
        return ["{game} man of the match", "who was motm in {game}", "best player in {game} by rating",
                "top rated player {game}", "{game} who got player of the match"]  # fmt: skip
    return ["{club} manager {vs}", "who was the {club} boss {vs}", "{clubs} gaffer {vs}", "who coached {club} {vs}",
            "{club} head coach {vs}"]  # fmt: skip


TEAM_WORDS = {
    "shots": ["shots", "shots in total", "attempts at goal"],
    "shots on target": ["shots on target", "shots on goal (on target)", "on-target shots"],
    "corners": ["corners", "corners won", "corner kicks"],
    "fouls": ["fouls", "fouls given away", "fouls commited"],
    "offsides": ["offsides", "offside calls against them"],
}
PLAYER_WORDS = {
    "shots": ["shots", "attempts on goal"],
    "key passes": ["key passes"],
    "tackles": ["tackles", "tackles made"],
    "interceptions": ["interceptions", "interceptions made"],
    "clearances": ["clearances"],
    "dribbles": ["successful dribbles", "dribbles completed"],
    "saves": ["saves", "saves made"],
    "shots on target": ["shots on target", "on target shots"],
}


def match_questions(th: Typist, kind: str, matches: list[dict], managers_changed: set[str]) -> list[dict]:
    """Return one candidate question of the kind per match that allows one (the sixth set's gold, new wording)."""
    out = []
    for i, m in enumerate(matches):
        made = six.PER_MATCH[kind](th, m, i)
        if not made:
            continue
        _, gold, side, *player = made
        f = six.fields(th, m, side, player[0] if player else None)
        if kind == "manager" and m[side] in managers_changed:
            f["vs"] = th.against(m, side, must_date=True)
        text = th.pick(words_for(kind, made, i, th)).format(**f)
        out.append({"question": th.dress(text), "gold": gold, "match_id": m["id"], "clubs": (m["home"], m["away"])})
    return out


# ---------------------------------------------------------------------------------- season kinds
def make_periods(absent: dict) -> list[six.Period]:
    """Return the periods asked about, every bound exact (the question states it), worded new."""
    d = dt.date
    spans = [
        (d(2025, 8, 1), d(2025, 8, 31), ["over august 2025", "in aug", "during the month of august"]),
        (d(2025, 9, 1), d(2025, 9, 30), ["in sept 2025", "over september", "in the month of sep"]),
        (d(2025, 10, 1), d(2025, 10, 31), ["in oct 2025", "during oct", "over the whole of october"]),
        (d(2025, 11, 1), d(2025, 11, 30), ["in nov", "during november 2025", "across november"]),
        (d(2025, 12, 1), d(2025, 12, 31), ["in dec 2025", "across december", "during decembre"]),
        (d(2025, 10, 1), d(2025, 11, 30), ["between 1 oct and 30 nov", "over oct and nov", "from oct 1st to nov 30th"]),
        (d(2025, 8, 1), d(2025, 10, 31), ["from the start of the season to halloween (31 oct)", "aug to oct incl."]),
        (d(2025, 11, 15), d(2025, 12, 31), ["from 15 nov to new years eve", "15/11 to 31/12 (day first)"]),
        (d(2025, 12, 1), d(2026, 1, 7), ["from 1 dec to 7 jan", "1st december thru 7th january"]),
        (d(2025, 8, 1), d(2025, 12, 24), ["up to christmas eve", "before christmas (to 24 dec)"]),
        (d(2025, 8, 15), d(2025, 9, 30), ["in the first 7 weeks (15 aug - 30 sep)", "15 aug to 30 sept"]),
        (d(2025, 8, 1), d(2026, 1, 7), ["this season up to 7 jan 2026", "so far (to jan 7th)"]),
    ]
    return [six.Period(a, b, says, absent) for a, b, says in spans]


TEAM_PERIOD_SAYS = {
    "points": ["how many points have {club} got {w}", "{club} points total {w}", "{clubs} pts {w}"],
    "wins": ["how many wins for {club} {w}", "{club} won how many {w}", "{clubs} win count {w}"],
    "draws": ["{club} draws {w}", "how many games did {club} draw {w}"],
    "losses": ["how many losses {club} {w}", "{club} lost how many {w}", "{clubs} defeat count {w}"],
    "goals": ["goals {club} scored {w}", "{clubs} goals {w}", "how many did {club} score {w}"],
    "conceded": ["how many goals did {club} concede {w}", "{club} conceded {w}", "{clubs} goals conceded {w}"],
    "clean sheets": ["{club} clean sheets {w}", "how many clean sheets for {club} {w}", "{clubs} shut outs {w}"],
}
PLAYER_PERIOD_SAYS = {
    "goals": ["how many goals did {p} score {w}", "{p} goals {w}", "{ps} goals tally {w}"],
    "assists": ["{p} assists {w}", "how many assists did {p} get {w}", "{ps} assists {w}"],
    "shots": ["how many shots has {p} had {w}", "{p} shots total {w}"],
    "key passes": ["{ps} key passes {w}", "how many key passes did {p} make {w}"],
}
PLAYER_FLOORS = {"goals": 2, "assists": 2, "shots": 9, "key passes": 7}


def team_period_questions(th: Typist, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return a club's points, wins, draws, losses, goals, conceded or clean sheets over a period (never 0)."""
    out = []
    for per in periods:
        rec, rec_all = team_table(matches, per), team_table(matches + partial, per)
        for team, metric in ((t, k) for t in sorted(rec) if not per.lacks(t) for k in TEAM_PERIOD_SAYS):
            value = rec[team][metric]
            if value < 1 or value != rec_all[team][metric]:
                continue
            c = th.club(team)
            text = th.pick(TEAM_PERIOD_SAYS[metric]).format(club=c, clubs=th.poss(c), w=th.pick(per.says))
            out.append({"question": th.dress(text), "gold": [str(value)], "clubs": (team,), "metric": metric})
    return out


def player_period_questions(th: Typist, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return a player's goals, assists, shots or key passes over a period (the data complete for his clubs)."""
    every = six.clubs_of(matches)
    out = []
    for per in periods:
        rec, rec_all = player_table(matches, per), player_table(matches + partial, per)
        names = [n for n in sorted(rec) if not any(per.lacks(c) for c in every[n])]
        for name, metric in ((n, k) for n in names for k in PLAYER_FLOORS):
            value = rec[name][metric]
            if value < PLAYER_FLOORS[metric] or value != rec_all[name][metric]:
                continue
            p = th.player(name)
            text = th.pick(PLAYER_PERIOD_SAYS[metric]).format(p=p, ps=th.poss(p), w=th.pick(per.says))
            out.append(
                {
                    "question": th.dress(text),
                    "gold": [str(value)],
                    "clubs": tuple(sorted(every[name])),
                    "metric": metric,
                }
            )
    return out


PLAYER_TOP_SAYS = {
    "goals": ["who scored the most goals {w}", "{w} who was top scorer", "most goals by a player {w}"],
    "assists": ["who got the most assists {w}", "{w} assist king?", "top for assists {w}"],
    "shots": ["which player shot the most {w}", "most shots by a player {w}"],
    "key passes": ["who made the most key passes {w}", "{w} most key passes, which player"],
}
TEAM_TOP_SAYS = {
    "points": ["which club picked up the most points {w}", "{w} best points total, which team"],
    "goals": ["which club scored the most goals {w}", "{w} who were the top scoring team"],
    "wins": ["who won the most matches {w} (team)"],
    "clean sheets": ["which side had the most clean sheets {w}"],
}
TABLE_DAYS = [
    (dt.date(2025, 8, 31), ["after the august games (31/8)", "at the end of aug"]),
    (dt.date(2025, 10, 5), ["after the 5th of october", "going into the oct international break (5 oct)"]),
    (dt.date(2025, 11, 9), ["after 9 nov", "on nov 9th after the games"]),
    (dt.date(2025, 12, 8), ["after monday 8 dec", "as of the 8th of december"]),
    (dt.date(2025, 12, 24), ["on christmas eve", "going into boxing day (24 dec)"]),
    (dt.date(2026, 1, 1), ["on new year's day after the games", "after the 1st jan matches"]),
]


def leader_questions(th: Typist, matches: list[dict], partial: list[dict], per) -> list[dict]:
    """Return the period's player and club leaders (one or two tied), only where the lacking matches cannot matter."""
    out, every = [], six.clubs_of(matches)
    clean = not any(per.lacks(c) for c in {m[s] for m in matches for s in SIDES})
    prec, prec_all = player_table(matches, per), player_table(matches + partial, per)
    for metric, texts in PLAYER_TOP_SAYS.items() if clean else ():
        found = leaders([{n: c[metric] for n, c in prec.items()}])
        if not found or found[1] < 2 or len(found[0]) > 2 or min(c[metric] for c in prec.values()) < 0:
            continue
        if found == leaders([{n: c[metric] for n, c in prec_all.items()}]):
            clubs = tuple(sorted({c for n in found[0] for c in every[n]}))
            out.append({"question": th.pick(texts).format(w=th.pick(per.says)), "gold": found[0], "metric": metric,
                        "clubs": clubs})  # fmt: skip
    trec, trec_all = team_table(matches, per), team_table(matches + partial, per)
    bump = {"points": 3, "goals": 6, "wins": 1, "clean sheets": 1}
    for metric, texts in TEAM_TOP_SAYS.items():
        best = max(c[metric] for c in trec.values())
        top = sorted(t for t, c in trec.items() if c[metric] == best)
        best_all = max(c[metric] for c in trec_all.values())
        safe = all(c[metric] + bump[metric] * per.lacks(t) < best for t, c in trec.items() if t not in top)
        if len(top) > 2 or any(per.lacks(t) for t in top) or not all(map(club_gold, top)) or not safe:
            continue
        if top == sorted(t for t, c in trec_all.items() if c[metric] == best_all):
            out.append({"question": th.pick(texts).format(w=th.pick(per.says)), "gold": [club_gold(t) for t in top],
                        "metric": "team " + metric, "clubs": tuple(top)})  # fmt: skip
    return out


def place_questions(th: Typist, matches: list[dict], partial: list[dict], absent: dict) -> list[dict]:
    """Return table places on a day, only where no club's lacking matches (3 points each) could cross them."""
    out = []
    for last, says in TABLE_DAYS:
        keep = six.Period(dt.date(2025, 8, 1), last, [], absent)
        table = positions(matches, keep)
        if table != positions(matches + partial, keep):
            continue
        pts = {t: k[0] for t, k in table}
        reach = {t: pts[t] + 3 * keep.lacks(t) for t in pts}
        keys = [k for _, k in table]
        for place, (team, key) in enumerate(table, start=1):
            sure = all(pts[o] > reach[team] or reach[o] < pts[team] for o in pts if o != team)
            if keys.count(key) > 1 or not sure:
                continue
            w = th.pick(says)
            if place in (1, 20) and club_gold(team):
                texts = ["who was 1st in the prem {w}", "league leaders {w}?"] if place == 1 else [
                    "who was bottom of the table {w}", "which team was 20th {w}"]  # fmt: skip
                out.append({"question": th.pick(texts).format(w=w), "gold": [club_gold(team)], "metric": "place",
                            "clubs": (team,)})  # fmt: skip
            elif th.maybe(0.5):
                texts = ["what place were {c} {w}", "{c} position in the table {w}", "where did {c} sit {w}"]
                out.append({"question": th.pick(texts).format(c=th.club(team), w=w), "gold": [str(place)],
                            "metric": "place", "clubs": (team,)})  # fmt: skip
    return out


def ranking_questions(th: Typist, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return period leaders and table places, dressed."""
    out = [q for per in periods for q in leader_questions(th, matches, partial, per)]
    out += place_questions(th, matches, partial, periods[0].absent)
    return [q | {"question": th.dress(q["question"])} for q in out]


NOT_LEAGUE = ["ipswich", "leicester city", "southampton fc", "sheff utd", "coventry", "stoke", "qpr", "millwall",
              "barca", "bayern", "juve", "ajax", "benfica", "inter milan", "aberdeen", "swansea", "cardiff",
              "derby county", "watford", "bristol city"]  # fmt: skip
ELSEWHERE = [
    "the 2023 champions league final",
    "england v spain euro 2024 final",
    "liverpool v spurs madrid 2019",
    "the community shield last august",
    "man utd v city fa cup final 2024",
    "arsenal's last game of 2023/24",
]
# Days no league match was played (international breaks, Christmas Day): a pairing on them never happened.
NO_LEAGUE_DAYS = [dt.date(2025, 9, 9), dt.date(2025, 10, 14), dt.date(2025, 11, 13), dt.date(2025, 12, 25),
                  dt.date(2025, 11, 18), dt.date(2025, 9, 10)]  # fmt: skip


def unknown_match_questions(th: Typist, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return questions on matches that do not exist in the data (nor, for league pairs on the day, in reality)."""
    out, clubs = [], sorted(CLUBS)
    asks = ["{g} final score", "who got the goals in {g}", "ref for {g}?", "{g} who was player of the match",
            "{g} how many shots", "what happened in {g}", "{g} lineups / formation"]  # fmt: skip
    for i in range(6):
        a = NOT_LEAGUE[(3 * i + 1) % len(NOT_LEAGUE)]
        b = th.club(clubs[(5 * i + 2) % len(clubs)]) if i % 2 == 0 else NOT_LEAGUE[(3 * i + 2) % len(NOT_LEAGUE)]
        out.append({"question": th.pick(asks).format(g=f"{a} vs {b}"), "gold": [], "clubs": ()})
    out += [{"question": th.pick(asks).format(g=what), "gold": [], "clubs": ()} for what in ELSEWHERE]
    played = collections.defaultdict(set)
    for m in matches + partial:
        played[m["date"]] |= {m["home"], m["away"]}
    met = {(frozenset((m["home"], m["away"])), m["date"]) for m in matches + partial}
    pool = sorted(matches, key=lambda m: m["id"])
    th.rng.shuffle(pool)
    for m in pool[:4]:
        c = th.pick(sorted(set(CLUBS) - played[m["date"]] - {m["home"], m["away"]}) or clubs)
        if (frozenset((m["away"], c)), m["date"]) not in met:
            g = f"{th.club(c, m['away'])} v {th.club(m['away'], c)}, {th.day(m['date'])}"
            out.append({"question": th.pick(asks).format(g=g), "gold": [], "clubs": (m["away"], c)})
    for d in NO_LEAGUE_DAYS:
        a, b = th.rng.sample(clubs, 2)
        g = f"{th.club(a, b)} {th.pick(['vs', 'v', 'against'])} {th.club(b, a)} {th.pick(['on ', 'on the ', ''])}"
        out.append({"question": th.pick(asks).format(g=g + th.day(d)), "gold": [], "clubs": (a, b)})
    return [q | {"question": th.dress(q["question"])} for q in out]


def refusal_questions(th: Typist, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return questions the data cannot answer: pay, age, transfers, fitness, the future, other places and people."""
    c = lambda: th.club(th.pick(sorted(CLUBS)))  # noqa: E731
    texts = [
        f"how much does {th.player('Mohamed Salah')} earn",
        f"{th.player('Cole Palmer')} - when's he back from his groin thing",
        f"who's gonna be {th.poss(c())} next manager",
        f"what's {th.player('Declan Rice')}'s birthday",
        f"{c()} next fixture?",
        f"will {c()} finish top 4 this year",
        f"{th.poss(c())} europa league run, how far did they get",
        "who won the carabao cup semi first leg",
        f"is {c()} in for a new keeper in jan",
        "virgil van dijk contract end date",
        "predict the score for the north london derby in march",
        f"capacity of {th.poss(c())} stadium",
        f"{c()} season ticket cost 2026",
        "how is messi getting on at inter miami",
        f"{th.player('Jack Grealish')} loan, is it permanent",
        "who's the favourite for the ballon d'or",
        "lineups for next weekend",
        "how many goals has mbappe got for real madrid",
        f"{c()} women's team results",
        "championship table top 6",
    ]
    return [{"question": th.dress(t), "gold": [], "clubs": ()} for t in texts]


PER_SEASON = {
    "team_period": team_period_questions,
    "player_period": player_period_questions,
    "ranking": ranking_questions,
    "unknown_match": unknown_match_questions,
    "refusal": refusal_questions,
}


# -------------------------------------------------------------------------------------- follow-ups
def follow_turns(th: Typist, m: dict, form: str, side: str) -> list[tuple[str, list[str]]] | None:
    """Return a conversation's (text, gold) turns on one match in one form, None when the match does not allow it."""
    me, other = m[side], m[OTHER[side]]
    ct = th.club(me, other)
    if form == "score_then_scorers" and m["goals"] and not any(g["own"] for g in m["goals"]):
        turns = [(f"{th.game(m, home_first=True)} {th.pick(['whats the result', 'final score?', 'ft score'])}",
                  [m["score"]]),
                 (th.pick(["who scored them", "goalscorers?", "n who got the goals"]),
                  list(dict.fromkeys(g["scorer"] for g in m["goals"])))]  # fmt: skip
        if not m["goals"][-1]["stoppage"]:
            turns.append((th.pick(["and the last goal, what minute", "when was the final goal"]),
                          [six.minute(m["goals"][-1])]))  # fmt: skip
        return turns
    if form == "stat_both":
        stat = th.pick(["shots on target", "corners", "offsides", "fouls"])
        a, b = m["team"][side].get(stat, 0), m["team"][OTHER[side]].get(stat, 0)
        if a and b:
            return [(f"{th.poss(ct)} {stat} {th.against(m, side)}", [str(a)]),
                    (th.pick(["same for the other team?", "and for their opponent", "what about the other side"]),
                     [str(b)])]  # fmt: skip
    if form == "scorer_then_assist":
        cands = [g for g in m["goals"] if g["assister"] and six.only_goal(m, g)]
        if cands:
            g = th.pick(cands)
            return [(f"what minute did {th.player(g['scorer'])} score {th.against(m, g['side'])}", [six.minute(g)]),
                    (th.pick(["who gave him the assist", "assisted by?", "and who laid it on"]),
                     [g["assister"]])]  # fmt: skip
    if form == "ref_then_score" and m["referee"]:
        return [(f"who was the referee for {th.game(m, home_first=True)}", [m["referee"]]),
                (th.pick(["and what was the result of it", "how did that one end"]), [m["score"]])]  # fmt: skip
    if form == "bosses" and m["manager"][side] and m["manager"][OTHER[side]]:
        return [(f"{ct} manager {th.against(m, side, must_date=True)}", [six.boss(m["manager"][side])]),
                (th.pick(["and the opposition manager?", "who was the boss on the other side"]),
                 [six.boss(m["manager"][OTHER[side]])]),
                (th.pick([f"and what shape were {ct} in", f"{ct} formation in that one?"]),
                 [m["formation"][side]])]  # fmt: skip
    if form == "motm_then_yellows":
        best, c = top_rated(m, None), m["cards"][side]
        if best and not (c["staff"] or c["SecondYellow"] or c["Red"]) and c["Yellow"] >= 1:
            return [(f"motm in {th.game(m)}?", [best]),
                    (f"how many yellow cards did {ct} get in it", [str(c["Yellow"])])]  # fmt: skip
    return None


FORMS = ["score_then_scorers", "stat_both", "scorer_then_assist", "ref_then_score", "bosses", "motm_then_yellows"]


def conversations(th: Typist, matches: list[dict], usage: collections.Counter, asked: collections.Counter) -> list:
    """Return 2- and 3-turn conversations whose later turns lean on the earlier ones ("and the other side?")."""
    pool = sorted((m for m in matches if m["goals_agree"]), key=lambda m: m["id"])
    th.rng.shuffle(pool)
    pool.sort(key=lambda m: asked[m["id"]] + (m["id"] not in six.LESS_ASKED))
    out = []
    for m in pool:
        if len(out) >= CONVERSATIONS:
            break
        turns = follow_turns(th, m, FORMS[len(out) % len(FORMS)], th.pick(SIDES))
        if not turns:
            continue
        asked[m["id"]] += 1
        usage.update((m["home"], m["away"]))
        dressed = [
            {"question": th.dress(t, padded=n == 0), "gold": g, "match_id": m["id"]} for n, (t, g) in enumerate(turns)
        ]
        out.append({"id": f"blind7-followup-{len(out) + 1:03d}", "kind": "followup", "turns": dressed})
    return out


# -------------------------------------------------------------------------------------------- main
def build(data_dir: Path) -> tuple[list[dict], list[dict], collections.Counter, dict]:
    """Return the questions, the conversations, how often each club is asked about and the rounds the data lacks."""
    loaded = [read_match(p) for p in sorted(data_dir.glob("*.json.gz"))]
    matches = sorted((m for m in loaded if m["complete"]), key=lambda m: (m["date"], m["id"]))
    partial = [m for m in loaded if not m["complete"]]
    in_span = [m for m in matches if m["date"] <= six.LAST_DAY]
    absent = six.absent_rounds(in_span)
    periods = make_periods(absent)
    rng = random.Random(SEED)
    th = Typist(rng, matches + partial)
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
            cands = match_questions(th, kind, pool, changed)
        else:
            cands = PER_SEASON[kind](th, in_span, partial, periods)
            rng.shuffle(cands)
        for n, q in enumerate(six.choose(cands, usage, asked, six.METRIC_CAP.get(kind)), start=1):
            where = {"match_id": q["match_id"]} if q.get("match_id") else {}
            short = "motm" if kind == "man_of_the_match" else kind
            questions.append(
                {"question": q["question"], "gold": q["gold"], "kind": kind, **where, "id": f"blind7-{short}-{n:03d}"}
            )
    return questions, conversations(th, matches, usage, asked), usage, absent


def main() -> None:
    """Write the set's two files and print the counts per kind and the clubs asked about."""
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    questions, convs, usage, absent = build(data_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (("questions.jsonl", questions), ("conversations.jsonl", convs)):
        (OUT / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    counts = collections.Counter(q["kind"] for q in questions)
    for kind in six.KINDS:
        print(f"{kind:18s} {counts[kind]:4d} / {QUOTA}")
    print(f"followup           {len(convs)} conversations", dict(collections.Counter(len(c["turns"]) for c in convs)))
    print("total questions", len(questions))
    print("clubs asked about:", dict(sorted(usage.items())))
    print("rounds the data lacks:", {c: [str(a) for a, _ in r] for c, r in sorted(absent.items())})


if __name__ == "__main__":
    main()
