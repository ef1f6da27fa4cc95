#!/usr/bin/env python3
"""Build the eleventh blind evaluation set (questions as fans, analysts and scouts type them, and gold) from raw files.

Written blind to how football_rag answers. What each kind means and when a match allows it are the sixth set's rules
(``scripts/blind6_eval_gold.py``); the set skeleton is the eighth's (``scripts/blind8_eval_gold.py``), the choice of
template by what a rule returned the ninth's ``templates_for``, and the typing of a match (namings, periods, refusal
texts, the reverse fixture a turn moves to) the tenth's ``Fan``, ``make_periods``, ``refusal_questions``,
``conversations`` and ``build``, which read their words from their modules' names at call time. This script brings
only this set's words, date forms and follow-up forms, binds them onto the tenth module and runs its ``build``; no
rule is copied. Every wording is new against sets 6-10: templates, stat words, club spellings, date forms, match
namings, openers, closers, statements, thumb forms, periods, table days, unknown matches, refusal topics and follow-up
forms. It writes, deterministically (fixed seed, sorted inputs):

    configs/eval/blind/set11/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set11/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

Standard library only. Run from anywhere: ``python3 scripts/blind11_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

import collections
import datetime as dt

import blind6_eval_gold as six  # the gold rules per kind
import blind8_eval_gold as eight  # the skeleton: candidates, season kinds, choice, main
import blind10_eval_gold as ten  # the typing of a match and the build that binds words onto the skeleton
from blind10_eval_gold import opts
from whoscored_gold import OTHER, club_gold, top_rated

OUT = eight.ROOT / "configs" / "eval" / "blind" / "set11"
SEED = 11_0712_2026

# Every word of the set, one table row a line: "TABLE key: option | option" (a line opening "|" goes on with the row
# above). Club spellings none of sets 6-10 used: bare nicknames, a club with its nickname after it, thumb slips of a
# swapped or lost letter ("fluham", "lvierpool", "leeds untied"); no name several clubs answer to is used alone.
# Stat words say the kind's stat (the sixth set's TEAM_SAYS and PLAYER_SAYS); no opener names a stat or a role ("ok
# assistant" reads as assists); refusals ask what no file here holds (never height, age, shirt number, position,
# attendance or weather: the raw files hold those). A table day is an ISO date. THUMBS: the short forms a thumb
# types, the template fillers it may slip on (every other template word carries the question), and the words of
# the namings and follow-up turns it never slips (who was at home, which half, which stat).
WORDS_TEXT = """
CLUBS Arsenal: gooners | arsenla | arsneal
CLUBS Aston Villa: villans | aston vill | avfc villa | asto villa
CLUBS Bournemouth: bournemouth afc | cherries fc | bounremouth
CLUBS Brentford: bees | brentfrod | brentford (the bees)
CLUBS Brighton: brightn | brighton albion fc | albion (brighton)
CLUBS Burnley: brunley | burnley (the clarets) | clarets of burnley
CLUBS Chelsea: chlesea | cfc blues | chelsea (the blues)
CLUBS Crystal Palace: crsytal palace | palace eagles | cpfc eagles
CLUBS Everton: evetron | everton (the toffees) | toffees (everton)
CLUBS Fulham: fluham | fulham (the cottagers) | fulham (ffc)
CLUBS Leeds: leeds untied | leeds whites | lufc whites
CLUBS Liverpool: lvierpool | liverpool (the reds) | reds (lfc)
CLUBS Man City: mnachester city | man city sky blues | manchester city (mcfc)
CLUBS Man Utd: mancheter united | man u fc | man utd (mufc)
CLUBS Newcastle: newcasle | newcastle (the magpies) | toon (newcastle)
CLUBS Nottingham Forest: nottingham froest | forest fc (nottingham) | nffc forest
CLUBS Sunderland: sunderlnad | mackems | sunderland (the black cats)
CLUBS Tottenham: tottenham hotpsur | tottenham (aka spurs) | spurs (tottenham hotspur)
CLUBS West Ham: west ahm | hammers fc | west ham irons
CLUBS Wolves: wloves | wolverhampton wolves | wolverhampton wndrs
TEMPLATES score/winner: {score_game} - which side won it, and by what scoreline
    | who won {score_game} n whats the score | winner of {score_game} plus the final score
