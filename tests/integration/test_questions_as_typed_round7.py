"""Fact questions asked as people type them, seventh round: a count asked of a club's opponents ("goals scored against
Arsenal", "put past Wolves", "conceded by Chelsea", "how many shots did Villa face", "corners Sunderland conceded",
"which side faced the most shots") in club totals, rankings and one match; a ground that is not the named club's
("united v sunderland at the stadium of light": the Uniteds that played there); a player's goals narrowing a shared
name ("when did romero score against united"); follow-ups of three turns that move only the period ("and the month
after?", "and overall?"), keep the opponents' count ("and in december?", "and corners against them?") or name a side
("how many shots did the away side have"), on the whole real season.

Expected counts, names, minutes and grounds are read here from the raw WhoScored files and the season's match index,
never from the tables the answers read.
"""

from __future__ import annotations

import pytest

from football_rag.rag.answerer import Answerer
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round3 import results
from tests.integration.test_questions_as_typed_round5 import raw_player_goals
from tests.integration.test_team_stats_officials_rankings_as_typed import talk

SEASON = ("2025-08-01", "2026-06-30")
MONTHS = {
    "september": ("2025-09-01", "2025-09-30"),
    "october": ("2025-10-01", "2025-10-31"),
    "november": ("2025-11-01", "2025-11-30"),
    "december": ("2025-12-01", "2025-12-31"),
    "january": ("2026-01-01", "2026-01-31"),
}


def side_total(match_id: str, team: str, stat: str) -> int:
    """Return ``team``'s total of WhoScored's per-minute team ``stat`` in the match (0 where the file has none)."""
    data = raw_whoscored(match_id)
    side = next(s for s in ("home", "away") if data[s]["name"] == team)
    return int(sum(data[side]["stats"].get(stat, {}).values()))


def played(team: str, first: str, last: str) -> list[dict]:
    """Return ``team``'s finished matches played first..last (ISO days), from the season index."""
    return [r for r in results() if team in (r["home"], r["away"]) and first <= r["start_date"][:10] <= last]


def opponent_of(row: dict, team: str) -> str:
    return row["away"] if row["home"] == team else row["home"]


def conceded(team: str, first: str, last: str) -> int:
    """Return the goals ``team``'s opponents scored in its finished matches played first..last."""
    return sum(r["ag"] if r["home"] == team else r["hg"] for r in played(team, first, last))


def faced(team: str, stat: str, first: str, last: str) -> int:
    """Return ``team``'s opponents' total of raw ``stat`` in its finished matches played first..last."""
    return sum(side_total(r["whoscored_id"], opponent_of(r, team), stat) for r in played(team, first, last))


def own(team: str, stat: str, first: str, last: str) -> int:
    """Return ``team``'s own total of raw ``stat`` in its finished matches played first..last."""
    return sum(side_total(r["whoscored_id"], team, stat) for r in played(team, first, last))


def meeting(home: str, away: str) -> str:
    """Return the id of the finished match ``home`` v ``away``."""
    return next(r["whoscored_id"] for r in results() if (r["home"], r["away"]) == (home, away))


def hosted_at(ground_club: str, others: set[str]) -> list[str]:
    """Return the clubs of ``others`` that played at ``ground_club``'s ground (its raw venue name), sorted."""
    first_home = next(r for r in results() if r["home"] == ground_club)
    venue = raw_whoscored(first_home["whoscored_id"])["venueName"]
    return sorted(
        r["away"]
        for r in results()
        if r["home"] == ground_club and r["away"] in others and raw_whoscored(r["whoscored_id"])["venueName"] == venue
    )


UNITEDS = {"Leeds", "Man Utd", "Newcastle", "West Ham"}


