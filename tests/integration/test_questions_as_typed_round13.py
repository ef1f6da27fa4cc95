"""Fact questions asked as people type them, thirteenth round: a goal's assister asked as where its pass came from
("the pass for Mount's goal came from who", "where did the ball for Isak's goal come from") or with chat after it
("X's goal v Spurs - assister haha", "... ta very much", "... if u know"); periods as typed ("across november" is
November alone, "from the start of the season to halloween", "... season 2 halloween"); a club's place as typed ("what
place were X", "wot place", "who was 1st in the prem", "after the 1st jan matches", "going into the oct international
braek"); a question typed in random case ("Who wAs 1sT in The pRem"); and what the data cannot hold asked as typed
(a cup's semi-final or leg, "crabao", the Championship's table, an injury "thing", a contract typed "contact", a
season ticket, "will X fnish top 4", a meeting in a year outside the data: "liverpool v spurs 2019"), chat before it
("ok so", "arguing w my dad", "pub quiz q"). Scorers asked in chat's verbs ("who bagged", "who netted", "who found
the net"), stat and goal words misspelt ("cearances", "clearnaces", "oepning"), "vrs" for "vs", and a day written
with dashes and a short year either way round ("8-25-25", "25-8-25"), never a formation or a score. A club's code
before its manager's title ("cry gaffer vs man utd", "bre boss v spurs") or as the subject beside a fixture ("how many
shots did lee have at home v man utd") is the club, not someone outside the data. Clean sheets with a slip ("clan
sheets", "clen sheets", "clean sheats").

Expected assisters, totals and places are read here from the raw WhoScored files and the season's match index, never
from the tables the answers read.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.dates import resolve_period
from football_rag.rag.typed_words import case_undone, without_padding
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round3 import raw_side
from tests.integration.test_questions_as_typed_round11a import assister, on_day
from tests.integration.test_questions_as_typed_round11b import (
    FIRST,
    between,
    break_of,
    club_totals,
    player_total,
    standings,
)
from tests.integration.test_questions_as_typed_round12a import first_goal as first_goal_of
from tests.integration.test_questions_as_typed_round12b import assists

REFUSED = (Intent.OUT_OF_SCOPE, Intent.UNKNOWN_MATCH)
SPURS_LIVERPOOL = ("Tottenham", "Liverpool", "2025-12-20")
UTD_SUNDERLAND = ("Man Utd", "Sunderland", "2025-10-04")
UTD_NEWCASTLE = ("Man Utd", "Newcastle", "2025-12-26")

# --- a goal's assister asked as where its pass came from, or with chat after it ------------------------------------


@pytest.mark.parametrize(
    ("question", "scorer", "meeting"),
    [
        ("the pass for isak's goal against spurs came from who", "Alexander Isak", SPURS_LIVERPOOL),
        ("who did the pass for isak's goal v tottenham come from", "Alexander Isak", SPURS_LIVERPOOL),
        ("where did the ball for isaks goal at spurs come from", "Alexander Isak", SPURS_LIVERPOOL),
        ("the cross 4 isak's goal v spurs came from who haha", "Alexander Isak", SPURS_LIVERPOOL),
        ("isak's goal v spurs - assister ta very much", "Alexander Isak", SPURS_LIVERPOOL),
        ("isak goal at spurs, assiter haha", "Alexander Isak", SPURS_LIVERPOOL),  # misspelt
        ("mount's goal v sunderland - who was the assister if u know", "Mason Mount", UTD_SUNDERLAND),
        ("the delivery for mount's goal against sunderland comes from who?", "Mason Mount", UTD_SUNDERLAND),
    ],
)
def test_where_his_goals_pass_came_from_is_its_assister(
    answerer: Answerer, question: str, scorer: str, meeting: tuple[str, str, str]
) -> None:
    match_id = on_day(*meeting)
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches[:1] == [match_id], a.answer
    assert f"{scorer} scored" in a.answer and f"assist {assister(match_id, scorer)}" in a.answer, a.answer


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("who scored v spurs ta very much", "who scored v spurs"),
        ("who scored v spurs haha", "who scored v spurs"),
        ("who scored v spurs if u know", "who scored v spurs"),
        ("who scored v spurs thank you!", "who scored v spurs"),
        ("who scored v spurs, ty", "who scored v spurs"),
    ],
)
def test_chat_after_a_question_is_padding(typed: str, read: str) -> None:
    assert without_padding(typed) == read


# --- periods as typed: "across" a month, from the start of the season to a day named ---------------------------------


@pytest.mark.parametrize(
    ("question", "team", "first", "last"),
    [
        ("which club picked up the most points across november", "Brighton", "2025-11-01", "2025-11-30"),
        ("most points across october?", None, "2025-10-01", "2025-10-31"),
        ("who got the most points across december and january", None, "2025-12-01", "2026-01-31"),
        ("which team took the most points from the start of the season to halloween", None, FIRST, "2025-10-31"),
        ("most points from the start of the season 2 halloween (31 oct)", None, FIRST, "2025-10-31"),
    ],
)
def test_the_most_points_over_a_period_as_typed(
    answerer: Answerer, question: str, team: str | None, first: str, last: str
) -> None:
    points = {club: club_totals(club, first, last)["points"] for club, *_ in standings(last)}
    best = max(points.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    leaders = sorted(club for club, p in points.items() if p == best)
    head = a.answer.split(";")[0]  # the leaders, and the first of the ranking with his points
    assert all(club in head for club in leaders) and f" {best}" in head, a.answer
    assert team is None or team in leaders


@pytest.mark.parametrize(
    ("question", "name", "stat", "first", "last"),
    [
        ("how many assists did bruno fernandes get across december", "Bruno Fernandes", "assists", "2025-12-01",
         "2025-12-31"),
        ("kudus key passes from the start of the season to halloween", "Mohammed Kudus", "passesKey", FIRST,
         "2025-10-31"),
        ("how many shots did saka have from the strt of the season 2 halloween (31 oct)", "Bukayo Saka", "shotsTotal",
         FIRST, "2025-10-31"),
    ],
)  # fmt: skip
def test_a_players_total_over_a_period_as_typed(
    answerer: Answerer, question: str, name: str, stat: str, first: str, last: str
) -> None:
    total = assists(first, last)[name] if stat == "assists" else player_total(name, stat, first, last)
    a = ask(answerer, question)
    assert a.answer.startswith(f"{name}: {total} "), a.answer


@pytest.mark.parametrize(
    ("question", "team"),
    [
        ("how many did west ham score from the start of the season to halloween (31 oct)", "West Ham"),
        ("goals scored by everton from the beginning of the season up to halloween", "Everton"),
    ],
)
def test_a_clubs_goals_from_the_start_of_the_season_to_halloween(answerer: Answerer, question: str, team: str) -> None:
    scored = club_totals(team, FIRST, "2025-10-31")["goals"]
    a = ask(answerer, question)
    assert "up to 31 October 2025" in a.answer and f"scored {scored}," in a.answer, a.answer


# --- a club's place as typed -----------------------------------------------------------------------------------------


def place(team: str, last: str) -> int:
    """Return ``team``'s place in the table of the matches played up to ``last``."""
    return [club for club, *_ in standings(last)].index(team) + 1


