"""A team's figure in a match, the referee, the man of the match, the league table and follow-up turns, asked as
fans type them ("how much of the ball", "who reffed", "which official", "star man", "who leads the league", "what
about against Spurs?"), on the whole real season.

Expected names and counts are read here from the raw WhoScored files (team and player stats, referee, results),
never from the tables the answers read.
"""

from __future__ import annotations

from collections import Counter

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.conversation import Conversation
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, scorer_goals, season_ids

NLD = "1903228"  # Arsenal 4-1 Tottenham, 23 November 2025


def team_total(match_id: str, team: str, stat: str) -> int:
    """Return ``team``'s total of WhoScored's per-minute team ``stat`` in the match."""
    data = raw_whoscored(match_id)
    side = next(s for s in ("home", "away") if data[s]["name"] == team)
    return int(sum(data[side]["stats"][stat].values()))


def talk(answerer: Answerer, *turns: str):
    conversation = Conversation(answerer)
    answers = [conversation.ask(turn) for turn in turns]
    return answers[-1]


# --- a team's figure in one match ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "stat", "team", "label"),
    [
        ("how many shots on goal did spurs have against arsenal", "shotsOnTarget", "Tottenham", "shots on target"),
        ("corners for the gunners against spurs", "cornersTotal", "Arsenal", "corners"),
        ("how many passes did arsenal complete vs spurs", "passesAccurate", "Arsenal", "completed passes"),
        ("spurs shots in the derby", "shotsTotal", "Tottenham", "shots"),
        ("how many times did arsenal hit the target against spurs", "shotsOnTarget", "Arsenal", "shots on target"),
    ],
)
def test_a_teams_figure_as_typed(answerer: Answerer, question: str, stat: str, team: str, label: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [NLD], question
    assert a.answer.startswith(f"{team} had {team_total(NLD, team, stat)} {label} against "), a.answer


def test_how_much_of_the_ball(answerer: Answerer) -> None:
    """Possession said as fans say it; WhoScored's minute-by-minute possession counts are each side's share."""
    data = raw_whoscored(NLD)
    counts = {data[s]["name"]: sum(data[s]["stats"]["possession"].values()) for s in ("home", "away")}
    share = round(100 * counts["Arsenal"] / sum(counts.values()), 1)
    a = ask(answerer, "how much of the ball did arsenal have vs spurs")
    assert a.intent is Intent.TEAM_STAT
    assert a.answer.startswith(f"Arsenal had {share:.1f}% possession against Tottenham."), a.answer


def test_two_teams_better_figure_is_their_match(answerer: Answerer) -> None:
    """ "Arsenal vs Spurs: who had the better pass accuracy?" is their match, not their season averages (xG was asked
    here until these tables, built without the xG model, said xG is not held)."""
    a = ask(answerer, "arsenal vs spurs: who had the better pass accuracy?")
    assert a.intent is Intent.TEAM_STAT and a.matches == [NLD]


# --- the referee and the man of the match ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "who reffed arsenal v spurs",
        "which official took the arsenal spurs game",
        "who was in charge of the arsenal spurs match",
        "who was the man in the middle for arsenal vs tottenham",
        "who took charge of arsenal vs spurs",
        "who refed arsenal v spurs",
        "refferee arsenal v tottenham",
        "which referee was in charge of arsenal v spurs",
    ],
)
def test_the_referee_as_typed(answerer: Answerer, question: str) -> None:
    """Typos and every way of saying who ran the match ("in charge of Arsenal v Spurs" is a fixture's referee)."""
    a = ask(answerer, question)
    referee = raw_whoscored(NLD)["referee"]["name"]
    assert a.intent is Intent.REFEREE and a.answer.startswith(f"The referee was {referee} ")


def man_of_the_match(match_id: str) -> tuple[str, str]:
    data = raw_whoscored(match_id)
    return next(
        (p["name"], data[s]["name"]) for s in ("home", "away") for p in data[s]["players"] if p["isManOfTheMatch"]
    )


