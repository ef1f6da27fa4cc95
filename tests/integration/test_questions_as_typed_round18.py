"""Fact questions asked as people type them, eighteenth round: the gaps the last rounds left, each a family in
several wordings. The player who wore a club's shirt number (in a match, or each one over a period); two clubs' xG
over a period on tables without the xG model said not held, as a match's is; "which city hosted" a place asked (the
ground, said to be no city), never Man City; a goal named by its order asked with "scorer" is that goal's scorer, and
"his" after it is his; "arsenal's last london derby" its latest meeting with another London club, "london derby"
alone asked back with the London meetings of the period.

Expected figures are counted here from the raw WhoScored files.
"""

from __future__ import annotations

from collections import Counter

import pytest

from football_rag.analytics.tables import MatchTables
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, player_totals
from tests.integration.test_questions_as_typed_round3 import raw_side, results
from tests.integration.test_questions_as_typed_round4 import raw_goals
from tests.integration.test_questions_as_typed_round16 import label, meetings

# --- who wore a club's shirt number, in a match or over a period ---------------------------------------------------


def raw_wearers(team: str, number: int, month: str = "") -> Counter:
    """Return each player who wore ``team``'s shirt ``number`` in its finished matches (of ``month``, "2025-12"), by
    the number of squads he wore it in, from the raw line-ups."""
    worn: Counter = Counter()
    for row in results():
        if team in (row["home"], row["away"]) and row["start_date"].startswith(month):
            side = raw_side(row["whoscored_id"], team)
            worn.update({p["name"] for p in side["players"] if p.get("shirtNo") == number})
    return worn


def worn_over(team: str, number: int, scope: str, month: str = "") -> str:
    """Return the answer listing who wore the shirt, the most worn first (level ones as the raw files order them)."""
    each = ", ".join(
        f"{name} ({n} match{'' if n == 1 else 'es'})" for name, n in raw_wearers(team, number, month).most_common()
    )
    return f"Number {number} for {team} {scope}, by the squads named: {each}."


@pytest.mark.parametrize(
    ("question", "team", "number", "scope", "month"),
    [
        ("who wore number 7 for arsenal", "Arsenal", 7, "in the data so far", ""),
        ("who had the 10 shirt for chelsea", "Chelsea", 10, "in the data so far", ""),
        ("who was man city's #9 in december", "Man City", 9, "in December 2025", "2025-12"),
        ("who's worn no. 11 for liverpool", "Liverpool", 11, "in the data so far", ""),
    ],
)
def test_who_wore_a_clubs_shirt_number_over_a_period(
    answerer: Answerer, question: str, team: str, number: int, scope: str, month: str
) -> None:
    assert raw_wearers(team, number, month)  # the premise: someone wore it
    assert ask(answerer, question).answer == worn_over(team, number, scope, month)


def test_a_shirt_number_two_players_wore_is_answered_with_both(answerer: Answerer) -> None:
    """Crystal Palace's 10 was worn by two players over the season: both are named, the most worn first."""
    a = ask(answerer, "which player wore the 10 jersey for crystal palace")
    assert len(raw_wearers("Crystal Palace", 10)) == 2
    assert a.answer == worn_over("Crystal Palace", 10, "in the data so far")


@pytest.mark.parametrize(
    ("question", "team", "other", "number"),
    [
        ("spurs no 9 against arsenal, who", "Tottenham", "Arsenal", 9),
        ("who wore 7 for arsenal v spurs", "Arsenal", "Tottenham", 7),
        ("liverpool's number 11 v man utd?", "Liverpool", "Man Utd", 11),
    ],
)
def test_who_wore_a_clubs_shirt_number_in_a_match(
    answerer: Answerer, question: str, team: str, other: str, number: int
) -> None:
    row = meetings(team, other)[-1]
    (name,) = [p["name"] for p in raw_side(row["whoscored_id"], team)["players"] if p.get("shirtNo") == number]
    a = ask(answerer, question)
    assert a.matches == [row["whoscored_id"]]
    assert a.answer == f"{name} wore number {number} for {team} in {label(row)}."