def ordinal(n: int) -> str:
    """Return 1st, 2nd, 3rd, 16th..."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@pytest.mark.parametrize(
    ("question", "team", "last"),
    [
        ("what place were sunderland on new year's day after the games", "Sunderland", "2026-01-01"),
        ("wot place were everton after the boxing day games", "Everton", "2025-12-26"),
        ("which place were chelsea after the games on 1 jan", "Chelsea", "2026-01-01"),
        ("what place were brentford going into the oct international braek", "Brentford", None),
        ("what place were spurs heading into the october international break", "Tottenham", None),
    ],
)
def test_a_clubs_place_on_a_day_as_typed(answerer: Answerer, question: str, team: str, last: str | None) -> None:
    last = last or (break_of(10)[0] - timedelta(days=1)).isoformat()
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    assert a.answer.startswith(f"{team}: {ordinal(place(team, last))} of 20 in the table"), a.answer


@pytest.mark.parametrize(
    ("question", "last"),
    [
        ("who was 1st in the prem after the 1st jan matches", "2026-01-01"),
        ("Who wAs 1sT in The pRem aFter The 1St jaN matChes", "2026-01-01"),  # random case
        ("who was first in the league after the boxing day games", "2025-12-26"),
        ("1st in the table going into the november international break?", None),
    ],
)
def test_who_was_first_on_a_day_as_typed(answerer: Answerer, question: str, last: str | None) -> None:
    last = last or (break_of(11)[0] - timedelta(days=1)).isoformat()
    top, points, *_ = standings(last)[0]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    assert f"1. {top} {points} points" in a.answer, a.answer


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Who wAs 1sT in The pRem", "Who was 1st in The prem"),
        ("WondeRing Cry's gaffEr vs Man Utd", "wondering Cry's gaffer vs Man Utd"),
        ("Did McTominay and MacAllister score v VVD", "Did McTominay and MacAllister score v VVD"),  # names' capitals
        ("who scored for LiVerpool", "who scored for LiVerpool"),  # one word alone is a slip, kept
    ],
)
def test_a_question_in_random_case_is_read_in_lower_case(typed: str, read: str) -> None:
    assert case_undone(typed) == read


# --- what the data cannot hold, asked as typed -------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        # a cup's rounds, the League Cup misspelt, another league's table
        "hiya, who won the crabao cup semi first leg",
        "who scored in the league cup semi final",
        "arsenal v chelsea second leg result",
        "championship table top 6",
        "who tops the sky bet championship",
        "leeds in the championship play-offs",
        # an injury as typed
        "cole palmer - when's he back from his groin thing",
        "when is saka back",
        "is odegaard out with a knock?",
        "how long is isak out for",
        "rice hamstring problem?",
        # a contract, "contact" typed for it, a season ticket
        "virgil van dijk contact end date ta very much",
        "when does salah's deal expire",
        "how long has rice got left on his contact",
        "ok so newcastle united season tcket cost 2026",
        "how much is a season ticket at arsenal",
        # what is to come, a misspelt verb, chat before it
        "ok so will sunderland fc fnish top 4 this year",
        "will spurs fnish in the top half",
        "arguing w my dad, will chelsea finish above villa",
        # a meeting in a year outside the data
        "Ref fOr liVerpoOl v Spurs madrId 2019?",
        "who reffed liverpool v spurs 2019",
        "arsenal v chelsea 2017 score",
    ],
)
def test_what_the_data_cannot_hold_asked_as_typed_is_refused(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent in REFUSED, a.answer


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("arsenal v spurs 2025 score", "Arsenal", "Tottenham"),  # a year of the data
        ("ok so what was the score arsenal v spurs", "Arsenal", "Tottenham"),
        ("pub quiz q - score when arsenal played spurs", "Arsenal", "Tottenham"),
    ],
)
def test_a_match_of_the_data_asked_with_a_year_or_chat_is_answered(
    answerer: Answerer, question: str, home: str, away: str
) -> None:
    match_id = on_day(home, away, "2025-11-23")
    a = ask(answerer, question)
    assert a.intent is Intent.SCORE and a.matches == [match_id], a.answer


# --- scorers in chat's verbs, words misspelt ---------------------------------------------------------------------


def goals_of(match_id: str, team: str) -> list[str]:
    """Return the scorers of ``team``'s goals in the match (own goals aside), in the order they were scored."""
    data = raw_whoscored(match_id)
    side = next(data[s]["teamId"] for s in ("home", "away") if data[s]["name"] == team)
    goals = [e for e in data["events"] if e["type"]["displayName"] == "Goal" and e["teamId"] == side]
    own = [g for g in goals if any(q["type"]["displayName"] == "OwnGoal" for q in g["qualifiers"])]
    order = sorted((g for g in goals if g not in own), key=lambda e: (e["period"]["value"], e["minute"]))
    return [data["playerIdNameDictionary"][str(g["playerId"])] for g in order]


