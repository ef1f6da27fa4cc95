"""Fact questions asked as people type them, eleventh round (B): periods written with numbers or open ends ("1/11 to
30/11", "20/12 - 4/1", "by 30/11", "up to and including 19 oct", "thru november"), the league table at a date ("after
the games of 30 nov", "at the end of october", "table on 15 dec"), the international break read from the match days
("after the oct international break", "since the break"), a weekday written with its date ("sunday da 28th of
september", "sun 5th oct", "the last saturday before christmas", "6.12", "11-23 (month first)") and clubs as typed
("afc sunderland", "the spuds", "crystal p", "whus", "the red devils", "hoome", "NEW" in capitals).

Every expected figure is counted here from the raw WhoScored files and the season's match index, never from the
tables the answers read.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.dates import international_break, resolve_period
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, leaders, player_totals, scorer_goals
from tests.integration.test_questions_as_typed_round3 import raw_side, results
from tests.integration.test_questions_as_typed_round4 import raw_goals
from tests.integration.test_questions_as_typed_round9 import LATEST, meeting, said_result

FIRST = "2025-08-15"


def between(first: str, last: str) -> list[dict]:
    """Return the season index's finished matches played first..last (ISO days)."""
    return [r for r in results() if first <= r["start_date"][:10] <= last]


def club_totals(team: str, first: str, last: str) -> dict[str, int]:
    """Return a club's points, wins, defeats, goals and goals conceded in the matches played first..last."""
    totals: dict[str, int] = defaultdict(int)
    for r in between(first, last):
        for side, us, them in (("home", "hg", "ag"), ("away", "ag", "hg")):
            if r[side] == team:
                won, drawn = r[us] > r[them], r[us] == r[them]
                totals["points"] += 3 if won else 1 if drawn else 0
                totals["wins"] += won
                totals["defeats"] += not (won or drawn)
                totals["goals"] += r[us]
                totals["conceded"] += r[them]
    return totals


def player_total(name: str, stat: str, first: str, last: str) -> int:
    """Return a player's total of WhoScored's per-minute ``stat`` in the matches played first..last."""
    total = 0
    for r in between(first, last):
        data = raw_whoscored(r["whoscored_id"])
        for side in ("home", "away"):
            total += sum(
                sum(p.get("stats", {}).get(stat, {}).values()) for p in data[side]["players"] if p["name"] == name
            )
    return int(total)


def standings(last: str) -> list[tuple[str, int, int, int]]:
    """Return the league table of the matches played up to ``last``: (team, points, goal difference, goals), in
    order."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in between(FIRST, last):
        for team, scored, conceded in ((r["home"], r["hg"], r["ag"]), (r["away"], r["ag"], r["hg"])):
            entry = sums[team]
            entry[0] += 3 if scored > conceded else 1 if scored == conceded else 0
            entry[1] += scored - conceded
            entry[2] += scored
    return sorted(((t, *f) for t, f in sums.items()), key=lambda r: (-r[1], -r[2], -r[3]))


def break_of(month: int) -> tuple[date, date]:
    """Return the first and last days without matches of the longest gap of over ten days between the index's match
    days that falls in ``month``: the international break, from the raw index."""
    days = sorted({date.fromisoformat(r["start_date"][:10]) for r in results()})
    gaps = [(a + timedelta(days=1), b - timedelta(days=1)) for a, b in pairwise(days) if (b - a).days > 10]
    return max((g for g in gaps if month in (g[0].month, g[1].month)), key=lambda g: g[1] - g[0])


def on(day: str, home: str, away: str) -> dict:
    """Return the season index's match of ``home`` v ``away`` on ``day``."""
    (row,) = [r for r in between(day, day) if (r["home"], r["away"]) == (home, away)]
    return row


# --- cause 1: periods written with numbers or open ends ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "name", "stat", "first", "last", "said"),
    [
        ("saka shots 1/11 to 30/11", "Bukayo Saka", "shotsTotal", "2025-11-01", "2025-11-30", "shot"),
        ("bruno guimaraes key passes by 30/11", "Bruno Guimarães", "passesKey", FIRST, "2025-11-30", "key pass"),
        ("wirtz shots up to and including 19 oct", "Florian Wirtz", "shotsTotal", FIRST, "2025-10-19", "shot"),
        ("rice key passes 13/12 - 4/1", "Declan Rice", "passesKey", "2025-12-13", "2026-01-04", "key pass"),
    ],
)
def test_a_players_total_over_days_written_as_numbers(
    answerer: Answerer, question: str, name: str, stat: str, first: str, last: str, said: str
) -> None:
    total = player_total(name, stat, first, last)
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith(f"{name}: {total} {said}"), a.answer


