"""Retrieval documents of Arsenal's 2025/26 matches: every number in a text is a table's value."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from football_rag.analytics.tables import MatchTables, apply_xg, build_tables
from football_rag.analytics.xg_model import train_xg_model
from football_rag.data.parsers import parse_file
from football_rag.knowledge.documents import build_documents
from tests.conftest import season_index

TEAM = "Arsenal"
DERBY = "1903228"  # Arsenal 4-1 Tottenham, 23 November 2025
# The key-stat labels of a match report and the team_stats column each one prints.
KEY_STAT_COLUMNS = {
    "shots": "shots",
    "shots on target": "shots_on_target",
    "xG": "xg",
    "possession": "possession",
    "passes": "passes",
    "pass accuracy": "pass_accuracy",
    "corners": "corners",
    "PPDA": "ppda",
    "field tilt": "field_tilt",
}
NUMBER = r"(n/a|-?\d+(?:\.\d+)?)%?"


@pytest.fixture(scope="module")
def tables(season_dir: Path) -> MatchTables:
    """Arsenal's matches of the season corpus, with the xG model fitted on their shots filled in."""
    ids = [row["whoscored_id"] for row in season_index() if TEAM in (row["home"], row["away"])]
    built = build_tables([parse_file(season_dir / "whoscored" / f"{match_id}.json.gz") for match_id in ids])
    model = train_xg_model(built.shots, seed=0)
    return apply_xg(built, model.predict, model.xg_source)


@pytest.fixture(scope="module")
def documents(tables: MatchTables) -> pd.DataFrame:
    return build_documents(tables)


def _doc(documents: pd.DataFrame, doc_id: str) -> pd.Series:
    rows = documents[documents["doc_id"] == doc_id]
    assert len(rows) == 1, doc_id
    return rows.iloc[0]


def _agrees(printed: str, value: float) -> bool:
    """A printed number agrees with the table when it is the value rounded to the digits printed."""
    if printed == "n/a":
        return pd.isna(value)
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return not pd.isna(value) and abs(float(printed) - float(value)) <= 0.5 * 10**-decimals + 1e-9


def test_the_north_london_derby_report(documents: pd.DataFrame) -> None:
    report = _doc(documents, f"match:{DERBY}")
    text = report["text"]
    assert text.startswith("Arsenal 4-1 Tottenham, 2025/2026 season, Sunday 23 November 2025 at Emirates Stadium.")
    assert "Half-time 2-0." in text
    assert "Goals: Arsenal: Leandro Trossard 36', Eberechi Eze 41', 46', 76'. Tottenham: Richarlison 55'." in text
    assert "Rodrigo Bentancur 32' (yellow card)" in text
    assert "Eberechi Eze (Arsenal, AMC) rating 10.00, man of the match: 3 goals" in text
    assert (report["doc_type"], report["match_id"], report["date"]) == ("match", DERBY, "2025-11-23")
    assert (report["home_team"], report["away_team"], report["teams"]) == ("Arsenal", "Tottenham", "Arsenal, Tottenham")
    goals = documents[documents["doc_id"].str.startswith(f"goal:{DERBY}:")]
    assert goals["doc_id"].tolist() == [f"goal:{DERBY}:{n}" for n in range(1, 6)]
    richarlison = _doc(documents, f"goal:{DERBY}:4")
    assert "Richarlison scored for Tottenham at 55', making it 3-1." in richarlison["text"]
    assert (richarlison["team"], richarlison["players"].split(", ")[0]) == ("Tottenham", "Richarlison")
    away_view = _doc(documents, f"team_match:{DERBY}:away")["text"]
    assert away_view.startswith("Tottenham (away) lost to Arsenal 1-4 on Sunday 23 November 2025")
    assert "Tottenham lined up in a 3-4-2-1, then 4-2-3-1." in away_view


def test_every_key_stat_printed_equals_team_stats(documents: pd.DataFrame, tables: MatchTables) -> None:
    stats = tables.team_stats.set_index(["match_id", "side"])
    reports = documents[documents["doc_type"] == "match"]
    assert len(reports) == len(tables.matches)
    for report in reports.itertuples():
        line = re.search(r"Key stats, .+? v .+?: (.+)\.$", report.text, re.M).group(1)
        printed = {}
        for part in line.split("; "):
            label, home, away = re.fullmatch(rf"(.+?) {NUMBER} v {NUMBER}", part).groups()
            printed[label] = (home, away)
        assert set(printed) == set(KEY_STAT_COLUMNS), report.doc_id
        for label, (home, away) in printed.items():
            column = KEY_STAT_COLUMNS[label]
            assert _agrees(home, stats.loc[(report.match_id, "home"), column]), (report.doc_id, label, home)
            assert _agrees(away, stats.loc[(report.match_id, "away"), column]), (report.doc_id, label, away)


