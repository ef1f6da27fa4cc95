"""A full build never holds every match's events at once: the ingest writes each group's events to a file of their
own and the version's events file from them a match at a time (``knowledge.events_merge``), and the xG step computes
the team and player figures a batch of matches at a time. On the real season (and a bad file, rejected naming its
field while the rest is built) the tables are those of the in-memory path: ``build_tables`` of every match at once,
its events written whole as a release writes a table, and the xG filled in one pass."""

from __future__ import annotations

import gc
import gzip
import json
import weakref
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from football_rag.analytics.tables import SHOT_FIGURES, MatchTables, build_tables
from football_rag.analytics.xg_model import train_xg_model
from football_rag.config.settings import Settings
from football_rag.knowledge import ingest, match_groups
from football_rag.knowledge.datasets import ROW_GROUP_ROWS, Tables, TableSet
from football_rag.knowledge.ingest import (
    IngestReport,
    fill_missing_xg,
    home_quarantine,
    parse_raw_files,
    plan_for_settings,
    run_ingest,
    tables_by_name,
)
from football_rag.knowledge.release import release_store
from football_rag.knowledge.rows_on_disk import RowsOnDisk

pytestmark = pytest.mark.slow

OPENER = "1903117"  # Liverpool 4-2 Bournemouth: 1,543 events
BAD = "9999999.json.gz"  # a season file whose events are not a list

Spill = Callable[[pd.DataFrame, Path], RowsOnDisk]


