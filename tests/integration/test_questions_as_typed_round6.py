"""Fact questions asked as people type them, sixth round: a date next to a fixture names that game ("spurs v
bournemouth from 30/8", "brighton - west ham (7/12)", "from saturday the 6th", "back on 7 jan"), "sunday the 14th"
read among the two clubs' meetings, a date the clubs did not meet refused with their meetings, "United" alone taken
as Man Utd and said so (unless the date or the result rules Man Utd out), periods bounded as people bound them
("before the new year", "before december", "up to the end of november", "the first three months of the season"),
"best defence (fewest conceded)" ranked by the count, "in charge of spurs vs bournemouth" (the referee and both
managers) and "X goal in the match with Y - what minute", on the whole real season.

Expected scores, names, minutes and counts are read here from the raw WhoScored files and the season's match index,
never from the tables the answers read.
"""

from __future__ import annotations

from datetime import date

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.dates import resolve_period
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round3 import raw_side, results
from tests.integration.test_questions_as_typed_round4 import raw_goals
from tests.integration.test_questions_as_typed_round5 import raw_player_goals
from tests.integration.test_team_stats_officials_rankings_as_typed import man_of_the_match, talk

UNITED_NOTE = '"United" taken as Man Utd; name the club if you meant Leeds, Newcastle or West Ham.'


def result_of(match_id: str) -> str:
    """Return "Home h-a Away" of a finished match, from the season index."""
    row = next(r for r in results() if r["whoscored_id"] == match_id)
    return f"{row['home']} {row['hg']}-{row['ag']} {row['away']}"


def meetings(a: str, b: str) -> list[str]:
    """Return the ids of the finished matches between clubs ``a`` and ``b``, oldest first."""
    return [r["whoscored_id"] for r in results() if {r["home"], r["away"]} == {a, b}]


def conceded(first: str, last: str) -> dict[str, int]:
    """Return each club's goals conceded in the finished matches played first..last (ISO days)."""
    against: dict[str, int] = {}
    for r in results():
        if first <= r["start_date"][:10] <= last:
            against[r["home"]] = against.get(r["home"], 0) + r["ag"]
            against[r["away"]] = against.get(r["away"], 0) + r["hg"]
    return against


# --- a date next to a fixture names that game ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "teams", "match_id"),
    [
        ("what was the score in spurs against bournemouth from 30/8?", ("Tottenham", "Bournemouth"), "1903142"),
        ("brighton - west ham (7/12) result", ("Brighton", "West Ham"), "1903476"),
        ("man utd and the clarets from 30 aug reslut", ("Man Utd", "Burnley"), "1903146"),
        ("how did the toon v burnley from 6 dec finish?", ("Newcastle", "Burnley"), "1903481"),
        ("chelsea fulham from 7/1 score", ("Chelsea", "Fulham"), "1903279"),
        ("fulham vs palace from 7th dec", ("Fulham", "Crystal Palace"), "1903478"),
        ("forest west ham from 6 jan result", ("Nottingham Forest", "West Ham"), "1903288"),
        ("villa arsenal from saturday the 6th", ("Aston Villa", "Arsenal"), "1903258"),
        ("city sunderland (6.12.25)", ("Man City", "Sunderland"), "1903480"),
    ],
)
def test_a_date_next_to_a_fixture_names_that_game(
    answerer: Answerer, question: str, teams: tuple[str, str], match_id: str
) -> None:
    """The clubs met twice; "from" the day (or the day in brackets) is the game of that day, not the matches since."""
    assert len(meetings(*teams)) == 2 and match_id in meetings(*teams)
    a = ask(answerer, question)
    assert a.matches == [match_id], (question, a.answer)
    assert a.answer.startswith(f"{result_of(match_id)} on "), a.answer
    assert "matches fit" not in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "home", "match_id"),
    [
        ("result of chelsea v fulham at home", "Chelsea", "1903141"),
        ("score in leeds newcastle away from home", "Newcastle", "1903285"),
        ("who won united v burnley at old trafford", "Man Utd", "1903146"),  # the ground settles United: no guess
        ("score in liverpool v newcastle from the 25th", "Newcastle", "1903135"),
    ],
)
def test_the_home_side_or_the_day_picks_one_of_two_meetings(
    answerer: Answerer, question: str, home: str, match_id: str
) -> None:
    assert raw_whoscored(match_id)["home"]["name"] == home
    a = ask(answerer, question)
    assert a.matches == [match_id] and a.answer.startswith(f"{result_of(match_id)} on "), (question, a.answer)
    assert "matches fit" not in a.answer and "taken as" not in a.answer, a.answer


def test_the_return_game_after_a_dated_fixture(answerer: Answerer) -> None:
    first, second = meetings("Tottenham", "Brentford")
    a = talk(answerer, "what was the score in spurs - brentford from saturday the 6th", "what about the return game?")
    assert a.matches == [second] and a.answer.startswith(result_of(second)), a.answer
    assert first == "1903482" and result_of(first) == "Tottenham 2-0 Brentford"


