"""Fact questions asked as people type them, ninth round: clubs read from the data's own names however they are
typed (scoreboard codes, clipped names, letters left out, names run together, a possessive "s" with no apostrophe),
players' possessives, a weekday written before its date, US dates, and a short question asked back, naming the
word not read, instead of an answer about another match.

Expected scores, scorers and totals are read here from the raw WhoScored files and the season's match index, never
from the tables the answers read.
"""

from __future__ import annotations

from datetime import date

import pytest

from football_rag.config.yaml_config import load_config
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.conversation import Conversation
from football_rag.rag.dates import resolve_period
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round3 import raw_side, results
from tests.integration.test_questions_as_typed_round4 import raw_goals, season_scorers

LATEST = date(2026, 1, 31)


def meeting(home: str, away: str) -> dict:
    """Return the season index's one finished meeting of ``home`` at ``away``."""
    (row,) = [r for r in results() if (r["home"], r["away"]) == (home, away)]
    return row


def said_result(home: str, away: str) -> str:
    """Return the meeting as the answer says it ("Fulham 3-1 Brentford")."""
    row = meeting(home, away)
    return f"{home} {row['hg']}-{row['ag']} {away}"


def scorers(home: str, away: str) -> set[str]:
    """Return the names of the meeting's goal scorers (own goals aside), from the raw file's goal events."""
    return {g["name"] for g in raw_goals(meeting(home, away)["whoscored_id"]) if not g["own"]}


# --- clubs as typed --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("what was the score in liv v sun", "Liverpool", "Sunderland"),  # codes, "sun" in a club's place
        ("ars vs nfo result", "Arsenal", "Nottingham Forest"),
        ("lee v everton score", "Leeds", "Everton"),
        ("tottenham hotspur v che score", "Tottenham", "Chelsea"),
        ("mcity v whu score", "Man City", "West Ham"),  # "mcity": "mancity" with letters left out
        ("score bournemth vs newcastleutd", "Bournemouth", "Newcastle"),  # letters left out, a name run together
        ("astonv v burnl result", "Aston Villa", "Burnley"),  # names clipped
        ("fulhams game with brentfrd score", "Fulham", "Brentford"),  # a possessive without its apostrophe
        ("wolv v cpalace score", "Wolves", "Crystal Palace"),
    ],
)
def test_a_club_typed_as_a_code_clip_or_run_together_is_read(
    answerer: Answerer, question: str, home: str, away: str
) -> None:
    assert said_result(home, away) in ask(answerer, question).answer


def test_a_code_that_is_an_english_word_is_a_club_only_in_a_clubs_place(answerer: Answerer) -> None:
    catalog = answerer.catalog
    assert catalog.resolve("chelsea vs eve tackles").teams == ["Chelsea", "Everton"]
    assert catalog.resolve("who scored on christmas eve").teams == []
    assert catalog.resolve("cry v wolves corners").teams == ["Crystal Palace", "Wolves"]
    assert catalog.resolve("did the fans cry after the game").teams == []
    assert catalog.resolve("leeds v new score").teams == ["Leeds", "Newcastle"]
    assert catalog.resolve("any new signings").teams == []


def test_a_long_english_word_starting_a_clubs_name_is_the_club_only_in_a_clubs_place(answerer: Answerer) -> None:
    catalog = answerer.catalog
    assert catalog.resolve("bourne v arsenal score").teams == ["Bournemouth", "Arsenal"]
    assert catalog.resolve("the bourne identity").teams == []
    assert catalog.resolve("best ever against arsenal").teams == ["Arsenal"]  # "ever" is too short to be Everton


def test_a_misspelt_possessive_of_a_club_is_read(answerer: Answerer) -> None:
    resolution = answerer.catalog.resolve("burnelys goals playing newcastle utd from 30/12/2025")
    assert resolution.teams == ["Burnley", "Newcastle"]
    assert (resolution.period.start, resolution.period.end) == (date(2025, 12, 30), date(2025, 12, 30))


def test_a_key_held_down_in_a_question_word_is_read(answerer: Answerer) -> None:
    a = ask(answerer, "whoo scored in eve / brighton n hove from aug 24")
    assert said_result("Everton", "Brighton") in a.answer
    assert all(name in a.answer for name in scorers("Everton", "Brighton"))


def test_a_players_name_is_never_read_as_a_clipped_club(answerer: Answerer) -> None:
    """A word of a player's name in the data that starts a club's name ("Brent", "Bour") stays the player's."""
    catalog = answerer.catalog
    clipped = sorted(
        word
        for key in catalog._full_names
        for word in key.split()
        if len(word) >= 4 and any(stem.startswith(word) and stem != word for stem in catalog.names.typed.stems)
    )
    for word in clipped:
        assert catalog.names.typed.read(word) == ((), False), word


def test_every_scoreboard_code_names_one_club_of_the_data(answerer: Answerer) -> None:
    codes = load_config("team_aliases")["codes"]
    assert len(codes["source"]) > 20
    read = {code: answerer.catalog.names.typed.read(code.lower())[0] for code in codes["clubs"].values()}
    assert all(len(clubs) == 1 for clubs in read.values()), read
    assert {clubs[0] for clubs in read.values()} == set(answerer.catalog.teams)


def test_two_clubs_equally_close_are_asked_back(answerer: Answerer) -> None:
    a = ask(answerer, "manch v brighton score")  # both Manchester clubs played Brighton
    assert a.intent is Intent.CLARIFY
    assert "Man City or Man Utd" in a.answer


