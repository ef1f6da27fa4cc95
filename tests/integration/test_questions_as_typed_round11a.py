"""Fact questions asked as people type them, eleventh round (A): what is asked.

A question is answered only when what it asks is read. One about something the data cannot hold (wages, owners,
ages, the kick-off of a match to come, how the season will end, a player or club not in the data, a tournament not
loaded) is refused; one that asks something no rule reads is asked back with what can be asked; a match named bare
is still its summary, and stories asked in other words ("how was...", "tell me about...", "what went wrong for...")
still stories. Also: a goal's assister asked as typed ("assisted by who", "who teed it up", "and who set it up?"),
counts as typed ("in the book", "pts", "on-target", "fouls conceded", "corners taken"), and follow-ups of the other
club ("same for the opposition", "how many did their opponents have") and of a period ("that month").

Expected figures are counted here from the raw WhoScored files and the season's match index, never from the tables
the answers read.
"""

from __future__ import annotations

from collections import Counter

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.intents import route
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, player_totals, raw_events
from tests.integration.test_questions_as_typed_round3 import results
from tests.integration.test_questions_as_typed_round9 import meeting
from tests.integration.test_team_stats_officials_rankings_as_typed import talk, team_total


def on_day(home: str, away: str, day: str) -> str:
    """Return the WhoScored id of ``home`` v ``away`` played on ``day`` (YYYY-MM-DD), from the season index."""
    (row,) = [r for r in results() if (r["home"], r["away"]) == (home, away) and r["start_date"][:10] == day]
    return row["whoscored_id"]


def assister(match_id: str, scorer: str) -> str:
    """Return who made ``scorer``'s (only) goal of the match: the goal event's related player, when WhoScored marks
    the pass an intentional assist."""
    data = raw_whoscored(match_id)
    names = data["playerIdNameDictionary"]
    (goal,) = [e for e in data["events"] if e["type"]["displayName"] == "Goal" and names[str(e["playerId"])] == scorer]
    assert any(q["type"]["displayName"] == "IntentionalAssist" for q in goal["qualifiers"])
    return names[str(goal["relatedPlayerId"])]


def yellow_cards(match_id: str, team: str) -> int:
    """Return the yellow cards (a second yellow aside) shown to ``team``'s side in the match."""
    data = raw_whoscored(match_id)
    side = next(data[s]["teamId"] for s in ("home", "away") if data[s]["name"] == team)
    kinds = Counter(e["cardType"]["displayName"] for e in data["events"] if e.get("cardType") and e["teamId"] == side)
    return kinds["Yellow"]


def record(team: str, first: str, last: str) -> tuple[int, int]:
    """Return ``team``'s points and goals conceded in its matches played first..last (YYYY-MM-DD)."""
    points = conceded = 0
    for r in results():
        if first <= r["start_date"][:10] <= last and team in (r["home"], r["away"]):
            scored, against = (r["hg"], r["ag"]) if r["home"] == team else (r["ag"], r["hg"])
            points += 3 if scored > against else scored == against
            conceded += against
    return points, conceded