def test_a_shirt_number_nobody_wore_in_the_match_is_said(answerer: Answerer) -> None:
    """Arsenal's 9 (Gabriel Jesus) was not in the squad against Spurs: said so, not another player."""
    (row,) = meetings("Arsenal", "Tottenham")
    assert not [p for p in raw_side(row["whoscored_id"], "Arsenal")["players"] if p.get("shirtNo") == 9]
    a = ask(answerer, "arsenal's no. 9 v spurs")
    assert a.answer.startswith(f"No Arsenal player wore number 9 in {label(row)}")


# --- two clubs' xG over a period, on tables without the xG model: said not held, never "n/a" -----------------------


@pytest.mark.parametrize(
    "question",
    [
        "compare arsenal and chelsea xg in november",
        "who has the better xg per shot, arsenal or spurs",
        "liverpool or city, more expected goals per game since october?",
        "saka vs palmer xg in december",
    ],
)
def test_a_period_comparison_of_xg_says_the_tables_hold_no_xg(
    answerer: Answerer, season_tables: MatchTables, question: str
) -> None:
    assert season_tables.shots["xg"].isna().all()  # the premise: built without the xG model
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and "n/a" not in a.answer
    assert a.answer.startswith("The data does not hold xG: these tables were built without the xG model")


def test_a_period_comparison_of_a_held_figure_still_compares(answerer: Answerer) -> None:
    """The refusal is xG's alone: two clubs' shots over a month are still compared."""
    a = ask(answerer, "compare arsenal and chelsea shots in november")
    assert a.intent is Intent.COMPARISON and "Arsenal: " in a.answer and "Chelsea: " in a.answer


# --- "which city hosted": a place asked (the ground, said to be no city), never Man City --------------------------


@pytest.mark.parametrize(
    ("question", "one", "other", "place"),
    [
        ("which city hosted arsenal v spurs", "Arsenal", "Tottenham", "city"),
        ("what town was burnley v city played in", "Burnley", "Man City", "town"),
        ("in which city was chelsea v brighton played", "Chelsea", "Brighton", "city"),
        ("which city hosted city v united", "Man City", "Man Utd", "city"),
    ],
)
def test_a_city_or_town_asked_of_a_match_is_its_ground(
    answerer: Answerer, question: str, one: str, other: str, place: str
) -> None:
    (row,) = meetings(one, other)
    venue = raw_whoscored(row["whoscored_id"])["venueName"]
    a = ask(answerer, question)
    assert a.intent is Intent.VENUE and a.matches == [row["whoscored_id"]]
    assert a.answer == (
        f"It was played at {venue} ({label(row)}). The data holds the ground a match was played at, not its {place}."
    )


def test_which_ground_hosted_is_the_ground_alone(answerer: Answerer) -> None:
    (row,) = meetings("Arsenal", "Tottenham")
    a = ask(answerer, "which stadium hosted arsenal v spurs")
    assert a.answer == f"It was played at {raw_whoscored(row['whoscored_id'])['venueName']} ({label(row)})."


# --- a goal named by its order or what it did, asked with "scorer": that goal's scorer, "his" after it is his -------


@pytest.mark.parametrize(
    ("question", "one", "other", "which", "said"),
    [
        ("first goal chelsea v brighton scorer?", "Chelsea", "Brighton", 0, "The opening goal"),
        ("2nd goal in chelsea v brighton, scorer?", "Chelsea", "Brighton", 1, None),
        ("last goal in chelsea v brighton, scorer", "Chelsea", "Brighton", -1, "The last goal"),
        ("opener arsenal v spurs scorer", "Arsenal", "Tottenham", 0, "The opening goal"),
    ],
)
def test_a_goal_named_by_its_order_asks_its_scorer(
    answerer: Answerer, question: str, one: str, other: str, which: int, said: str | None
) -> None:
    (row,) = meetings(one, other)
    goal = raw_goals(row["whoscored_id"])[which]
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches == [row["whoscored_id"]]
    first = a.answer.split(". ")[0]  # the goal asked is said first, before the match's scorers list
    assert f"{goal['name']} {goal['minute']}" in first and f"({goal['home']}-{goal['away']})" in first
    assert said is None or first.startswith(said)


