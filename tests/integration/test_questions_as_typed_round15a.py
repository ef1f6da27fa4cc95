"""Fact questions asked as people type them, fifteenth round (A): the families the eighth blind set missed, each
asked here in words of this file's own. Days as people write them ("the 28th (sep)", "sep the 27th", "the eighth of
december", "2025/12/06", "13-DEC-25", "december 1st-31st", "to the end of 2025", "through saturday 4 october", "sep,
oct and nov", "sep-nov 2025") and "the weekend of" a day as that weekend; the time asked after the goal ("first goal -
what minute"); "who was in charge" of a fixture; the scorers asked after the goals ("whose goals were they", "by
who"); a club named as "Football Club" or by its ground's "club" (no ranking of clubs); "more X than anyone";
"netted" as goals; "rank in the league" as the table; slips of the router's own words ("officated", "shutuots").

Expected names and figures are read here from the raw WhoScored files (referee, managers, goal events, per-player
stats) and the season's match index (scores, dates), never from the tables the answers read.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.dates import resolve_period
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, leaders, player_totals, scorer_goals
from tests.integration.test_questions_as_typed_round3 import results
from tests.integration.test_questions_as_typed_round14b import shown_minute
from tests.integration.test_team_stats_officials_rankings_as_typed import team_total

EVERTON_FOREST = "1903477"  # Everton 3-0 Nottingham Forest, Saturday 6 December 2025
WOLVES_UNITED = "1903483"  # Wolves 1-4 Man Utd, Monday 8 December 2025
CHELSEA_EVERTON = "1903487"  # Chelsea 2-0 Everton, Saturday 13 December 2025
BRENTFORD_UNITED = "1903177"  # Brentford 3-1 Man Utd, Saturday 27 September 2025
NEWCASTLE_ARSENAL = "1903186"  # Newcastle 1-2 Arsenal, Sunday 28 September 2025
LIVERPOOL_NEWCASTLE = "1903270"  # Liverpool 4-1 Newcastle, Saturday 31 January 2026
NLD = "1903228"  # Arsenal 4-1 Tottenham, 23 November 2025
LATEST = date(2026, 1, 31)


def goals_of(match_id: str) -> list[dict]:
    """Return the match's goal events in order of play."""
    events = [e for e in raw_whoscored(match_id)["events"] if e["type"]["displayName"] == "Goal"]
    return sorted(events, key=lambda e: (e["period"]["value"], e["minute"], e.get("second", 0)))


def scorers_of(match_id: str) -> set[str]:
    """Return the names of the match's scorers (own goals aside)."""
    names = raw_whoscored(match_id)["playerIdNameDictionary"]
    own = {e["id"] for e in goals_of(match_id) if any(q["type"]["displayName"] == "OwnGoal" for q in e["qualifiers"])}
    return {names[str(e["playerId"])] for e in goals_of(match_id) if e["id"] not in own}


def club_goals(first: str, last: str) -> Counter:
    """Return club -> goals scored in the index's finished matches played first..last."""
    goals: Counter = Counter()
    for row in results():
        if first <= row["start_date"][:10] <= last:
            goals[row["home"]] += row["hg"]
            goals[row["away"]] += row["ag"]
    return goals


def places_on(day: str) -> dict[str, int]:
    """Return club -> its place in the table of the index's finished matches up to ``day`` (points, goal
    difference, goals scored)."""
    rows: dict[str, list[int]] = {}
    for row in results():
        if row["start_date"][:10] > day:
            continue
        for club, scored, conceded in ((row["home"], row["hg"], row["ag"]), (row["away"], row["ag"], row["hg"])):
            points = 3 if scored > conceded else int(scored == conceded)
            total = rows.setdefault(club, [0, 0, 0])
            total[0], total[1], total[2] = total[0] + points, total[1] + scored - conceded, total[2] + scored
    order = sorted(rows, key=lambda club: rows[club], reverse=True)
    return {club: order.index(club) + 1 for club in order}


