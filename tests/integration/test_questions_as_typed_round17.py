"""Fact questions asked as people type them, seventeenth round: the families blind set 10's misses showed (the set
was released to the fixer; each family is tested here in other words). A weekday beside a date is that date's ("the
saturday game in early december (6th)", "late nov 30th") and a year-first date may be dotted ("2025.12.06"); a nickname
beside the club's name names that club once ("chelsea fc (blues)"); a two-word name cut short ("cry pal"); a club's
full name ("fulham footy club") ranks no clubs, so a match's most is a player's; "X hosted Y" names a fixture, not a
venue asked; "how many minutes in" asks a goal's time; "if poss" and emoji are chat, not possession or words; a player
against the club he left in the season; "his" after the scorer of a goal asked; agents, music, titles, training
grounds, the food at a ground and coefficients refused; clubs of the other English and Scottish leagues said outside
the data; two days side by side a span ("1 sep 30 nov"); last round's gaps ("who led spurs against arsenal", "who took
arsenal v spurs", blocks) and a player's shirt number, held in the line-ups, answered.

Expected figures are counted here from the raw WhoScored files.
"""

from __future__ import annotations

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, leaders, player_totals, season_ids
from tests.integration.test_questions_as_typed_round3 import raw_side, results
from tests.integration.test_questions_as_typed_round4 import raw_goals
from tests.integration.test_questions_as_typed_round16 import label, meetings


def only_meeting(one: str, other: str) -> dict:
    """Return the one finished meeting of two clubs in the season (the test's premise)."""
    (row,) = meetings(one, other)
    return row


def man_of_the_match(match_id: str) -> str:
    """Return WhoScored's man of the match of the match."""
    data = raw_whoscored(match_id)
    return next(p["name"] for s in ("home", "away") for p in data[s]["players"] if p["isManOfTheMatch"])


# --- a weekday beside a date is that date's; a dotted year-first date ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "one", "other", "day"),
    [
        ("score in chelsea v wolves, on the saturday in early november (8th)", "Chelsea", "Wolves", "2025-11-08"),
        ("liverpool v wolves ref (saturday game, 27 dec)", "Liverpool", "Wolves", "2025-12-27"),
        ("who scored when west ham hosted liverpool, sunday, late nov 30th", "West Ham", "Liverpool", "2025-11-30"),
        ("everton forest ref from the saturday game in early dec (6th)", "Everton", "Nottingham Forest", "2025-12-06"),
        ("aston villa v arsenal result 2025.12.06", "Aston Villa", "Arsenal", "2025-12-06"),
        ("everton v forest ref on 2025.12.30", "Everton", "Nottingham Forest", "2025-12-30"),
    ],
)
def test_a_weekday_beside_a_date_and_a_dotted_date_name_that_day(
    answerer: Answerer, question: str, one: str, other: str, day: str
) -> None:
    (row,) = [r for r in meetings(one, other) if r["start_date"][:10] == day]
    a = ask(answerer, question)
    assert a.intent is not Intent.UNKNOWN_MATCH and a.matches == [row["whoscored_id"]], a.answer
    assert label(row) in a.answer or a.answer.startswith(f"{row['home']} {row['hg']}-{row['ag']} {row['away']} on ")


# --- one club named twice side by side; a two-word name cut short -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "one", "other"),
    [
        ("who scored in chelsea (the blues) v liverpool", "Chelsea", "Liverpool"),
        ("everton fc (toffees) v chelsea fc (blues) score", "Everton", "Chelsea"),
        ("liverpool reds v sunderland black cats ref", "Liverpool", "Sunderland"),
        ("cry pal v brighton score", "Crystal Palace", "Brighton"),
        ("who reffed ast vil v burnley", "Aston Villa", "Burnley"),
        ("tot hot v wes ham result", "Tottenham", "West Ham"),
    ],
)
def test_a_club_named_twice_or_cut_short_is_one_club(answerer: Answerer, question: str, one: str, other: str) -> None:
    row = only_meeting(one, other)
    a = ask(answerer, question)
    assert a.matches == [row["whoscored_id"]], a.answer
    if "ref" in question:
        referee = raw_whoscored(row["whoscored_id"])["referee"]["name"]
        assert a.answer == f"The referee was {referee} ({label(row)}).", a.answer


