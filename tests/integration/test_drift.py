"""The drift corpus (``../shared/data/drift``): real files of other seasons, competitions and API vintages.

Every file parses into the same contracts, and what it parses to equals what ``manifest.csv`` and the
file's own figures say: teams, date, score, goals, shots (WhoScored's ``shotsTotal``, FotMob's
``total_shots``), events, players, red cards and own goals. A shape never seen is rejected naming the
path in the file and what was expected.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from football_rag.data.contracts import FINISHED, ParsedMatch, Side, Source
from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file
from tests.conftest import SHARED_DATA, require

DRIFT = SHARED_DATA / "drift"
IN_PLAY = "whoscored/1824860.json"  # saved at 90+': statusCode 3, empty ftScore


def _manifest() -> list[dict[str, str]]:
    path = DRIFT / "manifest.csv"
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


ROWS = _manifest()
NO_DATA = pytest.param(None, marks=pytest.mark.skip(reason=f"drift corpus not found at {DRIFT} (never in the repo)"))


def _note(row: dict[str, str], pattern: str) -> re.Match[str] | None:
    return re.search(pattern, row["notes"])


def _side_totals(parsed: ParsedMatch, key: str) -> dict[Side, float]:
    return {s.side: s.value for s in parsed.team_stats if s.key == key}


@pytest.fixture(scope="module")
def drift_dir() -> Path:
    return require(DRIFT)


@pytest.mark.parametrize("row", ROWS or [NO_DATA], ids=[r["file"] for r in ROWS] or None)
def test_each_file_parses_to_what_the_manifest_and_its_own_figures_say(drift_dir: Path, row: dict[str, str]) -> None:
    parsed = parse_file(drift_dir / row["file"])
    match = parsed.match
    home, away = (int(goals) for goals in re.match(r"(\d+)-(\d+)", row["score"]).groups())
    assert (match.home.name, match.away.name) == (row["home"], row["away"])
    assert (match.score.final.home, match.score.final.away) == (home, away)
    assert match.date.isoformat() == row["match_date"]
    assert match.provenance.shape == row["shape"]
    assert parsed.warnings == ()  # the files are sound: nothing may be dropped from them
    assert match.score.extra_time is None and match.score.penalties is None  # none of them went to extra time
    if row["file"] == IN_PLAY:
        assert match.status == "in progress (90+)" and not match.completeness.complete
        assert match.completeness.reasons[0] == "match not finished when captured (status 3, elapsed '90+')"
    else:
        assert match.status == FINISHED
    (_whoscored if match.source is Source.WHOSCORED else _fotmob)(parsed, row, home, away)


def _whoscored(parsed: ParsedMatch, row: dict[str, str], home: int, away: int) -> None:
    """Events, goals, shots, players, red cards and own goals as the file and its notes count them."""
    assert len(parsed.events) == int(_note(row, r"; (\d+) events;")[1])
    assert sum(e.is_goal for e in parsed.events) == home + away
    scored = [s.benefiting_side for s in parsed.shots if s.is_goal]
    assert (scored.count(Side.HOME), scored.count(Side.AWAY)) == (home, away)
    # WhoScored's own shot count leaves own goals out, as the shots table's "shots" do
    shots = {side: sum(1 for s in parsed.shots if s.side is side and not s.own_goal) for side in Side}
    assert shots == _side_totals(parsed, "shotsTotal")
    players = _note(row, r"players home/away (\d+)/(\d+)")
    assert [sum(1 for p in parsed.lineups if p.side is side) for side in Side] == [int(players[1]), int(players[2])]
    own_goals = _note(row, r"(\d+) own goal")
    assert sum(s.own_goal for s in parsed.shots) == (int(own_goals[1]) if own_goals else 0)
    reds = _note(row, r"(\d+) red card")
    assert sum(e.card in ("red", "second_yellow") for e in parsed.events) == (int(reds[1]) if reds else 0)
    if parsed.match.status == FINISHED:
        assert parsed.match.completeness.complete, parsed.match.completeness.reasons


def _fotmob(parsed: ParsedMatch, row: dict[str, str], home: int, away: int) -> None:
    """Shots and goals as the shot map and FotMob's own statistics count them; no shot map is said so."""
    match = parsed.match
    assert match.competition in row["competition"]
    listed = _note(row, r"(\d+) shots in content.shotmap.shots")
    assert len(parsed.shots) == (int(listed[1]) if listed else 0)
    if parsed.shots:
        assert {side: sum(1 for s in parsed.shots if s.side is side) for side in Side} == _side_totals(
            parsed, "total_shots"
        )
        scored = [s.benefiting_side for s in parsed.shots if s.is_goal]
        assert (scored.count(Side.HOME), scored.count(Side.AWAY)) == (home, away)
        assert match.completeness.complete, match.completeness.reasons
    else:
        # FotMob counted shots the file does not map: nothing may read this match's shots as zero
        assert sum(_side_totals(parsed, "total_shots").values()) > 0
        assert not match.completeness.complete
        assert match.completeness.reasons[0] in ("no shot map in file", "no shot map (coverage: ratings)")
    starters = [p for p in parsed.lineups if p.starter]
    assert [sum(1 for p in starters if p.side is side) for side in Side] == [11, 11]
    assert {f.side for f in parsed.formations} == {Side.HOME, Side.AWAY}