class FullBuild:
    """A full ingest of the real season and a bad file, what it held of the events, and the in-memory path's tables."""

    def __init__(self, season_dir: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        raw, settings = root / "raw", Settings(home=root / "home")
        raw.mkdir()
        for path in sorted((season_dir / "whoscored").glob("*.json.gz")):
            (raw / path.name).symlink_to(path)
        centre = json.loads(gzip.decompress((raw / f"{OPENER}.json.gz").read_bytes()))
        (raw / BAD).write_bytes(gzip.compress(json.dumps({**centre, "events": "oops"}).encode()))
        self.spilled_rows: list[int] = []
        self.decoded_matches: list[int] = []
        # The arrays of every events frame a group built or a batch decoded, and the most of the earlier groups' or
        # batches' still held when the next one came: none, or the events pile up with the matches.
        self.group_arrays: list[weakref.ref[np.ndarray]] = []
        self.batch_frames: list[weakref.ref[pd.DataFrame]] = []
        self.held = {"groups": 0, "batches": 0}
        monkeypatch.setattr(match_groups, "spill_events", self._spilling(match_groups.spill_events))
        monkeypatch.setattr(ingest, "_of_matches", self._decoding(ingest._of_matches))
        plan = plan_for_settings(settings, raw)
        self.tables, self.report = run_ingest(plan, release_store(settings), home_quarantine(settings), workers=2)
        self.model = train_xg_model(self.tables["shots"], 0)
        self.filled = fill_missing_xg(self.tables, self.model.predict, self.model.xg_source)
        self.written = release_store(settings).work_dir(str(self.report.version)) / "events.parquet"
        monkeypatch.undo()
        pairs, _rejected = parse_raw_files(plan.new, workers=2)
        self.whole = build_tables([parsed for _raw, parsed in pairs])

    def _spilling(self, spill: Spill) -> Spill:
        """Return ``spill`` recording how many events each group's frame held, and whether earlier ones are held."""

        def recorded(frame: pd.DataFrame, path: Path) -> RowsOnDisk:
            self._note("groups", self.group_arrays)
            self.spilled_rows.append(len(frame))
            self.group_arrays.extend(weakref.ref(array) for array in _arrays(frame))
            return spill(frame, path)

        return recorded

    def _decoding(self, rows_of: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
        """Return ``rows_of`` recording how many matches' events each decoding of the file held, and whether earlier
        ones are held."""

        def recorded(frame: object, match_ids: set[str]) -> pd.DataFrame:
            if isinstance(frame, RowsOnDisk):
                self._note("batches", self.batch_frames)
            rows = rows_of(frame, match_ids)
            if isinstance(frame, RowsOnDisk):
                self.decoded_matches.append(rows["match_id"].nunique())
                self.batch_frames.append(weakref.ref(rows))
            return rows

        return recorded

    def _note(self, kind: str, earlier: list[weakref.ref]) -> None:
        """Keep the most of ``earlier`` still held by anything."""
        gc.collect()
        self.held[kind] = max(self.held[kind], sum(ref() is not None for ref in earlier))


def _arrays(frame: pd.DataFrame) -> list[np.ndarray]:
    """Return the arrays holding the frame's numpy columns (what a slice of the frame keeps alive)."""
    arrays = []
    for column in frame.columns:
        values = frame[column].to_numpy()
        while isinstance(values.base, np.ndarray):
            values = values.base
        arrays.append(values)
    return arrays


@pytest.fixture(scope="module")
def build(season_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> FullBuild:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return FullBuild(season_dir, tmp_path_factory.mktemp("full_build"), monkeypatch)


def test_the_bad_file_is_rejected_naming_its_field_and_the_season_is_built(build: FullBuild) -> None:
    report: IngestReport = build.report
    assert [(r.path, r.error) for r in report.rejected] == [(BAD, "expected list, got str (field events)")]
    assert (report.parsed, report.matches_total, len(build.whole.matches)) == (204, 204, 204)


def test_the_tables_are_those_built_at_once(build: FullBuild, tmp_path: Path) -> None:
    tables: TableSet = build.tables
    for table in fields(MatchTables):
        if table.name != "events":
            assert_frame_equal(tables[table.name], getattr(build.whole, table.name), check_exact=True)
    # the whole events table as a release writes it (``datasets.write_tables``), and the file written by match
    build.whole.events.to_parquet(tmp_path / "whole.parquet", index=False, row_group_size=ROW_GROUP_ROWS)
    written, expected = pq.ParquetFile(build.written), pq.ParquetFile(tmp_path / "whole.parquet")
    assert written.schema_arrow.equals(expected.schema_arrow, check_metadata=True)
    assert [written.metadata.row_group(g).num_rows for g in range(written.num_row_groups)] == [
        expected.metadata.row_group(g).num_rows for g in range(expected.num_row_groups)
    ]
    assert_frame_equal(pd.read_parquet(build.written), pd.read_parquet(tmp_path / "whole.parquet"), check_exact=True)
    events = tables["events"]
    assert isinstance(events, RowsOnDisk)
    opener = events.of([OPENER])
    assert len(opener) == 1_543 and int(opener["is_goal"].sum()) == 6


def test_the_events_were_never_held_whole(build: FullBuild) -> None:
    total = len(build.whole.events)
    # the season's 204 matches in groups of at least 64 by date, each group's events spilled on its own
    assert len(build.spilled_rows) >= 3 and sum(build.spilled_rows) == total
    assert max(build.spilled_rows) < total / 2
    # the xG step decoded every match's events, 64 matches at a time at most
    assert sum(build.decoded_matches) == 204 and max(build.decoded_matches) <= ingest.XG_BATCH_MATCHES
    # and no earlier group's or batch's events were held while the next one was built or decoded
    assert build.group_arrays and build.batch_frames
    assert build.held == {"groups": 0, "batches": 0}


def test_the_xg_filled_by_batches_is_the_xg_filled_at_once(build: FullBuild) -> None:
    at_once: Tables = fill_missing_xg(
        tables_by_name(build.whole), build.model.predict, build.model.xg_source, batch=len(build.whole.matches)
    )
    for name in SHOT_FIGURES:
        assert_frame_equal(build.filled[name], at_once[name], check_exact=True)
    scored = build.filled["shots"]
    assert scored["xg"].notna().sum() == (~scored["own_goal"].astype(bool)).sum()
    opener = build.filled["team_stats"].set_index(["match_id", "side"]).loc[OPENER]
    assert (opener.loc["home", "goals"], opener.loc["away", "goals"]) == (4, 2)
