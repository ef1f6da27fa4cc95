"""Fact questions asked as people type them, fifth round: the reply to a question asked back ("united against
sunderland" -> "which United?" -> "man utd", "utd", "the red one", "the first", "newcastle"), a surname two players
carry settled by who played and scored in the period asked ("barnes in november"), places in the table as fans ask
for them ("who's bottom", "bottom three", "the relegation zone", "top four", "top at christmas"), "before christmas",
goal minutes in short forms ("time of barnes goals", "mbeumo goal minutes"), "who got their goals", "the nld", "the
away game" as a follow-up, and what no loaded match can judge ("the best team in europe"), on the whole real season.

Expected names, minutes and figures are read here from the raw WhoScored files and the season's match index, never
from the tables the answers read.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.conversation import Conversation, FollowUp
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, season_ids
from tests.integration.test_questions_as_typed_round3 import results
from tests.integration.test_questions_as_typed_round4 import raw_goals
from tests.integration.test_questions_as_typed_round4 import (
    test_goal_minutes_asked_in_short_forms as goal_minutes_said,  # not collected twice: no test_ name here
)
from tests.integration.test_team_stats_officials_rankings_as_typed import talk, team_total

NLD = "1903228"  # Arsenal 4-1 Tottenham, 23 November 2025
UNITED_SUNDERLAND = "1903176"  # Man Utd 2-0 Sunderland, 4 October 2025
SUNDERLAND_NEWCASTLE = "1903492"  # Sunderland 1-0 Newcastle, 14 December 2025
NEWCASTLE_CITY = "1903235"  # Newcastle 2-1 Man City, 22 November 2025
UNITED_BRIGHTON = "1903204"  # Man Utd 4-2 Brighton, 25 October 2025
BRENTFORD_UNITED = "1903177"  # Brentford 3-1 Man Utd, 27 September 2025


def raw_table(last: str = "9999-12-31") -> list[tuple[str, int]]:
    """Return (team, points) in the league's order (points, goal difference, goals) over the finished matches played
    up to ``last`` (an ISO day)."""
    sums: dict[str, list[int]] = {}
    for row in results():
        if row["start_date"][:10] > last:
            continue
        for team, scored, conceded in ((row["home"], row["hg"], row["ag"]), (row["away"], row["ag"], row["hg"])):
            entry = sums.setdefault(team, [0, 0, 0])
            entry[0] += 3 if scored > conceded else 1 if scored == conceded else 0
            entry[1] += scored - conceded
            entry[2] += scored
    ordered = sorted(sums.items(), key=lambda item: (-item[1][0], -item[1][1], -item[1][2]))
    return [(team, figures[0]) for team, figures in ordered]


def raw_player_goals(name: str, first: str, last: str) -> int:
    """Return the goals (own goals aside) ``name`` scored in the season's matches played first..last."""
    goals = Counter()
    for match_id in season_ids():
        day = raw_whoscored(match_id)["startDate"][:10]
        if first <= day <= last:
            goals.update(g["name"] for g in raw_goals(match_id) if not g["own"])
    return goals[name]


def listed_teams(answer: str) -> list[str]:
    """Return the teams a table answer lists ("20. Wolves 7 points ..."), in order."""
    return re.findall(r"\d+\. ([A-Z][\w ]+?) \d+ points", answer)


# --- the reply to a question asked back ---------------------------------------------------------------------------


# Since round 6 "United" alone is taken as Man Utd (said in the answer, the other Uniteds named): the reply that
# names another of them answers the question again with it.


@pytest.mark.parametrize("reply", ["newcastle", "newcastle united", "the magpies", "Newcastle please", "I meant nufc"])
def test_the_reply_chooses_the_club_asked_back(answerer: Answerer, reply: str) -> None:
    conversation = Conversation(answerer)
    asked = conversation.ask("united against sunderland")
    assert asked.matches == [UNITED_SUNDERLAND] and "if you meant Leeds, Newcastle or West Ham" in asked.answer, (
        asked.answer
    )
    a = conversation.ask(reply)
    assert a.matches == [SUNDERLAND_NEWCASTLE], (reply, a.answer)
    assert a.answer.startswith("Sunderland 1-0 Newcastle on 14 December 2025"), a.answer


