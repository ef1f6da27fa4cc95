#!/usr/bin/env python3
"""Build the twelfth blind evaluation set (questions as fans, analysts and scouts type them, and gold) from raw files.

Written blind to how football_rag answers. What each kind means and when a match allows it are the sixth set's rules
(``scripts/blind6_eval_gold.py``); the skeleton is the eighth's, the choice of template the ninth's, the typing of a
match and the build the tenth's, and the one-table word format, the date forms read from a table, the binding of
words onto the tenth module and the run the eleventh's (``tables``, ``Fan``, ``main``). This script brings only this
set's words, its newest-rounds date and its follow-up forms, and hands them to the eleventh ``main``; no rule is
copied. Every wording is new against sets 6-11: templates, stat words, club spellings, date forms, match namings,
openers (whole sentences before the question), closers, statements, thumb forms, periods, table days, unknown
matches, refusal topics and follow-up forms. It writes, deterministically (fixed seed, sorted inputs):

    configs/eval/blind/set12/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/set12/conversations.jsonl  one follow-up conversation (2 or 3 turns) a line

Standard library only. Run from anywhere: ``python3 scripts/blind12_eval_gold.py [DATA_DIR]``.
"""

from __future__ import annotations

import datetime as dt

import blind6_eval_gold as six  # the gold rules per kind
import blind11_eval_gold as eleven  # the word tables, the dates read from a table, the binding and the run
from whoscored_gold import OTHER, club_gold, leaders, winner_side

OUT = eleven.eight.ROOT / "configs" / "eval" / "blind" / "set12"
SEED = 12_0712_2026
# The rounds from Boxing Day on (the latest five the data holds) are asked first on ties of club balance.
NEWEST_FROM = dt.date(2025, 12, 26)