# --- what the data cannot hold: refused -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how much does bruno fernandes make",  # wages
        "who is chelsea's owner",  # owners
        "when was cole palmer born",  # ages, birthdays
        "what age is bukayo saka",
        "what time do arsenal kick off on saturday",  # the kick-off of a match to come
        "who'll win the league",  # "'ll": the future
        "are wolves going down",  # the season's end
        "who won the euro 2020 final",  # a tournament not loaded
    ],
)
def test_what_the_data_cannot_hold_is_refused(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and not a.matches, a.answer


def test_a_player_or_club_not_in_the_data_is_said_so(answerer: Answerer) -> None:
    a = ask(answerer, "jude bellingham goals this season")
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith("Jude Bellingham is not in the data."), a.answer
    a = ask(answerer, "portsmouth corners vs sunderland")
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith("Portsmouth is not in the data."), a.answer


def test_a_question_of_an_owner_or_an_age_is_never_a_matchs_story(answerer: Answerer) -> None:
    """Their refusal names what the data holds instead."""
    owner, age = ask(answerer, "who owns man city"), ask(answerer, "how old is saka")
    assert "not who owns or runs the clubs" in owner.answer and "not their ages" in age.answer


# --- what is asked: read, asked back, or a match named bare -----------------------------------------------------


def test_a_question_no_rule_reads_is_refused_with_what_can_be_asked(answerer: Answerer) -> None:
    """Naming nothing the data holds and no match, it is refused (round 14 A: refusal by default; a held subject not
    read is asked back: test_questions_as_typed_round14a)."""
    a, context = answerer.ask("who was the mascot at brighton")
    assert a.intent is Intent.OUT_OF_SCOPE and not a.matches, a.answer
    assert a.answer.startswith("What you ask about Brighton is not in the data."), a.answer
    # A match named: said so, then that match's computed summary (what was asked is most often in it).
    a, context = answerer.ask("who was the mascot at everton v palace")
    row = meeting("Everton", "Crystal Palace")
    match_id = row["whoscored_id"]
    assert a.intent is Intent.CLARIFY and a.matches == [match_id], a.answer
    assert a.answer.startswith("I could not tell what you are asking about Everton v Crystal Palace."), a.answer
    assert f"This is the match: Everton {row['hg']}-{row['ag']} Crystal Palace on 5 October 2025" in a.answer
    # The next question is its own, and one naming nothing keeps the match.
    a, _ = answerer.ask("the score?", context)
    assert a.intent is Intent.SCORE and a.matches == [match_id], a.answer
    a, _ = answerer.ask("tell me about nottingham forest vs chelsea", context)
    assert a.matches == [meeting("Nottingham Forest", "Chelsea")["whoscored_id"]], a.answer


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("newcastle v burnley 6 dec?", "Newcastle", "Burnley"),  # a match named bare
        ("how was chelsea v fulham in august", "Chelsea", "Fulham"),
        ("tell me about nottingham forest vs chelsea", "Nottingham Forest", "Chelsea"),
        ("what went wrong for wolves against man city in august", "Wolves", "Man City"),
    ],
)
def test_a_match_named_bare_or_its_story_asked_is_its_summary(
    answerer: Answerer, question: str, home: str, away: str
) -> None:
    row = meeting(home, away)
    a = ask(answerer, question)
    assert a.intent is Intent.NARRATIVE and a.matches[:1] == [row["whoscored_id"]], a.answer
    assert a.answer.startswith(f"{home} {row['hg']}-{row['ag']} {away}"), a.answer


def test_the_rule_that_asks_back_reads_no_fact_or_story_words() -> None:
    """Routing alone: a question word and nothing read is asked back; a story's words or none asked are a story."""

    def rule(question: str) -> str:
        return route(question, has_player=False, has_match_context=True, n_teams=2).rule

    assert rule("who was the mascot at everton v palace") == "not_read"
    assert rule("how was everton v palace") == rule("everton v palace 5 oct?") == "fallback"
    assert rule("how did everton play against palace") == "narrative"


