"""Fact questions asked as people type them, sixteenth round: the gaps round 15 left, each as a family. Named derbies
as fixtures (the table in ``configs/derbies.yaml``: a derby outside the data said so, "the derby" alone asked back);
shouted questions and names cut short with a dot ("TOTTENHAM H.'S ..."); a player against a club with no verb ("saka v
spurs": his figures in the meeting); captains and formations over a period or the season; fantasy prices and points,
betting, hometowns, youth, reserve and women's teams, and misspelt subjects refused; xG of a match said not held.

Expected figures are counted here from the raw WhoScored files.
"""

from __future__ import annotations

from collections import Counter

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round3 import results
from tests.integration.test_questions_as_typed_round15b import raw_captain

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December")  # fmt: skip


def meetings(one: str, other: str) -> list[dict]:
    """Return the season's finished meetings of two clubs, oldest first."""
    return [r for r in results() if {r["home"], r["away"]} == {one, other}]


def label(row: dict) -> str:
    """Return a match as answers name it ("Arsenal 4-1 Tottenham (23 November 2025)")."""
    day, month = int(row["start_date"][8:10]), MONTHS[int(row["start_date"][5:7]) - 1]
    return f"{row['home']} {row['hg']}-{row['ag']} {row['away']} ({day} {month} {row['start_date'][:4]})"


def raw_starting_formation(match_id: str, team: str) -> str:
    """Return the formation ``team`` started ``match_id`` in, as answers write it ("4231" -> "4-2-3-1")."""
    data = raw_whoscored(match_id)
    side = next(s for s in ("home", "away") if data[s]["name"] == team)
    return "-".join(data[side]["formations"][0]["formationName"])


def played(team: str, first: str = "2025-08-01", last: str = "2026-06-30") -> list[dict]:
    """Return ``team``'s finished matches played first..last, oldest first."""
    return [r for r in results() if team in (r["home"], r["away"]) and first <= r["start_date"][:10] <= last]


def counted(values: Counter) -> str:
    """Return counts as answers list them: the most first, level ones by name ("4-3-3 15, 4-2-3-1 3")."""
    ordered = sorted(values.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{value} {n}" for value, n in ordered)


# --- named derbies are fixtures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["merseyside derby result", "the mersey derby score?", "MERSEYSIDE DERBY RESULT"])
def test_a_named_derby_is_its_meeting(answerer: Answerer, question: str) -> None:
    (row,) = meetings("Liverpool", "Everton")
    a = ask(answerer, question)
    assert a.matches == [row["whoscored_id"]], a.answer
    assert a.answer.startswith(f"{row['home']} {row['hg']}-{row['ag']} {row['away']} on "), a.answer


@pytest.mark.parametrize(
    "question", ["the mancunian derby ref", "who reffed the manc derby", "WHO WAS THE REFEREE FOR THE MANCHESTER DERBY"]
)
def test_a_derbys_other_names_are_read(answerer: Answerer, question: str) -> None:
    (row,) = meetings("Man City", "Man Utd")
    referee = raw_whoscored(row["whoscored_id"])["referee"]["name"]
    a = ask(answerer, question)
    assert a.intent is Intent.REFEREE and a.answer == f"The referee was {referee} ({label(row)}).", a.answer


@pytest.mark.parametrize(
    "question", ["west london derby result", "who won the west london derby", "WEST LONDON DERBY SCORE?"]
)
def test_a_derby_played_twice_is_the_latest_with_the_other_said(answerer: Answerer, question: str) -> None:
    earlier, latest = meetings("Chelsea", "Fulham")
    a = ask(answerer, question)
    assert a.matches[0] == latest["whoscored_id"], a.answer
    assert "2 matches fit the question; this is the latest meeting." in a.answer
    assert f"Others: {label(earlier)}." in a.answer


@pytest.mark.parametrize(
    ("question", "club", "rival"),
    [
        ("spurs in the derby", "Tottenham", "Arsenal"),
        ("who scored for everton in the derby", "Everton", "Liverpool"),
        ("TYNE-WEAR DERBY SCORE", "Sunderland", "Newcastle"),
    ],
)
def test_a_derby_with_one_club_named_or_hyphenated(answerer: Answerer, question: str, club: str, rival: str) -> None:
    (row,) = meetings(club, rival)
    a = ask(answerer, question)
    assert a.matches == [row["whoscored_id"]], a.answer


@pytest.mark.parametrize("question", ["what time did the derby kick off", "the derby", "DERBY SCORE??"])
def test_the_derby_with_no_club_named_is_asked_back(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.CLARIFY and a.answer.startswith("Which derby do you mean: "), a.answer
    for derby, pair in [("North London", "Arsenal v Tottenham"), ("Merseyside", "Everton v Liverpool")]:
        assert f"the {derby} derby ({pair})" in a.answer


def test_the_derby_after_a_fixture_is_that_fixture(answerer: Answerer) -> None:
    _, previous = answerer.ask("arsenal v spurs score")
    (row,) = meetings("Arsenal", "Tottenham")
    start = raw_whoscored(row["whoscored_id"])["startTime"][11:16]
    answer, _ = answerer.ask("what time did the derby kick off", previous)
    assert answer.matches == [row["whoscored_id"]] and f"kicked off at {start}" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "outside"),
    [
        ("second city derby score", "Birmingham City is not in the data."),
        ("who won el clasico", "Barcelona, Real Madrid are not in the data."),
        ("THE EAST MIDLANDS DERBY RESULT", "Derby County is not in the data."),
    ],
)
def test_a_derby_outside_the_data_is_said_so(answerer: Answerer, question: str, outside: str) -> None:
    """Never another match: "city" of "second city" is no Man City."""
    a = ask(answerer, question)
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith(outside), a.answer


