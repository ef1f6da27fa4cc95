"""Fact questions asked as people type them, twelfth round (B): periods, rankings and dates. Goals "put away" are
goals scored, not away matches; a calendar year written "calendar 2025" or "all of the 2025 games"; a month with an
s ("octobers games"); "talbe" and "assster" are the table and the assister; the table on a day written every way
("on boxing day", "going into december", "at the start of december", "chelsea position at new year"); periods
stated every way ("from mid-nov to new year", "in the autumn", "the first 7 weeks", "since the start of december");
matchweeks ("the first 19 rounds", "matchweeks 1-19", "gw 1 to 10"), each club's first N matches of the data, said
in the answer and kept by player rankings too; a day given that no meeting of the clubs was played on.

Every expected figure is counted here from the raw WhoScored files and the season's match index, never from the
tables the answers read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.dates import resolve_period
from football_rag.rag.typed_words import corrected
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, raw_events, scorer_goals
from tests.integration.test_questions_as_typed_round3 import results, table
from tests.integration.test_questions_as_typed_round9 import meeting
from tests.integration.test_questions_as_typed_round11b import FIRST, club_totals, player_total, standings

LAST = "2026-02-02"  # the latest match of the season index


def assists(first: str, last: str) -> Counter:
    """Return player name -> goals he made (WhoScored's intentional assist) in the matches played first..last."""
    made: Counter = Counter()
    for data, goal in raw_events("Goal", first, last):
        if any(q["type"]["displayName"] == "IntentionalAssist" for q in goal["qualifiers"]):
            made[data["playerIdNameDictionary"][str(goal["relatedPlayerId"])]] += 1
    return made


def first_matches(rounds: int) -> dict[str, set[str]]:
    """Return club -> the WhoScored ids of its first ``rounds`` matches of the season index: its matchweeks 1..N."""
    played: dict[str, list[str]] = defaultdict(list)
    for row in results():
        for team in (row["home"], row["away"]):
            played[team].append(row["whoscored_id"])
    return {team: set(ids[:rounds]) for team, ids in played.items()}


def goals_in_first(rounds: int) -> Counter:
    """Return player name -> goals (own goals aside) scored in his club's first ``rounds`` matches."""
    firsts = first_matches(rounds)
    goals: Counter = Counter()
    for row in results():
        data = raw_whoscored(row["whoscored_id"])
        teams = {data[side]["teamId"]: data[side]["name"] for side in ("home", "away")}
        for event in data["events"]:
            own = any(q["type"]["displayName"] == "OwnGoal" for q in event.get("qualifiers", []))
            mine = row["whoscored_id"] in firsts[teams[event["teamId"]]]
            if event["type"]["displayName"] == "Goal" and not own and mine:
                goals[data["playerIdNameDictionary"][str(event["playerId"])]] += 1
    return goals


def place(last: str, team: str) -> int:
    """Return ``team``'s place in the table of the matches played up to ``last``."""
    return next(i for i, row in enumerate(standings(last), 1) if row[0] == team)


def leader_line(counts: Counter) -> str:
    """Return the one player or club with the highest count (a tie fails: the test must pick a period without one)."""
    best = max(counts.values())
    (name,) = [n for n, v in counts.items() if v == best]
    return name


# --- cause 1: goals "put away" are goals scored, not away matches ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team", "first", "last"),
    [
        ("how many goals did wolves put away in october", "Wolves", "2025-10-01", "2025-10-31"),
        ("how many did brentford tuck away in november", "Brentford", "2025-11-01", "2025-11-30"),
        ("goals chelsea tucked away in december", "Chelsea", "2025-12-01", "2025-12-31"),
        ("how many goals have spurs stuck away since october", "Tottenham", "2025-10-01", LAST),
        ("how many goals did everton slot away in september", "Everton", "2025-09-01", "2025-09-30"),
        ("goals arsenal put away during november 2025", "Arsenal", "2025-11-01", "2025-11-30"),
    ],
)
def test_goals_put_away_are_goals_scored(answerer: Answerer, question: str, team: str, first: str, last: str) -> None:
    goals = club_totals(team, first, last)["goals"]
    a = ask(answerer, question)
    assert f"goals in total: {goals}." in a.answer and "away matches only" not in a.answer, a.answer


