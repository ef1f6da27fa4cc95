"""One match on a clock: when each event and shot happened, the score at every moment, and spells of the match.

The clock is the expanded minute (WhoScored's minute that runs on through stoppage time, so it never
repeats between halves) plus the second as a fraction. A spell is the part of a match between two
moments; ``team_metrics`` applied to a spell's events and shots gives its figures by the same
definitions as the whole match's. A goal belongs to the spell it ends: the state before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pandas as pd

from football_rag.analytics.minutes import broadcast_minute

# The event columns the team metrics of a spell read (a narrow copy: slicing ~1,500 wide rows per spell is slow).
EVENT_COLUMNS = (
    "match_id", "side", "type", "qualifiers", "outcome", "x", "y", "end_x", "end_y", "period", "minute", "second",
    "expanded_minute", "card", "is_touch",
)  # fmt: skip


@dataclass(frozen=True)
class MatchSlice:
    """One match's rows of the tables the story reads, each with a ``clock`` column where it has moments."""

    match: pd.Series
    events: pd.DataFrame
    shots: pd.DataFrame
    timeline: pd.DataFrame
    players: pd.DataFrame
    team_stats: pd.DataFrame  # indexed by side

    @property
    def match_id(self) -> str:
        return str(self.match["match_id"])

    def team(self, side: str) -> str:
        return str(self.match[side])

    @property
    def end(self) -> float:
        """Return the clock at the final whistle (the last moment of the match)."""
        moments = [frame["clock"].max() for frame in (self.events, self.shots, self.timeline) if len(frame)]
        last = max((m for m in moments if pd.notna(m)), default=float(self.match.get("match_length") or 90))
        return float(max(last, float(self.match.get("match_length") or 90)))

    def minute(self, moment: pd.Series) -> str:
        """Return a timeline or shot row's minute as broadcast ("36'", "90+3'")."""
        return broadcast_minute(str(self.match["source"]), moment["period"], moment["minute"])


def slice_match(
    match: pd.Series,
    events: pd.DataFrame,
    shots: pd.DataFrame,
    timeline: pd.DataFrame,
    players: pd.DataFrame,
    team_stats: pd.DataFrame,
) -> MatchSlice:
    """Return one match's ``MatchSlice`` from its rows of each table (events, shots and timeline get a clock)."""
    return MatchSlice(
        match=match,
        events=events[list(EVENT_COLUMNS)].assign(clock=clock(events)),
        shots=shots.assign(clock=shot_clock(shots, events)),
        timeline=timeline.assign(clock=clock(timeline)),
        players=players,
        team_stats=team_stats.set_index("side"),
    )


def clock(frame: pd.DataFrame) -> pd.Series:
    """Return each row's moment in expanded minutes (``expanded_minute`` + ``second`` / 60; the minute without one)."""
    minute = frame["expanded_minute"].astype("Float64").fillna(frame["minute"].astype("Float64"))
    return (minute + frame["second"].astype("Float64").fillna(0) / 60).astype(float)


def shot_clock(shots: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Return each shot's moment: its event's clock, or its own minute (plus added time) when it has no event."""
    keyed = events.assign(clock=clock(events)).drop_duplicates("source_event_id").set_index("source_event_id")["clock"]
    own = shots["minute"].astype(float) + shots["minute_added"].astype("Float64").fillna(0).astype(float)
    return shots["shot_id"].map(keyed).astype(float).fillna(own)


def score_at(goals: pd.DataFrame, moment: float) -> tuple[int, int]:
    """Return (home, away) goals scored strictly before ``moment`` (goals: timeline goal rows with a clock)."""
    before = goals.loc[goals["clock"] < moment]
    return int(before["side"].eq("home").sum()), int(before["side"].eq("away").sum())


def spells(match: MatchSlice) -> list[tuple[float, float, tuple[int, int]]]:
    """Return the match cut at each goal: (start, end, (home, away) score during the spell), in order."""
    goals = match.timeline.loc[match.timeline["kind"].eq("goal")].sort_values("clock")
    cuts = [0.0, *goals["clock"].tolist(), match.end]
    return [(start, end, score_at(goals, end)) for start, end in pairwise(cuts) if end > start]


def state(score: tuple[int, int], side: str) -> str:
    """Return "ahead", "level" or "behind": ``side``'s state at ``score`` (home, away)."""
    mine, theirs = score if side == "home" else score[::-1]
    return "ahead" if mine > theirs else "behind" if mine < theirs else "level"


def spell_of(frame: pd.DataFrame, ends: Sequence[float]) -> np.ndarray:
    """Return, per row, the index of the spell its clock falls in, the spells running from kick-off to each of
    ``ends`` in turn ((previous end, end]: a goal at ``end`` belongs to the spell it ends); -1 after the last."""
    index = np.searchsorted(np.asarray(ends, dtype=float), frame["clock"].to_numpy(float), side="left")
    return np.where(index < len(ends), index, -1)
