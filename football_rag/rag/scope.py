"""Which season and competition a question is about: "in 2024/25", "2024-25", "last season", "this season",
"in the Premier League", "in the Champions League".

Seasons are the data's own labels ("2024/2025"): "this season" is the latest one loaded, "last season" the year
before it, "two seasons ago" two years before. A season the data does not hold, or a competition it does not
hold, is a refusal that says what the data does hold. A season is turned into a period (its first to its last
match day, "the 2024/2025 season"), so every answer over a period (totals, rankings, a team's story) keeps to it
and a date without a year ("in August last season") is read inside it. A competition is a filter on the matches
(``Resolution.competition``, read by ``match_select.in_period``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from football_rag.rag.dates import MONTHS, Period, resolve_period
from football_rag.rag.entities import Resolution

# Competitions as people name them (lower case), by a name the data's own competition names contain.
COMPETITIONS = {
    "Premier League": r"premier league|premiership|epl|the prem",
    "Champions League": r"champions league|ucl|cl|european cup",
    "Europa League": r"europa league|uel|europa(?! conference)",
    "Conference League": r"(?:europa )?conference league|uecl",
    "FA Cup": r"fa cup",
    "League Cup": r"league cup|(?:carabao|crabao|carabo|carbao|caraboa)(?: cup)?|efl cup",
    "Community Shield": r"community shield",
    "Club World Cup": r"club world cup",
    "World Cup": r"(?<!club )world cup",
    "European Championship": r"euros|euro (?:19|20)\d\d|european championship",
    "Nations League": r"nations league",
    "LaLiga": r"la ?liga",
    "Serie A": r"serie a",
    "Bundesliga": r"bundesliga",
    "Ligue 1": r"ligue 1",
    "Eredivisie": r"eredivisie",
    "MLS": r"mls|major league soccer",
    "Saudi Pro League": r"saudi pro league",
    # "championship table top 6", "championship play-offs" (not the league's own title: "win the championship")
    "Championship": r"the championship|efl championship|sky ?bet championship|championship(?= (?:table|standings|play"
    r"|leaders|top|bottom|clubs?|sides?|teams?|games?|matches|fixtures|results|scorers?|promotion))|league (?:one|two)",
    "Friendlies": r"friendl(?:y|ies)|pre[- ]?season",
    "Super Cup": r"super cup",
    # "the istanbul final", "the cup final": a final (the league has none) named by its cup or its host city
    "Cup finals": r"(?:cup|istanbul|munich|madrid|paris|porto|lisbon|kyiv|kiev|athens|moscow|rome|milan|berlin"
    r"|wembley|cardiff|seville|budapest|dublin|baku|bilbao|basel|prague) finals?"
    # a cup's rounds: the league has no semi-finals or legs
    r"|(?:cup )?(?:semi|quarter)[- ]?finals?|(?:cup )?semis|(?:first|second|1st|2nd) legs?",
    "Internationals": r"internationals?(?! break)",  # "after the international break" is a period of the league
}
_COMPETITION_PATTERNS = {name: re.compile(rf"\b(?:{aliases})\b") for name, aliases in COMPETITIONS.items()}

# "2024/25", "2024-25", "2024/2025" (not "2025-12-01": the second number must be the next year).
_SEASON_YEARS = re.compile(r"\b(20\d\d)\s*[/-]\s*(\d\d(?:\d\d)?)\b(?![/-]\d)")
# "the 24/25 season": two digits only next to the word season ("3/5 shots" is no season).
_SHORT_SEASON = re.compile(r"\b(\d\d)/(\d\d)\s+(?:season|campaign)\b")
_YEAR_SEASON = re.compile(r"\b(20\d\d)\s+(?:season|campaign)\b")
_THIS_SEASON = re.compile(r"\b(?:this|current|present)\s+(?:season|campaign)\b")
_SEASONS_AGO = re.compile(r"\b(two|three|four|2|3|4)\s+seasons\s+ago\b")
_BEFORE_LAST = re.compile(r"\b(?:the\s+)?season\s+before\s+last\b")
_LAST_SEASON = re.compile(
    r"\b(?:last|previous|past)\s+(?:season|campaign)\b(?!s)|\blast\s+year'?s\s+(?:league|title|season|campaign)\b"
    r"|\bthe\s+season\s+before\b|\bone\s+season\s+ago\b"
)
_AGO_WORDS = {"two": 2, "three": 3, "four": 4}
# "who won the prem in 1995", "liverpool 7-0 man utd from march 2023", "crowds back in the 1930s": a year or a decade
# after a word that dates it (a season is read before: "in 2024/25").
_YEAR_NAMED = re.compile(
    r"\b(?:in|of|from|since|during|until|till|before|after|the|year|"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+((?:18|19|20)\d\d)(s?)\b(?![/-]\d)"
)


@dataclass(frozen=True)
class SeasonAsked:
    """A season a question names: by its starting year ("2024/25": 2024), or counted back from the latest loaded
    (``back`` 0 for "this season", 1 for "last season")."""

    start_year: int | None = None
    back: int = 0


@dataclass(frozen=True)
class Season:
    """A loaded season: the data's label, its starting year, its first to last match day."""

    label: str
    start_year: int
    period: Period


