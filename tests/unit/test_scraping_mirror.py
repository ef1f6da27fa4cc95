"""The mirror's listings come from the files themselves, and its pages parse to the files' matches."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from football_rag.data.parsers import parse_file
from football_rag.scraping.mirror.catalogue import Catalogue
from football_rag.scraping.mirror.faults import Fault, FaultBook, FaultKind
from football_rag.scraping.mirror.pages import whoscored_match_page
from tests.conftest import real_manifest, require, season_index

PREMIER_LEAGUE_2025_26 = 24533


def test_a_month_of_fixtures_is_the_corpus_matches_of_that_month(shared_data: Path) -> None:
    catalogue = Catalogue(shared_data)
    [tournament] = catalogue.whoscored_fixtures(PREMIER_LEAGUE_2025_26, "202508")["tournaments"]
    august = [row for row in season_index() if row["start_date"].startswith("2025-08")]
    listed = {m["id"]: m for m in tournament["matches"]}
    assert (tournament["tournamentName"], tournament["seasonName"]) == ("Premier League", "2025/2026")
    assert sorted(listed) == sorted(int(row["whoscored_id"]) for row in august)
    for row in august:
        fixture = listed[int(row["whoscored_id"])]
        home, away = (int(goals) for goals in row["score"].split(":"))
        assert (fixture["homeTeamName"], fixture["awayTeamName"]) == (row["home"], row["away"])
        assert (fixture["homeScore"], fixture["awayScore"], fixture["status"]) == (home, away, 6)
        assert fixture["startTime"][:10] == row["start_date"][:10]


def test_unknown_stages_and_empty_months(shared_data: Path) -> None:
    catalogue = Catalogue(shared_data)
    assert catalogue.whoscored_fixtures(1, "202508") is None
    assert catalogue.whoscored_fixtures(PREMIER_LEAGUE_2025_26, "202507") == {"tournaments": []}


def test_a_fotmob_league_season_lists_the_files_of_that_league_and_season(shared_data: Path) -> None:
    league = Catalogue(shared_data).fotmob_league(87, "2020/2021")
    expected = {
        row["provider_match_id"]: row
        for row in real_manifest("fotmob")
        if row["kind"] == "matchdetails_json" and row["competition"].startswith("LaLiga 2020/21")
    }
    fixtures = {f["id"]: f for f in league["fixtures"]["allMatches"]}
    assert sorted(fixtures) == sorted(expected) and len(fixtures) == 25
    for match_id, row in expected.items():
        fixture = fixtures[match_id]
        assert (fixture["home"]["name"], fixture["away"]["name"]) == (row["home"], row["away"])
        assert fixture["status"]["scoreStr"].replace(" ", "") == row["score"]
        assert fixture["status"]["finished"] is True


def test_a_file_no_listing_can_be_built_from_is_left_out_and_logged(
    shared_data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    legacy = require(shared_data / "drift" / "fotmob" / "3411368.json")  # the 2020 shape: no general block
    catalogue = Catalogue(shared_data)
    assert catalogue.fotmob["3411368"] == legacy
    with caplog.at_level(logging.WARNING, logger="football_rag.scraping.mirror.catalogue"):
        serie_a = catalogue.fotmob_league(55, "2023/2024")
    assert [f["id"] for f in serie_a["fixtures"]["allMatches"]] == ["4230530"]
    assert serie_a["details"]["name"] == "Serie A"
    [record] = [r for r in caplog.records if str(legacy) in r.getMessage()]
    assert record.getMessage().endswith("no general (not a shape a listing can be built from)")


def test_only_limits_what_is_served(shared_data: Path) -> None:
    catalogue = Catalogue(shared_data, only={"1903117", "1650630", "4535454"})
    assert sorted(catalogue.whoscored) == ["1650630", "1903117"]
    assert sorted(catalogue.fotmob) == ["4535454"]
    assert catalogue.whoscored["1650630"].suffix == ".html"
    assert catalogue.stages[PREMIER_LEAGUE_2025_26].match_ids == ("1903117",)


@pytest.mark.parametrize("match_id", ["1903228", "1640885", "1899310"])
def test_a_wrapped_page_parses_to_the_same_match_as_its_file(shared_data: Path, tmp_path: Path, match_id: str) -> None:
    catalogue = Catalogue(shared_data, only={match_id})
    centre, extras = catalogue.whoscored_centre(match_id)
    stage = catalogue.stage_of(match_id)
    page = tmp_path / f"{match_id}.html"
    page.write_text(whoscored_match_page(match_id, centre, extras, stage and stage.competition, stage and stage.season))
    from_page, from_file = parse_file(page), parse_file(catalogue.whoscored[match_id])
    assert from_page.match.match_id == from_file.match.match_id == match_id
    assert from_page.match.score == from_file.match.score
    assert len(from_page.events) == len(from_file.events)
    expected_competition = "Premier League" if stage else None
    assert from_page.match.competition == expected_competition


def test_faults_strike_as_often_as_they_are_told() -> None:
    assert Fault.parse("1903117=429") == ("1903117", Fault(kind=FaultKind.RATE_LIMIT, times=1))
    assert Fault.parse("1903117=500:all")[1].times is None
    assert Fault(kind=FaultKind.BLOCK_200).times is None
    book = FaultBook({"1": Fault(kind=FaultKind.SERVER_ERROR, times=2), "2": Fault(kind=FaultKind.BLOCK_403)})
    assert [book.strike("1") for _ in range(3)] == [book.faults["1"], book.faults["1"], None]
    assert all(book.strike("2") is not None for _ in range(5))
    assert book.strike("3") is None
    with pytest.raises(ValueError):
        Fault.parse("1903117=teapot")