# --- days as people write them ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("brentford v man utd the 27th (sep)", date(2025, 9, 27), date(2025, 9, 27)),
        ("newcastle v arsenal sep the 28th", date(2025, 9, 28), date(2025, 9, 28)),
        ("wolves man utd the eighth of december", date(2025, 12, 8), date(2025, 12, 8)),
        ("man utd wolves dec the thirtieth", date(2025, 12, 30), date(2025, 12, 30)),
        ("everton v forest 2025/12/06", date(2025, 12, 6), date(2025, 12, 6)),
        ("chelsea everton 13-DEC-25", date(2025, 12, 13), date(2025, 12, 13)),
        ("haaland goals december 1st-31st", date(2025, 12, 1), date(2025, 12, 31)),
        ("arsenal goals in november (1st - 15th)", date(2025, 11, 1), date(2025, 11, 15)),
        ("saka shots sep, oct and nov", date(2025, 9, 1), date(2025, 11, 30)),
        ("semenyo goals sep-nov 2025", date(2025, 9, 1), date(2025, 11, 30)),
        ("haaland goals from 1 nov to the end of 2025", date(2025, 11, 1), date(2025, 12, 31)),
        ("haaland goals over nov/dec", date(2025, 11, 1), date(2025, 12, 31)),
        ("most goals from 1st to 21st december", date(2025, 12, 1), date(2025, 12, 21)),
        ("clean sheets between the 1st and 14th of nov", date(2025, 11, 1), date(2025, 11, 14)),
        ("goals from december 1 to 15 january", date(2025, 12, 1), date(2026, 1, 15)),
        ("saka key passes in the last quarter of 2025", date(2025, 10, 1), date(2025, 12, 31)),
        ("rice shots q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
        # a Saturday's weekend runs Friday to Monday (the round's Monday games), as "this weekend" does
        ("who scored on the weekend of the 13th (dec)", date(2025, 12, 12), date(2025, 12, 15)),
        ("weekend of 28 sep results", date(2025, 9, 26), date(2025, 9, 29)),
    ],
)
def test_days_as_people_write_them(text: str, start: date, end: date) -> None:
    period = resolve_period(text, LATEST)
    assert period is not None and (period.start, period.end) == (start, end), period


def test_a_day_in_words_or_year_first_finds_the_match(answerer: Answerer) -> None:
    """Everton met Forest on 6 and 30 December, Man Utd met Wolves on 8 and 30 December: the day written picks."""
    referee = raw_whoscored(EVERTON_FOREST)["referee"]["name"]
    a = ask(answerer, "who reffed everton v nottm forest on 2025/12/06")
    assert a.matches == [EVERTON_FOREST] and referee in a.answer
    united = team_total(WOLVES_UNITED, "Man Utd", "cornersTotal")
    a = ask(answerer, "man utd corners away at wolves on the eighth of december?")
    assert a.matches == [WOLVES_UNITED] and f"Man Utd {united}" in a.answer


def test_the_weekend_of_a_day_is_that_weekend(answerer: Answerer) -> None:
    """Brentford 3-1 Man Utd on Saturday 27 September: "the weekend of the 27th (sep)" is that weekend, not the
    latest one in the data."""
    data = raw_whoscored(BRENTFORD_UNITED)
    a = ask(answerer, "brentford's formation v man united on the weekend of the 27th (sep)")
    assert a.matches == [BRENTFORD_UNITED] and data["home"]["formations"][0]["formationName"] in a.answer.replace(
        "-", ""
    )
    a = ask(answerer, "newcastle arsenal weekend of the 28th (sep) who scored")
    assert a.intent is Intent.SCORERS and a.matches == [NEWCASTLE_ARSENAL]
    assert all(name in a.answer for name in scorers_of(NEWCASTLE_ARSENAL))


@pytest.mark.parametrize(
    ("question", "name", "first", "last"),
    [
        ("erling haaland goals december 1st-31st", "Erling Haaland", "2025-12-01", "2025-12-31"),
        ("semenyo goals sep-nov 2025", "Antoine Semenyo", "2025-09-01", "2025-11-30"),
        ("how many did haaland score sep, oct and nov", "Erling Haaland", "2025-09-01", "2025-11-30"),
        ("haaland goals from 1 nov to the end of 2025", "Erling Haaland", "2025-11-01", "2025-12-31"),
        ("how many times did haaland find the net in october", "Erling Haaland", "2025-10-01", "2025-10-31"),
    ],
)
def test_a_players_goals_over_a_period_as_written(
    answerer: Answerer, question: str, name: str, first: str, last: str
) -> None:
    goals = scorer_goals(first, last)[name]
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT and f"{goals} goal" in a.answer, a.answer


# --- the time asked after the goal -----------------------------------------------------------------------------


def test_the_time_asked_after_the_goal(answerer: Answerer) -> None:
    first = goals_of(CHELSEA_EVERTON)[0]
    a = ask(answerer, "chelsea v everton 13 dec first goal - what minute?")
    assert a.intent is Intent.SCORERS and a.answer.startswith("The opening goal") and shown_minute(first) in a.answer
    names = raw_whoscored(NLD)["playerIdNameDictionary"]
    eze = [e for e in goals_of(NLD) if names[str(e["playerId"])] == "Eberechi Eze"]
    a = ask(answerer, "eze scored against spurs in november, what time was his first for my notes thanks")
    assert a.intent is Intent.SCORERS and shown_minute(eze[0]) in a.answer, a.answer
    for question in (
        "chelsea v everton 13 dec how early was the opener",
        "chelsea v everton (13/12) first goal timing",
    ):
        a = ask(answerer, question)
        assert a.answer.startswith("The opening goal") and shown_minute(first) in a.answer, a.answer


