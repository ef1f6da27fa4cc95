"""Spans of days and months as people write them, and a lower-case month after a time word."""

from __future__ import annotations

from datetime import date

import pytest

from football_rag.rag.dates import resolve_period

LATEST = date(2026, 2, 2)  # the latest match of the demo season


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("how many goals did haaland score between jan 1 and feb 15", date(2026, 1, 1), date(2026, 2, 15)),
        ("goals between 1 november and 31 december", date(2025, 11, 1), date(2025, 12, 31)),
        ("shots from 1 dec to 15 jan", date(2025, 12, 1), date(2026, 1, 15)),  # the end in the year after the start
        ("goals from october to december", date(2025, 10, 1), date(2025, 12, 31)),
        ("clean sheets between Oct and Dec", date(2025, 10, 1), date(2025, 12, 31)),
        ("salah goals in jan", date(2026, 1, 1), date(2026, 1, 31)),
        ("who scored since march", date(2025, 3, 1), LATEST),
    ],
)
def test_spans(question: str, start: date, end: date) -> None:
    period = resolve_period(question, LATEST)
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "question", ["goals assisted by jan paul van hecke", "what happened in may", "who may score", "march on, Arsenal"]
)
def test_names_and_verbs_are_no_months(question: str) -> None:
    assert resolve_period(question, LATEST) is None


@pytest.mark.parametrize(
    ("question", "start", "label"),
    [
        ("haaland goals over the last month", date(2026, 1, 3), "the month to 2 February 2026"),
        ("clean sheets in the past two months", date(2025, 12, 3), "the 2 months to 2 February 2026"),
        ("shots in the last 30 days", date(2026, 1, 4), "the 30 days to 2 February 2026"),
        ("cards in the past week", date(2026, 1, 27), "the week to 2 February 2026"),
    ],
)
def test_a_rolling_span_counts_back_from_the_latest_match(question: str, start: date, label: str) -> None:
    period = resolve_period(question, LATEST)
    assert period is not None and (period.start, period.end, period.label) == (start, LATEST, label)


def test_a_bare_last_month_is_the_calendar_month_before() -> None:
    period = resolve_period("who scored the most last month", LATEST)
    assert period is not None and period.label == "January 2026"


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("how many goals did haaland score in 2025", "2025"),
        ("top scorer in 2026", "2026"),
        ("goals in the 2025/26 season", None),  # the season: every match
        ("cards in 2025-26", None),
        ("yellow cards across december and january", "December 2025 to January 2026"),
    ],
)
def test_a_calendar_year_and_a_season(question: str, label: str | None) -> None:
    period = resolve_period(question, LATEST)
    assert (period.label if period else None) == label
