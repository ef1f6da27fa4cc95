"""WhoScored match-centre data (Opta events) -> contracts.

Shapes met in the wild (``SHAPES``): the bare ``matchCentreData`` object, a wrapper ``{"matchId",
"matchCentreData", ...}``, either gzipped, and a whole saved match page where the object sits in a
JavaScript literal with unquoted keys. WhoScored's ids and field names stay in this module.

What the files of other seasons and sites showed (``../shared/data/drift``):

* Ids arrive as ints or floats (``2835175299.0``), team ids too; all are kept as integer strings.
* ``statusCode`` is 6 on a finished page, but a page saved just after the final whistle still has 3
  with ``elapsed`` "FT" and a full-time score; a page saved during play has 3, ``elapsed`` "90+" and an
  empty ``ftScore`` (the running score is in ``score``): it is kept, marked in progress and incomplete.
* ``etScore`` can be filled ("2 : 0") when no extra time was played: extra time and a shoot-out are
  read only when the events hold their periods.
* ``referee`` may be absent; pages of 2016 name it in ``refereeName`` and write ``startTime`` as
  "01/12/2016 19:45:00" (month first), both read as well.

Tolerance: an event, player, formation or statistic that cannot be read is dropped and counted
(``ParsedMatch.warnings``); see ``football_rag.data.parsers.dropped`` for when that makes the match
incomplete. A file without its teams, score, kick-off or events list is rejected with the path.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from football_rag.data.contracts import (
    FINISHED,
    Completeness,
    Event,
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
from football_rag.data.parsers.dropped import DroppedItems, Touches, UnreadableItem
from football_rag.data.parsers.raw_file import RawFile
from football_rag.data.parsers.season import season_of

PARSER_VERSION = "whoscored/2"
# The file shapes this parser reads; anything else is rejected naming the path that does not fit.
SHAPES = {
    "whoscored_bare": "the matchCentreData object itself (home, away, events, ftScore or score, startTime)",
    "whoscored_wrapper": 'a scraper\'s wrapper {"matchId", "matchCentreData": {...}, ...} around that object',
    "whoscored_page": 'a saved match page holding the object in require.config.params["args"] = {...}',
}
SHOT_OUTCOMES = {13: "miss", 14: "post", 15: "saved", 16: "goal"}
SITUATIONS = ("Penalty", "DirectFreekick", "FromCorner", "ThrowinSetPiece", "SetPiece", "FastBreak", "RegularPlay")
BODY_PARTS = ("Head", "RightFoot", "LeftFoot", "OtherBodyPart")
CARD_QUALIFIERS = {"Yellow": "yellow", "SecondYellow": "second_yellow", "Red": "red"}
FINISHED_STATUS = 6
# ``elapsed`` of a page saved after the final whistle (with statusCode 6, or 3 before WhoScored finalised it)
FINAL_ELAPSED = frozenset({"FT", "F", "FIN"})
MONTH_FIRST = "%m/%d/%Y %H:%M:%S"  # startTime of 2016 pages ("01/12/2016 19:45:00" is 12 January)
CARD_TYPE, GOAL_TYPE, SAVED_SHOT_TYPE, END_TYPE = 17, 16, 15, 30
SHOT_TYPES = frozenset(SHOT_OUTCOMES)
EXTRA_TIME_PERIODS, SHOOTOUT_PERIOD = frozenset({3, 4}), 5
EVENTS = TypeAdapter(list[Event])
# The file's key behind each Event field, so a warning names the path in the file, not ours.
EVENT_KEYS = {
    "event_id": "eventId",
    "source_event_id": "id",
    "type_id": "type.value",
    "type": "type.displayName",
    "outcome": "outcomeType",
    "period": "period.value",
    "period_name": "period.displayName",
    "expanded_minute": "expandedMinute",
    "player_id": "playerId",
    "end_x": "endX",
    "end_y": "endY",
    "related_event_id": "relatedEventId",
    "related_player_id": "relatedPlayerId",
    "satisfied_event_types": "satisfiedEventsTypes",
    "is_touch": "isTouch",
    "is_shot": "isShot",
    "is_goal": "isGoal",
    "is_own_goal": "isOwnGoal",
}
ARGS_MARKER = 'require.config.params["args"]'
BREADCRUMB = re.compile(r'breadcrumb-nav".*?<a [^>]*>\s*([^<]+?)\s*-\s*(\d{4}/\d{4})\s*</a>', re.S)
LITERAL_KEY = re.compile(r"\s*,?\s*([A-Za-z_$][\w$]*)\s*:\s*")

T = TypeVar("T")


class _Document:
    """The match-centre object plus what the wrapper or page adds, with field paths for errors."""

    def __init__(
        self, raw: RawFile, centre: Mapping[str, Any], match_id: str | None, page_meta: dict[str, str], shape: str
    ):
        self.raw = raw
        self.centre = centre
        self.match_id = match_id
        self.page_meta = page_meta
        self.shape = shape

    def fail(self, field: str, reason: str) -> ParseError:
        """Return the error for ``field``: the file, the path in it (inside the wrapper or page) and why."""
        inside = "" if self.shape == "whoscored_bare" else "matchCentreData."
        return ParseError(str(self.raw.path), reason, f"{inside}{field}")

    def section(self, mapping: Mapping[str, Any], key: str, path: str, kind: type[T]) -> T:
        """Return a part every known shape has; its absence means a shape never seen."""
        value = mapping.get(key) if isinstance(mapping, Mapping) else None
        if value is None:
            raise self.fail(path, f"missing (expected {SHAPES[self.shape]})")
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
        match_id = _str_id(data.get("matchId")) if isinstance(data.get("matchId"), int | float | str) else None
        return _Document(raw, centre, match_id, {}, "whoscored_wrapper")
    return _Document(raw, data, None, {}, "whoscored_bare")


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
    return _Document(raw, centre, str(match_id) if match_id is not None else None, meta, "whoscored_page")


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
    """Read the parts every shape has (strict), then the items one by one (tolerant), then validate once."""
    centre = doc.centre
    home_raw = doc.section(centre, "home", "home", dict)
    away_raw = doc.section(centre, "away", "away", dict)
    events_raw = doc.section(centre, "events", "events", list)
    home, away = _team(doc, home_raw, Side.HOME), _team(doc, away_raw, Side.AWAY)
    sides = {home.team_id: Side.HOME, away.team_id: Side.AWAY}
    kickoff = _datetime(centre.get("startTime")) or _datetime(centre.get("startDate"))
    if kickoff is None:
        raise doc.fail("startTime", "missing or not an ISO date (nor is startDate)")
    match_id = doc.match_id or _stem_id(doc, kickoff.date(), home.name or "", away.name or "")
    dropped = DroppedItems()
    events = _events(events_raw, match_id, sides, _player_names(centre, dropped), dropped)
    teams = ((home_raw, home), (away_raw, away))
    lineups = [row for raw, team in teams for row in _lineups(match_id, raw, team, dropped)]
    formations = [row for raw, team in teams for row in _formations(match_id, raw, team, dropped)]
    team_stats = [row for raw, team in teams for row in _team_stats(match_id, raw, team.side, dropped)]
    match = _match(doc, home, away, kickoff, match_id, events, len(events_raw), dropped, url=url, fetched_at=fetched_at)
    return ParsedMatch.model_validate(
        {
            "match": match,
            "events": events,
            "shots": [_shot(e) for e in events if e.is_shot],
            "lineups": lineups,
            "formations": formations,
            "team_stats": team_stats,
            "warnings": dropped.warnings(),
        }
    )


def _team_id(doc: _Document, team: Mapping[str, Any], side: str) -> str:
    team_id = team.get("teamId")
    if isinstance(team_id, bool) or not isinstance(team_id, int | float | str) or team_id == "":
        raise doc.fail(f"{side}.teamId", "missing or not an id")
    return str(_str_id(team_id))


def _match(
    doc: _Document,
    home: Team,
    away: Team,
    kickoff: datetime,
    match_id: str,
    events: list[Event],
    n_events: int,
    dropped: DroppedItems,
    *,
    url: str | None,
    fetched_at: datetime | None,
) -> Match:
    centre = doc.centre
    referee = centre.get("referee")
    finished = _finished(centre)
    attendance = centre.get("attendance")
    return Match(
        source=Source.WHOSCORED,
        match_id=match_id,
        ids={Source.WHOSCORED.value: match_id},
        competition=doc.page_meta.get("competition"),
        season=doc.page_meta.get("season") or season_of(kickoff.date()),
        kickoff=kickoff,
        date=kickoff.date(),
        venue=_text(centre.get("venueName")),
        attendance=attendance
        if isinstance(attendance, int) and not isinstance(attendance, bool) and attendance
        else None,
        referee=_text(referee.get("name") if isinstance(referee, dict) else referee)
        or _text(centre.get("refereeName")),
        home=home,
        away=away,
        score=_scores(doc, events),
        status=FINISHED if finished else _status(centre),
        completeness=_completeness(centre, finished, events, n_events, dropped),
        provenance=Provenance(
            source=Source.WHOSCORED,
            source_id=match_id,
            url=url,
            fetched_at=fetched_at,
            raw_sha256=doc.raw.sha256,
            parser_version=PARSER_VERSION,
            raw_path=str(doc.raw.path),
            shape=doc.shape,
        ),
    )


def _text(value: Any) -> str | None:
    """Return a non-empty string field, else ``None`` (a field of another type is not worth a warning)."""
    return value if isinstance(value, str) and value else None


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
        manager=_text(team.get("managerName")),
        country=_text(team.get("countryName")),
    )


def _score(text: Any) -> Score | None:
    """Parse WhoScored's ``"4 : 2"``; empty (not reached) or unreadable is ``None``."""
    if not isinstance(text, str) or ":" not in text:
        return None
    home, away = (part.strip() for part in text.split(":", 1))
    return Score(home=int(home), away=int(away)) if home.isdigit() and away.isdigit() else None


