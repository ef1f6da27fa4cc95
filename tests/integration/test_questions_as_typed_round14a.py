"""Questions as typed, round 14 A (issue 15): refusal by default. A question whose subject the tables do not hold
(distance run, speed, the weather, VAR, a shoot-out, odds, xA, carries, duels, nutmegs, monthly awards, bans, kits,
linesmen, chants, caps, the pitch, the coin toss) is refused with what the data holds instead, never answered with
something near (a match summary, a season total, a near-miss statistic) nor asked back; a held subject in a
competition or season the data lacks is refused too; a question no rule reads is refused when it names nothing the
data holds, and asked back only when it does. Questions that look alike but are held ("who had the most touches",
"the heat map", "aerial duels", "pens scored", "the ref", "the crowd", "which ground") are answered.

Expected figures and names are read here from the raw WhoScored files and the season's match index, never from the
tables the answers read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from football_rag.analytics.stat_registry import STATS, Stat
from football_rag.analytics.tables import MatchTables
from football_rag.rag import held
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.held import Holdings
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import (
    ask,
    leaders,
    player_totals,
    raw_events,
    scorer_goals,
    season_ids,
)
from tests.integration.test_questions_as_typed_round3 import raw_side
from tests.integration.test_questions_as_typed_round11a import record
from tests.integration.test_questions_as_typed_round12a import the_meeting
from tests.integration.test_questions_as_typed_round12b import LAST, assists

FIRST = "2025-08-15"
NLD = ("Arsenal", "Tottenham")  # 23 November 2025
CHELSEA_ARSENAL = ("Chelsea", "Arsenal")  # 30 November 2025
ARSENAL_CITY = ("Arsenal", "Man City")  # 21 September 2025
CITY_UNITED = ("Man City", "Man Utd")  # 14 September 2025

# --- subjects the tables do not hold: refused, with what is held instead -------------------------------------------

DISTANCE, SPEED, WEATHER = "distance covered", "speed, sprints or physical data", "the weather"
VAR, SHOOT_OUTS, ODDS = "VAR decisions or disallowed goals", "penalty shoot-outs", "betting odds"
XA, XGOT, XPTS = "expected assists (xA)", "post-shot xG (xGOT)", "expected points"
CARRIES, DUELS, SKILLS = "carries", "pressures, duels or ball recoveries", "skills and tricks"
AWARDS, BANS, KITS = "monthly or season awards", "suspensions, bans or fines", "kits"
OFFICIALS, FANS = "match officials other than the referee", "fans' chants or social media"
CAREERS, PITCH, CEREMONIES = (
    "careers or international records",
    "the pitch's condition",
    "pre-match ceremonies or the coin toss",
)


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("how far did rice run v spurs", DISTANCE),
        ("distance covered by arsenal vs chelsea", DISTANCE),
        ("who covered the most ground this season", DISTANCE),
        ("how many km did caicedo run", DISTANCE),
        ("total distance ran by liverpool in december", DISTANCE),
        ("whats saka top speed", SPEED),
        ("fastest player in the prem", SPEED),
        ("how many sprints did salah do v spurs", SPEED),
        ("what was salahs heart rate lol", SPEED),
        ("high intensity runs by rice v city", SPEED),
        ("was it raining at anfield v everton", WEATHER),
        ("what was the weather like for arsenal v spurs", WEATHER),
        ("how cold was it at villa park", WEATHER),
        ("was there snow at the leeds game", WEATHER),
        ("how many var decisions went against spurs", VAR),
        ("goals disallowed v wolves", VAR),
        ("was the var check on isak goal right", VAR),
        ("how many goals have arsenal had chalked off", VAR),
        ("did arsenal win on pens", SHOOT_OUTS),
        ("penalty shootout results this season", SHOOT_OUTS),
        ("who missed in the shoot out", SHOOT_OUTS),
        ("what odds were arsenal to beat spurs", ODDS),
        ("bookies favourite for the title", ODDS),
        ("what would saka go for on the market", "market values"),
        ("whats rice's price tag", "market values"),
        ("who has the highest xa this season", XA),
        ("most expected assists", XA),
        ("saka xgot v spurs", XGOT),
        ("arsenal expected points this season", XPTS),
        ("progressive carries by rice", CARRIES),
        ("who made the most carries in arsenal v spurs", CARRIES),
        ("most pressures this season", DUELS),
        ("who has the most duels won", DUELS),
        ("ball recoveries by caicedo", DUELS),
        ("how many nutmegs did doku do", SKILLS),
        ("any bicycle kicks this season", SKILLS),
        ("who won player of the month in november", AWARDS),
        ("goal of the month october?", AWARDS),
        ("who is suspended for the next game", BANS),
        ("is caicedo banned after his red", BANS),
        ("what kit did arsenal wear v spurs", KITS),
        ("what colour shirts did chelsea wear", KITS),
        ("who was the fourth official at arsenal v spurs", OFFICIALS),
        ("who were the linesmen in chelsea v arsenal", OFFICIALS),
        ("what did the fans chant at anfield", FANS),
        ("how many instagram followers does saka have", FANS),
        ("how many caps does rice have", CAREERS),
        ("haaland career goals", CAREERS),
        ("what was the pitch condition at molineux", PITCH),
        ("who won the coin toss in arsenal v spurs", CEREMONIES),
    ],
)
def test_a_subject_the_tables_do_not_hold_is_refused_with_what_they_hold(
    answerer: Answerer, question: str, subject: str
) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and not a.matches, a.answer
    assert a.answer.startswith(f"The data does not hold {subject}; it holds "), a.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("haaland goals in the champions league", "The data has no champions league matches"),
        ("whats the attendance at the fa cup final", "The data has no fa cup matches"),
        ("most assists in the 23/24 season", "The 2023/24 season is not in the data"),
    ],
)
def test_a_held_subject_in_a_competition_or_season_not_loaded_is_refused(
    answerer: Answerer, question: str, said: str
) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and a.answer.startswith(said), a.answer


def test_a_question_no_rule_reads_is_refused_unless_it_names_something_held(answerer: Answerer) -> None:
    """Refusal by default: naming nothing held and no match, it is not in the data. A held subject once not read is
    answered since it is read (captains and kick-off times since round 15 B, a shirt number since round 17)."""
    for question, about in (("who was the mascot at brighton", " about Brighton"), ("which 3 go down this season", "")):
        a = ask(answerer, question)
        assert a.intent is Intent.OUT_OF_SCOPE and not a.matches, a.answer
        assert a.answer.startswith(f"What you ask{about} is not in the data."), a.answer
    match_id = the_meeting(*NLD)
    number = next(p["shirtNo"] for p in raw_side(match_id, "Arsenal")["players"] if p["name"] == "Declan Rice")
    a = ask(answerer, "what squad number was rice in arsenal v spurs")
    assert a.matches == [match_id] and a.answer.startswith(f"Declan Rice wore number {number} in "), a.answer
    a = ask(answerer, "how many points this season")
    assert a.intent is Intent.CLARIFY and a.answer == "Which team do you mean?", a.answer


# --- what is held is derived from the tables and the registry ------------------------------------------------------


def test_a_subject_is_held_when_its_column_has_values(season_tables: MatchTables) -> None:
    """The attendance is held while the matches carry it; a shoot-out once one match has its score."""
    holdings = Holdings(season_tables)
    assert holdings.refusal("whats the crowd at arsenal v spurs") is None
    assert holdings.subject_not_held("did arsenal win on pens").name == SHOOT_OUTS
    matches = season_tables.matches
    emptied = Holdings(replace(season_tables, matches=matches.assign(attendance=None)))
    assert emptied.subject_not_held("whats the crowd at arsenal v spurs").name == "the attendance"
    shoot_out = matches.assign(pen_home_goals=matches["pen_home_goals"].where(matches.index != matches.index[0], 4))
    assert Holdings(replace(season_tables, matches=shoot_out)).subject_not_held("did arsenal win on pens") is None


def test_a_statistic_added_to_the_registry_is_held_with_no_other_edit(
    season_tables: MatchTables, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Holdings(season_tables).subject_not_held("most pressures this season").name == DUELS
    monkeypatch.setattr(held, "STATS", (*STATS, Stat("pressures", "pressures", asked=r"\bpressures\b")))
    assert Holdings(season_tables).subject_not_held("most pressures this season") is None


# --- questions that look alike but are held: answered from the tables ---------------------------------------------


def _players_leaders(match: tuple[str, str], stat: str) -> tuple[str, int, set[str]]:
    """Return the WhoScored id of ``match``, and its most of ``stat`` by one player with who had it."""
    match_id = the_meeting(*match)
    best, names = leaders(player_totals(match_id, stat))
    return match_id, best, names


@pytest.mark.parametrize(
    ("question", "match", "stat", "label"),
    [
        ("who had the most touches in arsenal v spurs", NLD, "touches", "touches"),
        ("who made the most tackles in chelsea v arsenal", CHELSEA_ARSENAL, "tacklesTotal", "tackles"),
        ("most passes in man city v man utd", CITY_UNITED, "passesTotal", "passes"),
        ("who won the most headers in arsenal v city", ARSENAL_CITY, "aerialsWon", "aerials won"),
        ("who won the most aerial duels in arsenal v spurs", NLD, "aerialsWon", "aerials won"),
        ("most clearances in chelsea v arsenal", CHELSEA_ARSENAL, "clearances", "clearances"),
        ("most dribbles arsenal v spurs", NLD, "dribblesWon", "dribbles completed"),
        ("who had the most shots in city v united", CITY_UNITED, "shotsTotal", "shots"),
        ("most key passes in arsenal v spurs", NLD, "passesKey", "key passes"),
        ("who made the most interceptions in city v utd", CITY_UNITED, "interceptions", "interceptions"),
        ("most passes chelsea arsenal game", CHELSEA_ARSENAL, "passesTotal", "passes"),
    ],
)
def test_a_matchs_most_of_a_held_figure_is_answered(
    answerer: Answerer, question: str, match: tuple[str, str], stat: str, label: str
) -> None:
    match_id, best, names = _players_leaders(match, stat)
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and a.matches == [match_id], a.answer
    (name,) = names
    assert f"{name} ({raw_team(match_id, name)}) had the most {label} in " in a.answer, a.answer
    assert a.answer.split(". ")[0].endswith(f": {best}"), a.answer


def raw_team(match_id: str, player: str) -> str:
    """Return the club ``player`` played for in the match, from the raw file."""
    data = raw_whoscored(match_id)
    return next(data[s]["name"] for s in ("home", "away") if any(p["name"] == player for p in data[s]["players"]))


def raw_team_total(match_id: str, team: str, stat: str) -> int:
    """Return ``team``'s match total of WhoScored's per-minute team ``stat``."""
    return int(sum(raw_side(match_id, team)["stats"][stat].values()))


@pytest.mark.parametrize(
    ("question", "match", "team", "stat", "label"),
    [
        ("how many fouls did arsenal commit v spurs", NLD, "Arsenal", "foulsCommited", "fouls"),
        ("how many fouls did chelsea give away vs arsenal", CHELSEA_ARSENAL, "Chelsea", "foulsCommited", "fouls"),
        ("how many corners did city get v united", CITY_UNITED, "Man City", "cornersTotal", "corners"),
        ("how many touches did arsenal have v spurs", NLD, "Arsenal", "touches", "touches"),
        ("how many shots did spurs have at arsenal", NLD, "Tottenham", "shotsTotal", "shots"),
        ("how many corners did man utd get v city", CITY_UNITED, "Man Utd", "cornersTotal", "corners"),
        ("how many fouls did spurs commit at arsenal", NLD, "Tottenham", "foulsCommited", "fouls"),
    ],
)
def test_a_clubs_count_in_a_match_is_answered(
    answerer: Answerer, question: str, match: tuple[str, str], team: str, stat: str, label: str
) -> None:
    match_id = the_meeting(*match)
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches[:1] == [match_id], a.answer
    assert a.answer.startswith(f"{team} had {raw_team_total(match_id, team, stat)} {label} against "), a.answer


@pytest.mark.parametrize(
    ("question", "match", "intent", "said"),
    [
        (
            "who was the ref for arsenal v spurs",
            NLD,
            Intent.REFEREE,
            lambda d: f"The referee was {d['referee']['name']}",
        ),
        ("who reffed chelsea v arsenal", CHELSEA_ARSENAL, Intent.REFEREE, lambda d: d["referee"]["name"]),
        ("whats the attendance at arsenal v city", ARSENAL_CITY, Intent.ATTENDANCE, lambda d: str(d["attendance"])),
        ("how big was the crowd at city v united", CITY_UNITED, Intent.ATTENDANCE, lambda d: str(d["attendance"])),
        ("what stadium was chelsea v arsenal at", CHELSEA_ARSENAL, Intent.VENUE, lambda d: d["venueName"]),
        ("which ground was man city v man utd played at", CITY_UNITED, Intent.VENUE, lambda d: d["venueName"]),
        (
            "who was motm in arsenal v spurs",
            NLD,
            Intent.MAN_OF_THE_MATCH,
            lambda d: next(p["name"] for s in ("home", "away") for p in d[s]["players"] if p["isManOfTheMatch"]),
        ),
    ],
)
def test_a_matchs_official_ground_crowd_or_best_player_is_answered(
    answerer: Answerer, question: str, match: tuple[str, str], intent: Intent, said
) -> None:
    match_id = the_meeting(*match)
    a = ask(answerer, question)
    assert a.intent is intent and a.matches[:1] == [match_id], a.answer
    assert said(raw_whoscored(match_id)) in a.answer, a.answer


def test_who_was_sent_off_and_who_was_booked_are_answered(answerer: Answerer) -> None:
    for match, kinds, question in (
        (CHELSEA_ARSENAL, ("Red", "SecondYellow"), "who was sent off in chelsea v arsenal"),
        (NLD, ("Yellow",), "who got booked in arsenal v spurs"),
    ):
        match_id = the_meeting(*match)
        data = raw_whoscored(match_id)
        names = data["playerIdNameDictionary"]
        shown = {names[str(e["playerId"])] for e in data["events"] if e.get("cardType", {}).get("displayName") in kinds}
        a = ask(answerer, question)
        assert a.intent is Intent.CARDS and a.matches[:1] == [match_id] and shown, a.answer
        assert all(name in a.answer for name in shown), a.answer


def test_no_card_in_a_match_is_said_as_none(answerer: Answerer) -> None:
    match_id = the_meeting(*CITY_UNITED)
    data = raw_whoscored(match_id)
    yellows = sum(e.get("cardType", {}).get("displayName") == "Yellow" for e in data["events"])
    a = ask(answerer, "how many yellows in city v united")
    assert a.answer.startswith(f"{yellows} yellow cards in the match."), a.answer


def _season_totals(stat: str) -> Counter:
    """Return player name -> his season total of WhoScored's per-minute ``stat``."""
    totals: Counter = Counter()
    for match_id in season_ids():
        if raw_whoscored(match_id)["statusCode"] == 6:
            totals.update(player_totals(match_id, stat))
    return totals


