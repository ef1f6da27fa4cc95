"""Faults the mirror can inject into a match page, per match id, the first N times it is asked for."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class FaultKind(StrEnum):
    BLOCK_403 = "block-403"  # an "Access Denied" page with 403
    BLOCK_200 = "block-200"  # an Incapsula bot-check page with 200
    RATE_LIMIT = "429"  # 429 Too Many Requests with Retry-After
    SERVER_ERROR = "500"  # 500 Internal Server Error
    TRUNCATED = "truncated"  # 200 with the first half of the page (and a Content-Length to match)
    SLOW = "slow"  # the page, sent only after a delay longer than the crawl's timeout


# How often each fault strikes unless told otherwise: transient faults once (then the page is
# served), blocks and truncation every time.
DEFAULT_TIMES: dict[FaultKind, int | None] = {
    FaultKind.BLOCK_403: None,
    FaultKind.BLOCK_200: None,
    FaultKind.RATE_LIMIT: 1,
    FaultKind.SERVER_ERROR: 1,
    FaultKind.TRUNCATED: None,
    FaultKind.SLOW: 1,
}


class Fault(BaseModel):
    """One fault; ``times`` is how many requests it strikes (``None``: every one; default ``DEFAULT_TIMES``)."""

    model_config = ConfigDict(frozen=True)

    kind: FaultKind
    times: int | None = Field(default_factory=lambda fields: DEFAULT_TIMES[fields["kind"]])
    retry_after: int = 1
    delay: float = 3.0

    @classmethod
    def parse(cls, spec: str) -> tuple[str, Fault]:
        """Return the match id and fault of ``ID=KIND[:TIMES]`` (``1903117=429:2``; TIMES ``all`` for every time)."""
        match_id, _, rest = spec.partition("=")
        kind, _, times = rest.partition(":")
        if not match_id or not kind:
            raise ValueError(f"a fault is ID=KIND[:TIMES], got {spec!r}")
        if not times:
            return match_id, cls(kind=kind)
        return match_id, cls(kind=kind, times=None if times == "all" else int(times))


class FaultBook:
    """The faults per match id, and how many times each has struck (safe across server threads)."""

    def __init__(self, faults: Mapping[str, Fault] | None = None) -> None:
        self.faults = dict(faults or {})
        self.struck: Counter[str] = Counter()
        self._lock = threading.Lock()

    def strike(self, match_id: str) -> Fault | None:
        """Return the fault to apply to this request for ``match_id``, counting it, or ``None``."""
        with self._lock:
            fault = self.faults.get(match_id)
            if fault is None or (fault.times is not None and self.struck[match_id] >= fault.times):
                return None
            self.struck[match_id] += 1
            return fault
