"""The season corpus by matchweek: its ``matches.csv`` rows grouped by ISO week (Monday to Sunday), in date order.

Shared by the season-forward test and its benchmark, which add one week of raw files per build.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path


def matchweeks(season_dir: Path) -> list[list[dict[str, str]]]:
    """Return the rows of ``season_dir/matches.csv`` grouped by the ISO week of their date, weeks in order."""
    with (season_dir / "matches.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    weeks: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["start_date"], r["whoscored_id"])):
        weeks[date.fromisoformat(row["start_date"][:10]).isocalendar()[:2]].append(row)
    return [weeks[key] for key in sorted(weeks)]