def test_the_reply_keeps_what_the_first_question_asked(answerer: Answerer) -> None:
    """ "Who scored for united against sunderland?" -> "newcastle": Newcastle's scorers in that match (none: its one
    goal was Woltemade's own goal), not a story of Newcastle's."""
    goals = [(g["name"], g["own"], g["side"]) for g in raw_goals(SUNDERLAND_NEWCASTLE)]
    assert goals == [("Nick Woltemade", True, "home")]
    a = talk(answerer, "who scored for united against sunderland", "newcastle")
    assert a.intent is Intent.SCORERS and a.matches == [SUNDERLAND_NEWCASTLE], a.answer
    assert "Goals for Newcastle: none." in a.answer, a.answer


def test_the_reply_by_place_in_the_list(answerer: Answerer) -> None:
    """ "The first" / "2" pick the clubs in the order the answer listed the other Uniteds."""
    conversation = Conversation(answerer)
    asked = conversation.ask("united against sunderland")
    options = re.search(r"if you meant (.+)\.", asked.answer).group(1).replace(" or ", ", ").split(", ")
    assert options == ["Leeds", "Newcastle", "West Ham"], asked.answer
    second = Conversation(answerer, conversation.context).ask("2")
    assert second.matches == [SUNDERLAND_NEWCASTLE], second.answer
    first = Conversation(answerer, conversation.context).ask("the first")
    assert first.answer.startswith("Sunderland 1-1 Leeds"), first.answer


def test_another_club_named_in_the_reply(answerer: Answerer) -> None:
    a = talk(answerer, "united against sunderland", "newcastle")
    assert a.matches == [SUNDERLAND_NEWCASTLE], a.answer


def test_a_reply_naming_no_club_after_united_was_taken_is_a_follow_up(answerer: Answerer) -> None:
    """ "brentford united" (taken as Man Utd) -> "how many corners": that match's corners, both sides."""
    conversation = Conversation(answerer)
    taken = conversation.ask("brentford united")
    assert taken.matches == [BRENTFORD_UNITED], taken.answer
    a = conversation.ask("how many corners")
    corners = {team: team_total(BRENTFORD_UNITED, team, "cornersTotal") for team in ("Brentford", "Man Utd")}
    assert a.intent is Intent.TEAM_STAT and a.matches == [BRENTFORD_UNITED], a.answer
    assert f"Corners: Brentford {corners['Brentford']}, Man Utd {corners['Man Utd']}." in a.answer, a.answer


def test_a_period_in_the_reply_narrows_the_choice(answerer: Answerer) -> None:
    """Sunderland met two Uniteds in December (Newcastle, Leeds), not Man Utd: "in december" asks between those two
    only, and the reply picks one."""
    december = sorted(
        r["home"] if r["away"] == "Sunderland" else r["away"]
        for r in results()
        if "Sunderland" in (r["home"], r["away"]) and r["start_date"].startswith("2025-12")
    )
    uniteds = [team for team in december if team in ("Leeds", "Man Utd", "Newcastle", "West Ham")]
    assert uniteds == ["Leeds", "Newcastle"], december
    conversation = Conversation(answerer)
    a = conversation.ask("united against sunderland in december")
    assert a.intent is Intent.CLARIFY and a.answer == 'By "united", did you mean Leeds or Newcastle?', a.answer
    assert conversation.ask("the second").matches == [SUNDERLAND_NEWCASTLE]