# --- shouted questions and names cut short with a dot -------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "TOTTENHAM H.'S STARTING XI SHAPE UP AGANST CHELSEA",
        "tottenham h.'s shape v chelsea",
        "WHAT FORMATION DID TOTTENHAM H. PLAY AGAINST CHELSEA",
    ],
)
def test_shouted_words_are_no_unknown_clubs(answerer: Answerer, question: str) -> None:
    (row,) = meetings("Tottenham", "Chelsea")
    a = ask(answerer, question)
    assert a.intent is Intent.FORMATION and a.matches == [row["whoscored_id"]], a.answer
    assert f"Tottenham lined up in a {raw_starting_formation(row['whoscored_id'], 'Tottenham')}" in a.answer


@pytest.mark.parametrize(
    ("question", "team", "other"),
    [
        ("WHO SCORED FOR ARSENAL V SPURS", "Arsenal", "Tottenham"),
        ("WHO SCORED FOR MAN. UTD V CHELSEA", "Man Utd", "Chelsea"),
        ("WHO SCORED FOR NOTTM. FOREST AGAINST LIVERPOOL", "Nottingham Forest", "Liverpool"),
    ],
)
def test_shouted_fixtures_with_dotted_names(answerer: Answerer, question: str, team: str, other: str) -> None:
    (row,) = meetings(team, other)
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches == [row["whoscored_id"]], a.answer


# --- a player against a club, no verb -----------------------------------------------------------------------------


def raw_goals_of(match_id: str, name: str) -> int:
    """Return ``name``'s goals in the match, own goals aside."""
    data = raw_whoscored(match_id)
    return sum(
        e["type"]["displayName"] == "Goal"
        and data["playerIdNameDictionary"].get(str(e.get("playerId"))) == name
        and all(q["type"]["displayName"] != "OwnGoal" for q in e["qualifiers"])
        for e in data["events"]
    )


