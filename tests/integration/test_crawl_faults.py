"""Every fault the mirror injects ends as described: retried and stored, or reported and not stored.

One crawl of seven real season matches, each page with its own fault, against the loopback mirror
(timeout 1 s, one retry); the tests below read its report, the raw store and the mirror's log.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from football_rag.data.contracts import Source
from football_rag.data.parsers import parse_file
from football_rag.data.raw_store import RawStore
from football_rag.scraping.crawl import crawl
from football_rag.scraping.mirror import Fault, FaultKind, ServedRequest, start_mirror
from football_rag.scraping.report import CrawlReport
from tests.conftest import season_index

SEASON = {row["whoscored_id"]: row for row in season_index()}
FAULTS = {
    "1903117": Fault(kind=FaultKind.BLOCK_403),
    "1903118": Fault(kind=FaultKind.BLOCK_200),
    "1903119": Fault(kind=FaultKind.RATE_LIMIT, retry_after=1),
    "1903120": Fault(kind=FaultKind.SERVER_ERROR),
    "1903121": Fault(kind=FaultKind.TRUNCATED),
    "1903122": Fault(kind=FaultKind.SLOW, delay=2.0),
    "1903123": Fault(kind=FaultKind.SLOW, delay=2.0, times=None),
}


@dataclass
class FaultyCrawl:
    report: CrawlReport
    store: RawStore
    served: list[ServedRequest]

    def reason(self, match_id: str) -> str | None:
        return next((o.reason for o in self.report.failed if o.match_id == match_id), None)

    def requests_for(self, match_id: str) -> list[ServedRequest]:
        return [entry for entry in self.served if entry.match_id == match_id]


@pytest.fixture(scope="module")
def faulty(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> FaultyCrawl:
    raw = tmp_path_factory.mktemp("raw")
    with start_mirror(shared_data, only=FAULTS, faults=FAULTS) as mirror:
        report = crawl(
            "whoscored",
            base_url=mirror.base_url,
            match_ids=FAULTS,
            politeness=False,
            raw_root=raw,
            settings={"DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 1},
        )
        return FaultyCrawl(report, RawStore(raw), mirror.requests())


def _assert_stored_as_in_the_corpus(faulty: FaultyCrawl, match_id: str) -> None:
    parsed = parse_file(faulty.store.path_for(Source.WHOSCORED, match_id))
    row = SEASON[match_id]
    assert (parsed.match.home.name, parsed.match.away.name) == (row["home"], row["away"])
    assert str(parsed.match.score.fulltime) == row["score"].replace(" : ", "-")
    assert len(parsed.events) == int(row["events"])


def test_the_report_sorts_every_match(faulty: FaultyCrawl) -> None:
    assert sorted(o.match_id for o in faulty.report.stored) == ["1903119", "1903120", "1903122"]
    assert sorted(o.match_id for o in faulty.report.failed) == ["1903117", "1903118", "1903121", "1903123"]
    assert faulty.report.skipped == []
    assert sorted(entry.match_id for entry in faulty.store.entries()) == ["1903119", "1903120", "1903122"]


def test_a_403_block_page_is_reported_and_not_retried(faulty: FaultyCrawl) -> None:
    assert faulty.reason("1903117") == "blocked: a 'access denied' bot-check page (HTTP 403)"
    assert not faulty.store.has(Source.WHOSCORED, "1903117")
    assert len(faulty.requests_for("1903117")) == 1


def test_a_block_page_served_with_200_is_never_stored(faulty: FaultyCrawl) -> None:
    assert faulty.reason("1903118") == "blocked: a 'incapsula' bot-check page (HTTP 200)"
    assert not faulty.store.has(Source.WHOSCORED, "1903118")
    assert [entry.status for entry in faulty.requests_for("1903118")] == [200]


def test_a_429_is_retried_after_the_retry_after_wait_and_stored(faulty: FaultyCrawl) -> None:
    first, second = faulty.requests_for("1903119")
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 1.0
    _assert_stored_as_in_the_corpus(faulty, "1903119")


def test_a_500_that_succeeds_on_retry_is_stored(faulty: FaultyCrawl) -> None:
    assert [entry.status for entry in faulty.requests_for("1903120")] == [500, 200]
    _assert_stored_as_in_the_corpus(faulty, "1903120")


def test_a_truncated_page_is_reported_with_the_parse_error_and_not_stored(faulty: FaultyCrawl) -> None:
    assert (
        faulty.reason("1903121")
        == "does not parse (field matchCentreData): value is not JSON (Unterminated string starting at)"
    )
    assert not faulty.store.has(Source.WHOSCORED, "1903121")


def test_a_slow_page_times_out_and_is_retried(faulty: FaultyCrawl) -> None:
    assert [entry.fault for entry in faulty.requests_for("1903122")] == ["slow", None]
    _assert_stored_as_in_the_corpus(faulty, "1903122")


def test_a_page_that_is_always_too_slow_is_reported_after_the_retries(faulty: FaultyCrawl) -> None:
    assert len(faulty.requests_for("1903123")) == 2  # the first try and RETRY_TIMES=1 retry
    assert "took longer than 1.0 seconds" in faulty.reason("1903123")
    assert not faulty.store.has(Source.WHOSCORED, "1903123")


def test_block_pages_in_a_row_make_the_crawl_back_off_then_stop(shared_data: Path, tmp_path: Path) -> None:
    blocked = ["1903124", "1903126", "1903127", "1903128"]
    faults = {match_id: Fault(kind=FaultKind.BLOCK_200) for match_id in blocked}
    with start_mirror(shared_data, only=blocked, faults=faults) as mirror:
        report = crawl(
            "whoscored",
            base_url=mirror.base_url,
            match_ids=blocked,
            politeness=False,
            raw_root=tmp_path,
            settings={
                "CONCURRENT_REQUESTS": 1,
                "FOOTBALL_RAG_BLOCK_BACKOFF": 0.5,
                "FOOTBALL_RAG_BLOCK_CLOSE_AFTER": 3,
            },
        )
        served = mirror.match_requests()
    # the 1st block page is followed by a 0.5 s pause, the 2nd by 1 s; the 3rd stops the crawl
    assert len(served) == 3
    assert served[1].at - served[0].at >= 0.5
    assert served[2].at - served[1].at >= 1.0
    assert [o.reason for o in report.failed] == ["blocked: a 'incapsula' bot-check page (HTTP 200)"] * 3
    assert report.stored == [] and RawStore(tmp_path).files() == []