# --- a club's full name ranks no clubs: a match's most is a player's ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "one", "other", "stat"),
    [
        ("most tackles in liverpool footy club v bournemouth, who", "Liverpool", "Bournemouth", "tacklesTotal"),
        ("villa football club v burnley soccer club, who had the most shots", "Aston Villa", "Burnley", "shotsTotal"),
        ("which player led for interceptions, fulham footy club v arsenal", "Fulham", "Arsenal", "interceptions"),
    ],
)
def test_a_matchs_most_beside_a_clubs_full_name_is_a_players(
    answerer: Answerer, question: str, one: str, other: str, stat: str
) -> None:
    match_id = only_meeting(one, other)["whoscored_id"]
    best, names = leaders(player_totals(match_id, stat))
    a = ask(answerer, question)
    first = a.answer.split(". ")[0]
    assert a.intent is Intent.RANKING and a.matches == [match_id], a.answer
    assert all(name in first for name in names) and f"{best}" in first, a.answer


# --- "X hosted Y" names a fixture; the highest rating is a player's -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("motm when arsenal hosted spurs", "Arsenal", "Tottenham"),
        ("star man as man utd hosted brighton", "Man Utd", "Brighton"),
        ("standout player going by ratings, west ham hosted chelsea", "West Ham", "Chelsea"),
    ],
)
def test_a_club_that_hosted_names_the_fixture_not_the_venue(
    answerer: Answerer, question: str, home: str, away: str
) -> None:
    match_id = only_meeting(home, away)["whoscored_id"]
    a = ask(answerer, question)
    assert a.intent is Intent.MAN_OF_THE_MATCH and man_of_the_match(match_id) in a.answer, a.answer


def test_which_ground_hosted_still_asks_the_venue(answerer: Answerer) -> None:
    row = only_meeting("Arsenal", "Tottenham")
    venue = raw_whoscored(row["whoscored_id"])["venueName"]
    a = ask(answerer, "which ground hosted arsenal v spurs")
    assert a.intent is Intent.VENUE and venue in a.answer, a.answer


@pytest.mark.parametrize(
    "question", ["who got the best rating in man utd v brighton", "highest rating in man utd v brighton footy club"]
)
def test_the_highest_rating_of_a_match_is_a_players(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert "per team" not in a.answer and man_of_the_match(only_meeting("Man Utd", "Brighton")["whoscored_id"]) in (
        a.answer
    ), a.answer


# --- "how many minutes in" asks a goal's time -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "one", "other"),
    [
        ("how many minutes in did the opener come, man utd v everton", "Man Utd", "Everton"),
        ("how many mins into the game was the first goal in man city v spurs", "Man City", "Tottenham"),
        ("first goal of cry pal v brighton - how many minutes gone", "Crystal Palace", "Brighton"),
        ("first goal of chelsea v wolves, how many minutes in", "Chelsea", "Wolves"),
    ],
)
def test_how_many_minutes_in_asks_the_goals_time(answerer: Answerer, question: str, one: str, other: str) -> None:
    goals = raw_goals(only_meeting(one, other)["whoscored_id"])
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and "minutes figure" not in a.answer, a.answer
    if goals:
        assert a.answer.startswith(f"The opening goal: {goals[0]['name']} {goals[0]['minute']}"), a.answer
    else:
        assert a.answer.startswith("No opening goal in "), a.answer


# --- "if poss" and emoji are chat ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "one", "other", "player", "stat", "noun"),
    [
        ("rice tackles v spurs if poss", "Arsenal", "Tottenham", "Declan Rice", "tacklesTotal", "tackles"),
        ("caicedo passes against liverpool, if at all poss", "Chelsea", "Liverpool", "Moisés Caicedo", "passesTotal",
         "passes"),
        ("if possible, rogers shots v burnley", "Aston Villa", "Burnley", "Morgan Rogers", "shotsTotal", "shots"),
    ],
)  # fmt: skip
def test_if_poss_asks_no_possession(
    answerer: Answerer, question: str, one: str, other: str, player: str, stat: str, noun: str
) -> None:
    row = only_meeting(one, other)
    value = player_totals(row["whoscored_id"], stat)[player]
    a = ask(answerer, question)
    assert "possession" not in a.answer.lower() and f"{player}: {value} {noun} in {label(row)}" in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    [
        "which player had the most shots from 1 dec to 19 dec \U0001f972",  # "smiling face with tear": no club "faced"
        "who had the most shots over november \U0001f62d",
        "arsenal v spurs scorers \U0001f37b",
        "most tackles in chelsea v wolves \U0001f913\U0001f3fb",
    ],
)
def test_emoji_are_no_words(answerer: Answerer, question: str) -> None:
    plain = question.rsplit(" ", 1)[0]
    a, without = ask(answerer, question), ask(answerer, plain)
    assert a.answer == without.answer and "counted against each team" not in a.answer, a.answer


