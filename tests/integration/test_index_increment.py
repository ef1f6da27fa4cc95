"""A week's index is the latest release's collection with the week's changes written, not the season written again.

On the real season: the first 30 matches are a release's collection and the next 10 (17 clubs) the increment.
Vectors come from the small MiniLM embedder (the mechanics do not depend on the model). The incremental
collection must hold exactly what a full build holds, answer the same queries the same way, and leave the
release it started from untouched.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from football_rag.config.settings import get_settings
from football_rag.data.contracts import ParsedMatch
from football_rag.data.parsers import parse_file
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.embeddings import embed_documents, load_embedder
from football_rag.knowledge.index import (
    PreviousIndex,
    build_index,
    changed_documents,
    chroma_client,
    collection_name,
)
from football_rag.knowledge.ingest import as_match_tables, match_tables
from tests.integration.test_gate_candidates import season_ids

pytestmark = pytest.mark.slow

EMBEDDER = "all-MiniLM-L6-v2"
FIRST, INCREMENT = 30, 10


class Week:
    """The documents and vectors of the first 30 matches and of the first 40."""

    def __init__(self, parsed: list[ParsedMatch]) -> None:
        embedder = load_embedder(EMBEDDER, get_settings().models_dir)
        self.before = build_documents(as_match_tables(match_tables(parsed[:FIRST])))
        self.before_vectors, _ = embed_documents(self.before, embedder)
        self.after = build_documents(as_match_tables(match_tables(parsed)))
        self.after_vectors, self.encoded = embed_documents(self.after, embedder, self.before_vectors)
        self.new_ids = {p.match.match_id for p in parsed[FIRST:]}
        reports = self.after[self.after["doc_type"].eq("match") & self.after["match_id"].isin(self.new_ids)]
        self.new_teams = {*reports["home_team"], *reports["away_team"]}


@pytest.fixture(scope="module")
def week(season_dir: Path) -> Week:
    ids = season_ids(season_dir)[: FIRST + INCREMENT]
    return Week([parse_file(season_dir / "whoscored" / f"{match_id}.json.gz") for match_id in ids])


@pytest.fixture(scope="module")
def previous(week: Week, tmp_path_factory: pytest.TempPathFactory) -> PreviousIndex:
    folder = tmp_path_factory.mktemp("v0001") / "index"
    build_index(week.before, week.before_vectors, "v0001", EMBEDDER, folder, None)
    return PreviousIndex(folder, collection_name("v0001"), week.before, week.before_vectors)


def _contents(folder: Path, version: str) -> dict[str, tuple[str, dict]]:
    collection = chroma_client(path=folder).get_collection(collection_name(version), embedding_function=None)
    held = collection.get(include=["documents", "metadatas"])
    return {i: (d, m) for i, d, m in zip(held["ids"], held["documents"], held["metadatas"], strict=True)}


def test_a_week_writes_its_matches_and_the_season_summaries_of_the_clubs_that_played(
    week: Week, previous: PreviousIndex
) -> None:
    changed, removed = changed_documents(previous, week.after, week.after_vectors)
    new_match_docs = week.after[week.after["match_id"].isin(week.new_ids)]
    summaries = week.after[week.after["doc_type"].eq("team_season") & week.after["team"].isin(week.new_teams)]
    assert len(week.new_teams) == 17 and len(summaries) == 17  # 10 matches, 3 clubs in two of them
    assert sorted(changed) == sorted([*new_match_docs["doc_id"], *summaries["doc_id"]])
    # the same texts are what the embed step encoded: nothing else was re-encoded either
    assert week.encoded == len(changed) and removed == []


def test_the_incremental_collection_is_the_full_one(week: Week, previous: PreviousIndex, tmp_path: Path) -> None:
    handle = build_index(week.after, week.after_vectors, "v0002", EMBEDDER, tmp_path / "inc", None, previous=previous)
    build_index(week.after, week.after_vectors, "v0002", EMBEDDER, tmp_path / "full", None)
    incremental, full = _contents(tmp_path / "inc", "v0002"), _contents(tmp_path / "full", "v0002")
    assert handle.documents == len(week.after) == len(incremental) and incremental == full
    # the same queries bring the same documents, filtered by match the way answers retrieve, and unfiltered
    client_inc = chroma_client(path=tmp_path / "inc").get_collection(collection_name("v0002"), embedding_function=None)
    client_full = chroma_client(path=tmp_path / "full").get_collection(
        collection_name("v0002"), embedding_function=None
    )
    queries = np.vstack(week.after_vectors["embedding"].iloc[::25].tolist())
    for where in (None, {"match_id": sorted(week.new_ids)[0]}):
        got = client_inc.query(query_embeddings=queries, n_results=5, where=where)["ids"]
        assert got == client_full.query(query_embeddings=queries, n_results=5, where=where)["ids"]
    # the release it started from is as it was
    assert len(_contents(previous.folder, "v0001")) == len(week.before)


def test_a_match_no_longer_held_is_deleted(week: Week, previous: PreviousIndex, tmp_path: Path) -> None:
    gone = str(previous.documents["match_id"].dropna().iloc[0])
    kept = week.after["match_id"].ne(gone)
    documents, vectors = week.after[kept], week.after_vectors[kept.to_numpy()]
    _, removed = changed_documents(previous, documents, vectors)
    dropped = previous.documents.loc[previous.documents["match_id"].eq(gone), "doc_id"]
    assert sorted(removed) == sorted(dropped) and len(removed) >= 5
    build_index(documents, vectors, "v0003", EMBEDDER, tmp_path / "inc", None, previous=previous)
    held = _contents(tmp_path / "inc", "v0003")
    assert len(held) == len(documents) and not set(removed) & set(held)
    assert pd.Series([m.get("match_id") for _, m in held.values()]).ne(gone).all()
