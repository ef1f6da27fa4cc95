"""An ingest builds its tables a group of matches at a time (``knowledge.match_groups``), its parsed matches waiting
on disk (``knowledge.spilled``): the tables are those ``build_tables`` gives for every match at once (the events, a
file written a match at a time, those of the whole events table written as a release writes it), and no link
between a FotMob record and its WhoScored twin can cross a group's edge."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from football_rag.analytics.linking import DATE_WINDOW_DAYS
from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.knowledge.datasets import ROW_GROUP_ROWS
from football_rag.knowledge.ingest import latest_captures, scan_raw_dir, spill_raw_files
from football_rag.knowledge.match_groups import grouped_tables, match_groups
from football_rag.knowledge.spilled import SpilledMatch, spill_folder
from tests.conftest import SHARED_DATA, require

# Small groups, so that the season (26 weeks from August to February) and drift's matches of 2020-2026 make many.
SMALL = 8


def _spilled(folders: list[Path], spill: Path) -> list[SpilledMatch]:
    """Return the matches of ``folders`` spilled as an ingest spills them, one capture a match kept."""
    files = [raw for folder in folders for raw in scan_raw_dir(require(folder), {})]
    pairs, _rejected = spill_raw_files(files, spill, workers=2)
    kept, _superseded = latest_captures(pairs, {})
    return [match for _raw, match in kept]


@pytest.fixture(scope="module")
def season_and_drift(tmp_path_factory: pytest.TempPathFactory) -> list[SpilledMatch]:
    """The real season and what of drift/ parses (WhoScored and FotMob of 2020-2026), spilled."""
    folders = [SHARED_DATA / "season" / "premier-league-2025-26" / "whoscored", SHARED_DATA / "drift"]
    return _spilled(folders, tmp_path_factory.mktemp("spill"))


def _grouped(spilled: list[SpilledMatch], folder: Path) -> MatchTables:
    """Return the tables built in groups of ``SMALL``, their events written to ``folder``."""
    return grouped_tables(spilled, folder / "events.parquet", folder, SMALL)


def _assert_same_tables(grouped: MatchTables, whole: MatchTables, folder: Path) -> None:
    for table in fields(MatchTables):
        if table.name != "events":
            assert_frame_equal(getattr(grouped, table.name), getattr(whole, table.name), check_exact=True)
    # The whole events table as a release writes it (``datasets.write_tables``), and the file written by match.
    whole.events.to_parquet(folder / "whole.parquet", index=False, row_group_size=ROW_GROUP_ROWS)
    written, expected = pq.ParquetFile(folder / "events.parquet"), pq.ParquetFile(folder / "whole.parquet")
    assert written.schema_arrow.equals(expected.schema_arrow, check_metadata=True)
    assert written.metadata.num_row_groups == expected.metadata.num_row_groups
    assert_frame_equal(
        pd.read_parquet(folder / "events.parquet"), pd.read_parquet(folder / "whole.parquet"), check_exact=True
    )
    assert len(grouped.events) == len(whole.events)


def test_tables_built_by_groups_are_the_tables_built_at_once(
    season_and_drift: list[SpilledMatch], tmp_path: Path
) -> None:
    groups = match_groups([s.match for s in season_and_drift], SMALL)
    whole = build_tables([s.load() for s in season_and_drift])

    grouped = _grouped(season_and_drift, tmp_path)

    # 204 season matches, drift's 11 WhoScored and 4 FotMob records (none linked: different matches)
    assert (len(season_and_drift), len(groups)) == (219, 23)
    assert len(whole.matches) == 219
    _assert_same_tables(grouped, whole, tmp_path)
    assert len(grouped.events.of(["1903117"])) == 1_543
    opener = grouped.matches.set_index("match_id").loc["1903117"]
    assert (opener["home"], opener["away"], opener["home_goals"], opener["away_goals"]) == (
        "Liverpool",
        "Bournemouth",
        4,
        2,
    )


def test_no_record_of_one_group_could_link_to_a_record_of_another(season_and_drift: list[SpilledMatch]) -> None:
    matches = [s.match for s in season_and_drift]
    groups = match_groups(matches, SMALL)
    group_of = {index: number for number, group in enumerate(groups) for index in group}

    closest = min(
        abs((matches[a].date - matches[b].date).days)
        for a in group_of
        for b in group_of
        if group_of[a] < group_of[b] and matches[a].date and matches[b].date
    )

    assert closest > DATE_WINDOW_DAYS
    assert sorted(i for group in groups for i in group) == list(range(len(matches)))


def test_a_shot_map_without_a_date_keeps_every_match_in_one_group(tmp_path: Path) -> None:
    # real/: 19 WhoScored matches and 34 FotMob records, 6 of them shot maps of WhoScored matches (no date in the file)
    spilled = _spilled([SHARED_DATA / "real" / "whoscored", SHARED_DATA / "real" / "fotmob"], tmp_path)
    whole = build_tables([s.load() for s in spilled])

    grouped = _grouped(spilled, tmp_path)

    assert match_groups([s.match for s in spilled], SMALL) == [list(range(len(spilled)))]
    linked = whole.links.loc[whole.links["status"] == "linked"]
    assert len(linked) >= 6
    _assert_same_tables(grouped, whole, tmp_path)


def test_the_spill_folder_is_removed_even_when_the_ingest_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), spill_folder(tmp_path / ".work") as folder:
        (folder / "a.pickle").write_bytes(b"parsed")
        raise RuntimeError("a parser bug")

    assert list((tmp_path / ".work").iterdir()) == []