def test_away_goals_are_still_away_matches(answerer: Answerer) -> None:
    away = sum(
        r["ag"] for r in results() if r["away"] == "Wolves" and "2025-10-01" <= r["start_date"][:10] <= "2025-10-31"
    )
    a = ask(answerer, "wolves away goals in october")
    assert f"goals in total: {away}." in a.answer and "away matches only" in a.answer, a.answer


# --- cause 2: a calendar year as typed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "clean sheets in calendar 2025",
        "key passes in all of the 2025 games",
        "goals in 2025's matches",
        "points in calendar year 2025",
        "wins in the 2025 fixtures",
        "shots across 2025 games",
    ],
)
def test_a_calendar_year_as_typed(text: str) -> None:
    period = resolve_period(text, date(2026, 2, 2))
    assert (period.start, period.end) == (date(2025, 1, 1), date(2025, 12, 31)), period


@pytest.mark.parametrize("text", ["goals in the 2025/26 season", "goals in the 2025-26 season", "2025-2026 matches"])
def test_a_season_is_no_calendar_year(text: str) -> None:
    assert resolve_period(text, date(2026, 2, 2)) is None


def test_a_clubs_and_a_players_total_over_a_calendar_year(answerer: Answerer) -> None:
    sheets = sum(
        (r["ag"] if r["home"] == "Aston Villa" else r["hg"]) == 0
        for r in results()
        if "Aston Villa" in (r["home"], r["away"]) and r["start_date"][:4] == "2025"
    )
    a = ask(answerer, "avfc clean sheet count in calendar 2025")
    assert a.intent is Intent.AGGREGATE and f"clean sheets in total: {sheets}." in a.answer, a.answer
    passes = player_total("Matty Cash", "passesKey", "2025-01-01", "2025-12-31")
    a = ask(answerer, "CASH KEY PASSES IN ALL OF THE 2025 GAMES")
    assert a.answer.startswith(f"Matty Cash: {passes} key passes"), a.answer


# --- cause 3: a month written with an s ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("top assister octobers games", date(2025, 10, 1)),
        ("goals novembers matches", date(2025, 11, 1)),
        ("decembers fixtures results", date(2025, 12, 1)),
        ("septembers games points", date(2025, 9, 1)),
        ("januarys games shots", date(2026, 1, 1)),
        ("augusts games cards", date(2025, 8, 1)),
    ],
)
def test_a_month_with_an_s(text: str, month: date) -> None:
    assert resolve_period(text, date(2026, 2, 2)).start == month


def test_a_players_assists_and_the_top_assister_of_octobers_games(answerer: Answerer) -> None:
    made = assists("2025-10-01", "2025-10-31")
    a = ask(answerer, "how many goals did quilindschy hartman set up octobers games")
    assert a.answer.startswith(f"Quilindschy Hartman: {made['Quilindschy Hartman']} assist"), a.answer
    a = ask(answerer, "dying to know top assster octobers games")
    assert a.intent is Intent.RANKING and f"1. {leader_line(made)} (" in a.answer, a.answer


# --- cause 4: the table's and the ranking's own words misspelt -------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("talbe", "table"),
        ("tabel", "table"),
        ("postion", "position"),
        ("standigns", "standings"),
        ("assster", "assister"),
    ],
)
def test_misspelt_table_words_are_read(typed: str, word: str) -> None:
    assert corrected(typed) == word


def test_a_clubs_place_in_the_misspelt_table_on_a_day_without_its_match(answerer: Answerer) -> None:
    """A day's table is the table, whatever "talbe" is one letter from (Chemsdine Talbi), and needs no match."""
    a = ask(answerer, "Where wEre LUFC in thE talbe on 14 DecembeR")
    assert a.intent is Intent.RANKING and a.answer.startswith(f"Leeds: {place('2025-12-14', 'Leeds')}"), a.answer