@pytest.mark.parametrize(
    "question",
    [
        "who won player of the match in arsenal v spurs",
        "standout player arsenal vs tottenham",
        "arsenal spurs potm",
        "who stood out in arsenal v spurs",
        "who played best in arsenal v spurs",
    ],
)
def test_the_man_of_the_match_as_typed(answerer: Answerer, question: str) -> None:
    name, team = man_of_the_match(NLD)
    a = ask(answerer, question)
    assert a.intent is Intent.MAN_OF_THE_MATCH and a.answer.startswith(
        f"WhoScored's man of the match was {name} ({team})"
    )


def test_the_star_man_of_the_losing_side(answerer: Answerer) -> None:
    """ "The star man for Spurs": Tottenham's highest rated player, then the match's man of the match."""
    data = raw_whoscored(NLD)
    side = next(s for s in ("home", "away") if data[s]["name"] == "Tottenham")
    rated = {
        p["name"]: list(p["stats"]["ratings"].values())[-1] for p in data[side]["players"] if p["stats"].get("ratings")
    }
    best = max(rated, key=rated.get)
    a = ask(answerer, "who was the star man for spurs against arsenal")
    assert a.answer.startswith(f"Tottenham's highest rated player was {best}, rated {rated[best]:.2f}."), a.answer


# --- the league table ------------------------------------------------------------------------------------------------


def points_until(last: str) -> Counter:
    """Return team -> points from the finished matches played up to ``last`` (ISO date)."""
    points: Counter = Counter()
    for match_id in season_ids():
        data = raw_whoscored(match_id)
        if data["elapsed"] != "FIN" or data["startDate"][:10] > last:
            continue
        home, away = (int(goals) for goals in data["score"].split(":"))
        points[data["home"]["name"]] += 3 if home > away else home == away
        points[data["away"]["name"]] += 3 if away > home else home == away
    return points


@pytest.mark.parametrize(
    ("question", "last"),
    [
        ("who was top of the table on 1 Dec", "2025-12-01"),
        ("who leads the league", "2026-12-31"),
        ("who's in first place", "2026-12-31"),
        ("standings", "2026-12-31"),
    ],
)
def test_the_table_as_it_stood(answerer: Answerer, question: str, last: str) -> None:
    (leader, points), _ = points_until(last).most_common(2)
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING
    assert f"1. {leader} {points}" in a.answer, a.answer


def test_the_bottom_of_the_table(answerer: Answerer) -> None:
    """The bottom first, in the table's own places (20th of 20)."""
    points = points_until("2026-12-31")
    lowest = min(points, key=points.get)
    a = ask(answerer, "who's bottom of the table")
    first = f"{len(points)}. {lowest} {points[lowest]} points"
    assert a.answer.startswith(f"Bottom of the table in the data so far: {first}"), a.answer


# --- follow-up turns -------------------------------------------------------------------------------------------------


def test_the_ref_as_a_follow_up(answerer: Answerer) -> None:
    a = talk(answerer, "arsenal v spurs score?", "who was in charge of the match?")
    assert a.intent is Intent.REFEREE and raw_whoscored(NLD)["referee"]["name"] in a.answer


def test_the_other_side_as_a_follow_up(answerer: Answerer) -> None:
    """ "What about Spurs?" after Arsenal's shots against Spurs: the same match, Tottenham's figure first."""
    a = talk(answerer, "how many shots did arsenal have against spurs", "what about spurs?")
    assert a.matches == [NLD]
    assert a.answer.startswith(f"Tottenham had {team_total(NLD, 'Tottenham', 'shotsTotal')} shots against Arsenal.")


def test_another_month_of_a_ranking(answerer: Answerer) -> None:
    """ "Top scorer in November", then "and in December?": the same ranking over December."""
    best = max(scorer_goals("2025-12-01", "2025-12-31").values())
    leaders = [name for name, goals in scorer_goals("2025-12-01", "2025-12-31").items() if goals == best]
    a = talk(answerer, "top scorer in november", "and in december?")
    assert a.intent is Intent.RANKING
    assert all(f"1. {name} (" in a.answer for name in leaders), a.answer