# Every word of the set, one table row a line (the eleventh set's format: "TABLE key: option | option", a line opening
# "|" goes on with the row above). Club spellings none of sets 6-11 used: a thumb slip of a swapped, doubled or lost
# letter ("chealsea", "man untied", "nott'm forest") or a nickname with the club in brackets; no name several clubs
# answer to is used alone. Stat words say the kind's stat (the sixth set's TEAM_SAYS and PLAYER_SAYS); no opener or
# closer names a stat, a role, a side or a result; refusals ask what no file here holds (never height, age, shirt
# number, position, attendance or weather: the raw files hold those). THUMBS: the short forms a thumb types, the
# template fillers it may slip on (every other template word carries the question), and the words of the namings and
# follow-up turns it never slips.
WORDS_TEXT = """
CLUBS Arsenal: arseanl | gunners (arsenal)
CLUBS Aston Villa: aston viila | villa (avfc)
CLUBS Bournemouth: bournemotuh | the cherries (bournemouth)
CLUBS Brentford: brnetford | bees (brentford fc)
CLUBS Brighton: brighotn | the seagulls (brighton)
CLUBS Burnley: bunrley | clarets (burnley fc)
CLUBS Chelsea: cheslea | chelsea (cfc)
CLUBS Crystal Palace: crytal palace | cpfc (crystal palace)
CLUBS Everton: everotn | toffees (efc)
CLUBS Fulham: fulhma | cottagers (fulham)
CLUBS Leeds: leesd united | leeds united (lufc)
CLUBS Liverpool: liverpoll | reds (liverpool fc)
CLUBS Man City: man ctiy | citizens (man city)
CLUBS Man Utd: man untied | manchester united (mufc)
CLUBS Newcastle: nwecastle | magpies (newcastle utd)
CLUBS Nottingham Forest: nottingahm forest | the tricky trees (forest)
CLUBS Sunderland: sunderladn | black cats (sunderland)
CLUBS Tottenham: tottneham | thfc (tottenham)
CLUBS West Ham: west hma | irons (west ham)
CLUBS Wolves: wolverhmapton | wolves (wwfc)
TEMPLATES score/winner: who came away with the win in {score_game} and what did it end
    | {score_game} - who won, and the final score as well | stat check: winning side and final score, {score_game}
TEMPLATES score/ft: i missed {score_game}, what was the final score | what did {score_game} end up
    | {score_game} at full time - how many goals each | {score_game} - final score was what?
    | looking for the full-time score of {score_game}
TEMPLATES scorers/whole: who got their names on the scoresheet in {game} | goalscorers on both sides, {game}
    | {game}: every name that scored please | {game} goals - scored by whom?
TEMPLATES scorers/side: {clubs} goals {vs} were scored by who | who found the net for {club} {vs}
    | {clubs} goalscorers {vs}, names please | name the {club} players who scored {vs}
TEMPLATES goal_minute/player: {p} found the net {vs} - what was the minute
    | how far into the game did {p} score {vs} (minute) | {p} scored {vs} - tell me the minute
    | in which minute did {p} get his goal {vs}
TEMPLATES goal_minute/whole: how long did it take for the first goal in {game} (minute)
    | {game} - the first goal went in on what minute | opener in {game}, which minute
    | when did {game} get its first goal - minute please
TEMPLATES assister: who provided the assist for {ps} goal {vs} | {ps} goal {vs} - who was the provider
    | who played {p} in for his goal {vs} | {p} scored {vs}; name the assister | assister for {ps} goal {vs}?
TEMPLATES team_stat: stat check: {clubs} {w} {vs} | how many {w} did {club} end up with {vs}
    | {w} - {club} {vs}, the number? | what did {club} have for {w} {vs}
TEMPLATES card_count: yellow cards for {club} {vs} - the count | stat check - {clubs} yellows {vs}
    | how many yellows were shown to {club} players {vs} | {club} {vs}: how many yellow cards did they get
TEMPLATES player_stat: stat check: {ps} {w} {vs} | how many {w} did {p} get {vs}
    | {w} by {p} {vs} - give me the number | {ps} {w} {vs} - what was it
TEMPLATES player_leader: stat check: most {w} in {game}, either team
    | {game} - the player with the most {w}, both teams included | who made more {w} than anyone else in {game}
    | leader for {w} in {game} (any side)
TEMPLATES formation: what formation did {club} go with {vs} | stat check: {clubs} formation {vs}
    | how were {club} set up at kick-off {vs} (formation) | formation {club} started with {vs}?
TEMPLATES referee: which official had the whistle for {game} | the referee of {game} was who
    | name of the man with the whistle, {game} | stat check - referee for {game}
TEMPLATES man_of_the_match: who was the highest-rated player in {game} | man of the match, {game} - who got it
    | {game}: player with the top whoscored rating | stat check: motm in {game}
TEMPLATES manager: who was the manager of {club} {vs} | {clubs} head coach {vs} - name?
    | manager in the {club} dugout {vs} | the {club} manager {vs} was who
TEAM_WORDS shots: shots (every attempt) | shots, blocked ones included
TEAM_WORDS shots on target: shots on target in total | sot (shots on target)
TEAM_WORDS corners: corners earned | corners in total
TEAM_WORDS fouls: committed fouls | free kicks conceded (fouls)
TEAM_WORDS offsides: total offsides | offsides (total)
PLAYER_WORDS shots: shots (every attempt) | shots, blocked ones included
PLAYER_WORDS key passes: key passes (passes that led to a shot) | key passes in total
PLAYER_WORDS tackles: tackles put in
PLAYER_WORDS interceptions: interceptions recorded | total interceptions
PLAYER_WORDS clearances: clearances (total) | total clearances
PLAYER_WORDS dribbles: successful dribbles (take-ons) | dribbles completed successfully
PLAYER_WORDS saves: total saves | keeper saves
PLAYER_WORDS shots on target: shots on target in total | shots that were on target
NAMINGS date: that was on {} | in the game on {} | - the {} one
NAMINGS home first: {} entertaining {} | {} hosting {} | {} vee {} | {} v {} (home side first)
NAMINGS away first: {} on their travels to {} | {} playing away at {}
NAMINGS away: away from home at {} | playing away to {}
NAMINGS home: with {} visiting | on home soil v {}
NAMINGS either: when they faced {} | in their game v {}
TEAM_PERIOD_SAYS points: points {club} picked up {w} | stat check: {club} points {w}
TEAM_PERIOD_SAYS wins: number of games {club} won {w} | {club} wins {w} - give me the count
TEAM_PERIOD_SAYS draws: count the draws {club} had {w} | {club} draws {w} - the count
TEAM_PERIOD_SAYS losses: how many games did {club} lose {w} | {club} defeats {w} - the count
TEAM_PERIOD_SAYS goals: goals put away by {club} {w} | total goals {club} netted {w}
TEAM_PERIOD_SAYS conceded: how many did {club} concede {w} | how many goals went past {club} {w}
TEAM_PERIOD_SAYS clean sheets: games {club} didn't concede in {w} | {club} clean sheets {w}, how many
PLAYER_PERIOD_SAYS goals: goals {p} got {w} | how many goals did {p} get {w}
PLAYER_PERIOD_SAYS assists: how many assists did {p} provide {w} | {p} assists {w} - the number
PLAYER_PERIOD_SAYS shots: shots {p} had {w} | shots taken by {p} {w}
PLAYER_PERIOD_SAYS key passes: key passes made by {p} {w} | {p}: key passes {w}, number?
PLAYER_TOP_SAYS goals: leading scorer {w} - who | who got the most goals {w}, any player
PLAYER_TOP_SAYS assists: leading assister {w} | most assists by a player {w}
PLAYER_TOP_SAYS shots: which player had the most shots {w}
PLAYER_TOP_SAYS key passes: which player topped the key passes list {w}
TEAM_TOP_SAYS points: which team collected the most points {w} | best points total {w} - which club
TEAM_TOP_SAYS goals: which team scored more than anyone else {w}
TEAM_TOP_SAYS wins: which team won more games than anyone {w}
TEAM_TOP_SAYS clean sheets: most clean sheets {w} - which team
PLACE_SAYS 1: who were top of the league {w} | which club was first in the table {w}
PLACE_SAYS 20: which club was 20th {w} | who was bottom of the pile {w}
PLACE_SAYS 0: where did {c} stand in the table {w} | what position were {c} sitting in {w} | {c} spot in the table {w}
DATES any day: {mon:.3} {n} ({wd}) | {n}{th} {mon} ({wd:.3}) | {wd}, {n} {mon:.3} {y} | {n}{th} of {mon:.3} {y}
DATES after the 12th: {n}.{mo}.{y} | {n}-{mo:02d}-{y}
THUMBS short forms: looking lookin | their thier | from frm | give giv | this ths
THUMBS fillers: please | looking | missed | names | check
THUMBS kept whole: entertaining hosting vee home side first travels away playing visiting soil faced their game
    | that one three points
    | who won final score manager boss charge lost losing winning break point half time full finish end
    | reverse fixture scored scorers fouls committed commit opposition played starting formation shape
    | other team line last goal minute side most shots many target
LISTS NOT_LEAGUE: stockport county | fleetwood | cheltenham | exeter city | harrogate | colchester | morecambe
    | cambridge united | stevenage | carlisle | plymouth argyle | leyton orient | cardiff city | oldham | reading fc
    | afc wimbledon | barrow | chesterfield
LISTS ELSEWHERE: liverpool v ac milan in istanbul, 2005 | the 2018 world cup final (france v croatia)
    | arsenal's title decider at anfield in may 1989 | man city 6-1 man utd from october 2011
    | england v germany, the euro 96 semi | newcastle 5-0 man utd in october 1996
LISTS UNKNOWN_ASKS: stat check: final score of {g} | {g} - which players scored | name the referee at {g}
    | {g}, who was man of the match | formations used in {g} | {g}: how many yellow cards in total
    | who came out on top in {g}
LISTS REFUSALS: how many caps has {p} won for his country | what's {ps} release clause | who owns {c} these days
    | what's {ps} net worth | which uni did {p} go to | who won the carabao cup last season
    | when does the january transfer window shut | how much does a matchday programme cost at {cs} ground
    | what's the away end allocation at {cs} ground | how many season ticket holders have {c} got
    | who's the ceo of the premier league | who is {cs} head of recruitment
    | what's the nearest train station to {cs} stadium | has {p} got a podcast
    | what's {ps} nickname in the dressing room | how much did {c} spend in the summer window
    | which clubs are in the conference league this year | who is {cs} sporting director
    | what are the premier league's squad size rules | how many kids has {p} got
LISTS STATEMENTS: stuck on this one: {q} | {q} - drawing a blank here | been trying to work out {q}
    | {q}, you'd know this | {q} — any idea?
LISTS OPENERS: watching the highlights now. | on the bus, | long time listener. | my dad's asking: | newbie q:
    | group chat's arguing again. | first time using this, | writing up my notes - | can't sleep.
    | just got in from work. | kids are asleep finally. | half asleep,
LISTS CLOSERS: anyway great game that | 🤞 | thanks a lot | 🙂 | love this app btw | 🫶 | no worries if not
    | much obliged | 😬 | x x | gracias | ta v much
"""