def _scores(doc: _Document, events: list[Event]) -> MatchScore:
    """Return the scores; extra time and a shoot-out only when the events hold their periods (see module doc)."""
    centre = doc.centre
    fulltime = _score(centre.get("ftScore")) or _score(centre.get("score"))
    if fulltime is None:
        raise doc.fail("ftScore", "no score (neither ftScore nor score holds 'home : away')")
    periods = {e.period for e in events}
    return MatchScore(
        halftime=_score(centre.get("htScore")),
        fulltime=fulltime,
        extra_time=_score(centre.get("etScore")) if periods & EXTRA_TIME_PERIODS else None,
        penalties=_score(centre.get("pkScore")) if SHOOTOUT_PERIOD in periods else None,
    )


def _finished(centre: Mapping[str, Any]) -> bool:
    """Return whether the final whistle is in the capture (see the module docstring for status 3)."""
    if centre.get("statusCode") == FINISHED_STATUS:
        return True
    return centre.get("elapsed") in FINAL_ELAPSED and _score(centre.get("ftScore")) is not None


def _status(centre: Mapping[str, Any]) -> str:
    """Return what the page said of a match not finished when it was saved."""
    elapsed = centre.get("elapsed")
    return f"in progress ({elapsed})" if elapsed else f"status code {centre.get('statusCode')}"


