"""Fact questions asked as people type them, eighth round: misspelt words the reading depends on ("mnay", "novembr",
"wehn", "woh", "gmae"), chat shorthand ("b4 xmas", "agst", "szn"), chat padding around the question ("quick one",
"settle an argument", trailing "ta", "cheers", "lol") and club initials or fans' names ("whu", "bha", "chels",
"citeh"), on the whole real season.

Expected totals are counted here from the season's match index (finished matches, read from the raw WhoScored
files), never from the tables the answers read.
"""

from __future__ import annotations

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.typed_words import as_read, corrected, without_padding
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round3 import raw_side, results

SEASON_START = "2025-08-01"
CHRISTMAS_EVE = "2025-12-24"


def team_totals(team: str, first: str, last: str) -> dict[str, int]:
    """Return ``team``'s goals, points, wins and clean sheets in its finished matches played first..last."""
    totals = {"goals": 0, "points": 0, "wins": 0, "clean sheets": 0}
    for row in results():
        if team not in (row["home"], row["away"]) or not first <= row["start_date"][:10] <= last:
            continue
        scored, let_in = (row["hg"], row["ag"]) if row["home"] == team else (row["ag"], row["hg"])
        totals["goals"] += scored
        totals["wins"] += scored > let_in
        totals["points"] += 3 if scored > let_in else int(scored == let_in)
        totals["clean sheets"] += let_in == 0
    return totals


# --- the reading's own words, misspelt or shortened -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("novembr", "november"),
        ("febuary", "february"),
        ("septmber", "september"),
        ("mnay", "many"),
        ("wehn", "when"),
        ("waht", "what"),
        ("goasl", "goals"),
        ("scord", "scored"),
        ("agianst", "against"),
        ("befroe", "before"),
        ("b4", "before"),
        ("xmas", "christmas"),
        ("agst", "against"),
        ("szn", "season"),
    ],
)
def test_a_misspelt_or_shortened_key_word_is_read_as_meant(typed: str, meant: str) -> None:
    assert corrected(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "then",
        "than",
        "them",
        "goat",
        "shot",
        "shots",
        "score",
        "scores",
        "mean",
        "here",
        "were",
        "sheet",
        "must",
        "ghost",
        "least",
        "seasons",
        "blast",
        "watch",
        "whole",
        "shout",
    ],
)
def test_a_real_word_is_never_turned_into_another(word: str) -> None:
    assert corrected(word) == word


def test_a_name_is_never_corrected() -> None:
    """A player's or club's word one edit from a vocabulary word stays as typed when it is a name in the data."""
    assert as_read("how many goals did goasl score", frozenset({"goasl"})) == "how many goals did goasl score"


@pytest.mark.parametrize(
    ("padded", "question"),
    [
        ("quick one how many goals did everton score?", "how many goals did everton score?"),
        ("settle an argument who won arsenal v spurs ta", "who won arsenal v spurs"),
        ("yo mate fulham wins lol??", "fulham wins?"),
        ("random q but brentford clean sheets cheers", "brentford clean sheets"),
        ("my mate reckons otherwise but did spurs beat villa anyone?", "did spurs beat villa?"),
    ],
)
def test_chat_padding_is_left_out(padded: str, question: str) -> None:
    assert without_padding(padded) == question


# --- whole questions over the real season ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team", "label", "first", "last"),
    [
        ("how mnay goals did brentford score in novembr", "Brentford", "goals", "2025-11-01", "2025-11-30"),
        ("quick one everton clean sheets b4 xmas ta", "Everton", "clean sheets", SEASON_START, CHRISTMAS_EVE),
        ("settle an argument whu goals this szn lol", "West Ham", "goals", SEASON_START, "2026-06-30"),
        ("yo how many games have bha won befroe christmas cheers", "Brighton", "wins", SEASON_START, CHRISTMAS_EVE),
        ("chels points in octobr pls", "Chelsea", "points", "2025-10-01", "2025-10-31"),
        ("citeh clean sheets in septmber", "Man City", "clean sheets", "2025-09-01", "2025-09-30"),
    ],
)
def test_a_club_total_asked_as_typed(
    answerer: Answerer, question: str, team: str, label: str, first: str, last: str
) -> None:
    """Misspellings, shorthand, padding and club initials read as the plain question: the club's total over the
    period, counted from the match index."""
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE, a
    expected = team_totals(team, first, last)[label]
    assert a.answer.startswith(f"{team} {label} in total: {expected}."), a.answer


@pytest.mark.parametrize(
    "question",
    ["woh will finish top this year lol", "wehn is everton's next gmae", "how mnay will spurs score next week"],
)
def test_a_misspelt_question_about_the_future_is_refused(answerer: Answerer, question: str) -> None:
    answer, _ = answerer.ask(question)
    assert answer.intent is Intent.OUT_OF_SCOPE, answer
    assert not answer.matches, answer


def test_padding_names_no_player_or_club(answerer: Answerer) -> None:
    """ "mate", "yo" and "ta" around a question change nothing in its answer."""
    plain, _ = answerer.ask("how many goals did aston villa score in december")
    padded, _ = answerer.ask("yo mate how many goals did aston villa score in december ta")
    assert padded.answer == plain.answer
    assert plain.answer.startswith(
        f"Aston Villa goals in total: {team_totals('Aston Villa', '2025-12-01', '2025-12-31')['goals']}."
    )


def meeting(one: str, other: str) -> str:
    """Return the WhoScored id of the one finished match between two clubs in the season index."""
    (row,) = [r for r in results() if {r["home"], r["away"]} == {one, other}]
    return row["whoscored_id"]


@pytest.mark.parametrize(
    ("question", "team", "other"),
    [
        ("quick one woh was managing everton v brentford", "Everton", "Brentford"),
        ("who was coaching fulham agst wolves ta", "Fulham", "Wolves"),
    ],
)
def test_managing_asks_for_the_first_clubs_manager(answerer: Answerer, question: str, team: str, other: str) -> None:
    """ "Who was managing X v Y", "coaching": X's manager in that match, read from the raw file, and not Y's."""
    match_id = meeting(team, other)
    a = ask(answerer, question)
    assert a.intent is Intent.MANAGER and a.matches == [match_id], (question, a.answer)
    assert raw_side(match_id, team)["managerName"] in a.answer, a.answer
    assert raw_side(match_id, other)["managerName"] not in a.answer, a.answer
