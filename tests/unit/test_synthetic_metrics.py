"""The team and player metrics and the timeline on synthetic matches, against what each match was drawn with.

No ``../shared`` needed: the public CI runs these. The synthetic WhoScored events are known exactly
(``football_rag.data.synthetic.whoscored``): five successful passes a minute for each team plus three
before every shot, shots and goals as drawn, cards, substitutions; so are the metrics they make.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.data.contracts import Side
from football_rag.data.parsers import parse_file
from football_rag.data.synthetic import SyntheticMatch, write_synthetic_matches
from football_rag.data.synthetic.match import FULL_TIME
from football_rag.data.synthetic.whoscored import PASSES_A_MINUTE

SEEDS = range(10)
PASSES_BEFORE_A_SHOT = 3


@pytest.fixture(scope="module")
def season(tmp_path_factory: pytest.TempPathFactory) -> tuple[MatchTables, dict[str, SyntheticMatch]]:
    folder = tmp_path_factory.mktemp("synthetic_metrics")
    matches = write_synthetic_matches(folder, SEEDS)
    parsed = [parse_file(path) for path in sorted(folder.glob("*/*.json"))]
    return build_tables(parsed), {str(m.whoscored_id): m for m in matches}


def _passes(spec: SyntheticMatch, side: Side) -> int:
    return PASSES_A_MINUTE * FULL_TIME + PASSES_BEFORE_A_SHOT * sum(s.side is side for s in spec.shots)


def test_team_metrics_count_what_each_match_was_drawn_with(season: tuple[MatchTables, dict]) -> None:
    tables, by_id = season
    assert len(tables.team_stats) == 2 * len(SEEDS)
    for row in tables.team_stats.to_dict("records"):
        spec, side = by_id[row["match_id"]], Side(row["side"])
        other = side.opponent
        shots = [s for s in spec.shots if s.side is side]
        assert (row["goals"], row["goals_against"]) == (spec.goals(side), spec.goals(other))
        margin = spec.goals(side) - spec.goals(other)
        assert row["result"] == ("W" if margin > 0 else "D" if margin == 0 else "L")
        assert row["shots"] == len(shots)
        assert row["shots_on_target"] == sum(s.on_target for s in shots)
        assert row["blocked_shots"] == sum(s.outcome == "blocked" for s in shots)
        assert row["passes"] == row["passes_completed"] == _passes(spec, side)
        assert row["pass_accuracy"] == 100.0
        assert row["touches"] == _passes(spec, side) + len(shots)
        share = _passes(spec, side) / (_passes(spec, side) + _passes(spec, other))
        assert row["possession"] == pytest.approx(100 * share)
        cards = Counter(c.kind for c in spec.cards if c.side is side)
        assert (row["yellow_cards"], row["red_cards"]) == (cards["yellow"], cards["red"])


def test_player_metrics_and_the_timeline_name_who_did_it(season: tuple[MatchTables, dict]) -> None:
    tables, by_id = season
    players = tables.player_stats.set_index(["match_id", "player_id"])
    for match_id, spec in by_id.items():
        goals = Counter(str(s.player_id) for s in spec.shots if s.outcome == "goal")
        shots = Counter(str(s.player_id) for s in spec.shots)
        for side in Side:
            for player in spec.squad(side).players:
                row = players.loc[(match_id, str(player.player_id))]
                assert (row["player_name"], row["goals"], row["shots"]) == (
                    player.name,
                    goals[str(player.player_id)],
                    shots[str(player.player_id)],
                )
                played = player.starter or player.minute_on is not None
                assert row["minutes"] > 0 if played else row["minutes"] == 0
        timeline = tables.timeline[(tables.timeline["match_id"] == match_id) & (tables.timeline["kind"] == "goal")]
        drawn = [s for s in spec.shots if s.outcome == "goal"]
        assert timeline["player_name"].tolist() == [spec.player(s.player_id).name for s in drawn]
        assert list(zip(timeline["home_goals"], timeline["away_goals"], strict=True)) == [
            _running(spec, n) for n in range(len(drawn))
        ]


def _running(spec: SyntheticMatch, n: int) -> tuple[int, int]:
    """The score once the ``n``-th goal of the match (0-based) has gone in."""
    sides = [s.side for s in spec.shots if s.outcome == "goal"][: n + 1]
    return sides.count(Side.HOME), sides.count(Side.AWAY)


def test_the_synthetic_files_need_no_provider_data(tmp_path: Path) -> None:
    """The generator writes both providers' files from a seed alone, the same bytes every time."""
    first = write_synthetic_matches(tmp_path / "a", range(2))
    second = write_synthetic_matches(tmp_path / "b", range(2))
    assert first == second
    for name in ("whoscored/9000000.json", "fotmob/8000001.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
