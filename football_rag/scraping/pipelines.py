"""The item pipeline: parse each fetched page, keep the ones that parse, and report every match."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.asyncio import run_in_thread

from football_rag.data.atomic_files import atomic_write_bytes
from football_rag.data.contracts import FINISHED, Source
from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file
from football_rag.data.raw_store import RawStore
from football_rag.scraping.items import MatchMissItem, MatchPageItem
from football_rag.scraping.report import ALREADY_STORED, CrawlReport, MatchOutcome

logger = logging.getLogger(__name__)


def checked_page(item: MatchPageItem) -> tuple[str | None, bool]:
    """Return why a fetched page must not be stored (``None`` when it may be) and whether its match is finished."""
    with tempfile.TemporaryDirectory(prefix="football-rag-page-") as folder:
        # The parsers read files; the name matters only to a bare WhoScored object, which has no id of its own.
        path = Path(folder) / f"{item.match_id}.json"
        path.write_text(item.text, encoding="utf-8")
        try:
            parsed = parse_file(path, url=item.url, fetched_at=item.fetched_at)
        except ParseError as exc:
            where = f" (field {exc.field})" if exc.field else ""
            return f"does not parse{where}: {exc.reason}", False
    if parsed.match.match_id != item.match_id:
        return f"the page holds match {parsed.match.match_id}, not {item.match_id}", False
    return None, parsed.match.status == FINISHED


class RawStorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.store = RawStore(Path(settings["FOOTBALL_RAG_RAW_DIR"]))
        self.report_path = settings.get("FOOTBALL_RAG_CRAWL_REPORT")
        self.report = CrawlReport()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RawStorePipeline:
        return cls(crawler)

    async def process_item(self, item: MatchPageItem | MatchMissItem) -> MatchPageItem | MatchMissItem:
        """Record a miss; parse and store a page (off the reactor thread); drop a page that cannot be kept."""
        if isinstance(item, MatchMissItem):
            bucket = self.report.skipped if item.skipped else self.report.failed
            bucket.append(MatchOutcome(match_id=item.match_id, reason=item.reason))
            return item
        problem = await run_in_thread(self._keep, item)
        if problem == ALREADY_STORED:
            self.report.skipped.append(MatchOutcome(match_id=item.match_id, reason=problem))
        elif problem:
            self.report.failed.append(MatchOutcome(match_id=item.match_id, reason=problem))
            raise DropItem(f"match {item.match_id} not stored: {problem}")
        else:
            self.report.stored.append(MatchOutcome(match_id=item.match_id))
        return item

    def _keep(self, item: MatchPageItem) -> str | None:
        """Store the page when it parses; return why it was not stored, ``None`` when it was.

        A match stored while in play is stored again (a later capture beside the first) until a finished page comes.
        """
        if self.store.has_final(Source(item.source), item.match_id):
            return ALREADY_STORED
        problem, finished = checked_page(item)
        if problem:
            return problem
        stored = self.store.put(
            Source(item.source),
            item.match_id,
            item.text,
            url=item.url,
            fetched_at=item.fetched_at,
            competition=item.competition,
            season=item.season,
            finished=finished,
        )
        return None if stored else ALREADY_STORED

    def close_spider(self) -> None:
        """Log the report, and write it as JSON where ``FOOTBALL_RAG_CRAWL_REPORT`` says."""
        logger.info("crawl report: %s", self.report.summary())
        for outcome in self.report.failed:
            logger.warning("failed %s: %s", outcome.match_id, outcome.reason)
        if self.report_path:
            atomic_write_bytes(Path(self.report_path), self.report.model_dump_json(indent=2).encode("utf-8"))