# --- a goal's assister, asked as typed ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "match_id", "scorer"),
    [
        ("who teed it up for isak against spurs", on_day("Tottenham", "Liverpool", "2025-12-20"), "Alexander Isak"),
        ("joão pedro scored v fulham in august, assisted by who?", on_day("Chelsea", "Fulham", "2025-08-30"),
         "João Pedro"),
        ("who gave the final pass for onana's goal v brighton", on_day("Brighton", "Aston Villa", "2025-12-03"),
         "Amadou Onana"),
        ("assist for isak at spurs?", on_day("Tottenham", "Liverpool", "2025-12-20"), "Alexander Isak"),
    ],
)  # fmt: skip
def test_who_made_his_goal_is_its_assister(answerer: Answerer, question: str, match_id: str, scorer: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches[:1] == [match_id], a.answer
    assert f"assist {assister(match_id, scorer)}" in a.answer, a.answer


def test_and_who_set_it_up_after_his_goal_is_its_assister(answerer: Answerer) -> None:
    match_id = on_day("West Ham", "Brighton", "2025-12-30")
    a = talk(answerer, "when did bowen score against brighton on 30 dec", "and who set it up?")
    assert a.intent is Intent.SCORERS and a.matches == [match_id], a.answer
    assert f"assist {assister(match_id, 'Jarrod Bowen')}" in a.answer, a.answer
    match_id = meeting("Nottingham Forest", "Chelsea")["whoscored_id"]
    a = talk(answerer, "what minute did acheampong score v forest", "assist?")
    assert a.intent is Intent.SCORERS and f"assist {assister(match_id, 'Josh Acheampong')}" in a.answer, a.answer


# --- counts as typed ---------------------------------------------------------------------------------------------


def test_players_booked_or_in_the_book_are_the_clubs_yellow_cards(answerer: Answerer) -> None:
    spurs = meeting("Tottenham", "Liverpool")["whoscored_id"]
    a = ask(answerer, "how many tottenham players got booked v liverpool")
    assert a.answer.startswith(f"Tottenham got {yellow_cards(spurs, 'Tottenham')} yellow cards"), a.answer
    west_ham = on_day("West Ham", "Brighton", "2025-12-30")
    a = ask(answerer, "west ham players in the book against brighton on 30 dec")
    assert a.answer.startswith(f"West Ham had {yellow_cards(west_ham, 'West Ham')} yellow cards"), a.answer


@pytest.mark.parametrize(
    ("question", "match_id", "team", "stat", "label"),
    [
        ("shots on-target for everton vs palace", meeting("Everton", "Crystal Palace")["whoscored_id"], "Everton",
         "shotsOnTarget", "shots on target"),
        ("fouls conceded by fulham v arsenal", meeting("Fulham", "Arsenal")["whoscored_id"], "Fulham",
         "foulsCommited", "fouls"),
        ("corners taken by arsenal at fulham", meeting("Fulham", "Arsenal")["whoscored_id"], "Arsenal",
         "cornersTotal", "corners"),
        ("how many fuols did newcastle commit v burnley on 6 dec", on_day("Newcastle", "Burnley", "2025-12-06"),
         "Newcastle", "foulsCommited", "fouls"),
        ("number of corners for brighton against villa 3 dec", on_day("Brighton", "Aston Villa", "2025-12-03"),
         "Brighton", "cornersTotal", "corners"),
    ],
)  # fmt: skip
def test_a_clubs_count_as_typed(
    answerer: Answerer, question: str, match_id: str, team: str, stat: str, label: str
) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [match_id], a.answer
    assert a.answer.startswith(f"{team} had {team_total(match_id, team, stat)} {label}"), a.answer


def test_pts_is_points(answerer: Answerer) -> None:
    points, _ = record("Chelsea", "2025-10-01", "2025-10-31")
    a = ask(answerer, "chelsea pts total in october")
    assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Chelsea points in total: {points}."), a.answer


# --- follow-ups: the other club, that month ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "home", "away", "asked", "stat", "label"),
    [
        ("fouls by chelsea at forest", "same for the opposition", "Nottingham Forest", "Chelsea", "Nottingham Forest",
         "foulsCommited", "fouls"),
        ("shots on target for leeds v spurs", "how many did their opponents have", "Leeds", "Tottenham", "Tottenham",
         "shotsOnTarget", "shots on target"),
    ],
)  # fmt: skip
def test_the_opponents_after_a_clubs_count_are_the_other_club(
    answerer: Answerer, first: str, then: str, home: str, away: str, asked: str, stat: str, label: str
) -> None:
    match_id = meeting(home, away)["whoscored_id"]
    a = talk(answerer, first, then)
    assert a.intent is Intent.TEAM_STAT and a.matches == [match_id], a.answer
    assert a.answer.startswith(f"{asked} had {team_total(match_id, asked, stat)} {label}"), a.answer


