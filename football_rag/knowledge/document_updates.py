"""A week's documents: the changed matches' written again, every other one taken from the parent release.

A match's documents read only that match's rows, and a team-season summary only the rows of that team's matches of
that season (``knowledge.documents``). So when the parent's documents were written by the same code
(``documents_code_version``), the documents of ``tables`` are the parent's, with the documents of the matches
whose rows changed (new, re-parsed, xG filled) and the summaries of the clubs that played them in those seasons
written again: exactly what ``build_documents(tables)`` returns (tests/integration/test_document_updates.py),
at a cost that follows the week rather than the knowledge base.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from functools import cache
from pathlib import Path

import pandas as pd

from football_rag.analytics.tables import MatchTables
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.documents import (
    DOCUMENT_COLUMNS,
    build_documents,
    match_documents,
    match_order,
    team_season_summaries,
)
from football_rag.knowledge.release import ReleaseStore

PACKAGE = Path(__file__).resolve().parents[1]
# What a document's text and metadata are made by: the documents module and the analytics modules it imports.
DOCUMENT_SOURCES = ("knowledge/documents.py", "analytics/minutes.py", "analytics/stat_registry.py")
SEASON_DOCUMENT = "team_season"


@cache
def documents_code_version() -> str:
    """Return ``documents-<12 hex>``: the sha256 of ``DOCUMENT_SOURCES`` (read once a process)."""
    digest = hashlib.sha256()
    for name in DOCUMENT_SOURCES:
        digest.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes() + b"\0")
    return f"documents-{digest.hexdigest()[:12]}"


def parent_documents(store: ReleaseStore, parent: str | None) -> pd.DataFrame | None:
    """Return the documents of release ``parent`` when this code wrote them; None (write every document) when there
    is no parent, or another version of ``DOCUMENT_SOURCES`` wrote them (a text or a metadata field may differ)."""
    if parent is None or store.manifest(parent).documents_code != documents_code_version():
        return None
    return read_tables(store.path(parent), ["documents"])["documents"]


def week_documents(
    tables: MatchTables, previous: pd.DataFrame | None, changed: Collection[str]
) -> tuple[pd.DataFrame, int]:
    """Return the documents of ``tables`` and how many were written: all of them without ``previous`` (the parent's
    documents, written by this code from the parent's tables), else those ``update_documents`` writes."""
    if previous is None:
        documents = build_documents(tables)
        return documents, len(documents)
    return update_documents(tables, previous, changed)


def update_documents(tables: MatchTables, previous: pd.DataFrame, changed: Collection[str]) -> tuple[pd.DataFrame, int]:
    """Return what ``build_documents(tables)`` returns, and how many documents were written to make it.

    ``previous`` is ``build_documents`` of the parent's tables; ``changed`` names every match whose rows differ
    from the parent's (new, replaced, xG filled). Their documents and the summaries of their clubs' seasons (in
    the parent's rows and in ``tables``) are written; every other document is the parent's row as it was.
    """
    changed = {str(match_id) for match_id in changed}
    fresh = pd.DataFrame(match_documents(tables, changed), columns=list(DOCUMENT_COLUMNS))
    played = _teams_seasons(fresh) | _teams_seasons(previous[previous["match_id"].isin(changed)])
    seasons = pd.DataFrame(team_season_summaries(tables, played), columns=list(DOCUMENT_COLUMNS))
    is_season = previous["doc_type"].eq(SEASON_DOCUMENT)
    kept_matches = previous[~is_season & ~previous["match_id"].isin(changed)]
    kept_seasons = previous[is_season & ~_pairs(previous).isin(list(played))]
    documents = pd.concat(
        [
            _in_match_order(pd.concat([kept_matches, fresh]), tables.matches),
            pd.concat([kept_seasons, seasons]).sort_values(["team", "season"], kind="stable"),
        ],
        ignore_index=True,
    )
    # A column all None in one part is object-typed, which would make the joined column so: the full build's
    # column types are those inferred over all the values.
    return documents.infer_objects(), len(fresh) + len(seasons)


def _teams_seasons(documents: pd.DataFrame) -> set[tuple[str, str]]:
    """Return the (team, season) pairs of the clubs named in match ``documents``."""
    return {
        (str(team), str(season))
        for column in ("home_team", "away_team")
        for team, season in zip(documents[column], documents["season"], strict=True)
    }


def _pairs(documents: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(documents[["team", "season"]].astype(str))


def _in_match_order(documents: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Return match ``documents`` match by match in ``match_order`` (a match's own documents keep their order)."""
    rank = {str(match_id): n for n, match_id in enumerate(match_order(matches)["match_id"])}
    return documents.iloc[documents["match_id"].map(rank).argsort(kind="stable")]
