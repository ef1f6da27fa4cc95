"""Month words that are also verbs or first names count as months only where a date is meant."""

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
        ("Goals in early Jan", "January 2026"),
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
