"""Parsed matches kept on disk while an ingest runs, so that its memory holds a group of matches, not all of them.

A parsed match (``ParsedMatch``) is ~7 MiB in memory and ~0.5 MiB pickled: ten seasons of them (~14 GiB) do not
fit beside the tables. A parse worker pickles each one into a spill folder and hands back a ``SpilledMatch``: the
match's header (``Match``: ids, date, teams, status, completeness) and its counts, which is all that choosing the
captures and the ingest's report read. The tables are then built a group of matches at a time
(``knowledge.match_groups``), each group's contracts loaded back and dropped once its tables are built.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from football_rag.data.contracts import Match, ParsedMatch


@dataclass(frozen=True)
class SpilledMatch:
    """A parsed match written to ``path``: its header and counts stay in memory, its events, shots... on disk."""

    match: Match
    events: int
    shots: int
    path: Path

    @classmethod
    def write(cls, parsed: ParsedMatch, path: Path) -> SpilledMatch:
        """Pickle ``parsed`` to ``path``; return its light record."""
        with path.open("wb") as handle:
            pickle.dump(parsed, handle, protocol=pickle.HIGHEST_PROTOCOL)
        return cls(parsed.match, len(parsed.events), len(parsed.shots), path)

    def load(self) -> ParsedMatch:
        """Return the parsed match read back from disk (the ingest's own file, so unpickling it is safe)."""
        with self.path.open("rb") as handle:
            return pickle.load(handle)


@contextmanager
def spill_folder(root: Path) -> Iterator[Path]:
    """Yield a new folder under ``root`` for one ingest's parsed matches; it is removed on exit, error or not.

    ``root`` is the release store's scratch space (``.work``): what a killed run leaves there is swept by the next
    build (``ReleaseStore.sweep``).
    """
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ingest-", dir=root) as folder:
        yield Path(folder)