# --- a count asked of a club's opponents ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team", "period"),
    [
        ("goals scored against arsenal this season", "Arsenal", SEASON),
        ("how many goals have been scored against liverpool in december", "Liverpool", MONTHS["december"]),
        ("how many goals were scored past man city this season", "Man City", SEASON),
        ("goals put past wolves in september", "Wolves", MONTHS["september"]),
        ("how many goals did everton give up in january", "Everton", MONTHS["january"]),
        ("goals scored against man utd in january", "Man Utd", MONTHS["january"]),
    ],
)
def test_goals_against_a_club_are_its_goals_conceded(
    answerer: Answerer, question: str, team: str, period: tuple[str, str]
) -> None:
    """ "Against X", "past X", "X gave up": the goals X's opponents scored, not X's own."""
    a = ask(answerer, question)
    assert a.answer.startswith(f"{team} goals conceded in total: {conceded(team, *period)}."), a.answer


@pytest.mark.parametrize(
    ("question", "team", "stat", "label", "period"),
    [
        ("shots against brentford this season", "Brentford", "shotsTotal", "Shots", SEASON),
        ("how many shots did villa face in december", "Aston Villa", "shotsTotal", "Shots", MONTHS["december"]),
        ("corners against fulham this season", "Fulham", "cornersTotal", "Corners", SEASON),
        ("how many corners did sunderland concede in october", "Sunderland", "cornersTotal", "Corners",
         MONTHS["october"]),
        ("shots on target conceded by leeds in december", "Leeds", "shotsOnTarget", "Shots on target",
         MONTHS["december"]),
        ("how many shots on target did man city face in january", "Man City", "shotsOnTarget", "Shots on target",
         MONTHS["january"]),
        ("how many corners did bournemouth give up in november", "Bournemouth", "cornersTotal", "Corners",
         MONTHS["november"]),
        ("shots faced by everton in october", "Everton", "shotsTotal", "Shots", MONTHS["october"]),
    ],
)  # fmt: skip
def test_a_count_against_a_club_is_its_opponents(
    answerer: Answerer, question: str, team: str, stat: str, label: str, period: tuple[str, str]
) -> None:
    """Shots, shots on target and corners a club faced, conceded or gave up: its opponents' over its matches."""
    expected = faced(team, stat, *period)
    assert expected != own(team, stat, *period)
    a = ask(answerer, question)
    assert a.answer.startswith(f"{label} against {team} in total: {expected}."), a.answer


@pytest.mark.parametrize(
    ("question", "stat", "period", "most"),
    [
        ("who conceded the most corners in january", "cornersTotal", MONTHS["january"], True),
        ("which side faced the most shots in december", "shotsTotal", MONTHS["december"], True),
        ("fewest shots faced since december", "shotsTotal", ("2025-12-01", "2026-01-31"), False),
    ],
)
def test_clubs_ranked_by_what_their_opponents_had(
    answerer: Answerer, question: str, stat: str, period: tuple[str, str], most: bool
) -> None:
    """A ranking of what clubs faced or conceded counts each club's opponents' figure against it."""
    clubs = {r["home"] for r in results()}
    figures = {club: faced(club, stat, *period) for club in clubs}
    best = (max if most else min)(figures.values())
    leaders = sorted(club for club, figure in figures.items() if figure == best)
    a = ask(answerer, question)
    assert "counted against each team" in a.answer, a.answer
    assert all(f"1. {club} {best}" in a.answer for club in leaders), (leaders, best, a.answer)


def test_most_goals_scored_against_them(answerer: Answerer) -> None:
    """December's goals conceded, from the raw scores: two clubs level at the top, said as a tie."""
    clubs = {r["home"] for r in results()}
    figures = {club: conceded(club, *MONTHS["december"]) for club in clubs}
    best = max(figures.values())
    leaders = sorted(club for club, figure in figures.items() if figure == best)
    assert len(leaders) == 2
    for question in (
        "team that gave up the most goals in december",
        "who had the most goals scored against them in december",
    ):
        a = ask(answerer, question)
        assert a.answer.startswith("Tied for the most goals conceded in December 2025"), (question, a.answer)
        assert all(f"1. {club} {best}" in a.answer for club in leaders), (question, a.answer)


