"""Seasons of leagues played within one calendar year ("2026" for MLS), beside the European "2025/2026" (issue 18).

Real matches: FC Cincinnati 4-2 San Jose (MLS, 2 August 2026) and Fortaleza 2-1 Corinthians (Brasileirão, 3 December
2025) from the drift corpus (``manifest.csv``: "MLS 2026 regular season", "Campeonato Brasileiro Serie A 2025"; the
files name neither), Arsenal 4-1 Tottenham (Premier League, 23 November 2025) from the season corpus; each copied
one season back by ``tests/season_replicas.py`` where a test needs "last season" (same events, new id).
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.app.rest import install_rest
from football_rag.app.state import AppState, state_over
from football_rag.data.parsers import parse_file
from football_rag.knowledge.ingest import CompetitionHint, parse_raw_files, scan_raw_dir
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import SEASON_DATA, SHARED_DATA, require
from tests.season_replicas import replica_id, replicate, with_competition

DRIFT = SHARED_DATA / "drift" / "whoscored"
CINCINNATI_FILE, FORTALEZA_FILE = "2026-08-02_FC_Cincinnati_vs_San_Jose.json", "1890231.json"
MLS, BRASILEIRAO = "MLS", "Campeonato Brasileiro Serie A"
ARSENAL_SPURS = "1903228"


@pytest.fixture(scope="module")
def tables() -> MatchTables:
    require(SEASON_DATA), require(DRIFT)
    mls = with_competition(parse_file(DRIFT / CINCINNATI_FILE), MLS)
    brasileirao = with_competition(parse_file(DRIFT / FORTALEZA_FILE), BRASILEIRAO)
    arsenal_spurs = with_competition(parse_file(SEASON_DATA / "whoscored" / f"{ARSENAL_SPURS}.json.gz"))
    return build_tables([mls, replicate(mls), brasileirao, arsenal_spurs, replicate(arsenal_spurs)])


@pytest.fixture(scope="module")
def answerer(tables: MatchTables) -> Answerer:
    return Answerer(tables)


@pytest.fixture(scope="module")
def mls_id(tables: MatchTables) -> str:
    m = tables.matches
    return str(m.loc[(m["competition"] == MLS) & (m["season"] == "2026"), "match_id"].iloc[0])


def test_a_hint_naming_a_calendar_year_league_names_its_season_by_the_year(tmp_path) -> None:
    """Ingest: a file that names no competition takes the hint's, and its season as that competition names it."""
    require(DRIFT)
    hints = {f"*/{CINCINNATI_FILE}": CompetitionHint(competition=MLS), f"*/{FORTALEZA_FILE}": CompetitionHint()}
    files = [f for f in scan_raw_dir(DRIFT, hints) if f.relpath in (CINCINNATI_FILE, FORTALEZA_FILE)]
    parsed, rejected = parse_raw_files(files, workers=1)
    assert not rejected
    seasons = {raw.relpath: (match.match.competition, match.match.season) for raw, match in parsed}
    # the Brasileirão file has no hint here: the date's European guess stays
    assert seasons == {CINCINNATI_FILE: (MLS, "2026"), FORTALEZA_FILE: (None, "2025/2026")}


def test_the_seasons_loaded_are_named_as_each_competition_names_them(tables: MatchTables) -> None:
    seasons = sorted(zip(tables.matches["competition"], tables.matches["season"], strict=True))
    assert seasons == [
        (BRASILEIRAO, "2025"),
        (MLS, "2025"),
        (MLS, "2026"),
        ("Premier League", "2024/2025"),
        ("Premier League", "2025/2026"),
    ]


def test_last_season_of_a_calendar_year_league_is_its_year_before(answerer: Answerer, mls_id: str) -> None:
    this, _ = answerer.ask("What was the score of FC Cincinnati vs San Jose this season?")
    assert this.matches == [mls_id] and "FC Cincinnati 4-2 San Jose on 2 August 2026" in this.answer, this.answer
    assert this.answer.endswith("From the 2026 season.")
    for question in (
        "What was the score of FC Cincinnati vs San Jose last season?",
        "FC Cincinnati v San Jose in the 2025 season",
    ):
        last, _ = answerer.ask(question)
        assert last.matches == [replica_id(mls_id)] and "on 2 August 2025" in last.answer, (question, last.answer)
        assert last.answer.endswith("From the 2025 season.") and "Others:" not in last.answer


def test_last_season_of_a_european_league_beside_a_calendar_year_one(answerer: Answerer) -> None:
    """The latest season loaded is MLS 2026: a Premier League club's last season is still 2024/2025."""
    a, _ = answerer.ask("What was the score of Arsenal vs Spurs last season?")
    assert a.matches == [replica_id(ARSENAL_SPURS)] and "From the 2024/2025 season." in a.answer, a.answer


def test_a_competition_total_last_season(answerer: Answerer, mls_id: str) -> None:
    a, _ = answerer.ask("How many goals were scored in the MLS last season?")
    assert a.matches == [replica_id(mls_id)], a.answer
    assert a.answer.startswith("Goals in the 2025 season: 6 in 1 matches."), a.answer


def test_a_competition_no_season_of_which_is_loaded_is_refused(answerer: Answerer) -> None:
    a, _ = answerer.ask("What was the score of FC Cincinnati vs San Jose two seasons ago?")
    assert a.intent is Intent.OUT_OF_SCOPE and a.answer.startswith("Earlier seasons are not in the data"), a.answer


@pytest.fixture(scope="module")
def state(tables: MatchTables, answerer: Answerer, tmp_path_factory: pytest.TempPathFactory) -> AppState:
    return state_over(tables, answerer, "calendar", tmp_path_factory.mktemp("home"))


def test_the_release_lists_each_competitions_seasons(state: AppState) -> None:
    app = FastAPI()
    install_rest(app, state)
    coverage = TestClient(app).get("/v1/release").json()["coverage"]
    assert coverage["seasons"] == ["2024/2025", "2025", "2025/2026", "2026"]
    assert coverage["competition_seasons"] == {
        BRASILEIRAO: ["2025"],
        MLS: ["2025", "2026"],
        "Premier League": ["2024/2025", "2025/2026"],
    }
    assert f"({BRASILEIRAO} 2025; {MLS} 2025, 2026; Premier League 2024/2025, 2025/2026)" in state.coverage.summary()
