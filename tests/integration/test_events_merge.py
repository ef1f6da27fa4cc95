"""An increment writes its events from the parent's file a row group at a time (``knowledge.events_merge``), never
reading them whole: on the real season, the first 30 matches published as the parent and the next 10 plus a later
capture of one of the parent's as the week, the new version's events are the rows, order and dtypes of the tables
merged whole (``merge_tables``), in row groups of ``ROW_GROUP_ROWS``, and the steps after read them by match."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from football_rag.config.settings import Settings
from football_rag.knowledge import ingest
from football_rag.knowledge.datasets import ROW_GROUP_ROWS, Tables, read_tables, write_tables
from football_rag.knowledge.ingest import (
    IngestReport,
    home_quarantine,
    merge_tables,
    plan_for_settings,
    run_ingest,
)
from football_rag.knowledge.release import Manifest, code_version, release_store
from football_rag.knowledge.rows_on_disk import RowsOnDisk
from tests.integration.test_gate_candidates import season_ids

pytestmark = pytest.mark.slow

FIRST, WEEK = 30, 10
OPENER = "1903117"  # Liverpool 4-2 Bournemouth, the parent's first match: 1,543 events


def _ingest(settings: Settings, raw: Path) -> tuple[Tables, IngestReport]:
    plan = plan_for_settings(settings, raw)
    return run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)


def _publish(settings: Settings, tables: Tables, report: IngestReport) -> Path:
    """Publish the ingest's tables as a release (no index: only the tables are read here)."""
    store = release_store(settings)
    with store.staging(report.version) as staged:
        counts = write_tables(staged, tables)
        fields = report.model_dump(include={"version", "parent", "raw_dir", "raw_files", "superseded"})
        return store.publish(staged, Manifest(**fields, row_counts=counts, code=code_version()))


class Week:
    """The parent release of the first matches, and the week's ingest on top of it (what it read, what it wrote)."""

    def __init__(self, season_dir: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        ids = season_ids(season_dir)[: FIRST + WEEK]
        files = [season_dir / "whoscored" / f"{match_id}.json.gz" for match_id in ids]
        raw, self.settings = root / "raw", Settings(home=root / "home")
        raw.mkdir()
        for path in files[:FIRST]:
            (raw / path.name).symlink_to(path)
        self.parent = _publish(self.settings, *_ingest(self.settings, raw))
        self.replaced, self.new_ids = ids[4], ids[FIRST:]
        for path in files[FIRST:]:
            (raw / path.name).symlink_to(path)
        # A later capture of a parent's match: the same content in other bytes, so it is parsed again.
        (raw / "later").mkdir()
        (raw / "later" / files[4].name).write_bytes(gzip.compress(gzip.decompress(files[4].read_bytes()), 1))
        self.read: list[str] = []
        self.week_events: list[pd.DataFrame] = []
        monkeypatch.setattr(ingest, "read_tables", self._reading(ingest.read_tables))
        monkeypatch.setattr(ingest, "write_events", self._writing(ingest.write_events))
        self.tables, self.report = _ingest(self.settings, raw)
        self.written = release_store(self.settings).work_dir(self.report.version) / "events.parquet"

    def _reading(self, read: Callable[..., Tables]) -> Callable[..., Tables]:
        """Return ``read`` recording the tables it is asked for."""

        def recorded(release_dir: Path, names: list[str] | None = None) -> Tables:
            self.read.extend(names or ["every table"])
            return read(release_dir, names)

        return recorded

    def _writing(self, write: Callable[..., RowsOnDisk]) -> Callable[..., RowsOnDisk]:
        """Return ``write`` keeping the week's events the ingest built, read whole (to merge them whole as before)."""

        def recorded(destination: Path, new: RowsOnDisk, *args: object) -> RowsOnDisk:
            self.week_events.append(new.of(new.matches()))
            return write(destination, new, *args)

        return recorded


@pytest.fixture(scope="module")
def week(season_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Week:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return Week(season_dir, tmp_path_factory.mktemp("events_merge"), monkeypatch)


def test_the_weeks_events_are_the_tables_merged_whole(week: Week, tmp_path: Path) -> None:
    parent = read_tables(week.parent)
    (new,) = week.week_events
    merged = merge_tables(parent, {"events": new}, {*week.new_ids, week.replaced})["events"]
    merged.to_parquet(tmp_path / "events.parquet", index=False)
    streamed = week.tables["events"]

    assert isinstance(streamed, RowsOnDisk)
    written = pd.read_parquet(week.written)
    pd.testing.assert_frame_equal(written, pd.read_parquet(tmp_path / "events.parquet"), check_exact=True)
    again = int((parent["events"]["match_id"] == week.replaced).sum())
    assert len(streamed) == len(parent["events"]) - again + len(new)
    assert set(new["match_id"]) == {*week.new_ids, week.replaced}
    assert (week.report.replaced_match_ids, week.report.new_match_ids) == ([week.replaced], sorted(week.new_ids))
    # the opener's rows are the parent's; the match captured again comes after every row kept from the parent
    assert len(streamed.of([OPENER])) == 1_543
    kept = written["match_id"].isin(set(parent["matches"]["match_id"]) - {week.replaced})
    assert written.index[written["match_id"] == week.replaced].min() > written.index[kept].max()


def test_the_parents_events_are_never_read_whole(week: Week) -> None:
    assert week.read and "events" not in week.read and "every table" not in week.read


def test_the_events_are_written_in_full_row_groups(week: Week) -> None:
    metadata = pq.read_metadata(week.written)
    sizes = [metadata.row_group(group).num_rows for group in range(metadata.num_row_groups)]

    assert set(sizes[:-1]) == {ROW_GROUP_ROWS} and 0 < sizes[-1] <= ROW_GROUP_ROWS
    assert sum(sizes) == len(week.tables["events"])
