"""Fact questions asked as people type them, fourth round: a goal named by what it did to the score ("what minute
was the equaliser", "who got the winner", "the opener"), goal minutes in short forms ("what min", "goal times"), a
goalkeeper's saves ("which keeper made the most saves"), "will" as a first name (Will Osula), "united" with a club
several Uniteds played (asked back) and "city v united" (the derby), "mom", "golden boot", what a club paid (a
transfer), clubs level on points in the table, and one half of a match asked as a follow-up ("how about in the
first half?"), on the whole real season.

Expected names, minutes and figures are read here from the raw WhoScored files (goal, card and shot events, their
periods, minutes and qualifiers, players' per-minute stats) and the season's match index, never from the tables
the answers read.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from football_rag.analytics.tables import MatchTables
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import raw_whoscored, season_index
from tests.integration.test_leaders_totals_counts_as_typed import ask, season_ids
from tests.integration.test_questions_as_typed_round3 import table
from tests.integration.test_team_stats_officials_rankings_as_typed import talk

NLD = "1903228"  # Arsenal 4-1 Tottenham, 23 November 2025
CHELSEA_ARSENAL = "1903239"  # Chelsea 1-1 Arsenal, 30 November 2025
LIVERPOOL_UNITED = "1903191"  # Liverpool 1-2 Man Utd, 19 October 2025
FULHAM_BRENTFORD = "1903162"  # Fulham 3-1 Brentford, 20 September 2025


def raw_goals(match_id: str) -> list[dict]:
    """Return the match's goals in order: scorer, broadcast minute, own goal, the side it counts for, and the score
    after it (an own goal's event carries the team of the player who put it into his own net)."""
    data = raw_whoscored(match_id)
    sides = {data[s]["teamId"]: s for s in ("home", "away")}
    other = {"home": "away", "away": "home"}
    score = {"home": 0, "away": 0}
    goals = []
    for event in data["events"]:
        if event["type"]["displayName"] != "Goal":
            continue
        own = any(q["type"]["displayName"] == "OwnGoal" for q in event.get("qualifiers", []))
        side = other[sides[event["teamId"]]] if own else sides[event["teamId"]]
        score[side] += 1
        end = {1: 45, 2: 90}[event["period"]["value"]]
        shown = event["minute"] + 1  # WhoScored's clock counts elapsed minutes from 0
        minute = f"{end}+{shown - end}'" if shown > end else f"{shown}'"
        name = data["playerIdNameDictionary"][str(event["playerId"])]
        goals.append({"name": name, "minute": minute, "own": own, "side": side, **score})
    return goals


# --- a goal named by what it did to the score ------------------------------------------------------------------


def test_the_equaliser_is_the_goal_that_levelled(answerer: Answerer) -> None:
    goals = raw_goals(CHELSEA_ARSENAL)
    level = [g for g in goals if g["home"] == g["away"]]
    assert [g["name"] for g in level] == ["Mikel Merino"]
    a = ask(answerer, "what minute was the equaliser in chelsea v arsenal")
    assert a.intent is Intent.SCORERS and a.matches == [CHELSEA_ARSENAL], a.answer
    # Its assist is said with it since round 12 ("who set up the equaliser").
    data = raw_whoscored(CHELSEA_ARSENAL)
    names = data["playerIdNameDictionary"]
    (goal,) = [
        e for e in data["events"] if e["type"]["displayName"] == "Goal" and names[str(e["playerId"])] == "Mikel Merino"
    ]
    made_by = names[str(goal["relatedPlayerId"])]
    said = f"The equaliser: Mikel Merino {level[0]['minute']} (header) for Arsenal (1-1), assist {made_by}."
    assert a.answer.startswith(said), a.answer


def test_the_winner_is_the_goal_after_which_the_loser_never_drew_level(answerer: Answerer) -> None:
    """Liverpool 1-2 Man Utd: United's second goal (the loser scored once), not their first."""
    goals = raw_goals(LIVERPOOL_UNITED)
    final = goals[-1]
    winners = [g for g in goals if g["side"] == "away"]
    winner = winners[final["home"]]
    a = ask(answerer, "who got the winner in liverpool v man utd")
    assert a.answer.startswith(f"The winning goal: {winner['name']} {winner['minute']}"), a.answer


def test_a_draw_has_no_winner(answerer: Answerer) -> None:
    assert raw_whoscored(CHELSEA_ARSENAL)["score"] == "1 : 1"
    a = ask(answerer, "when was the winning goal in chelsea v arsenal")
    assert a.answer.startswith("No winning goal in Chelsea 1-1 Arsenal"), a.answer


@pytest.mark.parametrize(
    ("question", "match_id", "kind"),
    [
        ("when was the opener in arsenal v spurs", NLD, "opening goal"),
        ("minute of the first goal in arsenal spurs", NLD, "opening goal"),
        ("when was the own goal in fulham brentford", FULHAM_BRENTFORD, "own goal"),
        ("when was the last goal in arsenal v spurs", NLD, "last goal"),
    ],
)
def test_the_opener_the_last_goal_and_the_own_goal(answerer: Answerer, question: str, match_id: str, kind: str) -> None:
    goals = raw_goals(match_id)
    goal = {"opening goal": goals[0], "last goal": goals[-1]}.get(kind) or next(g for g in goals if g["own"])
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches == [match_id], a.answer
    assert a.answer.startswith(f"The {kind}: {goal['name']} {goal['minute']}"), a.answer


@pytest.mark.parametrize(
    ("question", "match_id", "name"),
    [
        ("what min did gakpo score v man utd", LIVERPOOL_UNITED, "Cody Gakpo"),
        ("eze goal times v spurs", NLD, "Eberechi Eze"),
    ],
)
def test_goal_minutes_asked_in_short_forms(answerer: Answerer, question: str, match_id: str, name: str) -> None:
    minutes = [g["minute"] for g in raw_goals(match_id) if g["name"] == name and not g["own"]]
    said = minutes[0] if len(minutes) == 1 else f"{', '.join(minutes[:-1])} and {minutes[-1]}"
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.answer.startswith(f"{name} scored at {said} in "), a.answer


# --- a goalkeeper's saves ----------------------------------------------------------------------------------------


def player_sums(match_ids: list[str], stat: str) -> Counter:
    """Return each player -> his total of WhoScored's per-minute player ``stat`` ("totalSaves", "passesKey") over
    the matches."""
    sums: Counter = Counter()
    for match_id in match_ids:
        data = raw_whoscored(match_id)
        for side in ("home", "away"):
            for p in data[side]["players"]:
                sums[p["name"]] += int(sum(p["stats"].get(stat, {}).values()))
    return sums


@pytest.mark.parametrize("question", ["which keeper made the most saves", "who has made the most saves this season"])
def test_the_keeper_with_the_most_saves(answerer: Answerer, question: str) -> None:
    saves = player_sums(list(season_ids()), "totalSaves")
    best = max(saves.values())
    leaders = sorted(name for name, value in saves.items() if value == best)
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    assert a.answer.startswith(f"Most saves in the data so far: 1. {leaders[0]} ("), a.answer
    assert f" {best}" in a.answer.split(";")[0], a.answer


def test_which_team_made_the_most_saves_still_ranks_teams(answerer: Answerer) -> None:
    a = ask(answerer, "which team made the most saves")
    assert a.answer.startswith("Most saves in the data so far: 1. Burnley "), a.answer


def test_a_keepers_saves_in_a_match_and_over_the_season(answerer: Answerer) -> None:
    raya = player_sums([NLD], "totalSaves")["David Raya"]
    a = ask(answerer, "how many saves did raya make v spurs")
    assert a.answer.startswith(f"David Raya: {raya} save"), a.answer
    pickford = player_sums(list(season_ids()), "totalSaves")["Jordan Pickford"]
    a = ask(answerer, "how many saves has pickford made this season")
    assert a.answer.startswith(f"Jordan Pickford: {pickford} saves"), a.answer


# --- names: "will" as a first name, "united" with a club many Uniteds played, "mom" -----------------------------


@cache
def season_scorers() -> Counter:
    """Return each player -> his goals over the season (own goals aside), from the raw goal events."""
    goals: Counter = Counter()
    for match_id in season_ids():
        data = raw_whoscored(match_id)
        for event in data["events"]:
            own = any(q["type"]["displayName"] == "OwnGoal" for q in event.get("qualifiers", []))
            if event["type"]["displayName"] == "Goal" and not own:
                goals[data["playerIdNameDictionary"][str(event["playerId"])]] += 1
    return goals


def test_will_as_a_first_name_is_no_question_about_the_future(answerer: Answerer) -> None:
    a = ask(answerer, "will osula goals this season")
    goals = season_scorers()["William Osula"]
    assert a.answer.startswith(f"William Osula: {goals} goal{'' if goals == 1 else 's'}"), a.answer


@pytest.mark.parametrize(
    "question", ["will arsenal win the league", "will haaland score against united", "who will win the title"]
)
def test_will_with_a_verb_to_come_is_still_about_the_future(answerer: Answerer, question: str) -> None:
    a, _ = answerer.ask(question)
    assert a.intent is Intent.OUT_OF_SCOPE and a.answer.startswith("I only have matches already played"), a.answer


def test_united_against_a_club_several_uniteds_played_is_man_utd_said_as_taken(answerer: Answerer) -> None:
    """Sunderland played Leeds, Man Utd, Newcastle and West Ham: their derby with Newcastle settles nothing when
    Sunderland is named outright."""
    played = {
        other
        for row in season_index()
        if "Sunderland" in (row["home"], row["away"])
        for other in (row["home"], row["away"])
        if other in ("Leeds", "Man Utd", "Newcastle", "West Ham")
    }
    assert played == {"Leeds", "Man Utd", "Newcastle", "West Ham"}
    a, _ = answerer.ask("united against sunderland")  # round 6: "United" alone is Man Utd, said as taken
    assert a.answer.startswith("Man Utd 2-0 Sunderland on 4 October 2025"), a.answer
    assert a.answer.endswith('"United" taken as Man Utd; name the club if you meant Leeds, Newcastle or West Ham.'), (
        a.answer
    )


def test_city_v_united_is_still_the_manchester_derby(answerer: Answerer) -> None:
    a = ask(answerer, "city v united score")
    assert a.matches == ["1903154"] and a.answer.startswith("Man City 3-0 Man Utd"), a.answer


def test_mom_is_the_man_of_the_match(answerer: Answerer) -> None:
    data = raw_whoscored("1903133")  # Fulham 1-1 Man Utd, 24 August 2025
    best = next(p["name"] for s in ("home", "away") for p in data[s]["players"] if p["isManOfTheMatch"])
    a = ask(answerer, "mom fulham v man utd")
    assert a.intent is Intent.MAN_OF_THE_MATCH and a.answer.startswith(f"WhoScored's man of the match was {best}")


def test_the_golden_boot_race_is_the_top_scorers(answerer: Answerer) -> None:
    (leader, goals), (_, second) = season_scorers().most_common(2)
    assert goals > second
    a = ask(answerer, "golden boot race")
    assert a.intent is Intent.RANKING
    assert a.answer.startswith(f"Most goals in the data so far: 1. {leader} ("), a.answer
    assert f") {goals}; 2. " in a.answer, a.answer


@pytest.mark.parametrize(
    "question", ["how much did chelsea pay for estevao", "how much did arsenal spend in the summer"]
)
def test_what_a_club_paid_is_a_transfer_question(answerer: Answerer, question: str) -> None:
    a, _ = answerer.ask(question)
    assert a.intent is Intent.OUT_OF_SCOPE and "transfers" in a.answer, a.answer


def test_a_club_before_man_of_the_match_names_the_award_not_its_squad(answerer: Answerer) -> None:
    """ "newcastle burnley man of the match": the match's man of the match first, not Burnley's best player."""
    latest = max(
        (r for r in season_index() if {r["home"], r["away"]} == {"Newcastle", "Burnley"}), key=lambda r: r["start_date"]
    )
    data = raw_whoscored(latest["whoscored_id"])
    best = next(p["name"] for s in ("home", "away") for p in data[s]["players"] if p["isManOfTheMatch"])
    a = ask(answerer, "newcastle burnley man of the match?")
    assert a.matches == [latest["whoscored_id"]], a.answer
    assert a.answer.startswith(f"WhoScored's man of the match was {best}"), a.answer


# --- clubs level on points in the table ------------------------------------------------------------------------


def test_clubs_level_on_points_are_said_to_be_level(answerer: Answerer) -> None:
    """After matchweek 19, Man City and Aston Villa had 39 points each, Man City ahead on goal difference."""
    rows = table(rounds=19)
    level = [row for row in rows if row[1] == rows[1][1]]
    assert [row[0] for row in level] == ["Man City", "Aston Villa"] and level[0][2] > level[1][2]
    a = ask(answerer, "who was top after matchweek 19")
    assert "Man City and Aston Villa are level on 39 points, ordered by goal difference." in a.answer, a.answer


def test_a_clubs_place_says_who_it_is_level_with(answerer: Answerer) -> None:
    rows = table()
    points = next(row[1] for row in rows if row[0] == "Man Utd")
    level = [row[0] for row in rows if row[1] == points]
    assert level == ["Man Utd", "Newcastle"]
    a = ask(answerer, "what position are man utd in")
    assert f"Man Utd and Newcastle are level on {points} points, ordered by goal difference." in a.answer, a.answer


def test_clubs_level_on_everything_are_said_so(answerer: Answerer) -> None:
    """After the first matchweek, Sunderland and Tottenham had won 3-0: level on points, difference and goals."""
    rows = table(rounds=1)
    alike = [row[0] for row in rows if row[1:] == (3, 3, 3)]
    assert alike == ["Sunderland", "Tottenham"]
    a = ask(answerer, "league table after gw 1")
    assert "; Sunderland and Tottenham are level on all three." in a.answer, a.answer


# --- one half of a match, asked as a follow-up --------------------------------------------------------------------


def half_count(match_id: str, half: int, kind: str, team: str | None = None, player: str | None = None) -> int:
    """Return the shots ("shots") or yellow cards ("yellow") of a team or a player in one half, counted from the raw
    events (an own goal is no shot)."""
    data = raw_whoscored(match_id)
    names = data["playerIdNameDictionary"]
    team_id = next((data[s]["teamId"] for s in ("home", "away") if data[s]["name"] == team), None)
    count = 0
    for event in data["events"]:
        if event["period"]["value"] != half or (team_id is not None and event["teamId"] != team_id):
            continue
        if player is not None and names.get(str(event.get("playerId"))) != player:
            continue
        own = any(q["type"]["displayName"] == "OwnGoal" for q in event.get("qualifiers", []))
        if kind == "shots":
            count += bool(event.get("isShot")) and not own
        else:
            count += (event.get("cardType") or {}).get("displayName") == "Yellow"
    return count


def test_how_about_the_first_half_counts_that_halfs_shots(answerer: Answerer) -> None:
    arsenal, spurs = half_count(NLD, 1, "shots", "Arsenal"), half_count(NLD, 1, "shots", "Tottenham")
    a = talk(answerer, "how many shots did arsenal have against spurs", "how about in the first half?")
    assert a.intent is Intent.TEAM_STAT and a.matches == [NLD], a.answer
    assert a.answer.startswith(f"Shots in the first half: Arsenal {arsenal}, Tottenham {spurs}."), a.answer


def test_a_players_figure_in_the_second_half(answerer: Answerer) -> None:
    shots = half_count(NLD, 2, "shots", player="Bukayo Saka")
    a = talk(answerer, "how many shots did saka have v spurs", "and in the second half?")
    said = f"{shots} shot{'' if shots == 1 else 's'}"
    assert a.answer.startswith(f"Bukayo Saka: {said} in the second half of Arsenal 4-1 Tottenham"), a.answer


def test_the_first_halfs_score_and_its_cards(answerer: Answerer) -> None:
    assert raw_whoscored(CHELSEA_ARSENAL)["htScore"] == "0 : 0"
    a = talk(answerer, "chelsea v arsenal score", "what about the first half?")
    assert a.answer.startswith("First half: Chelsea 0-0 Arsenal."), a.answer
    chelsea, arsenal = (half_count(CHELSEA_ARSENAL, 1, "yellow", team) for team in ("Chelsea", "Arsenal"))
    a = talk(answerer, "how many yellow cards in chelsea v arsenal", "and in the first half")
    assert a.answer.startswith(f"Yellow cards in the first half: Chelsea {chelsea}, Arsenal {arsenal}."), a.answer


def test_a_figure_the_data_cannot_split_by_half_is_said_so(answerer: Answerer) -> None:
    a = talk(answerer, "what was saka's rating against spurs", "how about in the first half")
    assert a.answer.startswith("The data has no per-half WhoScored rating figure: the figures below are the whole"), (
        a.answer
    )


def test_the_first_half_of_the_season_is_still_a_period(answerer: Answerer) -> None:
    a = ask(answerer, "arsenal goals in the first half of the season")
    assert a.intent is Intent.AGGREGATE and a.answer.startswith("Arsenal goals in total: "), a.answer


# --- which meeting: the score named, the one the player scored in; which player: the one who faced the club -------


def meetings(home: str, away: str) -> list[dict]:
    """Return the season index's meetings of the two clubs (either way round), oldest first."""
    rows = [r for r in season_index() if {r["home"], r["away"]} == {home, away}]
    return sorted(rows, key=lambda r: r["start_date"])


def test_the_score_named_picks_the_meeting(answerer: Answerer) -> None:
    """Bournemouth and Chelsea met twice: "0-0" is the December match, not the latest (2-2)."""
    drawn = [r for r in meetings("Bournemouth", "Chelsea") if r["score"] == "0 : 0"]
    assert len(meetings("Bournemouth", "Chelsea")) == 2 and len(drawn) == 1
    data = raw_whoscored(drawn[0]["whoscored_id"])
    best = next(p["name"] for s in ("home", "away") for p in data[s]["players"] if p["isManOfTheMatch"])
    a = ask(answerer, "bournemouth chelsea 0-0 motm")
    assert a.matches == [drawn[0]["whoscored_id"]], a.answer
    assert a.answer.startswith(f"WhoScored's man of the match was {best}"), a.answer


def test_when_did_he_score_picks_the_meeting_he_scored_in(answerer: Answerer) -> None:
    """Man Utd played Burnley twice; Bruno Fernandes scored (a penalty) only in the first meeting."""
    scored = [
        r["whoscored_id"]
        for r in meetings("Man Utd", "Burnley")
        if any(g["name"] == "Bruno Fernandes" and not g["own"] for g in raw_goals(r["whoscored_id"]))
    ]
    assert len(meetings("Man Utd", "Burnley")) == 2 and len(scored) == 1
    minutes = [g["minute"] for g in raw_goals(scored[0]) if g["name"] == "Bruno Fernandes"]
    a = ask(answerer, "when did bruno fernandes score his penalty against burnley")
    assert a.matches == scored and a.answer.startswith(f"Bruno Fernandes scored at {minutes[0]} (pen)"), a.answer


def test_a_surname_two_players_carry_is_the_one_who_faced_the_club(answerer: Answerer) -> None:
    """Harvey Barnes (Newcastle) and Ashley Barnes (Burnley): only Harvey was ever in a squad against Man City."""
    faced = {
        p["name"]
        for r in season_index()
        if "Man City" in (r["home"], r["away"])
        for s in ("home", "away")
        for p in raw_whoscored(r["whoscored_id"])[s]["players"]
        if p["name"].endswith(" Barnes") and raw_whoscored(r["whoscored_id"])[s]["name"] != "Man City"
    }
    assert faced == {"Harvey Barnes"}
    match_id = meetings("Newcastle", "Man City")[0]["whoscored_id"]
    minutes = [g["minute"] for g in raw_goals(match_id) if g["name"] == "Harvey Barnes"]
    a = ask(answerer, "when did barnes score against man city")
    assert a.answer.startswith(f"Harvey Barnes scored at {minutes[0]} and {minutes[1]} in "), a.answer


def test_created_the_most_chances_is_key_passes(answerer: Answerer) -> None:
    (leader, most), (_, second) = player_sums(list(season_ids()), "passesKey").most_common(2)
    assert most > second
    a = ask(answerer, "who has created the most chances this season")
    assert a.answer.startswith(f"Most key passes in the data so far: 1. {leader} (") and f") {most}; 2." in a.answer


@pytest.mark.parametrize(
    ("question", "reason"),
    [("is haaland fit for the weekend", "injuries or fitness"), ("how much is saka worth", "transfers")],
)
def test_fitness_and_a_players_worth_are_refused(answerer: Answerer, question: str, reason: str) -> None:
    a, _ = answerer.ask(question)
    assert a.intent is Intent.OUT_OF_SCOPE and reason in a.answer, a.answer


def test_every_players_saves_are_whoscored_total_saves(season_tables: MatchTables) -> None:
    """The per-player saves the keeper answers read equal WhoScored's own ``totalSaves`` for every squad player."""
    ours = season_tables.player_stats.set_index(["match_id", "player_name"])["saves"]
    theirs = {
        (match_id, p["name"]): int(sum(p["stats"].get("totalSaves", {}).values()))
        for match_id in season_ids()
        for side in ("home", "away")
        for p in raw_whoscored(match_id)[side]["players"]
    }
    assert sum(theirs.values()) > 0
    assert {key: int(ours[key]) for key in theirs} == theirs


@pytest.mark.parametrize(
    ("question", "match_id", "word"),
    [
        ("was there an equaliser in arsenal v spurs", NLD, "No."),
        ("was there an equaliser in chelsea v arsenal", CHELSEA_ARSENAL, "Yes."),
        ("was there an own goal in fulham v brentford", FULHAM_BRENTFORD, "Yes."),
    ],
)
def test_was_there_a_goal_of_a_kind(answerer: Answerer, question: str, match_id: str, word: str) -> None:
    """Yes or no first, by whether the raw goals hold one that levelled the score (or an own goal)."""
    goals = raw_goals(match_id)
    happened = any(g["own"] for g in goals) if "own goal" in question else any(g["home"] == g["away"] for g in goals)
    assert happened == (word == "Yes.")
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches == [match_id] and a.answer.startswith(word), a.answer