# --- cause 5: the table on a day, written every way ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team", "last"),
    [
        ("where were spurs in the league on boxing day", "Tottenham", "2025-12-26"),
        ("chelsea position at new year", "Chelsea", "2026-01-01"),
        ("chelsea league position on 1 dec", "Chelsea", "2025-12-01"),
        ("what was arsenal's league position at christmas", "Arsenal", "2025-12-25"),
        ("villa's table position as of 8/12", "Aston Villa", "2025-12-08"),
        ("where were everton in the prem by new year", "Everton", "2026-01-01"),
    ],
)
def test_a_clubs_place_on_a_day(answerer: Answerer, question: str, team: str, last: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and a.answer.startswith(f"{team}: {place(last, team)}"), a.answer


@pytest.mark.parametrize(
    ("question", "last"),
    [
        ("who was top at the start of december", "2025-11-30"),
        ("who was top going into december", "2025-11-30"),
        ("who led the league heading into november", "2025-10-31"),
        ("top of the table on boxing day", "2025-12-26"),
        ("who was top by new year", "2026-01-01"),
        ("table as of 8/12", "2025-12-08"),
    ],
)
def test_the_leader_on_a_day(answerer: Answerer, question: str, last: str) -> None:
    team, points, _, _ = standings(last)[0]
    a = ask(answerer, question)
    when = f"{date.fromisoformat(last):%-d %B %Y}"
    assert f"up to {when} (the matches in the data only): 1. {team} {points} points" in a.answer, a.answer


def test_a_total_at_the_start_of_a_month_is_no_table(answerer: Answerer) -> None:
    """Only a table stands before the month asked "at the start of" it; a club's goals then are its first days' (1 to
    10 December: round 14 B read "at the start of" as the month's start, not the whole month)."""
    goals = club_totals("Arsenal", "2025-12-01", "2025-12-10")["goals"]
    assert f"goals in total: {goals}." in ask(answerer, "arsenal goals at the start of december").answer


# --- cause 6: periods stated every way ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("top scorer from mid-nov to new year", date(2025, 11, 11), date(2026, 1, 1)),
        ("goals in mid november", date(2025, 11, 11), date(2025, 11, 20)),
        ("shots in late december", date(2025, 12, 21), date(2025, 12, 31)),
        ("points in early oct", date(2025, 10, 1), date(2025, 10, 10)),
        ("goals since the start of december", date(2025, 12, 1), date(2026, 2, 2)),
        ("wins since the beginning of november", date(2025, 11, 1), date(2026, 2, 2)),
        ("goals in the autumn", date(2025, 9, 1), date(2025, 11, 30)),
        ("points over the winter", date(2025, 12, 1), date(2026, 2, 28)),
        ("arsenal points in the first 7 weeks", date(2025, 8, 15), date(2025, 10, 2)),
        ("goals in the opening two weeks", date(2025, 8, 15), date(2025, 8, 28)),
        ("goals up to xmas", date(2025, 8, 15), date(2025, 12, 25)),
        ("score of arsenal v wolves on 3 march", date(2025, 3, 3), date(2025, 3, 3)),
    ],
)
def test_periods_stated_every_way(answerer: Answerer, text: str, first: date, last: date) -> None:
    period = resolve_period(text, date(2026, 2, 2), answerer.catalog.match_days)
    assert (period.start, period.end) == (first, last), period


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("goals since the winter break", None),
        ("goals by summer signings", None),
        ("late goals in october", "October 2025"),
    ],
)
def test_words_that_name_no_part_of_the_year(text: str, label: str | None) -> None:
    period = resolve_period(text, date(2026, 2, 2))
    assert (period.label if period else None) == label


@pytest.mark.parametrize(
    ("question", "team", "first", "last", "figure"),
    [
        ("arsenal goals since the start of december", "Arsenal", "2025-12-01", LAST, "goals"),
        ("villa points in the first 7 weeks", "Aston Villa", FIRST, "2025-10-02", "points"),
        ("chelsea points in the autumn", "Chelsea", "2025-09-01", "2025-11-30", "points"),
        ("man city goals from mid-nov to new year", "Man City", "2025-11-11", "2026-01-01", "goals"),
        ("liverpool points in late december", "Liverpool", "2025-12-21", "2025-12-31", "points"),
    ],
)
def test_a_clubs_total_over_a_period_stated_every_way(
    answerer: Answerer, question: str, team: str, first: str, last: str, figure: str
) -> None:
    total = club_totals(team, first, last)[figure]
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE and f"{figure} in total: {total}." in a.answer, a.answer