def _completeness(
    centre: Mapping[str, Any], finished: bool, events: list[Event], n_events: int, dropped: DroppedItems
) -> Completeness:
    """A capture is complete when the match finished, its events reach the last period's end and
    no goal, card, shot or more than a small share of events was dropped."""
    reasons: list[str] = []
    if not finished:
        reasons.append(
            f"match not finished when captured (status {centre.get('statusCode')}, elapsed {centre.get('elapsed')!r})"
        )
    end_periods = {e.period for e in events if e.type_id == END_TYPE}
    max_period = centre.get("maxPeriod")
    halves = min(max_period, 2) if isinstance(max_period, int) and max_period > 0 else 2
    if not all(p in end_periods for p in range(1, halves + 1)):
        last_minute = max((e.expanded_minute or e.minute for e in events), default=0)
        reasons.append(f"events stop at minute {last_minute}: no end-of-period event for every half")
    reasons += dropped.incomplete_reasons(n_events)
    return Completeness(complete=not reasons, reasons=tuple(reasons))


def _datetime(value: Any) -> datetime | None:
    """Return an ISO date-time, or one in the month-first form of 2016 pages; ``None`` for anything else."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.strptime(value, MONTH_FIRST)
    except ValueError:
        return None


def _player_names(centre: Mapping[str, Any], dropped: DroppedItems) -> dict[str, str]:
    """Return ``playerIdNameDictionary`` with string keys; a dictionary of another type is dropped."""
    names = centre.get("playerIdNameDictionary") or {}
    if not isinstance(names, dict):
        dropped.drop(UnreadableItem("playerIdNameDictionary", f"expected an object, got {type(names).__name__}"))
        return {}
    return {str(k): v for k, v in names.items() if isinstance(v, str)}


def _events(
    events_raw: list, match_id: str, sides: dict[str, Side], names: dict[str, str], dropped: DroppedItems
) -> list[Event]:
    """Return the events that can be read; the others are dropped and counted.

    Every event is validated in one pydantic call (the fast path); only when that fails are the
    failing events found from the error locations, dropped, and the rest validated again.
    """
    rows: list[dict] = []
    kept: list[Any] = []
    for index, e in enumerate(events_raw):
        try:
            rows.append(_event(e, match_id, sides, names))
            kept.append(e)
        except UnreadableItem as exc:
            dropped.drop(exc.within(f"events[{index}]"), _touches(e), event=True)
    try:
        return EVENTS.validate_python(rows)
    except ValidationError as exc:
        bad: dict[int, UnreadableItem] = {}
        for err in exc.errors():
            index, name = err["loc"][0], err["loc"][1] if len(err["loc"]) > 1 else ""
            reason = "missing" if err.get("input") is None else err["msg"]
            bad.setdefault(int(index), UnreadableItem(f"events[].{EVENT_KEYS.get(str(name), name)}", reason))
        for index, error in bad.items():
            dropped.drop(error, _touches(kept[index]), event=True)
        return EVENTS.validate_python([row for i, row in enumerate(rows) if i not in bad])


def _touches(e: Any) -> frozenset[Touches]:
    """Return what a raw event is about when it matters for completeness (goal, card, shot)."""
    if not isinstance(e, dict):
        return frozenset()
    kind = e.get("type")
    type_id = kind.get("value") if isinstance(kind, dict) else None
    found = set()
    if e.get("isGoal") is True or type_id == GOAL_TYPE:
        found.add(Touches.GOAL)
    if e.get("isShot") is True or type_id in SHOT_TYPES:
        found.add(Touches.SHOT)
    if type_id == CARD_TYPE or e.get("cardType"):
        found.add(Touches.CARD)
    return frozenset(found)


def _qualifiers(items: Iterable[Any]) -> dict[str, str | None]:
    try:
        return {q["type"]["displayName"]: q.get("value") for q in items}
    except (TypeError, KeyError, AttributeError):
        raise UnreadableItem("qualifiers", "a qualifier is not {type: {displayName}, value}") from None


def _event(e: Any, match_id: str, sides: dict[str, Side], names: dict[str, str]) -> dict:
    """Return one event as a dict in the ``Event`` contract's shape; raise ``UnreadableItem`` if it is not one.

    This runs some 1,500 times a match: the error names the field inside the event only (the caller
    adds where the event sits), and ``get`` is looked up once.
    """
    if not isinstance(e, dict):
        raise UnreadableItem("", f"expected an object, got {type(e).__name__}")
    get = e.get
    raw_team = get("teamId")
    team_id = _str_id(raw_team) if isinstance(raw_team, int | float | str) else None
    side = sides.get(team_id or "")
    if side is None:
        raise UnreadableItem("teamId", "missing or neither the home nor the away team")
    kind, period = get("type"), get("period")
    if not isinstance(kind, dict) or not isinstance(period, dict):
        raise UnreadableItem("type" if not isinstance(kind, dict) else "period", "missing or not an object")
    qualifiers = get("qualifiers") or []
    if not isinstance(qualifiers, list):
        raise UnreadableItem("qualifiers", "expected a list")
    qualifiers_by_name = _qualifiers(qualifiers)
    player_id = _id_field(e, "playerId")
    outcome_type = get("outcomeType")
    outcome = outcome_type.get("value") if isinstance(outcome_type, dict) else None
    type_id = kind.get("value")
    return {
        "match_id": match_id,
        "event_id": get("eventId"),
        "source_event_id": _id_field(e, "id"),
        "type_id": type_id,
        "type": kind.get("displayName"),
        "outcome": None if outcome is None else outcome == 1,
        "period": period.get("value"),
        "period_name": period.get("displayName"),
        "minute": get("minute", 0),
        "second": get("second"),
        "expanded_minute": get("expandedMinute"),
        "team_id": team_id,
        "side": side,
        "player_id": player_id,
        "player_name": names.get(player_id) if player_id else None,
        "x": get("x"),
        "y": get("y"),
        "end_x": get("endX"),
        "end_y": get("endY"),
        "related_event_id": get("relatedEventId"),
        "related_player_id": _id_field(e, "relatedPlayerId"),
        "qualifiers": qualifiers_by_name,
        "satisfied_event_types": get("satisfiedEventsTypes") or (),
        "is_touch": bool(get("isTouch")),
        "is_shot": bool(get("isShot")),
        "is_goal": bool(get("isGoal")),
        "is_own_goal": bool(get("isOwnGoal")) or "OwnGoal" in qualifiers_by_name,
        "card": _card(type_id, qualifiers_by_name),
    }


def _id_field(item: Mapping[str, Any], key: str) -> str | None:
    """Return an id field as an integer string; a value that is no id makes the item unreadable (error at ``key``)."""
    value = item.get(key)
    kind = type(value)  # exact types, cheapest first: this runs three times an event on the hot path
    if kind is int:
        return str(value)
    if value is None:
        return None
    if kind is float and value.is_integer():
        return str(int(value))
    if kind is str:
        return value or None
    raise UnreadableItem(key, f"expected an id, got {kind.__name__}")


def _card(type_id: Any, qualifiers: Mapping[str, str | None]) -> str | None:
    if type_id != CARD_TYPE:
        return None
    return next((CARD_QUALIFIERS[n] for n in qualifiers if n in CARD_QUALIFIERS), None)


def _str_id(value: Any) -> str | None:
    """Ids arrive as ints or floats (``2835175299.0``); keep them as integer strings."""
    if value is None or value == "":
        return None
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _first(names: Mapping[str, str | None], options: tuple[str, ...]) -> str | None:
    return next((o for o in options if o in names), None)


def _shot(e: Event) -> dict:
    """A shot event as a ``Shot`` dict, in metres (Opta 0-100 converted once, here)."""
    names = e.qualifiers
    x, y = to_metres(e.x or 0.0, e.y or 0.0, CoordinateSystem.OPTA)
    # Opta counts a shot a defender blocks on the goal line ("SavedOffline") as saved and on target.
    blocked = "Blocked" in names and "SavedOffline" not in names
    type_id = e.type_id
    return {
        "match_id": e.match_id,
        "shot_id": e.source_event_id or str(e.event_id),
        "source": Source.WHOSCORED,
        "side": e.side,
        "team_id": e.team_id,
        "player_id": e.player_id,
        "player_name": e.player_name,
        "period": e.period,
        "minute": e.minute,
        "x": round(x, 2),
        "y": round(y, 2),
        "situation": _first(names, SITUATIONS),
        "shot_type": _first(names, BODY_PARTS),
        "outcome": "blocked" if blocked else SHOT_OUTCOMES.get(type_id, str(e.type).lower()),
        # an own goal is not a shot on target (FotMob and WhoScored stats agree on that)
        "on_target": (type_id == GOAL_TYPE and not e.is_own_goal) or (type_id == SAVED_SHOT_TYPE and not blocked),
        "blocked": blocked,
        "is_goal": e.is_goal,
        "own_goal": e.is_own_goal,
        "big_chance": "BigChance" in names,
        "penalty": "Penalty" in names,
    }


def _lineups(match_id: str, team: dict, side_team: Team, dropped: DroppedItems) -> list[LineupEntry]:
    """Return the team's players; a player who cannot be read is dropped and counted."""
    side = side_team.side
    players = team.get("players") or []
    if not isinstance(players, list):
        dropped.drop(UnreadableItem(f"{side.value}.players", f"expected a list, got {type(players).__name__}"))
        return []
    captain = _captain(team)
    entries = []
    for i, p in enumerate(players):
        path = f"{side.value}.players[{i}]"
        try:
            entries.append(_lineup_entry(match_id, p, side_team, captain))
        except UnreadableItem as exc:
            dropped.drop(exc.within(path))
        except ValidationError as exc:
            err = exc.errors()[0]
            dropped.drop(UnreadableItem(f"{path}.{_field_path(err['loc'])}", err["msg"]))
    return entries


