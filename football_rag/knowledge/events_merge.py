"""A version's events written a row group at a time, never held whole: a full build's a match at a time from its
groups, an increment's parent streamed from its file.

The events are most of a release's tables (a season: 121 of 131 MiB in memory) and grow with every season loaded.
A full build builds its tables a group of matches at a time (``knowledge.match_groups``): each group's events are
written to a file of their own, one row group a match (``spill_events``), and ``write_in_order`` writes the version's
file from them a match at a time, in the order ``combine_tables`` gives the tables built whole. An increment does not
read its parent's events to merge the week into them (``ingest.merge_tables``, as it merges the other tables):
``write_events`` copies the parent's file a row group at a time, leaving out the rows of the matches parsed again,
and writes the new matches' rows after them: the rows, order and dtypes ``merge_tables`` gives. Both write row groups
of ``datasets.ROW_GROUP_ROWS`` as a release keeps them; the build's later steps read the file by match
(``RowsOnDisk``), and the release copies it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from football_rag.knowledge.datasets import ROW_GROUP_ROWS
from football_rag.knowledge.rows_on_disk import KEY, RowsOnDisk

EVENTS = "events"


def spill_events(frame: pd.DataFrame, path: Path) -> RowsOnDisk:
    """Write ``frame``'s rows to ``path``, each match's rows (in the frame's order) a row group; return the file."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    with pq.ParquetWriter(path, table.schema) as writer:
        for rows in frame.groupby(KEY, sort=False).indices.values():
            writer.write_table(table.take(rows), row_group_size=len(rows))
    return RowsOnDisk(path)


def write_in_order(destination: Path, parts: Sequence[RowsOnDisk], order: Iterable[str]) -> RowsOnDisk:
    """Write the rows of ``parts`` (``spill_events``' files) to ``destination`` a match at a time, in ``order`` (a
    match without rows is passed over); return the written file read by match.

    The schema is that of one frame of every part's rows: a column with no value in a part (all missing) takes the
    other parts' type, and the pandas dtypes are the first part's with rows, as ``combine_tables`` leaves out an
    empty part.
    """
    where = {match: part for part in parts for match in part.matches()}
    order = list(order)
    unordered = where.keys() - set(order)
    if unordered:
        raise ValueError(f"events of matches not in the order given: {', '.join(sorted(map(str, unordered))[:5])}")
    schemas = [part.schema for part in parts if len(part)] or [part.schema for part in parts[:1]]
    rows = (where[match].match_table(match) for match in order if match in where)
    return write_rows(destination, pa.unify_schemas(schemas), rows)


def write_events(destination: Path, new: RowsOnDisk, parent: Path, replaced: Collection[str]) -> RowsOnDisk:
    """Write the rows of ``parent``'s events file whose match id is not in ``replaced``, then ``new``'s rows, to
    ``destination``; return the written file read by match."""
    source = pq.ParquetFile(parent)
    # A column all null on one side (no events on a shot map's FotMob record) takes the other side's type, and the
    # pandas dtypes are the week's unless it holds no rows: what ``merge_tables`` keeps of frames with and without.
    sides = [new.schema, source.schema_arrow]
    schema = pa.unify_schemas(sides if len(new) else sides[::-1])
    return write_rows(destination, schema, chain(_kept(source, replaced), new.row_groups()))


def write_rows(destination: Path, schema: pa.Schema, parts: Iterable[pa.Table]) -> RowsOnDisk:
    """Write ``parts`` one after the other to ``destination`` as ``schema``, in row groups of ``ROW_GROUP_ROWS``;
    return the written file read by match."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(destination, schema) as writer:
        for group in _row_groups((part.cast(schema) for part in parts), ROW_GROUP_ROWS):
            writer.write_table(group, row_group_size=ROW_GROUP_ROWS)
    return RowsOnDisk(destination)


def _kept(source: pq.ParquetFile, replaced: Collection[str]) -> Iterator[pa.Table]:
    """Yield the file's rows a row group at a time, without those of the ``replaced`` matches."""
    dropped = pa.array(sorted(map(str, replaced)), pa.large_string())
    for group in range(source.num_row_groups):
        rows = source.read_row_group(group)
        yield rows.filter(pc.invert(pc.is_in(rows[KEY].cast(dropped.type), value_set=dropped)))


def _row_groups(parts: Iterable[pa.Table], size: int) -> Iterator[pa.Table]:
    """Yield the rows of ``parts`` in order, as tables of ``size`` rows (the last one shorter)."""
    pending: list[pa.Table] = []
    held = 0
    for part in parts:
        pending.append(part)
        held += part.num_rows
        while held >= size:
            joined = pa.concat_tables(pending)
            yield joined.slice(0, size)
            pending, held = [joined.slice(size)], held - size
    if held:
        yield pa.concat_tables(pending)
