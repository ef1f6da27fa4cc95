"""WhoScored match-centre data (Opta events) -> contracts.

Shapes met in the wild: the bare ``matchCentreData`` object, a wrapper ``{"matchId", "matchCentreData",
...}``, either gzipped, and a whole saved match page where the object sits in a JavaScript literal
with unquoted keys. WhoScored's ids and field names stay in this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from football_rag.data.contracts import (
    FINISHED,
    Completeness,
    FormationSpell,
    LineupEntry,
    Match,
    MatchScore,
    ParsedMatch,
    Provenance,
    Score,
    Side,
    Source,
    Team,
    TeamStat,
)
from football_rag.data.coordinates import CoordinateSystem, to_metres
from football_rag.data.errors import ParseError
from football_rag.data.parsers.raw_file import RawFile
from football_rag.data.parsers.season import season_of

PARSER_VERSION = "whoscored/1"
SHOT_OUTCOMES = {13: "miss", 14: "post", 15: "saved", 16: "goal"}
SITUATIONS = ("Penalty", "DirectFreekick", "FromCorner", "ThrowinSetPiece", "SetPiece", "FastBreak", "RegularPlay")
BODY_PARTS = ("Head", "RightFoot", "LeftFoot", "OtherBodyPart")
CARD_QUALIFIERS = {"Yellow": "yellow", "SecondYellow": "second_yellow", "Red": "red"}
FINISHED_STATUS = 6
CARD_TYPE, GOAL_TYPE, SAVED_SHOT_TYPE, END_TYPE = 17, 16, 15, 30
ARGS_MARKER = 'require.config.params["args"]'
BREADCRUMB = re.compile(r'breadcrumb-nav".*?<a [^>]*>\s*([^<]+?)\s*-\s*(\d{4}/\d{4})\s*</a>', re.S)
LITERAL_KEY = re.compile(r"\s*,?\s*([A-Za-z_$][\w$]*)\s*:\s*")

T = TypeVar("T")


class _Document:
    """The match-centre object plus what the wrapper or page adds, with field paths for errors."""

    def __init__(self, raw: RawFile, centre: Mapping[str, Any], match_id: str | None, page_meta: dict[str, str]):
        self.raw = raw
        self.centre = centre
        self.match_id = match_id
        self.page_meta = page_meta

    def fail(self, field: str, reason: str) -> ParseError:
        return ParseError(str(self.raw.path), reason, field)

    def section(self, mapping: Mapping[str, Any], key: str, path: str, kind: type[T]) -> T:
        value = mapping.get(key) if isinstance(mapping, Mapping) else None
        if value is None:
            raise self.fail(path, "missing")
        if not isinstance(value, kind):
            raise self.fail(path, f"expected {kind.__name__}, got {type(value).__name__}")
        return value


def parse_whoscored(
    raw: RawFile, *, html: bool, url: str | None = None, fetched_at: datetime | None = None
) -> ParsedMatch:
    """Return the contracts for one WhoScored file; raise ``ParseError`` naming the bad field."""
    doc = _page_document(raw) if html else _json_document(raw)
    try:
        return _build(doc, url=url, fetched_at=fetched_at)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise doc.fail(_field_path(err["loc"]), err["msg"]) from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise ParseError(str(raw.path), f"malformed match-centre data: {exc!r}") from None


def _field_path(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as ``events[12].x``."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def _json_document(raw: RawFile) -> _Document:
    data = raw.json()
    if not isinstance(data, dict):
        raise ParseError(str(raw.path), f"expected a JSON object, got {type(data).__name__}")
    if "matchCentreData" in data:
        centre = data["matchCentreData"]
        if not isinstance(centre, dict):
            raise ParseError(str(raw.path), "expected an object", "matchCentreData")
        match_id = data.get("matchId")
        return _Document(raw, centre, str(match_id) if match_id not in (None, "") else None, {})
    return _Document(raw, data, None, {})


def _page_document(raw: RawFile) -> _Document:
    """Read the ``require.config.params["args"] = {key: <json>, ...}`` literal of a saved page."""
    text = raw.text
    start = text.find(ARGS_MARKER)
    brace = text.find("{", start)
    if start < 0 or brace < 0:
        raise ParseError(str(raw.path), "saved page has no match-centre data")
    values = _read_object_literal(raw, text, brace + 1)
    centre = values.get("matchCentreData")
    if not isinstance(centre, dict):
        raise ParseError(
            str(raw.path),
            "saved page holds no match-centre object (match not played or page blocked)",
            "matchCentreData",
        )
    meta: dict[str, str] = {}
    crumb = BREADCRUMB.search(text)
    if crumb:
        meta = {"competition": crumb.group(1).strip(), "season": crumb.group(2)}
    match_id = values.get("matchId")
    return _Document(raw, centre, str(match_id) if match_id is not None else None, meta)


def _read_object_literal(raw: RawFile, text: str, pos: int) -> dict[str, Any]:
    decoder = json.JSONDecoder()
    values: dict[str, Any] = {}
    while True:
        key = LITERAL_KEY.match(text, pos)
        if not key:
            return values
        try:
            values[key.group(1)], pos = decoder.raw_decode(text, key.end())
        except json.JSONDecodeError as exc:
            raise ParseError(str(raw.path), f"value is not JSON ({exc.msg})", key.group(1)) from None


def _build(doc: _Document, *, url: str | None, fetched_at: datetime | None) -> ParsedMatch:
    """Assemble plain dicts and validate them in one pydantic call (fast, and errors carry the path)."""
    centre = doc.centre
    home_raw = doc.section(centre, "home", "home", dict)
    away_raw = doc.section(centre, "away", "away", dict)
    events_raw = doc.section(centre, "events", "events", list)
    sides = {_team_id(doc, home_raw, "home"): Side.HOME, _team_id(doc, away_raw, "away"): Side.AWAY}
    match = _match(doc, home_raw, away_raw, events_raw, url=url, fetched_at=fetched_at)
    match_id = match.match_id
    names = {str(k): v for k, v in (centre.get("playerIdNameDictionary") or {}).items()}
    events = [_event(doc, i, e, match_id, sides, names) for i, e in enumerate(events_raw)]
    teams = ((home_raw, Side.HOME), (away_raw, Side.AWAY))
    return ParsedMatch.model_validate(
        {
            "match": match,
            "events": events,
            "shots": [_shot(e) for e in events if e["is_shot"]],
            "lineups": [row for team, side in teams for row in _lineups(doc, match_id, team, side)],
            "formations": [row for team, side in teams for row in _formations(match_id, team, side)],
            "team_stats": [row for team, side in teams for row in _team_stats(match_id, team, side)],
        }
    )


def _team_id(doc: _Document, team: Mapping[str, Any], side: str) -> str:
    if team.get("teamId") is None:
        raise doc.fail(f"{side}.teamId", "missing")
    return str(team["teamId"])


def _match(
    doc: _Document, home: dict, away: dict, events: list, *, url: str | None, fetched_at: datetime | None
) -> Match:
    centre = doc.centre
    kickoff = _datetime(centre.get("startTime")) or _datetime(centre.get("startDate"))
    if kickoff is None:
        raise doc.fail("startTime", "missing or not an ISO date")
    home_team = _team(doc, home, Side.HOME)
    away_team = _team(doc, away, Side.AWAY)
    match_id = doc.match_id or _stem_id(doc, kickoff.date(), home_team.name, away_team.name)
    referee = centre.get("referee")
    return Match(
        source=Source.WHOSCORED,
        match_id=match_id,
        ids={Source.WHOSCORED.value: match_id},
        competition=doc.page_meta.get("competition"),
        season=doc.page_meta.get("season") or season_of(kickoff.date()),
        kickoff=kickoff,
        date=kickoff.date(),
        venue=centre.get("venueName") or None,
        attendance=centre.get("attendance") or None,
        referee=(referee.get("name") if isinstance(referee, dict) else referee) or None,
        home=home_team,
        away=away_team,
        score=_scores(doc),
        status=_status(centre),
        completeness=_completeness(centre, events),
        provenance=Provenance(
            source=Source.WHOSCORED,
            source_id=match_id,
            url=url,
            fetched_at=fetched_at,
            raw_sha256=doc.raw.sha256,
            parser_version=PARSER_VERSION,
            raw_path=str(doc.raw.path),
        ),
    )


def _stem_id(doc: _Document, day: date, home: str, away: str) -> str:
    """A bare object carries no match id: use the file's numeric name, else date and teams."""
    stem = doc.raw.path.name.split(".")[0]
    return stem if stem.isdigit() else f"{day.isoformat()}_{home}_vs_{away}".replace(" ", "-")