@pytest.mark.parametrize(
    ("question", "team", "meeting"),
    [
        ("genuine question who bagged for livrpool when they hosted wolves on the 27th of december", "Liverpool",
         ("Liverpool", "Wolves", "2025-12-27")),
        ("who netted for arsenal v spurs", "Arsenal", ("Arsenal", "Tottenham", "2025-11-23")),
        ("who found the net for liverpool at spurs", "Liverpool", SPURS_LIVERPOOL),
        ("who hit the net for man utd v sunderland", "Man Utd", UTD_SUNDERLAND),
        ("who got on the scoresheet for liverpool v wolves on 27 dec", "Liverpool", ("Liverpool", "Wolves",
         "2025-12-27")),
    ],
)  # fmt: skip
def test_a_clubs_scorers_asked_in_chats_verbs(
    answerer: Answerer, question: str, team: str, meeting: tuple[str, str, str]
) -> None:
    match_id = on_day(*meeting)
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches[:1] == [match_id], a.answer
    assert all(name in a.answer for name in goals_of(match_id, team)), a.answer


def test_who_netted_the_most_is_a_ranking_not_a_matchs_scorers() -> None:
    from football_rag.rag.intents import route

    routed = route("who netted the most goals in december", has_player=False, has_match_context=False, n_teams=0)
    assert routed.intent is Intent.RANKING


