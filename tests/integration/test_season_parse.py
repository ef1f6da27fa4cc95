"""All 204 matches of the season corpus parse, with the provider's own score, teams and counts."""

from __future__ import annotations

import pytest

from football_rag.data.contracts import ParsedMatch
from tests.conftest import season_index

ROWS = season_index()


@pytest.mark.season
@pytest.mark.parametrize("row", ROWS, ids=[r["whoscored_id"] for r in ROWS])
def test_season_match_parses_to_the_listed_result(season_parsed: dict[str, ParsedMatch], row: dict[str, str]) -> None:
    parsed = season_parsed[row["whoscored_id"]]
    match = parsed.match
    home_goals, away_goals = (int(part) for part in row["score"].split(":"))
    assert match.match_id == row["whoscored_id"]
    assert (match.home.name, match.away.name) == (row["home"], row["away"])
    assert (match.score.fulltime.home, match.score.fulltime.away) == (home_goals, away_goals)
    assert match.date.isoformat() == row["start_date"][:10]
    assert len(parsed.events) == int(row["events"])
    assert len(parsed.shots) == sum(e.is_shot for e in parsed.events)
    goals = sum(s.is_goal for s in parsed.shots)
    # a complete capture holds every goal of the score as a goal event (own goals included)
    if match.completeness.complete:
        assert goals == home_goals + away_goals
    else:
        assert row["whoscored_id"] == "1903275"


def test_the_corpus_is_all_there() -> None:
    if not ROWS:
        pytest.skip("season corpus not found at ../shared/data/season")
    assert len(ROWS) == 204
