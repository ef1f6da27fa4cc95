"""A match stored while in play is fetched and stored again until its finished page comes; then it is skipped.

Pages are synthetic (``football_rag.data.synthetic``): match 12, Highcliff Albion 1-1 Westport Athletic at
60' and 75', 1-2 at the end. They go through the crawl's own item pipeline and stored-match filter.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scrapy import Request
from scrapy.utils.test import get_crawler

from football_rag.data.contracts import Source
from football_rag.data.parsers import parse_file
from football_rag.data.raw_store import RawStore
from football_rag.data.synthetic import in_play_whoscored_document, synthetic_match, whoscored_document
from football_rag.scraping.items import MatchMissItem, MatchPageItem
from football_rag.scraping.middlewares import StoredMatchFilter
from football_rag.scraping.pipelines import RawStorePipeline
from football_rag.scraping.report import ALREADY_STORED

MATCH = synthetic_match(12)
MATCH_ID = str(MATCH.whoscored_id)
URL = f"http://127.0.0.1/Matches/{MATCH_ID}/Live"
KICKOFF = datetime(2025, 11, 8, 15, tzinfo=UTC)  # the fetch times below are minutes after it


def _page(document: dict, minute: int) -> MatchPageItem:
    fetched = KICKOFF + timedelta(minutes=minute)
    return MatchPageItem("whoscored", MATCH_ID, URL, json.dumps(document), fetched)


def test_an_in_play_match_is_stored_again_until_its_finished_page(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"FOOTBALL_RAG_RAW_DIR": str(tmp_path)})
    crawler.spider = type("Spider", (), {"name": "whoscored"})()
    pipeline, wanted = RawStorePipeline(crawler), StoredMatchFilter(crawler)
    request = Request(URL, meta={"match_id": MATCH_ID})
    store = RawStore(tmp_path)

    assert pipeline._keep(_page(in_play_whoscored_document(MATCH, 60), 60)) is None
    assert wanted.get_processed_request(request, None) is request  # in play: fetch it again
    assert pipeline._keep(_page(in_play_whoscored_document(MATCH, 75), 75)) is None
    assert pipeline._keep(_page(whoscored_document(MATCH), 110)) is None
    assert pipeline._keep(_page(whoscored_document(MATCH), 120)) == ALREADY_STORED
    skipped = wanted.get_processed_request(request, None)
    assert isinstance(skipped, MatchMissItem) and skipped.reason == ALREADY_STORED

    stored = sorted(store.entries(), key=lambda e: e.fetched_at)
    assert [(e.path, e.finished) for e in stored] == [
        (f"whoscored/{MATCH_ID}.json.gz", False),
        (f"whoscored/{MATCH_ID}.20251108T161500Z.json.gz", False),
        (f"whoscored/{MATCH_ID}.20251108T165000Z.json.gz", True),
    ]
    scores = [str(parse_file(tmp_path / e.path).match.score.final) for e in stored]
    assert scores == ["1-1", "1-1", "1-2"]
    assert store.has_final(Source.WHOSCORED, MATCH_ID)