def _lineup_entry(match_id: str, p: Any, team: Team, captain: str | None) -> LineupEntry:
    """Return one player's entry; raise ``UnreadableItem`` naming the field inside the player."""
    if not isinstance(p, dict):
        raise UnreadableItem("", f"expected an object, got {type(p).__name__}")
    player_id = _id_field(p, "playerId")
    if player_id is None:
        raise UnreadableItem("playerId", "missing")
    starter = bool(p.get("isFirstEleven"))
    stats = p.get("stats")
    return LineupEntry(
        match_id=match_id,
        side=team.side,
        team_id=team.team_id,
        player_id=player_id,
        name=_text(p.get("name")) or player_id,
        shirt_number=p.get("shirtNo"),
        position=p.get("position"),
        starter=starter,
        minute_on=0 if starter else p.get("subbedInExpandedMinute"),
        minute_off=p.get("subbedOutExpandedMinute"),
        captain=player_id == captain,
        rating=_final_rating(stats if isinstance(stats, dict) else {}),
        man_of_the_match=bool(p.get("isManOfTheMatch")),
    )


def _formation_list(team: Mapping[str, Any]) -> list[dict]:
    formations = team.get("formations") or []
    return [f for f in formations if isinstance(f, dict)] if isinstance(formations, list) else []


