"""The earlier seasons bench_growth makes from the real demo season: a copy is the real match, moved back whole
years, under a new id, in its own season (benchmarks.season_copies)."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from benchmarks.season_copies import put_copy
from football_rag.data.parsers import parse_file
from football_rag.data.raw_store import RawStore
from football_rag.knowledge.ingest import parse_raw_files, scan_raw_dir
from tests.conftest import SEASON_DATA, require

# Liverpool 4-2 Bournemouth, 15 August 2025 (the season's opening match)
OPENER = "1903117"


def test_a_copy_three_seasons_back_is_the_real_match_in_2022_23(tmp_path: Path) -> None:
    real_path = require(SEASON_DATA / "whoscored" / f"{OPENER}.json.gz")
    store = RawStore(tmp_path)

    copied = put_copy(store, real_path, 3)

    assert copied == "301903117"
    centre = json.loads(gzip.decompress((tmp_path / "whoscored" / "301903117.json.gz").read_bytes()))
    assert (centre["startTime"], centre["startDate"], centre["timeStamp"]) == (
        "2022-08-15T21:00:00",
        "2022-08-15T00:00:00",
        "2022-09-10 14:56:00",
    )
    [entry] = store.entries()
    assert (entry.match_id, entry.competition, entry.season) == ("301903117", "Premier League", "2022/2023")

    [(_, parsed)], rejected = parse_raw_files(scan_raw_dir(tmp_path, {}), workers=1)
    real = parse_file(real_path)
    assert rejected == []
    match = parsed.match
    assert (match.match_id, match.date, match.season, match.competition) == (
        "301903117",
        date(2022, 8, 15),
        "2022/2023",
        "Premier League",
    )
    assert (match.home.name, match.away.name) == ("Liverpool", "Bournemouth")
    assert (match.score.fulltime.home, match.score.fulltime.away) == (4, 2)
    assert match.score == real.match.score
    assert len(parsed.events) == len(real.events) and len(parsed.shots) == len(real.shots)


def test_the_latest_season_is_copied_under_its_own_id(tmp_path: Path) -> None:
    real_path = require(SEASON_DATA / "whoscored" / f"{OPENER}.json.gz")
    store = RawStore(tmp_path)

    assert put_copy(store, real_path, 0) == OPENER

    [(_, parsed)], _ = parse_raw_files(scan_raw_dir(tmp_path, {}), workers=1)
    assert (parsed.match.date, parsed.match.season) == (date(2025, 8, 15), "2025/2026")
