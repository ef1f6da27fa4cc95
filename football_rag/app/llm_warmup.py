"""Loading the LLM in the background at start-up, so the page comes up before the model does.

Fact questions never wait for it (they are answered from the tables); a narrative question asked
while it loads waits on the model's own lock, and the header says what is happening. Once loaded, the
model reads the answer prompt's fixed part (``primer``) so the first question does not pay for it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from enum import StrEnum

from football_rag.rag.llm import ChatLLM
from football_rag.rag.prompts import ChatMessage

log = logging.getLogger(__name__)


class LLMStatus(StrEnum):
    OFF = "off"
    WAITING = "waiting"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class LLMWarmup:
    """Loads one LLM in a daemon thread; ``status`` and ``describe`` say where it is."""

    def __init__(self, llm: ChatLLM | None, primer: Sequence[ChatMessage] = ()) -> None:
        self.llm, self.primer = llm, list(primer)
        self.status = LLMStatus.OFF if llm is None else LLMStatus.WAITING
        self.error: str | None = None
        self.load_s: float | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start loading (once); return at once."""
        if self.llm is None or self._thread is not None:
            return
        self.status = LLMStatus.LOADING
        self._thread = threading.Thread(target=self._load, name="llm-warmup", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the load to end; return True when the model is ready."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.status is LLMStatus.READY

    def describe(self) -> str:
        """Return a short status line for the page header."""
        if self.llm is None:
            return "LLM off: answers come from the tables alone"
        name = self.llm.name
        if self.status is LLMStatus.READY:
            return f"LLM ready ({name}, loaded in {self.load_s:.1f} s)"
        if self.status is LLMStatus.FAILED:
            return f"LLM unavailable ({self.error}); fact questions still work"
        return f"LLM loading ({name})… fact questions work meanwhile"

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            self.llm.load()
            if self.primer:
                self.llm.prime(self.primer)
        except Exception as exc:  # any load failure leaves the app serving facts; the reason is shown
            log.exception("the LLM did not load")
            self.error, self.status = str(exc).splitlines()[0] if str(exc) else type(exc).__name__, LLMStatus.FAILED
            return
        self.load_s = time.perf_counter() - started
        self.status = LLMStatus.READY
