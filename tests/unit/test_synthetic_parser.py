"""Synthetic matches in both providers' shapes parse to the figures they were drawn with (no ../shared needed).

These run on the public CI, which has no real data: the parsers, the tolerance to bad events and the
analytics tables are exercised on matches whose score, goals, shots, cards and lineups are known.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from football_rag.analytics.tables import build_tables
from football_rag.data.contracts import FINISHED, ParsedMatch, ParseWarning, Side
from football_rag.data.parsers import parse_file
from football_rag.data.synthetic import (
    SyntheticMatch,
    fotmob_document,
    synthetic_match,
    whoscored_document,
    write_synthetic_matches,
)
from football_rag.data.synthetic.match import FULL_TIME, HALF, SHOOTOUT_PERIOD

SEEDS = range(12)
KNOCKOUT_SEEDS = range(6)  # seed 0 is settled in extra time, the others go to a shoot-out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SyntheticMatch]]:
    folder = tmp_path_factory.mktemp("synthetic")
    return folder, write_synthetic_matches(folder, SEEDS)


def _both(folder: Path, match: SyntheticMatch) -> tuple[ParsedMatch, ParsedMatch]:
    return (
        parse_file(folder / "whoscored" / f"{match.whoscored_id}.json"),
        parse_file(folder / "fotmob" / f"{match.fotmob_id}.json"),
    )


def _per_side(values: list[Side]) -> tuple[int, int]:
    return values.count(Side.HOME), values.count(Side.AWAY)


@pytest.mark.parametrize("seed", SEEDS)
def test_both_shapes_parse_to_the_match_they_were_drawn_with(
    corpus: tuple[Path, list[SyntheticMatch]], seed: int
) -> None:
    folder, matches = corpus
    spec = matches[seed]
    for parsed in _both(folder, spec):
        match = parsed.match
        assert (match.home.name, match.away.name, match.date) == (spec.home.name, spec.away.name, spec.kickoff.date())
        assert (match.home.manager, match.venue, match.referee) == (spec.home.manager, spec.venue, spec.referee)
        assert (match.score.fulltime.home, match.score.fulltime.away) == spec.score()
        assert (match.score.halftime.home, match.score.halftime.away) == spec.score(HALF)
        assert (match.status, match.completeness.complete, parsed.warnings) == (FINISHED, True, ())
        assert _per_side([s.side for s in parsed.shots]) == _per_side([s.side for s in spec.shots])
        assert _per_side([s.side for s in parsed.shots if s.is_goal]) == spec.score()
        assert _per_side([s.side for s in parsed.shots if s.on_target]) == _per_side(
            [s.side for s in spec.shots if s.on_target]
        )
        assert _per_side([s.side for s in parsed.shots if s.blocked]) == _per_side(
            [s.side for s in spec.shots if s.outcome == "blocked"]
        )
        assert sum(s.penalty for s in parsed.shots) == sum(s.penalty for s in spec.shots)
        for side in Side:
            squad = spec.squad(side)
            lineup = {p.player_id: p for p in parsed.lineups if p.side is side}
            assert sorted(lineup) == sorted(str(p.player_id) for p in squad.players)
            assert [p.player_id for p in squad.starters] == [int(i) for i, p in lineup.items() if p.starter]
            came_on = {p.player_id: p.minute_on for p in squad.players if p.minute_on is not None}
            assert {int(i): p.minute_on for i, p in lineup.items() if not p.starter and p.minute_on} == came_on
        assert [f.formation for f in parsed.formations] == ["4-3-3", "4-3-3"]


@pytest.mark.parametrize("seed", SEEDS)
def test_cards_and_shot_counts_agree_with_each_providers_own_figures(
    corpus: tuple[Path, list[SyntheticMatch]], seed: int
) -> None:
    folder, matches = corpus
    spec = matches[seed]
    whoscored, fotmob = _both(folder, spec)
    cards = sorted((c.minute, str(c.player_id), c.kind) for c in spec.cards)
    assert sorted((e.minute, e.player_id, e.card) for e in whoscored.events if e.card) == cards
    for parsed, key in ((whoscored, "shotsTotal"), (fotmob, "total_shots")):
        totals = {s.side: s.value for s in parsed.team_stats if s.key == key}
        assert (totals[Side.HOME], totals[Side.AWAY]) == _per_side([s.side for s in spec.shots])
    reds = {s.side: s.value for s in fotmob.team_stats if s.key == "red_cards"}
    assert (reds[Side.HOME], reds[Side.AWAY]) == _per_side([c.side for c in spec.cards if c.kind == "red"])


def test_the_tables_link_the_pairs_and_count_goals_and_shots(corpus: tuple[Path, list[SyntheticMatch]]) -> None:
    folder, matches = corpus
    tables = build_tables([parsed for spec in matches[:6] for parsed in _both(folder, spec)])
    assert tables.matches["link_status"].tolist() == ["linked"] * 6
    assert tables.matches["fotmob_id"].tolist() == [str(m.fotmob_id) for m in matches[:6]]
    stats = tables.team_stats.set_index(["match_id", "side"])
    for spec in matches[:6]:
        for side in Side:
            row = stats.loc[(str(spec.whoscored_id), side.value)]
            assert row["goals"] == spec.goals(side)
            assert row["shots"] == sum(s.side is side for s in spec.shots)


def _as_scores(score: object) -> tuple[int, int] | None:
    return None if score is None else (score.home, score.away)


@pytest.mark.parametrize("seed", KNOCKOUT_SEEDS)
def test_extra_time_and_a_shootout_are_read_from_their_periods(tmp_path: Path, seed: int) -> None:
    spec = synthetic_match(seed, knockout=True)
    parsed = []
    for name, render in (("whoscored.json", whoscored_document), ("fotmob.json", fotmob_document)):
        (tmp_path / name).write_text(json.dumps(render(spec)), encoding="utf-8")
        parsed.append(parse_file(tmp_path / name))
    whoscored, fotmob = parsed
    in_play = [s for s in spec.shots if not s.shootout]
    for record in parsed:
        score = record.match.score
        assert (_as_scores(score.fulltime), _as_scores(score.extra_time)) == (spec.score(FULL_TIME), spec.score())
        assert len([s for s in record.shots if s.period < SHOOTOUT_PERIOD]) == len(in_play)
        extra = sorted(s.period for s in record.shots if s.period in (3, 4))
        assert extra == sorted(s.period for s in in_play if s.period in (3, 4))
        assert record.match.completeness.complete
    # WhoScored gives the shoot-out (pkScore, period 5 events); FotMob's shape for one was never seen
    assert _as_scores(whoscored.match.score.penalties) == spec.penalties()
    assert len([s for s in whoscored.shots if s.period == SHOOTOUT_PERIOD]) == len(spec.shots) - len(in_play)
    assert fotmob.match.score.penalties is None
    tables = build_tables(parsed)
    assert tables.matches["match_length"].tolist() == [120]
    stats = tables.team_stats.set_index("side")
    for side in Side:
        assert stats.loc[side.value, "goals"] == spec.goals(side)
        assert stats.loc[side.value, "shots"] == sum(s.side is side for s in in_play)


@settings(max_examples=20, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(seed=st.integers(0, 500), data=st.data())
def test_a_synthetic_match_with_a_few_events_without_ids_keeps_the_others(
    tmp_path_factory: pytest.TempPathFactory, seed: int, data: st.DataObject
) -> None:
    spec = synthetic_match(seed)
    document = whoscored_document(spec)
    events = document["events"]
    indices = data.draw(st.sets(st.integers(0, len(events) - 1), min_size=1, max_size=3))
    lost_goals = sum(events[i].get("isGoal", False) for i in indices)
    for i in indices:
        del events[i]["eventId"]
    path = tmp_path_factory.mktemp("mutated") / f"{spec.whoscored_id}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    parsed = parse_file(path)
    assert len(parsed.events) == len(events) - len(indices)
    assert parsed.warnings == (ParseWarning(field="events[].eventId", count=len(indices), reason="missing"),)
    assert sum(e.is_goal for e in parsed.events) == sum(spec.score()) - lost_goals
    assert (parsed.match.score.fulltime.home, parsed.match.score.fulltime.away) == spec.score()
    # a lost shot or card costs completeness; a lost pass, start or substitution does not
    touched = any(events[i].get("isShot") or events[i]["type"]["value"] == 17 for i in indices)
    assert parsed.match.completeness.complete is not touched


def _floated_and_shuffled(value: object, rng: random.Random) -> object:
    """The same JSON with its keys in another order and every whole number of an id key as a float."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: float(v) if k in FLOAT_IDS and type(v) is int else _floated_and_shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [_floated_and_shuffled(v, rng) for v in value]
    return value


FLOAT_IDS = frozenset({"eventId", "playerId", "teamId", "id"})


@settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(seed=st.integers(0, 500), order=st.integers(0, 2**32))
def test_float_ids_and_reordered_keys_change_nothing_in_either_shape(
    tmp_path_factory: pytest.TempPathFactory, seed: int, order: int
) -> None:
    spec = synthetic_match(seed)
    folder = tmp_path_factory.mktemp("reordered")
    for render in (whoscored_document, fotmob_document):
        plain, changed = folder / "plain.json", folder / "changed.json"
        plain.write_text(json.dumps(render(spec)), encoding="utf-8")
        changed.write_text(json.dumps(_floated_and_shuffled(render(spec), random.Random(order))), encoding="utf-8")
        before, after = parse_file(plain), parse_file(changed)
        assert after.events == before.events and after.shots == before.shots and after.lineups == before.lineups
        assert after.match.score == before.match.score and after.warnings == ()
        assert sorted(after.team_stats, key=str) == sorted(before.team_stats, key=str)
