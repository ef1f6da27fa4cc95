"""The season a date falls in, the way European leagues name them ("2025/2026")."""

from __future__ import annotations

from datetime import date

SEASON_START_MONTH = 7


def season_of(day: date) -> str:
    """Return ``"YYYY/YYYY"``: a season runs from July to June."""
    start = day.year if day.month >= SEASON_START_MONTH else day.year - 1
    return f"{start}/{start + 1}"