@pytest.mark.parametrize(
    ("question", "match_id"),
    [
        ("motm man utd v. man city on sunday the 14th", "1903154"),  # 14 September: the 14th of December is too
        ("leeds newcastle on wednesday the 7th", "1903285"),
        ("man utd burnley on saturday the 30th", "1903146"),
    ],
)
def test_a_weekday_and_a_day_are_read_among_the_clubs_meetings(
    answerer: Answerer, question: str, match_id: str
) -> None:
    a = ask(answerer, question)
    assert a.matches == [match_id], (question, a.answer)
    if question.startswith("motm"):
        assert man_of_the_match(match_id)[0] in a.answer, a.answer


def test_the_most_interceptions_on_saturday_the_20th(answerer: Answerer) -> None:
    """Wolves 1-3 Leeds on Saturday 20 September: two players level on the most interceptions, both named."""
    match_id = "1903173"
    totals = {
        p["name"]: int(sum(p.get("stats", {}).get("interceptions", {}).values()))
        for side in ("home", "away")
        for p in raw_whoscored(match_id)[side]["players"]
    }
    best = max(totals.values())
    leaders = sorted(name for name, n in totals.items() if n == best)
    assert leaders == ["Ao Tanaka", "Gabriel Gudmundsson"]
    a = ask(answerer, "Which player had the most interceptions in wolverhampton vs leeds (saturday the 20th)")
    assert a.matches == [match_id] and all(name in a.answer for name in leaders), a.answer


@pytest.mark.parametrize(
    ("question", "teams", "day"),
    [
        ("who refereed everton v wolverhampton (14/10)?", ("Everton", "Wolves"), "2025-10-14"),
        ("leeds vs spurs from 12 sept result", ("Leeds", "Tottenham"), "2025-09-12"),
        ("what was the score in united v wolves (saturday 11 october)?", ("Man Utd", "Wolves"), "2025-10-11"),
    ],
)
def test_a_date_the_clubs_did_not_meet_is_refused_with_their_meetings(
    answerer: Answerer, question: str, teams: tuple[str, str], day: str
) -> None:
    met = meetings(*teams)
    assert met and all(raw_whoscored(m)["startDate"][:10] != day for m in met)
    a = ask(answerer, question)
    assert a.answer.startswith(f"There is no match {teams[0]} vs {teams[1]} on {day} in the data"), a.answer
    assert a.matches == [] and all(result_of(m) in a.answer for m in met), a.answer


# --- "United" alone -------------------------------------------------------------------------------------------------


def test_united_alone_is_man_utd_and_the_answer_says_so(answerer: Answerer) -> None:
    (match_id,) = meetings("Liverpool", "Man Utd")
    scorers = sorted({g["name"] for g in raw_goals(match_id)})
    a = ask(answerer, "who got on the scoresheet in united v. lfc")
    assert a.matches == [match_id] and all(name in a.answer for name in scorers), a.answer
    assert a.answer.endswith(UNITED_NOTE), a.answer
    (everton,) = meetings("Man Utd", "Everton")
    motm = ask(answerer, "who was man of the match in united - everton")
    assert motm.matches == [everton] and man_of_the_match(everton)[0] == "Jordan Pickford" in motm.answer, motm.answer


def test_united_settled_by_the_date_is_no_guess(answerer: Answerer) -> None:
    """Only Newcastle of the Uniteds played Sunderland on 14 December."""
    (match_id,) = [
        m for m in meetings("Sunderland", "Newcastle") if raw_whoscored(m)["startDate"].startswith("2025-12-14")
    ]
    a = ask(answerer, "united v sunderland on 14 dec")
    assert a.matches == [match_id] and "taken as" not in a.answer, a.answer
    cards = ask(answerer, "how many yellow cards were shown in united vs burnley from 30.8.25?")
    yellows = sum(
        1
        for e in raw_whoscored("1903146")["events"]
        if e["type"]["displayName"] == "Card" and any(q["type"]["displayName"] == "Yellow" for q in e["qualifiers"])
    )
    assert cards.matches == ["1903146"] and cards.answer.startswith(f"{yellows} yellow cards in the match."), (
        cards.answer
    )
    assert "taken as" not in cards.answer


def test_another_united_named_after_the_guess(answerer: Answerer) -> None:
    (newcastle,) = meetings("Everton", "Newcastle")
    a = talk(answerer, "result united v everton", "newcastle")
    assert a.matches == [newcastle] and a.answer.startswith(result_of(newcastle)), a.answer


# --- periods as people bound them -------------------------------------------------------------------------------------


