"""Property tests: real files changed the way other sites and vintages change them.

Event ids dropped, fields null, keys reordered, ids as floats, optional blocks missing: only
``ParseError`` may escape, and only for structural damage; a match with a few bad events keeps every
good one, says what it dropped (``warnings``) and is marked incomplete when a goal, card or shot went.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from football_rag.data.contracts import ParsedMatch, ParseWarning
from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file
from tests.conftest import REAL_DATA, require

WHOSCORED = REAL_DATA / "whoscored" / "1903228.json"  # Arsenal 4-1 Tottenham, 1,427 events
FOTMOB = REAL_DATA / "fotmob" / "4535454.json"  # Inter 1-0 Genoa, 29 shots
# No shrinking: the inputs are already small (indices, field names, a seed) and each example parses a whole match.
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
FEW = settings(EXAMPLES, max_examples=10)  # each example rewrites every key of a 1 MB match
# Event fields without which an event cannot be read (null or absent).
EVENT_ESSENTIALS = ("eventId", "teamId", "type", "period")
WHOSCORED_IDS = ("eventId", "id", "playerId", "teamId", "relatedEventId", "relatedPlayerId")
WHOSCORED_OPTIONAL = ("referee", "venueName", "attendance", "playerIdNameDictionary", "htScore", "etScore", "pkScore")
TEAM_OPTIONAL = ("formations", "stats", "players", "managerName", "countryName")
SHOT_ESSENTIALS = ("id", "teamId", "min", "eventType", "x", "y", "period")


@cache
def _text(path: Path) -> str:
    return require(path).read_text(encoding="utf-8")


def _document(path: Path) -> Any:
    return json.loads(_text(path))


@cache
def _baseline(path: Path) -> ParsedMatch:
    return parse_file(require(path))


def _parse(document: Any, name: str) -> ParsedMatch:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(json.dumps(document), encoding="utf-8")
        return parse_file(path)


def _without_file(parsed: ParsedMatch) -> dict:
    """The parse result without where the file lay and its bytes' hash.

    Team statistics follow the order of the file's keys, which carries no meaning: they are compared sorted.
    """
    dump = parsed.model_dump(mode="json")
    for key in ("raw_sha256", "raw_path"):
        dump["match"]["provenance"].pop(key)
    dump["team_stats"].sort(key=lambda row: (row["side"], row["key"]))
    return dump


def _touches(baseline: ParsedMatch, indices: set[int]) -> Counter[str]:
    """What the events at ``indices`` were about, as the parser counts it (the real file drops nothing)."""
    found: Counter[str] = Counter()
    for i in indices:
        event = baseline.events[i]
        found.update(
            kind
            for kind, hit in (("goal", event.is_goal), ("card", event.type_id == 17), ("shot", event.is_shot))
            if hit
        )
    return found


@EXAMPLES
@given(data=st.data(), field=st.sampled_from(EVENT_ESSENTIALS), delete=st.booleans())
def test_a_few_unreadable_events_are_dropped_and_counted_and_the_rest_kept(
    data: st.DataObject, field: str, delete: bool
) -> None:
    baseline = _baseline(WHOSCORED)
    document = _document(WHOSCORED)
    indices = data.draw(st.sets(st.integers(0, len(baseline.events) - 1), min_size=1, max_size=8))
    for i in indices:
        if delete:
            document["events"][i].pop(field, None)
        else:
            document["events"][i][field] = None
    parsed = _parse(document, "1903228.json")
    kept = [e for i, e in enumerate(baseline.events) if i not in indices]
    assert parsed.events == tuple(kept)
    assert parsed.shots == tuple(s for s in baseline.shots if s.shot_id in {e.source_event_id for e in kept})
    reason = "missing or neither the home nor the away team" if field == "teamId" else "missing"
    if field in ("type", "period"):
        reason = "missing or not an object"
    assert parsed.warnings == (ParseWarning(field=f"events[].{field}", count=len(indices), reason=reason),)
    touched = _touches(baseline, indices)
    completeness = parsed.match.completeness
    assert completeness.complete is not touched
    if touched:
        kinds = ", ".join(
            f"{touched[k]} {k}{'s' if touched[k] > 1 else ''}" for k in ("goal", "card", "shot") if touched[k]
        )
        assert completeness.reasons == (f"unreadable items dropped that touch {kinds}",)
    assert (parsed.match.home, parsed.match.score, parsed.lineups) == (
        baseline.match.home,
        baseline.match.score,
        baseline.lineups,
    )


def test_losing_more_than_a_small_share_of_events_makes_the_match_incomplete() -> None:
    baseline = _baseline(WHOSCORED)
    document = _document(WHOSCORED)
    # 20 of 1,427 passes (no goal, card or shot among them): over 1 % of the events
    passes = [i for i, e in enumerate(baseline.events) if e.type == "Pass"][:20]
    for i in passes:
        document["events"][i]["eventId"] = "not an id"
    parsed = _parse(document, "1903228.json")
    assert len(parsed.events) == len(baseline.events) - 20
    assert parsed.warnings == (
        ParseWarning(
            field="events[].eventId",
            count=20,
            reason="Input should be a valid integer, unable to parse string as an integer",
        ),
    )
    assert parsed.match.completeness.reasons == (
        f"20 of {len(baseline.events)} events unreadable and dropped (over 1%)",
    )


def _shuffled(value: Any, rng: random.Random) -> Any:
    """The same JSON with every object's keys in another order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