@pytest.mark.parametrize(
    ("question", "name", "first", "last"),
    [
        ("haaland goals 20/12 - 4/1", "Erling Haaland", "2025-12-20", "2026-01-04"),
        ("semenyo goals thru 20/12", "Antoine Semenyo", FIRST, "2025-12-20"),
    ],
)
def test_a_players_goals_over_days(answerer: Answerer, question: str, name: str, first: str, last: str) -> None:
    goals = scorer_goals(first, last)[name]
    a = ask(answerer, question)
    assert a.answer.startswith(f"{name}: {goals} goal"), a.answer


@pytest.mark.parametrize(
    ("question", "team", "figure", "first", "last", "said"),
    [
        ("arsenal points 1/12 to 31/12", "Arsenal", "points", "2025-12-01", "2025-12-31", "points in total: {}"),
        (
            "villa wins from 1 nov up to boxing day",
            "Aston Villa",
            "wins",
            "2025-11-01",
            "2025-12-26",
            "wins in total: {}",
        ),
        ("chelsea goals thru november", "Chelsea", "goals", "2025-11-01", "2025-11-30", "goals in total: {}"),
        ("how many did leeds lose up to and incl 30 nov", "Leeds", "defeats", FIRST, "2025-11-30", "{} lost"),
        (
            "newcastle goals conceded 13/12 - 4/1",
            "Newcastle",
            "conceded",
            "2025-12-13",
            "2026-01-04",
            "conceded in total: {}",
        ),
        ("fulham points by 2/12", "Fulham", "points", FIRST, "2025-12-02", "points in total: {}"),
    ],
)
def test_a_clubs_total_over_days_or_an_open_end(
    answerer: Answerer, question: str, team: str, figure: str, first: str, last: str, said: str
) -> None:
    total = club_totals(team, first, last)[figure]
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE and said.format(total) in a.answer, a.answer
    assert f"{date.fromisoformat(last):%B %Y}" in a.answer, a.answer  # the period used is said


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("goals 1/11 to 30/11", date(2025, 11, 1), date(2025, 11, 30)),
        ("shots 27/12 - 3/1", date(2025, 12, 27), date(2026, 1, 3)),
        ("points by 21/12", date(2025, 8, 15), date(2025, 12, 21)),
        ("passes up 2 and incl 12 oct", date(2025, 8, 15), date(2025, 10, 12)),
        ("goals thru october 2025", date(2025, 10, 1), date(2025, 10, 31)),
        ("goals from 29 nov up to xmas day", date(2025, 11, 29), date(2025, 12, 25)),
    ],
)
def test_periods_as_typed(answerer: Answerer, text: str, first: date, last: date) -> None:
    period = resolve_period(text, LATEST, answerer.catalog.match_days)
    assert (period.start, period.end) == (first, last)


def test_a_decimal_or_a_time_is_no_date() -> None:
    assert resolve_period("his xg was 1.2 in that game", LATEST) is None
    assert resolve_period("who was rated 7.5 or more", LATEST) is None
    assert resolve_period("is it an 8.10pm start", LATEST) is None
    assert resolve_period("kick off 8.10", LATEST) is None


def test_since_the_break_in_one_match_is_no_international_break(answerer: Answerer) -> None:
    """ "arsenal v spurs goals since the break" asks about the second half of their match, not the matches since
    November's international break."""
    assert answerer.catalog.resolve("arsenal v spurs goals since the break").period is None
    assert answerer.catalog.resolve("spurs goals since the break").period.start == break_of(11)[1] + timedelta(days=1)


# --- cause 2: the league table at a date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "last"),
    [
        ("who was top of the prem after the games of 30 nov", "2025-11-30"),
        ("who led the league at the end of october", "2025-10-31"),
        ("table on 15 dec", "2025-12-15"),
    ],
)
def test_the_leader_at_a_date(answerer: Answerer, question: str, last: str) -> None:
    team, points, _, _ = standings(last)[0]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    when = f"{date.fromisoformat(last):%-d %B %Y}"
    assert f"up to {when} (the matches in the data only): 1. {team} {points} points" in a.answer, a.answer


