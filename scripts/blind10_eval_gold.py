#!/usr/bin/env python3
"""Build the tenth blind evaluation set (questions as fans, analysts and scouts type them, and gold) from raw files.

Written blind to how football_rag answers. What each kind means and when a match allows it are the sixth set's rules
(``scripts/blind6_eval_gold.py``); the set skeleton (candidates per kind, season kinds, choice, conversations) is the
eighth's (``scripts/blind8_eval_gold.py``), which reads its words from its module names at call time, and the choice
of template by what a rule returned is the ninth's ``templates_for``. This script brings only this set's words and
follow-up forms, binds them onto those modules and runs the eighth ``main``; no rule is copied.
Every wording is new against sets 6-9: templates, club spellings, date forms, joins, padding, periods, table days,
unknown matches, refusal topics and follow-up forms (a reverse fixture, the second half only, the winner's provider).
The latest rounds in the data (January 2026) are asked first, as the matches earlier sets asked least. It writes,
deterministically (fixed seed, sorted inputs):

    configs/eval/blind/set10/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set10/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

Standard library only. Run from anywhere: ``python3 scripts/blind10_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import blind6_eval_gold as six  # the gold rules per kind
import blind8_eval_gold as eight  # the skeleton that takes its words from module names
import blind9_eval_gold as nine  # the choice of template by what the rule returned, from its module's word tables
from whoscored_gold import OTHER, club_gold, top_rated

OUT = eight.ROOT / "configs" / "eval" / "blind" / "set10"
SEED = 10_0712_2026
# The newest rounds of the data: earlier sets were written before most of them were asked about.
NEWEST_FROM = dt.date(2026, 1, 1)


def opts(line: str) -> list[str]:
    """Return the options of a " | "-separated line (the tables below are written one kind or club a line)."""
    return [o.strip() for o in line.split("|")]


# Club spellings none of sets 6-9 used: nickname in brackets, "footy club", slips of a doubled or dropped letter.
CLUBS = {club: opts(line) for club, line in {
    "Arsenal": "gooners fc | arsenaal | arsenal (north london) | the gunners fc",
    "Aston Villa": "aston villa footy club | aston vla | villa (aston) | the villa fc",
    "Bournemouth": "bournemouth footy club | bourenmouth | afc bournemouth (cherries) | bmouth fc",
    "Brentford": "brentford footy club | brentfod | bees of brentford | brentford fc london",
    "Brighton": "brighton and hove | brightonn | brighton (seagulls) | b&h albion",
    "Burnley": "burnley (clarets) | burnlley | burnley fc lancs | burnley footy club",
    "Chelsea": "chelse | chelsea fc (blues) | chelsea (stamford bridge) | cfc chelsea",
    "Crystal Palace": "crystal palace (eagles) | crystl palace | c palace fc | cry pal",
    "Everton": "everton (toffees) | evertton | efc everton | everton footy club",
    "Fulham": "fulham (cottagers) | fulhamm | fulham fc london | fulham footy club",
    "Leeds": "leeds utd fc | leeds (lufc) | leedss | leeds united football club",
    "Liverpool": "liverpool (reds) | liverpol fc | lfc liverpool | liverpool footy club",
    "Man City": "man city (citizens) | manchester cty | mcfc man city | man city football club",
    "Man Utd": "man utd (red devils) | manchester untd | mufc man utd | man united football club",
    "Newcastle": "newcastle (magpies) | newcatle | nufc newcastle | newcastle united football club",
    "Nottingham Forest": "nottm forrest | nottingham forest (nffc) | notingham forrest | forest (nottm)",
    "Sunderland": "sunderland (black cats) | sunderand | sunderland afc (safc) | sunderland footy club",
    "Tottenham": "tottenham (spurs) | tottenham footy club | tottehnam | spurs (thfc)",
    "West Ham": "west ham (hammers) | west ham footy club | wets ham | west ham united football club",
    "Wolves": "wolves (wanderers) | wolverhampton fc | wolverhamptn | wolves footy club",
}.items()}  # fmt: skip
KNOWN_AS = {"Alexis Mac Allister": "macallister", "Dominic Calvert-Lewin": "dcl", "Martin Ødegaard": "odegard"}
OPENERS = [""] * 18 + [o + " " for o in opts("settle an argument: | bit of help - | pub debate, | scouting note: "
                                             "| hiya mate | another one | on the train, | for the podcast, | via voice "
                                             "| right then | lunch break q: | cheers in advance,")]  # fmt: skip
CLOSERS = [""] * 14 + [" " + c for c in opts("ty x | 🫡 | pls n thx | (for a bet) | 🥲 | if poss "
                                             "| fingers crossed | merci | 🍻 | thank u | 🤓 | go on")]  # fmt: skip
STATEMENTS = opts(
    "quick sanity check: {q} | {q} - need it for the quiz | not sure about this one, {q} "
    "| my brother says otherwise, {q} | settle it for me: {q}"
)
SHORT = {"the": "teh", "were": "wer", "with": "wiv", "tell": "tel", "need": "ned"}
# Filler words of the templates below a thumb may slip on; every other template word carries the question.
SLIPPABLE = {"remind", "please", "going", "name", "everyone", "again"}
# Words of the joins and follow-up turns that carry the question (who was at home, which half, which stat).
FOLLOW_UP_WORDS = (
    "visited went away against vrs hosted home when they down taking played match early late game "
    "reverse fixture final score second half only goalscorers winning goal minute on-target shots "
    "opposition other total target referee yellows altogether both teams standout rating team club"
)

TEMPLATES = {kind: opts(line) for kind, line in {
    "score/winner": "need the winner and the score from {score_game} | {score_game} who won and how many goals each "
                    "| winning team in {score_game} + the final score",
    "score/ft": "need the final score of {score_game} | {score_game} what did it finish | remind me how {score_game} "
                "finished | what was the full-time score in {score_game} | score at the final whistle, {score_game}",
    "scorers/whole": "every scorer from {game} | {game} who hit the net | need all the goalscorers from {game} "
                     "| tell me who scored in {game}",
    "scorers/side": "who netted for {club} {vs} | {club} {vs} goalscorers? | name {clubs} scorers {vs} "
                    "| remind me who scored for {club} {vs}",
    "goal_minute/player": "{p} {vs} - what minute did he score | remind me the minute {p} scored {vs} "
                          "| minute {p} found the net {vs} | at what minute was {ps} goal {vs}",
    "goal_minute/whole": "{game} what minute did the first goal go in | how many minutes in was the first goal of "
                         "{game} | first goal in {game} - which minute | need the minute of the opening goal in {game}",
    "assister": "who made the assist for {ps} goal {vs} | {p} scored {vs} who gave the assist "
                "| assist on {ps} goal {vs}? | who set up {p} {vs}",
    "team_stat": "need {clubs} {w} {vs} | {w} for {club} {vs}? | remind me how many {w} {club} had {vs} "
                 "| {club} {vs} {w} number | what was the {w} count for {club} {vs}",
    "card_count": "yellows {club} picked up {vs} - how many | {club} yellow card count {vs} "
                  "| need the number of {club} players booked {vs} | {clubs} bookings {vs} how many",
    "player_stat": "need {ps} {w} {vs} | {p} {vs}: how many {w} | remind me of {ps} {w} {vs} | {w} {p} {vs} - count?",
    "player_leader": "{game} most {w} - which player | who had the most {w} of anyone in {game} "
                     "| top player for {w} in {game} | {game} which player led for {w}",
    "formation": "{clubs} line-up shape {vs} | what formation were {club} in {vs} | need {clubs} formation {vs} "
                 "| {club} {vs} - starting formation? | remind me what formation {club} started with {vs}",
    "referee": "who was reffing {game} | {game} who refereed it | need the ref from {game} | referee for {game}? "
               "| remind me who the referee was in {game}",
    "man_of_the_match": "motm in {game} - who was it | {game} man of the match was who "
                        "| best player in {game} going by ratings | who got the highest rating in {game} "
                        "| need the player of the match from {game}",
    "manager": "need the name of {clubs} manager {vs} | {club} {vs} who was the manager | who was coaching {club} {vs} "
               "| remind me who managed {club} {vs}",
}.items()}  # fmt: skip
TEAM_WORDS = {
    "shots": opts("shots all game | attempts in all"),
    "shots on target": opts("shots on target all game | on-target attempts (sot)"),
    "corners": opts("corners (total) | corners awarded"),
    "fouls": opts("total fouls | fouls (total)"),
    "offsides": opts("offside calls | offsides (times caught)"),
}
PLAYER_WORDS = {
    "shots": opts("shots in all | shots all game"),
    "key passes": opts("key passes (kp)"),
    "tackles": opts("tackles (all)"),
    "interceptions": opts("interceptions all game | interceptions (ints)"),
    "clearances": opts("clearances in all | clearances (defensive)"),
    "dribbles": opts("dribbles (successful)"),
    "saves": opts("saves all game | goalkeeper saves"),
    "shots on target": opts("shots on target all game | shots on target (sot)"),
}


# How a match is named: its date, its two clubs either way round, one side's opponent.
NAMINGS = {
    "date": opts("(played {}) | [{}] | - date {} | from {}"),
    "home first": opts("{} vrs {} | {} / {} | {} v/s {} | {} hosted {} | {} home to {}"),
    "away first": opts("{} visited {} | {} went to {} | {} (away) against {}"),
    "away": opts("when they went to {} | down at {} | away v {}"),
    "home": opts("home against {} | when they had {}"),
    "either": opts("in the match with {} | when they played {} | taking on {}"),
}


class Fan(eight.Fan):
    """Writes the tenth set's dates, joins and match namings (the rest of the typing is the eighth set's)."""

    def __init__(self, rng, matches: list[dict]) -> None:
        super().__init__(rng, matches)
        carried = [t for ts in TEMPLATES.values() for t in ts] + [w for ws in TEAM_WORDS.values() for w in ws]
        carried += [w for ws in PLAYER_WORDS.values() for w in ws] + REFUSALS + UNKNOWN_ASKS
        carried += [s for says in (TEAM_PERIOD_SAYS, PLAYER_PERIOD_SAYS, PLAYER_TOP_SAYS, TEAM_TOP_SAYS, PLACE_SAYS)
                    for ts in says.values() for s in ts]  # fmt: skip
        carried += [s for per in make_periods({}) for s in per.says] + [s for _, ss in TABLE_DAYS for s in ss]
        words = {w.strip("(),.:?'-+").lower() for t in carried for w in t.split()}
        self.keep_whole |= (words - SLIPPABLE) | set(FOLLOW_UP_WORDS.split())
        self.keep_whole |= {w + "s" for w in self.keep_whole}  # possessives typed without the apostrophe
        complete = [m for m in matches if m["complete"] and m["goals_agree"]]
        at = {(m["home"], m["away"]): m for m in complete}
        self.reverse = {m["id"]: at.get((m["away"], m["home"])) for m in complete}
        self.moved: dict[tuple[str, int], str] = {}  # (match, turn) -> the other match a follow-up turn rests on

    def day(self, d: dt.date) -> str:
        """Return the date in a form sets 6-9 did not use (day and month never in a number order two ways)."""
        n, mo = d.day, d.month
        th = "th" if 10 <= n <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        mon, wd = six.MONTHS[mo - 1], six.DAYS[d.weekday()]
        part = "early" if n <= 10 else "mid" if n <= 20 else "late"
        options = [
            f"{n}{th} {mon} {d.year}",
            f"{wd[:3]} {n}{th} of {mon}",
            f"the {wd} game in {part} {mon} ({n}{th})",
            f"{d.year}.{mo:02d}.{n:02d}",
            f"{mon[:3]} {n}, {wd[:3]}",
            f"{n} {mon} ({wd})",
        ]
        if n > 12:
            options.append(f"{n}/{mo}/{str(d.year)[2:]}")
        return self.pick(options)

    def on(self, m: dict, must: bool = False) -> str:
        """Return the date after a match when the pair met twice or ``must``, now and then otherwise, else ""."""
        dated = must or frozenset((m["home"], m["away"])) in self.met_twice or self.maybe(0.3)
        return " " + self.pick(NAMINGS["date"]).format(self.day(m["date"])) if dated else ""

    def game(self, m: dict, home_first: bool = False, must_date: bool = False) -> str:
        """Return the match as two clubs, home first mostly (always when a score is asked), away first now and then."""
        flipped = not home_first and self.maybe(0.25)
        first, second = (m["away"], m["home"]) if flipped else (m["home"], m["away"])
        naming = self.pick(NAMINGS["away first" if flipped else "home first"])
        return naming.format(self.club(first), self.club(second)) + self.on(m, must_date)

    def against(self, m: dict, side: str, must_date: bool = False) -> str:
        """Return how one side's match is named from its side ("when they went to x", "home against x")."""
        naming = self.pick(NAMINGS[side] + NAMINGS["either"])
        return naming.format(self.club(m[OTHER[side]])) + self.on(m, must_date)