WORDS = eleven.tables(WORDS_TEXT)
LISTS = WORDS.pop("LISTS")
OPENERS = [""] * 18 + [o + " " for o in LISTS.pop("OPENERS")]
CLOSERS = [""] * 14 + [" " + c for c in LISTS.pop("CLOSERS")]
PLACE_SAYS = {int(k): v for k, v in WORDS.pop("PLACE_SAYS").items()}
DATES = WORDS.pop("DATES")
THUMBS = WORDS.pop("THUMBS")


def table_days(days: str) -> list[tuple[dt.date, list[str]]]:
    """Return each table day (ISO dates, space-separated) with the two ways it is typed: the night of that day, and
    every game up to it played (the end of the day: every match played on it counts)."""
    out = []
    for day in map(dt.date.fromisoformat, days.split()):
        month = six.MONTHS[day.month - 1]
        named = f"{six.DAYS[day.weekday()][:3]} {day.day} {month[:3]} {day.year}"
        out.append((day, [f"as of the night of {named}", f"with every game up to {day.day} {month} {day.year} played"]))
    return out


TABLE_DAYS = table_days("2025-08-18 2025-09-29 2025-10-20 2025-11-30 2025-12-08 2025-12-21 2026-01-04")
# Days no league match was played (a midweek of European ties, an international break) none of sets 6-11 used.
NO_LEAGUE_DAYS = [dt.date(2025, 8, 20), dt.date(2025, 9, 17), dt.date(2025, 10, 22), dt.date(2025, 11, 19),
                  dt.date(2025, 12, 10), dt.date(2025, 11, 6)]  # fmt: skip
