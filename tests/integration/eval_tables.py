"""Tables built once per test session from real matches, for the evaluation tests (the data is read in place).

The August 2025 matches of the season corpus (27) and three later ones the hand-checked questions
rest on: Arsenal 4-1 Tottenham (1903228), Man City 3-0 Man Utd (1903154) and Chelsea 1-1 Arsenal (1903239).
"""

from __future__ import annotations

from functools import cache

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.data.contracts import ParsedMatch
from football_rag.data.parsers import parse_file
from tests.conftest import SEASON_DATA, require, season_index

LATER = ("1903228", "1903154", "1903239")


def match_ids() -> list[str]:
    """The ids of the matches the tables hold (skips the test when the season corpus is absent)."""
    require(SEASON_DATA)
    august = [r["whoscored_id"] for r in season_index() if r["start_date"].startswith("2025-08")]
    return list(dict.fromkeys([*august, *LATER]))


@cache
def parsed_matches() -> tuple[ParsedMatch, ...]:
    return tuple(parse_file(SEASON_DATA / "whoscored" / f"{i}.json.gz") for i in match_ids())


@cache
def eval_tables(without: tuple[str, ...] = ()) -> MatchTables:
    """The tables of ``match_ids()`` minus the ``without`` matches."""
    return build_tables([p for p in parsed_matches() if p.match.match_id not in without])