# ---------------------------------------------------------------------------------- season kinds
# One period a line: first day, last day, then the ways it is typed (" | "-separated); every bound is stated exactly.
PERIODS = """
2025-08-15 2025-09-14 from the opening day (15 aug) to 14 sep 2025
2025-10-01 2025-10-31 2025-10-01 through 2025-10-31 | for the whole of october 2025
2025-11-01 2025-11-30 2025-11-01 to 2025-11-30 | for the whole of november 2025
2025-12-01 2025-12-31 for the whole of december 2025 | 2025-12-01 to 2025-12-31
2025-08-01 2025-10-31 in aug, sep and oct 2025 (1 aug - 31 oct)
2025-09-01 2025-12-31 from 1 september to new year's eve 2025 (31 dec)
2025-12-13 2026-01-07 between 13 dec 2025 and 7 jan 2026 (both included)
2025-10-18 2025-12-07 from 18 october to 7 december 2025
2025-08-01 2026-01-07 all season up to and including 7 jan 2026
2025-11-22 2026-01-07 from 22/11/2025 to 07/01/2026 (dd/mm/yyyy)
2025-09-01 2025-09-30 2025-09-01 to 2025-09-30 | for the whole of september 2025
2025-09-01 2025-11-07 from 1 september to 7 november 2025
2025-12-01 2025-12-19 from 1 to 19 december 2025 | 2025-12-01 to 2025-12-19
"""


