"""The WhoScored spider crawls the loopback mirror of real pages end to end, with real Scrapy.

Every crawl runs ``scrapy crawl`` in its own process against 127.0.0.1, politeness off.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from football_rag.data.contracts import ParsedMatch, Source
from football_rag.data.parsers import parse_file
from football_rag.data.raw_store import RawStore
from football_rag.scraping.crawl import crawl
from football_rag.scraping.mirror import Mirror, start_mirror
from tests.conftest import REPO_ROOT, real_manifest, season_index

SEASON = {row["whoscored_id"]: row for row in season_index()}
# Six August matches and two of September: a discovery crawl of August must find the six only.
AUGUST = ["1903117", "1903118", "1903119", "1903120", "1903121", "1903122"]
SEPTEMBER = ["1903147", "1903154"]
# One real file of each shape: saved page, wrapper, bare object, wrapper with extra literals.
REAL = {row["provider_match_id"]: row for row in real_manifest("whoscored") if row["provider_match_id"]}
SHAPES = ["1650630", "1640885", "1485184", "1899310"]


@pytest.fixture
def mirror(shared_data: Path) -> Iterator[Mirror]:
    with start_mirror(shared_data, only=AUGUST + SEPTEMBER + SHAPES) as running:
        yield running


def _stored(raw: Path) -> dict[str, ParsedMatch]:
    return {parsed.match.match_id: parsed for parsed in map(parse_file, RawStore(raw).files())}


def _ids(outcomes: list) -> list[str]:
    return sorted(outcome.match_id for outcome in outcomes)


def _discover_august(mirror: Mirror, raw: Path, **options: object):
    return crawl(
        "whoscored",
        base_url=mirror.base_url,
        competition="premier-league",
        season="2025/2026",
        months=["2025-08"],
        politeness=False,
        raw_root=raw,
        **options,
    )


def test_discovery_stores_the_finished_matches_of_the_month(mirror: Mirror, tmp_path: Path) -> None:
    report = _discover_august(mirror, tmp_path / "raw")
    assert _ids(report.stored) == AUGUST
    assert report.skipped == [] and report.failed == []
    stored = _stored(tmp_path / "raw")
    assert sorted(stored) == AUGUST
    for match_id, parsed in stored.items():
        row = SEASON[match_id]
        home, away = (int(goals) for goals in row["score"].split(":"))
        assert (parsed.match.home.name, parsed.match.away.name) == (row["home"], row["away"])
        assert (parsed.match.score.fulltime.home, parsed.match.score.fulltime.away) == (home, away)
        assert len(parsed.events) == int(row["events"])
        assert (parsed.match.competition, parsed.match.season) == ("Premier League", "2025/2026")
    entries = RawStore(tmp_path / "raw").entries()
    assert {(e.competition, e.season) for e in entries} == {("Premier League", "2025/2026")}
    assert {e.url for e in entries} == {f"{mirror.base_url}/Matches/{match_id}/Live" for match_id in AUGUST}


def test_explicit_ids_store_every_shape_of_real_page(mirror: Mirror, tmp_path: Path) -> None:
    report = crawl("whoscored", base_url=mirror.base_url, match_ids=SHAPES, politeness=False, raw_root=tmp_path)
    assert _ids(report.stored) == sorted(SHAPES)
    stored = _stored(tmp_path)
    for match_id in SHAPES:
        row, parsed = REAL[match_id], stored[match_id]
        assert (parsed.match.home.name, parsed.match.away.name) == (row["home"], row["away"])
        assert str(parsed.match.score.fulltime) == row["score"]
        assert len(parsed.events) == int(row["n_events_or_shots"])
    # the saved page is stored exactly as served, breadcrumb and all
    assert stored["1650630"].match.competition == "LaLiga"


def test_a_second_crawl_requests_no_match_page(mirror: Mirror, tmp_path: Path) -> None:
    shapes = SHAPES[:2]
    _discover_august(mirror, tmp_path)
    crawl("whoscored", base_url=mirror.base_url, match_ids=shapes, politeness=False, raw_root=tmp_path)
    pages_before = len(mirror.match_requests())
    again = _discover_august(mirror, tmp_path)
    again_ids = crawl("whoscored", base_url=mirror.base_url, match_ids=shapes, politeness=False, raw_root=tmp_path)
    assert pages_before == len(AUGUST) + len(shapes)
    assert len(mirror.match_requests()) == pages_before
    assert (_ids(again.skipped), _ids(again_ids.skipped)) == (AUGUST, sorted(shapes))
    assert again.stored == again_ids.stored == []
    assert {o.reason for o in again.skipped + again_ids.skipped} == {"already stored"}


def test_a_stopped_crawl_resumes_from_its_jobdir(mirror: Mirror, tmp_path: Path) -> None:
    # One page downloaded at a time and held until its item is through the pipeline, so the
    # crawl stops with pages still to fetch.
    one_at_a_time = {"CONCURRENT_REQUESTS": 1, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "SCRAPER_SLOT_MAX_ACTIVE_SIZE": 1}
    first = _discover_august(
        mirror, tmp_path / "raw", jobdir=tmp_path / "job", settings={**one_at_a_time, "CLOSESPIDER_ITEMCOUNT": 2}
    )
    second = _discover_august(mirror, tmp_path / "raw", jobdir=tmp_path / "job", settings=one_at_a_time)
    assert 2 <= len(first.stored) < len(AUGUST)
    assert sorted(_ids(first.stored) + _ids(second.stored)) == AUGUST
    fetched = [entry.match_id for entry in mirror.match_requests()]
    assert sorted(fetched) == AUGUST  # each page fetched once over both runs
    assert sorted(_stored(tmp_path / "raw")) == AUGUST


def test_robots_txt_is_obeyed(shared_data: Path, tmp_path: Path) -> None:
    with start_mirror(shared_data, only=["1903117", "1903118"], disallow=["/Matches/1903118"]) as mirror:
        report = crawl(
            "whoscored", base_url=mirror.base_url, match_ids=["1903117", "1903118"], politeness=False, raw_root=tmp_path
        )
        assert [entry.match_id for entry in mirror.match_requests()] == ["1903117"]
    assert _ids(report.stored) == ["1903117"]
    assert [(o.match_id, o.reason) for o in report.failed] == [("1903118", "Forbidden by robots.txt")]
    assert not RawStore(tmp_path).has(Source.WHOSCORED, "1903118")


def test_scrapy_crawl_runs_from_the_repository_root(mirror: Mirror, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SCRAPY_SETTINGS_MODULE"}
    command = [sys.executable, "-m", "scrapy", "crawl", "whoscored", "-a", "match_ids=1903117"]
    command += ["-a", f"base_url={mirror.base_url}", "-s", f"FOOTBALL_RAG_RAW_DIR={tmp_path}", "-s", "DOWNLOAD_DELAY=0"]
    subprocess.run(command, cwd=REPO_ROOT, env=env, check=True, capture_output=True, timeout=120)
    assert str(_stored(tmp_path)["1903117"].match.score.fulltime) == "4-2"
