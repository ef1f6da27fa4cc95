"""Dates the way people write them, resolved to a period of days against the data's own calendar.

One day: "9 November 2025", "Nov 9", "the 25th of January", "23/11/2025", "25.1.26", "30.8.25", "2025-11-23",
"2025.12.06", "on 7/1", "played 24/12", "7.12" (no decimal asked), "Thursday 1 January", "saturday dec 6", "sun 21/9",
"sunday the 26th", "last Saturday", "the last saturday before xmas", "Boxing Day"; numbers day first, unless marked US
("9/27 (us)", "1/4 us style", "12-27 (month first)") or only the month-first reading is a date ("9/27") or one of the
days asked among ("1/25" of two clubs that met on 25 January). A month: "November 2025", "in August". A span: "from
30.8.25" (to the latest match), "since October", "from 1/9 to 30/9", "15/11 to 15/12", "1 aug 31 oct" (two days side
by side), "by 24/12", "up to and incl 5 oct", "after the games of 9 nov" (up to it), "after the nov international
break" (the longest gap between the month's match days: ``international_break``).
A weekday beside a date is that date's ("the saturday game in early december (6th)", "from 30 december (tuesday)"),
and a part of a month with its day is that day ("late november 30th").
Parts of the year: "mid-nov", "early december", "late oct" (days 1-10, 11-20, 21 to the end), "in the autumn",
"over the winter" (the British meteorological seasons), "the first 7 weeks", "calendar 2025", "all of the 2025 games",
"octobers games"; "since the start of december" is since December.
"last weekend" / "this weekend" / "at the weekend" / "last week" / "last month" count back from the
latest match in the data (not from today: the data is post-match and may lag). A day or month without a
year takes the latest year that does not run past the data (and fits the weekday, when one is named);
"the 26th" alone is the latest match day on a 26th.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"({_MONTH_NAMES})\.?"
_WEEKDAY = r"(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
# Alone, only a weekday's full name: "wed" is Sheffield Wednesday's, "sat" and "sun" everyday words.
_FULL_WEEKDAY = r"(" + "|".join(day.lower() for day in calendar.day_name) + r")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4}|'\d{2})"
# "the 27th (sep)": the month in brackets after the day; "dec the 6th": "the" between the month and an ordinal.
DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?\(?\s*{_MONTH}(?:\s*\))?(?:,?\s+{_YEAR})?(?![\w'])", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)\b))?{_DAY}(?!\d)(?:,?\s+{_YEAR})?(?![\w'])", re.IGNORECASE
)
# "20-dec-25", "30-DEC-2025": day, month's name and year joined by dashes.
DASHED_WORD_DATE = re.compile(rf"\b(\d{{1,2}})-{_MONTH}-(\d{{4}}|\d{{2}})\b", re.IGNORECASE)
# "december 1st-31st", "dec (1st - 15th)", "1st to 21st december", "between the 1st and 21st of dec": days of one
# month, from the first to the second.
_DAYS_JOINED = r"\s*(?:-|\u2013|to|and|until|till|thru|through)\s*(?:the\s+)?"
DAYS_OF_MONTH = re.compile(
    rf"\b{_MONTH}\s*\(?\s*{_DAY}{_DAYS_JOINED}{_DAY}\s*\)?(?:\s+{_YEAR})?(?![\w'])"
    rf"(?!\s*(?:of\s+)?\(?\s*(?:{_MONTH_NAMES})\b)",  # "december 1 to 15 january" joins two months' days
    re.IGNORECASE,
)
# Days before the month joined by a dash need an ordinal ("1st-21st dec"): "lost 1-2 december 6th" is a score.
DAYS_BEFORE_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)"
    r"|\s*(?:to|and|until|till|thru|through)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?)"
    rf"\s+(?:of\s+)?{_MONTH}(?:\s+{_YEAR})?(?![\w'])",
    re.IGNORECASE,
)
# "the seventh of january", "jan the 7th", "the first (nov)": a day's ordinal in words, read as its number.
_ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
)  # fmt: skip
ORDINALS = {word: n for n, word in enumerate(_ORDINAL_WORDS, 1)}
ORDINALS.update({f"twenty{sep}{word}": 20 + n for n, word in enumerate(_ORDINAL_WORDS[:9], 1) for sep in " -"})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
ORDINAL_DAY = re.compile(
    rf"\bthe\s+({_ORDINAL})(?=\s+(?:of\s+)?\(?\s*(?:{_MONTH_NAMES})\b)"
    rf"|\b((?:{_MONTH_NAMES})\.?\s+the\s+)({_ORDINAL})\b",
    re.IGNORECASE,
)
# "octobers games", "novembers matches": a month's name with an s, as typed for "October's".
MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:(?<=ber|ary|ust|ril)s)?(?:\s+{_YEAR})?\b", re.IGNORECASE)
# "2025-11-23", "2025/11/23", "2025.12.06": the year first, then the month and the day.
ISO_DATE = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b")
# "25/01/2026", "25.1.26", "30.8.25", "25-01-2026": day first, as in Britain. A dash needs the full year,
# so a formation ("4-2-3-1") or a score is never a date.
NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)|\b(\d{1,2})-(\d{1,2})-(\d{4})\b"
)
# "8-25-25", "25-8-25": dashes and a short year, read only when one number is over 12 (a day), so a formation
# ("4-2-3-1", "3-4-3") or a score is never a date.
MAX_MONTH = 12
DASHED_SHORT_DATE = re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(2\d)(?![\d-])")
# "on 7/1", "from 1/9", "(7/12)", "by 24/12", "26/12 - 1/1": day/month with no year only after a word that introduces
# a date, a dash or in brackets, never a bare "3/5" (three of five shots).
SHORT_DATE = re.compile(
    rf"(?:\b(?:on|from|since|until|till|til|to|by|before|after|of|and|thru|through|incl|including|played|{_WEEKDAY})"
    r"\s+|\(\s*|[-\u2013]\s*)(\d{1,2})/(\d{1,2})(?![\d/])(?!\s*\(?\s*us\b)",
    re.IGNORECASE,
)
# "15/11 to 15/12", "26/12 - 1/1": a day/month opening a span closed by another.
SHORT_SPAN_START = re.compile(
    r"\b(\d{1,2})/(\d{1,2})(?=\s*(?:to|-|\u2013|until|till|thru|through)\s*\d{1,2}/\d{1,2}\b)", re.IGNORECASE
)
# "7.12", "on 30.12", "played 6.12": day.month with no year, unless a figure's words say it is a decimal ("xg 1.2",
# "rated 7.5", "2.5 goals").
DOTTED_DATE = re.compile(r"(?<![\d.,/:-])(\d{1,2})\.(\d{1,2})(?![\d.]*\d)(?!\s*(?:%|[ap]\.?m\b))", re.I)
_DECIMALS = re.compile(
    r"\b(xg|xga|npxg|xa|ppda|ratings?|rated|average|avg|per (game|match|90)|possession|tilt|accuracy|odds|over|under"
    r"|kick[- ]?off|ko)\b|%",
    re.I,
)
# "9/27 (us)", "12/7 us", "1/4 us style", "12-27 (month first)": month first, as marked, after any word.
_MONTH_FIRST = r"\s*\(?\s*(?:us(?:\s+style)?|month\s+first)\b\)?"
US_DATE = re.compile(rf"\b(\d{{1,2}})[/-](\d{{1,2}})(?:[/-](\d{{4}}|\d{{2}}))?{_MONTH_FIRST}", re.IGNORECASE)


def without_date_marks(text: str) -> str:
    """Return ``text`` without the words that mark a date month first ("1/4 us style" -> "1/4"): they ask nothing
    ("style" is no question of style)."""
    return re.sub(rf"(?<=\d){_MONTH_FIRST}", "", text, flags=re.IGNORECASE)


def _ordinals_as_numbers(text: str) -> str:
    """Return ``text`` with a day's ordinal in words as its number ("the seventh of january" -> "the 7th of
    january", "jan the 7th"), so the day readers read it."""

    def number(m: re.Match[str]) -> str:
        n = ORDINALS[re.sub(r"\s+", " ", (m.group(1) or m.group(3)).lower())]
        suffix = "th" if 10 < n % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix}" if m.group(1) else f"{m.group(2)}{n}{suffix}"

    return ORDINAL_DAY.sub(number, text)


