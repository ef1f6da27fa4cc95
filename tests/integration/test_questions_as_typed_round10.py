"""Fact questions asked as people type them, tenth round: intent words misspelt beyond one edit (letters typed two
or three times, letters left out, letters swapped), read back into the words the router knows, never turning an
English word or a name in the data into another word.

Also: "X beat Y or not" answered yes or no first, "who got them" after a club's goals, "efforts at goal", "line
up (formation)", "best on the pitch"; off-the-pitch questions refused (wages, capacity, tickets, sackings,
transfers, awards, fantasy picks); two days or months joined ("15th nov - 15th dec", "aug + sep") read as a span.

Expected managers, referees, formations and leaders are read here from the raw WhoScored files and the season's
match index, never from the tables the answers read.
"""

from __future__ import annotations

from datetime import date

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.dates import resolve_period
from football_rag.rag.typed_words import as_read, corrected, english_words
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, leaders, player_totals
from tests.integration.test_questions_as_typed_round3 import raw_side, results
from tests.integration.test_questions_as_typed_round4 import raw_goals, season_scorers
from tests.integration.test_questions_as_typed_round9 import LATEST, meeting, scorers

# --- misspelt intent words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("gafffer", "gaffer"),  # a key held down, three times
        ("manaaged", "managed"),
        ("refeereeing", "refereeing"),  # two letters held down
        ("interrceptions", "interceptions"),
        ("proovided", "provided"),
        ("manged", "managed"),  # a letter left out
        ("sysem", "system"),
        ("rffed", "reffed"),
        ("hlf", "half"),  # a short word: one letter left out
        ("sahpe", "shape"),  # letters swapped
        ("mnaaging", "managing"),  # swapped and held down
        ("revese", "reverse"),
    ],
)
def test_misspelt_intent_words_are_read(typed: str, word: str) -> None:
    assert corrected(typed) == word


def test_english_words_and_names_stay_as_typed(answerer: Answerer) -> None:
    """No English word is turned into a vocabulary word, and no word of a club's or player's name in the data is,
    once ``as_read`` leaves the names alone (it is given them): the correction reads only what is neither."""
    shorthand = ["sept", "wat", "wot", "xmas"]  # English words read as the shorthand they are typed as, on purpose
    assert sorted(w for w in english_words() if corrected(w) != w) == shorthand
    for typed in ("matchweek", "shade", "gaffe", "manage", "passed", "refer", "again", "system", "other"):
        assert corrected(typed) == typed
    question = "did gomes play for wolves"  # a name word one edit from "games"
    assert as_read(question, answerer.name_words) == question


@pytest.mark.parametrize(
    ("question", "home", "away", "side"),
    [
        ("who was brentfords gafffer at home to chelsea", "Brentford", "Chelsea", "Brentford"),
        ("who manaaged leeds away at everton", "Leeds", "Everton", "Leeds"),  # Leeds hosted: "away" is read, not gold
        ("who manged sunderland vs west ham", "Sunderland", "West Ham", "Sunderland"),
    ],
)
def test_a_misspelt_manager_question(answerer: Answerer, question: str, home: str, away: str, side: str) -> None:
    match_id = meeting(home, away)["whoscored_id"]
    a = ask(answerer, question)
    assert a.intent is Intent.MANAGER and raw_side(match_id, side)["managerName"] in a.answer, a.answer


def test_a_misspelt_referee_and_formation(answerer: Answerer) -> None:
    match_id = meeting("Fulham", "Man Utd")["whoscored_id"]
    a = ask(answerer, "who was refeereeing fulham v man utd")
    assert a.intent is Intent.REFEREE and raw_whoscored(match_id)["referee"]["name"] in a.answer, a.answer
    match_id = meeting("Brighton", "Man City")["whoscored_id"]
    shape = "-".join(raw_side(match_id, "Brighton")["formations"][0]["formationName"])
    a = ask(answerer, "what sysem did brighton play v man city")
    assert a.intent is Intent.FORMATION and f"Brighton lined up in a {shape}" in a.answer, a.answer


def test_a_misspelt_match_leader(answerer: Answerer) -> None:
    match_id = meeting("Newcastle", "Wolves")["whoscored_id"]
    best, names = leaders(player_totals(match_id, "interceptions"))
    a = ask(answerer, "who made the most interrceptions in newcastle v wolves")
    assert a.intent is Intent.RANKING and f": {best}" in a.answer and all(n in a.answer for n in names), a.answer


# --- what is asked, in the words fans use ------------------------------------------------------------------------


def test_beat_or_not_is_answered_yes_or_no_first(answerer: Answerer) -> None:
    row = meeting("Arsenal", "Leeds")
    assert row["hg"] > row["ag"]
    a = ask(answerer, "arsenal beat leeds or not")
    assert a.answer.startswith("Yes") and f"Arsenal {row['hg']}-{row['ag']} Leeds" in a.answer, a.answer
    a = ask(answerer, "leeds beat arsenal or not?")
    assert a.answer.startswith("No"), a.answer