def test_new_year_is_no_club(answerer: Answerer) -> None:
    """ "to new year": "new" is Newcastle's code, but not before "year"."""
    goals = scorer_goals("2025-11-11", "2026-01-01")
    a = ask(answerer, "top scorer from mid-nov to new year")
    assert "for Newcastle" not in a.answer and f"1. {leader_line(goals)} (" in a.answer, a.answer


# --- cause 7: matchweeks, each club's first N matches, said and kept --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "rounds"),
    [
        ("arsenal points in the first 19 rounds", 19),
        ("arsenal points in the first half of the season", 19),
        ("arsenal points matchweeks 1-19", 19),
        ("arsenal points gw 1 to 10", 10),
        ("arsenal points in their first 10 games", 10),
        ("how many points did arsenal have after 12 matches", 12),
    ],
)
def test_a_clubs_points_over_its_first_matchweeks(answerer: Answerer, question: str, rounds: int) -> None:
    (points,) = [row[1] for row in table(rounds=rounds) if row[0] == "Arsenal"]
    a = ask(answerer, question)
    assert f"{points} points" in a.answer, a.answer
    assert f"after matchweek {rounds} (each club's first {rounds} matches in the data)" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "rounds"),
    [("table after the first 10 games", 10), ("league table gw 1 to 10", 10), ("table matchweeks 1-19", 19)],
)
def test_the_table_after_the_first_matchweeks(answerer: Answerer, question: str, rounds: int) -> None:
    team, points, _, _ = table(rounds=rounds)[0]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"matches in the data): 1. {team} {points} points" in a.answer, a.answer


def test_a_player_ranking_keeps_each_clubs_first_matchweeks(answerer: Answerer) -> None:
    for question, rounds in (
        ("top scorer in the first half of the season", 19),
        ("most goals in the first 10 gameweeks", 10),
    ):
        goals = goals_in_first(rounds)
        a = ask(answerer, question)
        assert f"(each club's first {rounds} matches in the data): 1. {leader_line(goals)} (" in a.answer, a.answer
        assert f"{goals[leader_line(goals)]};" in a.answer, a.answer


# --- cause 8: leaders of a period -------------------------------------------------------------------------------------


def team_points(first: str, last: str) -> Counter:
    """Return club -> points won in the matches played first..last."""
    points: Counter = Counter()
    for r in results():
        if first <= r["start_date"][:10] <= last:
            points[r["home"]] += 3 if r["hg"] > r["ag"] else r["hg"] == r["ag"]
            points[r["away"]] += 3 if r["ag"] > r["hg"] else r["hg"] == r["ag"]
    return points


@pytest.mark.parametrize(
    ("question", "first", "last", "best"),
    [
        ("best team in november", "2025-11-01", "2025-11-30", True),
        ("who was the best side in october", "2025-10-01", "2025-10-31", True),
        ("worst side in december", "2025-12-01", "2025-12-31", False),
        ("worst team since the start of december", "2025-12-01", LAST, False),
        ("best team in the autumn", "2025-09-01", "2025-11-30", True),
    ],
)
def test_the_best_or_worst_team_of_a_period_by_points(
    answerer: Answerer, question: str, first: str, last: str, best: bool
) -> None:
    points = team_points(first, last)
    edge = max(points.values()) if best else min(points.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"{'most' if best else 'fewest'} points" in a.answer.lower(), a.answer
    assert all(f"{team} {edge}" in a.answer for team, value in points.items() if value == edge), a.answer


@pytest.mark.parametrize(
    ("question", "stat", "first", "last"),
    [
        ("who had the most key passes since the start of december", "passesKey", "2025-12-01", LAST),
        ("most shots in the first 7 weeks", "shotsTotal", FIRST, "2025-10-02"),
        ("who had the most shots in late december", "shotsTotal", "2025-12-21", "2025-12-31"),
    ],
)
def test_a_players_leader_over_a_period_stated_every_way(
    answerer: Answerer, question: str, stat: str, first: str, last: str
) -> None:
    totals: Counter = Counter()
    for r in results():
        if first <= r["start_date"][:10] <= last:
            data = raw_whoscored(r["whoscored_id"])
            for side in ("home", "away"):
                for p in data[side]["players"]:
                    totals[p["name"]] += int(sum(p.get("stats", {}).get(stat, {}).values()))
    best = max(totals.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    assert any(f"{name} (" in a.answer for name, value in totals.items() if value == best), a.answer
    assert f") {best}" in a.answer, a.answer


# --- cause 9: a day given that no meeting of the clubs was played on ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "score of arsenal v wolves on 3 march",
        "arsenal wolves march 3rd result",
        "arsenal v wolves result on the 3rd of march",
        "how did arsenal v wolves end on 3 mar",
        "who scored in arsenal v wolves on 14 december",
        "arsenal v wolves on christmas day",
    ],
)
def test_a_day_no_meeting_was_played_on_is_said(answerer: Answerer, question: str) -> None:
    row = meeting("Arsenal", "Wolves")
    a = ask(answerer, question)
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith("There is no match Arsenal vs Wolves on"), a.answer
    assert f"nearest matches I have: Arsenal {row['hg']}-{row['ag']} Wolves" in a.answer, a.answer