def _floats(value: Any, keys: frozenset[str]) -> Any:
    """The same JSON with the integer values of ``keys`` written as floats (``2835175299.0``)."""
    if isinstance(value, dict):
        return {
            k: float(v) if k in keys and isinstance(v, int) and not isinstance(v, bool) else _floats(v, keys)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_floats(v, keys) for v in value]
    return value


@FEW
@given(seed=st.integers(0, 2**32), keys=st.sets(st.sampled_from(WHOSCORED_IDS)))
def test_float_ids_and_reordered_keys_change_nothing(seed: int, keys: set[str]) -> None:
    document = _shuffled(_floats(_document(WHOSCORED), frozenset(keys)), random.Random(seed))
    assert _without_file(_parse(document, "1903228.json")) == _without_file(_baseline(WHOSCORED))


@EXAMPLES
@given(
    top=st.sets(st.sampled_from(WHOSCORED_OPTIONAL)),
    team=st.sets(st.tuples(st.sampled_from(("home", "away")), st.sampled_from(TEAM_OPTIONAL))),
    data=st.data(),
)
def test_missing_optional_blocks_are_not_fatal(top: set[str], team: set[tuple[str, str]], data: st.DataObject) -> None:
    baseline = _baseline(WHOSCORED)
    document = _document(WHOSCORED)
    for key in top:
        document.pop(key, None)
    for side, key in team:
        document[side].pop(key, None)
    no_qualifiers = data.draw(st.sets(st.integers(0, len(baseline.events) - 1), max_size=20))
    for i in no_qualifiers:
        document["events"][i].pop("qualifiers", None)
    parsed = _parse(document, "1903228.json")
    match = parsed.match
    teams = [(t.team_id, t.name, t.side) for t in (match.home, match.away)]
    assert teams == [(t.team_id, t.name, t.side) for t in (baseline.match.home, baseline.match.away)]
    assert match.score.fulltime == baseline.match.score.fulltime
    assert [(e.event_id, e.team_id, e.type_id) for e in parsed.events] == [
        (e.event_id, e.team_id, e.type_id) for e in baseline.events
    ]
    assert parsed.warnings == ()
    assert len(parsed.lineups) == sum(len(baseline_side) for baseline_side in _lineups_kept(baseline, team))


def _lineups_kept(baseline: ParsedMatch, removed: set[tuple[str, str]]) -> list[list]:
    return [
        [p for p in baseline.lineups if p.side.value == side]
        for side in ("home", "away")
        if (side, "players") not in removed
    ]


@pytest.mark.parametrize(
    ("damage", "field", "reason"),
    [
        (lambda d: d.pop("home"), "home", "missing (expected the matchCentreData object itself"),
        (lambda d: d["away"].pop("name"), "away.name", "missing"),
        (lambda d: d["home"].update(teamId=None), "home.teamId", "missing or not an id"),
        (lambda d: d.update(events={"0": {}}), "events", "expected list, got dict"),
        (lambda d: d.update(ftScore="", score=None), "ftScore", "no score (neither ftScore nor score"),
        (lambda d: d.update(startTime="soon", startDate=None), "startTime", "missing or not an ISO date"),
    ],
    ids=["no home team", "no away name", "no team id", "events not a list", "no score", "no kick-off"],
)
def test_structural_damage_is_rejected_naming_the_file_and_the_path(damage: Any, field: str, reason: str) -> None:
    document = _document(WHOSCORED)
    damage(document)
    with pytest.raises(ParseError) as info:
        _parse(document, "1903228.json")
    assert "1903228.json" in info.value.path
    assert info.value.field == field and info.value.reason.startswith(reason)