REFUSAL_PLAYERS = ["Bryan Mbeumo", "Ollie Watkins", "Jordan Pickford", "Eberechi Eze", "Antoine Semenyo"]
KNOWN_AS = {"Bruno Guimarães": "bruno g", "Florian Wirtz": "flo wirtz", "Micky van de Ven": "micky vdv"}

# One period a line: first day, last day, then the ways it is typed (" | "-separated); every bound is stated exactly.
PERIODS = """
2025-08-15 2025-08-31 across the august 2025 matchdays | every aug '25 fixture (15-31 aug)
2025-10-01 2025-10-31 across matchdays in october 2025 | all the october 2025 fixtures
2025-09-01 2025-09-30 throughout september 2025 | in the sept 2025 fixtures (1-30 sep)
2025-11-01 2025-11-30 throughout november 2025 | in the nov 2025 fixtures (1-30 nov)
2025-12-01 2025-12-31 throughout december 2025 | across the december 2025 matchdays
2025-12-20 2026-01-04 christmas and new year (20 dec 2025 - 4 jan 2026) | dec 20 2025 - jan 4 2026 (holiday games)
2025-08-15 2025-10-05 from matchday 1 (15 aug) up to 5 oct 2025
2025-10-18 2025-12-31 from 18 oct to the last day of 2025
2025-11-29 2026-01-04 from 29 nov 2025 to 4 jan 2026, both dates in
2025-09-13 2025-12-14 13/09/2025 until 14/12/2025 inclusive
2025-08-15 2026-01-07 season to date (15 aug 2025 - 7 jan 2026)
2025-12-26 2026-01-07 from boxing day 2025 through 7 jan 2026
"""


