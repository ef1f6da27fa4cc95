"""Questions routed by their shape and subject (issue 15): who made a goal, a goal's time, a match's best player and
a club's manager asked as a person in any words; a ranking's statistic said as its verb ("who tackled the most"), in
a match or over a period. Every question here was answered wrong before the router read the question's shape
(``rag.question_shape``) and subject (``rag.question_subject``).

Expected names, minutes and figures are read from the season's tables.
"""

from __future__ import annotations

import pandas as pd
import pytest

from football_rag.analytics.tables import MatchTables
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.integration.test_leaders_totals_counts_as_typed import ask


def match_of(tables: MatchTables, home: str, away: str) -> str:
    """Return the id of the season's ``home`` v ``away``."""
    matches = tables.matches
    return str(matches.loc[(matches["home"] == home) & (matches["away"] == away), "match_id"].item())


def goal_of(tables: MatchTables, match_id: str, scorer: str | None = None) -> pd.Series:
    """Return the goal of ``scorer`` in the match (its first goal when no scorer is given)."""
    timeline = tables.timeline
    goals = timeline[(timeline["match_id"] == match_id) & (timeline["kind"] == "goal")]
    goals = goals.sort_values(["period", "minute", "second"])
    return (goals if scorer is None else goals[goals["player_name"] == scorer]).iloc[0]


def shown(goal: pd.Series) -> str:
    """Return a regulation-time goal's minute as broadcast: WhoScored counts elapsed minutes from 0."""
    assert goal["minute"] < 45 * goal["period"]
    return f"{goal['minute'] + 1}'"


def best(figures: pd.Series) -> tuple[int, set[str]]:
    """Return the highest figure of ``figures`` (by name) and the names that have it."""
    top = int(figures.max())
    return top, set(figures[figures == top].index)


def first_sentence(answer: str) -> str:
    """Return an answer's first sentence (a ranking's leaders are named there)."""
    return answer.split(". ")[0]


# --- who made a goal ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "need the assist for trossard v spurs",
        "hwo assisted trossard v spurs",
        "gimme the assister trossard v spurs pls",
        "arsenal spurs trossard goal the assist was whose",
        "trossard v spurs assist by",
        "who was it that assisted trossard v spurs",
        "trossard scored v spurs and the assist",
        "trossard v spurs who helped him score",
        "who fed trossard for his goal v spurs",
        "which player assisted trossard v spurs",
    ],
)
def test_a_goals_assister_asked_as_a_person(answerer: Answerer, season_tables: MatchTables, question: str) -> None:
    """Before: Trossard's own assists (1) or goals; the person asked for is who made his goal."""
    goal = goal_of(season_tables, match_of(season_tables, "Arsenal", "Tottenham"), "Leandro Trossard")
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS, a.answer
    assert a.answer.startswith(f"Leandro Trossard scored at {shown(goal)} in Arsenal 4-1 Tottenham"), a.answer
    assert f"Leandro Trossard {shown(goal)}, assist {goal['other_player_name']}" in a.answer


def test_which_player_set_up_the_opener(answerer: Answerer, season_tables: MatchTables) -> None:
    """Before: the formations ("set up" read as a shape)."""
    goal = goal_of(season_tables, match_of(season_tables, "Arsenal", "Tottenham"))
    a = ask(answerer, "which player set up the opener in arsenal v spurs")
    expected = (
        f"The opening goal: {goal['player_name']} {shown(goal)} for Arsenal (1-0), assist {goal['other_player_name']}"
    )
    assert a.answer.startswith(expected), a.answer


@pytest.mark.parametrize(
    ("question", "home", "away", "said"),
    [
        ("who opened the scoring in arsenal v spurs", "Arsenal", "Tottenham", "The opening goal"),
        ("which player opened the scoring in liverpool v bournemouth", "Liverpool", "Bournemouth", "The opening goal"),
        ("when did arsenal open the scoring v spurs", "Arsenal", "Tottenham", "The opening goal"),
    ],
)
def test_a_goal_named_by_what_it_did_asked_as_a_person_or_a_time(
    answerer: Answerer, season_tables: MatchTables, question: str, home: str, away: str, said: str
) -> None:
    """Before: asked back, or every goal of the match with none said first."""
    goal = goal_of(season_tables, match_of(season_tables, home, away))
    a = ask(answerer, question)
    assert a.answer.startswith(f"{said}: {goal['player_name']} {shown(goal)} for {goal['team']} (1-0)"), a.answer


