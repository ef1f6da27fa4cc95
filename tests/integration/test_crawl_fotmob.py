"""The FotMob spider runs only when opted into, and then crawls the mirror's real matchDetails files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from football_rag.data.parsers import parse_file
from football_rag.data.raw_store import RawStore
from football_rag.scraping.crawl import CrawlError, crawl
from football_rag.scraping.mirror import Mirror, start_mirror
from tests.conftest import real_manifest

MANIFEST = {row["provider_match_id"]: row for row in real_manifest("fotmob") if row["kind"] == "matchdetails_json"}
# LaLiga 2020/21: three September, two October and one November match.
SEPTEMBER_OCTOBER = ["3424045", "3424065", "3424075", "3424085", "3424097"]
NOVEMBER = ["3424125"]
# Serie A, and a match FotMob covered without a shot map.
OTHERS = ["4535454", "4582241"]
OPT_IN = {"FOOTBALL_RAG_FOTMOB_OPT_IN": True}


@pytest.fixture
def mirror(shared_data: Path) -> Iterator[Mirror]:
    with start_mirror(shared_data, only=SEPTEMBER_OCTOBER + NOVEMBER + OTHERS) as running:
        yield running


def _assert_stored_as_in_the_files(raw: Path, match_ids: list[str]) -> None:
    stored = {parsed.match.match_id: parsed for parsed in map(parse_file, RawStore(raw).files())}
    assert sorted(stored) == sorted(match_ids)
    for match_id in match_ids:
        row, parsed = MANIFEST[match_id], stored[match_id]
        assert (parsed.match.home.name, parsed.match.away.name) == (row["home"], row["away"])
        assert str(parsed.match.score.fulltime) == row["score"]
        assert len(parsed.shots) == int(row["n_events_or_shots"])


def test_without_opt_in_the_spider_refuses_to_start(mirror: Mirror, tmp_path: Path) -> None:
    with pytest.raises(CrawlError, match="FotMob's terms of use do not permit scraping"):
        crawl(
            "fotmob",
            base_url=mirror.base_url,
            match_ids=OTHERS,
            politeness=False,
            raw_root=tmp_path,
            settings={"FOOTBALL_RAG_FOTMOB_OPT_IN": False},
        )
    assert mirror.requests() == []
    assert RawStore(tmp_path).files() == []


def test_discovery_from_the_league_endpoint_stores_the_months_matches(mirror: Mirror, tmp_path: Path) -> None:
    report = crawl(
        "fotmob",
        base_url=mirror.base_url,
        competition="laliga",
        season="2020/2021",
        months=["2020-09", "2020-10"],
        politeness=False,
        raw_root=tmp_path,
        settings=OPT_IN,
    )
    assert sorted(o.match_id for o in report.stored) == SEPTEMBER_OCTOBER
    assert report.failed == []
    _assert_stored_as_in_the_files(tmp_path, SEPTEMBER_OCTOBER)
    listings = [entry.path for entry in mirror.requests() if entry.match_id is None and entry.path != "/robots.txt"]
    assert listings == ["/api/leagues?id=87&season=2020/2021"]


def test_explicit_ids_store_the_match_details(mirror: Mirror, tmp_path: Path) -> None:
    report = crawl(
        "fotmob", base_url=mirror.base_url, match_ids=OTHERS, politeness=False, raw_root=tmp_path, settings=OPT_IN
    )
    assert sorted(o.match_id for o in report.stored) == OTHERS
    _assert_stored_as_in_the_files(tmp_path, OTHERS)
