"""A version's events written a row group at a time: its parent's rows streamed from their file, never held whole.

The events are most of a release's tables (a season: 121 of 131 MiB in memory) and grow with every season loaded,
while a matchweek brings ~10 matches. So an increment does not read its parent's events to merge the week into them
(``ingest.merge_tables``, as it merges the other tables): ``write_events`` copies the parent's file a row group at a
time, leaving out the rows of the matches parsed again, and writes the new matches' rows after them: the rows, order
and dtypes ``merge_tables`` gives, in row groups of ``datasets.ROW_GROUP_ROWS`` as a release keeps them. The build's
later steps read the file by match (``RowsOnDisk``), and the release copies it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from football_rag.knowledge.datasets import ROW_GROUP_ROWS
from football_rag.knowledge.rows_on_disk import KEY, RowsOnDisk

EVENTS = "events"


def write_events(
    destination: Path, new: pd.DataFrame, parent: Path | None = None, replaced: Collection[str] = ()
) -> RowsOnDisk:
    """Write the rows of ``parent``'s events file whose match id is not in ``replaced``, then ``new``'s rows, to
    ``destination``; return the written file read by match."""
    fresh = pa.Table.from_pandas(new, preserve_index=False)
    source = pq.ParquetFile(parent) if parent is not None else None
    # A column all null on one side (no events on a shot map's FotMob record) takes the other side's type, and the
    # pandas dtypes are the week's unless it holds no rows: what ``merge_tables`` keeps of frames with and without.
    sides = [fresh.schema, *([source.schema_arrow] if source else [])]
    schema = pa.unify_schemas(sides if len(new) else sides[::-1])
    parts = [*([] if source is None else [_kept(source, replaced)]), [fresh]]
    destination.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(destination, schema) as writer:
        for group in _row_groups((part.cast(schema) for rows in parts for part in rows), ROW_GROUP_ROWS):
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