# "sunday the 26th", "on the 26th", "from the 26th": a day of an unnamed month ("the 26th minute" is no date).
DAY_OF_MONTH = re.compile(
    rf"\b(?:{_WEEKDAY}\s+(?:the\s+)?|on\s+the\s+|(?<=\bfrom\s)the\s+)(\d{{1,2}})(?:st|nd|rd|th)\b"
    rf"(?!\s+(?:minute|min|of\b|{_MONTH_NAMES})|\s*\(\s*(?:{_MONTH_NAMES}))",
    re.IGNORECASE,
)
# "last Saturday", "on Sunday", "Saturday's game": the latest such weekday up to the latest match
# (Sheffield Wednesday is a club). A weekday before a date ("saturday dec 6", "tuesday 2nd") is that date's.
NAMED_WEEKDAY = re.compile(
    rf"(?<!sheffield )(?<!sheff )\b(?:(?:last|this|previous|past|on)\s+)?{_FULL_WEEKDAY}(?:'s)?\b"
    rf"(?!,?\s+(?:the\s+)?(?:\d|(?:{_MONTH_NAMES})\.?\s+\d))",
    re.IGNORECASE,
)
WEEKDAY_BEFORE = re.compile(rf"\b{_WEEKDAY},?\s+(?:the\s+)?$", re.IGNORECASE)
# Days of the festive fixtures (and Halloween, the end of October) people name instead of the date.
HOLIDAYS = {
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "xmas eve": (12, 24),
    "xmas day": (12, 25),
    "boxing day": (12, 26),
    "new year s eve": (12, 31),
    "new years eve": (12, 31),
    "new year s day": (1, 1),
    "new years day": (1, 1),
    "christmas": (12, 25),  # "top at Christmas", "since new year": the day itself
    "xmas": (12, 25),
    "new year": (1, 1),
}
HOLIDAY = re.compile(
    r"\b(?:(?:the )?day (before|after) )?"
    r"((?:christmas|xmas) (eve|day)|boxing day|new year\W?s (eve|day)|christmas|xmas|new year|halloween)\b(?!\W?s\b)",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\b(last|this|previous|past)\s+(weekend|week|month)\b", re.IGNORECASE)
# "over the last month", "the past two weeks", "last 30 days": that long back from the latest match, to it (a bare
# "last month" is the calendar month before the latest match's, as ``RELATIVE`` reads it).
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT = r"(\d+|a|one|two|three|four|five|six)"
ROLLING = re.compile(
    rf"\b(?:the\s+(?:last|past)|past|(?:last|past)(?=\s+{_COUNT}\s))\s+(?:{_COUNT}\s+)?(days?|weeks?|months?)\b",
    re.IGNORECASE,
)
# "Who scored at the weekend?": the weekend people mean is the latest one, as "this weekend" is.
THE_WEEKEND = re.compile(r"\b(at|over|on|during) the weekend\b", re.IGNORECASE)
# "may" and "march" are verbs and "Jan" a first name (Jan Paul van Hecke): only capitalised, and next to
# a day or a year or after a word that introduces a time ("in May", "since March", "early Jan"), is such
# a word the month; in lower case only with a year, an ordinal ("may 3rd") or, for "jan", any number.
AMBIGUOUS_MONTH_WORDS = {"may", "march", "jan"}
# "Goals since October", "from 30.8.25": from that day or month on, not it alone.
# "Since the start of December" is since December.
_SINCE_BEFORE = re.compile(
    rf"\b(since|from|starting|from the start of|between|across)(?:\s+the\s+(?:start|beginning)\s+of)?"
    rf"(?:\W+{_WEEKDAY})?\W*$",
    re.I,
)
# "Goals in 2025", "calendar 2025", "all of the 2025 games", "2025's matches": a calendar year ("the 2025/26
# season" and "2025-26" name the season, no year).
YEAR = re.compile(
    r"\b(?:(?:in|during|of|calendar(?:\s+year)?|the)\s+(20\d\d)\b(?![/-]\d)"
    r"|(?<![/-])(20\d\d)(?:'?s)?\s+(?:games|matches|fixtures))\b"
    # "ref for liverpool v spurs 2019?", "arsenal v chelsea 2017 score": a year alone after a fixture, or last
    r"|(?<![\d/.:'-])(20\d\d)(?=\s*(?:score|result|final|game|match|meeting)?\W*$)",
    re.I,
)
# "... to 15/12", "... up to christmas eve", "... up to and incl 5 oct", "... thru december": what closes a span.
_UNTIL_AFTER = re.compile(
    r"^\s*(?:(?:(?:up\s+)?(?:to|until|till|2)|upto|and|thru|through)(?:\s+and\s+in+cl\w*)?\s+|[-\u2013+&/]\s*)", re.I
)
# "oct, nov and dec": a list of months goes on after a comma.
_LIST_COMMA = re.compile(r"^\s*,\s*")
_TIME_WORD_BEFORE = re.compile(
    r"\b(in|during|since|of|through|until|till|before|after|from|by|early|late|mid)\W*$", re.I
)
# The words before which a lower-case "jan" or "march" is the month ("goals in jan"): not "by" or "of", which a
# name follows as often ("assisted by jan paul van hecke"); "may" stays the verb ("what happened in may").
_MONTH_WORD_BEFORE = re.compile(r"\b(in|during|since|until|till|early|late|mid|between)\W*$", re.I)
_MONTH_AFTER_TIME_WORD = frozenset({"jan", "march"})


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class _Day:
    """One day the text names, and where: ``start``/``end`` are character offsets."""

    start: int
    end: int
    day: date
    through: date | None = None  # a part of a month ("mid november") runs from ``day`` to here
    label: str = ""
    closed: bool = False  # a span written with both ends ("1st to 21st december"): "from" before it extends nothing
    # A weekday alone ("saturday", "last sunday"): the latest such day, unless the text names a date, whose weekday
    # it then says ("the saturday game in early december (6th)", "from 30 december (tuesday)").
    weekday_only: bool = False


def _year_for(month: int, day: int, latest: date, weekday: int | None = None, back: int = 29) -> int:
    """Return the latest year in which that day is not after the latest match (and falls on ``weekday`` within
    ``back`` years)."""
    year = latest.year if (month, day) <= (latest.month, latest.day) else latest.year - 1
    if weekday is None:
        return year
    # A weekday recurs on a date every few years: look back far enough for any date, 29 February included.
    fits = [
        y for y in range(year, year - back, -1) if _valid(y, month, day) and date(y, month, day).weekday() == weekday
    ]
    return fits[0] if fits else year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _day_period(day: date) -> Period:
    return Period(day, day, day.isoformat())


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), f"{calendar.month_name[month]} {year}")