@pytest.mark.parametrize(
    ("question", "home", "away", "against", "stat", "label"),
    [
        ("how many shots did arsenal face against spurs", "Arsenal", "Tottenham", "Arsenal", "shotsTotal", "shots"),
        ("goals against chelsea in the man utd game", "Man Utd", "Chelsea", "Chelsea", None, "goals"),
        ("corners against liverpool vs bournemouth", "Liverpool", "Bournemouth", "Liverpool", "cornersTotal",
         "corners"),
        ("corners against sunderland in the newcastle game", "Sunderland", "Newcastle", "Sunderland", "cornersTotal",
         "corners"),
    ],
)  # fmt: skip
def test_a_count_against_a_club_in_one_match_is_the_other_sides(
    answerer: Answerer, question: str, home: str, away: str, against: str, stat: str | None, label: str
) -> None:
    match_id = meeting(home, away)
    other = away if against == home else home
    row = next(r for r in results() if r["whoscored_id"] == match_id)
    figure = (row["hg"] if other == home else row["ag"]) if stat is None else side_total(match_id, other, stat)
    a = ask(answerer, question)
    assert a.matches == [match_id], a.answer
    assert a.answer.startswith(f"{other} had {figure} {label} against {against}."), a.answer


def test_a_clubs_own_count_against_another_is_still_its_own(answerer: Answerer) -> None:
    """ "How many shots did Spurs have against Arsenal" stays Spurs' own."""
    match_id = meeting("Arsenal", "Tottenham")
    a = ask(answerer, "how many shots did spurs have against arsenal")
    shots = side_total(match_id, "Tottenham", "shotsTotal")
    assert a.answer.startswith(f"Tottenham had {shots} shots against Arsenal."), a.answer


# --- a ground names the home club of that meeting ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "ground_club"),
    [
        ("united v sunderland at the stadium of light", "Sunderland"),
        ("united v arsenal at the emirates stadium", "Arsenal"),
        ("united v everton at the hill dickinson stadium result", "Everton"),
    ],
)
def test_a_ground_narrows_a_shared_name_to_the_clubs_that_played_there(
    answerer: Answerer, question: str, ground_club: str
) -> None:
    """The ground is the other club's: the Uniteds that played there are asked back, Man Utd (who did not) is not
    assumed."""
    options = hosted_at(ground_club, UNITEDS)
    assert "Man Utd" not in options and len(options) >= 2
    a, _ = answerer.ask(question)
    names = ", ".join(options[:-1]) + f" or {options[-1]}"
    assert a.answer == f'By "united", did you mean {names}?', a.answer


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("united v villa at the london stadium", "West Ham", "Aston Villa"),
        ("united v brentford at the london stadium", "West Ham", "Brentford"),
        ("united v spurs at the london stadium result", "West Ham", "Tottenham"),
    ],
)
def test_a_ground_in_the_question_places_the_match_and_asks_no_venue(
    answerer: Answerer, question: str, home: str, away: str
) -> None:
    """ "At the London Stadium" names West Ham's meeting; the word "stadium" in it does not ask where it was played."""
    match_id = meeting(home, away)
    row = next(r for r in results() if r["whoscored_id"] == match_id)
    a = ask(answerer, question)
    assert a.matches == [match_id] and a.answer.startswith(f"{home} {row['hg']}-{row['ag']} {away} on "), a.answer


# --- a player's goals narrow a shared name -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "player", "home", "away"),
    [
        ("when did romero score against united", "Cristian Romero", "Newcastle", "Tottenham"),
        ("when did gyokeres score against united", "Viktor Gyökeres", "Arsenal", "Leeds"),
        ("did diego gomez score against united", "Diego Gómez", "Brighton", "Leeds"),
        ("when did mayenda score v united", "Eliezer Mayenda", "Sunderland", "West Ham"),
        ("gravenberch goal against united what minute", "Ryan Gravenberch", "Newcastle", "Liverpool"),
        ("did pape sarr score against united", "Pape Matar Sarr", "West Ham", "Tottenham"),
    ],
)
def test_a_players_goals_narrow_united_to_the_one_he_scored_against(
    answerer: Answerer, question: str, player: str, home: str, away: str
) -> None:
    match_id = meeting(home, away)
    day = raw_whoscored(match_id)["startDate"][:10]
    assert raw_player_goals(player, day, day) >= 1
    a = ask(answerer, question)
    assert a.matches == [match_id], (question, a.answer)
    assert "taken as Man Utd" not in a.answer, a.answer