# --- who was in charge; whose goals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "liverpool v newcastle 31 jan, who was in charge?",
        "liverpool newcastle (31/1) - who's in chrage",
        "liverpool vs newcastle on the 31st of jan whos in charge",
        "who took charge, liverpool v newcastle 31 jan",
    ],
)
def test_who_was_in_charge_of_a_fixture(answerer: Answerer, question: str) -> None:
    """No object after "in charge": the game's referee and both clubs' managers."""
    data = raw_whoscored(LIVERPOOL_NEWCASTLE)
    a = ask(answerer, question)
    assert a.intent is Intent.REFEREE and a.matches == [LIVERPOOL_NEWCASTLE]
    for name in (data["referee"]["name"], data["home"]["managerName"], data["away"]["managerName"]):
        assert name in a.answer, (name, a.answer)


@pytest.mark.parametrize(
    "question",
    ["arsenal v spurs 23 nov - whose goals were they?", "arsenal got 4 goals v spurs in november, by who"],
)
def test_the_scorers_asked_after_the_goals(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches == [NLD]
    assert all(name in a.answer for name in scorers_of(NLD)), a.answer


# --- a club's name is no ranking of clubs; "more than anyone" ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "match_id", "stat"),
    [
        (
            "which player made the most tackles in Chelsea Football Club v Everton 13 dec",
            CHELSEA_EVERTON,
            "tacklesTotal",
        ),
        ("most shots by one player, the anfield club v newcastle 31 jan", LIVERPOOL_NEWCASTLE, "shotsTotal"),
        ("who made the most tackles for either side in chelsea v everton 13 dec", CHELSEA_EVERTON, "tacklesTotal"),
        ("most shots on either team, liverpool v newcastle 31 jan", LIVERPOOL_NEWCASTLE, "shotsTotal"),
        ("chelsea v everton 13 dec who had more shots than anyone please", CHELSEA_EVERTON, "shotsTotal"),
        (
            "in liverpool v newcastle on 31 jan who made more tackles than anyone else",
            LIVERPOOL_NEWCASTLE,
            "tacklesTotal",
        ),
    ],
)
def test_a_matchs_leader_with_the_club_named_in_full(
    answerer: Answerer, question: str, match_id: str, stat: str
) -> None:
    best, names = leaders(player_totals(match_id, stat))
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and a.matches == [match_id]
    assert all(name in a.answer for name in names) and str(best) in a.answer, a.answer


# --- netted, rank in the league, slips ---------------------------------------------------------------------------


def test_which_club_netted_the_most(answerer: Answerer) -> None:
    goals = club_goals("2025-11-01", "2025-11-30")
    best = max(goals.values())
    tops = [club for club, n in goals.items() if n == best]
    for question in ("which club netted the most in november", "which side found the net the most in november"):
        a = ask(answerer, question)
        assert a.intent is Intent.RANKING and all(club in a.answer for club in tops) and str(best) in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "club", "day"),
    [
        ("chelsea rank in the league after 1 december", "Chelsea", "2025-12-01"),
        ("what did spurs rank in the table on 31 dec", "Tottenham", "2025-12-31"),
    ],
)
def test_a_clubs_rank_in_the_league(answerer: Answerer, question: str, club: str, day: str) -> None:
    place = places_on(day)[club]
    suffix = "th" if 10 < place < 14 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"{club}: {place}{suffix} of 20" in a.answer, a.answer


def test_slips_of_the_routers_own_words(answerer: Answerer) -> None:
    data = raw_whoscored(CHELSEA_EVERTON)
    a = ask(answerer, "who officated chelsea v everton on 13 dec")
    assert a.intent is Intent.REFEREE and data["referee"]["name"] in a.answer
    sheets = Counter()
    for row in results():
        if "2025-11-01" <= row["start_date"][:10] <= "2025-11-30":
            sheets[row["home"]] += row["ag"] == 0
            sheets[row["away"]] += row["hg"] == 0
    best = max(sheets.values())
    a = ask(answerer, "which team kept the most shutuots in november")
    assert a.intent is Intent.RANKING
    assert all(club in a.answer for club, n in sheets.items() if n == best) and str(best) in a.answer, a.answer


