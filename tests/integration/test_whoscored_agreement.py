"""Our team metrics against WhoScored's own figures: the 19 real files and the 2025/26 season corpus (204 matches).

WhoScored reports its team stats minute by minute; the parser sums them (``provider_team_stats``). Where
WhoScored publishes no team figure, its own classification of each event (``satisfied_types``) is the
reference. Every row of ``AGREEMENT`` holds exactly on every team-match of both sets.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from football_rag.analytics import team_metrics as tm
from football_rag.analytics.consistency import WHOSCORED_TEAM_STATS
from football_rag.analytics.events import satisfied
from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.data.parsers import parse_file

# our team_stats column -> WhoScored's team stat key: the release gate's definition, checked here on every match
AGREEMENT = WHOSCORED_TEAM_STATS
# our team_stats column -> WhoScored's event classifications that add up to it
CLASSIFIED = {
    "crosses": ("passCrossAccurate", "passCrossInaccurate"),
    "saves": ("keeperSaveTotal",),
}


@pytest.fixture(scope="session")
def season(season_tables: MatchTables) -> MatchTables:
    return season_tables


@pytest.fixture(scope="session")
def whoscored_stats(season: MatchTables) -> pd.DataFrame:
    return provider_stats(season)


def provider_stats(tables: MatchTables) -> pd.DataFrame:
    stats = tables.provider_team_stats
    wide = stats.loc[stats["source"] == "whoscored"].pivot_table(
        index=["match_id", "side"], columns="key", values="value"
    )
    return wide.reindex(tables.team_stats.set_index(["match_id", "side"]).index).fillna(0)


def ours(tables: MatchTables) -> pd.DataFrame:
    return tables.team_stats.set_index(["match_id", "side"])


def test_every_real_whoscored_file_agrees(real_dir: Path) -> None:
    tables = build_tables([parse_file(path) for path in sorted((real_dir / "whoscored").iterdir())])
    theirs = provider_stats(tables)
    assert len(theirs) == 38
    for column, key in AGREEMENT.items():
        difference = ours(tables)[column].astype(int) - theirs[key].astype(int)
        assert difference[difference != 0].to_dict() == {}, column
    share = 100 * theirs["possession"] / theirs["possession"].groupby(level="match_id").transform("sum")
    assert (ours(tables)["possession"] - share).abs().max() < 1e-9


@pytest.mark.season
def test_the_corpus_is_whole(season: MatchTables) -> None:
    assert len(season.matches) == 204
    assert len(season.team_stats) == 408
    assert season.matches.loc[~season.matches["complete"], "match_id"].tolist() == ["1903275"]


@pytest.mark.season
@pytest.mark.parametrize(("column", "key"), AGREEMENT.items())
def test_our_count_equals_whoscored_on_every_match(
    season: MatchTables, whoscored_stats: pd.DataFrame, column: str, key: str
) -> None:
    difference = ours(season)[column].astype(int) - whoscored_stats[key].astype(int)
    assert difference[difference != 0].to_dict() == {}


@pytest.mark.season
def test_possession_is_whoscored_possession(season: MatchTables, whoscored_stats: pd.DataFrame) -> None:
    theirs = whoscored_stats["possession"]
    share = 100 * theirs / theirs.groupby(level="match_id").transform("sum")
    assert (ours(season)["possession"] - share).abs().max() < 1e-9


@pytest.mark.season
def test_pass_accuracy_is_whoscored_pass_success(season: MatchTables, whoscored_stats: pd.DataFrame) -> None:
    theirs = 100 * whoscored_stats["passesAccurate"] / whoscored_stats["passesTotal"]
    assert (ours(season)["pass_accuracy"] - theirs).abs().max() < 1e-9


@pytest.mark.season
@pytest.mark.parametrize(("column", "names"), CLASSIFIED.items())
def test_our_count_equals_whoscored_classification(season: MatchTables, column: str, names: tuple[str, ...]) -> None:
    events = season.events
    classified = pd.concat([satisfied(events, name) for name in names], axis=1).sum(axis=1)
    theirs = classified.groupby([events["match_id"], events["side"]]).sum()
    difference = ours(season)[column].astype(int) - theirs.reindex(ours(season).index, fill_value=0)
    assert difference[difference != 0].to_dict() == {}


@pytest.mark.season
def test_big_chances_miss_only_the_chances_without_a_shot(season: MatchTables) -> None:
    events = season.events
    theirs = (satisfied(events, "bigChanceScored") | satisfied(events, "bigChanceMissed")).sum()
    no_shot = events["type"].eq("ChanceMissed").sum()
    assert (theirs, no_shot) == (907, 11)
    assert ours(season)["big_chances"].sum() == theirs - no_shot


@pytest.mark.season
def test_assists_are_whoscored_assists(season: MatchTables) -> None:
    events = season.events
    theirs = events.loc[satisfied(events, "assist")].groupby(["match_id", "side", "player_id"]).size()
    players = season.player_stats.set_index(["match_id", "side", "player_id"])["assists"]
    assert players[players > 0].sort_index().to_dict() == theirs.sort_index().to_dict()


@pytest.mark.season
def test_goals_equal_the_score_on_every_match(season: MatchTables) -> None:
    score = season.matches.set_index("match_id")[["home_goals", "away_goals"]].astype(int)
    recounted = tm.goals_from_shots(season.shots).unstack()
    assert (recounted["home"] == score["home_goals"]).all() and (recounted["away"] == score["away_goals"]).all()
    last_moment = season.timeline.groupby("match_id")[["home_goals", "away_goals"]].last()
    goalless = score.index.difference(last_moment.index)
    assert (last_moment == score.loc[last_moment.index]).all().all()
    assert (score.loc[goalless] == 0).all().all()


@pytest.mark.season
def test_minutes_fit_the_match_and_fill_it(season: MatchTables) -> None:
    players = season.player_stats.merge(season.matches[["match_id", "match_length", "complete"]], on="match_id")
    assert players["minutes"].between(0, players["match_length"]).all()
    team_minutes = players.groupby(["match_id", "side"])["minutes"].sum()
    complete = players.groupby(["match_id", "side"])["complete"].first()
    red = season.timeline.query("kind == 'card' and detail in ['red', 'second_yellow']")
    carded = red.set_index(["match_id", "side"]).index
    early = red.loc[red["player_id"].notna() & (red["minute"] < 89)].set_index(["match_id", "side"]).index
    # eleven players on the pitch for the whole match, unless someone was sent off before the last minute
    assert (team_minutes[complete & ~team_minutes.index.isin(carded)] == 11 * 90).all()
    assert (team_minutes[team_minutes.index.isin(early)] < 11 * 90).all()
    assert (team_minutes <= 11 * 90).all()


@pytest.mark.season
@pytest.mark.parametrize(
    "column", ["passes", "passes_completed", "shots", "shots_on_target", "tackles", "interceptions", "key_passes"]
)
def test_players_add_up_to_their_team(season: MatchTables, column: str) -> None:
    players = season.player_stats.groupby(["match_id", "side"])[column].sum()
    team = ours(season)[column]
    assert (players.reindex(team.index, fill_value=0) == team).all()