def _team(doc: _Document, team: dict, side: Side) -> Team:
    name = team.get("name")
    if not isinstance(name, str) or not name:
        raise doc.fail(f"{side.value}.name", "missing")
    return Team(
        team_id=_team_id(doc, team, side.value),
        name=name,
        side=side,
        manager=team.get("managerName") or None,
        country=team.get("countryName") or None,
    )


def _score(text: Any) -> Score | None:
    """Parse WhoScored's ``"4 : 2"``; empty means not reached."""
    if not isinstance(text, str) or ":" not in text:
        return None
    home, away = (part.strip() for part in text.split(":", 1))
    return Score(home=int(home), away=int(away))


def _scores(doc: _Document) -> MatchScore:
    centre = doc.centre
    fulltime = _score(centre.get("ftScore")) or _score(centre.get("score"))
    if fulltime is None:
        raise doc.fail("ftScore", "no score (neither ftScore nor score)")
    return MatchScore(
        halftime=_score(centre.get("htScore")),
        fulltime=fulltime,
        extra_time=_score(centre.get("etScore")),
        penalties=_score(centre.get("pkScore")),
    )


def _status(centre: Mapping[str, Any]) -> str:
    if centre.get("statusCode") == FINISHED_STATUS:
        return FINISHED
    elapsed = centre.get("elapsed")
    return f"in progress ({elapsed})" if elapsed else f"status code {centre.get('statusCode')}"


