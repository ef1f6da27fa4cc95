"""A release's events read by match when asked, not held whole: the tables as the app serves them (``served_tables``).

The events table is most of a release's tables in memory (one season: 121 of 131 MiB, pandas' deep size) and it
grows with every season loaded, while what reads it in the app reads one match at a time: a match's charts, its key
points, a half's figures. ``RowsOnDisk`` keeps where each match's rows lie in the parquet file (found once from its
match id column, a row group at a time) and decodes the row groups holding a match when it is asked for, keeping the
last ``KEEP`` asked. It returns what ``RowsBy`` over the table read whole (``read_tables``) returns: the same rows,
values, dtypes and labels (the rows' positions in the file).

A release written before ``datasets.ROW_GROUP_ROWS`` holds each table in one row group: a match would cost decoding
the whole table, so its events are held whole, as before.

A build's steps hold the events of the version they build the same way (``knowledge.events_merge`` writes them), and
pass them on by copying the file (``copy_to``), never decoding it whole.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import fields
from itertools import pairwise
from pathlib import Path
from threading import Lock
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from cachetools import LRUCache

from football_rag.analytics.tables import MatchTables
from football_rag.knowledge.datasets import ROW_GROUP_ROWS, read_tables, table_path

KEEP = 16  # matches (~0.6 MiB each): a match view draws several charts; a narrative reads its story and halves
KEY = "match_id"

Run = tuple[int, int]  # the rows [start, stop) of the file


class RowsOnDisk:
    """The rows of a parquet table by its ``match_id`` column, decoded from the file when asked."""

    def __init__(self, source: Path | BinaryIO, keep: int = KEEP) -> None:
        self._source = source  # a path, or an open file (a build's artifact store, local or not)
        self._file = pq.ParquetFile(source)
        sizes = [self._file.metadata.row_group(group).num_rows for group in range(self._file.num_row_groups)]
        self._starts = np.cumsum([0, *sizes])
        self._runs = self._match_runs()
        self._empty = self._file.schema_arrow.empty_table().to_pandas()
        self._kept: LRUCache[tuple[object, ...], pd.DataFrame] = LRUCache(keep)
        self._lock = Lock()  # the server's threads share the tables, and a ParquetFile reads one thing at a time

    def of(self, values: Iterable[object]) -> pd.DataFrame:
        """Return the rows whose match id is one of ``values``, in the file's order, labelled by their positions.

        One match's rows are kept (the last ``keep`` asked): a match view and a narrative read them again and again.
        Several matches' rows are not: a build's xG step asks a batch of matches once, and keeping them would hold
        ``keep`` batches.
        """
        asked = tuple(dict.fromkeys(values))
        with self._lock:
            rows = self._kept.get(asked)
            if rows is None:
                rows = self._read(sorted(run for value in asked for run in self._runs.get(value, ())))
                if len(asked) == 1:
                    self._kept[asked] = rows
            return rows.copy(deep=False)  # a caller's new column stays its own

    def __len__(self) -> int:
        """Return the table's row count (from the file's metadata)."""
        return self._file.metadata.num_rows

    @property
    def schema(self) -> pa.Schema:
        """Return the file's Arrow schema (with the pandas metadata it was written with)."""
        return self._file.schema_arrow

    def matches(self) -> list[object]:
        """Return the match ids the file holds rows of, in the order of their first row."""
        return list(self._runs)

    def match_table(self, value: object) -> pa.Table:
        """Return the rows of match ``value`` as an Arrow table, in the file's order, decoding only their row groups."""
        with self._lock:
            runs = [self._rows(start, stop) for start, stop in self._runs.get(value, ())]
        return pa.concat_tables(runs) if runs else self._file.schema_arrow.empty_table()

    def row_groups(self) -> Iterator[pa.Table]:
        """Yield the file's rows a row group at a time, as Arrow tables."""
        for group in range(self._file.num_row_groups):
            with self._lock:
                rows = self._file.read_row_group(group)
            yield rows

    def copy_to(self, destination: BinaryIO) -> None:
        """Write the file's bytes to ``destination``: the same table, its row groups as they are."""
        with self._lock:
            if isinstance(self._source, Path):
                with self._source.open("rb") as handle:
                    shutil.copyfileobj(handle, destination)
            else:
                self._source.seek(0)
                shutil.copyfileobj(self._source, destination)

    def _read(self, runs: list[Run]) -> pd.DataFrame:
        """Return the rows of ``runs`` (in file order) labelled as ``RowsBy`` labels them."""
        if not runs:
            return self._empty
        runs = _joined(runs)
        frame = pa.concat_tables([self._rows(start, stop) for start, stop in runs]).to_pandas()
        # The decoded groups are freed, but Arrow's allocator keeps their pages (~60 MiB a season's matches read, for
        # 0.6 ms a read to give them back).
        pa.default_memory_pool().release_unused()
        positions = np.concatenate([np.arange(start, stop) for start, stop in runs])
        contiguous = positions[-1] - positions[0] + 1 == len(positions)
        frame.index = pd.RangeIndex(positions[0], positions[-1] + 1) if contiguous else pd.Index(positions)
        return frame

    def _rows(self, start: int, stop: int) -> pa.Table:
        """Return the file's rows [start, stop), decoding only the row groups that hold them, copied out of them (a
        slice would keep every decoded group's buffers alive with the rows kept: ~5x a match's own)."""
        first = int(np.searchsorted(self._starts, start, side="right")) - 1
        last = int(np.searchsorted(self._starts, stop, side="left"))
        groups = self._file.read_row_groups(list(range(first, last)))
        return groups.take(np.arange(start, stop) - self._starts[first])

    def _match_runs(self) -> dict[object, list[Run]]:
        """Return each match id's runs of rows, in file order, from the match id column read a row group at a time
        (rows with no match id are never asked for, as in ``RowsBy``)."""
        runs: dict[object, list[Run]] = {}
        for group in range(self._file.num_row_groups):
            ids = self._file.read_row_group(group, columns=[KEY]).column(KEY).combine_chunks()
            changes = pc.fill_null(pc.not_equal(ids[1:], ids[:-1]), True).to_numpy(zero_copy_only=False)
            bounds = [0, *(np.flatnonzero(changes) + 1).tolist(), len(ids)] if len(ids) else []
            offset = int(self._starts[group])
            for start, stop in pairwise(bounds):
                value = ids[start].as_py()
                found = runs.setdefault(value, [])
                if found and found[-1][1] == offset + start:  # the match goes on from the group before
                    found[-1] = (found[-1][0], offset + stop)
                else:
                    found.append((offset + start, offset + stop))
        runs.pop(None, None)
        return runs