def test_goals_who_got_them_are_the_scorers(answerer: Answerer) -> None:
    a = ask(answerer, "sunderland goals v west ham who got them")
    assert a.intent is Intent.SCORERS
    assert all(name in a.answer for name in scorers("Sunderland", "West Ham")), a.answer


def test_efforts_at_goal_are_shots(answerer: Answerer) -> None:
    match_id = meeting("Chelsea", "Fulham")["whoscored_id"]  # they met twice: the date names this one
    shots = sum(player_totals(match_id, "shotsTotal", "Chelsea").values())
    a = ask(answerer, "what were chelsea's efforts at goal vs fulham on 30 aug")
    assert a.intent is Intent.TEAM_STAT and f"Chelsea had {shots} shots against Fulham" in a.answer, a.answer


def test_line_up_with_formation_named_is_the_formation(answerer: Answerer) -> None:
    match_id = meeting("Everton", "Brighton")["whoscored_id"]
    shape = "-".join(raw_side(match_id, "Everton")["formations"][0]["formationName"])
    a = ask(answerer, "how did everton line up v brighton (formation)")
    assert a.intent is Intent.FORMATION and f"Everton lined up in a {shape}" in a.answer, a.answer


def test_best_on_the_pitch_is_the_man_of_the_match(answerer: Answerer) -> None:
    motm = ask(answerer, "who was man of the match in tottenham v burnley")
    a = ask(answerer, "who was the best on the pitch in spurs v burnley going by whoscored")
    assert a.intent is Intent.MAN_OF_THE_MATCH and a.answer == motm.answer


# --- refusals -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "what is saka on a week",  # wages
        "how big is the emirates capacity",
        "everton ticket prices",
        "will spurs sack their manager",
        "is semenyo leaving in the summer",
        "who wins the balllon dor",
        "best fantasy captain for next gameweek",
    ],
)
def test_what_the_data_cannot_answer_is_refused(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and not a.matches, a.answer


# --- periods as typed ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("goals conceded by everton 15th nov - 15th dec", date(2025, 11, 15), date(2025, 12, 15)),
        ("leeds points 26 dec to 1 jan", date(2025, 12, 26), date(2026, 1, 1)),
        ("points for brentford aug + sep", date(2025, 8, 1), date(2025, 9, 30)),
        ("assists in oct & nov", date(2025, 10, 1), date(2025, 11, 30)),
    ],
)
def test_two_days_or_months_joined_are_a_span(text: str, first: date, last: date) -> None:
    period = resolve_period(text, LATEST)
    assert (period.start, period.end) == (first, last)


def test_a_clubs_total_over_a_span_of_days(answerer: Answerer) -> None:
    rows = [r for r in results() if "2025-11-15" <= r["start_date"][:10] <= "2025-12-15"]
    conceded = sum(r["ag"] for r in rows if r["home"] == "Everton") + sum(
        r["hg"] for r in rows if r["away"] == "Everton"
    )
    a = ask(answerer, "goals conceded by everton 15th nov - 15th dec")
    assert a.intent is Intent.AGGREGATE and f"conceded in total: {conceded}" in a.answer, a.answer


def test_a_clubs_points_over_two_months_joined(answerer: Answerer) -> None:
    rows = [r for r in results() if "2025-10-01" <= r["start_date"][:10] <= "2025-11-30"]
    points = 0
    for r in rows:
        for side, us, them in (("home", "hg", "ag"), ("away", "ag", "hg")):
            if r[side] == "Arsenal":
                points += 3 if r[us] > r[them] else 1 if r[us] == r[them] else 0
    a = ask(answerer, "arsenal points oct & nov")
    assert f"points in total: {points}" in a.answer, a.answer