@pytest.mark.parametrize(
    ("question", "name", "meeting"),
    [
        ("clearnaces - woltemade agaisnt Man Utd, how many ?", "Nick Woltemade", UTD_NEWCASTLE),
        ("cearances by rice v spurs", "Declan Rice", ("Arsenal", "Tottenham", "2025-11-23")),
        ("how many clearences did van dijk make at spurs", "Virgil van Dijk", SPURS_LIVERPOOL),
    ],
)
def test_a_players_clearances_misspelt(
    answerer: Answerer, question: str, name: str, meeting: tuple[str, str, str]
) -> None:
    match_id = on_day(*meeting)
    data = raw_whoscored(match_id)
    (player,) = [p for s in ("home", "away") for p in data[s]["players"] if p["name"] == name]
    total = int(sum(player["stats"].get("clearances", {}).values()))
    a = ask(answerer, question)
    assert a.answer.startswith(f"{name}: {total} clearance"), a.answer


@pytest.mark.parametrize(
    ("question", "meeting"),
    [
        ("bro oepning goal minute the villans v. the cityzens (sunday 26th october) ??", ("Aston Villa", "Man City",
         "2025-10-26")),
        ("minute of the oepner arsenal v spurs", ("Arsenal", "Tottenham", "2025-11-23")),
        ("when was the opnener in spurs v liverpool", SPURS_LIVERPOOL),
    ],
)  # fmt: skip
def test_the_opener_misspelt(answerer: Answerer, question: str, meeting: tuple[str, str, str]) -> None:
    match_id = on_day(*meeting)
    scorer, _ = first_goal_of(match_id)
    a = ask(answerer, question)
    assert a.matches == [match_id] and a.answer.startswith(f"The opening goal: {scorer} "), a.answer


@pytest.mark.parametrize(
    ("question", "meeting"),
    [
        ("Ok so who was refereeing che vrs wol haha", ("Chelsea", "Wolves", "2025-11-08")),
        ("who reffed arsenal vrs spurs", ("Arsenal", "Tottenham", "2025-11-23")),
    ],
)
def test_vrs_is_versus(answerer: Answerer, question: str, meeting: tuple[str, str, str]) -> None:
    match_id = on_day(*meeting)
    referee = raw_whoscored(match_id)["referee"]["name"]
    a = ask(answerer, question)
    assert a.intent is Intent.REFEREE and a.matches == [match_id] and referee in a.answer, a.answer


# --- a day with dashes and a short year ----------------------------------------------------------------------------