# --- a year no loaded season reaches ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "who topped the league in 2019",
        "arsenal 2-2 spurs back in april 2024: who scored",
        "most goals by a chelsea player in the 1990s",
    ],
)
def test_a_year_no_loaded_season_reaches_is_refused(answerer: Answerer, question: str) -> None:
    """The season's matches run from August 2025 to February 2026: another year or decade is refused, never answered
    from this season's nearest matches."""
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and "The data has no matches of" in a.answer, a.answer
    assert not a.matches


def test_a_year_the_season_reaches_is_kept(answerer: Answerer) -> None:
    goals = club_goals("2026-01-01", "2026-12-31")["Arsenal"]
    a = ask(answerer, "arsenal goals in 2026")
    assert a.intent is Intent.AGGREGATE and f"scored {goals}" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "club", "first", "last"),
    [
        ("liverpool goals for in november", "Liverpool", "2025-11-01", "2025-11-30"),
        ("chelsea goals for through sunday 30 november", "Chelsea", "2025-08-01", "2025-11-30"),
        # "through saturday 4 october": the season up to that day, the weekday between the word and the day
        ("how many goals did arsenal score through saturday 4 october", "Arsenal", "2025-08-01", "2025-10-04"),
        ("arsenal record through the end of november", "Arsenal", "2025-08-01", "2025-11-30"),
    ],
)
def test_a_clubs_goals_over_a_period_as_written(
    answerer: Answerer, question: str, club: str, first: str, last: str
) -> None:
    """A club's goals over a period as written ("goals for" before a period is the table's column, goals scored, not
    the scorers of each match)."""
    goals = club_goals(first, last)[club]
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE and f"scored {goals}" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "match_id", "club", "stat", "noun"),
    [
        ("hw many shots did spurs mange v arsenal on 23 nov", NLD, "Tottenham", "shotsTotal", "shots"),
        ("how many corners did everton mange at chelsea 13 dec", CHELSEA_EVERTON, "Everton", "cornersTotal", "corners"),
    ],
)
def test_an_english_word_is_no_slip_of_a_name(
    answerer: Answerer, question: str, match_id: str, club: str, stat: str, noun: str
) -> None:
    """ "Mange" is an English word (typed for "manage"), not Mané misspelt: the club's figure, counted ("hw" is
    "how"), not a player's and no yes or no."""
    total = team_total(match_id, club, stat)
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [match_id], a.answer
    assert a.answer.startswith(f"{club} had {total} {noun}"), a.answer


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("name the chelsea coach for the everton game on 13 dec", "home"),
        ("who was the everton boss for the chelsea match on 13 dec", "away"),
    ],
)
def test_the_club_of_the_game_named_is_the_opponent(answerer: Answerer, question: str, side: str) -> None:
    """ "The chelsea coach for the everton game": Chelsea's manager; Everton names the game, not the squad."""
    data = raw_whoscored(CHELSEA_EVERTON)
    other = "away" if side == "home" else "home"
    a = ask(answerer, question)
    assert a.intent is Intent.MANAGER and data[side]["managerName"] in a.answer, a.answer
    assert data[other]["managerName"] not in a.answer


def test_bookings_minutes_and_winners_in_other_words(answerer: Answerer) -> None:
    """ "Went into the referee's notebook" is booked (no referee asked); "netted in which minute" is the goal's
    minute; "who came out on top" is who won."""
    data = raw_whoscored(CHELSEA_EVERTON)
    names = data["playerIdNameDictionary"]
    cards = [e for e in data["events"] if e.get("cardType") and e["teamId"] == data["home"]["teamId"]]
    a = ask(answerer, "how many chelsea players went into the referee's notebook v everton on 13 dec")
    assert a.intent is Intent.CARDS and a.answer.startswith(f"Chelsea got {len(cards)} card"), a.answer
    palmer = next(e for e in goals_of(CHELSEA_EVERTON) if names[str(e["playerId"])] == "Cole Palmer")
    a = ask(answerer, "chelsea v everton 13 dec palmer netted in which minute")
    assert a.intent is Intent.SCORERS and shown_minute(palmer) in a.answer, a.answer
    for question in (
        "chelsea v everton 13 dec who came out on top",
        "who took the three points, chelsea or everton (13/12)",
    ):
        a = ask(answerer, question)
        assert a.intent is Intent.SCORE and "Chelsea beat Everton 2-0" in a.answer, a.answer


def test_which_team_sat_bottom_after_a_day(answerer: Answerer) -> None:
    places = places_on("2025-12-20")
    bottom = next(club for club, place in places.items() if place == len(places))
    a = ask(answerer, "which team sat bottom after the 20th of december")
    assert a.intent is Intent.RANKING and f"20. {bottom}" in a.answer, a.answer
