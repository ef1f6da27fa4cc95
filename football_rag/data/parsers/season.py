"""The season a date falls in, as its competition names it: "2025/2026" for the European leagues (July to June),
"2025" for a league played within one calendar year (MLS, the Brasileirão, ...)."""

from __future__ import annotations

import re
from datetime import date

SEASON_START_MONTH = 7
# Leagues whose season is one calendar year, found in the competition's name (as the files and hints spell it).
CALENDAR_YEAR_LEAGUES = re.compile(
    r"\b(?:mls|major league soccer|brasileir|campeonato brasileiro|j1 league|j\.? ?league|k league|allsvenskan|"
    r"eliteserien|veikkausliiga|chinese super league|league of ireland|liga profesional|copa libertadores|"
    r"copa sudamericana)",
    re.IGNORECASE,
)


def season_of(day: date, competition: str | None = None) -> str:
    """Return ``"YYYY"`` for a ``competition`` played within one calendar year, else ``"YYYY/YYYY"`` (a season
    running from July to June)."""
    if competition and CALENDAR_YEAR_LEAGUES.search(competition):
        return str(day.year)
    start = day.year if day.month >= SEASON_START_MONTH else day.year - 1
    return f"{start}/{start + 1}"