TEMPLATES score/ft: {score_game} final result please | how many did each side score in {score_game}
    | {score_game}, what was the result | need the ft result for {score_game}
    | tell me the final result of {score_game}
TEMPLATES scorers/whole: {game} - all the goalscorers from both sides | who were the goal scorers in {game}
    | need everyone who got a goal in {game} | scorers list for {game}
TEMPLATES scorers/side: {club} goals {vs}: who scored them | which {club} players got goals {vs}
    | who were {clubs} goalscorers {vs} | need {clubs} scorers {vs}
TEMPLATES goal_minute/player: {p} goal {vs} - which minute was it | which minute did {p} score in {vs}
    | need the minute of {ps} goal {vs} | {ps} goal {vs} came in what minute
TEMPLATES goal_minute/whole: which minute was the first goal scored in {game}
    | opening goal of {game} - what minute | need the minute the deadlock was broken in {game}
    | minute of the first goal of {game} exactly
TEMPLATES assister: whose assist was {ps} goal {vs} | {p} scored {vs} - who got the assist
    | need the assist provider for {ps} goal {vs} | who supplied the assist for {p} {vs}
TEMPLATES team_stat: {w} by {club} {vs} - how many | tally of {w} for {club} {vs}
    | {club} racked up how many {w} {vs} | give me {clubs} {w} figure {vs}
TEMPLATES card_count: how many yellow cards did {club} get {vs} | {club} {vs}: number of yellow cards
    | need {clubs} yellow card tally {vs} | how many {club} players saw yellow {vs}
TEMPLATES player_stat: {p} {vs}: what was his {w} total | number of {w} by {p} {vs} | need {ps} {w} tally {vs}
    | {p} managed how many {w} {vs}
TEMPLATES player_leader: {game}: which player on either side made the most {w}
    | most {w} in {game} - who was it (either team) | need the player with the top {w} count in {game}, both sides
    | across both teams in {game}, who made the most {w}
TEMPLATES formation: {club} formation {vs} please | which formation did {club} play {vs}
    | need {clubs} starting formation {vs} | {club} lined up in which formation {vs}
    | what system were {club} playing {vs}
TEMPLATES referee: name of the referee for {game} | {game} - who was the ref
    | which referee was in charge of {game} | need the match referee for {game}
TEMPLATES man_of_the_match: {game}: who was motm | top rated player on the pitch in {game}
    | need the man of the match for {game} | who had the best rating of anyone in {game}
TEMPLATES manager: {clubs} manager {vs} was who | which manager had {club} {vs} | need {clubs} boss {vs}
    | who was {clubs} gaffer {vs}