def test_the_equaliser_asked_as_whose(answerer: Answerer, season_tables: MatchTables) -> None:
    """Before: asked back. Chelsea 1-1 Arsenal: the goal that made it level is the equaliser."""
    timeline = season_tables.timeline
    match_id = match_of(season_tables, "Chelsea", "Arsenal")
    goals = timeline[(timeline["match_id"] == match_id) & (timeline["kind"] == "goal")]
    level = goals[(goals["home_goals"] == goals["away_goals"]) & (goals["home_goals"] > 0)].iloc[0]
    a = ask(answerer, "the equaliser in chelsea v arsenal was whose")
    assert a.answer.startswith(f"The equaliser: {level['player_name']} {level['minute'] + 1}'"), a.answer


# --- a goal's time -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away", "scorer"),
    [
        ("richarlison scored v arsenal at what stage", "Arsenal", "Tottenham", "Richarlison"),
        ("how long into the game did trossard score v spurs", "Arsenal", "Tottenham", "Leandro Trossard"),
        ("trossard goal v spurs time", "Arsenal", "Tottenham", "Leandro Trossard"),
        ("richarlison goal v arsenal - time please", "Arsenal", "Tottenham", "Richarlison"),
        ("how long into liverpool v bournemouth did ekitike score", "Liverpool", "Bournemouth", "Hugo Ekitiké"),
        # a time asked of one player in one match, with nothing else asked: his goal's
        ("which minute trossard v spurs", "Arsenal", "Tottenham", "Leandro Trossard"),
    ],
)
def test_a_players_goal_time_in_any_words(
    answerer: Answerer, season_tables: MatchTables, question: str, home: str, away: str, scorer: str
) -> None:
    """Before: the player's goal count in the match, with no minute (or asked back)."""
    goal = goal_of(season_tables, match_of(season_tables, home, away), scorer)
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.answer.startswith(f"{scorer} scored at {shown(goal)} in "), a.answer


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("gimme the time of the opener arsenal v spurs", "Arsenal", "Tottenham"),
        ("need the time of the opener in liverpool v bournemouth", "Liverpool", "Bournemouth"),
    ],
)
def test_the_openers_time_asked_as_a_statement(
    answerer: Answerer, season_tables: MatchTables, question: str, home: str, away: str
) -> None:
    """Before: the match's summary (a statement read as asking nothing)."""
    goal = goal_of(season_tables, match_of(season_tables, home, away))
    a = ask(answerer, question)
    assert a.answer.startswith(f"The opening goal: {goal['player_name']} {shown(goal)} for {home} (1-0)"), a.answer


# --- a match's best player ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("arsenal v spurs who was best", "Arsenal", "Tottenham"),
        ("which player shone in arsenal v spurs", "Arsenal", "Tottenham"),
        ("who starred for arsenal v spurs", "Arsenal", "Tottenham"),
        ("arsenal v spurs who was the star", "Arsenal", "Tottenham"),
        ("who was the pick of the players arsenal v spurs", "Arsenal", "Tottenham"),
        ("who was top man in liverpool v bournemouth", "Liverpool", "Bournemouth"),
        ("who was the main man in liverpool v bournemouth", "Liverpool", "Bournemouth"),
    ],
)
def test_the_best_player_asked_as_a_person_is_the_man_of_the_match(
    answerer: Answerer, season_tables: MatchTables, question: str, home: str, away: str
) -> None:
    """Before: asked back ("I could not tell what you are asking")."""
    lineups = season_tables.lineups
    match_id = match_of(season_tables, home, away)
    (name,) = lineups.loc[(lineups["match_id"] == match_id) & lineups["man_of_the_match"], "player_name"]
    a = ask(answerer, question)
    assert a.intent is Intent.MAN_OF_THE_MATCH and a.matches == [match_id], a.answer
    assert a.answer.startswith(f"WhoScored's man of the match was {name} ("), a.answer


# --- a club's manager --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away", "club"),
    [
        ("who picked spurs side v arsenal", "Arsenal", "Tottenham", "Tottenham"),
        ("who ran the spurs side v arsenal", "Arsenal", "Tottenham", "Tottenham"),
        ("who was in the hot seat for spurs v arsenal", "Arsenal", "Tottenham", "Tottenham"),
        ("who selected the spurs xi v arsenal", "Arsenal", "Tottenham", "Tottenham"),
        ("who picked bournemouth's team v liverpool", "Liverpool", "Bournemouth", "Bournemouth"),
        ("who was in the bournemouth hot seat v liverpool", "Liverpool", "Bournemouth", "Bournemouth"),
        ("who selected the liverpool team v bournemouth", "Liverpool", "Bournemouth", "Liverpool"),
    ],
)
def test_the_manager_whatever_the_verb(
    answerer: Answerer, season_tables: MatchTables, question: str, home: str, away: str, club: str
) -> None:
    """Before: asked back; the club named is the one whose manager is given, alone."""
    match = season_tables.matches.set_index("match_id").loc[match_of(season_tables, home, away)]
    side, other = ("home", "away") if club == home else ("away", "home")
    a = ask(answerer, question)
    assert a.intent is Intent.MANAGER, a.answer
    assert a.answer.startswith(f"{club}'s manager in ") and a.answer.endswith(f": {match[f'{side}_manager']}.")
    assert match[f"{other}_manager"] not in a.answer