def test_the_bottom_club_and_a_clubs_place_at_a_date(answerer: Answerer) -> None:
    table = standings("2025-10-04")
    a = ask(answerer, "who was bottom after the games of 4 oct")
    assert f"20. {table[-1][0]} {table[-1][1]} points" in a.answer, a.answer
    table = standings("2025-11-01")
    place = next(i for i, row in enumerate(table, 1) if row[0] == "Tottenham")
    a = ask(answerer, "where were spurs in the table on 1 nov")
    assert a.answer.startswith(f"Tottenham: {place}"), a.answer


# --- cause 3: the international break, read from the match days --------------------------------------------------


def test_the_international_break_is_the_longest_gap_of_its_month(answerer: Answerer) -> None:
    days = answerer.catalog.match_days
    for month in (10, 11):
        assert international_break(days, month) == break_of(month)
    assert international_break(days) == break_of(11)  # the latest


def test_totals_after_since_before_and_between_the_break(answerer: Answerer) -> None:
    oct_first, oct_last = break_of(10)
    nov_first, nov_last = break_of(11)
    resume = f"{oct_last + timedelta(days=1):%Y-%m-%d}"
    goals = club_totals("Arsenal", resume, "2025-11-30")["goals"]
    a = ask(answerer, "arsenal goals after the oct international break up to the end of november")
    assert (
        f"goals in total: {goals}" in a.answer and f"no matches {oct_first:%-d %B} to {oct_last:%-d %B %Y}" in a.answer
    )
    points = club_totals("Liverpool", f"{nov_last + timedelta(days=1):%Y-%m-%d}", "2026-02-02")["points"]
    assert f"points in total: {points}" in ask(answerer, "points for liverpool since the break").answer
    goals = scorer_goals(FIRST, f"{nov_first - timedelta(days=1):%Y-%m-%d}")["Erling Haaland"]
    a = ask(answerer, "haaland goals before the nov international break")
    assert a.answer.startswith(f"Erling Haaland: {goals} goals"), a.answer
    points = club_totals("Sunderland", f"{nov_last + timedelta(days=1):%Y-%m-%d}", "2025-12-25")["points"]
    a = ask(answerer, "sunderland points between the break and christmas")
    assert f"points in total: {points}" in a.answer, a.answer


def test_the_international_break_is_not_a_competition_refused(answerer: Answerer) -> None:
    a = ask(answerer, "how many wins did brentford have after the november international break")
    assert a.intent is Intent.AGGREGATE, a.answer


# --- cause 4: a weekday with its date, dates as numbers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away", "day"),
    [
        ("score newcastle v arsenal sunday da 28th of september", "Newcastle", "Arsenal", "2025-09-28"),
        ("brentford v man city sun 5th oct result", "Brentford", "Man City", "2025-10-05"),
        ("score man utd v everton mon 24th nov", "Man Utd", "Everton", "2025-11-24"),
        ("chelsea vs SUN the 25th of october score", "Chelsea", "Sunderland", "2025-10-25"),  # a Saturday: the club
        ("everton score the last saturday before christmas", "Everton", "Arsenal", "2025-12-20"),
        ("tottenham v brentford 6.12 score", "Tottenham", "Brentford", "2025-12-06"),
        ("arsenal v spurs 11-23 (month first) result", "Arsenal", "Tottenham", "2025-11-23"),
        ("man city v everton 10/18 us style score", "Man City", "Everton", "2025-10-18"),
    ],
)
def test_a_match_on_a_day_as_typed(answerer: Answerer, question: str, home: str, away: str, day: str) -> None:
    row = on(day, home, away)
    a = ask(answerer, question)
    assert a.matches[:1] == [row["whoscored_id"]], a.answer
    assert f"{home} {row['hg']}-{row['ag']} {away}" in a.answer, a.answer


def test_a_date_marked_month_first_asks_no_story(answerer: Answerer) -> None:
    match_id = on("2025-10-18", "Man City", "Everton")["whoscored_id"]
    a = ask(answerer, "referee man city v everton 10/18 us style")
    assert a.intent is Intent.REFEREE and raw_whoscored(match_id)["referee"]["name"] in a.answer, a.answer


