"""The app's events read by match from the release on demand (``knowledge.rows_on_disk``), on the real season: every
match's rows, values, dtypes and labels are those of the table read whole; the key points, charts and the explorer's
view drawn from them are the same; a release written before row groups keeps its events whole."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from football_rag.analytics.match_story import match_story
from football_rag.analytics.table_index import RowsBy
from football_rag.analytics.tables import MatchTables
from football_rag.app.match_view import match_view
from football_rag.charts import render_chart
from football_rag.knowledge.datasets import ROW_GROUP_ROWS, read_tables, table_path, write_tables
from football_rag.knowledge.ingest import as_match_tables, tables_by_name
from football_rag.knowledge.rows_on_disk import RowsOnDisk, served_tables
from tests.conftest import raw_whoscored

OPENER = "1903117"  # Liverpool 4-2 Bournemouth, 15 August 2025
NORTH_LONDON = "1903228"  # Arsenal 4-1 Tottenham


@pytest.fixture(scope="module")
def release(season_tables: MatchTables, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("release")
    write_tables(folder, tables_by_name(season_tables))
    return folder


def test_the_events_are_written_in_row_groups_and_served_by_match(release: Path) -> None:
    groups = pq.read_metadata(table_path(release, "events"))

    assert groups.num_rows == 309_609
    assert groups.num_row_groups == 38  # 309,609 rows in groups of 8,192
    assert isinstance(served_tables(release).events, RowsOnDisk)


def test_every_matchs_events_are_the_whole_tables_rows(release: Path) -> None:
    whole = read_tables(release, ["events"])["events"]
    served = served_tables(release).events
    matches = list(dict.fromkeys(whole["match_id"]))

    assert len(matches) == 204
    for match_id in matches:
        rows = served.of([match_id])
        expected = whole.loc[whole["match_id"] == match_id]
        pd.testing.assert_frame_equal(rows, expected, check_index_type=True, check_exact=True)


def test_the_openers_events_are_its_raw_files_kept_events(release: Path) -> None:
    raw = raw_whoscored(OPENER)["events"]
    rows = served_tables(release).events.of([OPENER])

    assert len(rows) == len(raw) == 1_543
    assert set(rows["source_event_id"].astype(float)) == {float(e["id"]) for e in raw}
    assert rows["is_goal"].sum() == sum(bool(e.get("isGoal")) for e in raw) == 6  # 4-2


def test_many_matches_in_any_order_and_a_missing_one_are_what_rows_by_gives(release: Path) -> None:
    whole = read_tables(release, ["events"])["events"]
    matches = list(dict.fromkeys(whole["match_id"]))
    asked = [*matches[::-9], matches[4], "not-a-match"]

    served = served_tables(release).events
    pd.testing.assert_frame_equal(served.of(asked), RowsBy(whole, "match_id").of(asked), check_index_type=True)
    assert served.of(["not-a-match"]).empty
    assert list(served.of(["not-a-match"]).dtypes) == list(whole.dtypes)


def test_key_points_charts_and_the_explorer_view_are_those_of_the_whole_table(release: Path) -> None:
    whole, served = as_match_tables(read_tables(release)), served_tables(release)

    for match_id in (OPENER, NORTH_LONDON):
        assert repr(match_story(served, match_id)) == repr(match_story(whole, match_id))  # NaN figures: by repr
        assert repr(match_view(served, match_id)) == repr(match_view(whole, match_id))
        for kind in ("shot_map", "pass_network", "heatmap", "defensive_actions", "progressive_passes", "momentum"):
            assert render_chart(kind, served, match_id).to_json() == render_chart(kind, whole, match_id).to_json()


def test_a_release_written_in_one_row_group_keeps_its_events_whole(season_tables: MatchTables, tmp_path: Path) -> None:
    write_tables(tmp_path, tables_by_name(season_tables))
    events = table_path(tmp_path, "events")
    pq.write_table(pq.read_table(events), events, row_group_size=len(season_tables.events))  # as written before
    assert pq.read_metadata(events).num_row_groups == 1 and len(season_tables.events) > ROW_GROUP_ROWS

    served = served_tables(tmp_path).events

    assert isinstance(served, pd.DataFrame)
    pd.testing.assert_frame_equal(served, read_tables(tmp_path, ["events"])["events"])


def test_every_match_asked_at_once_is_the_whole_table(release: Path) -> None:
    whole = read_tables(release, ["events"])["events"]

    every = served_tables(release).events.of(list(dict.fromkeys(whole["match_id"])))

    pd.testing.assert_frame_equal(every, whole, check_index_type=True, check_exact=True)


QUESTIONS = (
    "What was the score of Arsenal vs Tottenham?",
    "How many shots did Liverpool have against Bournemouth?",
    "Who had the most touches in Arsenal vs Tottenham?",
    "Which team had the most possession in November?",
)


def test_the_providers_own_team_figures_are_not_held_and_answers_do_not_change(release: Path) -> None:
    from football_rag.rag.answerer import Answerer  # the rag stack loads only where a test asks for it

    whole, served = as_match_tables(read_tables(release)), served_tables(release)

    assert served.provider_team_stats.empty and len(whole.provider_team_stats) == 12_295
    assert dict(served.provider_team_stats.dtypes) == dict(whole.provider_team_stats.dtypes)
    for question in QUESTIONS:
        assert Answerer(served).ask(question)[0].answer == Answerer(whole).ask(question)[0].answer