def test_the_question_asked_back_survives_a_session_file(answerer: Answerer) -> None:
    """``ask --session`` keeps the context in a JSON file: what was asked back must come back with it."""
    conversation = Conversation(answerer)
    conversation.ask("united against sunderland")
    kept = FollowUp.from_json(conversation.context.to_json())
    assert kept.asked_back == conversation.context.asked_back
    assert Conversation(answerer, kept).ask("newcastle").matches == [SUNDERLAND_NEWCASTLE]


def test_a_new_question_after_a_question_asked_back_is_new(answerer: Answerer) -> None:
    a = talk(answerer, "united against sunderland", "who scored in arsenal v spurs")
    assert a.intent is Intent.SCORERS and a.matches == [NLD], a.answer


# --- a surname two players carry, settled by the period ------------------------------------------------------------


def test_a_surname_settled_by_who_scored_in_the_period(answerer: Answerer) -> None:
    """Harvey Barnes (Newcastle) and Ashley Barnes (Burnley): only Harvey scored in November."""
    harvey = raw_player_goals("Harvey Barnes", "2025-11-01", "2025-11-30")
    assert harvey == 3 and raw_player_goals("Ashley Barnes", "2025-11-01", "2025-11-30") == 0
    a = ask(answerer, "how many goals did barnes score in november")
    assert a.intent is Intent.PLAYER_STAT, a.answer
    assert a.answer.startswith(f"Harvey Barnes: {harvey} goals"), a.answer


# --- places in the table ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "bottom", "places"),
    [
        ("who's bottom", True, 5),
        ("bottom three", True, 3),
        ("who is in the relegation zone", True, 3),
        ("top four", False, 4),
    ],
)
def test_places_in_the_table_as_typed(answerer: Answerer, question: str, bottom: bool, places: int) -> None:
    table = [team for team, _ in raw_table()]
    expected = (table[::-1] if bottom else table)[:places]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    assert listed_teams(a.answer) == expected, a.answer


def test_top_of_the_table_at_christmas(answerer: Answerer) -> None:
    (first, points), (second, level) = raw_table("2025-12-25")[:2]
    assert points == level  # Arsenal and Aston Villa level on 36
    a = ask(answerer, "who was top at christmas")
    top = f"Top of the table in the season up to 25 December 2025 (the matches in the data only): 1. {first} {points}"
    assert a.answer.startswith(top), a.answer
    assert f"{first} and {second} are level on {points} points" in a.answer, a.answer


def test_goals_before_christmas(answerer: Answerer) -> None:
    goals = raw_player_goals("Antoine Semenyo", "2025-08-01", "2025-12-24")
    a = ask(answerer, "how many goals did semenyo score before christmas")
    assert a.answer.startswith(f"Antoine Semenyo: {goals} goals"), a.answer


# --- goal minutes and scorers in short forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "match_id", "name"),
    [
        ("time of barnes goals vs city", NEWCASTLE_CITY, "Harvey Barnes"),
        ("mbeumo goal minutes against brighton", UNITED_BRIGHTON, "Bryan Mbeumo"),
    ],
)
def test_goal_minutes_in_short_forms(answerer: Answerer, question: str, match_id: str, name: str) -> None:
    """Said as round 4's short forms are ("X scored at 64' and 70' in ..."), and about that meeting only."""
    goal_minutes_said(answerer, question, match_id, name)
    assert ask(answerer, question).matches == [match_id]


def test_the_nld_is_the_north_london_derby(answerer: Answerer) -> None:
    spurs = [g for g in raw_goals(NLD) if g["side"] == "away"]
    a = ask(answerer, "when did the spurs goal come in the nld")
    assert a.matches == [NLD], a.answer
    assert f"{spurs[0]['name']} {spurs[0]['minute']} for Tottenham" in a.answer, a.answer


def test_who_got_their_goals_is_the_scorers(answerer: Answerer) -> None:
    scorers = {g["name"] for g in raw_goals(NLD)}
    a = talk(answerer, "arsenal vs spurs", "who got their goals")
    assert a.intent is Intent.SCORERS and a.matches == [NLD], a.answer
    assert all(name in a.answer for name in scorers), a.answer


