"""The WhoScored deserializer on every real file, checked against the independently recorded manifest."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from football_rag.data.contracts import Side, Source
from football_rag.data.parsers import parse_file
from tests.conftest import real_manifest

WHOSCORED_ROWS = real_manifest("whoscored")


def _row_id(row: dict[str, str]) -> str:
    return Path(row["file"]).name


@pytest.mark.parametrize("row", WHOSCORED_ROWS, ids=_row_id)
def test_every_real_whoscored_file_matches_the_manifest(real_dir: Path, row: dict[str, str]) -> None:
    parsed = parse_file(real_dir / row["file"])
    match = parsed.match
    assert match.source is Source.WHOSCORED
    assert (match.home.name, match.away.name) == (row["home"], row["away"])
    assert str(match.score.fulltime) == row["score"]
    assert match.date.isoformat() == row["match_date"]
    assert len(parsed.events) == int(row["n_events_or_shots"])
    if row["provider_match_id"]:
        assert match.match_id == row["provider_match_id"]
    assert {e.side for e in parsed.events} == {Side.HOME, Side.AWAY}


def test_shapes_bare_wrapped_gzip_and_html_agree(real_dir: Path, tmp_path: Path) -> None:
    """The same match through each shape a scraper meets yields the same contracts."""
    html = parse_file(real_dir / "whoscored" / "1650630.html")
    centre_text = json.dumps(
        {"matchId": 1650630, "matchCentreData": _centre_of(html_path=real_dir / "whoscored" / "1650630.html")}
    )
    wrapped = tmp_path / "1650630.json"
    wrapped.write_text(centre_text, encoding="utf-8")
    gz = tmp_path / "1650630.json.gz"
    gz.write_bytes(gzip.compress(centre_text.encode()))
    for path in (wrapped, gz):
        other = parse_file(path)
        assert other.events == html.events
        assert other.match.score == html.match.score
    # the saved page also tells the competition and season (from its breadcrumb)
    assert (html.match.competition, html.match.season) == ("LaLiga", "2022/2023")
    assert str(html.match.score.fulltime) == "0-0"


def _centre_of(html_path: Path) -> dict:
    text = html_path.read_text(encoding="utf-8")
    start = text.index("matchCentreData:") + len("matchCentreData:")
    return json.JSONDecoder().raw_decode(text, text.index("{", start))[0]


def test_bare_file_without_id_gets_date_and_teams_id(real_dir: Path, tmp_path: Path) -> None:
    src = real_dir / "whoscored" / "2023-01-02_Brentford_vs_Liverpool.json"
    copy = tmp_path / "capture.json"
    shutil.copy(src, copy)
    assert parse_file(copy).match.match_id == "2023-01-02_Brentford_vs_Liverpool"


def test_liverpool_bournemouth_details(real_dir: Path) -> None:
    """Liverpool 4-2 Bournemouth, 15 Aug 2025: facts read off the file by hand."""
    parsed = parse_file(real_dir / "whoscored" / "1903117.json")
    m = parsed.match
    assert (m.venue, m.referee, m.attendance) == ("Anfield", "Anthony Taylor", 60315)
    assert str(m.score.halftime) == "1-0"
    assert (m.home.manager, m.season) == ("Arne Slot", "2025/2026")
    assert m.kickoff.isoformat() == "2025-08-15T21:00:00"
    starters = [p for p in parsed.lineups if p.side is Side.HOME and p.starter]
    assert len(starters) == 11
    alisson = next(p for p in parsed.lineups if p.name == "Alisson Becker")
    assert (alisson.shirt_number, alisson.position, alisson.minute_on) == (1, "GK", 0)
    frimpong = next(p for p in parsed.lineups if p.name == "Jeremie Frimpong")
    assert frimpong.minute_off == 63
    assert sum(p.captain for p in parsed.lineups if p.side is Side.HOME) == 1
    assert [f.formation for f in parsed.formations if f.side is Side.HOME] == ["4-2-3-1", "4-3-3"]
    goals = sorted((s.minute, s.player_name) for s in parsed.shots if s.is_goal)
    assert goals[0] == (36, "Hugo Ekitiké")
    assert len(goals) == 6


def test_own_goals_count_for_the_opponent(real_dir: Path) -> None:
    """Brentford 3-1 Liverpool: an own goal is a Liverpool-player event that counts for Brentford."""
    parsed = parse_file(real_dir / "whoscored" / "2023-01-02_Brentford_vs_Liverpool.json")
    own_goals = [s for s in parsed.shots if s.own_goal]
    assert own_goals and all(s.side is Side.AWAY and s.benefiting_side is Side.HOME for s in own_goals)
    goals_for = {side: sum(s.is_goal and s.benefiting_side is side for s in parsed.shots) for side in Side}
    assert (goals_for[Side.HOME], goals_for[Side.AWAY]) == (3, 1)


def test_partial_capture_is_marked_incomplete(real_dir: Path) -> None:
    parsed = parse_file(real_dir / "whoscored" / "1903275.json")
    m = parsed.match
    assert not m.completeness.complete
    assert "not finished" in m.completeness.reasons[0]
    assert any("events stop at minute 10" in r for r in m.completeness.reasons)
    assert str(m.score.fulltime) == "1-0"
    assert len(parsed.events) == 169


def test_provenance_names_file_and_hash(real_dir: Path) -> None:
    path = real_dir / "whoscored" / "1903228.json"
    prov = parse_file(path).match.provenance
    import hashlib

    assert prov.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (prov.source, prov.source_id, prov.parser_version) == (Source.WHOSCORED, "1903228", "whoscored/2")
    assert prov.shape == "whoscored_bare"
