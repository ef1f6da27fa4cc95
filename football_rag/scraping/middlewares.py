"""Cross-cutting crawl behaviour: skip stored matches, spot block pages, wait before retrying.

- ``StoredMatchFilter`` (spider middleware) turns a request for a match already in the raw store
  into a ``skipped`` item before it is scheduled, so a second crawl fetches nothing for it.
- ``BlockPageMiddleware`` (downloader middleware) refuses bot-check pages (Incapsula, Cloudflare,
  "Access Denied"), whatever their status, so they are never stored; it backs off before going on
  and closes the spider after a run of them, since carrying on would only hammer the site.
- ``BackoffRetryMiddleware`` replaces Scrapy's retry middleware: the same retries, but each waits
  first, for the server's ``Retry-After`` when it sends one, else for an exponential backoff.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import deferred_from_coro

from football_rag.data.contracts import Source
from football_rag.data.parsers.raw_file import BLOCK_PAGE_MARKERS
from football_rag.data.raw_store import RawStore
from football_rag.scraping.items import MatchMissItem
from football_rag.scraping.report import ALREADY_STORED

logger = logging.getLogger(__name__)

# Bot-check pages are small; a real page's data starts far beyond this and never matters here.
BLOCK_SCAN_BYTES = 64_000


class BlockedPage(IgnoreRequest):
    """The site answered with a bot-check page instead of the data."""


class StoredMatchFilter(BaseSpiderMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.store = RawStore(crawler.settings["FOOTBALL_RAG_RAW_DIR"])

    def get_processed_request(self, request: Request, response: Response | None) -> Request | MatchMissItem:
        """Return the request, or a ``skipped`` item in its place when its match is stored (and not in play)."""
        match_id = request.meta.get("match_id")
        if match_id is None:
            return request
        source = self.crawler.spider.name
        if not self.store.has_final(Source(source), match_id):
            return request
        return MatchMissItem(source=source, match_id=match_id, url=request.url, reason=ALREADY_STORED, skipped=True)


def block_reason(response: Response) -> str | None:
    """Return why ``response`` is a bot-check page (``None`` when it is not one).

    Only HTML can be one: the sites' data comes as JSON, or as a page holding the data literal,
    and a bot-check page holds no data. The status does not matter: Incapsula serves its
    challenge with 200.
    """
    head = response.body[:BLOCK_SCAN_BYTES].decode("utf-8", "replace").lower()
    if not head.lstrip().startswith("<") or "matchcentredata" in head:
        return None
    marker = next((m for m in BLOCK_PAGE_MARKERS if m in head), None)
    return f"blocked: a {marker!r} bot-check page (HTTP {response.status})" if marker else None


class BlockPageMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.backoff = crawler.settings.getfloat("FOOTBALL_RAG_BLOCK_BACKOFF")
        self.close_after = crawler.settings.getint("FOOTBALL_RAG_BLOCK_CLOSE_AFTER")
        self.in_a_row = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BlockPageMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Response:
        """Return the response unless it is a block page; then wait, and raise ``BlockedPage``."""
        reason = block_reason(response)
        if reason is None:
            self.in_a_row = 0
            return response
        self.in_a_row += 1
        self.crawler.stats.inc_value("football_rag/blocked")
        logger.warning("%s for %s; backing off %.1f s", reason, request.url, self.backoff * self.in_a_row)
        if self.close_after and self.in_a_row >= self.close_after:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="blocked"))
        await sleep(self.backoff * self.in_a_row)
        raise BlockedPage(reason)


def retry_after_seconds(value: bytes | None, now: datetime | None = None) -> float | None:
    """Return the wait a ``Retry-After`` header asks for (seconds or an HTTP date), ``None`` if absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_seconds(retry_number: int, base: float, cap: float) -> float:
    """Return the wait before retry ``retry_number`` (1 for the first): base, 2 base, 4 base... up to cap."""
    return min(cap, base * 2 ** (retry_number - 1))


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("FOOTBALL_RAG_RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("FOOTBALL_RAG_RETRY_BACKOFF_MAX")

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        """Return a retry request after waiting, or the response when it is final.

        A ``Retry-After`` longer than the backoff cap is not cut short: the response is given up on
        (reported as failed) rather than retried before the server allows it.
        """
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        if asked is not None and asked > self.cap:
            logger.warning(
                "%s asks to retry after %.0f s (over the %.0f s cap): giving up", request.url, asked, self.cap
            )
            return response
        retry = super().process_response(request, response)
        if isinstance(retry, Request):
            await sleep(asked if asked is not None else self._backoff(retry))
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        """Return a retry request after an exponential backoff, or ``None`` to let the failure through."""
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            await sleep(self._backoff(retry))
        return retry

    def _backoff(self, retry: Request) -> float:
        return backoff_seconds(retry.meta.get("retry_times", 1), self.base, self.cap)