# --- cause 10: a ranking's own words: charts, the form table, the title race, the leakiest defence -----------------


def team_counts(first: str, last: str, count) -> Counter:
    """Return club -> ``count(row, side)`` summed over the season index's matches played first..last."""
    totals: Counter = Counter()
    for r in results():
        if first <= r["start_date"][:10] <= last:
            for side in ("home", "away"):
                totals[r[side]] += count(r, side)
    return totals


def conceded(r: dict, side: str) -> int:
    return r["ag"] if side == "home" else r["hg"]


def cards(r: dict, side: str) -> int:
    """Return the cards (yellow, second yellow and red each one) shown to a side in a match, from WhoScored."""
    data = raw_whoscored(r["whoscored_id"])
    team = data[side]["teamId"]
    return sum(1 for e in data["events"] if e.get("cardType") and e["teamId"] == team)


@pytest.mark.parametrize(
    ("question", "first", "last", "count", "most"),
    [
        ("leakiest defence in october", "2025-10-01", "2025-10-31", conceded, True),
        ("meanest defence in december", "2025-12-01", "2025-12-31", conceded, False),
        ("stingiest defence over the winter", "2025-12-01", LAST, conceded, False),
        ("dirtiest team in november", "2025-11-01", "2025-11-30", cards, True),
        ("dirtiest side in the autumn", "2025-09-01", "2025-11-30", cards, True),
    ],
)
def test_a_teams_ranking_in_a_fans_words(
    answerer: Answerer, question: str, first: str, last: str, count, most: bool
) -> None:
    totals = team_counts(first, last, count)
    edge = max(totals.values()) if most else min(totals.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and ("Most" if most else "Fewest") in a.answer, a.answer
    assert all(f"{team} {edge}" in a.answer for team, v in totals.items() if v == edge), a.answer


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("form table in december", "2025-12-01", "2025-12-31"),
        ("top of the form table in november", "2025-11-01", "2025-11-30"),
        ("form guide for october", "2025-10-01", "2025-10-31"),
    ],
)
def test_a_form_table_ranks_the_periods_points(answerer: Answerer, question: str, first: str, last: str) -> None:
    points = team_points(first, last)
    best = max(points.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and "most points in" in a.answer.lower() and "table in the season" not in a.answer
    assert all(f"{team} {best}" in a.answer for team, v in points.items() if v == best), a.answer


@pytest.mark.parametrize(
    "question", ["who's winning the title race", "who is winning the league", "who's top of the title race"]
)
def test_the_title_race_is_the_table(answerer: Answerer, question: str) -> None:
    team, points, _, _ = table()[0]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"1. {team} {points} points" in a.answer, a.answer


def test_the_xg_race_of_a_match_is_no_ranking(answerer: Answerer) -> None:
    assert ask(answerer, "who won the xg race in arsenal v spurs").intent is not Intent.RANKING


@pytest.mark.parametrize(
    ("question", "last", "assists_asked"),
    [
        ("who was second in the scoring charts at the end of october", "2025-10-31", False),
        ("golden boot race at christmas", "2025-12-25", False),
        ("top scorer at christmas", "2025-12-25", False),
        ("who led the assist charts at the end of november", "2025-11-30", True),
        ("top of the scoring charts as of 8/12", "2025-12-08", False),
    ],
)
def test_a_chart_at_a_day_is_the_season_up_to_it(
    answerer: Answerer, question: str, last: str, assists_asked: bool
) -> None:
    counts = assists(FIRST, last) if assists_asked else scorer_goals(FIRST, last)
    a = ask(answerer, question)
    assert f"up to {date.fromisoformat(last):%-d %B %Y}: 1. {leader_line(counts)} (" in a.answer, a.answer


# --- cause 11: the festive period and a total "at" a day ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "most points over christmas",
        "goals over the festive period",
        "arsenal results in the christmas fixtures",
        "points over christmas and new year",
        "shots in the xmas period",
    ],
)
def test_the_festive_period(text: str) -> None:
    period = resolve_period(text, date(2026, 2, 2))
    assert (period.start, period.end) == (date(2025, 12, 20), date(2026, 1, 4)), period
    assert "20 December 2025 to 4 January 2026" in period.label


