"""Work lanes: fact answers at once, narrative answers one at a time on the model, and a per-client rate.

The answerer plans a question without the model (``AnswerStream.needs_model``): a computed fact is
finished on the spot, whatever the model is doing. Only a narrative joins the model's line, a FIFO of
one running answer and a bounded number waiting; past the bound a question is turned away at once
with how long to wait (``Busy``), never left to pile up. Each client may ask so many questions a
minute (``RateLimited``). The chat and the REST API both answer through ``Lanes.pieces``, so they
share the one line and the same rules.
"""

from __future__ import annotations

import math
import statistics
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from cachetools import TTLCache

from football_rag.config.settings import ApiSettings
from football_rag.rag.answerer import AnswerStream

WINDOW_S = 60.0
CLIENTS_TRACKED = 100_000
POLL_S = 1.0  # how often a waiting narrative reports its place
FIRST_GUESS_S = 15.0  # a narrative's duration before any has been measured
DURATIONS_KEPT = 20


class Refused(Exception):
    """A question turned away before answering; ``retry_after_s`` says when to try again."""

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class Busy(Refused):
    """The model's line is full."""


class RateLimited(Refused):
    """The client asked too many questions this minute."""


@dataclass(frozen=True)
class Waiting:
    """A narrative's place in the model's line: answers ahead of it (the running one included), expected wait."""

    ahead: int
    expected_s: int

    def describe(self) -> str:
        """Return e.g. ``Waiting for the language model: 2 answers ahead of yours (about 30 s).``."""
        answers = "answer" if self.ahead == 1 else "answers"
        return f"Waiting for the language model: {self.ahead} {answers} ahead of yours (about {self.expected_s} s)."


class ModelLine:
    """The model's FIFO: the first ticket generates, at most ``max_waiting`` wait behind it."""

    def __init__(self, max_waiting: int) -> None:
        self.max_waiting = max_waiting
        self._line: deque[Ticket] = deque()
        self._turn = threading.Condition(threading.RLock())
        self._durations: deque[float] = deque(maxlen=DURATIONS_KEPT)

    def join(self) -> Ticket:
        """Return a place at the back of the line; raise ``Busy`` when the line is full."""
        with self._turn:
            self._refuse_if_full()
            ticket = Ticket(self)
            self._line.append(ticket)
            return ticket

    def refuse_if_full(self) -> None:
        """Raise ``Busy`` when the line is full (a caller that must answer before it joins checks first)."""
        with self._turn:
            self._refuse_if_full()

    def _refuse_if_full(self) -> None:
        if len(self._line) > self.max_waiting:
            wait = self.expected_s(len(self._line))
            raise Busy(f"The language model is busy; try again in {wait} s. Fact questions still work.", wait)

    def expected_s(self, ahead: int) -> int:
        """Return the seconds ``ahead`` answers take, at the median duration of the last ones (whole seconds)."""
        typical = statistics.median(self._durations) if self._durations else FIRST_GUESS_S
        return max(1, math.ceil(ahead * typical))

    def ahead_of(self, ticket: Ticket) -> int:
        with self._turn:
            return self._line.index(ticket) if ticket in self._line else 0

    def wait(self, ticket: Ticket, timeout: float | None) -> bool:
        """Return True once ``ticket`` is first in line, False if ``timeout`` passed first."""
        with self._turn:
            return self._turn.wait_for(lambda: self._line[0] is ticket, timeout)

    def leave(self, ticket: Ticket) -> None:
        """Take ``ticket`` out of the line (done, failed or abandoned); time it if it generated."""
        with self._turn:
            if ticket.started is not None:
                self._durations.append(time.monotonic() - ticket.started)
            self._line.remove(ticket)
            self._turn.notify_all()

    def __len__(self) -> int:
        with self._turn:
            return len(self._line)


class Ticket:
    """One narrative's place in the model's line; leaving the ``with`` block gives it up."""

    def __init__(self, line: ModelLine) -> None:
        self.line = line
        self.joined = time.monotonic()
        self.started: float | None = None

    def waited_ms(self) -> float:
        """Return the milliseconds from joining the line to its turn (so far, while it still waits)."""
        return round(((self.started or time.monotonic()) - self.joined) * 1000, 1)

    def __enter__(self) -> Ticket:
        return self

    def __exit__(self, *_: object) -> None:
        self.line.leave(self)

    def places(self) -> Iterator[Waiting]:
        """Yield the ticket's place every ``POLL_S`` until it is first in line (nothing when it already is)."""
        while not self.line.wait(self, POLL_S):
            ahead = self.line.ahead_of(self)
            yield Waiting(ahead, self.line.expected_s(ahead))
        self.started = time.monotonic()


class ClientRate:
    """At most ``per_minute`` questions per client in any 60 s (a sliding window of each client's times)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        # a client silent for a window has nothing to remember: its entry expires
        self._asked: TTLCache = TTLCache(maxsize=CLIENTS_TRACKED, ttl=WINDOW_S)
        self._lock = threading.Lock()

    def admit(self, client: str) -> None:
        """Count one question for ``client``; raise ``RateLimited`` when it has had its share this minute."""
        now = time.monotonic()
        with self._lock:
            times: deque[float] = self._asked.get(client) or deque()
            while times and times[0] <= now - WINDOW_S:
                times.popleft()
            if len(times) >= self.per_minute:
                wait = max(1, math.ceil(times[0] + WINDOW_S - now))
                raise RateLimited(
                    f"Too many questions: {self.per_minute} a minute per client; try again in {wait} s.", wait
                )
            times.append(now)
            self._asked[client] = times


class Lanes:
    """The rules every answer follows, whoever asks: a client's rate, facts at once, narratives in line."""

    def __init__(self, settings: ApiSettings) -> None:
        self.rate = ClientRate(settings.questions_per_minute)
        self.model = ModelLine(settings.narrative_queue)
        self.fact_concurrency = settings.fact_concurrency

    def pieces(self, stream: AnswerStream) -> Iterator[str | Waiting]:
        """Yield the answer's text pieces; a narrative first waits its turn, yielding its place while it waits.

        Raises ``Busy`` (before anything is yielded) when the model's line is full. A narrative's answer carries
        its wait for the model in ``timings_ms["model_wait"]``.
        """
        if not stream.needs_model:
            yield from stream
            return
        with self.model.join() as ticket:
            yield from ticket.places()
            yield from stream
        stream.answer.timings_ms["model_wait"] = ticket.waited_ms()
