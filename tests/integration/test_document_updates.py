"""A week's documents written for the changed matches only equal the documents written whole (issue 18 item 1).

On the real season, as a build sees it: the parent release holds the first 30 matches (its shots scored by an
xG model fitted on them, its documents read back from parquet as the next build reads them); the week brings
the next 10 matches and a later capture of one of the parent's (its referee corrected), merged as the ingest
merges them and scored by the parent's model. The documents written for those 11 matches and their clubs'
seasons, with every other one taken from the parent, must be exactly the documents written from scratch.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from football_rag.analytics.xg_model import train_xg_model
from football_rag.data.parsers import parse_file
from football_rag.knowledge.document_updates import update_documents, week_documents
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.ingest import as_match_tables, fill_missing_xg, match_tables, merge_tables
from tests.integration.test_gate_candidates import season_ids

pytestmark = pytest.mark.slow

FIRST, WEEK = 30, 10
REFEREE = "Anthony Taylor (corrected)"


class Week:
    """The parent's tables and documents, and the tables after the week's ingest and xG."""

    def __init__(self, season_dir: Path, tmp: Path) -> None:
        ids = season_ids(season_dir)[: FIRST + WEEK]
        parsed = [parse_file(season_dir / "whoscored" / f"{match_id}.json.gz") for match_id in ids]
        parent = match_tables(parsed[:FIRST])
        model = train_xg_model(parent["shots"], seed=0)
        self.parent = fill_missing_xg(parent, model.predict, model.xg_source)
        build_documents(as_match_tables(self.parent)).to_parquet(tmp / "documents.parquet", index=False)
        self.previous = pd.read_parquet(tmp / "documents.parquet")
        self.replaced = ids[4]
        recaptured = match_tables([*parsed[FIRST:], parsed[4]])
        matches = recaptured["matches"]
        matches.loc[matches["match_id"].eq(self.replaced), "referee"] = REFEREE
        self.new_ids = set(ids[FIRST:])
        merged = merge_tables(self.parent, recaptured, {*self.new_ids, self.replaced})
        self.tables = as_match_tables(fill_missing_xg(merged, model.predict, model.xg_source))
        self.changed = {*self.new_ids, self.replaced}


@pytest.fixture(scope="module")
def week(season_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Week:
    return Week(season_dir, tmp_path_factory.mktemp("parent"))


def test_updated_documents_equal_a_full_rebuild(week: Week) -> None:
    updated, _ = update_documents(week.tables, week.previous, week.changed)
    full = build_documents(week.tables)
    pd.testing.assert_frame_equal(updated, full)
    assert full["match_id"].nunique() == FIRST + WEEK
    assert full["doc_type"].eq("team_season").sum() == 20  # every club has played by the fourth matchweek


def test_only_the_weeks_matches_and_their_clubs_seasons_are_written(week: Week) -> None:
    updated, written = update_documents(week.tables, week.previous, week.changed)
    changed_matches = updated[updated["match_id"].isin(week.changed)]
    reports = changed_matches[changed_matches["doc_type"].eq("match")]
    clubs = {*reports["home_team"], *reports["away_team"]}
    assert len(reports) == WEEK + 1
    assert written == len(changed_matches) + len(clubs)
    assert written < len(updated) / 2
    # the later capture's correction is in its match's report; the parent's text was not kept
    report = updated.loc[updated["doc_id"].eq(f"match:{week.replaced}"), "text"].item()
    assert REFEREE in report
    assert REFEREE not in week.previous.loc[week.previous["doc_id"].eq(f"match:{week.replaced}"), "text"].item()


def test_unchanged_documents_are_the_parents_rows(week: Week) -> None:
    updated, _ = update_documents(week.tables, week.previous, week.changed)
    kept = week.previous[~week.previous["match_id"].isin(week.changed) & week.previous["doc_type"].ne("team_season")]
    same = updated.set_index("doc_id").loc[kept["doc_id"]].reset_index()
    pd.testing.assert_frame_equal(same[kept.columns], kept.reset_index(drop=True))


def test_without_the_parents_documents_every_document_is_written(week: Week) -> None:
    documents, written = week_documents(week.tables, None, week.changed)
    pd.testing.assert_frame_equal(documents, build_documents(week.tables))
    assert written == len(documents)