@pytest.mark.parametrize(
    ("question", "counts", "label"),
    [
        ("top scorer in january", lambda: scorer_goals("2026-01-01", "2026-01-31"), "goals in January 2026"),
        ("who scored the most in october", lambda: scorer_goals("2025-10-01", "2025-10-31"), "goals in October 2025"),
        ("most assists in september", lambda: assists("2025-09-01", "2025-09-30"), "assists in September 2025"),
        ("who had the most touches this season", lambda: _season_totals("touches"), "touches in the data so far"),
        ("who made the most tackles this season", lambda: _season_totals("tacklesTotal"), "tackles in the data so far"),
        ("who has the most assists", lambda: assists(FIRST, LAST), "assists in the data so far"),
        ("top scorer this season", lambda: scorer_goals(FIRST, LAST), "goals in the data so far"),
    ],
)
def test_a_periods_leaders_of_a_held_figure_are_answered(answerer: Answerer, question: str, counts, label: str) -> None:
    best, names = leaders(counts())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and label in a.answer, a.answer
    assert all(name in a.answer for name in names) and f" {best}" in a.answer, a.answer


def _penalties_scored(team: str) -> int:
    """Return ``team``'s goals from penalties in the season (WhoScored's Penalty qualifier on its goal events)."""
    return sum(
        any(q["type"]["displayName"] == "Penalty" for q in goal["qualifiers"])
        for data, goal in raw_events("Goal", FIRST, LAST)
        for side in ("home", "away")
        if data[side]["name"] == team and goal["teamId"] == data[side]["teamId"]
    )


