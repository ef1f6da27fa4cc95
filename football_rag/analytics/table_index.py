"""A table's rows by the value of one column (a match id, a player id), found once for the release's tables.

``table[table["match_id"].isin(ids)]`` compares every row of the table: its cost grows with every season loaded
(ten seasons, ten times the rows), although a question reads the rows of one match or of one season's matches.
``RowsBy`` finds each value's row positions once, so ``of(values)`` costs what the rows asked for hold, and
returns the rows the comparison would: the same rows, labels and order. A table may also come read by match already
(``RowsOf``: the app's events, ``knowledge.rows_on_disk``); ``rows_by_match`` and ``match_rows`` take either.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import numpy as np
import pandas as pd


class RowsOf(Protocol):
    """A table's rows found by one column's values, as ``RowsBy.of`` returns them."""

    def of(self, values: Iterable[object]) -> pd.DataFrame:
        """Return the rows whose key is one of ``values``, in the table's order."""
        ...


class RowsBy:
    """The rows of ``frame`` by the value of its column ``key`` (rows whose value is missing are never asked for)."""

    def __init__(self, frame: pd.DataFrame, key: str) -> None:
        self.frame = frame
        self._positions: dict[object, np.ndarray] = frame.groupby(key, sort=False).indices

    def of(self, values: Iterable[object]) -> pd.DataFrame:
        """Return the rows whose ``key`` is one of ``values``, in the frame's order (as ``isin(values)`` keeps them)."""
        found = [self._positions[v] for v in dict.fromkeys(values) if v in self._positions]
        if not found:
            return self.frame.iloc[0:0]
        positions = found[0] if len(found) == 1 else np.sort(np.concatenate(found))
        # One block, as ingest appends a match's rows: a slice is a view, where taking the positions copies every
        # column (~12 ms of a season's events table for one match).
        if positions[-1] - positions[0] + 1 == len(positions):
            return self.frame.iloc[positions[0] : positions[-1] + 1]
        return self.frame.iloc[positions]


def rows_by_match(table: pd.DataFrame | RowsOf) -> RowsOf:
    """Return ``table``'s rows by match id: an index over a table held whole, or the table itself when it is read by
    match already."""
    return RowsBy(table, "match_id") if isinstance(table, pd.DataFrame) else table


def match_rows(table: pd.DataFrame | RowsOf, match_id: str) -> pd.DataFrame:
    """Return the rows of one match, in the table's order: a comparison of a table held whole (one look, no index
    kept), or the rows a table read by match gives."""
    if isinstance(table, pd.DataFrame):
        return table.loc[table["match_id"] == match_id]
    return table.of([match_id])