# --- players as typed ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "player"),
    [
        ("mbeumos goals this season", "Bryan Mbeumo"),
        ("haalands goals so far", "Erling Haaland"),
        ("how many goals has semenyos got", "Antoine Semenyo"),
        ("how many goals did gordn score", "Anthony Gordon"),
    ],
)
def test_a_players_possessive_or_misspelling_is_read(answerer: Answerer, question: str, player: str) -> None:
    a = ask(answerer, question)
    assert f"{player}: {season_scorers()[player]} goals" in a.answer


# --- dates as typed --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on saturday dec 6", date(2025, 12, 6)),
        ("sat 6th dec", date(2025, 12, 6)),
        ("monday aug 18", date(2025, 8, 18)),
        ("sun 21/9", date(2025, 9, 21)),
        ("mon 15/12", date(2025, 12, 15)),
        ("9/27 (us)", date(2025, 9, 27)),
        ("12/7 (us)", date(2025, 12, 7)),
        ("the 24th of august", date(2025, 8, 24)),
        ("aug 24", date(2025, 8, 24)),
        ("24th aug", date(2025, 8, 24)),
    ],
)
def test_a_weekday_with_its_date_or_a_us_date_is_that_day(text: str, day: date) -> None:
    period = resolve_period(text, LATEST)
    assert (period.start, period.end) == (day, day)


def test_from_a_weekday_and_date_runs_from_that_day() -> None:
    period = resolve_period("goals from tuesday dec 2", LATEST)
    assert (period.start, period.end) == (date(2025, 12, 2), LATEST)


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("who scored in leeds v everton on monday aug 18", "Leeds", "Everton"),
        ("scorers arsenal v forest sat 13/9", "Arsenal", "Nottingham Forest"),
        ("who scored fulham v brentford 9/20 (us)", "Fulham", "Brentford"),
        ("who scored fulham v brentford 9/20", "Fulham", "Brentford"),  # 20 is no month: the US reading
        ("who scored liverpool v sunderland 12/3", "Liverpool", "Sunderland"),  # only 3 December was their meeting
    ],
)
def test_a_fixture_dated_as_typed_is_that_meeting(answerer: Answerer, question: str, home: str, away: str) -> None:
    a = ask(answerer, question)
    assert said_result(home, away) in a.answer
    assert all(name in a.answer for name in scorers(home, away))


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("chelsea result on saturday dec 6", "Bournemouth", "Chelsea"),  # not the data's last Saturday
        ("arsenal score wed 3/12", "Arsenal", "Brentford"),
        ("leeds score 12/6 (us)", "Leeds", "Liverpool"),
    ],
)
def test_one_clubs_match_on_a_day_as_typed(answerer: Answerer, question: str, home: str, away: str) -> None:
    assert ask(answerer, question).answer.startswith(said_result(home, away))


def test_a_span_between_two_weekdays_with_dates(answerer: Answerer) -> None:
    a = ask(answerer, "leeds result from wednesday dec 3 to saturday dec 6")
    assert said_result("Leeds", "Chelsea") in a.answer and said_result("Leeds", "Liverpool") in a.answer


# --- a word not read is asked back, never answered with another match -----------------------------------------


def test_a_club_not_read_is_asked_back_with_the_closest_names(answerer: Answerer) -> None:
    """No club is close enough to read "lidds" as it (since round 12 one club alone close is read, said:
    "fulhum")."""
    chat = Conversation(answerer)
    a = chat.ask("did brentford beat lidds")
    assert a.intent is Intent.CLARIFY
    assert '"lidds"' in a.answer and "Leeds" in a.answer
    a = chat.ask("leeds")
    assert a.answer.startswith("No") and said_result("Brentford", "Leeds") in a.answer


@pytest.mark.parametrize(
    ("question", "word", "closest"),
    [
        ("who scored for chelsea against spurz", "spurz", "Tottenham"),
        ("what formation did everton use playing lidds", "lidds", "Leeds"),
        ("who managed leeds v wimbledun", "wimbledun", "could not read"),  # no club close: no guess
    ],
)
def test_a_match_question_whose_club_is_not_read_asks_back(
    answerer: Answerer, question: str, word: str, closest: str
) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.CLARIFY, a.answer
    assert f'"{word}"' in a.answer and closest in a.answer


def test_a_formation_of_a_club_typed_as_a_code(answerer: Answerer) -> None:
    side = raw_side(meeting("Fulham", "Brentford")["whoscored_id"], "Brentford")
    formation = "-".join(side["formations"][0]["formationName"])
    assert f"Brentford lined up in a {formation}" in ask(answerer, "bre formation vs ful").answer


def test_a_referee_of_a_fixture_run_together(answerer: Answerer) -> None:
    referee = raw_whoscored(meeting("Arsenal", "Nottingham Forest")["whoscored_id"])["referee"]["name"]
    assert referee in ask(answerer, "ref for arsenal v nottmforest").answer


def test_a_close_players_name_is_read_as_him_and_said(answerer: Answerer) -> None:
    """Round 10's policy: a word close to one club or player alone is read as it, said ("casemero" was asked back in
    round 9)."""
    a = Conversation(answerer).ask("need casemero how many goals")
    assert f"Casemiro: {season_scorers()['Casemiro']} goals" in a.answer
    assert a.answer.endswith('Reading "casemero" as Casemiro.'), a.answer
