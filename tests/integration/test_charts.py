"""The charts on real matches: every kind builds through ``render_chart``, with the traces and values of the data."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.charts import CHART_KINDS, ChartError, render_chart
from football_rag.charts.pass_network import MIN_PASSES
from football_rag.charts.pitch import HALFWAY, LENGTH, MARGIN, WIDTH, Pitch
from football_rag.charts.shot_map import OUTCOME_SYMBOLS, SIZE_AT_ZERO_XG, SIZE_PER_ROOT_XG
from football_rag.charts.stats_comparison import STATS
from football_rag.data.coordinates import CoordinateSystem
from football_rag.data.parsers import parse_file
from tests.conftest import REAL_DATA, SEASON_DATA, require

# Arsenal 4-1 Tottenham, Man City 3-0 Man Utd, Fulham 4-5 Man City, Liverpool 4-2 Bournemouth,
# Man City 0-2 Tottenham, Arsenal 1-1 Man City, Arsenal 1-0 Crystal Palace.
SEASON_MATCHES = ("1903228", "1903154", "1903251", "1903117", "1903134", "1903158", "1903198")
NORTH_LONDON = "1903228"
# WhoScored gave an offside event of this match the id of a pass (Saka's offside, Wharton's pass).
REUSED_EVENT_ID = "1903198"
# Liverpool 7-0 Man Utd (2023): WhoScored's events with FotMob's shot map (xG for every shot).
LINKED_FILES = ("whoscored/1640885.json", "fotmob/shotmap_only/3901187.csv")
SEVEN_NIL = "1640885"
# Inter 1-0 Genoa: a FotMob record alone (shots with xG, no events).
FOTMOB_ONLY = "4535454"


@pytest.fixture(scope="module")
def season() -> MatchTables:
    folder = require(SEASON_DATA / "whoscored")
    return build_tables([parse_file(folder / f"{match_id}.json.gz") for match_id in SEASON_MATCHES])


@pytest.fixture(scope="module")
def linked() -> MatchTables:
    return build_tables([parse_file(require(REAL_DATA / name)) for name in LINKED_FILES])


@pytest.fixture(scope="module")
def fotmob_only() -> MatchTables:
    return build_tables([parse_file(require(REAL_DATA / "fotmob" / f"{FOTMOB_ONLY}.json"))])


def stat(tables: MatchTables, match_id: str, side: str, column: str) -> object:
    rows = tables.team_stats
    return rows.loc[(rows["match_id"] == match_id) & (rows["side"] == side), column].iloc[0]


def named(fig: go.Figure, name: str) -> go.BaseTraceType:
    (trace,) = [trace for trace in fig.data if trace.name == name]
    return trace


def points(traces: list[go.BaseTraceType]) -> int:
    return sum(len(trace.x) for trace in traces)


# --- the pitch ----------------------------------------------------------------------------------------


def test_pitch_converts_opta_units_to_metres_and_turns_the_left_attacking_team() -> None:
    pitch = Pitch(CoordinateSystem.OPTA)
    x, y = pitch.place([0, 50, 100], [0, 50, 100])
    assert x.tolist() == [0.0, 52.5, 105.0] and y.tolist() == [0.0, 34.0, 68.0]
    x, y = pitch.place([88.0], [25.0], attacking="left")
    assert x.tolist() == pytest.approx([105 - 92.4]) and y.tolist() == pytest.approx([68 - 17.0])
    metres = Pitch(CoordinateSystem.METRES)
    assert [v.tolist() for v in metres.place([94.0], [34.0])] == [[94.0], [34.0]]


def test_pitch_figure_has_equal_aspect_hidden_axes_and_the_markings() -> None:
    fig = Pitch().figure("title", panels=("Arsenal", "Tottenham"))
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis2.scaleanchor == "x2"
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert list(fig.layout.xaxis.range) == [-MARGIN, LENGTH + MARGIN]
    assert [s.xref for s in fig.layout.shapes] == ["x", "x", "x", "x2", "x2", "x2"]
    assert fig.layout.shapes[1].path == fig.layout.shapes[4].path and fig.layout.shapes[1].path.count("M") == 11


def test_pitch_lines_follow_the_laws_of_the_game() -> None:
    lines = Pitch().lines()
    boxes = {
        tuple(np.unique(line[:, 0])) for line in lines if len(line) == 5 and np.ptp(line[:, 1]) == pytest.approx(40.32)
    }
    assert boxes == {(0.0, 16.5), (88.5, 105.0)}
    goals = [line for line in lines if len(line) == 5 and np.ptp(line[:, 1]) == pytest.approx(7.32)]
    assert sorted(np.ptp(goal[:, 0]) for goal in goals) == [2.0, 2.0]
    arcs = [line for line in lines if len(line) > 5]
    centre = [arc for arc in arcs if np.hypot(arc[:, 0] - HALFWAY, arc[:, 1] - WIDTH / 2).std() < 1e-9]
    assert len(centre) == 1 and np.hypot(centre[0][0, 0] - HALFWAY, centre[0][0, 1] - WIDTH / 2) == pytest.approx(9.15)
    # The penalty arc meets the edge of the area (16.5 m out) at 9.15 m from the spot (11 m out).
    near = [arc for arc in arcs if arc[:, 0].min() >= 16.5 - 1e-9 and arc[:, 0].max() < 30]
    assert len(near) == 1 and near[0][[0, -1], 0] == pytest.approx([16.5, 16.5])
    assert [tuple(spot.mean(axis=0).round(2)) for spot in Pitch().spots()] == [(94.0, 34.0), (11.0, 34.0), (52.5, 34.0)]
    half = Pitch(half=True)
    assert min(line[:, 0].min() for line in half.lines()) == HALFWAY and len(half.spots()) == 1
    assert list(half.figure("half").layout.xaxis.range) == [HALFWAY - MARGIN, LENGTH + MARGIN]


# --- one test per chart kind ----------------------------------------------------------------------


def test_shot_map_plots_every_attempt_by_outcome_home_right_away_left(season: MatchTables) -> None:
    fig = render_chart("shot_map", season, NORTH_LONDON)
    home = [t for t in fig.data if t.legendgroup == "home"]
    away = [t for t in fig.data if t.legendgroup == "away"]
    # WhoScored's own shotsTotal: Arsenal 17, Tottenham 3.
    assert (points(home), points(away)) == (17, 3)
    assert (points(home), points(away)) == (
        stat(season, NORTH_LONDON, "home", "shots"),
        stat(season, NORTH_LONDON, "away", "shots"),
    )
    goals = [t for t in fig.data if t.marker.symbol == OUTCOME_SYMBOLS["goal"]]
    assert points(goals) == 5 and [t.name for t in goals] == ["Arsenal goal", "Tottenham goal"]
    assert all(x > HALFWAY for t in home for x in t.x) and all(x < HALFWAY for t in away for x in t.x)
    # Tables without the xG model: one constant size, said so in the title, no "xG n/a" in the hover.
    assert "no xG in these tables" in fig.layout.title.text
    assert not any("xG" in text for t in fig.data for text in t.hovertext)
    assert len({size for t in fig.data for size in t.marker.size}) == 1
    assert named(fig, "Arsenal goal").hovertext[0] == "Leandro Trossard<br>36' · RegularPlay<br>goal"
    assert named(fig, "Tottenham goal").hovertext == ("Richarlison<br>55' · RegularPlay<br>goal",)


def test_shot_map_sizes_by_xg_and_quotes_fotmob_minutes(fotmob_only: MatchTables) -> None:
    fig = render_chart("shot_map", fotmob_only, FOTMOB_ONLY)
    assert named(fig, "Inter goal").hovertext == ("Lautaro Martinez<br>78' · FromCorner<br>xG 0.22<br>goal",)
    # FotMob's 90+4 (minute 90, 4 added) is quoted as such.
    assert named(fig, "Inter saved").hovertext[-1] == "Lautaro Martinez<br>90+4' · RegularPlay<br>xG 0.07<br>saved"
    # Traces go home then away, each by outcome, shots in table order; marker area proportional to xG.
    shots = fotmob_only.shots
    xg = [
        shots.loc[(shots["side"] == s) & (shots["outcome"] == o), "xg"]
        for s in ("home", "away")
        for o in OUTCOME_SYMBOLS
    ]
    expected = SIZE_AT_ZERO_XG + SIZE_PER_ROOT_XG * np.sqrt(pd.concat(xg).to_numpy())
    assert np.concatenate([t.marker.size for t in fig.data]) == pytest.approx(expected)
    assert len(expected) == 29


def test_shot_map_of_one_team_is_a_half_pitch_attacking_right(linked: MatchTables) -> None:
    fig = render_chart("shot_map", linked, SEVEN_NIL, team="Liverpool")
    assert {t.legendgroup for t in fig.data} == {"home"}
    assert points(list(fig.data)) == stat(linked, SEVEN_NIL, "home", "shots")
    assert fig.layout.xaxis.range[0] == HALFWAY - MARGIN
    assert all(x > HALFWAY for t in fig.data for x in t.x)


def test_xg_race_ends_at_each_teams_xg_with_the_goals_on_the_line(linked: MatchTables) -> None:
    fig = render_chart("xg_race", linked, SEVEN_NIL)
    shots = linked.shots
    for side, team in (("home", "Liverpool"), ("away", "Man Utd")):
        (line,) = [t for t in fig.data if t.mode == "lines" and t.name.startswith(team)]
        expected = shots.loc[(shots["side"] == side) & ~shots["own_goal"], "xg"].sum()
        assert line.y[-1] == pytest.approx(expected) == pytest.approx(stat(linked, SEVEN_NIL, side, "xg"))
        assert line.x[0] == 0 and line.y[0] == 0 and list(line.x) == sorted(line.x)
    goals = named(fig, "Liverpool goals")
    assert list(goals.text) == [
        "Cody Gakpo",
        "Darwin Núñez",
        "Cody Gakpo",
        "Mohamed Salah",
        "Darwin Núñez",
        "Mohamed Salah",
        "Roberto Firmino",
    ]
    assert len(named(fig, "Man Utd goals").x) == 0
    assert goals.y[-1] == pytest.approx(stat(linked, SEVEN_NIL, "home", "xg"))


def test_xg_race_refuses_a_match_whose_shots_have_no_xg_yet(season: MatchTables) -> None:
    with pytest.raises(ChartError, match="20 shots of match 1903228 have none yet"):
        render_chart("xg_race", season, NORTH_LONDON)


def test_pass_network_nodes_are_the_starters_until_the_first_substitution(season: MatchTables) -> None:
    fig = render_chart("pass_network", season, NORTH_LONDON)
    lineups = season.lineups.loc[(season.lineups["match_id"] == NORTH_LONDON) & season.lineups["starter"]]
    for side, team in (("home", "Arsenal"), ("away", "Tottenham")):
        nodes = named(fig, f"{team} starters")
        shirts = sorted(str(n) for n in lineups.loc[lineups["side"] == side, "shirt_number"])
        assert sorted(nodes.text) == shirts and len(shirts) == 11
    assert sorted(named(fig, "Arsenal starters").text, key=int) == [
        "1",
        "2",
        "5",
        "7",
        "10",
        "12",
        "19",
        "23",
        "33",
        "36",
        "41",
    ]
    # Passes by starters before the first substitution (Arsenal 77:03, Tottenham at half time), counted
    # from the timeline's clock rather than the order of events.
    assert [int(sum(named(fig, f"{t} starters").customdata)) for t in ("Arsenal", "Tottenham")] == [
        passes_before_first_substitution(season, side) for side in ("home", "away")
    ]
    edges = [count for t in fig.data if t.name == "passes between" for count in t.customdata[::3]]
    assert edges and min(edges) >= MIN_PASSES
    # Completed passes between starters cannot outnumber the starters' passes.
    assert sum(edges) <= sum(passes_before_first_substitution(season, side) for side in ("home", "away"))


def passes_before_first_substitution(tables: MatchTables, side: str) -> int:
    timeline = tables.timeline.loc[(tables.timeline["match_id"] == NORTH_LONDON) & (tables.timeline["side"] == side)]
    first = timeline.loc[timeline["kind"] == "substitution"].iloc[0]
    events = tables.events.loc[(tables.events["match_id"] == NORTH_LONDON) & (tables.events["side"] == side)]
    lineups = tables.lineups
    starters = lineups.loc[(lineups["match_id"] == NORTH_LONDON) & lineups["starter"], "player_id"]
    clock = events["period"] * 10_000 + events["minute"] * 60 + events["second"].fillna(0)
    cut = first["period"] * 10_000 + first["minute"] * 60 + first["second"]
    return int((events["type"].eq("Pass") & events["player_id"].isin(starters) & (clock < cut)).sum())


def test_heatmap_counts_every_touch_of_each_team(season: MatchTables) -> None:
    fig = render_chart("heatmap", season, NORTH_LONDON)
    events = season.events.loc[(season.events["match_id"] == NORTH_LONDON) & season.events["is_touch"]]
    for side, team in (("home", "Arsenal"), ("away", "Tottenham")):
        zones = np.array(named(fig, f"{team} touches").z)
        assert zones.shape == (8, 12)
        assert zones.sum() == (events["side"] == side).sum()
    assert [s.layer for s in fig.layout.shapes] == ["below", "above", "above"] * 2


def test_defensive_actions_match_team_stats_and_the_line_height(season: MatchTables) -> None:
    fig = render_chart("defensive_actions", season, NORTH_LONDON)
    home = [t for t in fig.data if t.xaxis == "x"]
    away = [t for t in fig.data if t.xaxis == "x2"]
    for side, traces in (("home", home), ("away", away)):
        by_type = {t.name: len(t.x) for t in traces if t.mode == "markers"}
        assert by_type["Tackle"] + by_type["Challenge"] == stat(season, NORTH_LONDON, side, "tackles")
        assert by_type["Interception"] == stat(season, NORTH_LONDON, side, "interceptions")
        (line,) = [t for t in traces if t.mode == "lines"]
        assert line.x[0] == line.x[1] == pytest.approx(stat(season, NORTH_LONDON, side, "defensive_line_height"))
    # Arsenal 27 tackles and 11 interceptions, Tottenham 26 and 8 (WhoScored's own figures).
    tackles = [len(t.x) for t in fig.data if t.name in ("Tackle", "Challenge")]
    assert [sum(tackles[:2]), sum(tackles[2:])] == [27, 26]
    assert [len(t.x) for t in fig.data if t.name == "Interception"] == [11, 8]
    assert named(fig, "Arsenal line height 49.1 m").x[0] > named(fig, "Tottenham line height 29.7 m").x[0]


def test_progressive_passes_are_team_stats_count_and_gain_a_quarter_of_the_distance(season: MatchTables) -> None:
    fig = render_chart("progressive_passes", season, NORTH_LONDON)
    for side, team, count in (("home", "Arsenal", 40), ("away", "Tottenham", 15)):
        arrows = named(fig, f"{team}: {count} progressive passes")
        x = np.array(arrows.x, dtype=float).reshape(-1, 3)
        y = np.array(arrows.y, dtype=float).reshape(-1, 3)
        assert len(x) == count == stat(season, NORTH_LONDON, side, "progressive_passes")
        start = np.hypot(LENGTH - x[:, 0], WIDTH / 2 - y[:, 0])
        end = np.hypot(LENGTH - x[:, 1], WIDTH / 2 - y[:, 1])
        assert (end <= 0.75 * start + 1e-9).all()


def test_stats_comparison_bars_carry_the_team_stats_values(season: MatchTables) -> None:
    fig = render_chart("stats_comparison", season, NORTH_LONDON)
    home, away = named(fig, "Arsenal"), named(fig, "Tottenham")
    rows = season.team_stats.loc[season.team_stats["match_id"] == NORTH_LONDON].set_index("side")
    for side, bars in (("home", home), ("away", away)):
        assert np.array(bars.customdata, dtype=float) == pytest.approx(
            rows.loc[side, list(STATS)].to_numpy(dtype=float), nan_ok=True
        )
    shots = STATS.index("shots")
    assert (home.customdata[shots], away.customdata[shots]) == (17, 3)
    assert (home.text[shots], away.text[shots]) == ("17", "3")
    assert home.x[shots] == pytest.approx(-85.0) and away.x[shots] == pytest.approx(15.0)
    assert (home.text[STATS.index("xg")], home.x[STATS.index("xg")]) == ("n/a", 0)


def test_momentum_bars_are_final_third_touches_home_minus_away(season: MatchTables) -> None:
    fig = render_chart("momentum", season, NORTH_LONDON)
    bars = fig.data[0]
    events = season.events.loc[(season.events["match_id"] == NORTH_LONDON) & season.events["period"].isin([1, 2])]
    threat = events.loc[events["is_touch"] & (events["x"] >= 66.7)]
    per_side = threat["side"].value_counts()
    assert sum(bars.y) == per_side["home"] - per_side["away"]
    assert list(bars.customdata) == list(range(0, int(events["expanded_minute"].max()) + 1, 5))
    assert len(named(fig, "Arsenal goals").x) == 4 and len(named(fig, "Tottenham goals").x) == 1


def test_goals_are_placed_on_the_clock_where_an_event_id_is_reused(season: MatchTables) -> None:
    fig = render_chart("momentum", season, REUSED_EVENT_ID)
    (goal,) = named(fig, "Arsenal goals").x
    timeline = season.timeline.loc[
        (season.timeline["match_id"] == REUSED_EVENT_ID) & (season.timeline["kind"] == "goal")
    ]
    assert len(timeline) == 1 and len(named(fig, "Crystal Palace goals").x) == 0
    assert goal == pytest.approx(timeline["expanded_minute"].iloc[0] + timeline["second"].iloc[0] / 60)


def test_team_trend_has_one_point_per_match_in_date_order_with_results(season: MatchTables) -> None:
    fig = render_chart("team_trend", season, team="Man City")
    goals = named(fig, "goals for")
    assert [str(pd.Timestamp(d).date()) for d in goals.x] == ["2025-08-23", "2025-09-14", "2025-09-21", "2025-12-02"]
    assert list(goals.y) == [0, 3, 1, 5] and list(named(fig, "goals against").y) == [2, 0, 1, 4]
    assert list(goals.text) == ["L", "W", "D", "W"]
    assert all(len(t.x) == 4 for t in fig.data)
    assert goals.hovertext[3] == "2 December 2025 at Fulham<br>5-4 (W)<br>goals for: 5"


# --- render_chart -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_kind_builds_on_a_match_with_events_and_xg(linked: MatchTables, kind: str) -> None:
    fig = render_chart(kind, linked, SEVEN_NIL, team="Liverpool" if kind == "team_trend" else None)
    assert isinstance(fig, go.Figure) and fig.data
    assert "Liverpool" in fig.layout.title.text
    fig.to_json()


def test_render_chart_narrows_one_team_charts_by_team_or_side(season: MatchTables) -> None:
    by_team = render_chart("heatmap", season, NORTH_LONDON, team="Tottenham")
    by_side = render_chart("heatmap", season, NORTH_LONDON, side="away")
    assert [t.name for t in by_team.data] == [t.name for t in by_side.data] == ["Tottenham touches"]
    trend = render_chart("team_trend", season, NORTH_LONDON, side="away")
    assert trend.layout.title.text.startswith("Tottenham")


@pytest.mark.parametrize(
    ("kind", "match_id", "team", "side", "message"),
    [
        ("radar", NORTH_LONDON, None, None, "unknown chart kind 'radar'"),
        ("shot_map", "999", None, None, "no match '999'"),
        ("shot_map", None, None, None, "needs a match id"),
        ("heatmap", NORTH_LONDON, "Chelsea", None, "'Chelsea' did not play"),
        ("heatmap", NORTH_LONDON, "Arsenal", "away", "was the home side"),
        ("heatmap", NORTH_LONDON, None, "left", "side must be 'home' or 'away'"),
        ("stats_comparison", NORTH_LONDON, "Chelsea", None, "'Chelsea' did not play"),
        ("team_trend", None, None, None, "needs a team"),
        ("team_trend", None, "Chelsea", None, "no matches of 'Chelsea'"),
    ],
)
def test_render_chart_refuses_what_it_cannot_draw(
    season: MatchTables, kind: str, match_id: str | None, team: str | None, side: str | None, message: str
) -> None:
    with pytest.raises(ChartError, match=message):
        render_chart(kind, season, match_id, team=team, side=side)


@pytest.mark.parametrize("kind", ["pass_network", "heatmap", "defensive_actions", "progressive_passes", "momentum"])
def test_event_charts_refuse_a_match_without_events(fotmob_only: MatchTables, kind: str) -> None:
    with pytest.raises(ChartError, match=f"match {FOTMOB_ONLY} has none"):
        render_chart(kind, fotmob_only, FOTMOB_ONLY)


def test_names_from_the_data_cannot_inject_markup(season: MatchTables) -> None:
    sneaky = "<b>Bukayo</b> <a href='javascript:alert(1)'>Saka</a>"
    matches = season.matches.assign(home=season.matches["home"].replace("Arsenal", "<i>Arsenal</i>"))
    tables = replace(
        season,
        matches=matches,
        shots=season.shots.replace({"player_name": {"Bukayo Saka": sneaky}}),
        lineups=season.lineups.replace({"player_name": {"Bukayo Saka": sneaky}}),
    )
    shots = render_chart("shot_map", tables, NORTH_LONDON)
    texts = [text for t in shots.data for text in t.hovertext]
    escaped = "&lt;b&gt;Bukayo&lt;/b&gt; &lt;a href='javascript:alert(1)'&gt;Saka&lt;/a&gt;"
    assert sum(text.startswith(f"{escaped}<br>") for text in texts) == 3
    assert not any("<a " in text or "<b>" in text for text in texts)
    assert shots.layout.title.text.startswith("&lt;i&gt;Arsenal&lt;/i&gt; 4-1")
    network = render_chart("pass_network", tables, NORTH_LONDON, side="home")
    assert any(f"#7 {escaped}<br>" in text for text in network.data[-1].hovertext)
    assert network.data[-1].name == "&lt;i&gt;Arsenal&lt;/i&gt; starters"
