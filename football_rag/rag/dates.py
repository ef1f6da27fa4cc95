"""Dates the way people write them, resolved to a period of days against the data's own calendar.

"9 November 2025", "Nov 9", "23/11/2025", "2025-11-23" -> that day; "November 2025", "in August" ->
that month; "last weekend" / "this weekend" / "at the weekend" / "last week" / "last month" -> relative
to the latest match in the data (not to today: the data is post-match and may lag). A month or day
without a year takes the latest year that does not run past the data.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+{_YEAR})?\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
RELATIVE = re.compile(r"\b(last|this|previous|past)\s+(weekend|week|month)\b", re.IGNORECASE)
# "Who scored at the weekend?": the weekend people mean is the latest one, as "this weekend" is.
THE_WEEKEND = re.compile(r"\b(at|over|on|during) the weekend\b", re.IGNORECASE)
# "may" and "march" are verbs and "Jan" a first name (Jan Paul van Hecke): only capitalised, and next to
# a day or a year or after a word that introduces a time ("in May", "since March", "early Jan"), is such
# a word the month.
AMBIGUOUS_MONTH_WORDS = {"may", "march", "jan"}
# "Goals since October": from the month on, not the month alone.
_SINCE_BEFORE = re.compile(r"\b(since|from the start of)\W*$", re.I)
_TIME_WORD_BEFORE = re.compile(
    r"\b(in|during|since|of|through|until|till|before|after|from|by|early|late|mid)\W*$", re.I
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _year_for(month: int, day: int, latest: date) -> int:
    """The latest year in which that day is not after the latest match."""
    return latest.year if (month, day) <= (latest.month, latest.day) else latest.year - 1


def _day_period(year: int, month: int, day: int) -> Period | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Period(d, d, d.isoformat())


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), f"{calendar.month_name[month]} {year}")


def _relative(word: str, unit: str, latest: date) -> Period:
    unit = unit.lower()
    if unit == "month":
        month_start = latest.replace(day=1)
        if word.lower() == "this":
            return _month_period(latest.year, latest.month)
        prev = month_start - timedelta(days=1)
        return _month_period(prev.year, prev.month)
    # the weekend (Fri-Mon, where Monday games still belong to the round) holding the latest match
    monday = latest - timedelta(days=latest.weekday())
    if unit == "week":
        return Period(monday, monday + timedelta(days=6), f"week of {monday.isoformat()}")
    saturday = latest - timedelta(days=(latest.weekday() - 5) % 7)
    return Period(saturday - timedelta(days=1), saturday + timedelta(days=2), f"weekend of {saturday.isoformat()}")


def resolve_period(text: str, latest: date) -> Period | None:
    """Return the period the text names, or None when it names none."""
    if m := ISO_DATE.search(text):
        return _day_period(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := SLASH_DATE.search(text):
        return _day_period(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := RELATIVE.search(text):
        return _relative(m.group(1), m.group(2), latest)
    if THE_WEEKEND.search(text):
        return _relative("this", "weekend", latest)
    for pattern, day_group, month_group in ((DAY_MONTH_YEAR, 1, 2), (MONTH_DAY_YEAR, 2, 1)):
        for m in pattern.finditer(text):
            if _is_month(m.group(month_group), m.group(0)):
                month, day = MONTHS[m.group(month_group).lower()], int(m.group(day_group))
                year = int(m.group(3)) if m.group(3) else _year_for(month, day, latest)
                return _day_period(year, month, day)
    for m in MONTH_YEAR.finditer(text):
        alone = not m.group(2) and not _TIME_WORD_BEFORE.search(text[: m.start()])
        if _is_month(m.group(1), m.group(0), needs_context=alone):
            month = MONTHS[m.group(1).lower()]
            year = int(m.group(2)) if m.group(2) else _year_for(month, 1, latest)
            period = _month_period(year, month)
            return _onwards(period, latest) if _SINCE_BEFORE.search(text[: m.start()]) else period
    return None


def _onwards(month: Period, latest: date) -> Period:
    """Return "since <month>": from that month's first day to the latest match."""
    return Period(month.start, max(month.end, latest), f"the matches since 1 {month.label}")


def _is_month(word: str, matched: str, needs_context: bool = False) -> bool:
    if word.lower() not in AMBIGUOUS_MONTH_WORDS:
        return True
    return word[0].isupper() and (not needs_context or any(ch.isdigit() for ch in matched))