def make_periods(absent: dict) -> list[six.Period]:
    """Return the periods asked about (PERIODS), none worded as in sets 6-9."""
    rows = [line.split(" ", 2) for line in PERIODS.strip().splitlines()]
    return [six.Period(dt.date.fromisoformat(a), dt.date.fromisoformat(b), opts(says), absent) for a, b, says in rows]


TEAM_PERIOD_SAYS = {
    "points": opts("total points for {club} {w} | remind me how many points {club} earned {w}"),
    "wins": opts("{club} number of wins {w} | count the games {club} won {w}"),
    "draws": opts("{club} draw count {w} | how often did {club} draw {w}"),
    "losses": opts("{club} loss count {w} | how often did {club} lose {w}"),
    "goals": opts("goals scored by {club} {w} | {club} total goals scored {w}"),
    "conceded": opts("{club} goals against total {w} | need the number of goals {club} conceded {w}"),
    "clean sheets": opts("{club} clean sheet tally {w} | in how many games did {club} keep a clean sheet {w}"),
}
PLAYER_PERIOD_SAYS = {
    "goals": opts("{p} total goals {w} | need {p} goal count {w}"),
    "assists": opts("{p} total assists {w} | how many goals did {p} assist {w}"),
    "shots": opts("{p} total shots {w} | shots by {p} all told {w}"),
    "key passes": opts("{p} total key passes {w} | {p} key passes added up {w}"),
}
PLAYER_TOP_SAYS = {
    "goals": opts("which player scored the most goals {w} | top individual scorer {w}"),
    "assists": opts("top assister {w} - which player | which player assisted the most goals {w}"),
    "shots": opts("which player took the most shots {w}"),
    "key passes": opts("which player made the most key passes {w}"),
}
TEAM_TOP_SAYS = {
    "points": opts("which club got the most points {w} | top points total {w} - which team"),
    "goals": opts("most goals scored by a club {w} - which one | which team scored the most {w}"),
    "wins": opts("which club had the most wins {w}"),
    "clean sheets": opts("which team had the most clean sheets {w}"),
}
TABLE_DAYS = [
    (dt.date(2025, 9, 21), opts("after the games of sunday 21 september | as of 2025-09-21 (end of day)")),
    (dt.date(2025, 8, 25), opts("after monday 25 august | as of 2025-08-25 (end of day)")),
    (dt.date(2025, 10, 25), opts("after saturday 25 october | as of 2025-10-25 (end of day)")),
    (dt.date(2025, 11, 3), opts("after monday 3 november | as of 2025-11-03 (end of day)")),
    (dt.date(2025, 11, 23), opts("after sunday 23 november | as of 2025-11-23 (end of day)")),
    (dt.date(2025, 12, 7), opts("after sunday 7 december | as of 2025-12-07 (end of day)")),
    (dt.date(2025, 12, 4), opts("after thursday 4 december | as of 2025-12-04 (end of day)")),
    (dt.date(2025, 12, 22), opts("after monday 22 december | as of 2025-12-22 (end of day)")),
    (dt.date(2025, 12, 28), opts("after sunday 28 december | as of 2025-12-28 (end of day)")),
]
PLACE_SAYS = {
    1: opts("who was top {w} | league leaders {w} - which club"),
    20: opts("who was bottom {w} | bottom of the table {w} - which club"),
    0: opts("where did {c} sit in the table {w} | {c} place in the table {w} | what place did {c} occupy {w}"),
}
NOT_LEAGUE = opts("oxford city | luton town | blackburn rovers | sheffield united | hull | norwich city fc "
                  "| bristol rovers | mansfield | forest green | doncaster | dunfermline | partick thistle "
                  "| inverness | porto fc | monaco | villarreal | real sociedad | celtic fc")  # fmt: skip
