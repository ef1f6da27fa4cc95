"""A crawl is a ``scrapy crawl`` command line, polite unless it points at this machine."""

from __future__ import annotations

import sys

from football_rag.scraping.crawl import is_loopback, scrapy_command


def test_only_this_machine_counts_as_the_mirror() -> None:
    assert is_loopback("http://127.0.0.1:8765")
    assert is_loopback("http://localhost:8765/")
    assert is_loopback("http://[::1]:8765")
    assert not is_loopback("https://www.whoscored.com")
    assert not is_loopback("http://10.0.0.5:8765")
    assert not is_loopback(None)  # the default: the real site


def test_the_command_carries_spider_arguments_and_settings() -> None:
    command = scrapy_command(
        "whoscored",
        {"match_ids": "1903117,1650630", "competition": None, "base_url": "http://127.0.0.1:1"},
        {"DOWNLOAD_DELAY": 0, "JOBDIR": "/tmp/job"},
    )
    assert command == [
        sys.executable, "-m", "scrapy", "crawl", "whoscored",
        "-a", "match_ids=1903117,1650630", "-a", "base_url=http://127.0.0.1:1",
        "-s", "DOWNLOAD_DELAY=0", "-s", "JOBDIR=/tmp/job",
    ]  # fmt: skip
