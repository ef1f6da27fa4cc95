"""Dates as people write them: days, weekdays, spans, and the month words that are also verbs or first names."""

from __future__ import annotations

from datetime import date

import pytest

from football_rag.rag.dates import resolve_period

LATEST = date(2026, 2, 2)  # the latest match of the demo season


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Who assisted Jan Paul van Hecke's goal against Aston Villa?", None),  # a first name
        ("Who may score in March 2025?", "March 2025"),  # "may" the verb; March with its year
        ("Who scored in Jan?", "January 2026"),  # after "in", the month, in the season's latest January
        ("Goals in early Jan", "early January 2026 (1 to 10 January)"),  # its first ten days
        ("Goals in Jan 2026", "January 2026"),
        ("what happened in may", None),  # lower case: the verb as often as the month
    ],
)
def test_ambiguous_month_words(question: str, label: str | None) -> None:
    period = resolve_period(question, LATEST)
    assert (period.label if period else None) == label


def test_since_a_month_runs_to_the_latest_match() -> None:
    period = resolve_period("How many goals has Haaland scored since October?", LATEST)
    assert (period.start, period.end, period.label) == (date(2025, 10, 1), LATEST, "the matches since 1 October 2025")


# The season's calendar around its end: the latest finished match is Saturday 31 January 2026.
SEASON_LATEST = date(2026, 1, 31)
MATCH_DAYS = [date(2025, 8, 30), date(2025, 10, 26), date(2025, 12, 26), date(2026, 1, 1), date(2026, 1, 7)]


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("Score on 25/01/2026?", date(2026, 1, 25)),
        ("Arsenal v Spurs 25.1.26", date(2026, 1, 25)),
        ("Who won on 30.8.25?", date(2025, 8, 30)),
        ("Results on 27-12-2025", date(2025, 12, 27)),
        ("Results Jan 25", date(2026, 1, 25)),  # the 25th, in the latest January up to the data
        ("results jan 4", date(2026, 1, 4)),  # "jan" in lower case, with a number: the month
        ("What happened on the 25th of January?", date(2026, 1, 25)),
        ("Who scored on sunday the 26th?", date(2025, 10, 26)),  # the latest match day on a Sunday 26th
        ("Who scored on the 26th?", date(2025, 12, 26)),  # the latest match day on a 26th
        ("Results on Thursday 1 January", date(2026, 1, 1)),
        ("Results on Friday 1 January", date(2021, 1, 1)),  # the weekday picks the year
        ("Who scored on 7/1?", date(2026, 1, 7)),
        ("Who won last Saturday?", date(2026, 1, 31)),  # the latest match's own day
        ("Who won last Sunday?", date(2026, 1, 25)),
        ("Saturday's results", date(2026, 1, 31)),
        ("Sunday 26 October", date(2025, 10, 26)),
        ("Nov 9, 2025", date(2025, 11, 9)),
        ("Who scored on Boxing Day?", date(2025, 12, 26)),
        ("new year's day results", date(2026, 1, 1)),
    ],
)
def test_a_day_as_people_write_it(question: str, day: date) -> None:
    period = resolve_period(question, SEASON_LATEST, MATCH_DAYS)
    assert period is not None and (period.start, period.end) == (day, day)


@pytest.mark.parametrize(
    "question",
    [
        "Who played a 4-2-3-1?",  # a formation
        "He scored 3/5 of his penalties",  # a fraction
        "Who scored in the 26th minute?",  # a minute
        "What was the score of Sheffield Wednesday vs Brighton?",  # a club
        "Who may score 2 goals?",  # the verb
        "Spurs won 2-1",  # a score
        "xG of 1.5",
    ],
)
def test_numbers_that_are_no_date(question: str) -> None:
    assert resolve_period(question, SEASON_LATEST, MATCH_DAYS) is None


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Goals from 30.8.25", date(2025, 8, 30), SEASON_LATEST),
        ("Results since 1/12", date(2025, 12, 1), SEASON_LATEST),
        ("Results from 30.8.25 to 20.9.25", date(2025, 8, 30), date(2025, 9, 20)),
        ("Goals from 1 December until 7 January", date(2025, 12, 1), date(2026, 1, 7)),
    ],
)
def test_a_span_from_a_day(question: str, start: date, end: date) -> None:
    period = resolve_period(question, SEASON_LATEST, MATCH_DAYS)
    assert period is not None and (period.start, period.end) == (start, end)
    assert period.label == f"the matches from {start:%-d %B %Y} to {end:%-d %B %Y}"