ELSEWHERE = opts("the 2019 champions league final in madrid | england v italy at euro 2020 | liverpool 4-0 barcelona "
                 "(may 2019) | brazil 1-7 germany in 2014 | arsenal v chelsea, 2017 fa cup final "
                 "| the 2008 champions league final in moscow")  # fmt: skip
# Days inside the international breaks no earlier set used: no league match was played on them.
NO_LEAGUE_DAYS = [dt.date(2025, 9, 4), dt.date(2025, 10, 9), dt.date(2025, 11, 17), dt.date(2025, 10, 7),
                  dt.date(2025, 11, 11), dt.date(2025, 9, 2)]  # fmt: skip
UNKNOWN_ASKS = opts("need the final score of {g} | remind me who netted in {g} | who reffed {g} | {g} man of the "
                    "match | what formation did both sides use in {g} | {g} yellow cards | who won {g}")  # fmt: skip
REFUSALS = opts(
    "how much tv money did {c} get last season | when does {ps} contract run out | who is {ps} agent "
    "| how many trophies have {c} won in their history | which prem players are away on international "
    "duty next week | predict the next north london derby | who will win the ballon d'or this year "
    "| how much is a pie at {cs} ground | what is {cs} wage bill | who is the {c} chairman "
    "| when was {c} founded | how many league titles have {c} won | uefa coefficient of the premier "
    "league | which players are out of contract next summer | who will be the next manager sacked "
    "| what music does {p} listen to | what's the history of {cs} badge | which pundit said {c} would "
    "go down | what stadium will {c} play in next season | who designed {cs} new training ground"
)
REFUSAL_PLAYERS = ["Bukayo Saka", "Mohamed Salah", "Bruno Fernandes", "Erling Haaland", "Cole Palmer"]