@pytest.mark.parametrize(
    ("question", "name", "club", "opponent"),
    [
        ("barnes against man city", "Harvey Barnes", "Newcastle", "Man City"),
        ("saka v spurs", "Bukayo Saka", "Arsenal", "Tottenham"),
        ("EKITIKE VS EVERTON", "Hugo Ekitiké", "Liverpool", "Everton"),
    ],
)
def test_a_player_against_a_club_is_his_figures_in_their_meeting(
    answerer: Answerer, question: str, name: str, club: str, opponent: str
) -> None:
    (row,) = meetings(club, opponent)
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT and a.matches == [row["whoscored_id"]], a.answer
    goals = raw_goals_of(row["whoscored_id"], name)
    assert a.answer.startswith(f"{name} in {label(row)}: 1 appearance, ") and f"; goals {goals}, " in a.answer


def test_a_player_who_missed_the_meeting_is_said_so(answerer: Answerer) -> None:
    (row,) = meetings("Chelsea", "Arsenal")
    data = raw_whoscored(row["whoscored_id"])
    (palmer,) = [p for p in data["home"]["players"] if p["name"] == "Cole Palmer"]
    assert not palmer.get("isFirstEleven") and "subbedInExpandedMinute" not in palmer  # an unused substitute
    a = ask(answerer, "palmer vs arsenal")
    assert a.answer == f"Cole Palmer did not play in {label(row)}.", a.answer


# --- captains and formations over a period ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["who captained liverpool this season", "WHO HAS CAPTAINED LIVERPOOL SO FAR", "liverpool skippers this season"],
)
def test_a_clubs_captains_over_the_season_are_counted(answerer: Answerer, question: str) -> None:
    rows = played("Liverpool")
    captains = Counter(raw_captain(r["whoscored_id"], "home" if r["home"] == "Liverpool" else "away") for r in rows)
    a = ask(answerer, question)
    assert a.answer.startswith(f"Liverpool's captains in the data so far, {len(rows)} matches: {counted(captains)}."), (
        a.answer
    )


@pytest.mark.parametrize(
    ("question", "team", "first", "last", "scope"),
    [
        ("what formations did arsenal use in november", "Arsenal", "2025-11-01", "2025-11-30", "November 2025"),
        ("arsenal formations so far", "Arsenal", "2025-08-01", "2026-06-30", "the data so far"),
        ("WHAT SHAPE HAS CHELSEA PLAYED THIS SEASON", "Chelsea", "2025-08-01", "2026-06-30", "the data so far"),
    ],
)
def test_a_clubs_formations_over_a_period_are_counted(
    answerer: Answerer, question: str, team: str, first: str, last: str, scope: str
) -> None:
    rows = played(team, first, last)
    shapes = Counter(raw_starting_formation(r["whoscored_id"], team) for r in rows)
    a = ask(answerer, question)
    assert a.intent is Intent.FORMATION, a.answer
    assert a.answer.startswith(f"{team}'s starting formations in {scope}, {len(rows)} matches: {counted(shapes)}.")


@pytest.mark.parametrize(
    "question",
    [
        "who reffed liverpool's games this season",
        "WHICH REFEREES DID LIVERPOOL HAVE SO FAR",
        "liverpool refs this season",
    ],
)
def test_a_clubs_referees_over_the_season_are_counted(answerer: Answerer, question: str) -> None:
    rows = played("Liverpool")
    referees = Counter(raw_whoscored(r["whoscored_id"])["referee"]["name"] for r in rows)
    a = ask(answerer, question)
    assert a.intent is Intent.REFEREE, a.answer
    assert a.answer.startswith(f"Liverpool's referees in the data so far, {len(rows)} matches: {counted(referees)}.")


