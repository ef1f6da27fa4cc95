"""Fixtures and helpers every test may use: where the real match data lives (never copied into the repo)."""

from __future__ import annotations

import csv
import gzip
import json
import os
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.config.model_cache import ModelCache, ModelPackageMissing
from football_rag.config.offline import apply_quiet_defaults
from football_rag.config.settings import get_settings
from football_rag.data.contracts import ParsedMatch
from football_rag.data.parsers import parse_file

# Tests never reach a hub or a telemetry endpoint: the quiet offline defaults, before any library loads.
apply_quiet_defaults()

REPO_ROOT = Path(__file__).resolve().parents[1]
# FOOTBALL_RAG_TEST_DATA points the tests elsewhere (e.g. a folder that does not exist, to run them as the public
# CI does, without the provider data).
SHARED_DATA = Path(os.environ.get("FOOTBALL_RAG_TEST_DATA") or REPO_ROOT.parent / "shared" / "data")
REAL_DATA = SHARED_DATA / "real"
SEASON_DATA = SHARED_DATA / "season" / "premier-league-2025-26"


def cached_model(name: str) -> Path:
    """Return model ``name`` from the model cache, assembled from its installed packages when missing or when its
    link dangles (the cache is per user: another checkout's setup may have linked it into that checkout's venv).
    Skip the test only when the packages that carry the model are not installed."""
    try:
        return ModelCache(get_settings().models_dir.absolute()).path(name)
    except ModelPackageMissing as error:
        pytest.skip(f"{name}: {error}")


def require(path: Path) -> Path:
    """Return ``path``; skip the test when it is absent (the shared data is not on every machine)."""
    if not path.exists():
        pytest.skip(f"real data not found at {path} (it lives in ../shared/data, never in the repo)")
    return path


def _csv_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def real_manifest(provider: str) -> list[dict[str, str]]:
    """Return the rows of ``real/manifest.csv`` for ``provider``; empty when the data is absent."""
    return [row for row in _csv_rows(REAL_DATA / "manifest.csv") if row["provider"] == provider]


def season_index() -> list[dict[str, str]]:
    """Return the rows of the season corpus' ``matches.csv``; empty when the data is absent."""
    return _csv_rows(SEASON_DATA / "matches.csv")


@pytest.fixture(scope="module")
def zen_repo_config():
    """Keep the developer's ``.zen/config.yaml`` (ZenML rewrites it for whichever store runs)."""
    config = REPO_ROOT / ".zen" / "config.yaml"
    saved = config.read_bytes() if config.exists() else None
    yield
    if saved is not None:
        config.write_bytes(saved)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Return the read-only real-data folder (``../shared/data`` from the repo root); skip when absent."""
    return require(SHARED_DATA)


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """Return ``../shared/data/real``; skip when absent."""
    return require(REAL_DATA)


@pytest.fixture(scope="session")
def season_dir() -> Path:
    """Return the season corpus folder; skip when absent."""
    return require(SEASON_DATA)


@pytest.fixture(scope="session")
def season_parsed(season_dir: Path) -> dict[str, ParsedMatch]:
    """Every season match parsed once per test run (both cores), by WhoScored id."""
    paths = sorted((season_dir / "whoscored").glob("*.json.gz"))
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        parsed = list(pool.map(parse_file, paths, chunksize=8))
    return {p.match.match_id: p for p in parsed}


@pytest.fixture(scope="session")
def season_tables(season_parsed: dict[str, ParsedMatch]) -> MatchTables:
    """The analytics tables of the whole season corpus, built once per test run."""
    return build_tables(list(season_parsed.values()))


@pytest.fixture(scope="module")
def answerer(season_tables: MatchTables):
    """An answerer over the whole season, without index or LLM (a module may define its own instead)."""
    from football_rag.rag.answerer import Answerer  # the rag stack loads only where a test asks for it

    return Answerer(season_tables)


@cache
def raw_whoscored(match_id: str) -> dict:
    """Return a season match's raw WhoScored document, the file the gold of answering tests is counted from."""
    with gzip.open(SEASON_DATA / "whoscored" / f"{match_id}.json.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)