TEAM_WORDS shots: shots (on + off target) | attempts overall
TEAM_WORDS shots on target: shots that tested the keeper | on-target attempts overall
TEAM_WORDS corners: corners forced | corners overall
TEAM_WORDS fouls: fouls committed overall | free kicks given away (fouls)
TEAM_WORDS offsides: offsides committed | times pulled up offside
PLAYER_WORDS shots: shots altogether | attempts at goal overall
PLAYER_WORDS key passes: key passes overall | passes leading to a shot (key passes)
PLAYER_WORDS tackles: tackles overall
PLAYER_WORDS interceptions: interceptions overall
PLAYER_WORDS clearances: clearances overall
PLAYER_WORDS dribbles: dribbles that came off | successful dribbles overall
PLAYER_WORDS saves: saves overall | shots saved
PLAYER_WORDS shots on target: shots on target overall | on-target attempts overall
NAMINGS date: dated {} | ({} fixture) | on matchday {} | - game date {}
NAMINGS home first: {} x {} | {} welcoming {} | {} at home versus {} | {} (h) vs {} (a)
NAMINGS away first: {} at {} | {} as visitors at {} | {} as the away side at {}
NAMINGS away: on the away trip to {} | at {} away
NAMINGS home: with {} in town | when {} came to them
NAMINGS either: in the {} game | opposite {} | in their meeting with {}
TEAM_PERIOD_SAYS points: how many points {club} got {w} | {club}'s haul of points {w}
TEAM_PERIOD_SAYS wins: wins by {club} {w} - how many | {club} victories {w}, how many
TEAM_PERIOD_SAYS draws: draws by {club} {w} - how many | {club} drawn games {w} - how many
TEAM_PERIOD_SAYS losses: how many defeats for {club} {w} | {club} losses {w} in total
TEAM_PERIOD_SAYS goals: how many times did {club} score {w} | {club} scored how many {w}
TEAM_PERIOD_SAYS conceded: how many goals did {club} let in {w} | {club} goals conceded {w} total
TEAM_PERIOD_SAYS clean sheets: how many shutouts for {club} {w} | {club} clean sheets {w} - number
PLAYER_PERIOD_SAYS goals: how many goals for {p} {w} | {p} scored how many {w}
PLAYER_PERIOD_SAYS assists: how many assists for {p} {w} | {p} assists {w} all together
PLAYER_PERIOD_SAYS shots: how many shots for {p} {w} | number of shots {p} took {w}
PLAYER_PERIOD_SAYS key passes: how many key passes for {p} {w} | {p} key passes {w} total
PLAYER_TOP_SAYS goals: top scorer in the league {w} - which player | who scored more goals than anyone {w}
PLAYER_TOP_SAYS assists: who assisted more goals than anyone {w} | league's top assister {w}
PLAYER_TOP_SAYS shots: who fired the most shots {w} (any player)
PLAYER_TOP_SAYS key passes: most key passes by one player {w} - who
TEAM_TOP_SAYS points: which side picked up the most points {w} | club with the most points {w}
TEAM_TOP_SAYS goals: which club found the net most {w}
TEAM_TOP_SAYS wins: which side won the most games {w}
TEAM_TOP_SAYS clean sheets: which side kept the most clean sheets {w}
PLACE_SAYS 1: which team led the league {w} | table-toppers {w}?
PLACE_SAYS 20: which team was last {w} | who were rock bottom {w}
PLACE_SAYS 0: what position were {c} in {w} | where were {c} in the league {w} | {c} position in the league {w}
DATES any day: {mon} the {n}{th} | {wd}, {mon} {n} | {mon:.3}-{n:02d}-{y} | {n}{th} {mon:.3}, {y}
    | {part} {mon}: {wd:.3} the {n}{th}
DATES after the 12th: {wd:.3} {n}/{mo} | {wd:.3} {n}.{mo:02d}
THUMBS short forms: who woh | what waht | was ws | have hve | that tht
THUMBS fillers: please | anywhere | notes | exactly | figure | together
THUMBS kept whole: welcoming home versus visitors road away trip their opposite meeting game dated fixture matchday date
    | came town hosting early mid late return match other way round each first half break before goalscorers
    | scored scorers side opening goal assisted who got it assist from whose pass count booked players corners
    | opposition opponents manager dugout charge yellow cards bookings top-rated rating key passes shots made have
    | result
TABLE_DAYS 2025-08-31: at close of play on sun 31 aug 2025 | when the 31 august 2025 games were done
TABLE_DAYS 2025-10-05: at close of play on sun 5 oct 2025 | when the 5 october 2025 games were done
TABLE_DAYS 2025-10-19: at close of play on sun 19 oct 2025
TABLE_DAYS 2025-11-09: at close of play on sun 9 nov 2025 | when the 9 november 2025 games were done
TABLE_DAYS 2025-12-14: at close of play on sun 14 dec 2025 | when the 14 december 2025 games were done
TABLE_DAYS 2025-09-28: at close of play on sun 28 sep 2025
TABLE_DAYS 2026-01-03: at close of play on sat 3 jan 2026 | when the 3 january 2026 games were done
LISTS NOT_LEAGUE: gillingham | bradford city | burton albion | shrewsbury town | wycombe | northampton | crewe
    | port vale | notts county | hibernian fc | livingston | falkirk | salford city | grimsby | bromley
    | accrington | walsall | tranmere