def test_the_2020_fotmob_shape_is_read_from_where_it_keeps_things(drift_dir: Path) -> None:
    parsed = parse_file(drift_dir / "fotmob" / "3411368.json")
    match = parsed.match
    assert (match.match_id, match.home.team_id, match.away.team_id) == ("3411368", "8602", "8456")
    assert (match.competition, match.season, match.kickoff) == ("Premier League", "2020/2021", None)
    assert (str(match.score.halftime), match.venue, match.referee) == ("0-2", "Molineux Stadium", "Andre Marriner")
    assert (match.home.manager, match.away.manager) == ("Nuno Espirito Santo", "Josep Guardiola")
    assert [f.formation for f in parsed.formations] == ["3-4-3", "4-2-3-1"]
    subs = {p.name: (p.minute_on, p.minute_off) for p in parsed.lineups if p.minute_on or p.minute_off}
    assert subs["Ruben Vinagre"] == (8, None) and subs["Fernando Marcal"] == (0, 8)
    best = [p.name for p in parsed.lineups if p.man_of_the_match]
    assert best == ["Kevin De Bruyne"]
    stats = {(s.side, s.key): s.value for s in parsed.team_stats}
    assert (stats[(Side.HOME, "BallPossesion")], stats[(Side.AWAY, "ShotsOnTarget")]) == (35.0, 9.0)


def test_a_capture_saved_just_after_the_whistle_is_finished_without_extra_time(drift_dir: Path) -> None:
    """1821502: statusCode 3 with elapsed "FT", and an etScore although no extra time was played."""
    match = parse_file(drift_dir / "whoscored" / "1821502.json").match
    assert (match.status, match.completeness.complete, match.score.extra_time) == (FINISHED, True, None)


def _rewritten(tmp_path: Path, source: Path, change: callable) -> Path:
    document = json.loads(source.read_text(encoding="utf-8"))
    change(document)
    path = tmp_path / source.name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _rejection(path: Path) -> ParseError:
    with pytest.raises(ParseError) as info:
        parse_file(path)
    assert str(path) in str(info.value)
    return info.value


def test_a_lineup_shape_never_seen_is_rejected_with_the_path_and_what_was_expected(
    drift_dir: Path, tmp_path: Path
) -> None:
    path = _rewritten(
        tmp_path, drift_dir / "fotmob" / "4610809.json", lambda d: d["content"].update(lineup={"teams": []})
    )
    error = _rejection(path)
    assert error.field == "content.lineup"
    assert error.reason == "a lineup shape never seen: expected homeTeam/awayTeam or lineup[] (keys: ['teams'])"


def test_a_stats_block_moved_elsewhere_is_rejected_with_the_path(drift_dir: Path, tmp_path: Path) -> None:
    path = _rewritten(tmp_path, drift_dir / "fotmob" / "4230530.json", lambda d: d["content"].update(stats={"All": {}}))
    error = _rejection(path)
    assert error.field == "content.stats.Periods"
    assert error.reason == "a stats shape never seen: expected Periods.All.stats[] or stats[] (keys: ['All'])"


def test_a_file_without_general_and_not_of_the_2020_shape_names_the_known_shapes(
    drift_dir: Path, tmp_path: Path
) -> None:
    def strip(document: dict) -> None:
        del document["general"], document["content"]["matchFacts"]["matchId"]

    error = _rejection(_rewritten(tmp_path, drift_dir / "fotmob" / "4384489.json", strip))
    assert error.field == "general"
    assert "not of the 2020 shape either" in error.reason
    assert "fotmob_matchdetails_lineup_list_legacy2020: no general block" in error.reason


def test_a_whoscored_file_without_teams_or_score_is_rejected_with_the_path(drift_dir: Path, tmp_path: Path) -> None:
    wrapper = drift_dir / "whoscored" / "1783954.json"
    error = _rejection(_rewritten(tmp_path, wrapper, lambda d: d["matchCentreData"].pop("away")))
    assert error.field == "matchCentreData.away"
    assert error.reason.startswith("missing (expected a scraper's wrapper")

    def no_score(document: dict) -> None:
        document.update(ftScore="", score="")

    error = _rejection(_rewritten(tmp_path, drift_dir / "whoscored" / "1824860.json", no_score))
    assert (error.field, error.reason) == ("ftScore", "no score (neither ftScore nor score holds 'home : away')")