def refusal_questions(fan: Fan, matches: list[dict], partial: list[dict], periods: list) -> list[dict]:
    """Return questions the data cannot answer: money, contracts, agents, history, honours, the future, people's
    lives (never height, age, attendance or weather: the raw files hold those)."""
    out = []
    for n, text in enumerate(REFUSALS):
        c, p = fan.club(fan.pick(sorted(CLUBS))), fan.player(REFUSAL_PLAYERS[n % len(REFUSAL_PLAYERS)])
        filled = text.format(c=c, cs=fan.poss(c), p=p, ps=fan.poss(p))
        out.append({"question": fan.dress(filled), "gold": [], "clubs": ()})
    return out


# -------------------------------------------------------------------------------------- follow-ups
def follow_turns(fan: Fan, m: dict, form: str, side: str) -> list[tuple[str, list[str]]] | None:
    """Return a conversation's (text, gold) turns on one match in one form, None when the match does not allow it."""
    other, goals = OTHER[side], m["goals"]
    if form == "reverse_fixture" and fan.reverse.get(m["id"]) and m["id"] not in fan.moved.values():
        fan.moved[(m["id"], 1)] = fan.reverse[m["id"]]["id"]
        return [(f"{fan.game(m, home_first=True, must_date=True)} final score", [m["score"]]),
                (fan.pick(["and in the reverse fixture?", "what about the reverse fixture"]),
                 [fan.reverse[m["id"]]["score"]])]  # fmt: skip
    if form == "second_half" and m["ht"] and goals and not any(g["own"] for g in goals):
        later = goals[sum(map(int, m["ht"].split("-"))) :]  # goals are in time order, the first half's first
        if later and len(later) < len(goals):
            return [(f"goalscorers in {fan.game(m)}", list(dict.fromkeys(g["scorer"] for g in goals))),
                    (fan.pick(["2nd half only?", "just the second half?"]),
                     list(dict.fromkeys(g["scorer"] for g in later)))]  # fmt: skip
    win = "home" if m["hs"] > m["as"] else "away" if m["as"] > m["hs"] else None
    if form == "winner_chain" and win and abs(m["hs"] - m["as"]) == 1 and goals[-1]["side"] == win:
        last = goals[-1]  # with a one-goal margin the winner's last goal is the winning goal
        if not last["own"] and last["assister"]:
            turns = [(f"who got the winning goal in {fan.game(m)}", [last["scorer"]]),
                     (fan.pick(["who set it up", "and who laid it on for him"]), [last["assister"]])]  # fmt: skip
            if not last["stoppage"]:
                turns.append((fan.pick(["what minute?", "and when was it"]), [six.minute(last)]))
            return turns
    if form == "sot_pair":
        a, b = m["team"][side].get("shots on target", 0), m["team"][other].get("shots on target", 0)
        if a and b:
            return [(f"{fan.club(m[side])} on-target shots {fan.against(m, side)}", [str(a)]),
                    (fan.pick(["and the other lot?", "same for the opposition"]), [str(b)])]  # fmt: skip
    if form == "first_scorer_shots" and goals and not goals[0]["own"]:
        counts = m["players"][goals[0]["pid"]]["counts"]
        if counts.get("shots") and counts.get("shots on target"):
            return [(f"first goal of {fan.game(m)} - who got it", [goals[0]["scorer"]]),
                    (fan.pick(["how many shots did he have in total", "his total shots that day?"]),
                     [str(counts["shots"])]),
                    (fan.pick(["and how many of them on target", "on target?"]),
                     [str(counts["shots on target"])])]  # fmt: skip
    cards = m["cards"]
    if form == "ref_yellows_total" and m["referee"] and all(map(eight.clean_yellows, cards.values())):
        total = cards["home"]["Yellow"] + cards["away"]["Yellow"]
        return [(f"who was the referee for {fan.game(m)}", [m["referee"]]),
                (fan.pick(["how many yellows did he hand out altogether", "total yellow cards he showed (both teams)"]),
                 [str(total)])]  # fmt: skip
    if form == "motm_club" and top_rated(m, None):
        best = top_rated(m, None)
        club = next(m[p["side"]] for p in m["players"].values() if p["name"] == best)
        if club_gold(club):
            return [(f"standout player by rating in {fan.game(m)}", [best]),
                    (fan.pick(["which team does he play for", "his club?"]), [club_gold(club)])]  # fmt: skip
    return None