def test_penalties_scored_and_red_cards_are_counted_not_refused(answerer: Answerer) -> None:
    """ "pens" and "penalties" scored are held (a shoot-out is not); the season's red cards are counted."""
    penalties = _penalties_scored("Chelsea")
    a = ask(answerer, "how many penalties have chelsea scored")
    assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Chelsea penalties scored in total: {penalties}.")
    reds = sum(
        e["cardType"]["displayName"] in ("Red", "SecondYellow")
        for data, e in raw_events("Card", FIRST, LAST)
        if data["statusCode"] == 6
    )
    a = ask(answerer, "how many red cards this season")
    assert a.answer.startswith(f"Red cards in the data so far: {reds} in "), a.answer


def test_a_heat_map_goal_minutes_a_result_and_a_clubs_conceded_are_answered(answerer: Answerer) -> None:
    match_id = the_meeting(*NLD)
    a = ask(answerer, "show the heat map for arsenal v spurs")
    assert a.intent is Intent.CHART and a.matches[:1] == [match_id], a.answer
    a = ask(answerer, "did arsenal beat spurs")
    data = raw_whoscored(match_id)
    assert a.answer.startswith(f"Yes. Arsenal {data['score'].replace(' : ', '-')} Tottenham"), a.answer
    _, conceded = record("Arsenal", "2025-11-01", "2025-11-30")
    a = ask(answerer, "how many goals did arsenal concede in november")
    assert a.answer.startswith(f"Arsenal goals conceded in total: {conceded}."), a.answer
    goals = scorer_goals(FIRST, LAST)["Erling Haaland"]
    a = ask(answerer, "how many goals has haaland scored this season")
    assert a.answer.startswith(f"Erling Haaland: {goals} goals"), a.answer