def _captain(team: dict) -> str | None:
    """The captain: the one named by every formation spell, else the first spell's."""
    formations = _formation_list(team)
    captains = {
        _str_id(f.get("captainPlayerId")) for f in formations if isinstance(f.get("captainPlayerId"), int | float)
    }
    if len(captains) == 1:
        return next(iter(captains))
    first = formations[0].get("captainPlayerId") if formations else None
    return _str_id(first) if isinstance(first, int | float) else None


def _final_rating(stats: Mapping[str, Any]) -> float | None:
    """WhoScored's rating evolves minute by minute; the last minute's value is the match rating."""
    ratings = stats.get("ratings")
    if not isinstance(ratings, dict) or not ratings:
        return None
    try:
        return round(float(ratings[max(ratings, key=int)]), 2)
    except (TypeError, ValueError):
        return None


def _formations(match_id: str, team: dict, side_team: Team, dropped: DroppedItems) -> list[FormationSpell]:
    """Return the team's formation spells; a spell that cannot be read is dropped and counted."""
    spells = []
    for i, f in enumerate(_formation_list(team)):
        try:
            spells.append(_formation(match_id, f, side_team))
        except (TypeError, ValueError) as exc:
            reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else f"malformed ({exc})"
            dropped.drop(UnreadableItem(f"{side_team.side.value}.formations[{i}]", reason))
    return _merge_spells(spells)