FORMS = ["reverse_fixture", "second_half", "winner_chain", "sot_pair", "first_scorer_shots", "ref_yellows_total",
         "motm_club"]  # fmt: skip
BASE_CONVERSATIONS = eight.conversations


def conversations(fan: Fan, matches: list[dict], usage: collections.Counter, asked: collections.Counter) -> list:
    """Return the eighth skeleton's conversations on this set's forms, a reverse-fixture turn resting on its match."""
    convs = BASE_CONVERSATIONS(fan, matches, usage, asked)
    for conv in convs:
        first = conv["turns"][0]["match_id"]
        for n, turn in enumerate(conv["turns"]):
            turn["match_id"] = fan.moved.get((first, n), turn["match_id"])
            asked[turn["match_id"]] += turn["match_id"] != first
    return convs


HOOKS = {"CLUBS": CLUBS, "KNOWN_AS": KNOWN_AS, "OPENERS": OPENERS, "CLOSERS": CLOSERS, "STATEMENTS": STATEMENTS,
         "SHORT": SHORT, "SEED": SEED, "follow_turns": follow_turns, "FORMS": FORMS, "Fan": Fan,
         "conversations": conversations, "templates_for": nine.templates_for, "make_periods": make_periods,
         "TEAM_PERIOD_SAYS": TEAM_PERIOD_SAYS, "PLAYER_PERIOD_SAYS": PLAYER_PERIOD_SAYS,
         "PLAYER_TOP_SAYS": PLAYER_TOP_SAYS, "TEAM_TOP_SAYS": TEAM_TOP_SAYS, "TABLE_DAYS": TABLE_DAYS,
         "PLACE_SAYS": PLACE_SAYS, "NOT_LEAGUE": NOT_LEAGUE, "ELSEWHERE": ELSEWHERE, "NO_LEAGUE_DAYS": NO_LEAGUE_DAYS,
         "UNKNOWN_ASKS": UNKNOWN_ASKS}  # fmt: skip


