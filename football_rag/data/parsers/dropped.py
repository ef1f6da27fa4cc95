"""What a parser drops, and when dropping costs a match its completeness (shared by every provider).

A parser reads a file item by item (an event, a shot, a player, a statistic). An item it cannot read
is dropped and counted here with the path in the file and the reason; the match still parses, and
its ``warnings`` list what was dropped. Dropping is not free: a match that lost a goal, a card or a
shot, or more than ``MAX_DROPPED_SHARE`` of its events, no longer tells the whole story, so its
completeness says so and the metrics' agreement checks leave it out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from football_rag.data.contracts import ParseWarning

# A handful of odd events in a 1,500-event match stays under this; a capture that loses more is damaged.
MAX_DROPPED_SHARE = 0.01
LIST_INDEX = re.compile(r"\[\d+\]")


class Touches(StrEnum):
    """What a dropped item was about, when that makes the match incomplete."""

    GOAL = "goal"
    CARD = "card"
    SHOT = "shot"


class UnreadableItem(Exception):
    """One item of a file cannot be read: ``field`` is where (path in the file), ``reason`` why."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")

    def within(self, path: str) -> UnreadableItem:
        """Return this error with ``path`` (where the item sits in the file) put before its field."""
        return UnreadableItem(f"{path}.{self.field}" if self.field else path, self.reason)


def generic_path(path: str) -> str:
    """Return ``path`` with its list indices left out (``events[12].x`` -> ``events[].x``)."""
    return LIST_INDEX.sub("[]", path)


@dataclass
class DroppedItems:
    """The items dropped from one file: counts by (field, reason) and what they touched."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    events: int = 0
    touched: Counter[Touches] = field(default_factory=Counter)

    def drop(self, error: UnreadableItem, touches: frozenset[Touches] = frozenset(), *, event: bool = False) -> None:
        """Count one dropped item; ``event`` says it was an event (for the share of events lost)."""
        self.counts[(generic_path(error.field), error.reason)] += 1
        self.events += event
        self.touched.update(touches)

    def warnings(self) -> tuple[ParseWarning, ...]:
        """Return one warning per (field, reason), most frequent first."""
        return tuple(
            ParseWarning(field=path, count=count, reason=reason)
            for (path, reason), count in sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        )

    def incomplete_reasons(self, n_events: int) -> list[str]:
        """Return why the drops make the match incomplete (empty when they do not).

        ``n_events`` is the number of events the file held, dropped ones included.
        """
        reasons = []
        if self.touched:
            kinds = ", ".join(
                f"{self.touched[kind]} {kind.value}{'s' if self.touched[kind] > 1 else ''}"
                for kind in Touches
                if self.touched[kind]
            )
            reasons.append(f"unreadable items dropped that touch {kinds}")
        if n_events and self.events / n_events > MAX_DROPPED_SHARE:
            reasons.append(f"{self.events} of {n_events} events unreadable and dropped (over {MAX_DROPPED_SHARE:.0%})")
        return reasons
