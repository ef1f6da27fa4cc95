"""The FotMob deserializers on every real file, checked against the independently recorded manifest."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from football_rag.data.contracts import Side, Source
from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file
from football_rag.data.parsers.fotmob import parse_fotmob
from football_rag.data.parsers.fotmob_shotmap import NAMES_UNKNOWN, SHOT_MAP_ONLY, SIDES_UNKNOWN, parse_fotmob_shotmap
from football_rag.data.parsers.raw_file import read_raw
from tests.conftest import real_manifest

MANIFEST = real_manifest("fotmob")
DETAILS_ROWS = [r for r in MANIFEST if r["kind"] == "matchdetails_json"]
SHOTMAP_ROWS = [r for r in MANIFEST if r["kind"] == "shotmap_csv"]
# FotMob team ids as SOURCES.md lists them: the independent key for the CSVs that name no team.
FOTMOB_TEAM_IDS = {"Liverpool": "8650", "Man Utd": "10260", "Bournemouth": "8678", "Real Madrid": "8633"}
FOTMOB_TEAM_IDS |= {"Brentford": "9937", "Brighton": "10204"}


def _row_id(row: dict[str, str]) -> str:
    return Path(row["file"]).name


def _details(real_dir: Path, match_id: str) -> dict[str, Any]:
    return json.loads((real_dir / "fotmob" / f"{match_id}.json").read_text(encoding="utf-8"))


def _score(text: str) -> tuple[int, int]:
    home, away = text.split("-")
    return int(home), int(away)


@pytest.mark.parametrize("row", DETAILS_ROWS, ids=_row_id)
def test_every_matchdetails_file_matches_the_manifest_and_its_header(real_dir: Path, row: dict[str, str]) -> None:
    parsed = parse_file(real_dir / row["file"])
    match = parsed.match
    raw = _details(real_dir, row["provider_match_id"])
    assert (match.source, match.match_id, match.ids) == (
        Source.FOTMOB,
        row["provider_match_id"],
        {"fotmob": row["provider_match_id"]},
    )
    assert (match.home.name, match.away.name) == (row["home"], row["away"])
    assert str(match.score.fulltime) == row["score"]
    assert [match.score.fulltime.home, match.score.fulltime.away] == [t["score"] for t in raw["header"]["teams"]]
    assert match.date is not None and match.date.isoformat() == row["match_date"]
    assert len(parsed.shots) == int(row["n_events_or_shots"]) == len(raw["content"]["shotmap"]["shots"])
    assert parsed.events == ()
    assert (match.provenance.parser_version, match.provenance.shape) == ("fotmob/2", "fotmob_matchdetails_hometeam")
    assert parsed.warnings == ()


@pytest.mark.parametrize("row", DETAILS_ROWS, ids=_row_id)
def test_lineups_have_eleven_starters_a_captain_and_one_man_of_the_match(real_dir: Path, row: dict[str, str]) -> None:
    parsed = parse_file(real_dir / row["file"])
    raw = _details(real_dir, row["provider_match_id"])
    for side in Side:
        starters = [e for e in parsed.lineups if e.side is side and e.starter]
        assert len(starters) == 11
        assert sum(e.captain for e in starters) == 1
        [formation] = [f for f in parsed.formations if f.side is side]
        assert formation.player_ids == tuple(e.player_id for e in starters)
        assert formation.formation == raw["content"]["lineup"][f"{side.value}Team"]["formation"]
    [best] = [e for e in parsed.lineups if e.man_of_the_match]
    assert best.player_id == str(raw["content"]["matchFacts"]["playerOfTheMatch"]["id"])
    came_on = Counter(e.side for e in parsed.lineups if not e.starter and e.minute_on is not None)
    went_off = Counter(e.side for e in parsed.lineups if e.minute_off is not None)
    assert came_on == went_off


@pytest.mark.parametrize("row", [r for r in DETAILS_ROWS if int(r["n_events_or_shots"])], ids=_row_id)
def test_shot_map_agrees_with_the_score_and_fotmobs_own_team_stats(real_dir: Path, row: dict[str, str]) -> None:
    parsed = parse_file(real_dir / row["file"])
    goals = Counter(s.benefiting_side for s in parsed.shots if s.is_goal)
    assert (goals[Side.HOME], goals[Side.AWAY]) == _score(row["score"])
    stats = {(t.key, t.side): t.value for t in parsed.team_stats}
    for side in Side:
        shots = [s for s in parsed.shots if s.side is side]
        assert sum(s.on_target for s in shots) == stats[("ShotsOnTarget", side)]
        assert sum(s.blocked for s in shots) == stats[("blocked_shots", side)]


def test_own_goal_is_the_shooters_team_and_counts_for_the_opponent(real_dir: Path) -> None:
    parsed = parse_file(real_dir / "fotmob" / "3424145.json")
    assert (parsed.match.home.name, str(parsed.match.score.fulltime)) == ("Valencia", "0-1")
    [goal] = [s for s in parsed.shots if s.is_goal]
    assert (goal.player_name, goal.team_id, goal.side, goal.own_goal) == ("Toni Lato", "10267", Side.HOME, True)
    assert goal.benefiting_side is Side.AWAY
    assert (goal.minute, goal.period, goal.on_target, goal.outcome) == (79, 2, False, "goal")
    assert goal.x < 10  # drawn at his own goal: the shooter's frame attacks x = 105


def test_ratings_coverage_match_has_no_shot_map_and_says_so(real_dir: Path) -> None:
    parsed = parse_file(real_dir / "fotmob" / "4582241.json")
    match = parsed.match
    assert (match.home.name, match.away.name, str(match.score.fulltime)) == ("Real Madrid", "Barcelona", "2-5")
    assert str(match.score.halftime) == "1-4"
    assert parsed.shots == ()
    assert match.completeness.complete is False
    assert match.completeness.reasons == ("no shot map (coverage: ratings)",)
    assert match.status == "finished"
    stats = {(t.key, t.side): t.value for t in parsed.team_stats}
    assert (stats[("total_shots", Side.HOME)], stats[("total_shots", Side.AWAY)]) == (19, 14)
    assert (match.competition, match.season, match.round) == ("Super Cup", "2023/2024", "final")
    assert (match.venue, match.attendance, match.referee) == ("King Abdullah Sports City", 60000, "Jesús Gil Manzano")


def test_header_of_an_old_file_and_a_new_one(real_dir: Path) -> None:
    old = parse_file(real_dir / "fotmob" / "3424045.json").match
    assert old.kickoff is not None and old.kickoff.isoformat() == "2020-09-13T19:05:00+00:00"
    assert (old.season, old.round, old.venue, old.referee, old.attendance) == (
        "2020/2021",
        "1",
        "Estadio de Mestalla",
        "Jose Sanchez",
        0,
    )
    assert (old.home.team_id, old.home.manager, old.away.team_id) == ("10267", "Javi Gracia", "8581")
    assert (str(old.score.halftime), old.completeness.complete) == ("2-2", True)
    new = parse_file(real_dir / "fotmob" / "4535454.json").match
    assert (new.competition, new.season, new.round, new.venue) == (
        "Serie A",
        "2024/2025",
        "26",
        "Stadio Giuseppe Meazza",
    )
    assert (new.home.manager, new.attendance) == ("Simone Inzaghi", None)


def test_shot_fields(real_dir: Path) -> None:
    parsed = parse_file(real_dir / "fotmob" / "4535454.json")
    first = parsed.shots[0]
    assert (first.shot_id, first.player_name, first.side, first.minute, first.period) == (
        "2779663325",
        "Denzel Dumfries",
        Side.HOME,
        4,
        1,
    )
    assert (first.x, first.y, first.xg, first.xg_source) == (91.3, 21.27, 0.06541164219379425, "fotmob")
    # FotMob sets isOnTarget on this blocked shot too; it is blocked, not on target
    assert (first.outcome, first.blocked, first.on_target, first.shot_type, first.situation) == (
        "blocked",
        True,
        False,
        "RightFoot",
        "RegularPlay",
    )
    [goal] = [s for s in parsed.shots if s.is_goal]
    assert (goal.player_name, goal.minute, goal.shot_type, goal.outcome, goal.on_target) == (
        "Lautaro Martinez",
        78,
        "Head",
        "goal",
        True,
    )
    penalties = [
        s for f in ("3424125", "4506747") for s in parse_file(real_dir / "fotmob" / f"{f}.json").shots if s.penalty
    ]
    assert penalties and all(s.situation == "Penalty" for s in penalties)


def test_team_stats_keep_numbers_and_text(real_dir: Path) -> None:
    stats = {(t.key, t.side): t for t in parse_file(real_dir / "fotmob" / "4535454.json").team_stats}
    passes = stats[("accurate_passes", Side.HOME)]
    assert (passes.label, passes.value, passes.text) == ("Accurate passes", 501, "501 (84%)")
    assert (stats[("expected_goals", Side.AWAY)].value, stats[("expected_goals", Side.AWAY)].text) == (1.11, None)
    assert (stats[("BallPossesion", Side.HOME)].value, stats[("BallPossesion", Side.AWAY)].value) == (62, 38)
    assert len(stats) == 74  # 37 distinct stats per side; "Top stats" repeats are kept once


@pytest.mark.parametrize("row", SHOTMAP_ROWS, ids=_row_id)
def test_shot_map_csv_counts_and_goals_per_team(real_dir: Path, row: dict[str, str]) -> None:
    path = real_dir / row["file"]
    parsed = parse_file(path)
    home_id, away_id = FOTMOB_TEAM_IDS[row["home"]], FOTMOB_TEAM_IDS[row["away"]]
    assert len(parsed.shots) == int(row["n_events_or_shots"])
    assert {parsed.match.home.team_id, parsed.match.away.team_id} == {home_id, away_id}
    by_team = {s: parsed.match.team(s).team_id for s in Side}
    goals = Counter(by_team[s.benefiting_side] for s in parsed.shots if s.is_goal)
    assert (goals[home_id], goals[away_id]) == _score(row["score"])
    assert parsed.match.date is None and parsed.match.completeness.complete is False
    assert SHOT_MAP_ONLY in parsed.match.completeness.reasons
    known = parse_fotmob_shotmap(read_raw(path), home_team_id=home_id).match
    assert (known.home.team_id, str(known.score.fulltime)) == (home_id, row["score"])
    assert SIDES_UNKNOWN not in known.completeness.reasons


def test_csv_with_venue_gives_sides_and_names(real_dir: Path) -> None:
    match = parse_file(real_dir / "fotmob" / "shotmap_only" / "3901192.csv").match
    assert (match.home.name, match.away.name, str(match.score.fulltime)) == ("AFC Bournemouth", "Liverpool", "1-0")
    assert match.completeness.reasons == (SHOT_MAP_ONLY,)


def test_csv_without_venue_says_its_sides_are_not_real(real_dir: Path) -> None:
    match = parse_file(real_dir / "fotmob" / "shotmap_only" / "3901114.csv").match
    assert (match.home.team_id, match.home.name) == ("8650", None)
    assert match.completeness.reasons == (SHOT_MAP_ONLY, SIDES_UNKNOWN, NAMES_UNKNOWN)


def test_csv_own_goal_counts_for_the_opponent(real_dir: Path) -> None:
    parsed = parse_file(real_dir / "fotmob" / "shotmap_only" / "3901114.csv")
    [own_goal] = [s for s in parsed.shots if s.own_goal]
    assert (own_goal.player_name, own_goal.team_id, own_goal.minute) == ("Ibrahima Konaté", "8650", 19)
    assert parsed.match.team(own_goal.benefiting_side).team_id == "9937"


def test_a_home_team_id_against_the_files_venue_is_refused(real_dir: Path) -> None:
    raw = read_raw(real_dir / "fotmob" / "shotmap_only" / "3901192.csv")
    with pytest.raises(ParseError) as info:
        parse_fotmob_shotmap(raw, home_team_id="8650")
    assert info.value.field == "Venue"


def _fold(name: str | None) -> str:
    return unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()


def test_same_shot_has_the_same_position_in_fotmob_and_whoscored(real_dir: Path) -> None:
    """Liverpool 7-0 Man Utd: every FotMob shot lies within 3 m of the WhoScored shot of that player and minute."""
    fotmob = parse_file(real_dir / "fotmob" / "shotmap_only" / "3901187.csv")
    whoscored = parse_file(real_dir / "whoscored" / "1640885.json")
    assert len(fotmob.shots) == len(whoscored.shots) == 26
    for shot in fotmob.shots:
        surname = _fold(shot.player_name).split()[-1]
        twins = [
            t
            for t in whoscored.shots
            if t.period == shot.period and abs(t.minute - shot.minute) <= 1 and surname in _fold(t.player_name)
        ]
        assert twins, f"no WhoScored shot for {shot.player_name} at {shot.minute}'"
        nearest = min(twins, key=lambda t: (t.x - shot.x) ** 2 + (t.y - shot.y) ** 2)
        assert abs(nearest.x - shot.x) < 3 and abs(nearest.y - shot.y) < 3, (shot, nearest)
        assert nearest.side is shot.side and nearest.is_goal == shot.is_goal


def test_extra_time_moves_the_header_score_to_extra_time(real_dir: Path, tmp_path: Path) -> None:
    details = _details(real_dir, "3424045")
    details["header"]["status"]["halfs"]["firstExtraHalfStarted"] = "13.09.2020 23:05:00"
    details["header"]["teams"][0]["score"] = 5
    score = parse_file(_write(tmp_path, details)).match.score
    scores = [str(s) for s in (score.halftime, score.fulltime, score.extra_time, score.final)]
    assert scores == ["2-2", "4-2", "5-2", "5-2"]


def test_missing_lineup_is_incomplete_not_an_error(real_dir: Path, tmp_path: Path) -> None:
    details = _details(real_dir, "4535454")
    _drop(["content", "lineup"])(details)
    parsed = parse_file(_write(tmp_path, details))
    assert (parsed.lineups, parsed.formations, parsed.match.home.manager) == ((), (), None)
    assert parsed.match.completeness.reasons == ("no lineups in file",)
    assert len(parsed.shots) == 29


@pytest.mark.parametrize(
    ("path", "reason"),
    [(["content", "stats"], "no team stats in file"), (["content", "shotmap", "shots"], "no shot map in file")],
)
def test_missing_stats_or_shots_is_incomplete(real_dir: Path, tmp_path: Path, path: list[str], reason: str) -> None:
    details = _details(real_dir, "4535454")
    _drop(path)(details)
    match = parse_file(_write(tmp_path, details)).match
    assert (match.completeness.complete, match.completeness.reasons) == (False, (reason,))


def _write(tmp_path: Path, details: Any, name: str = "details.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(details), encoding="utf-8")
    return path


def _set(path: list[str | int], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(details: dict[str, Any]) -> None:
        target: Any = details
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: list[str]) -> Callable[[dict[str, Any]], None]:
    def change(details: dict[str, Any]) -> None:
        target: Any = details
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


BAD_DETAILS = [
    ("shotmap not an object", _set(["content", "shotmap"], "oops"), "content.shotmap"),
    ("shots not a list", _set(["content", "shotmap", "shots"], {"a": 1}), "content.shotmap.shots"),
    ("missing header", _drop(["header"]), "header"),
    ("missing general", _drop(["general"]), "general"),
    ("one team", _set(["header", "teams"], [{"id": 1, "name": "A", "score": 0}]), "header.teams"),
    ("score as text", _set(["header", "teams", 1, "score"], "0"), "header.teams[1].score"),
    ("negative score", _set(["header", "teams", 0, "score"], -1), "Score.home"),
    ("bad kickoff", _set(["general", "matchTimeUTCDate"], "Saturday"), "general.matchTimeUTCDate"),
    (
        "starters not a list",
        _set(["content", "lineup", "homeTeam", "starters"], "x"),
        "content.lineup.homeTeam.starters",
    ),
    ("lineup of another team", _set(["content", "lineup", "awayTeam", "id"], 5), "content.lineup.awayTeam.id"),
]


@pytest.mark.parametrize(("change", "field"), [b[1:] for b in BAD_DETAILS], ids=[b[0] for b in BAD_DETAILS])
def test_bad_details_name_the_field(
    real_dir: Path, tmp_path: Path, change: Callable[[dict[str, Any]], None], field: str
) -> None:
    details = _details(real_dir, "4535454")
    change(details)
    path = _write(tmp_path, details)
    with pytest.raises(ParseError) as info:
        parse_fotmob(read_raw(path))
    assert (info.value.field, info.value.path) == (field, str(path))


SHOT_DROPPED = "unreadable items dropped that touch 1 shot"
SHOTS = ["content", "shotmap", "shots"]
STAT = ["content", "stats", "Periods", "All", "stats", 0, "stats", 0, "stats"]
# (what, path changed, new value, warning field, reason, incompleteness it causes)
DROPPED_DETAILS = [
    ("shot x not a number", [*SHOTS, 3, "x"], "far", "content.shotmap.shots[].x", "expected float, got str",
     SHOT_DROPPED),
    ("shot not an object", [*SHOTS, 2], 7, "content.shotmap.shots[]", "expected an object, got int", SHOT_DROPPED),
    ("shot of a third team", [*SHOTS, 0, "teamId"], 1, "content.shotmap.shots[].teamId",
     "1 is neither the home nor the away team", SHOT_DROPPED),
    ("unknown shot event", [*SHOTS, 1, "eventType"], "Wide", "content.shotmap.shots[].eventType",
     "unknown shot event 'Wide' (known: Goal, AttemptSaved, Miss, Post)", SHOT_DROPPED),
    ("unknown period", [*SHOTS, 1, "period"], "Later", "content.shotmap.shots[].period",
     "unknown period 'Later' (known: FirstHalf, SecondHalf, extra time, shoot-out)", SHOT_DROPPED),
    ("stats value not a number", STAT, [[1], 2], "content.stats.Periods.All.stats[].stats[].stats",
     "expected numbers or text, got list", None),
    ("player without id", ["content", "lineup", "homeTeam", "subs", 0, "id"], None,
     "content.lineup.homeTeam.subs[].id", "missing", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "value", "field", "reason", "incomplete"),
    [d[1:] for d in DROPPED_DETAILS],
    ids=[d[0] for d in DROPPED_DETAILS],
)
def test_an_item_that_cannot_be_read_is_dropped_and_counted(
    real_dir: Path, tmp_path: Path, path: list[str | int], value: Any, field: str, reason: str, incomplete: str | None
) -> None:
    """A shot, statistic or player that cannot be read costs that item (and, for a shot, completeness) only."""
    baseline = parse_file(real_dir / "fotmob" / "4535454.json")
    details = _details(real_dir, "4535454")
    _set(path, value)(details)
    parsed = parse_file(_write(tmp_path, details))
    assert [(w.field, w.count, w.reason) for w in parsed.warnings] == [(field, 1, reason)]
    assert parsed.match.completeness.reasons == ((incomplete,) if incomplete else ())
    lost = {"shotmap": (1, 0, 0), "stats": (0, 2, 0), "lineup": (0, 0, 1)}[path[1]]
    assert (len(parsed.shots), len(parsed.team_stats), len(parsed.lineups)) == (
        len(baseline.shots) - lost[0],
        len(baseline.team_stats) - lost[1],
        len(baseline.lineups) - lost[2],
    )
    assert parsed.match.score == baseline.match.score


def test_truncated_details_json(real_dir: Path, tmp_path: Path) -> None:
    text = (real_dir / "fotmob" / "4535454.json").read_text(encoding="utf-8")
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ParseError) as info:
        parse_file(path)
    assert "not valid JSON" in info.value.reason


def _csv_lines(real_dir: Path) -> list[str]:
    return (real_dir / "fotmob" / "shotmap_only" / "3901187.csv").read_text(encoding="utf-8").splitlines()


def _csv_error(tmp_path: Path, lines: list[str]) -> ParseError:
    path = tmp_path / "shots.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        parse_file(path)
    return info.value


def test_bad_csv_cell_names_row_and_column(real_dir: Path, tmp_path: Path) -> None:
    lines = _csv_lines(real_dir)
    cells = lines[3].split(",")
    cells[lines[0].split(",").index("x")] = "far"
    lines[3] = ",".join(cells)
    error = _csv_error(tmp_path, lines)
    assert (error.field, error.reason) == ("rows[2].x", "'far' is not float")


def test_csv_number_that_is_not_finite_is_refused(real_dir: Path, tmp_path: Path) -> None:
    lines = _csv_lines(real_dir)
    cells = lines[2].split(",")
    cells[lines[0].split(",").index("expectedGoals")] = "inf"
    lines[2] = ",".join(cells)
    assert _csv_error(tmp_path, lines).field == "rows[1].expectedGoals"


def test_truncated_csv_names_the_cut_row(real_dir: Path, tmp_path: Path) -> None:
    lines = _csv_lines(real_dir)
    lines[-1] = lines[-1][:12]
    assert _csv_error(tmp_path, lines).field == f"rows[{len(lines) - 2}].matchId"


def test_csv_of_two_matches_and_header_only_csv(real_dir: Path, tmp_path: Path) -> None:
    lines = _csv_lines(real_dir)
    lines[5] = lines[5].replace(",3901187,", ",3901188,")
    assert _csv_error(tmp_path, lines).field == "rows[4].matchId"
    assert _csv_error(tmp_path, lines[:1]).field == "rows"
