"""The analytics tables built from real files: linked sources, own goals, partial captures, FotMob-only matches, xG."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from football_rag.analytics.tables import MatchTables, apply_xg, build_tables
from football_rag.data.parsers import parse_file

FILES = (
    "whoscored/2023-01-02_Brentford_vs_Liverpool.json",
    "fotmob/shotmap_only/3901114.csv",
    "whoscored/1640885.json",
    "fotmob/shotmap_only/3901187.csv",
    "whoscored/1903275.json",
    "fotmob/4535454.json",
    "fotmob/4582241.json",
)
BRENTFORD = "2023-01-02_Brentford_vs_Liverpool"


@pytest.fixture(scope="module")
def tables(real_dir: Path) -> MatchTables:
    return build_tables([parse_file(real_dir / name) for name in FILES])


def rows(frame: pd.DataFrame, match_id: str) -> pd.DataFrame:
    return frame.loc[frame["match_id"] == match_id]


def by_side(frame: pd.DataFrame, match_id: str, column: str) -> list[object]:
    return rows(frame, match_id).set_index("side").loc[["home", "away"], column].tolist()


def fotmob_xg_by_team(path: Path) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            totals[row["teamId"]] += float(row["expectedGoals"] or 0)
    return totals


def test_one_row_per_match_with_its_ids_in_both_sources(tables: MatchTables) -> None:
    matches = tables.matches.set_index("match_id")
    assert list(matches.index) == [BRENTFORD, "1640885", "1903275", "4535454", "4582241"]
    assert matches.loc[BRENTFORD, ["fotmob_id", "link_status", "home", "away"]].tolist() == [
        "3901114",
        "linked",
        "Brentford",
        "Liverpool",
    ]
    assert matches.loc["4535454", ["source", "home", "away", "home_goals", "away_goals"]].tolist() == [
        "fotmob",
        "Inter",
        "Genoa",
        1,
        0,
    ]
    assert tables.links.set_index("fotmob_id").loc[["3901114", "3901187"], "whoscored_id"].tolist() == [
        BRENTFORD,
        "1640885",
    ]


def test_linked_shots_carry_fotmob_xg(tables: MatchTables, real_dir: Path) -> None:
    shots = rows(tables.shots, "1640885")
    assert len(shots) == 26
    assert (shots["xg_source"] == "fotmob").all()
    expected = fotmob_xg_by_team(real_dir / "fotmob/shotmap_only/3901187.csv")  # Liverpool 8650 at home
    assert by_side(tables.team_stats, "1640885", "xg") == pytest.approx([expected["8650"], expected["10260"]])
    assert by_side(tables.team_stats, "1640885", "goals") == [7, 0]


def test_an_own_goal_counts_for_the_other_side_everywhere(tables: MatchTables) -> None:
    assert by_side(tables.team_stats, BRENTFORD, "goals") == [3, 1]
    own_goal = rows(tables.timeline, BRENTFORD).query("kind == 'goal' and own_goal == True")
    assert own_goal[["minute", "side", "team", "player_name", "home_goals", "away_goals"]].values.tolist() == [
        [18, "home", "Brentford", "Ibrahima Konaté", 1, 0]
    ]
    players = rows(tables.player_stats, BRENTFORD).set_index("player_name")
    assert players.loc["Ibrahima Konaté", ["side", "goals", "own_goals"]].tolist() == ["away", 0, 1]
    assert rows(tables.timeline, BRENTFORD).iloc[-1][["home_goals", "away_goals"]].tolist() == [3, 1]


def test_a_partial_capture_is_kept_and_marked(tables: MatchTables) -> None:
    match = tables.matches.set_index("match_id").loc["1903275"]
    assert not match["complete"]
    assert "events stop at minute 10" in match["incomplete_reason"]
    assert by_side(tables.team_stats, "1903275", "goals") == [1, 0]
    assert by_side(tables.team_stats, "1903275", "shots") == [1, 0]


def test_a_fotmob_only_match_gives_shot_figures_and_no_event_figures(tables: MatchTables) -> None:
    provider = rows(tables.provider_team_stats, "4535454").pivot_table(index="side", columns="key", values="value")
    assert by_side(tables.team_stats, "4535454", "shots") == provider.loc[["home", "away"], "total_shots"].tolist()
    assert (
        by_side(tables.team_stats, "4535454", "shots_on_target")
        == provider.loc[["home", "away"], "ShotsOnTarget"].tolist()
    )
    assert rows(tables.team_stats, "4535454")[["possession", "passes", "ppda"]].isna().all().all()


def test_a_match_without_a_shot_map_has_unknown_shots_not_zero(tables: MatchTables) -> None:
    assert by_side(tables.team_stats, "4582241", "goals") == [2, 5]
    assert rows(tables.team_stats, "4582241")[["shots", "xg", "shots_on_target"]].isna().all().all()


def test_apply_xg_fills_only_the_missing_values(tables: MatchTables) -> None:
    filled = apply_xg(tables, lambda shots: np.full(len(shots), 0.1), "model:constant")
    shots = filled.shots
    assert (
        shots.loc[shots["xg_source"] == "fotmob", "xg"] == tables.shots.loc[tables.shots["xg_source"] == "fotmob", "xg"]
    ).all()
    partial = rows(shots, "1903275")
    assert partial[["xg", "xg_source"]].values.tolist() == [[0.1, "model:constant"]]
    own_goals = shots.loc[shots["own_goal"]]
    assert own_goals["xg"].isna().all() and own_goals["xg_source"].isna().all()
    assert by_side(filled.team_stats, "1903275", "xg") == [0.1, 0.0]
    team_xg = rows(filled.team_stats, BRENTFORD).set_index("side")["xg"]
    player_xg = rows(filled.player_stats, BRENTFORD).groupby("side")["xg"].sum()
    assert player_xg.loc[["home", "away"]].tolist() == pytest.approx(team_xg.loc[["home", "away"]].tolist())