def test_a_player_who_scored_against_two_uniteds_is_asked_which(answerer: Answerer) -> None:
    """Ekitiké scored against Leeds and Newcastle: which of those two, not Man Utd."""
    scored = sorted(
        club
        for club in UNITEDS
        for r in played(club, *SEASON)
        if opponent_of(r, club) == "Liverpool"
        and raw_player_goals("Hugo Ekitiké", r["start_date"][:10], r["start_date"][:10])
    )
    assert sorted(set(scored)) == ["Leeds", "Newcastle"]
    a, _ = answerer.ask("when did ekitike score against united")
    assert a.answer == 'By "united", did you mean Leeds or Newcastle?', a.answer


# --- conversations of three turns --------------------------------------------------------------------------------


def test_the_month_after_and_his_shots(answerer: Answerer) -> None:
    """ "And the month after?" moves the period a month, the player and the count kept; "what about his shots"
    keeps the player and the new month."""
    first = talk(answerer, "how many goals did saka score in october")
    assert first.answer.startswith(f"Bukayo Saka: {raw_player_goals('Bukayo Saka', *MONTHS['october'])} goal")
    second = talk(answerer, "how many goals did saka score in october", "and the month after?")
    assert second.answer.startswith(f"Bukayo Saka: {raw_player_goals('Bukayo Saka', *MONTHS['november'])} goal")
    turns = ["how many goals did haaland score in november", "and the month after?", "what about his assists"]
    goals = talk(answerer, *turns[:2])
    assert goals.answer.startswith(f"Erling Haaland: {raw_player_goals('Erling Haaland', *MONTHS['december'])} goals")
    assists = talk(answerer, *turns)
    assert assists.matches == goals.matches and " assists (total)" in assists.answer, assists.answer


def test_the_month_before_then_overall(answerer: Answerer) -> None:
    """Fulham's corners in December, the month before, then over the season: only the period changes."""
    turns = ["how many corners did fulham have in december", "and the month before?", "and overall?"]
    for n, period in enumerate((MONTHS["december"], MONTHS["november"], SEASON), start=1):
        a = talk(answerer, *turns[:n])
        assert a.answer.startswith(f"Fulham corners in total: {own('Fulham', 'cornersTotal', *period)}."), a.answer
    a = talk(answerer, "how many shots did chelsea have in october", "and in november?", "and in the league overall?")
    assert a.answer.startswith(f"Chelsea shots in total: {own('Chelsea', 'shotsTotal', *SEASON)}."), a.answer


def test_a_follow_up_keeps_the_opponents_count(answerer: Answerer) -> None:
    """After "how many shots did spurs face in november", "and in december?" and "and overall?" are still the shots
    Spurs faced; "and corners against them?" the corners against the same club in the same month."""
    turns = ["how many shots did spurs face in november", "and in december?", "and overall?"]
    for n, period in enumerate((MONTHS["november"], MONTHS["december"], SEASON), start=1):
        a = talk(answerer, *turns[:n])
        expected = faced("Tottenham", "shotsTotal", *period)
        assert a.answer.startswith(f"Shots against Tottenham in total: {expected}."), (turns[:n], a.answer)
    turns = ["how many goals did arsenal concede in october", "and the month before?", "and corners against them?"]
    a = talk(answerer, *turns)
    expected = faced("Arsenal", "cornersTotal", "2025-09-01", "2025-09-30")
    assert a.answer.startswith(f"Corners against Arsenal in total: {expected}."), a.answer


def test_the_away_side_and_the_other_team(answerer: Answerer) -> None:
    match_id = meeting("Sunderland", "Newcastle")
    turns = ["who won sunderland v newcastle", "how many shots did the away side have", "and the other team?"]
    away = talk(answerer, *turns[:2])
    assert away.answer.startswith(f"Newcastle had {side_total(match_id, 'Newcastle', 'shotsTotal')} shots"), away.answer
    other = talk(answerer, *turns)
    assert other.answer.startswith(f"Sunderland had {side_total(match_id, 'Sunderland', 'shotsTotal')} shots"), other