def newest_matches(data_dir: Path) -> frozenset[str]:
    """Return the ids of the matches played on or after NEWEST_FROM (the rounds earlier sets barely asked about)."""
    return frozenset(
        m["id"] for m in map(six.read_match, sorted(data_dir.glob("*.json.gz"))) if m["date"] >= NEWEST_FROM
    )


def build(data_dir: Path) -> tuple[list[dict], list[dict], collections.Counter, collections.Counter]:
    """Return the tenth set's questions and conversations and how often each club and match is asked about."""
    for name, value in HOOKS.items():
        setattr(eight, name, value)  # the eighth skeleton reads its words from module names at call time
    eight.PER_SEASON["refusal"] = refusal_questions
    nine.TEMPLATES, nine.TEAM_WORDS, nine.PLAYER_WORDS = TEMPLATES, TEAM_WORDS, PLAYER_WORDS
    six.LESS_ASKED = newest_matches(data_dir)  # six.choose asks these first, on ties of club balance
    questions, convs, usage, asked = BASE_BUILD(data_dir)
    for row in questions + convs:
        row["id"] = row["id"].replace("blind8-", "blind10-")
    return questions, convs, usage, asked


BASE_BUILD = eight.build


def main() -> None:
    """Write the set's two files and print its counts, through the eighth set's main (its output and build bound)."""
    eight.OUT, eight.build = OUT, build
    eight.main()


if __name__ == "__main__":
    main()