# --- a player against the club he left in the season ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "stat", "noun"),
    [
        ("how many shots did eze have against palace", "shotsTotal", "shots"),
        ("eze tackles v crystal palace", "tacklesTotal", "tackles"),
        ("eze passes when he faced his old club crystal palace", "passesTotal", "passes"),
    ],
)
def test_a_player_against_the_club_he_left(answerer: Answerer, question: str, stat: str, noun: str) -> None:
    row = only_meeting("Arsenal", "Crystal Palace")
    value = player_totals(row["whoscored_id"], stat, "Arsenal")["Eberechi Eze"]
    a = ask(answerer, question)
    assert a.matches == [row["whoscored_id"]] and f"Eberechi Eze: {value} {noun} in {label(row)}" in a.answer, a.answer


# --- "his" after the scorer of a goal asked ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "one", "other", "kind", "stat", "noun"),
    [
        ("who got the opener in arsenal v spurs", "and his shots?", "Arsenal", "Tottenham", 0, "shotsTotal", "shot"),
        ("winner in liverpool v man utd, who scored it", "how many passes did he make", "Liverpool", "Man Utd", -1,
         "passesTotal", "passes"),
        ("the first goal of man city v spurs, whose was it", "his passes that day", "Man City", "Tottenham", 0,
         "passesTotal", "passes"),
    ],
)  # fmt: skip
def test_his_after_the_scorer_of_a_goal_is_the_scorers(
    answerer: Answerer, first: str, then: str, one: str, other: str, kind: int, stat: str, noun: str
) -> None:
    row = only_meeting(one, other)
    scorer = raw_goals(row["whoscored_id"])[kind]["name"]
    value = player_totals(row["whoscored_id"], stat)[scorer]
    answer, previous = answerer.ask(first)
    assert scorer in answer.answer, answer.answer
    a, _ = answerer.ask(then, previous)
    noun = noun if value == 1 or noun.endswith("es") else f"{noun}s"
    assert f"{scorer}: {value} {noun} in {label(row)}" in a.answer, a.answer


# --- what the data does not hold ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "who is haaland's agent",
        "saka representatives?",
        "what kind of music is salah into",
        "does palmer have any hobbies",
        "how many titles have man utd won",
        "premier league uefa coefficient this season",
        "where do arsenal have their training ground",
        "who was the architect of the emirates",
        "how much is a pint at villa park",
        "what food can you get at anfield",
    ],
)
def test_what_the_data_does_not_hold_is_refused(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE, a.answer


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("who had the most shots at villa park", Intent.RANKING),
        ("who was the referee when arsenal hosted spurs", Intent.REFEREE),
        ("who won the title race game, arsenal v man city", Intent.SCORE),
    ],
)
def test_match_questions_near_those_words_are_answered(answerer: Answerer, question: str, intent: Intent) -> None:
    assert ask(answerer, question).intent is intent


# --- last round's gaps: a club led, a game taken, blocks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "club", "other"),
    [
        ("who led spurs against arsenal", "Tottenham", "Arsenal"),
        ("who led man utd v liverpool", "Man Utd", "Liverpool"),
        ("who led chelsea when they played wolves", "Chelsea", "Wolves"),
    ],
)
def test_who_led_a_club_in_a_game_is_its_manager(answerer: Answerer, question: str, club: str, other: str) -> None:
    match_id = only_meeting(club, other)["whoscored_id"]
    a = ask(answerer, question)
    assert a.intent is Intent.MANAGER and a.matches == [match_id], a.answer
    assert raw_side(match_id, club)["managerName"] in a.answer, a.answer
    assert raw_side(match_id, other)["managerName"] not in a.answer, a.answer


def test_who_led_the_league_is_still_the_table(answerer: Answerer) -> None:
    assert ask(answerer, "who led the league at christmas").intent is Intent.RANKING


@pytest.mark.parametrize(
    ("question", "one", "other"),
    [("who took arsenal v spurs", "Arsenal", "Tottenham"), ("who took man utd vs liverpool", "Man Utd", "Liverpool")],
)
def test_who_took_a_game_is_its_referee(answerer: Answerer, question: str, one: str, other: str) -> None:
    row = only_meeting(one, other)
    referee = raw_whoscored(row["whoscored_id"])["referee"]["name"]
    assert ask(answerer, question).answer == f"The referee was {referee} ({label(row)})."