LISTS ELSEWHERE: the 2014 world cup final in rio | chelsea v bayern, munich 2012
    | man utd 0-1 arsenal at old trafford, may 2002 | newcastle 4-4 arsenal from february 2011
    | the euro 2016 final in paris | wigan v man city, the 2013 fa cup final
LISTS UNKNOWN_ASKS: the final result from {g}? | who got goals in {g} | the referee in {g} - name?
    | who starred in {g} (motm) | {g} line-ups and formations | corner tally in {g} | winner of {g}?
LISTS REFUSALS: how much are {cs} shares worth on the stock market | what is {cs} club anthem | who is {cs} mascot
    | how much prize money does the premier league winner get | which players are {c} targeting in the summer
    | how many languages does {p} speak | what's {ps} favourite food | which charity does {p} support
    | how much debt are {c} in | which team did {p} support as a kid | how many shirts did {c} sell last year
    | when does next season's fixture list come out | what is the record transfer fee in premier league history
    | how much is a sky sports subscription | who commentated on {cs} last game on tv
    | what time do the gates open at {cs} stadium | who's the kit man at {c}
    | what are the psr spending rules this year | who was {ps} idol growing up | what is {ps} star sign
LISTS STATEMENTS: {q} - can't find it anywhere | help a fan out: {q} | i reckon i know this but {q}
    | double-checking: {q} | need this for my notes - {q}
LISTS OPENERS: evening all, | hello, | alright lads, | question for ya: | in the pub rn - | dictating this:
    | sorry, | bored at work, | from the stands: | fan here - | uni project: | random thought,
LISTS CLOSERS: ta muchly | 🙏🏻 | quick as u can | (just curious) | appreciate it | 👍 | ⚽️🤔 | ty in advance | if u can
    | nvm if not | 😅 | cheers pal
"""


def tables(text: str) -> dict[str, dict[str, list[str]]]:
    """Return the rows of WORDS_TEXT: table name -> key -> options."""
    rows: list[list[str]] = []
    for line in text.strip().splitlines():
        if line.strip().startswith("|"):
            rows[-1][1] += " " + line.strip()
        else:
            rows.append(line.split(": ", 1))
    out: dict[str, dict[str, list[str]]] = collections.defaultdict(dict)
    for head, says in rows:
        name, key = head.split(" ", 1)
        out[name][key] = opts(says)
    return out


WORDS = tables(WORDS_TEXT)
LISTS = WORDS.pop("LISTS")
OPENERS = [""] * 18 + [o + " " for o in LISTS.pop("OPENERS")]
CLOSERS = [""] * 14 + [" " + c for c in LISTS.pop("CLOSERS")]
PLACE_SAYS = {int(k): v for k, v in WORDS.pop("PLACE_SAYS").items()}
TABLE_DAYS = [(dt.date.fromisoformat(k), v) for k, v in WORDS.pop("TABLE_DAYS").items()]
DATES = WORDS.pop("DATES")
# Days inside the international breaks none of sets 6-10 used: no league match was played on them.
NO_LEAGUE_DAYS = [dt.date(2025, 9, 1), dt.date(2025, 10, 6), dt.date(2025, 11, 10), dt.date(2025, 9, 12),
                  dt.date(2025, 10, 16), dt.date(2025, 11, 20)]  # fmt: skip
REFUSAL_PLAYERS = ["Declan Rice", "Virgil van Dijk", "Bruno Guimarães", "Morgan Rogers", "Jarrod Bowen"]
KNOWN_AS = {"Jean-Philippe Mateta": "jp mateta", "Morgan Gibbs-White": "gibbs white", "Virgil van Dijk": "vvd"}
THUMBS = WORDS.pop("THUMBS")
SHORT = dict(o.split() for o in THUMBS["short forms"])
SLIPPABLE = set(THUMBS["fillers"])
FOLLOW_UP_WORDS = " ".join(THUMBS["kept whole"])


class Fan(ten.Fan):
    """Writes the eleventh set's dates (the namings are the tenth ``Fan``'s, read from this set's NAMINGS)."""

    def day(self, d: dt.date) -> str:
        """Return the date in a form of DATES (sets 6-10 used none; a day and month in numbers only after the 12th)."""
        n = d.day
        named = {"n": n, "mo": d.month, "y": d.year, "mon": six.MONTHS[d.month - 1], "wd": six.DAYS[d.weekday()]}
        named["th"] = "th" if 10 <= n <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        named["part"] = "early" if n <= 10 else "mid" if n <= 20 else "late"
        forms = DATES["any day"] + (DATES["after the 12th"] if n > 12 else [])
        return self.pick(forms).format(**named)