# A follow-up that moves the period asked before by a month ("and the month after?", "the month before") or drops it
# ("and in the league overall?", "all season").
_NEXT_MONTH = re.compile(r"\b(month after|following month|next month)\b", re.I)
_PREVIOUS_MONTH = re.compile(r"\b(month before|previous month|month prior)\b", re.I)
WHOLE_SEASON = re.compile(r"\b(overall|all season|(whole|entire|full) season|altogether)\b", re.I)


def moved_period(text: str, before: Period) -> Period | None:
    """Return the calendar month after (or before) the period ``before`` when the text asks for it, else None."""
    step = 1 if _NEXT_MONTH.search(text) else -1 if _PREVIOUS_MONTH.search(text) else 0
    if not step:
        return None
    anchor = before.end if step > 0 else before.start
    months = anchor.year * 12 + anchor.month - 1 + step
    return _month_period(months // 12, months % 12 + 1)


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


def _number(count: str) -> int:
    """Return a count written in digits or words ("7", "two", "a")."""
    return int(count) if count.isdigit() else _COUNT_WORDS.get(count.lower(), 1)


def _rolling(count: str | None, unit: str, latest: date) -> Period:
    """Return the ``count`` days, weeks or months up to the latest match ("the last month": 1 January to 31 January)."""
    n = _number(count or "one")
    unit = unit.lower().rstrip("s")
    if unit == "month":
        months = latest.year * 12 + latest.month - 1 - n
        year, month = divmod(months, 12)
        start = date(year, month + 1, min(latest.day, calendar.monthrange(year, month + 1)[1])) + timedelta(days=1)
    else:
        start = latest - timedelta(days=n * (7 if unit == "week" else 1) - 1)
    span = unit if n == 1 else f"{n} {unit}s"
    return Period(start, latest, f"the {span} to {latest:%-d %B %Y}")


def _full_year(text: str) -> int:
    """Return a written year as four digits ("26", "'26" -> 2026)."""
    digits = int(text.lstrip("'"))
    return digits + 2000 if digits < 100 else digits


def _weekday_before(text: str, start: int) -> tuple[int | None, int]:
    """Return the weekday named just before offset ``start`` ("Thursday 1 January"), or None, and how many years
    back it may move the day: a full name any number, an abbreviation only within the data's season, for "sun",
    "sat" or "wed" may be a club's code ("ARS's goal against SUN the 8th of november" is not 2020's)."""
    m = WEEKDAY_BEFORE.search(text[:start])
    if m is None:
        return None, 0
    word = m.group(1).lower()
    return WEEKDAYS[word], 29 if re.fullmatch(_FULL_WEEKDAY, word) else 2


def _dated(text: str, span: tuple[int, int], year: str | None, month: int, day: int, latest: date) -> _Day | None:
    """Return the day written at ``span`` with a day and a month, the year inferred when not written."""
    weekday, back = _weekday_before(text, span[0])
    full = _full_year(year) if year else _year_for(month, day, latest, weekday, back)
    return _Day(*span, date(full, month, day)) if _valid(full, month, day) else None


def _iso_days(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    for m in ISO_DATE.finditer(text):
        year, month, day = (int(g) for g in m.group(1, 3, 4))
        yield _Day(m.start(), m.end(), date(year, month, day)) if _valid(year, month, day) else None


def _numeric_days(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    for m in US_DATE.finditer(text):
        yield _dated(text, m.span(), m.group(3), int(m.group(1)), int(m.group(2)), latest)
    for m in NUMERIC_DATE.finditer(text):
        day, month, year = (m.group(1), m.group(3), m.group(4)) if m.group(1) else (m.group(5), m.group(6), m.group(7))
        yield _either_way(text, m.span(), year, int(day), int(month), latest, match_days)
    for m in DASHED_SHORT_DATE.finditer(text):
        if max(int(m.group(1)), int(m.group(2))) > MAX_MONTH:
            yield _either_way(text, m.span(), m.group(3), int(m.group(1)), int(m.group(2)), latest, match_days)
    for m in SHORT_DATE.finditer(text):
        # The span starts at the digits: the word before ("from", "since") is read by ``_span``.
        yield _either_way(text, (m.start(2), m.end()), None, int(m.group(2)), int(m.group(3)), latest, match_days)
    for m in SHORT_SPAN_START.finditer(text):
        yield _either_way(text, m.span(), None, int(m.group(1)), int(m.group(2)), latest, match_days)
    for m in DOTTED_DATE.finditer(text if not _DECIMALS.search(text) else ""):
        yield _dated(text, m.span(), None, int(m.group(2)), int(m.group(1)), latest)


def _either_way(
    text: str, span: tuple[int, int], year: str | None, first: int, second: int, latest: date, days: tuple[date, ...]
) -> _Day | None:
    """Return the day written as numbers, day first as in Britain, unless only the month-first (US) reading is a date
    ("9/27") or, of the days given (a fixture's meetings, else the match days), only it is one of them ("1/25")."""
    british = _dated(text, span, year, second, first, latest)
    us = _dated(text, span, year, first, second, latest)
    if british is None or (us is not None and british.day not in days and us.day in days):
        return us
    return british


# "on 3 march", "since 2 may": a day's number after a word that introduces a date makes "march" or "may" the month.
_DAY_INTRODUCED = re.compile(r"\b(on|from|since|until|till|by|before|after|to|thru|through)\W*$", re.I)


def _worded_days(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    for m in DASHED_WORD_DATE.finditer(text):
        yield _dated(text, m.span(), m.group(3), MONTHS[m.group(2).lower()], int(m.group(1)), latest)
    for pattern, day_group, month_group in ((DAY_MONTH_YEAR, 1, 2), (MONTH_DAY_YEAR, 2, 1)):
        for m in pattern.finditer(text):
            introduced = day_group == 1 and _DAY_INTRODUCED.search(text[: m.start()]) is not None
            if introduced or _is_month(m.group(month_group), m.group(0)):
                month, day = MONTHS[m.group(month_group).lower()], int(m.group(day_group))
                yield _dated(text, m.span(), m.group(3), month, day, latest)


def _days_of_months(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    """ "december 1st-31st", "1st to 21st december": from the first day to the second of the month, the year inferred
    when not written."""
    found = [(m, m.group(1), m.group(2), m.group(3), m.group(4)) for m in DAYS_OF_MONTH.finditer(text)]
    found += [(m, m[4], m[1], m[2] or m[3], m[5]) for m in DAYS_BEFORE_MONTH.finditer(text)]
    for m, month_word, first_day, last_day, year in found:
        month, first, last = MONTHS[month_word.lower()], int(first_day), int(last_day)
        opened = _dated(text, m.span(), year, month, first, latest)
        if opened is None or first > last or not _valid(opened.day.year, month, last):
            continue
        name = f"{calendar.month_name[month]} {opened.day.year}"
        yield _Day(*m.span(), opened.day, date(opened.day.year, month, last), f"{first} to {last} {name}", True)


# "the last quarter of 2025", "q4 2025": three calendar months of a year.
QUARTER = re.compile(
    r"\b(?:(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+quarter\s+of|q([1-4]))\s+(20\d\d)\b",
    re.IGNORECASE,
)
_QUARTERS = {
    word: n
    for n, words in enumerate(
        (("first", "1st"), ("second", "2nd"), ("third", "3rd"), ("fourth", "4th", "last", "final")), 1
    )
    for word in words
}


def _quarters(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    """ "the last quarter of 2025": 1 October to 31 December 2025."""
    for m in QUARTER.finditer(text):
        quarter, year = _QUARTERS.get((m.group(1) or "").lower()) or int(m.group(2)), int(m.group(3))
        first, last = date(year, 3 * quarter - 2, 1), _month_period(year, 3 * quarter).end
        said = f"the {('first', 'second', 'third', 'fourth')[quarter - 1]} quarter of {year}"
        yield _Day(*m.span(), first, last, f"{said} ({first:%-d %B} to {last:%-d %B %Y})", True)


# "the end of 2025": its last day.
YEAR_END = re.compile(r"\b(?:the\s+)?end\s+of\s+(20\d\d)\b(?![/-]\d)", re.IGNORECASE)


def _year_ends(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    """ "to the end of 2025": 31 December of that year."""
    for m in YEAR_END.finditer(text):
        yield _Day(m.start(), m.end(), date(int(m.group(1)), 12, 31))


def _month_days(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    """ "sunday the 26th": the latest match day on a 26th (and a Sunday), else the latest such calendar day."""
    for m in DAY_OF_MONTH.finditer(text):
        weekday = WEEKDAYS[m.group(1).lower()] if m.group(1) else None
        day = int(m.group(2))

        def fits(d: date, day: int = day, weekday: int | None = weekday) -> bool:
            return d.day == day and (weekday is None or d.weekday() == weekday)

        played = [d for d in match_days if d <= latest and fits(d)]
        calendar_days = (latest - timedelta(days=n) for n in range(366 * 7))
        found = max(played) if played else next((d for d in calendar_days if fits(d)), None)
        yield _Day(m.start(), m.end(), found) if found else None


_BEFORE_A_DAY = re.compile(r"\s+before\s+", re.I)


def _weekday_days(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    """ "last Saturday", "on Sunday": the latest such weekday on or before the latest match; "the last saturday
    before xmas": the latest such weekday before the day named after it."""
    for m in NAMED_WEEKDAY.finditer(text):
        weekday = WEEKDAYS[m.group(1).lower()]
        anchor, end = latest, m.end()
        if (before := _BEFORE_A_DAY.match(text, m.end())) and (then := _day_at(text, before.end(), latest, match_days)):
            anchor, end = then.day - timedelta(days=1), then.end
        alone = anchor == latest
        yield _Day(m.start(), end, anchor - timedelta(days=(anchor.weekday() - weekday) % 7), weekday_only=alone)


def _day_at(text: str, at: int, latest: date, match_days: tuple[date, ...]) -> _Day | None:
    """Return the day the text names starting at offset ``at``, with offsets in the whole text, or None."""
    found = next((d for d in named_days(text[at:], latest, match_days) if d.start == 0), None)
    return None if found is None else _Day(at, at + found.end, found.day)


def _holidays(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    """ "Boxing Day", "New Year's Day": that day in the latest year that does not run past the data ("the day after
    boxing day": the day after it)."""
    for m in HOLIDAY.finditer(text):
        month, day = HOLIDAYS[re.sub(r"\W+", " ", m.group(2).lower())]
        shift = {"before": -1, "after": 1}.get((m.group(1) or "").lower(), 0)
        yield _Day(m.start(), m.end(), date(_year_for(month, day, latest), month, day) + timedelta(days=shift))


# "mid-nov", "early december", "late oct 2025": the month's first, middle or last days (1-10, 11-20, 21 to its end);
# with the day after it ("early december (6th)", "late november 30th") that day.
# "At the start of december", "in the beginning of nov": its first days too (a table "at the start of" a month stands
# before them: ``table_day``; "since the start of december" is since December), as is "from the start of december"
# when a day closes the span ("... to christmas": 1 to 25 December).
PART_OF_MONTH = re.compile(
    rf"\b(early|mid|late|(?:at|in) the (?:start|beginning) of|(?<=from )the (?:start|beginning) of)"
    rf"(?:\s*-\s*|\s+)(?:the\s+)?{_MONTH}(?:\s+{_YEAR})?\b"
    r"(?:\s*\(\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*\)|\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b)?",
    re.I,
)
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _parts_of_months(text: str, latest: date, match_days: tuple[date, ...]) -> Iterator[_Day | None]:
    """ "mid november": from its 11th to its 20th, in the latest year that does not run past the data."""
    for m in PART_OF_MONTH.finditer(text):
        month = MONTHS[m.group(2).lower()]
        if day := m.group(4) or m.group(5):  # "early december (6th)": the day itself
            yield _dated(text, m.span(), m.group(3), month, int(day), latest)
            continue
        year = _full_year(m.group(3)) if m.group(3) else _year_for(month, 1, latest)
        part = m.group(1).lower()
        part = part if part in _PARTS else "the first days of"  # "at the start of", "in the beginning of"
        first, last = _PARTS.get(part, _PARTS["early"])
        last = min(last, calendar.monthrange(year, month)[1])
        name = calendar.month_name[month]
        label = f"{part} {name} {year} ({first} to {last} {name})"
        yield _Day(m.start(), m.end(), date(year, month, first), date(year, month, last), label)


DAY_READERS: tuple[Callable[[str, date, tuple[date, ...]], Iterable[_Day | None]], ...] = (
    _iso_days,
    _numeric_days,
    _worded_days,
    _days_of_months,
    _quarters,
    _year_ends,
    _month_days,
    _weekday_days,
    _holidays,
    _parts_of_months,
)


_OPENING_WEEKDAY = re.compile(rf"{_WEEKDAY}\W+", re.IGNORECASE)


def weekday_of_date(text: str, latest: date) -> bool:
    """Whether ``text`` opens with a weekday, named or abbreviated, followed by a date that falls on it ("sun 28th
    sep", "sat 6/12"): the weekday then says when, not who ("sun" is Sunderland's code too)."""
    opening = _OPENING_WEEKDAY.match(text)
    if opening is None:
        return False
    day = next((d for d in named_days(text, latest) if d.start >= opening.end()), None)
    return day is not None and day.day.weekday() == WEEKDAYS[opening.group(1).lower()]


def calendar_of(match_days: Iterable[date]) -> tuple[date, ...]:
    """Return the match days sorted, each once. The catalog's tuple is sorted once and remembered: every date a
    question reads sorted ten seasons' days again (~0.2 ms a question at one season, ~0.6 at ten)."""
    return _sorted_once(match_days if isinstance(match_days, tuple) else tuple(match_days))


@functools.lru_cache(maxsize=8)
def _sorted_once(match_days: tuple[date, ...]) -> tuple[date, ...]:
    return tuple(sorted(set(match_days)))


def named_days(text: str, latest: date, match_days: Iterable[date] = ()) -> list[_Day]:
    """Return every day the text names, in order, a longer mention winning over one inside it."""
    days = calendar_of(match_days)
    found = [d for read in DAY_READERS for d in read(text, latest, days) if d is not None]
    kept: list[_Day] = []
    for d in sorted(found, key=lambda d: (d.start, -(d.end - d.start))):
        if not any(k.start < d.end and d.start < k.end for k in kept):
            kept.append(d)
    dated = [d for d in kept if not d.weekday_only]
    return dated or kept  # a weekday beside a date is that date's ("the saturday game in early december (6th)")


# FIFA's international windows in a European season (September, October, November, March; June after it): the
# international break of a month is the longest gap between match days in it.
INTERNATIONAL_MONTHS = frozenset([9, 10, 11, 3, 6])
MIN_BREAK_DAYS = 10
_BREAK = re.compile(
    r"\b(?:(after|since|from|before|until|till|up to|between|going into|heading into)\s+)?(?:the\s+)?"
    rf"(?:({_MONTH_NAMES})\.?\s+)?"
    r"(?:international|intl|int'l)\s+break\b|\b(since|between)\s+the\s+break\b",
    re.I,
)


def international_break(match_days: Sequence[date], month: int | None = None) -> tuple[date, date] | None:
    """Return the first and last days without matches of the international break of ``month`` (the longest gap of
    over ``MIN_BREAK_DAYS`` between match days that falls in it), or with no month the latest such gap in a month of
    ``INTERNATIONAL_MONTHS``; None when the matches hold none."""
    gaps = [
        (a + timedelta(days=1), b - timedelta(days=1)) for a, b in pairwise(match_days) if (b - a).days > MIN_BREAK_DAYS
    ]
    months = {month} if month else INTERNATIONAL_MONTHS
    fits = [g for g in gaps if g[0].month in months or g[1].month in months]
    if month is None:
        return fits[-1] if fits else None
    return max(fits, key=lambda g: (g[1] - g[0], g[1]), default=None)


def _break_read(text: str, match_days: Sequence[date], fixture: bool = False) -> tuple[str, str]:
    """Return the text with an international break it names written as the day that bounds it ("after the nov
    international break" -> "from 22 November 2025", "until the break" -> "until 9 November 2025"), and the note the
    period's label takes ("" when it names none). Of a ``fixture``, "since the break" is the second half."""
    m = _BREAK.search(text)
    if m and m.group(3) and fixture:
        return text, ""
    gap = international_break(match_days, MONTHS[m.group(2).lower()] if m and m.group(2) else None) if m else None
    if gap is None:
        return text, ""
    word = (m.group(1) or m.group(3) or "after").lower()
    last_before, resume = gap[0] - timedelta(days=1), gap[1] + timedelta(days=1)
    said = {"after": "from", "before": "up to", "going into": "up to", "heading into": "up to"}.get(word, word)
    day = last_before if said in ("up to", "until", "till") else resume
    note = f" (the international break: no matches {gap[0]:%-d %B} to {gap[1]:%-d %B %Y})"
    return f"{text[: m.start()]}{said} {day:%-d %B %Y}{text[m.end() :]}", note


def resolve_period(
    text: str, latest: date, match_days: Iterable[date] = (), fixture_days: Iterable[date] | None = None
) -> Period | None:
    """Return the period the text names, or None when it names none.

    ``latest`` is the latest finished match; ``match_days`` (optional) are the days with matches, which
    "the 26th" is read against and an international break found in. ``fixture_days``, given when the text names a
    fixture (two clubs), are the days those clubs met: "from 30/8" then names the game of that day, not the matches
    since, and "sunday the 14th" is read among their meetings first.
    """
    match_days = calendar_of(match_days)
    text, note = _break_read(_ordinals_as_numbers(text), match_days, fixture_days is not None)
    period = _period_named(text, latest, match_days, fixture_days)
    return replace(period, label=period.label + note) if period and note else period


def _period_named(
    text: str, latest: date, match_days: tuple[date, ...], fixture_days: Iterable[date] | None
) -> Period | None:
    """Return the period the text names (``resolve_period``, an international break already written as a day)."""
    fixture = None if fixture_days is None else tuple(sorted(set(fixture_days)))
    if FESTIVE.search(text):
        return _festive(latest)
    if (m := WEEKEND_OF.search(text)) and (day := _day_at(text, m.end(), latest, fixture or match_days)):
        return _weekend_of(day.day)
    if days := named_days(text, latest, fixture or match_days):
        return _span(text, days, latest, match_days[0] if match_days else None, fixture is not None)
    if m := ROLLING.search(text):
        return _rolling(m.group(2) or m.group(1), m.group(3), latest)
    if m := RELATIVE.search(text):
        return _relative(m.group(1), m.group(2), latest)
    if THE_WEEKEND.search(text):
        return _relative("this", "weekend", latest)
    if (m := FIRST_MONTHS.search(text)) and match_days:
        return _first_months(match_days[0], m.group(1))
    if (m := FIRST_WEEKS.search(text)) and match_days:
        return _first_weeks(match_days[0], m.group(1))
    if m := SEASON_OF_YEAR.search(text):
        return _season_of_year(m.group(1).lower(), latest)
    for m in MONTH_YEAR.finditer(text):
        if _is_month(m.group(1), m.group(0), before=text[: m.start()]):
            period = _named_month(m, latest)
            up_to = _UP_TO_BEFORE.search(text[: m.start()])
            # "thru december" is throughout it; "through the end of november" up to its end
            throughout = (
                _THROUGHOUT.match(up_to.group(1)) and not _END_OF_BEFORE.search(up_to.group(0)) if up_to else False
            )
            if up_to and not throughout and match_days:
                # "up to the end of november" holds November; "before", "until", "by december" stop before it
                return _up_to(match_days[0], period.end if _holds_month(up_to) else period.start - timedelta(days=1))
            opened = _SINCE_BEFORE.search(text[: m.start()])
            last = _month_after(text[m.end() :], latest)
            if opened is None or opened.group(1).lower() == "across":
                # "aug + sep", "oct & nov", "october to december": both months and those between; "across
                # november" is November alone
                return period if last is None or last.end < period.start else _onwards(period, last, latest)
            return _onwards(period, last, latest)
    if m := YEAR.search(text):
        year = int(m.group(1) or m.group(2) or m.group(3))
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    return None


# "on the weekend of the 27th (sep)", "weekend of 20 dec": the weekend holding that day, not the latest weekend.
WEEKEND_OF = re.compile(r"\bweekend\s+of\s+(?:the\s+)?", re.IGNORECASE)
SATURDAY = 5


def _weekend_of(day: date) -> Period:
    """Return the weekend (Friday to Monday, whose Monday games still belong to the round) holding ``day``, a Saturday
    or Sunday; another day alone."""
    if day.weekday() < SATURDAY:
        return _day_period(day)
    saturday = day - timedelta(days=day.weekday() - SATURDAY)
    return Period(saturday - timedelta(days=1), saturday + timedelta(days=2), f"the weekend of {day:%-d %B %Y}")


def _named_month(m: re.Match[str], latest: date) -> Period:
    """Return the month a ``MONTH_YEAR`` match names, the year inferred when not written."""
    month = MONTHS[m.group(1).lower()]
    return _month_period(_full_year(m.group(2)) if m.group(2) else _year_for(month, 1, latest), month)


_END_OF = re.compile(r"the\s+end\s+of\s+", re.I)


def _month_after(text: str, latest: date) -> Period | None:
    """Return the month that closes a span ("... to December", "... and March", "... up to the end of november", the
    last of a list: "..., nov and dec"), or None."""
    closing, at = None, 0
    while until := _UNTIL_AFTER.match(text[at:]) or _LIST_COMMA.match(text[at:]):
        end_of = _END_OF.match(text, at + until.end())
        m = MONTH_YEAR.match(text, end_of.end() if end_of else at + until.end())
        if not (m and _is_month(m.group(1), m.group(0), before="in ")):
            break
        closing, at = _named_month(m, latest), m.end()
    return closing


# "Goals before Christmas", "before the new year", "the table up to 1 December", "up to the end of november",
# "before december": from the first match of the data to that day (before it, for "before"), or to the end of the
# month when "the end of" it is said (else to the end of the month before).
# "Up to and incl 5 oct", "up 2 and inncl 5 oct", "thru 24/12", "after the games of 9 nov" hold the day or month
# named; the table "after the games of" a day is the table up to it.
_UP_TO_BEFORE = re.compile(
    r"\b(before|going into|heading into|at(?=\s+the\s+end\s+of)|until|till|up (?:to|2|until)|upto|by|to|thru|through"
    r"|(?<=season )2"  # "from the start of the season 2 halloween": chat's "2" for "to"
    r"|after the (?:games|matches|fixtures|round) (?:of|on))"
    rf"(\s+and\s+in+cl\w*|\s+in+cl\w*)?(?:\s+the(?:\s+end\s+of)?)?(?:\W+{_WEEKDAY})?\W*$",
    re.I,
)
_HOLDING = re.compile(r"after", re.I)
# "Top scorer at christmas", "points as of 8/12": where things stood on the day, the season up to it (of a fixture,
# "at christmas" is the day of their match).
_AT_A_DAY = re.compile(r"\b(?:at|as\s+of|as\s+at)\s+(?:the\s+)?$", re.I)
# "Top after the 1st jan matches", "after the boxing day games": the season up to that day's games, the day named
# between "after the" and the games.
_AFTER_THE_DAYS_GAMES = re.compile(r"\bafter\s+the\s+\S+(?:\s+\S+){0,2}\s+(?:games|matches|fixtures|round)\b", re.I)
# "Goals thru december": throughout the month, not up to it (a day "thru 24/12" is up to it).
_THROUGHOUT = re.compile(r"thru|through", re.I)
_END_OF_BEFORE = re.compile(r"\bend\s+of\W*$", re.I)
# "In the first three months of the season": the calendar months from the first match's.
FIRST_MONTHS = re.compile(rf"\b(?:the\s+)?(?:first|opening)\s+{_COUNT}\s+months?\b(?!\s+of\s+20)", re.I)
# "In the first 7 weeks", "the opening two weeks": seven days a week from the first match day.
FIRST_WEEKS = re.compile(rf"\b(?:the\s+)?(?:first|opening)\s+{_COUNT}\s+weeks?\b", re.I)
# "In the autumn", "over the winter": the meteorological seasons, as the British count them (autumn September to
# November, winter December to February), the latest one begun by the latest match.
SEASON_OF_YEAR = re.compile(r"\b(autumn|winter|spring|summer)(?!\s+(?:break|window|transfer|signing))\b", re.I)
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _before(up_to: re.Match[str]) -> bool:
    """Whether an ``_UP_TO_BEFORE`` match stops before the day or month it names ("before", "going into", not "up
    to")."""
    return re.match(r"before|going|heading", up_to.group(1), re.I) is not None


def _holds_month(up_to: re.Match[str]) -> bool:
    """Whether an ``_UP_TO_BEFORE`` match keeps the month it names ("up to the end of november", "thru december",
    "up to and incl november", "after the games of november"), not only the months before it ("before december",
    "until december")."""
    end_of = re.search(r"\bend\s+of\W*$", up_to.group(0), re.I) is not None
    return end_of or bool(up_to.group(2)) or _HOLDING.match(up_to.group(1)) is not None


def _up_to(first_day: date, end: date) -> Period:
    """Return the matches from the data's first day to ``end``."""
    return Period(first_day, end, f"the matches up to {end:%-d %B %Y}")


def _first_months(first_day: date, count: str) -> Period:
    """Return the first ``count`` calendar months of the matches, from the first match day."""
    n = _number(count)
    year, month = divmod(first_day.year * 12 + first_day.month - 1 + n, 12)
    end = date(year, month + 1, 1) - timedelta(days=1)
    return Period(first_day, end, f"the first {n} month{'s' if n > 1 else ''}, to {end:%-d %B %Y}")


# "Top at the start of December": the table as the month began, before its matches ("goals at the start of
# December" are its first days' goals, so only a table reads it so).
_AT_THE_START = re.compile(r"\b(?:at|by) the (?:start|beginning) of\b", re.I)


def table_day(text: str, period: Period) -> Period:
    """Return ``period`` ending where a table asked at it stands: its last day, or the day before it when the text
    asks at its start."""
    return replace(period, end=period.start - timedelta(days=1)) if _AT_THE_START.search(text) else period


# "Over christmas", "the festive period", "the christmas fixtures", "christmas and new year": the holiday's rounds,
# from the weekend before Christmas to the first weekend of January (``FESTIVE_DAYS``), as the answer says.
FESTIVE = re.compile(
    r"\b(?:(?:christmas|xmas|festive|holiday)\s+(?:period|fixtures|games|matches|schedule|programme|season)"
    r"|over\s+(?:christmas|xmas)|(?:christmas|xmas)\s+(?:and|&|\+)\s+new\s+year)\b",
    re.I,
)
FESTIVE_DAYS = ((12, 20), (1, 4))


def _festive(latest: date) -> Period:
    """Return the latest festive period begun by ``latest``: 20 December to 4 January."""
    (first_month, first_day), (last_month, last_day) = FESTIVE_DAYS
    start = date(_year_for(first_month, first_day, latest), first_month, first_day)
    end = date(start.year + 1, last_month, last_day)
    return Period(start, end, f"the festive period ({start:%-d %B %Y} to {end:%-d %B %Y})")


def _first_weeks(first_day: date, count: str) -> Period:
    """Return the first ``count`` weeks of the matches, seven days each from the first match day."""
    n = _number(count)
    end = first_day + timedelta(days=7 * n - 1)
    return Period(first_day, end, f"the first {n} week{'s' if n > 1 else ''}, {first_day:%-d %B} to {end:%-d %B %Y}")


def _season_of_year(season: str, latest: date) -> Period:
    """Return the latest three months of ``season`` begun by ``latest`` (winter: December to February)."""
    month = _SEASON_MONTHS[season]
    year = latest.year if latest.month >= month else latest.year - 1
    months = year * 12 + month - 1 + 3
    end = date(months // 12, months % 12 + 1, 1) - timedelta(days=1)
    start = date(year, month, 1)
    return Period(start, end, f"{season} {year} ({start:%-d %B %Y} to {end:%-d %B %Y})")


def _span(text: str, days: list[_Day], latest: date, first_day: date | None = None, fixture: bool = False) -> Period:
    """Return the first day named, or the span it opens ("from 1/9 to 30/9", "since 30.8.25") or closes ("before
    Christmas": from ``first_day``, the data's first match day). Of a ``fixture`` ("spurs v bournemouth from 30/8"),
    "from" a day with no day closing it is the game of that day."""
    first = days[0]
    games = _AFTER_THE_DAYS_GAMES.search(text)
    after_its_games = games is not None and games.start() < first.start and first.end <= games.end()
    if first_day is not None and not fixture and (_AT_A_DAY.search(text[: first.start]) or after_its_games):
        return _up_to(first_day, first.through or first.day)  # "top scorer at christmas": the season up to it
    if (up_to := _UP_TO_BEFORE.search(text[: first.start])) and first_day is not None:
        return _up_to(first_day, first.day - timedelta(days=1) if _before(up_to) else first.through or first.day)
    between = text[first.end : days[1].start] if len(days) > 1 else ""
    # "1 aug 31 oct": two days side by side, the second later, are a span as "1 aug to 31 oct" is
    side_by_side = len(days) > 1 and not between.strip() and days[1].day > first.day
    after = days[1] if len(days) > 1 and (_UNTIL_AFTER.match(between + " ") or side_by_side) else None
    if first.closed and after is None:  # "from 1st to 21st december": both ends written
        return Period(first.day, first.through or first.day, first.label)
    # "15th nov - 15th dec", "26 dec to 1 jan": two days joined are a span with no "from" before them
    if not (opened := _SINCE_BEFORE.search(text[: first.start])) and after is None:
        return Period(first.day, first.through, first.label) if first.through else _day_period(first.day)
    if fixture and after is None and opened and opened.group(1).lower() == "from":
        return _day_period(first.day)
    # "from 18 oct up to the end of november": a month closes it
    month = None if after else _month_after(text[first.end :], latest)
    closed = month.end if month and month.end >= first.day else max(first.day, latest)
    end = _not_before(after.through or after.day, first.day) if after else closed
    return Period(first.day, end, f"the matches from {first.day:%-d %B %Y} to {end:%-d %B %Y}")


def _not_before(day: date, start: date) -> date:
    """Return ``day`` in the first year that puts it on or after ``start`` ("from 1 Dec to 15 Jan" ends in January
    of the next year, even past the data)."""
    years = range(start.year, start.year + 5)  # 29 February comes back within five years
    return next(d for y in years if _valid(y, day.month, day.day) and (d := date(y, day.month, day.day)) >= start)


def _onwards(month: Period, last: Period | None, latest: date) -> Period:
    """Return "since <month>" (from its first day to the latest match), or "from <month> to <last>"."""
    if last is not None and last.end >= month.start:
        return Period(month.start, last.end, f"{month.label} to {last.label}")
    return Period(month.start, max(month.end, latest), f"the matches since 1 {month.label}")


def _is_month(word: str, matched: str, before: str | None = None) -> bool:
    """Whether ``word`` names a month where ``matched`` was found (``before``: the text before it, when a month
    alone must be introduced by a time word: "in May", "since March")."""
    alone = before is not None and not re.search(r"\d", matched)
    if word.lower() not in AMBIGUOUS_MONTH_WORDS:
        return True
    if word[0].isupper():
        return not alone or bool(_TIME_WORD_BEFORE.search(before or ""))
    # Lower case: "may 3rd", "march 2026", "jan 25", "in jan" are dates; "who may score 2 goals" is not.
    return (
        bool(re.search(r"\d{4}|'\d\d|\d(st|nd|rd|th)\b|\bof\b", matched))
        or (word == "jan" and any(ch.isdigit() for ch in matched))
        or (alone and word in _MONTH_AFTER_TIME_WORD and bool(_MONTH_WORD_BEFORE.search(before or "")))
    )