def _completeness(centre: Mapping[str, Any], events: list) -> Completeness:
    """A capture is complete when the match finished and its events reach the last period's end."""
    reasons: list[str] = []
    if centre.get("statusCode") != FINISHED_STATUS:
        reasons.append(
            f"match not finished when captured (status {centre.get('statusCode')}, elapsed {centre.get('elapsed')!r})"
        )
    last_minute = max(
        (e.get("expandedMinute") or e.get("minute") or 0 for e in events if isinstance(e, dict)), default=0
    )
    end_periods = {
        e["period"]["value"] for e in events if isinstance(e, dict) and e.get("type", {}).get("value") == END_TYPE
    }
    max_period = centre.get("maxPeriod") or 2
    if not all(p in end_periods for p in range(1, min(max_period, 2) + 1)):
        reasons.append(f"events stop at minute {last_minute}: no end-of-period event for every half")
    return Completeness(complete=not reasons, reasons=tuple(reasons))


def _datetime(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _qualifiers(items: Iterable[dict]) -> dict[str, str | None]:
    return {q["type"]["displayName"]: q.get("value") for q in items}


def _event(doc: _Document, index: int, e: Any, match_id: str, sides: dict[str, Side], names: dict[str, str]) -> dict:
    """Return one event as a dict in the ``Event`` contract's shape."""
    path = f"events[{index}]"
    if not isinstance(e, dict):
        raise doc.fail(path, f"expected an object, got {type(e).__name__}")
    team_id = str(e.get("teamId"))
    if team_id not in sides:
        raise doc.fail(f"{path}.teamId", f"{e.get('teamId')!r} is neither the home nor the away team")
    for key in ("type", "period"):
        if not isinstance(e.get(key), dict):
            raise doc.fail(f"{path}.{key}", "missing or not an object")
    qualifiers = e.get("qualifiers") or []
    if not isinstance(qualifiers, list):
        raise doc.fail(f"{path}.qualifiers", "expected a list")
    qualifiers_by_name = _qualifiers(qualifiers)
    player_id = _str_id(e.get("playerId"))
    outcome = (e.get("outcomeType") or {}).get("value")
    type_id = e["type"]["value"]
    return {
        "match_id": match_id,
        "event_id": e.get("eventId"),
        "source_event_id": _str_id(e.get("id")),
        "type_id": type_id,
        "type": e["type"].get("displayName"),
        "outcome": None if outcome is None else outcome == 1,
        "period": e["period"].get("value"),
        "period_name": e["period"].get("displayName"),
        "minute": e.get("minute", 0),
        "second": e.get("second"),
        "expanded_minute": e.get("expandedMinute"),
        "team_id": team_id,
        "side": sides[team_id],
        "player_id": player_id,
        "player_name": names.get(player_id) if player_id else None,
        "x": e.get("x"),
        "y": e.get("y"),
        "end_x": e.get("endX"),
        "end_y": e.get("endY"),
        "related_event_id": e.get("relatedEventId"),
        "related_player_id": _str_id(e.get("relatedPlayerId")),
        "qualifiers": qualifiers_by_name,
        "satisfied_event_types": e.get("satisfiedEventsTypes") or (),
        "is_touch": bool(e.get("isTouch")),
        "is_shot": bool(e.get("isShot")),
        "is_goal": bool(e.get("isGoal")),
        "is_own_goal": bool(e.get("isOwnGoal")) or "OwnGoal" in qualifiers_by_name,
        "card": _card(type_id, qualifiers_by_name),
    }


def _card(type_id: int, qualifiers: Mapping[str, str | None]) -> str | None:
    if type_id != CARD_TYPE:
        return None
    return next((CARD_QUALIFIERS[n] for n in qualifiers if n in CARD_QUALIFIERS), None)


def _str_id(value: Any) -> str | None:
    """Ids arrive as ints or floats (``2835175299.0``); keep them as integer strings."""
    if value is None or value == "":
        return None
    return str(int(value)) if isinstance(value, float) else str(value)


def _first(names: Mapping[str, str | None], options: tuple[str, ...]) -> str | None:
    return next((o for o in options if o in names), None)


def _shot(e: dict) -> dict:
    """A shot event as a ``Shot`` dict, in metres (Opta 0-100 converted once, here)."""
    names = e["qualifiers"]
    x, y = to_metres(e["x"] or 0.0, e["y"] or 0.0, CoordinateSystem.OPTA)
    # Opta counts a shot a defender blocks on the goal line ("SavedOffline") as saved and on target.
    blocked = "Blocked" in names and "SavedOffline" not in names
    type_id = e["type_id"]
    return {
        "match_id": e["match_id"],
        "shot_id": e["source_event_id"] or str(e["event_id"]),
        "source": Source.WHOSCORED,
        "side": e["side"],
        "team_id": e["team_id"],
        "player_id": e["player_id"],
        "player_name": e["player_name"],
        "period": e["period"],
        "minute": e["minute"],
        "x": round(x, 2),
        "y": round(y, 2),
        "situation": _first(names, SITUATIONS),
        "shot_type": _first(names, BODY_PARTS),
        "outcome": "blocked" if blocked else SHOT_OUTCOMES.get(type_id, str(e["type"]).lower()),
        # an own goal is not a shot on target (FotMob and WhoScored stats agree on that)
        "on_target": (type_id == GOAL_TYPE and not e["is_own_goal"]) or (type_id == SAVED_SHOT_TYPE and not blocked),
        "blocked": blocked,
        "is_goal": e["is_goal"],
        "own_goal": e["is_own_goal"],
        "big_chance": "BigChance" in names,
        "penalty": "Penalty" in names,
    }


def _lineups(doc: _Document, match_id: str, team: dict, side: Side) -> list[LineupEntry]:
    players = team.get("players") or []
    if not isinstance(players, list):
        raise doc.fail(f"{side.value}.players", "expected a list")
    captains = {str(f.get("captainPlayerId")) for f in team.get("formations") or [] if f.get("captainPlayerId")}
    first_captain = next(iter(sorted(captains)), None) if len(captains) == 1 else _first_captain(team)
    entries = []
    for i, p in enumerate(players):
        if not isinstance(p, dict) or p.get("playerId") is None:
            raise doc.fail(f"{side.value}.players[{i}].playerId", "missing")
        starter = bool(p.get("isFirstEleven"))
        entries.append(
            LineupEntry(
                match_id=match_id,
                side=side,
                team_id=str(team["teamId"]),
                player_id=str(p["playerId"]),
                name=p.get("name") or str(p["playerId"]),
                shirt_number=p.get("shirtNo"),
                position=p.get("position"),
                starter=starter,
                minute_on=0 if starter else p.get("subbedInExpandedMinute"),
                minute_off=p.get("subbedOutExpandedMinute"),
                captain=str(p["playerId"]) == first_captain,
                rating=_final_rating(p.get("stats") or {}),
                man_of_the_match=bool(p.get("isManOfTheMatch")),
            )
        )
    return entries


def _first_captain(team: dict) -> str | None:
    formations = team.get("formations") or []
    return str(formations[0]["captainPlayerId"]) if formations and formations[0].get("captainPlayerId") else None


def _final_rating(stats: Mapping[str, Any]) -> float | None:
    """WhoScored's rating evolves minute by minute; the last minute's value is the match rating."""
    ratings = stats.get("ratings") if isinstance(stats, Mapping) else None
    if not ratings:
        return None
    return round(float(ratings[max(ratings, key=int)]), 2)


def _formations(match_id: str, team: dict, side: Side) -> list[FormationSpell]:
    spells = []
    for f in team.get("formations") or []:
        name = str(f.get("formationName") or "")
        slots = f.get("formationSlots") or []
        # slot 0 marks a substitute on the bench; slots 1-11 are the players on the pitch
        starters = [str(pid) for pid, slot in zip(f.get("playerIds") or [], slots, strict=False) if slot]
        numbers = [n for n, slot in zip(f.get("jerseyNumbers") or [], slots, strict=False) if slot]
        spells.append(
            FormationSpell(
                match_id=match_id,
                side=side,
                team_id=str(team["teamId"]),
                formation="-".join(name) if name.isdigit() else name,
                start_minute=int(f.get("startMinuteExpanded") or 0),
                end_minute=f.get("endMinuteExpanded"),
                captain_player_id=_str_id(f.get("captainPlayerId")),
                player_ids=tuple(starters),
                shirt_numbers=tuple(numbers),
            )
        )
    return _merge_spells(spells)


def _merge_spells(spells: list[FormationSpell]) -> list[FormationSpell]:
    """WhoScored splits a spell at every substitution; join consecutive spells of one shape."""
    merged: list[FormationSpell] = []
    for spell in spells:
        if merged and merged[-1].formation == spell.formation:
            merged[-1] = merged[-1].model_copy(update={"end_minute": spell.end_minute})
        else:
            merged.append(spell)
    return merged


def _team_stats(match_id: str, team: dict, side: Side) -> list[TeamStat]:
    """WhoScored reports team counts minute by minute; the match total is their sum.

    Its per-minute percentages (``passSuccess`` ...) do not add up to a match figure, so they are
    left out; the analytics stage derives ratios from the counts.
    """
    stats = team.get("stats") or {}
    rows = []
    for key, by_minute in stats.items() if isinstance(stats, dict) else ():
        value = _stat_total(key, by_minute)
        if value is not None:
            rows.append(TeamStat(match_id=match_id, source=Source.WHOSCORED, side=side, key=key, value=value))
    return rows


def _stat_total(key: str, by_minute: Any) -> float | None:
    if key in _PER_MINUTE_RATIOS or not isinstance(by_minute, dict) or not by_minute:
        return None
    numeric = {int(k): float(v) for k, v in by_minute.items() if isinstance(v, int | float)}
    if not numeric:
        return None
    if key == "ratings":
        return round(numeric[max(numeric)], 2)
    return round(sum(numeric.values()), 2)


_PER_MINUTE_RATIOS = {"passSuccess", "aerialSuccess", "tackleSuccess", "dribbleSuccess", "throwInAccuracy"}


@cache
def satisfied_event_type_names() -> dict[int, str]:
    """Return WhoScored's name for each ``Event.satisfied_event_types`` id (e.g. 10 -> "shotsTotal").

    WhoScored classifies every event into its own stat definitions; the names come from the page's
    ``matchCentreEventTypeJson`` (extracted once into ``whoscored_event_types.json``).
    """
    table = json.loads(Path(__file__).with_name("whoscored_event_types.json").read_text())
    return {int(type_id): name for type_id, name in table.items()}