def test_sun_before_a_sunday_is_the_day_and_in_a_clubs_place_the_club(answerer: Answerer) -> None:
    assert answerer.catalog.resolve("chelsea v arsenal sun 30th nov").teams == ["Chelsea", "Arsenal"]
    assert answerer.catalog.resolve("chelsea vs SUN the 25th of october").teams == ["Chelsea", "Sunderland"]


# --- cause 5: clubs as typed -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("crystal p v brentford score", "Crystal Palace", "Brentford"),
        ("west h v burnley score", "West Ham", "Burnley"),
        ("the red devils v sunderland score", "Man Utd", "Sunderland"),
        ("afc sunderland at chelsea score", "Chelsea", "Sunderland"),
    ],
)
def test_a_club_as_typed(answerer: Answerer, question: str, home: str, away: str) -> None:
    assert said_result(home, away) in ask(answerer, question).answer


def test_the_spuds_are_spurs(answerer: Answerer) -> None:
    assert answerer.catalog.resolve("the spuds v fulham").teams == ["Tottenham", "Fulham"]
    assert answerer.catalog.resolve("afc arsenal v everton").teams == ["Arsenal", "Everton"]


def test_a_codes_possessive_without_its_apostrophe(answerer: Answerer) -> None:
    match_id = meeting("Leeds", "West Ham")["whoscored_id"]
    a = ask(answerer, "whus manager v leeds")
    assert a.intent is Intent.MANAGER and raw_side(match_id, "West Ham")["managerName"] in a.answer, a.answer


def test_a_nickname_with_an_intent_word_routes_nothing(answerer: Answerer) -> None:
    """ "the red devils" asks for no red card: the man of the match is asked."""
    match_id = meeting("Man Utd", "Sunderland")["whoscored_id"]
    data = raw_whoscored(match_id)
    (motm,) = [p["name"] for s in ("home", "away") for p in data[s]["players"] if p.get("isManOfTheMatch")]
    a = ask(answerer, "motm the red devils v sunderland")
    assert a.intent is Intent.MAN_OF_THE_MATCH and motm in a.answer, a.answer


def test_a_misspelt_home_is_not_asked_back(answerer: Answerer) -> None:
    a = ask(answerer, "villa record at hoome")
    assert a.intent is not Intent.CLARIFY and "Aston Villa" in a.answer, a.answer


def test_a_code_in_capitals_in_a_lower_case_question(answerer: Answerer) -> None:
    row = meeting("Brentford", "Newcastle")
    scorers = {g["name"] for g in raw_goals(row["whoscored_id"]) if not g["own"]}
    a = ask(answerer, "who scored when NEW went to brentford")
    assert a.matches == [row["whoscored_id"]] and all(name in a.answer for name in scorers), a.answer


def test_a_club_written_right_then_a_word_is_not_read_as_its_misspelling(answerer: Answerer) -> None:
    """ "leeds united - man ctiy": "leeds united man" is no misspelt Leeds; "man ctiy" is Man City."""
    assert said_result("Man City", "Leeds") in ask(answerer, "leeds united - man ctiy who won it").answer


def test_a_player_after_a_fixture_is_the_matchs(answerer: Answerer) -> None:
    """ "bou / BHA: player with the most tackles": the match's leader, not Brighton's."""
    row = [r for r in results() if {r["home"], r["away"]} == {"Brighton", "Bournemouth"}][-1]
    best, names = leaders(player_totals(row["whoscored_id"], "tacklesTotal"))
    a = ask(answerer, "bou / BHA: player with the most tackles")
    assert a.matches[:1] == [row["whoscored_id"]] and f"{best}" in a.answer and all(n in a.answer for n in names), (
        a.answer
    )


@pytest.mark.parametrize(
    ("question", "home", "away", "subject"),
    [
        ("honestly was it a win for brighton over spurs", "Brighton", "Tottenham", "Brighton"),  # a draw: no
        ("villa won at spurs 19th october right?", "Tottenham", "Aston Villa", "Aston Villa"),
    ],
)
def test_a_result_asked_as_a_statement_or_was_it_a_win(
    answerer: Answerer, question: str, home: str, away: str, subject: str
) -> None:
    """Yes or no first: "was it a win for X over Y", "X won at Y ..., right?" (the first club named's result)."""
    row = meeting(home, away)
    mine, theirs = (row["hg"], row["ag"]) if subject == home else (row["ag"], row["hg"])
    a = ask(answerer, question)
    assert a.answer.startswith("Yes" if mine > theirs else "No") and said_result(home, away) in a.answer, a.answer
