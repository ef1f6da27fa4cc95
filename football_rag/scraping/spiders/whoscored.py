"""WhoScored: match-centre pages (``/Matches/<id>/Live``) and the monthly fixtures feed of a season stage.

The match page carries the data in a script, ``require.config.params["args"] = {matchId: ...,
matchCentreData: {...}, ...}``; the page is stored as served and the WhoScored parser reads it.
WhoScored sits behind a bot-check service: expect block pages on a real crawl (they are never stored).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy import Request

from football_rag.scraping.competitions import Competition, Season
from football_rag.scraping.spiders.match_pages import MatchPageSpider

# WhoScored's status of a finished match (the statusCode of matchCentreData uses the same value).
FINISHED = 6


class WhoScoredSpider(MatchPageSpider):
    name = "whoscored"
    default_base_url = "https://www.whoscored.com"

    def match_url(self, match_id: str) -> str:
        return f"{self.base_url}/Matches/{match_id}/Live"

    def check_discovery(self, competition: Competition, season: Season) -> None:
        if season.whoscored is None or season.whoscored.stage_id is None:
            raise ValueError(f"no WhoScored stage id for {competition.key} {season.season} in competitions.yaml")

    def fixtures_requests(self, competition: Competition, season: Season) -> Iterator[Request]:
        """Yield one fixtures-feed request a month of the season (or of the months asked for)."""
        stage_id = season.whoscored.stage_id
        for month in self.months or season.month_keys():
            yield self.listing_request(f"{self.base_url}/tournaments/{stage_id}/data/?d={month}&isAggregate=false")

    def finished_match_ids(self, listing: Any) -> Iterator[str]:
        """Yield the ids of the finished matches of a feed ``{"tournaments": [{"matches": [...]}]}``."""
        for tournament in listing.get("tournaments", []):
            for fixture in tournament.get("matches", []):
                if fixture.get("status") == FINISHED:
                    yield str(fixture["id"])