# ---------------------------------------------------------------------------------- season kinds
# One period a line: first day, last day, then the ways it is typed (" | "-separated); every bound is stated exactly.
PERIODS = """
2025-08-01 2025-08-31 over aug 2025 (every game from the 1st to the 31st) | for the month of august 2025
2025-09-01 2025-10-31 september+october 2025 (1/9 to 31/10) | sept and oct 2025 combined (1 sept - 31 oct)
2025-11-01 2025-12-31 in the last two months of 2025 (1 nov to 31 dec) | nov & dec 2025 combined (1 nov - 31 dec)
2025-10-01 2025-10-31 in the month of october 2025 | over oct 2025 (1st to 31st)
2025-12-01 2025-12-31 in the month of december 2025 | across dec 2025 (1st till 31st)
2025-08-15 2025-11-30 from the first game of the season (15 aug) to the end of november 2025
2025-11-08 2025-12-14 8 nov - 14 dec 2025 inclusive
2025-12-20 2026-01-07 over the festive period, 20 dec 2025 to 7 jan 2026 inclusive
2025-09-13 2025-11-09 between 13 sept and 9 nov 2025 inclusive
2025-08-15 2025-12-31 in the 2025 part of the season (15 aug - 31 dec)
2026-01-01 2026-01-07 in the first week of 2026 (1-7 jan)
2025-10-04 2025-11-30 from 4 oct to 30 nov 2025 inclusive
"""


# -------------------------------------------------------------------------------------- follow-ups
def half_split(m: dict) -> tuple[list[dict], list[dict]] | None:
    """Return the goals of each half when WhoScored's half-time score agrees with the goal events, else None."""
    if not m["ht"]:
        return None
    at = sum(map(int, m["ht"].split("-")))  # goals are in time order, the first half's first
    return m["goals"][:at], m["goals"][at:]