def _joined(runs: list[Run]) -> list[Run]:
    """Return sorted ``runs`` with each run that starts where the one before stops joined to it: many matches asked
    at once (a build's xG step asks a batch of them) decode each row group once, not once a match."""
    joined = [runs[0]]
    for start, stop in runs[1:]:
        if start == joined[-1][1]:
            joined[-1] = (joined[-1][0], stop)
        else:
            joined.append((start, stop))
    return joined


# Each source's own team figures: only a build's consistency check reads them (``analytics.consistency``), never an
# answer, a chart or the explorer; the app holds the table's columns without its rows.
NOT_SERVED = "provider_team_stats"


def served_tables(release_dir: Path) -> MatchTables:
    """Return the release's tables as the app serves them: every table read whole but the events, read by match on
    demand when their file is written in row groups of ``ROW_GROUP_ROWS`` at most (held whole otherwise), and
    ``NOT_SERVED``, empty."""
    events = table_path(release_dir, "events")
    metadata = pq.read_metadata(events)
    by_match = all(metadata.row_group(group).num_rows <= ROW_GROUP_ROWS for group in range(metadata.num_row_groups))
    names = [f.name for f in fields(MatchTables) if f.name != NOT_SERVED and not (by_match and f.name == "events")]
    tables = read_tables(release_dir, names)
    tables[NOT_SERVED] = pq.read_schema(table_path(release_dir, NOT_SERVED)).empty_table().to_pandas()
    return MatchTables(**tables, **({"events": RowsOnDisk(events)} if by_match else {}))
