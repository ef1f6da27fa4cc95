"""configs/competitions.yaml loads, and the spiders turn it (or explicit ids) into the right first requests."""

from __future__ import annotations

import asyncio

import pytest
from scrapy import Request

from football_rag.scraping.competitions import load_competitions
from football_rag.scraping.spiders.fotmob import FotMobSpider
from football_rag.scraping.spiders.whoscored import WhoScoredSpider


def _first_requests(spider: WhoScoredSpider | FotMobSpider) -> list[Request]:
    async def collect() -> list[Request]:
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def test_the_required_seasons_are_configured_with_their_ids() -> None:
    competitions = load_competitions()
    premier_league = competitions.get("premier-league")
    season = premier_league.season("2025/2026")
    assert (premier_league.whoscored.region_id, premier_league.whoscored.tournament_id) == (252, 2)
    assert (season.whoscored.season_id, season.whoscored.stage_id) == (10743, 24533)
    assert premier_league.fotmob.league_id == 47
    eredivisie = competitions.get("eredivisie")
    assert eredivisie.season("2025/2026").whoscored.stage_id == 24542
    assert eredivisie.fotmob.league_id == 57


def test_a_season_lists_its_months_across_the_new_year() -> None:
    season = load_competitions().get("premier-league").season("2025/2026")
    assert season.month_keys() == [
        "202508", "202509", "202510", "202511", "202512", "202601", "202602", "202603", "202604", "202605",
    ]  # fmt: skip


def test_unknown_names_are_refused_with_what_is_configured() -> None:
    competitions = load_competitions()
    with pytest.raises(KeyError, match="premier-league"):
        competitions.get("bundesliga")
    with pytest.raises(KeyError, match="2025/2026"):
        competitions.get("eredivisie").season("1999/2000")


def test_explicit_ids_become_match_page_requests_at_the_sites_paths() -> None:
    spider = WhoScoredSpider(match_ids="1903117, 1650630", base_url="http://127.0.0.1:9/")
    requests = _first_requests(spider)
    assert [r.url for r in requests] == [
        "http://127.0.0.1:9/Matches/1903117/Live",
        "http://127.0.0.1:9/Matches/1650630/Live",
    ]
    assert [r.meta["match_id"] for r in requests] == ["1903117", "1650630"]
    fotmob = FotMobSpider(match_ids="4535454")
    assert [r.url for r in _first_requests(fotmob)] == ["https://www.fotmob.com/api/matchDetails?matchId=4535454"]


def test_discovery_asks_the_fixtures_feed_month_by_month() -> None:
    spider = WhoScoredSpider(competition="premier-league", season="2025/2026", months="2025-08,2025-12")
    assert [r.url for r in _first_requests(spider)] == [
        "https://www.whoscored.com/tournaments/24533/data/?d=202508&isAggregate=false",
        "https://www.whoscored.com/tournaments/24533/data/?d=202512&isAggregate=false",
    ]
    whole_season = WhoScoredSpider(competition="eredivisie", season="2025/2026")
    assert len(_first_requests(whole_season)) == 10
    fotmob = FotMobSpider(competition="eredivisie", season="2025/2026")
    assert [r.url for r in _first_requests(fotmob)] == ["https://www.fotmob.com/api/leagues?id=57&season=2025/2026"]


def test_discovery_without_a_known_stage_or_without_anything_to_crawl_is_refused() -> None:
    with pytest.raises(ValueError, match="no WhoScored stage id for laliga 2022/2023"):
        WhoScoredSpider(competition="laliga", season="2022/2023")
    with pytest.raises(ValueError, match="give match_ids"):
        WhoScoredSpider()
    with pytest.raises(ValueError, match="YYYY-MM"):
        WhoScoredSpider(competition="premier-league", season="2025/2026", months="August")
