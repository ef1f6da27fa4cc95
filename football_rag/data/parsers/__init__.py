"""One entry to turn any raw file into contracts: the format is read from the content."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from football_rag.data.contracts import ParsedMatch
from football_rag.data.parsers.fotmob import parse_fotmob
from football_rag.data.parsers.fotmob_shotmap import parse_fotmob_shotmap
from football_rag.data.parsers.raw_file import RawFormat, detect_format, read_raw
from football_rag.data.parsers.whoscored import parse_whoscored

__all__ = ["parse_file"]


def parse_file(path: Path, *, url: str | None = None, fetched_at: datetime | None = None) -> ParsedMatch:
    """Parse one raw file of any supported provider; raise ``ParseError`` on bad input."""
    raw = read_raw(path)
    fmt = detect_format(raw)
    if fmt is RawFormat.WHOSCORED_JSON:
        return parse_whoscored(raw, html=False, url=url, fetched_at=fetched_at)
    if fmt is RawFormat.WHOSCORED_HTML:
        return parse_whoscored(raw, html=True, url=url, fetched_at=fetched_at)
    if fmt is RawFormat.FOTMOB_JSON:
        return parse_fotmob(raw, url=url, fetched_at=fetched_at)
    return parse_fotmob_shotmap(raw, url=url, fetched_at=fetched_at)