@dataclass(frozen=True)
class Filters:
    """A season and competition chosen beside the question (the HTTP API's fields, the explorer's pickers): they
    apply as if the question named them, unless it names its own."""

    season: str | None = None
    competition: str | None = None


NO_FILTERS = Filters()


@dataclass(frozen=True)
class Scope:
    """What a question keeps to: a loaded season and competition (as the data spells it), or why it cannot."""

    season: Season | None = None
    competition: str | None = None
    refusal: str | None = None


def season_asked(text: str) -> SeasonAsked | None:
    """Return the season ``text`` names ("in 2024/25", "last season", "this season"), or None when it names none."""
    lowered = text.lower()
    for m in _SEASON_YEARS.finditer(lowered):
        start, end = int(m.group(1)), m.group(2)
        if (int(end) if len(end) == 4 else 2000 + int(end)) == start + 1:
            return SeasonAsked(start_year=start)
    if (m := _SHORT_SEASON.search(lowered)) and int(m.group(2)) == int(m.group(1)) + 1:
        return SeasonAsked(start_year=2000 + int(m.group(1)))
    if m := _YEAR_SEASON.search(lowered):
        return SeasonAsked(start_year=int(m.group(1)))
    if m := _SEASONS_AGO.search(lowered):
        return SeasonAsked(back=_AGO_WORDS.get(m.group(1)) or int(m.group(1)))
    if _BEFORE_LAST.search(lowered):
        return SeasonAsked(back=2)
    if _LAST_SEASON.search(lowered):
        return SeasonAsked(back=1)
    if _THIS_SEASON.search(lowered):
        return SeasonAsked(back=0)
    return None


def competition_asked(text: str) -> tuple[str, str] | None:
    """Return the competition ``text`` names first, as (its name in ``COMPETITIONS``, the words written), or None."""
    lowered = text.lower()
    found = [(m.start(), name, m.end()) for name, p in _COMPETITION_PATTERNS.items() if (m := p.search(lowered))]
    if not found:
        return None
    start, name, end = min(found)
    return name, text[start:end]


def _calendar_year(season: Season) -> bool:
    """Return whether ``season`` is a calendar year's ("2026"), not one across two ("2025/2026")."""
    return "/" not in season.label


def _start_year(label: str) -> int | None:
    """Return the year a season label starts in ("2024/2025" -> 2024, "2026" -> 2026), or None."""
    found = re.search(r"\b(\d{4})\b", label)
    return int(found.group(1)) if found else None