def follow_turns(fan: Fan, m: dict, form: str, side: str) -> list[tuple[str, list[str]]] | None:
    """Return a conversation's (text, gold) turns on one match in one form, None when the match does not allow it."""
    other, goals, ct = OTHER[side], m["goals"], fan.club(m[side])
    back = fan.reverse.get(m["id"])
    if form == "return_match" and back and m["id"] not in fan.moved.values():
        fan.moved[(m["id"], 1)] = back["id"]
        return [(f"{fan.game(m, home_first=True, must_date=True)}: what was the final result", [m["score"]]),
                (fan.pick(["how did the return match go", "and when they played each other the other way round?"]),
                 [back["score"]])]  # fmt: skip
    halves = half_split(m)
    if form == "first_half" and halves and all(halves) and not any(g["own"] for g in goals):
        return [(f"who were the scorers in {fan.game(m)}", list(dict.fromkeys(g["scorer"] for g in goals))),
                (fan.pick(["first half only?", "before the break, who scored?"]),
                 list(dict.fromkeys(g["scorer"] for g in halves[0])))]  # fmt: skip
    first = goals[0] if goals else None
    if form == "opening_side" and first and not first["own"] and first["assister"] and club_gold(m[first["side"]]):
        return [(f"which side scored first in {fan.game(m)}", [club_gold(m[first["side"]])]),
                (fan.pick(["who scored it", "and the scorer of that opening goal?"]), [first["scorer"]]),
                (fan.pick(["and the assist came from?", "and whose pass was it"]), [first["assister"]])]  # fmt: skip
    if form == "corner_pair":
        a, b = m["team"][side].get("corners", 0), m["team"][other].get("corners", 0)
        if a and b:
            return [(f"corner count for {ct} {fan.against(m, side)}", [str(a)]),
                    (fan.pick(["how many did the opposition get?", "what about their opponents"]),
                     [str(b)])]  # fmt: skip
    if form == "dugouts" and m["manager"][side] and m["manager"][other]:
        return [(f"who was in charge of {ct} {fan.against(m, side, must_date=True)}", [six.boss(m["manager"][side])]),
                (fan.pick(["and in the other dugout?", "the opposition manager?"]),
                 [six.boss(m["manager"][other])])]  # fmt: skip
    best = top_rated(m, None)
    counts = next((p["counts"] for p in m["players"].values() if p["name"] == best), {})
    if form == "top_rated_output" and best and counts.get("key passes") and counts.get("shots"):
        return [(f"top-rated player in {fan.game(m)}?", [best]),
                (fan.pick(["how many key passes did he make", "his key passes?"]), [str(counts["key passes"])]),
                (fan.pick(["and shots?", "how many shots did he have"]), [str(counts["shots"])])]  # fmt: skip
    cards = m["cards"]
    if form == "bookings_pair" and eight.clean_yellows(cards[side]) and eight.clean_yellows(cards[other]):
        return [(f"{ct} booked players {fan.against(m, side)} - how many", [str(cards[side]["Yellow"])]),
                (fan.pick(["and the opposition's bookings?", "same for their opponents"]),
                 [str(cards[other]["Yellow"])])]  # fmt: skip
    return None


FORMS = ["return_match", "first_half", "opening_side", "corner_pair", "dugouts", "top_rated_output", "bookings_pair"]
# This set's words and forms, bound onto the tenth module's names: its Fan, periods and refusals read them at call
# time, and its build binds the ones in its HOOKS onto the eighth skeleton.
MINE = WORDS | LISTS | {"PERIODS": PERIODS, "SLIPPABLE": SLIPPABLE, "FOLLOW_UP_WORDS": FOLLOW_UP_WORDS,
                        "TABLE_DAYS": TABLE_DAYS, "PLACE_SAYS": PLACE_SAYS, "REFUSAL_PLAYERS": REFUSAL_PLAYERS,
                        "KNOWN_AS": KNOWN_AS, "OPENERS": OPENERS, "CLOSERS": CLOSERS, "SHORT": SHORT, "SEED": SEED,
                        "follow_turns": follow_turns, "FORMS": FORMS, "Fan": Fan,
                        "NO_LEAGUE_DAYS": NO_LEAGUE_DAYS}  # fmt: skip


def eleventh_ids(made: tuple) -> tuple:
    """Return the tenth build's output (questions, conversations, counts) with every id named as set 11's."""
    for row in made[0] + made[1]:
        row["id"] = "blind11-" + row["id"].removeprefix("blind10-")
    return made


def main() -> None:
    """Write the set through the eighth ``main``, the tenth build running on this set's words and forms."""
    for name, value in MINE.items():
        setattr(ten, name, value)
    ten.HOOKS = {name: MINE.get(name, value) for name, value in ten.HOOKS.items()}
    eight.OUT = OUT
    eight.build = lambda data_dir: eleventh_ids(ten.build(data_dir))
    eight.main()


if __name__ == "__main__":
    main()
