"""What the spiders yield: a fetched match page, or the reason a match page was not fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class MatchPageItem:
    """A match page as the site served it, before any parsing: the raw store keeps this text."""

    source: str
    match_id: str
    url: str
    text: str = field(repr=False)  # a megabyte of page: kept out of log lines
    fetched_at: datetime
    competition: str | None = None
    season: str | None = None


@dataclass
class MatchMissItem:
    """A match the crawl did not fetch: already stored (``skipped``) or failed, with the reason."""

    source: str
    match_id: str | None
    url: str
    reason: str
    skipped: bool = False