def test_the_away_game_is_the_other_meeting(answerer: Answerer) -> None:
    """Arsenal 1-1 Man City is the only meeting in the data: the away game is said not to be in it."""
    meetings = [r for r in results() if {r["home"], r["away"]} == {"Arsenal", "Man City"}]
    assert [(r["home"], r["away"]) for r in meetings] == [("Arsenal", "Man City")]
    a = talk(answerer, "arsenal v city score", "what about the away game?")
    assert a.intent is Intent.UNKNOWN_MATCH, a.answer
    assert a.answer.startswith("There is no match Man City vs Arsenal in the data"), a.answer


# --- what no loaded match can judge ---------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["best team in europe", "who is the best manager in the world"])
def test_beyond_the_loaded_matches_is_refused(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE, a.answer
    assert a.answer.startswith("I can only judge from the loaded matches"), a.answer


# --- a shared name settled by the result the question names; initials of a club outside the data -------------------


def test_the_united_that_beat_the_club_named(answerer: Answerer) -> None:
    """Of the Uniteds that played Brighton only Man Utd beat them (4-2); WhoScored's man of the match there."""
    data = raw_whoscored(UNITED_BRIGHTON)
    assert (data["home"]["name"], data["score"]) == ("Man Utd", "4 : 2")
    best = next(p["name"] for s in ("home", "away") for p in data[s]["players"] if p["isManOfTheMatch"])
    a = ask(answerer, "player of the match when united beat brighton")
    assert a.intent is Intent.MAN_OF_THE_MATCH and a.matches == [UNITED_BRIGHTON], a.answer
    assert best in a.answer, a.answer


def test_a_result_several_uniteds_had_narrows_the_others_named(answerer: Answerer) -> None:
    """Newcastle lost to Man Utd and to West Ham in the season: United is taken as Man Utd, and only West Ham is
    named as the other United it may be."""
    lost_to = {
        r["home"] if r["away"] == "Newcastle" else r["away"]
        for r in results()
        if "Newcastle" in (r["home"], r["away"])
        and (r["hg"] < r["ag"] if r["home"] == "Newcastle" else r["ag"] < r["hg"])
    }
    assert {"Man Utd", "West Ham"} <= lost_to and "Leeds" not in lost_to
    a = ask(answerer, "who scored when newcastle lost to united")
    assert a.intent is Intent.SCORERS and "Man Utd" in a.answer, a.answer
    assert a.answer.endswith('"United" taken as Man Utd; name the club if you meant West Ham.'), a.answer


@pytest.mark.parametrize(("question", "club"), [("psg vs arsenal score", "PSG"), ("qpr v chelsea", "QPR")])
def test_initials_of_a_club_outside_the_data(answerer: Answerer, question: str, club: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith(f"{club} is not in the data."), a.answer


def test_the_reply_chooses_the_player_asked_back(answerer: Answerer) -> None:
    """Both Barneses had shots in the season: asked back, then "harvey" is Harvey Barnes's season total."""
    shots = Counter()
    for match_id in season_ids():
        data = raw_whoscored(match_id)
        for player in data["home"]["players"] + data["away"]["players"]:
            shots[player["name"]] += int(sum(player.get("stats", {}).get("shotsTotal", {}).values()))
    assert shots["Harvey Barnes"] > 0 and shots["Ashley Barnes"] > 0
    conversation = Conversation(answerer)
    asked = conversation.ask("how many shots did barnes have this season")
    assert asked.intent is Intent.CLARIFY and "Harvey Barnes" in asked.answer and "Ashley Barnes" in asked.answer
    a = conversation.ask("harvey")
    assert a.answer.startswith(f"Harvey Barnes: {shots['Harvey Barnes']} shots"), a.answer
