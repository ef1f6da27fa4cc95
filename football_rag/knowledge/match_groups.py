"""An ingest's tables built a group of matches at a time, so that its memory holds one group's parsed matches.

The tables of most records do not depend on the others; the exception is linking a FotMob record to its
WhoScored twin (``analytics.linking``), which looks at every WhoScored record dated at most
``DATE_WINDOW_DAYS`` from it. Groups are therefore runs of matches by date, cut only where the next date is more
than that window after the last: no link can cross such a gap. A group reaches ``GROUP_MATCHES`` before it is
cut, and grows past it rather than cut inside a window. A record without a date (a FotMob shot map) may link to
any WhoScored match, so when one is among FotMob records all the matches are one group (the memory of before).

Each group's parsed matches are read back from the spill folder, turned into tables and dropped; the groups'
tables are then put in the order ``build_tables`` gives for all the records at once (``combine_tables``). The events,
most of the tables and growing with every season, are not joined in memory: each group's go to a file of their own
and the ingest's events file is written from them a match at a time in that order (``knowledge.events_merge``).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from football_rag.analytics.linking import DATE_WINDOW_DAYS
from football_rag.analytics.tables import MatchTables, build_tables, combine_tables
from football_rag.data.contracts import Match, ParsedMatch, Source
from football_rag.knowledge.events_merge import spill_events, write_in_order
from football_rag.knowledge.spilled import SpilledMatch

# ~7 MiB a parsed match in memory: a group of 64 holds ~450 MiB of contracts, whatever the number of seasons.
GROUP_MATCHES = 64


def match_groups(matches: Sequence[Match], size: int = GROUP_MATCHES) -> list[list[int]]:
    """Return the indices of ``matches`` in groups no link crosses, by date, each in input order.

    A group is cut once it holds ``size`` matches, at the first gap of more than ``DATE_WINDOW_DAYS`` between
    consecutive dates; undated matches go last, in one group, unless nothing can link (no FotMob record).
    """
    linkable = any(m.source is Source.FOTMOB for m in matches)
    if linkable and any(m.date is None for m in matches):
        return [list(range(len(matches)))] if matches else []
    by_date = sorted(range(len(matches)), key=lambda i: (matches[i].date is None, matches[i].date or date.min))
    groups: list[list[int]] = []
    last: date | None = None
    for index in by_date:
        day = matches[index].date
        if not groups or (len(groups[-1]) >= size and (not linkable or _apart(last, day))):
            groups.append([])
        groups[-1].append(index)
        last = day
    return [sorted(group) for group in groups]


def _apart(earlier: date | None, later: date | None) -> bool:
    """Return whether no record dated ``later`` or after can link to one dated ``earlier`` or before."""
    return earlier is not None and later is not None and (later - earlier).days > DATE_WINDOW_DAYS


def grouped_tables(
    spilled: Sequence[SpilledMatch], events: Path, scratch: Path, size: int = GROUP_MATCHES
) -> MatchTables:
    """Return ``build_tables`` of every spilled match, built a group at a time (see the module docstring), its events
    written to the file ``events`` (each group's first to ``scratch``) and read by match."""
    groups = match_groups([s.match for s in spilled], size)
    parts, group_events = [], []
    for number, group in enumerate(groups):
        part = build_tables(_loaded([spilled[i] for i in group]))
        group_events.append(spill_events(part.events, scratch / f"events-{number}.parquet"))
        # copied: an empty slice of the frame would keep every column of the group's events alive
        parts.append(replace(part, events=part.events.iloc[0:0].copy()))
    tables = combine_tables(parts, [(s.match.source.value, s.match.match_id) for s in spilled])
    return replace(tables, events=write_in_order(events, group_events, tables.matches["match_id"]))


def _loaded(spilled: Sequence[SpilledMatch]) -> list[ParsedMatch]:
    """Return the parsed matches read back, the garbage collector paused meanwhile.

    Unpickling a group (~1,700 events a match, each a model) would set the collector off hundreds of times with
    nothing to free: loading 64 matches took 2.0 CPU seconds with it, 0.5 without.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return [s.load() for s in spilled]
    finally:
        if paused:
            gc.enable()