def test_team_views_print_the_team_figures(documents: pd.DataFrame, tables: MatchTables) -> None:
    stats = tables.team_stats.set_index(["match_id", "side"])
    pattern = re.compile(
        rf"attacked with {NUMBER} shots \({NUMBER} on target, {NUMBER} big chances\) worth {NUMBER} xG "
        rf"\({NUMBER} per shot\), and conceded {NUMBER} xG"
    )
    columns = ("shots", "shots_on_target", "big_chances", "xg", "xg_per_shot", "xg_against")
    views = documents[documents["doc_type"] == "team_match"]
    assert len(views) == 2 * len(tables.matches)
    for view in views.itertuples():
        side = view.doc_id.rsplit(":", 1)[1]
        row = stats.loc[(view.match_id, side)]
        assert view.team == row["team"]
        for printed, column in zip(pattern.search(view.text).groups(), columns, strict=True):
            assert _agrees(printed, row[column]), (view.doc_id, column, printed)


def test_tactical_sentences_state_the_value_against_their_threshold(
    documents: pd.DataFrame, tables: MatchTables
) -> None:
    stats = tables.team_stats.set_index(["match_id", "team"])
    views = documents[documents["doc_type"] == "team_match"]
    for view in views.itertuples():
        ppda = stats.loc[(view.match_id, view.team), "ppda"]
        pressed = re.search(r"pressed high \(PPDA (\d+\.\d), below the 10 threshold\)", view.text)
        sat_off = re.search(r"sat off and let the opponent pass \(PPDA (\d+\.\d), above the 19 threshold\)", view.text)
        assert bool(pressed) == (ppda < 10), view.doc_id
        assert bool(sat_off) == (ppda > 19), view.doc_id
        for found in (pressed, sat_off):
            if found:
                assert _agrees(found.group(1), ppda)
    assert views["text"].str.contains("pressed high").any()


def test_the_season_summary_is_the_hand_counted_record(documents: pd.DataFrame, tables: MatchTables) -> None:
    played = tables.matches[(tables.matches["home"] == TEAM) | (tables.matches["away"] == TEAM)].sort_values("date")
    results, scored, conceded = [], 0, 0
    for match in played.itertuples():
        ours, theirs = (
            (match.home_goals, match.away_goals) if match.home == TEAM else (match.away_goals, match.home_goals)
        )
        scored, conceded = scored + ours, conceded + theirs
        results.append("W" if ours > theirs else "D" if ours == theirs else "L")
    wins, draws, losses = (results.count(r) for r in "WDL")
    summary = _doc(documents, f"team_season:{TEAM}:2025/2026")
    text = summary["text"]
    record = re.search(r"\((\d+) matches\): (\d+) wins?, (\d+) draws?, (\d+) defeats?, (\d+) points", text)
    assert tuple(int(n) for n in record.groups()) == (len(played), wins, draws, losses, 3 * wins + draws)
    assert f"Goals: {scored} for, {conceded} against (difference {scored - conceded:+d})." in text
    assert f"Form, last 5 (oldest first): {' '.join(results[-5:])}." in text
    shots = tables.shots[tables.shots["match_id"].isin(played["match_id"]) & ~tables.shots["own_goal"]]
    xg_for = shots.loc[shots["team"] == TEAM, "xg"].sum()
    xg_against = shots.loc[shots["team"] != TEAM, "xg"].sum()
    assert f"xG: {xg_for:.2f} for, {xg_against:.2f} against." in text
    assert (summary["team"], summary["date"]) == (TEAM, played["date"].max().date().isoformat())
    assert pd.isna(summary["match_id"])


def test_one_document_per_goal_and_stable_ids(documents: pd.DataFrame, tables: MatchTables) -> None:
    assert documents["doc_id"].is_unique
    goals = documents[documents["doc_type"] == "goal"]
    assert len(goals) == int((tables.matches["home_goals"] + tables.matches["away_goals"]).sum())
    again = build_documents(tables)
    pd.testing.assert_frame_equal(again, documents)
    prefixes = documents["doc_id"].str.split(":").str[0]
    expected = {"match": "match", "team_match": "team_match", "players": "player_highlights", "goal": "goal"}
    expected |= {"moment": "key_moment", "team_season": "team_season"}
    assert (prefixes.map(expected) == documents["doc_type"]).all()
    metadata = documents.drop(columns=["text"])
    assert metadata.map(lambda v: v is None or isinstance(v, str) or pd.isna(v)).all().all()