# --- a statistic said as its verb --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away", "stat"),
    [
        ("who tackled the most in liverpool v bournemouth", "Liverpool", "Bournemouth", "tackles"),
        ("who crossed the most in liverpool v bournemouth", "Liverpool", "Bournemouth", "crosses"),
        ("who intercepted the most in liverpool v bournemouth", "Liverpool", "Bournemouth", "interceptions"),
        ("who cleared the most in liverpool v bournemouth", "Liverpool", "Bournemouth", "clearances"),
        ("which player passed the most in liverpool v bournemouth", "Liverpool", "Bournemouth", "passes"),
        ("arsenal v spurs which player tackled most", "Arsenal", "Tottenham", "tackles"),
    ],
)
def test_a_matchs_leader_by_a_verb(
    answerer: Answerer, season_tables: MatchTables, question: str, home: str, away: str, stat: str
) -> None:
    """Before: asked back (no statistic named)."""
    stats = season_tables.player_stats
    match_id = match_of(season_tables, home, away)
    top, names = best(stats[stats["match_id"] == match_id].set_index("player_name")[stat])
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and a.matches == [match_id], a.answer
    said = first_sentence(a.answer)
    assert all(name in said for name in names) and str(top) in said, a.answer


@pytest.mark.parametrize(
    ("question", "month", "stat", "of_teams"),
    [
        ("who tackled the most in november", "2025-11", "tackles", False),
        ("which player crossed the most in october", "2025-10", "crosses", False),
        ("who intercepted the most this season", None, "interceptions", False),
        ("who cleared the most in december", "2025-12", "clearances", False),
        ("which team passed the most in october", "2025-10", "passes", True),
        ("which side crossed the most in december", "2025-12", "crosses", True),
    ],
)
def test_a_periods_leader_by_a_verb(
    answerer: Answerer, season_tables: MatchTables, question: str, month: str | None, stat: str, of_teams: bool
) -> None:
    """Before: refused as naming nothing the data holds."""
    stats = season_tables.player_stats
    dates = season_tables.matches.set_index("match_id")["date"].astype(str)
    if month is not None:
        stats = stats[stats["match_id"].map(dates).str[:7] == month]
    top, names = best(stats.groupby("team" if of_teams else "player_name")[stat].sum())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    first = a.answer.split("; ")[0]
    assert all(f"1. {name} " in a.answer for name in names) and first.endswith(f" {top}"), a.answer


# --- a match named by a score it did not end with ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away", "score"),
    [
        ("what was the score in liverpool 7-0 man utd", "Liverpool", "Man Utd", "7-0"),
        ("who scored in arsenal 5-0 spurs", "Arsenal", "Tottenham", "5-0"),
        ("who refereed man city 6-3 man utd", "Man City", "Man Utd", "6-3"),
        ("arsenal 3-3 spurs motm", "Arsenal", "Tottenham", "3-3"),
        ("chelsea 9-0 wolves lineups", "Chelsea", "Wolves", "9-0"),
        ("brighton 0-3 spurs who got booked", "Brighton", "Tottenham", "0-3"),
    ],
)
def test_a_match_named_by_a_score_its_meeting_did_not_end_with_is_not_in_the_data(
    answerer: Answerer, season_tables: MatchTables, question: str, home: str, away: str, score: str
) -> None:
    """Before: the clubs' meeting in the data answered as if it were the match asked about."""
    matches = season_tables.matches
    meetings = matches[matches["home"].isin([home, away]) & matches["away"].isin([home, away])]
    played = {f"{int(h)}-{int(a)}" for h, a in zip(meetings["home_goals"], meetings["away_goals"], strict=True)}
    assert len(meetings) >= 1 and score not in played and score[::-1] not in played
    a = ask(answerer, question)
    assert a.intent is Intent.UNKNOWN_MATCH, a.answer
    assert a.answer.startswith(f"There is no match {home} vs {away} with the score asked in the data"), a.answer
    assert score not in a.answer
    assert all(f"{home} {s} {away}" in a.answer or f"{away} {s} {home}" in a.answer for s in played), a.answer


def test_a_match_named_by_its_score_either_way_round_is_that_match(answerer: Answerer) -> None:
    """The score as written from either club's side names their meeting."""
    for question in ("who scored in arsenal 4-1 spurs", "who scored in spurs 1-4 arsenal"):
        a = ask(answerer, question)
        assert a.intent is Intent.SCORERS and a.answer.startswith("Arsenal 4-1 Tottenham on 23 November 2025"), a.answer