def _formation(match_id: str, f: dict, team: Team) -> FormationSpell:
    name = str(f.get("formationName") or "")
    slots = f.get("formationSlots") or []
    # slot 0 marks a substitute on the bench; slots 1-11 are the players on the pitch
    starters = [_str_id(pid) for pid, slot in zip(f.get("playerIds") or [], slots, strict=False) if slot]
    numbers = [n for n, slot in zip(f.get("jerseyNumbers") or [], slots, strict=False) if slot]
    return FormationSpell(
        match_id=match_id,
        side=team.side,
        team_id=team.team_id,
        formation="-".join(name) if name.isdigit() else name,
        start_minute=int(f.get("startMinuteExpanded") or 0),
        end_minute=f.get("endMinuteExpanded"),
        captain_player_id=_str_id(f.get("captainPlayerId")),
        player_ids=tuple(starters),
        shirt_numbers=tuple(numbers),
    )


def _merge_spells(spells: list[FormationSpell]) -> list[FormationSpell]:
    """WhoScored splits a spell at every substitution; join consecutive spells of one shape."""
    merged: list[FormationSpell] = []
    for spell in spells:
        if merged and merged[-1].formation == spell.formation:
            merged[-1] = merged[-1].model_copy(update={"end_minute": spell.end_minute})
        else:
            merged.append(spell)
    return merged


def _team_stats(match_id: str, team: dict, side: Side, dropped: DroppedItems) -> list[TeamStat]:
    """WhoScored reports team counts minute by minute; the match total is their sum.

    Its per-minute percentages (``passSuccess`` ...) do not add up to a match figure, so they are
    left out; the analytics stage derives ratios from the counts. A statistic whose minutes are not
    numbered is dropped and counted.
    """
    stats = team.get("stats") or {}
    rows = []
    for key, by_minute in stats.items() if isinstance(stats, dict) else ():
        try:
            value = _stat_total(key, by_minute)
        except ValueError:
            dropped.drop(UnreadableItem(f"{side.value}.stats.{key}", "minutes are not numbers"))
            continue
        if value is not None:
            rows.append(TeamStat(match_id=match_id, source=Source.WHOSCORED, side=side, key=key, value=value))
    return rows


def _stat_total(key: str, by_minute: Any) -> float | None:
    if key in _PER_MINUTE_RATIOS or not isinstance(by_minute, dict) or not by_minute:
        return None
    numeric = {int(k): float(v) for k, v in by_minute.items() if isinstance(v, int | float) and math.isfinite(v)}
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