def test_a_total_over_the_festive_period_and_at_a_day(answerer: Answerer) -> None:
    points = team_points("2025-12-20", "2026-01-04")
    a = ask(answerer, "who got the most points over christmas")
    assert f"1. {leader_line(points)} {max(points.values())}" in a.answer, a.answer
    goals = club_totals("Arsenal", FIRST, "2025-12-08")["points"]
    assert f"points in total: {goals}." in ask(answerer, "arsenal points as of 8/12").answer
    row = meeting("Arsenal", "Wolves")
    a = ask(answerer, "arsenal v wolves at christmas")  # a fixture "at" a day is their match of that day
    assert a.intent is Intent.UNKNOWN_MATCH and f"Arsenal {row['hg']}-{row['ag']} Wolves" in a.answer, a.answer


# --- cause 12: a club's count over its matchweeks, a player's first games ---------------------------------------------


def test_a_clubs_count_over_its_first_matchweeks_is_its_total(answerer: Answerer) -> None:
    firsts = first_matches(10)["Arsenal"]
    goals = sum(r["hg"] if r["home"] == "Arsenal" else r["ag"] for r in results() if r["whoscored_id"] in firsts)
    a = ask(answerer, "arsenal goals in their first 10 games")
    assert a.intent is Intent.AGGREGATE and f"goals in total: {goals}." in a.answer, a.answer
    shots = 0
    for match_id in first_matches(5)["Tottenham"]:
        data = raw_whoscored(match_id)
        side = "home" if data["home"]["name"] == "Tottenham" else "away"
        shots += int(sum(sum(p.get("stats", {}).get("shotsTotal", {}).values()) for p in data[side]["players"]))
    a = ask(answerer, "spurs shots in gw 1 to 5")
    assert a.intent is Intent.AGGREGATE and f"shots in total: {shots}." in a.answer, a.answer


def test_his_first_games_are_his_first_appearances(answerer: Answerer) -> None:
    played = []
    for r in results():
        data = raw_whoscored(r["whoscored_id"])
        for side in ("home", "away"):
            for p in data[side]["players"]:
                if p["name"] == "Erling Haaland" and (p.get("isFirstEleven") or p.get("subbedInExpandedMinute")):
                    played.append(r["start_date"][:10])
    last = played[9]
    goals = scorer_goals(FIRST, last)["Erling Haaland"]
    a = ask(answerer, "haaland goals in his first 10 games")
    assert a.answer.startswith(f"Erling Haaland: {goals} goals (total) in 10 appearances"), a.answer


# --- cause 13: man of the match awards counted and ranked ----------------------------------------------------------


def motm_awards(first: str, last: str, team: str | None = None) -> Counter:
    """Return player name -> the matches played first..last in which WhoScored made him man of the match."""
    awards: Counter = Counter()
    for r in results():
        if first <= r["start_date"][:10] <= last:
            data = raw_whoscored(r["whoscored_id"])
            for side in ("home", "away"):
                if team in (None, data[side]["name"]):
                    awards.update(p["name"] for p in data[side]["players"] if p.get("isManOfTheMatch"))
    return awards