# --- a goal's minute and its assist, asked as typed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "home", "away", "nth"),
    [
        ("ballard scored against west ham - when?", "Sunderland", "West Ham", 1),
        ("minute hudson-odoi scored v palace", "Crystal Palace", "Nottingham Forest", 1),
        ("everton's last goal vs brighton minute?", "Everton", "Brighton", 1),
    ],
)
def test_when_a_goal_was_scored_is_its_minute(
    answerer: Answerer, question: str, home: str, away: str, nth: int
) -> None:
    goal = raw_goals(meeting(home, away)["whoscored_id"])[nth]
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and f"{goal['name']} {goal['minute']}" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "asked_plainly"),
    [
        ("who played garner in for his goal v brighton", "who assisted garner's goal against brighton"),
        ("ndiaye's goal v brighton, whose assist was it", "who assisted ndiaye's goal against brighton"),
    ],
)
def test_who_played_him_in_is_his_goals_assister(answerer: Answerer, question: str, asked_plainly: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.answer == ask(answerer, asked_plainly).answer, a.answer


def test_a_clubs_code_that_is_a_weekday_never_moves_the_year() -> None:
    """ "SUN" before a date is Sunderland's code: the day stays in the season (8 November 2020 was a Sunday); a
    weekday's full name still picks the year it falls on."""
    period = resolve_period("what minute was ARS's last goal against SUN the 8th of november", LATEST)
    assert period.start == date(2025, 11, 8)
    assert resolve_period("Results on Friday 1 January", LATEST).start == date(2021, 1, 1)


# --- a name close to one club or player alone, "utd" alone, the other meeting -------------------------------------


def test_a_word_close_to_one_club_alone_is_read_as_it_and_said(answerer: Answerer) -> None:
    row = meeting("Fulham", "Brentford")
    a = ask(answerer, "did fulhum beat brentford")
    assert a.answer.startswith("Yes" if row["hg"] > row["ag"] else "No"), a.answer
    assert f"Fulham {row['hg']}-{row['ag']} Brentford" in a.answer and 'Reading "fulhum" as Fulham.' in a.answer
    # In a club's place, closer to the club than to a player ("Füllkrug"): the club, said (round 12); no club close
    # enough ("lidds": Leeds or Rico Lewis) is still asked back.
    a = ask(answerer, "fulhum v brentford score")
    assert f"Fulham {row['hg']}-{row['ag']} Brentford" in a.answer and 'Reading "fulhum" as Fulham.' in a.answer
    a = ask(answerer, "lidds v brentford score")
    assert a.intent is Intent.CLARIFY and "Leeds or Rico Lewis" in a.answer, a.answer


def test_utd_alone_is_man_utd_said(answerer: Answerer) -> None:
    match_id = meeting("Liverpool", "Man Utd")["whoscored_id"]
    offsides = sum(
        1
        for e in raw_whoscored(match_id)["events"]
        if e["type"]["displayName"] == "OffsidePass" and e["teamId"] == raw_side(match_id, "Man Utd")["teamId"]
    )
    a = ask(answerer, "utd offsides away at liverpool?")
    assert a.intent is Intent.TEAM_STAT and f"Man Utd {offsides}" in a.answer, a.answer
    assert '"Utd" taken as Man Utd' in a.answer


def test_when_they_played_again_is_the_other_meeting(answerer: Answerer) -> None:
    first, other = meeting("Chelsea", "Fulham"), meeting("Fulham", "Chelsea")
    context = answerer.ask("chelsea v fulham on 30 aug score")[1]
    a, _ = answerer.ask("and when they played again", context)
    assert a.matches == [other["whoscored_id"]] and f"Fulham {other['hg']}-{other['ag']} Chelsea" in a.answer
    assert first["whoscored_id"] not in a.matches


def test_the_first_half_of_the_season_to_a_day(answerer: Answerer) -> None:
    """ "(to 1 jan)" closes the period at that day (it had been read as a match on 1 January)."""
    rows = [r for r in results() if r["start_date"][:10] <= "2026-01-01" and "Brighton" in (r["home"], r["away"])]
    draws = sum(r["hg"] == r["ag"] for r in rows)
    a = ask(answerer, "brighton draws in the first half of the 25/26 season (to 1 jan)")
    assert a.intent is Intent.AGGREGATE and f"draws in total: {draws}" in a.answer.lower(), a.answer


def test_the_day_after_boxing_day(answerer: Answerer) -> None:
    """27 December, never Boxing Day's match (Liverpool played Wolves on the 27th)."""
    assert resolve_period("the day after boxing day", LATEST).start == date(2025, 12, 27)
    match_id = meeting("Liverpool", "Wolves")["whoscored_id"]
    shots = sum(player_totals(match_id, "shotsTotal", "Wolves").values())
    a = ask(answerer, "how many shots did wolves have v liverpool the day after boxing day")
    assert a.matches == [match_id] and f"Wolves had {shots} shots" in a.answer, a.answer


def test_his_figures_after_the_man_of_the_match(answerer: Answerer) -> None:
    """ "his shots?" after the man of the match asks his figure in that match; "and who scored?" still the scorers."""
    match_id = meeting("Brentford", "Chelsea")["whoscored_id"]
    data = raw_whoscored(match_id)
    (motm,) = [p["name"] for s in ("home", "away") for p in data[s]["players"] if p.get("isManOfTheMatch")]
    shots = player_totals(match_id, "shotsTotal")[motm]
    key_passes = player_totals(match_id, "passesKey")[motm]
    first, context = answerer.ask("who was man of the match in brentford v chelsea")
    assert motm in first.answer
    a, context = answerer.ask("his shots?", context)
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith(f"{motm}: {shots} shot"), a.answer
    a, _ = answerer.ask("and his key passes?", context)
    assert a.answer.startswith(f"{motm}: {key_passes} key pass"), a.answer
    a, _ = answerer.ask("and who scored?", answerer.ask("who was man of the match in brentford v chelsea")[1])
    assert a.intent is Intent.SCORERS and all(name in a.answer for name in scorers("Brentford", "Chelsea")), a.answer


def test_a_players_name_missing_its_first_letter(answerer: Answerer) -> None:
    """ "aaland" is Haaland, read and said; his goals counted from the raw files' goal events."""
    goals = season_scorers()["Erling Haaland"]
    a = ask(answerer, "how many goals has aaland scored")
    assert f"Erling Haaland: {goals} goals" in a.answer and 'Reading "aaland" as Erling Haaland.' in a.answer, a.answer
