"""Earlier seasons made from the real demo season: each match copied with a new id, its dates moved back k years.

A copy k seasons back keeps every event, player and score of the real match; only what names the match and when it
was played changes: the id (the file's name, as the bare ``matchCentreData`` the corpus holds carries none), the
three dates the match centre holds (``startTime``, ``startDate``, ``timeStamp``) and so the season the parser derives
from the kick-off. WhoScored's JSON names no competition: the copies are put in a raw store (``data.raw_store``)
whose index records the competition and the season label for each, as the crawler records them. So "the score of
Arsenal v Chelsea in 2022/23" has a known answer: the real 2025/26 match's.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from football_rag.data.contracts import Source
from football_rag.data.parsers.season import season_of
from football_rag.data.raw_store import RawStore

COMPETITION = "Premier League"
ID_STRIDE = 10**8  # a copy's id: the real id plus k times this (the real ids are seven digits)
DATE_FIELDS = ("startTime", "startDate", "timeStamp")


def copy_id(match_id: str, seasons_back: int) -> str:
    """Return the id of the copy of real match ``match_id`` made ``seasons_back`` seasons earlier."""
    return str(int(match_id) + seasons_back * ID_STRIDE)


def season_back(season: str, seasons_back: int) -> str:
    """Return the label of the season ``seasons_back`` before ``season`` ("2025/2026", 3 -> "2022/2023")."""
    start, end = (int(year) for year in season.split("/"))
    return f"{start - seasons_back}/{end - seasons_back}"


def shifted_centre(centre: dict[str, Any], seasons_back: int) -> dict[str, Any]:
    """Return a copy of a ``matchCentreData`` object with its dates moved ``seasons_back`` years earlier."""
    copy = dict(centre)
    for field in DATE_FIELDS:
        if isinstance(copy.get(field), str) and copy[field]:
            copy[field] = _years_earlier(copy[field], seasons_back)
    return copy


def _years_earlier(stamp: str, years: int) -> str:
    """Return an ISO-like stamp ("2025-08-15T21:00:00" or "2025-09-10 14:56:00") ``years`` earlier, same layout."""
    separator = "T" if "T" in stamp else " "
    moment = datetime.fromisoformat(stamp)
    # the demo season runs August to January: no 29 February to move
    return moment.replace(year=moment.year - years).isoformat(sep=separator)


def put_copy(store: RawStore, path: Path, seasons_back: int) -> str:
    """Store the copy of the real match file ``path`` made ``seasons_back`` seasons earlier; return its id."""
    centre = json.loads(gzip.decompress(path.read_bytes()))
    copy = shifted_centre(centre, seasons_back)
    match_id = copy_id(path.name.split(".")[0], seasons_back)
    kickoff = datetime.fromisoformat(copy["startTime"]).date()
    store.put(
        Source.WHOSCORED,
        match_id,
        json.dumps(copy, ensure_ascii=False),
        competition=COMPETITION,
        season=season_of(kickoff, COMPETITION),
    )
    return match_id