def shots(match_id: str, team: str) -> int:
    """Return ``team``'s shots in the match: its players' WhoScored shotsTotal, summed."""
    data = raw_whoscored(match_id)
    side = next(s for s in ("home", "away") if data[s]["name"] == team)
    return int(sum(sum(p.get("stats", {}).get("shotsTotal", {}).values()) for p in data[side]["players"]))


@pytest.mark.parametrize(
    "question",
    [
        "number of attempts at goal, the magpies home to livrpool, 8-25-25 haha",  # month first, as in the US
        "newcastle shots v liverpool 25-8-25",
        "how many shots did newcastle have against liverpool on 8-25-25",
    ],
)
def test_a_day_with_dashes_and_a_short_year(answerer: Answerer, question: str) -> None:
    match_id = on_day("Newcastle", "Liverpool", "2025-08-25")
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [match_id], a.answer
    assert f"Newcastle {shots(match_id, 'Newcastle')}" in a.answer, a.answer


@pytest.mark.parametrize("text", ["arsenal 4-2-3-1 in the 2-1 win", "they went 3-4-3 v spurs", "won 3-1-25 mins in"])
def test_a_formation_or_a_score_with_dashes_is_no_day(text: str) -> None:
    assert resolve_period(text, date(2026, 2, 2)) is None


# --- a club's code before its manager's title, or as the subject beside a fixture -------------------------------


@pytest.mark.parametrize(
    ("question", "meeting", "side"),
    [
        ("WondeRing Cry's gaffEr vs Man Utd", ("Crystal Palace", "Man Utd", "2025-11-30"), "Crystal Palace"),
        ("cry manager vs man utd", ("Crystal Palace", "Man Utd", "2025-11-30"), "Crystal Palace"),
        ("who was bre boss v spurs on 1 jan", ("Brentford", "Tottenham", "2026-01-01"), "Brentford"),
        ("bha coach against new in october", ("Brighton", "Newcastle", "2025-10-18"), "Brighton"),
        ("new gaffer v bha on 18 oct", ("Brighton", "Newcastle", "2025-10-18"), "Newcastle"),
    ],
)
def test_a_clubs_code_before_its_managers_title(
    answerer: Answerer, question: str, meeting: tuple[str, str, str], side: str
) -> None:
    match_id = on_day(*meeting)
    a = ask(answerer, question)
    assert a.intent is Intent.MANAGER and a.answer.startswith(f"{side}'s manager in"), a.answer
    assert raw_side(match_id, side)["managerName"] in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    [
        "arguing w my dad, how many shots did lee have at home v da red devils",
        "how many shots did lee have at home v man utd",
        "how many shots did lee have v man utd on 4 jan",
    ],
)
def test_a_clubs_code_as_the_subject_beside_a_fixture(answerer: Answerer, question: str) -> None:
    match_id = on_day("Leeds", "Man Utd", "2026-01-04")
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [match_id], a.answer
    assert a.answer.startswith(f"Leeds had {shots(match_id, 'Leeds')} shots"), a.answer


# --- clean sheets with a slip ----------------------------------------------------------------------------------


def clean_sheets(first: str, last: str) -> Counter:
    """Return club -> matches played first..last in which it conceded none, from the season index."""
    kept: Counter = Counter()
    for r in between(first, last):
        kept[r["home"]] += r["ag"] == 0
        kept[r["away"]] += r["hg"] == 0
    return kept


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("arguing w my dad, which side had the most clan sheets in dec 2025", "2025-12-01", "2025-12-31"),
        ("most clen sheets in november", "2025-11-01", "2025-11-30"),
        ("which team kept the most clean sheats in october", "2025-10-01", "2025-10-31"),
    ],
)
def test_the_most_clean_sheets_typed_with_a_slip(answerer: Answerer, question: str, first: str, last: str) -> None:
    kept = clean_sheets(first, last)
    best = max(kept.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and "clean sheets" in a.answer, a.answer
    head = a.answer.split(";")[0]
    assert all(club in head for club, n in kept.items() if n == best) and f" {best}" in head, a.answer