# -------------------------------------------------------------------------------------- follow-ups
# Each form takes (fan, match, side) and returns the (text, gold) turns, or None when the match does not allow it.
def winner_bosses(fan, m: dict, side: str):
    """Who won, then the winner's manager ("their"), then the loser's."""
    win = winner_side(m)
    if not win or not club_gold(m[win]) or not all(m["manager"].values()):
        return None
    loser = OTHER[win]
    return [(f"who got the three points in {fan.game(m, must_date=True)}", [club_gold(m[win])]),
            (fan.pick(["who's their manager", "and their boss was?"]), [six.boss(m["manager"][win])]),
            (fan.pick(["and the losing manager?", "who was in charge of the side that lost"]),
             [six.boss(m["manager"][loser])])]  # fmt: skip


def break_leader(fan, m: dict, side: str):
    """Who led at half time, then the half-time score, then the (different) full-time score."""
    if not m["ht"] or len(set(m["ht"].split("-"))) == 1 or m["ht"] == m["score"]:
        return None  # level at the break (no side led), or no goal after it (a turn's gold would repeat another's)
    home, away = map(int, m["ht"].split("-"))
    ahead = club_gold(m["home" if home > away else "away"])
    if not ahead:
        return None
    return [(f"who was winning at the break in {fan.game(m, home_first=True)}", [ahead]),
            (fan.pick(["what was the score at that point", "by how much, score at half time?"]), [m["ht"]]),
            (fan.pick(["and at full time?", "final score in the end?"]), [m["score"]])]  # fmt: skip


def reverse_scorers(fan, m: dict, side: str):
    """A match's final score, then the reverse fixture's score and scorers (those turns rest on the other match)."""
    back = fan.reverse.get(m["id"])
    if not back or m["id"] in fan.moved.values() or not back["goals"] or any(g["own"] for g in back["goals"]):
        return None
    if not back["goals_agree"]:
        return None
    fan.moved[(m["id"], 1)] = fan.moved[(m["id"], 2)] = back["id"]
    names = list(dict.fromkeys(g["scorer"] for g in back["goals"]))
    return [(f"{fan.game(m, home_first=True, must_date=True)}, what was the final score then", [m["score"]]),
            (fan.pick(["and the reverse fixture - how did that one end", "how did the reverse game finish"]),
             [back["score"]]),
            (fan.pick(["who scored in that one", "scorers in it?"]), names)]  # fmt: skip


def fouls_pair(fan, m: dict, side: str):
    """A side's fouls, then the opposition's (a different count)."""
    mine, theirs = (m["team"][s].get("fouls", 0) for s in (side, OTHER[side]))
    if not (mine and theirs) or mine == theirs:
        return None  # equal counts: the second turn's gold would be stated by repeating the first answer
    return [
        (f"fouls committed by {fan.club(m[side])} {fan.against(m, side)}", [str(mine)]),
        (fan.pick(["and by the side they played?", "how many did the opposition commit"]), [str(theirs)]),
    ]


