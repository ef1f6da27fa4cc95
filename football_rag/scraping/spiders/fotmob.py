"""FotMob: the ``matchDetails`` JSON of a match and the league endpoint's season fixtures.

FotMob's terms of use do not permit scraping, and FotMob has asked open-source scrapers to stop:
this spider refuses to start unless ``FOOTBALL_RAG_FOTMOB_OPT_IN`` is set, on purpose, by someone
who has FotMob's permission or is crawling the loopback mirror.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from football_rag.scraping.competitions import Competition, Season
from football_rag.scraping.spiders.match_pages import MatchPageSpider

NOT_OPTED_IN = (
    "FotMob's terms of use do not permit scraping; the fotmob spider runs only when "
    "FOOTBALL_RAG_FOTMOB_OPT_IN=true (environment) or -s FOOTBALL_RAG_FOTMOB_OPT_IN=true is set on purpose"
)


class FotMobSpider(MatchPageSpider):
    name = "fotmob"
    default_base_url = "https://www.fotmob.com"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> FotMobSpider:
        """Return the spider, or raise ``NotConfigured`` when FotMob crawling was not opted into."""
        if not crawler.settings.getbool("FOOTBALL_RAG_FOTMOB_OPT_IN"):
            raise NotConfigured(NOT_OPTED_IN)
        return super().from_crawler(crawler, *args, **kwargs)

    def match_url(self, match_id: str) -> str:
        return f"{self.base_url}/api/matchDetails?matchId={match_id}"

    def check_discovery(self, competition: Competition, season: Season) -> None:
        if competition.fotmob is None:
            raise ValueError(f"no FotMob league id for {competition.key} in competitions.yaml")

    def fixtures_requests(self, competition: Competition, season: Season) -> Iterator[Request]:
        """Yield the one league-endpoint request that lists the whole season."""
        yield self.listing_request(
            f"{self.base_url}/api/leagues?id={competition.fotmob.league_id}&season={season.season}"
        )

    def finished_match_ids(self, listing: Any) -> Iterator[str]:
        """Yield the finished, not cancelled matches of ``fixtures.allMatches`` (in the months asked for)."""
        for fixture in listing.get("fixtures", {}).get("allMatches", []):
            status = fixture.get("status", {})
            month = status.get("utcTime", "")[:7].replace("-", "")
            if status.get("finished") and not status.get("cancelled") and (not self.months or month in self.months):
                yield str(fixture["id"])