def test_the_goals_and_his_figures_after_a_result_or_the_man_of_the_match(answerer: Answerer) -> None:
    match_id = meeting("Tottenham", "Liverpool")["whoscored_id"]
    data = raw_whoscored(match_id)
    names = data["playerIdNameDictionary"]
    scored = {names[str(e["playerId"])] for e in data["events"] if e["type"]["displayName"] == "Goal"}
    a = talk(answerer, "result of spurs v liverpool", "who got the goals")
    assert a.intent is Intent.SCORERS and all(name in a.answer for name in scored), a.answer
    match_id = meeting("Wolves", "Man City")["whoscored_id"]
    data = raw_whoscored(match_id)
    (motm,) = [p["name"] for s in ("home", "away") for p in data[s]["players"] if p.get("isManOfTheMatch")]
    tackles = player_totals(match_id, "tacklesTotal")[motm]
    a = talk(answerer, "man of the match wolves v man city", "tackles for him?")
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith(f"{motm}: {tackles} tackle"), a.answer


def test_that_month_after_a_clubs_month_is_that_month(answerer: Answerer) -> None:
    _, conceded = record("Chelsea", "2025-11-01", "2025-11-30")
    a = talk(answerer, "chelsea points in october", "and in november?", "how many did they concede that month")
    assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Chelsea goals conceded in total: {conceded}."), (
        a.answer
    )


def test_the_second_meeting_after_the_first_is_the_other_meeting(answerer: Answerer) -> None:
    match_id = on_day("West Ham", "Brighton", "2025-12-30")
    data = raw_whoscored(match_id)
    names = data["playerIdNameDictionary"]
    scored = {names[str(e["playerId"])] for e in data["events"] if e["type"]["displayName"] == "Goal"}
    a = talk(answerer, "brighton v west ham score", "how did the second meeting go?")
    assert a.matches[:1] == [match_id], a.answer
    a = talk(answerer, "brighton v west ham score", "and the second meeting?", "who scored?")
    assert a.intent is Intent.SCORERS and a.matches == [match_id] and all(n in a.answer for n in scored), a.answer


# --- what is asked, in words the fallback used to take ----------------------------------------------------------


def test_when_or_whom_a_club_played_is_the_meeting_and_its_day(answerer: Answerer) -> None:
    match_id = on_day("Arsenal", "Tottenham", "2025-11-23")
    for question in ("when did spurs play arsenal", "who did arsenal play on 23 nov"):
        a = ask(answerer, question)
        assert a.intent is Intent.SCORE and a.matches == [match_id], a.answer
        assert a.answer.startswith("Arsenal 4-1 Tottenham on 23 November 2025"), a.answer


def test_did_he_play_is_his_minutes_yes_first(answerer: Answerer) -> None:
    match_id = on_day("Arsenal", "Tottenham", "2025-11-23")
    (saka,) = [p for p in raw_whoscored(match_id)["home"]["players"] if p["name"] == "Bukayo Saka"]
    assert saka["isFirstEleven"]
    a = ask(answerer, "did saka play against spurs")
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith("Yes. Bukayo Saka:") and "minutes" in a.answer, (
        a.answer
    )


def test_the_hero_is_the_man_of_the_match_and_what_a_club_did_its_story(answerer: Answerer) -> None:
    match_id = on_day("Arsenal", "Tottenham", "2025-11-23")
    data = raw_whoscored(match_id)
    (motm,) = [p["name"] for s in ("home", "away") for p in data[s]["players"] if p.get("isManOfTheMatch")]
    a = ask(answerer, "who was the hero for arsenal v spurs")
    assert a.intent is Intent.MAN_OF_THE_MATCH and motm in a.answer, a.answer
    for question in ("what did arsenal do against spurs", "who bossed the midfield in arsenal v spurs"):
        a = ask(answerer, question)
        assert a.intent is Intent.NARRATIVE and a.answer.startswith("Arsenal 4-1 Tottenham"), a.answer


# --- read after blind set 6's misses (that set counts as tuned against) -------------------------------------------


