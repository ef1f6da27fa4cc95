"""The outcome of one crawl: which matches were stored, skipped (already stored) or failed, and why."""

from __future__ import annotations

from pydantic import BaseModel

ALREADY_STORED = "already stored"


class MatchOutcome(BaseModel):
    """One match of a crawl; ``match_id`` is ``None`` for a fixtures listing that could not be read."""

    match_id: str | None
    reason: str | None = None


class CrawlReport(BaseModel):
    stored: list[MatchOutcome] = []
    skipped: list[MatchOutcome] = []
    failed: list[MatchOutcome] = []

    def summary(self) -> str:
        """Return one line with the three counts, for logs."""
        return f"stored {len(self.stored)}, skipped {len(self.skipped)}, failed {len(self.failed)}"
