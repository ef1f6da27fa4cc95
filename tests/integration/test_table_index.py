"""What fact answers read, indexed once per release's tables, on the real season: a table's rows by match or player
(``analytics.table_index``), the rows a comparison of the whole table gives; each club's matches
(``match_select.Calendar``); the match days sorted once. Gold from the raw WhoScored files and the corpus's
matches.csv."""

from __future__ import annotations

import pandas as pd

from football_rag.analytics.table_index import RowsBy
from football_rag.analytics.tables import MatchTables
from football_rag.rag.dates import calendar_of
from football_rag.rag.facts import MATCH_ROW_TABLES, FactBook
from football_rag.rag.match_select import Calendar
from tests.conftest import SEASON_DATA, raw_whoscored

OPENER = "1903117"  # Liverpool 4-2 Bournemouth, 15 August 2025
SEMENYO = "357073"  # scored Bournemouth's two


def test_one_matchs_rows_are_its_squads(season_tables: MatchTables) -> None:
    raw = raw_whoscored(OPENER)
    squads = len(raw["home"]["players"]) + len(raw["away"]["players"])

    rows = RowsBy(season_tables.lineups, "match_id").of([OPENER])

    assert len(rows) == squads == 40
    assert set(rows["match_id"]) == {OPENER}


def test_the_rows_of_many_matches_are_the_whole_tables_comparison(season_tables: MatchTables) -> None:
    november = season_tables.matches[season_tables.matches["date"].dt.month == 11]["match_id"].tolist()
    asked = [*november[::-1], november[0], "not-a-match"]  # any order, a match twice, a match the data lacks
    for name in MATCH_ROW_TABLES:
        table = getattr(season_tables, name)
        expected = table[table["match_id"].isin(asked)]
        pd.testing.assert_frame_equal(RowsBy(table, "match_id").of(asked), expected)
        assert len(expected) > 0
    assert RowsBy(season_tables.timeline, "match_id").of(["not-a-match"]).empty


def test_a_players_goals_are_found_by_his_id(season_tables: MatchTables) -> None:
    book = FactBook(season_tables)
    raw_goals = [e for e in raw_whoscored(OPENER)["events"] if e.get("isGoal") and e.get("playerId") == int(SEMENYO)]

    assert len(raw_goals) == 2
    assert OPENER in book.matches_scored_in(SEMENYO)
    assert book.timeline_of(OPENER).query("kind == 'goal'")["player_id"].eq(SEMENYO).sum() == 2


def test_the_match_days_are_sorted_once(season_tables: MatchTables) -> None:
    days = tuple(sorted(set(season_tables.matches["date"].dt.date)))

    assert calendar_of(reversed(days)) == days
    assert calendar_of(days) is calendar_of(days)  # the catalog's tuple: sorted once, remembered


def test_a_clubs_matches_are_found_oldest_first(season_tables: MatchTables) -> None:
    played = pd.read_csv(SEASON_DATA / "matches.csv", dtype={"whoscored_id": str})
    arsenal = played[(played["home"] == "Arsenal") | (played["away"] == "Arsenal")]
    calendar = Calendar(season_tables.matches)

    assert len(calendar.of_clubs(["Arsenal"])) == len(arsenal) == 18
    assert calendar.of_clubs(["Arsenal"])["date"].is_monotonic_increasing
    # Wolves 1-4 Man Utd (8 December) has the later id of the two meetings: the earlier meeting still comes first.
    assert calendar.of_clubs(["Wolves", "Man Utd"])["match_id"].tolist() == ["1903483", "1903351"]
    assert calendar.of_clubs(["Man Utd", "Wolves"])["match_id"].tolist() == ["1903483", "1903351"]
    assert calendar.of_clubs(["Arsenal", "Chelsea"])["match_id"].tolist() == ["1903239"]
    assert calendar.of_clubs(["Barcelona"]).empty