def test_goals_before_the_new_year(answerer: Answerer) -> None:
    scored = sum(
        r["hg"] if r["home"] == "Arsenal" else r["ag"]
        for r in results()
        if "Arsenal" in (r["home"], r["away"]) and r["start_date"][:10] <= "2025-12-31"
    )
    assert scored == 36
    a = ask(answerer, "how many goals did gunners score before the new year")
    assert a.answer.startswith(f"Arsenal goals in total: {scored}. Arsenal in the matches up to 31 December 2025"), (
        a.answer
    )


@pytest.mark.parametrize(
    ("question", "name", "last"),
    [
        ("how many times did mateta score before december?", "Jean-Philippe Mateta", "2025-11-30"),
        ("Woltemade goals up to the end of november?", "Nick Woltemade", "2025-11-30"),
        ("semenyo goals up to the end of october", "Antoine Semenyo", "2025-10-31"),
        ("how many goals did haaland score by the end of september", "Erling Haaland", "2025-09-30"),
    ],
)
def test_a_players_goals_up_to_a_month(answerer: Answerer, question: str, name: str, last: str) -> None:
    goals = raw_player_goals(name, "2025-08-01", last)
    a = ask(answerer, question)
    assert a.answer.startswith(f"{name}: {goals} goal"), a.answer


@pytest.mark.parametrize(
    ("words", "last"),
    [
        ("before the new year", "2025-12-31"),
        ("before december", "2025-11-30"),
        ("until december", "2025-11-30"),
        ("by december", "2025-11-30"),
        ("up to the end of november", "2025-11-30"),
        ("till the end of october", "2025-10-31"),
        ("in the first three months of the season", "2025-10-31"),
        ("up to 1 december", "2025-12-01"),
    ],
)
def test_a_bounded_period_runs_from_the_first_match(words: str, last: str) -> None:
    """A period closed by a day or a month runs from the season's first match day to its end."""
    days = sorted({date.fromisoformat(r["start_date"][:10]) for r in results()})
    period = resolve_period(f"goals {words}", days[-1], days)
    assert (period.start, period.end) == (days[0], date.fromisoformat(last)), period


def test_the_first_three_months_of_the_season(answerer: Answerer) -> None:
    sheets: dict[str, int] = {}
    for r in results():
        if r["start_date"][:10] <= "2025-10-31":
            sheets[r["home"]] = sheets.get(r["home"], 0) + (r["ag"] == 0)
            sheets[r["away"]] = sheets.get(r["away"], 0) + (r["hg"] == 0)
    most = max(sheets.values())
    assert sorted(t for t, n in sheets.items() if n == most) == ["Arsenal", "Newcastle"]
    a = ask(answerer, "which team kept the most clean sheets in the first three months of the season?")
    assert a.answer.startswith(
        f"Tied for the most clean sheets in the first 3 months, to 31 October 2025, {most} each: Arsenal and Newcastle."
    ), a.answer


# --- rankings by the count's own direction ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first", "last", "fewest"),
    [
        ("best defence during october (fewest conceded)?", "2025-10-01", "2025-10-31", True),
        ("which team let in the least goals before december", "2025-08-01", "2025-11-30", True),
        ("best defence in september (fewest goals against)", "2025-09-01", "2025-09-30", True),
        ("worst defence in december", "2025-12-01", "2025-12-31", False),
    ],
)
def test_a_defence_ranked_by_goals_conceded(
    answerer: Answerer, question: str, first: str, last: str, fewest: bool
) -> None:
    against = conceded(first, last)
    edge = min(against.values()) if fewest else max(against.values())
    leaders = sorted(team for team, n in against.items() if n == edge)
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    assert all(f"1. {team} {edge};" in a.answer for team in leaders), a.answer


# --- who was in charge, what minute -------------------------------------------------------------------------------


def test_in_charge_of_a_bare_fixture_gives_the_referee_and_both_managers(answerer: Answerer) -> None:
    match_id = "1903265"  # Bournemouth 3-2 Tottenham, 7 January 2026
    a = ask(answerer, "who was in charge of spurs vs bournemouth back on 7 jan")
    assert a.matches == [match_id], a.answer
    referee = raw_whoscored(match_id)["referee"]["name"]
    managers = [raw_side(match_id, team)["managerName"] for team in ("Tottenham", "Bournemouth")]
    assert a.answer.startswith(f"The referee was {referee} "), a.answer
    assert managers[0] == "Thomas Frank" and all(name in a.answer for name in managers), a.answer


@pytest.mark.parametrize(
    ("question", "match_id", "name"),
    [
        ("ben davies goal in the match with the black cats - what minute", "1903261", "Ben Davies"),
        ("bruno goal v burnley from 30/8 what minute", "1903146", "Bruno Fernandes"),
        ("milner goal against city (31/8) - what min", "1903139", "James Milner"),
    ],
)
def test_a_goal_then_what_minute(answerer: Answerer, question: str, match_id: str, name: str) -> None:
    minutes = [g["minute"] for g in raw_goals(match_id) if g["name"] == name]
    assert minutes
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches == [match_id], a.answer
    assert all(minute in a.answer for minute in minutes), a.answer