def test_his_after_a_goals_scorer_is_that_scorer(answerer: Answerer) -> None:
    (row,) = meetings("Chelsea", "Brighton")
    scorer = raw_goals(row["whoscored_id"])[0]["name"]
    _, context = answerer.ask("first goal chelsea v brighton scorer?")
    a, _ = answerer.ask("his shots that day?", context)
    shots = player_totals(row["whoscored_id"], "shotsTotal")[scorer]
    assert a.answer.startswith(f"{scorer}: {shots} shot{'' if shots == 1 else 's'} in {label(row)}"), a.answer


# --- "a london derby": a club's latest meeting with another London club; alone, asked back with the meetings -----

LONDON = {"Arsenal", "Brentford", "Chelsea", "Crystal Palace", "Fulham", "Tottenham", "West Ham"}  # in the data


def london_meetings(month: str = "") -> list[dict]:
    """Return the season's finished meetings of two London clubs (of ``month``), latest kick-off first."""
    rows = [r for r in results() if {r["home"], r["away"]} <= LONDON and r["start_date"].startswith(month)]
    return sorted(rows, key=lambda r: raw_whoscored(r["whoscored_id"])["startTime"], reverse=True)


@pytest.mark.parametrize(
    ("question", "club"),
    [
        ("arsenal's last london derby", "Arsenal"),
        ("chelsea last london derby result", "Chelsea"),
        ("score of palace's most recent london derby", "Crystal Palace"),
        ("spurs latest london derby?", "Tottenham"),
    ],
)
def test_a_clubs_last_london_derby_is_its_latest_meeting_with_a_london_club(
    answerer: Answerer, question: str, club: str
) -> None:
    row = next(r for r in london_meetings() if club in (r["home"], r["away"]))
    a = ask(answerer, question)
    assert a.matches[:1] == [row["whoscored_id"]], a.answer
    assert a.answer.startswith(f"{row['home']} {row['hg']}-{row['ag']} {row['away']} on "), a.answer


def listed(rows: list[dict]) -> str:
    """Return the meetings as the question asked back lists them."""
    return "; ".join(f"{r['home']} v {r['away']} ({label(r).rsplit(' (', 1)[1]}" for r in rows)


@pytest.mark.parametrize(
    ("question", "month", "scope"),
    [
        ("london derby", "", "in the data"),
        ("who won the london derby?", "", "in the data"),
        ("london derbies in december", "2025-12", "in December 2025"),
    ],
)
def test_a_london_derby_alone_is_asked_back_with_the_meetings(
    answerer: Answerer, question: str, month: str, scope: str
) -> None:
    rows = london_meetings(month)
    assert len(rows) > 1  # the premise: several London meetings to choose from
    a, _ = answerer.ask(question)
    assert a.intent is Intent.CLARIFY and not a.matches
    assert a.answer == (
        f"Which London derby do you mean? The London clubs' meetings {scope}, latest first: {listed(rows)}."
    )


def test_a_london_derby_of_a_club_outside_london_is_said_so(answerer: Answerer) -> None:
    a, _ = answerer.ask("brighton's last london derby")
    assert a.intent is Intent.CLARIFY and a.answer.startswith("Brighton is not a London club. Which London derby")


def test_a_london_derby_on_a_day_with_one_is_that_meeting(answerer: Answerer) -> None:
    (row,) = [r for r in london_meetings() if r["start_date"][:10] == "2025-11-30"]
    a = ask(answerer, "the london derby on 30 nov score")
    assert a.matches == [row["whoscored_id"]]