@pytest.mark.parametrize("question", ["who blocked the most", "van dijk blocks v everton", "most blocks in december"])
def test_blocks_made_are_not_held(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and "blocks made by a player" in a.answer, a.answer


def test_a_teams_blocked_shots_are_held(answerer: Answerer) -> None:
    row = only_meeting("Arsenal", "Tottenham")
    a = ask(answerer, "how many of arsenal's shots were blocked v spurs")
    assert a.intent is Intent.TEAM_STAT and a.matches == [row["whoscored_id"]], a.answer


# --- clubs of the other English and Scottish leagues are outside the data ------------------------------------------


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("bolton v wigan score", ["Bolton", "Wigan"]),
        ("hearts v hibs ref", ["Hearts", "Hibs"]),
        ("man of the match forest green rovers against notts county", ["Forest Green Rovers", "Notts County"]),
        ("who scored for grimsby v partick thistle", ["Grimsby", "Partick Thistle"]),
    ],
)
def test_a_match_of_clubs_outside_the_data_is_said_so(answerer: Answerer, question: str, named: list[str]) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.UNKNOWN_MATCH and a.matches == [], a.answer
    assert all(name in a.answer for name in named), a.answer


@pytest.mark.parametrize(
    ("question", "other"),
    [("forest v man utd result", "Man Utd"), ("how did forest v leeds end", "Leeds")],
)
def test_forest_alone_is_still_nottingham_forest(answerer: Answerer, question: str, other: str) -> None:
    row = only_meeting("Nottingham Forest", other)
    assert ask(answerer, question).matches == [row["whoscored_id"]]


# --- two days side by side are a span -------------------------------------------------------------------------------


def goals_of(team: str, first: str, last: str, conceded: bool) -> int:
    """Return the goals ``team`` scored (or conceded) in its finished matches played first..last."""
    rows = [r for r in meetings_of(team) if first <= r["start_date"][:10] <= last]
    return sum((r["ag"] if r["home"] == team else r["hg"]) if conceded else (r["hg"] if r["home"] == team else r["ag"])
               for r in rows)  # fmt: skip


def meetings_of(team: str) -> list[dict]:
    """Return ``team``'s finished matches of the season."""
    return [r for r in results() if team in (r["home"], r["away"])]


@pytest.mark.parametrize(
    ("question", "team", "first", "last", "conceded", "noun"),
    [
        ("brighton goals scored 1 sep 30 nov", "Brighton", "2025-09-01", "2025-11-30", False, "goals"),
        ("how many did spurs concede 1 dec 31 jan", "Tottenham", "2025-12-01", "2026-01-31", True, "goals conceded"),
        ("arsenal goals 01/09/2025 30/11/2025", "Arsenal", "2025-09-01", "2025-11-30", False, "goals"),
    ],
)
def test_two_days_side_by_side_are_a_span(
    answerer: Answerer, question: str, team: str, first: str, last: str, conceded: bool, noun: str
) -> None:
    a = ask(answerer, question)
    assert a.answer.startswith(f"{team} {noun} in total: {goals_of(team, first, last, conceded)}. "), a.answer


# --- a player's shirt number, held in the line-ups, is answered (no longer asked back) -----------------------------


def raw_shirts(name: str) -> tuple[set[int], int]:
    """Return the shirt numbers ``name`` wore in the season's raw line-ups and how many matches he is in them."""
    numbers, matches = set(), 0
    for match_id in season_ids():
        data = raw_whoscored(match_id)
        if data.get("statusCode") != 6:  # finished matches only, as the tables hold them
            continue
        found = [p for s in ("home", "away") for p in data[s]["players"] if p["name"] == name and "shirtNo" in p]
        numbers |= {p["shirtNo"] for p in found}
        matches += bool(found)
    return numbers, matches


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("what is saka's shirt number", "Bukayo Saka"),
        ("haaland squad no", "Erling Haaland"),
        ("what number does declan rice wear", "Declan Rice"),
    ],
)
def test_a_players_shirt_number_over_the_season(answerer: Answerer, question: str, name: str) -> None:
    (number,), matches = raw_shirts(name)
    a = ask(answerer, question)
    assert (
        a.answer == f"{name} wore number {number} in the {matches} matches he was in the squad for, in the data so far."
    )


def test_a_players_shirt_number_in_one_match(answerer: Answerer) -> None:
    row = only_meeting("Arsenal", "Crystal Palace")
    number = next(
        p["shirtNo"] for p in raw_side(row["whoscored_id"], "Arsenal")["players"] if p["name"] == "Eberechi Eze"
    )
    a = ask(answerer, "what number did eze wear v crystal palace")
    assert a.answer == f"Eberechi Eze wore number {number} in {label(row)}.", a.answer