class ScopeReader:
    """The seasons and competitions of the loaded matches, and what a question asks of them.

    ``unrecorded`` names the competitions a match whose file recorded none may be (the ingest hints give the demo
    season's files "Premier League"): a question naming one of them is not refused, and not filtered, when the
    data holds such matches.
    """

    def __init__(self, matches: pd.DataFrame, unrecorded: Iterable[str] = ()) -> None:
        dated = matches.dropna(subset=["season", "date"]).assign(day=lambda m: m["date"].dt.date)
        spans = dated.groupby("season")["day"].agg(["min", "max"])
        self.seasons = sorted(
            (
                Season(str(label), year, Period(row["min"], row["max"], f"the {label} season"))
                for label, row in spans.iterrows()
                if (year := _start_year(str(label))) is not None
            ),
            key=lambda s: s.start_year,
        )
        self.competitions = sorted({str(c) for c in matches["competition"].dropna()})
        self._unrecorded = set(unrecorded) if matches["competition"].isna().any() else set()
        # the seasons each competition and each team played: "last season" is one of theirs
        self._labels: dict[str, set[str]] = {}
        for column in [c for c in ("competition", "home", "away") if c in dated]:
            for key, labels in dated.dropna(subset=[column]).groupby(column)["season"]:
                self._labels.setdefault(str(key), set()).update(labels.astype(str))

    @property
    def several_seasons(self) -> bool:
        """Return whether more than one season is loaded (with one, the data is that season)."""
        return len(self.seasons) > 1

    def latest_period(self) -> Period | None:
        """Return the latest season's period when several are loaded (what a total with no season named keeps
        to), else None (one season: the data is that season)."""
        return self.seasons[-1].period if self.several_seasons else None

    def season_of(self, day: date) -> Season | None:
        """Return the loaded season whose matches span ``day``, or None."""
        return next((s for s in self.seasons if s.period.contains(day)), None)

    def loaded(self) -> str:
        """Return what the data holds, as a clause: "the 2024/2025 and 2025/2026 seasons (Premier League)"."""
        labels = [s.label for s in self.seasons]
        seasons = " and ".join(filter(None, [", ".join(labels[:-1]), labels[-1]])) if labels else "no season"
        said = f"the {seasons} season{'s' if len(labels) > 1 else ''}"
        return f"{said} ({', '.join(self.competitions)})" if self.competitions else said

    def read(self, question: str, chosen: Filters = NO_FILTERS, teams: Iterable[str] = ()) -> Scope:
        """Return the season and competition ``question`` keeps to (else the ``chosen`` ones), or why the data cannot
        answer it. "Last season" counts back within the seasons of the competition, else of the ``teams`` named
        (a calendar-year league's "2025" before its "2026")."""
        competition, refused = self._competition(question, chosen.competition)
        if refused:
            return Scope(refusal=refused)
        asked = season_asked(question) or (season_asked(chosen.season) if chosen.season else None)
        if asked is None and chosen.season:
            return Scope(refusal=f"The season {chosen.season!r} is not in the data: it holds {self.loaded()}.")
        if asked is None:
            return Scope(competition=competition, refusal=self._year_refusal(question))
        season = self._season(asked, self._seasons_of([competition] if competition else list(teams)))
        if season is None:
            return Scope(refusal=self._season_refusal(asked))
        return Scope(season if self.several_seasons else None, competition)

    def _competition(self, question: str, chosen: str | None) -> tuple[str | None, str | None]:
        """Return the loaded competition asked for (the question's, else the chosen one) and None, or None and why
        the data does not hold it."""
        named = competition_asked(question)
        if named is None and chosen:
            if chosen in self.competitions:
                return chosen, None
            named = competition_asked(chosen) or (chosen, chosen)
        if named is None:
            return None, None
        name, words = named
        pattern = _COMPETITION_PATTERNS.get(name)
        found = next((c for c in self.competitions if pattern is not None and pattern.search(c.lower())), None)
        if found is None and name not in self._unrecorded:
            return None, f"The data has no {words} matches: it holds {self.loaded()}."
        return found, None

    def _seasons_of(self, keys: list[str]) -> list[Season]:
        """Return the loaded seasons the competitions or teams ``keys`` played (every season when none is known)."""
        labels = set().union(*(self._labels.get(key, set()) for key in keys))
        return [s for s in self.seasons if s.label in labels] or self.seasons

    def _season(self, asked: SeasonAsked, seasons: list[Season]) -> Season | None:
        """Return the season asked for, by its year or counted back from the latest season loaded of the kind
        ``seasons`` are (a calendar year's "2026", else "2025/2026"): one of ``seasons`` first, else any loaded
        season of that year and kind ("last season" of MLS 2026 is "2025", never "2025/2026")."""
        if not seasons:
            return None
        calendar = _calendar_year(seasons[-1])
        kind = [s for s in self.seasons if _calendar_year(s) == calendar]
        year = asked.start_year if asked.start_year is not None else kind[-1].start_year - asked.back
        return next((s for pool in (seasons, kind) for s in pool if s.start_year == year and s in kind), None)

    def _year_refusal(self, question: str) -> str | None:
        """Return why a year or decade the question names cannot be answered (no loaded season has a match in it),
        or None when it names none or a loaded one."""
        found = _YEAR_NAMED.search(question.lower())
        if found is None or not self.seasons:
            return None
        first = int(found.group(1))
        last = first + 9 if found.group(2) and first % 10 == 0 else first
        if any(s.period.start.year <= last and first <= s.period.end.year for s in self.seasons):
            return None
        return f"The data has no matches of {found.group(1)}{found.group(2)}: it holds {self.loaded()}."

    def _season_refusal(self, asked: SeasonAsked) -> str:
        """Return why the season asked cannot be answered, with what the data holds."""
        if asked.start_year is None:
            return f"Earlier seasons are not in the data: it holds {self.loaded()}."
        year = asked.start_year
        return f"The {year}/{str(year + 1)[2:]} season is not in the data: it holds {self.loaded()}."


def scope_resolution(
    scope: Scope, resolution: Resolution, question: str, match_days: Iterable[date], inherited: str | None
) -> None:
    """Keep ``resolution`` to ``scope``: the season as its period (a date without a year read inside it: "August
    last season"), the competition named, else ``inherited`` (the previous question's, for a follow-up)."""
    resolution.competition = scope.competition or inherited
    if scope.season is None:
        return
    season = scope.season.period
    if resolution.period is None:
        resolution.period = season
        return
    days = [d for d in match_days if season.contains(d)]
    within = resolve_period(question, season.end, days) or resolution.period
    resolution.period = within if within.start <= season.end and season.start <= within.end else season