@pytest.mark.parametrize(
    ("question", "first", "last", "team"),
    [
        ("most man of the match awards", FIRST, LAST, None),
        ("who has the most motm awards", FIRST, LAST, None),
        ("most motms since the start of december", "2025-12-01", LAST, None),
        ("most player of the match awards for arsenal", FIRST, LAST, "Arsenal"),
        ("who got the most potm gongs in the autumn", "2025-09-01", "2025-11-30", None),
    ],
)
def test_the_most_man_of_the_match_awards(
    answerer: Answerer, question: str, first: str, last: str, team: str | None
) -> None:
    awards = motm_awards(first, last, team)
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and "man of the match awards" in a.answer, a.answer
    best = max(awards.values())
    assert all(f"1. {name} (" in a.answer for name, n in awards.items() if n == best), a.answer
    assert f") {best};" in a.answer, a.answer


def test_a_players_man_of_the_match_count(answerer: Answerer) -> None:
    count = motm_awards(FIRST, LAST)["Erling Haaland"]
    a = ask(answerer, "how many motm awards has haaland got")
    assert a.answer.startswith(f"Erling Haaland: {count} man of the match awards"), a.answer
    assert ask(answerer, "who was motm in arsenal v spurs").intent is Intent.MAN_OF_THE_MATCH


# --- cause 14: the points of a club's last games, said ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team", "count"),
    [("how many points have chelsea got in the last 6 games", "Chelsea", 6), ("arsenal form", "Arsenal", 5)],
)
def test_a_clubs_last_games_say_their_points(answerer: Answerer, question: str, team: str, count: int) -> None:
    rows = [r for r in results() if team in (r["home"], r["away"])][-count:]
    points = sum(
        3 if (r["hg"], r["ag"])[r["away"] == team] > (r["ag"], r["hg"])[r["away"] == team] else r["hg"] == r["ag"]
        for r in rows
    )
    a = ask(answerer, question)
    assert a.intent is Intent.FORM and "(oldest first): " in a.answer and f", {points} points, scored" in a.answer


# --- cause 15: a ranking over each club's last games ------------------------------------------------------------------


def last_matches(count: int) -> dict[str, list[dict]]:
    """Return club -> its last ``count`` matches of the season index."""
    played: dict[str, list[dict]] = defaultdict(list)
    for row in results():
        for team in (row["home"], row["away"]):
            played[team].append(row)
    return {team: rows[-count:] for team, rows in played.items()}


def points_and_conceded(team: str, rows: list[dict]) -> tuple[int, int]:
    """Return the points ``team`` won and the goals it let in over ``rows``."""
    points = conceded_goals = 0
    for r in rows:
        ours, theirs = (r["hg"], r["ag"]) if r["home"] == team else (r["ag"], r["hg"])
        points += 3 if ours > theirs else ours == theirs
        conceded_goals += theirs
    return points, conceded_goals


@pytest.mark.parametrize(
    ("question", "count", "fewest_conceded"),
    [
        ("who has the most points in the last 5 games", 5, False),
        ("form table over the last 6 matches", 6, False),
        ("which team conceded the fewest in the last 5 games", 5, True),
        ("best defence over the last four games", 4, True),
    ],
)
def test_a_teams_ranking_over_each_clubs_last_games(
    answerer: Answerer, question: str, count: int, fewest_conceded: bool
) -> None:
    figures = {team: points_and_conceded(team, rows)[fewest_conceded] for team, rows in last_matches(count).items()}
    edge = min(figures.values()) if fewest_conceded else max(figures.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"over each club's last {count} matches in the data" in a.answer, a.answer
    assert all(f"{team} {edge}" in a.answer for team, v in figures.items() if v == edge), a.answer


def test_the_top_scorer_over_each_clubs_last_games(answerer: Answerer) -> None:
    lasts = {team: {r["whoscored_id"] for r in rows} for team, rows in last_matches(3).items()}
    kept = set().union(*lasts.values())
    goals: Counter = Counter()
    for match_id in kept:
        data = raw_whoscored(match_id)
        teams = {data[side]["teamId"]: data[side]["name"] for side in ("home", "away")}
        for event in data["events"]:
            own = any(q["type"]["displayName"] == "OwnGoal" for q in event.get("qualifiers", []))
            mine = match_id in lasts[teams[event["teamId"]]]
            if event["type"]["displayName"] == "Goal" and not own and mine:
                goals[data["playerIdNameDictionary"][str(event["playerId"])]] += 1
    a = ask(answerer, "top scorer over the last three matches")
    assert f"1. {leader_line(goals)} (" in a.answer and f") {max(goals.values())};" in a.answer, a.answer
