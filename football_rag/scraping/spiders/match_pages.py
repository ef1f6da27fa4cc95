"""What both spiders share: match ids given or discovered, one request a match page, one item a match."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from football_rag.scraping.competitions import Competition, Season, load_competitions
from football_rag.scraping.items import MatchMissItem, MatchPageItem


def split_arg(value: str | Iterable[str] | None) -> list[str]:
    """Return the values of a comma-separated spider argument (``-a match_ids=1,2``), or of a list."""
    if not value:
        return []
    parts = value.split(",") if isinstance(value, str) else value
    return [part.strip() for part in parts if part.strip()]


def month_key(month: str) -> str:
    """Return ``YYYYMM`` for ``2025-08`` or ``202508``."""
    key = month.replace("-", "")
    if len(key) != 6 or not key.isdigit():
        raise ValueError(f"a month is YYYY-MM, got {month!r}")
    return key


def failure_reason(failure: Failure) -> str:
    """Return a one-line reason for a request that failed (HTTP status, block page, robots.txt, timeout...)."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return str(failure.value) or type(failure.value).__name__


class MatchPageSpider(Spider):
    """Fetch match pages: the ids given (``-a match_ids=...``), else the finished matches of a season.

    Arguments (``-a name=value``): ``match_ids`` (comma-separated), ``competition`` (a key of
    ``configs/competitions.yaml``) and ``season`` (``2025/2026``), ``months`` (``2025-08,...``; default
    the whole season), ``base_url`` (default the real site; the loopback mirror in tests).
    """

    default_base_url: str

    def __init__(
        self,
        match_ids: str | Iterable[str] | None = None,
        competition: str | None = None,
        season: str | None = None,
        months: str | Iterable[str] | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.match_ids = split_arg(match_ids)
        self.months = [month_key(m) for m in split_arg(months)]
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.competition: Competition | None = load_competitions().get(competition) if competition else None
        self.season: Season | None = self.competition.season(season) if self.competition and season else None
        self.season_name = season
        if not self.match_ids and self.season is None:
            raise ValueError("give match_ids, or a competition and a season to discover the fixtures of")
        if not self.match_ids:
            self.check_discovery(self.competition, self.season)

    async def start(self) -> AsyncIterator[Request]:
        """Yield the match requests for the ids given, else the requests of the fixtures listings."""
        for match_id in self.match_ids:
            yield self.match_request(match_id)
        if not self.match_ids:
            for request in self.fixtures_requests(self.competition, self.season):
                yield request

    def match_request(self, match_id: str) -> Request:
        """Return the request of one match page; ``match_id`` in its meta marks it as one."""
        return Request(
            self.match_url(match_id),
            callback=self.parse_match,
            errback=self.not_fetched,
            meta={"match_id": match_id},
        )

    def listing_request(self, url: str) -> Request:
        """Return the request of one fixtures listing."""
        return Request(url, callback=self.parse_fixtures, errback=self.not_fetched)

    def parse_match(self, response: Response) -> Iterator[MatchPageItem]:
        """Yield the page as served; the pipeline parses it and decides whether to keep it."""
        yield MatchPageItem(
            source=self.name,
            match_id=response.meta["match_id"],
            url=response.url,
            text=response.text,
            fetched_at=datetime.now(UTC),
            competition=self.competition.name if self.competition else None,
            season=self.season_name,
        )

    def parse_fixtures(self, response: Response) -> Iterator[Request | MatchMissItem]:
        """Yield a match request for every finished match of a fixtures listing (a miss if it is not JSON)."""
        try:
            listing = response.json()
        except ValueError:
            reason = f"fixtures listing {response.url}: not JSON"
            yield MatchMissItem(source=self.name, match_id=None, url=response.url, reason=reason)
            return
        for match_id in self.finished_match_ids(listing):
            yield self.match_request(match_id)

    def not_fetched(self, failure: Failure) -> Iterator[MatchMissItem]:
        """Yield why a match page (or a fixtures listing, ``match_id`` ``None``) was not fetched."""
        request = failure.request
        match_id = request.meta.get("match_id")
        reason = failure_reason(failure)
        yield MatchMissItem(
            source=self.name,
            match_id=match_id,
            url=request.url,
            reason=reason if match_id else f"fixtures listing {request.url}: {reason}",
        )

    def match_url(self, match_id: str) -> str:
        """Return the URL of a match page at the site's own path."""
        raise NotImplementedError

    def check_discovery(self, competition: Competition, season: Season) -> None:
        """Raise ``ValueError`` when the config lacks the ids this site's fixtures listing needs."""
        raise NotImplementedError

    def fixtures_requests(self, competition: Competition, season: Season) -> Iterator[Request]:
        """Yield the requests of the site's fixtures listings for a season."""
        raise NotImplementedError

    def finished_match_ids(self, listing: Any) -> Iterator[str]:
        """Yield the ids of the finished matches in one fixtures listing (parsed JSON)."""
        raise NotImplementedError