@EXAMPLES
@given(data=st.data(), field=st.sampled_from(SHOT_ESSENTIALS))
def test_fotmob_shots_that_cannot_be_read_are_dropped_and_cost_completeness(data: st.DataObject, field: str) -> None:
    baseline = _baseline(FOTMOB)
    document = _document(FOTMOB)
    shots = document["content"]["shotmap"]["shots"]
    indices = data.draw(st.sets(st.integers(0, len(shots) - 1), min_size=1, max_size=5))
    for i in indices:
        shots[i][field] = None
    # a goal is known to be lost only while the dropped shot still says it was one
    goals = sum(shots[i]["eventType"] == "Goal" for i in indices)
    parsed = _parse(document, "4535454.json")
    assert parsed.shots == tuple(s for i, s in enumerate(baseline.shots) if i not in indices)
    assert parsed.warnings == (
        ParseWarning(field=f"content.shotmap.shots[].{field}", count=len(indices), reason="missing"),
    )
    touched = ", ".join(
        f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in (("goal", goals), ("shot", len(indices))) if n
    )
    assert parsed.match.completeness.reasons == (f"unreadable items dropped that touch {touched}",)
    assert (parsed.match.score, parsed.lineups, parsed.team_stats) == (
        baseline.match.score,
        baseline.lineups,
        baseline.team_stats,
    )


@EXAMPLES
@given(seed=st.integers(0, 2**32), floats=st.booleans())
def test_fotmob_reordered_keys_and_float_ids_change_nothing(seed: int, floats: bool) -> None:
    document = _document(FOTMOB)
    if floats:
        document = _floats(document, frozenset({"id", "teamId", "playerId"}))
    shuffled = _shuffled(document, random.Random(seed))
    assert _without_file(_parse(shuffled, "4535454.json")) == _without_file(_baseline(FOTMOB))


BLOCK_REASONS = {
    ("content", "lineup"): "no lineups in file",
    ("content", "stats"): "no team stats in file",
    ("content", "shotmap"): "no shot map in file",
}


@EXAMPLES
@given(blocks=st.sets(st.sampled_from([*BLOCK_REASONS, ("content", "matchFacts"), ("general", "coverageLevel")])))
def test_fotmob_missing_optional_blocks_parse_and_say_what_is_missing(blocks: set[tuple[str, str]]) -> None:
    baseline = _baseline(FOTMOB)
    document = _document(FOTMOB)
    for parent, key in blocks:
        document[parent].pop(key)
    parsed = _parse(document, "4535454.json")
    assert (parsed.match.home.name, parsed.match.score.final) == (baseline.match.home.name, baseline.match.score.final)
    assert parsed.match.completeness.reasons == tuple(BLOCK_REASONS[b] for b in BLOCK_REASONS if b in blocks)
    assert len(parsed.shots) == (0 if ("content", "shotmap") in blocks else len(baseline.shots))
    assert parsed.warnings == ()


def test_the_2016_page_forms_of_kickoff_and_referee_are_read() -> None:
    """WhoScored pages of 2016 write ``startTime`` month first and name the referee in ``refereeName``."""
    document = _document(WHOSCORED)
    document.update(startTime="11/23/2025 17:30:00", startDate="11/23/2025 00:00:00", refereeName="Michael Oliver")
    del document["referee"]
    match = _parse(document, "1903228.json").match
    assert (match.kickoff, match.referee) == (_baseline(WHOSCORED).match.kickoff, "Michael Oliver")
    assert match.kickoff.isoformat() == "2025-11-23T17:30:00"


def test_a_shot_map_without_xg_keeps_its_shots_and_says_none() -> None:
    """Competitions FotMob covers below "xG" give shots without expectedGoals: xG is unknown, not zero."""
    baseline = _baseline(FOTMOB)
    document = _document(FOTMOB)
    for shot in document["content"]["shotmap"]["shots"]:
        del shot["expectedGoals"], shot["expectedGoalsOnTarget"]
    parsed = _parse(document, "4535454.json")
    assert [s.model_copy(update={"xg": None, "xgot": None, "xg_source": None}) for s in baseline.shots] == list(
        parsed.shots
    )
    assert {s.xg for s in parsed.shots} == {None} and parsed.match.completeness.complete
