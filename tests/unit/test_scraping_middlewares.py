"""Block pages are told from real pages, and retries wait as long as the server asks (or back off)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from scrapy.http import HtmlResponse, TextResponse

from football_rag.scraping.middlewares import backoff_seconds, block_reason, retry_after_seconds
from football_rag.scraping.mirror.pages import ACCESS_DENIED_PAGE, INCAPSULA_PAGE

URL = "http://127.0.0.1/Matches/1650630/Live"


def test_a_saved_match_page_and_a_json_answer_are_not_block_pages(real_dir: Path) -> None:
    page = HtmlResponse(URL, status=200, body=(real_dir / "whoscored" / "1650630.html").read_bytes())
    details = TextResponse(URL, status=200, body=(real_dir / "fotmob" / "4535454.json").read_bytes())
    assert block_reason(page) is None
    assert block_reason(details) is None


def test_bot_check_pages_are_block_pages_whatever_their_status() -> None:
    incapsula = HtmlResponse(URL, status=200, body=INCAPSULA_PAGE.encode())
    denied = HtmlResponse(URL, status=403, body=ACCESS_DENIED_PAGE.encode())
    assert block_reason(incapsula) == "blocked: a 'incapsula' bot-check page (HTTP 200)"
    assert block_reason(denied) == "blocked: a 'access denied' bot-check page (HTTP 403)"


def test_a_plain_error_page_is_left_to_the_status_handling() -> None:
    assert block_reason(HtmlResponse(URL, status=404, body=b"<html><body>Not found</body></html>")) is None


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2025, 8, 15, 20, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds(b"Fri, 15 Aug 2025 20:01:30 GMT", now=now) == 90.0
    assert retry_after_seconds(b"Fri, 15 Aug 2025 19:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds(b"soon") is None
    assert retry_after_seconds(None) is None


def test_backoff_doubles_up_to_its_cap() -> None:
    assert [backoff_seconds(n, base=10.0, cap=60.0) for n in (1, 2, 3, 4, 5)] == [10.0, 20.0, 40.0, 60.0, 60.0]