def shapes_pair(fan, m: dict, side: str):
    """A side's starting formation, then the opposition's (a different one)."""
    mine, theirs = m["formation"][side], m["formation"][OTHER[side]]
    if mine == theirs:
        return None  # the same shape: the second turn's gold would be stated by repeating the first answer
    ask = f"starting formation of {fan.club(m[side])} {fan.against(m, side)}"
    return [(ask, [mine]), (fan.pick(["what shape did the other team line up in", "and the opposition formation?"]),
                            [theirs])]  # fmt: skip


def last_scorer(fan, m: dict, side: str):
    """The match's last scorer, then its minute, then his club (no own goal, not in stoppage time)."""
    last = m["goals"][-1] if m["goals"] else None
    if not last or last["own"] or last["stoppage"] or not club_gold(m[last["side"]]):
        return None
    return [(f"who got the last goal of {fan.game(m)}", [last["scorer"]]),
            (fan.pick(["what minute did he score it", "when was that, minute?"]), [six.minute(last)]),
            (fan.pick(["which side was he playing for", "for which team?"]), [club_gold(m[last["side"]])])]  # fmt: skip


def shots_leader(fan, m: dict, side: str):
    """The one player with the most shots, then his shots, then how many were on target (one or more)."""
    pool = list(m["players"].values())
    found = leaders([{p["name"]: p["counts"].get("shots", 0) for p in pool}])
    if not found or len(found[0]) != 1 or found[1] < 3:
        return None
    on = next(p["counts"].get("shots on target", 0) for p in pool if p["name"] == found[0][0])
    if not on:
        return None
    return [(f"who had the most shots in {fan.game(m)}", found[0]),
            (fan.pick(["how many did he have", "his number of shots?"]), [str(found[1])]),
            (fan.pick(["and how many of those were on target", "on target, how many?"]), [str(on)])]  # fmt: skip


FOLLOWS = {f.__name__: f for f in (winner_bosses, break_leader, reverse_scorers, fouls_pair, shapes_pair,
                                    last_scorer, shots_leader)}  # fmt: skip


def follow_turns(fan, m: dict, form: str, side: str):
    """Return a conversation's (text, gold) turns on one match in one form, None when the match does not allow it."""
    return FOLLOWS[form](fan, m, side)


# This set's words and forms under the tenth module's names; the eleventh ``main`` binds them and runs the build.
MINE = WORDS | LISTS | {"PERIODS": PERIODS, "SLIPPABLE": set(THUMBS["fillers"]), "TABLE_DAYS": TABLE_DAYS,
                        "FOLLOW_UP_WORDS": " ".join(THUMBS["kept whole"]), "PLACE_SAYS": PLACE_SAYS,
                        "SHORT": dict(o.split() for o in THUMBS["short forms"]), "REFUSAL_PLAYERS": REFUSAL_PLAYERS,
                        "KNOWN_AS": KNOWN_AS, "OPENERS": OPENERS, "CLOSERS": CLOSERS, "SEED": SEED,
                        "follow_turns": follow_turns, "FORMS": list(FOLLOWS), "Fan": eleven.Fan,
                        "NO_LEAGUE_DAYS": NO_LEAGUE_DAYS, "NEWEST_FROM": NEWEST_FROM}  # fmt: skip


def twelfth_ids(made: tuple) -> tuple:
    """Return the tenth build's output (questions, conversations, counts) with every id named as set 12's."""
    for row in made[0] + made[1]:
        row["id"] = "blind12-" + row["id"].removeprefix("blind10-")
    return made


def main() -> None:
    """Write the set through the eleventh ``main``, its words, date forms, output and ids this set's."""
    eleven.MINE, eleven.DATES, eleven.OUT, eleven.eleventh_ids = MINE, DATES, OUT, twelfth_ids
    eleven.main()


if __name__ == "__main__":
    main()
