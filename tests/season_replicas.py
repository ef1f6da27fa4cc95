"""Another season for tests: real matches of the season corpus copied with new match ids, their dates moved back by
whole seasons and the season label of then ("2024/2025").

The copy works on the parsed contracts, so it goes through ``build_tables`` like any match: each copy has the same
score, scorers, cards and stats as its original, and an answer about it stays checkable against the raw file.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from football_rag.data.contracts import ParsedMatch
from football_rag.data.parsers.season import season_of

# A copy's id: the original's plus this per season moved back (WhoScored's ids are seven digits today).
REPLICA_ID_STEP = 100_000_000
# The competition the ingest hints give the season corpus, whose files name none (configs/ingest_hints.yaml).
SEASON_COMPETITION = "Premier League"


def replica_id(match_id: str, seasons_back: int = 1) -> str:
    """Return the id of ``match_id``'s copy ``seasons_back`` seasons earlier (an id that is not a number, as the
    file names some drift files are known by, gets a suffix)."""
    if not match_id.isdigit():
        return f"{match_id}-copy-{seasons_back}"
    return str(int(match_id) + seasons_back * REPLICA_ID_STEP)


def _earlier(day: date | datetime | None, years: int) -> date | datetime | None:
    return None if day is None else day.replace(year=day.year - years)


def with_competition(parsed: ParsedMatch, competition: str = SEASON_COMPETITION) -> ParsedMatch:
    """Return ``parsed`` with the competition its file does not name and that competition's season ("2026" for
    MLS), as the ingest hints give them."""
    update = {"competition": competition, "season": season_of(parsed.match.date, competition)}
    return parsed.model_copy(update={"match": parsed.match.model_copy(update=update)})


def replicate(parsed: ParsedMatch, seasons_back: int = 1, competition: str = SEASON_COMPETITION) -> ParsedMatch:
    """Return a copy of ``parsed`` ``seasons_back`` seasons earlier: a new match id in every record, the day and
    kick-off that many years back, that season's label; everything that happened on the pitch unchanged."""
    new_id = replica_id(parsed.match.match_id, seasons_back)
    day = _earlier(parsed.match.date, seasons_back)
    named = parsed.match.competition or competition
    match = parsed.match.model_copy(
        update={
            "match_id": new_id,
            "ids": {source: new_id for source in parsed.match.ids},
            "date": day,
            "kickoff": _earlier(parsed.match.kickoff, seasons_back),
            "season": season_of(day, named),
            "competition": named,
        }
    )
    records = {
        name: tuple(r.model_copy(update={"match_id": new_id}) for r in getattr(parsed, name))
        for name in ("events", "shots", "lineups", "formations", "team_stats")
    }
    return parsed.model_copy(update={"match": match, **records})


def two_seasons(parsed: Iterable[ParsedMatch]) -> list[ParsedMatch]:
    """Return ``parsed`` (the season corpus, its competition named) and a copy of each one season earlier."""
    originals = [with_competition(p) for p in parsed]
    return originals + [replicate(p) for p in originals]