def test_a_fantasy_team_named_as_the_reason_still_gets_the_figure(answerer: Answerer) -> None:
    """Advice for a fantasy team is refused; a figure asked "for my fantasy team" is answered."""
    match_id = on_day("Arsenal", "Tottenham", "2025-11-23")
    a = ask(answerer, "for my fantasy team, how many corners did arsenal get v spurs")
    assert a.intent is Intent.TEAM_STAT and a.matches[:1] == [match_id], a.answer
    assert ask(answerer, "who should i captain in fantasy this week").intent is Intent.OUT_OF_SCOPE


def test_who_picked_the_team_is_its_manager(answerer: Answerer) -> None:
    match_id = on_day("Tottenham", "Chelsea", "2025-11-01")
    data = raw_whoscored(match_id)
    a = ask(answerer, "who picked the chelski team at spurs")
    assert a.intent is Intent.MANAGER and a.matches[:1] == [match_id], a.answer
    assert data["away"]["managerName"] in a.answer and data["home"]["managerName"] not in a.answer, a.answer


def test_bmouth_is_bournemouth(answerer: Answerer) -> None:
    (row,) = [r for r in results() if {r["home"], r["away"]} == {"Bournemouth", "Wolves"}][-1:]
    a = ask(answerer, "b'mouth v wolves score")
    assert a.intent is Intent.SCORE and a.matches[:1] == [row["whoscored_id"]], a.answer


@pytest.mark.parametrize(
    ("question", "home", "away", "day", "club"),
    [
        ("who got chelsea's goals against wolves", "Chelsea", "Wolves", "2025-11-08", "Chelsea"),
        ("which of arsenal's lot scored v spurs in november", "Arsenal", "Tottenham", "2025-11-23", "Arsenal"),
    ],
)  # fmt: skip
def test_who_got_a_clubs_goals_is_its_scorers(
    answerer: Answerer, question: str, home: str, away: str, day: str, club: str
) -> None:
    match_id = on_day(home, away, day)
    data = raw_whoscored(match_id)
    names, team_id = data["playerIdNameDictionary"], data["home" if club == home else "away"]["teamId"]
    scorers = {
        names[str(e["playerId"])]
        for e in data["events"]
        if e["type"]["displayName"] == "Goal"
        and e["teamId"] == team_id
        and not any(q["type"]["displayName"] == "OwnGoal" for q in e["qualifiers"])
    }
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches[:1] == [match_id] and scorers, a.answer
    assert all(name in a.answer for name in scorers), a.answer


@pytest.mark.parametrize(
    "question",
    ["when do liverpool play next", "when does the transfer window close", "what did arteta say in the presser"],
)
def test_the_next_match_the_window_and_the_press_are_refused(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and not a.matches, a.answer


def test_the_goals_he_set_up_over_a_month_are_his_assists(answerer: Answerer) -> None:
    """The assists of Bruno Fernandes in November: goals whose pass WhoScored marks an intentional assist by him."""
    made = 0
    for data, goal in raw_events("Goal", "2025-11-01", "2025-11-30"):
        names = data["playerIdNameDictionary"]
        assisted = any(q["type"]["displayName"] == "IntentionalAssist" for q in goal["qualifiers"])
        made += assisted and names.get(str(goal.get("relatedPlayerId"))) == "Bruno Fernandes"
    a = ask(answerer, "how many goals did bruno fernandes set up in november")
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith(f"Bruno Fernandes: {made} assist"), a.answer


def test_the_time_of_his_goal_is_its_minute(answerer: Answerer) -> None:
    match_id = on_day("Arsenal", "Tottenham", "2025-11-23")
    data = raw_whoscored(match_id)
    names = data["playerIdNameDictionary"]
    minutes = [e["minute"] + 1 for e in data["events"] if e["type"]["displayName"] == "Goal"
               and names[str(e["playerId"])] == "Eberechi Eze"]  # fmt: skip
    a = ask(answerer, "time of eze's goals vs spurs in november")
    assert a.intent is Intent.SCORERS and minutes, a.answer
    assert all(f"{m}'" in a.answer for m in minutes), a.answer
