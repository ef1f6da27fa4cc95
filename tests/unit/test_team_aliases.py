"""Team names across sources (the alias table, normalisation and fuzzy matching) and the nicknames people write."""

from __future__ import annotations

from pathlib import Path

import pytest

from football_rag.analytics.linking import TeamAliases
from football_rag.config.yaml_config import load_config
from tests.conftest import season_index


@pytest.fixture(scope="module")
def aliases() -> TeamAliases:
    return TeamAliases.load()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Manchester United", "Man Utd"),
        ("Man United", "Manchester Utd"),
        ("Tottenham", "Spurs"),
        ("Tottenham Hotspur", "Spurs"),
        ("Wolverhampton Wanderers", "Wolves"),
        ("Nottingham Forest", "Forest"),
        ("Nott'm Forest", "Nottingham Forest"),
        ("Brighton & Hove Albion", "Brighton"),
        ("PSG", "Paris Saint-Germain"),
        ("AFC Bournemouth", "Bournemouth"),
        ("Atlético de Madrid", "Atletico Madrid"),
        ("Bayern München", "Bayern Munich"),
        ("Inter", "Internazionale"),
        ("Deportivo Alavés", "Deportivo Alaves"),
        ("Valencia CF", "Valencia"),  # both spellings of a listed team
        ("Sporting Braga", "SC Braga"),  # not listed: close enough once "SC" is ignored
    ],
)
def test_the_same_team_under_two_names(aliases: TeamAliases, first: str, second: str) -> None:
    assert aliases.same_team(first, second)
    assert aliases.same_team(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Manchester United", "Manchester City"),
        ("Man Utd", "Man City"),
        ("Inter", "Inter Miami"),  # a listed namesake is never fuzzy-matched
        ("Paris FC", "Paris Saint-Germain"),
        ("Real Madrid", "Real Betis"),
        ("Sheffield United", "Sheffield Wednesday"),
        ("Brighton", None),
    ],
)
def test_different_teams_stay_apart(aliases: TeamAliases, first: str, second: str | None) -> None:
    assert not aliases.same_team(first, second)


def test_normalising_drops_accents_case_punctuation_and_club_words(aliases: TeamAliases) -> None:
    assert aliases.normalise("  AFC Bournemouth ") == "bournemouth"
    assert aliases.normalise("Brighton & Hove Albion") == "brighton and hove albion"
    assert aliases.normalise("Atlético de Madrid") == "atletico madrid"
    assert aliases.normalise("Nott'm Forest") == "nottm forest"


def test_a_name_listed_under_two_teams_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("ignore_words: [fc]\nteams:\n  Arsenal: [Gunners]\n  Arsenal Tula: [Gunners]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Gunners"):
        TeamAliases.load(path)


@pytest.fixture(scope="module")
def table() -> dict:
    return load_config("team_aliases")


def test_every_club_of_the_season_has_nicknames_with_their_source(aliases: TeamAliases, table: dict) -> None:
    clubs = {row[side] for row in season_index() for side in ("home", "away")}
    if not clubs:
        pytest.skip("the season's matches.csv is not on this machine")
    assert len(clubs) == 20
    by_canonical = {aliases.normalise(club): entry for club, entry in table["nicknames"].items()}
    for club in clubs:
        entry = by_canonical[aliases.canonical[aliases.normalise(club)]]
        assert entry["names"] and len(entry["source"]) > 20, club


def test_nicknames_belong_to_listed_clubs_and_never_reach_linking(aliases: TeamAliases, table: dict) -> None:
    listed = {aliases.normalise(club) for club in table["teams"]}
    assert {aliases.normalise(club) for club in table["nicknames"]} <= listed
    # Linking reads the teams alone: a shared nickname would make two clubs one.
    for shared in ("the Blues", "United", "the Reds", "City"):
        assert aliases.normalise(shared) not in aliases.canonical
    assert not aliases.same_team("Chelsea", "the Blues")
    names = {name for entry in table["nicknames"].values() for name in entry["names"]}
    assert set(table["the_required"]) <= names