@pytest.mark.parametrize(
    ("question", "first", "last", "scope"),
    [
        ("what time did arsenal kick off this season", "2025-08-01", "2026-06-30", "the data so far"),
        ("ARSENAL KICK OFF TIMES SO FAR", "2025-08-01", "2026-06-30", "the data so far"),
        ("arsenal ko times in december", "2025-12-01", "2025-12-31", "December 2025"),
    ],
)
def test_a_clubs_kick_off_times_over_a_period_are_counted(
    answerer: Answerer, question: str, first: str, last: str, scope: str
) -> None:
    rows = played("Arsenal", first, last)
    times = Counter(raw_whoscored(r["whoscored_id"])["startTime"][11:16] for r in rows)
    a = ask(answerer, question)
    assert a.answer.startswith(
        f"Arsenal's kick-off times in {scope} (as WhoScored's match files give them), {len(rows)} matches: "
        f"{counted(times)}."
    ), a.answer


# --- refusals -----------------------------------------------------------------------------------------------------

FANTASY = "The data does not hold fantasy (FPL) prices or points"
BETTING = "The data does not hold betting odds"
LIVES = "not their ages, birthdays, hometowns or lives off the pitch"
TEAMS = "The data does not hold youth, reserve or women's teams"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("haaland fpl price", FANTASY),
        ("saka fantasy points v spurs", FANTASY),
        ("HOW MANY BONUS POINTS DID RICE GET", FANTASY),
        ("what price were arsenal to win at spurs", BETTING),
        ("was haaland 2/1 to score v everton", BETTING),
        ("bet365 arsenal v spurs", BETTING),
        ("salah hometown", LIVES),
        ("where is saka from", LIVES),
        ("WHERE DID RICE GROW UP", LIVES),
        ("arsenal women result", TEAMS),
        ("chelsea u21s v spurs", TEAMS),
        ("MAN CITY ACADEMY PLAYERS", TEAMS),
        ("what bots does saka wear", "The data does not hold kits"),
        ("is saka injred", "not injuries or fitness news"),
        ("whats the wether like for arsenal v spurs", "The data does not hold the weather"),
    ],
)
def test_subjects_outside_the_data_are_refused(answerer: Answerer, question: str, said: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and said in a.answer, a.answer


def test_look_alikes_of_refused_subjects_are_answered(answerer: Answerer) -> None:
    rows = played("Arsenal", "2025-12-01", "2025-12-31")
    scores = [(r["hg"], r["ag"]) if r["home"] == "Arsenal" else (r["ag"], r["hg"]) for r in rows]
    points = sum(3 if mine > theirs else int(mine == theirs) for mine, theirs in scores)
    a = ask(answerer, "how many points did arsenal get in december")
    assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Arsenal points in total: {points}."), a.answer
    (row,) = meetings("Arsenal", "Tottenham")
    a = ask(answerer, "did arsenal get a boost from beating spurs")  # "boost" is no slip of "boots"
    assert a.intent is not Intent.OUT_OF_SCOPE and a.matches == [row["whoscored_id"]], a.answer


# --- xG not held, at match level ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["arsenal xg v spurs", "XG ARSENAL V SPURS", "what was the expected goals in chelsea vs everton"]
)
def test_a_matchs_xg_is_said_not_in_the_tables(answerer: Answerer, question: str) -> None:
    assert answerer.book.t.shots["xg"].isna().all()  # these tables are built without the xG model
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and a.answer.startswith(
        "The data does not hold xG: these tables were built without the xG model"
    ), a.answer
    assert "n/a" not in a.answer


def test_no_xg_is_offered_or_said_without_the_model(answerer: Answerer) -> None:
    a = ask(answerer, "who was the mascot at brighton")
    assert "team and player figures (shots, passes, tackles and more)" in a.answer and "xG" not in a.answer, a.answer
    a = ask(answerer, "how did arsenal play in december")  # a club's period told without "xG n/a"
    assert "Arsenal per match in December 2025: shots " in a.answer and "xG" not in a.answer, a.answer
    a = ask(answerer, "rice v chelsea")  # no shot: no "xG 0.00" either
    assert a.intent is Intent.PLAYER_STAT and "shots 0" in a.answer and "xG" not in a.answer, a.answer
