"""FotMob ``matchDetails`` JSON -> contracts.

FotMob's field names and quirks stay here (the shot-map CSV parser reuses ``fotmob_shot``). What the
real files showed:

* Shot ``x`` (0-105) and ``y`` (0-68) are metres with every shot drawn towards x = 105, and ``y`` runs
  the same way as WhoScored's ``y`` after ``to_metres``: on the six matches both providers hold, the
  same shot lies about 1 m apart. So the coordinates go into the contract unchanged.
* An own goal carries the ``teamId`` of the player who put the ball in his own net and is drawn at his
  own goal (x about 5): ``side`` is his team, the goal counts for the opponent (``benefiting_side``).
  FotMob's team stats do not count it as a shot on target, and neither do we.
* ``isBlocked`` marks a shot blocked by an outfield player even when ``isOnTarget`` is also set: such
  shots have no xGOT and FotMob's own "Shots on target" leaves them out (checked on every file).
* FotMob names a few situations and body parts differently from WhoScored; they are mapped to
  WhoScored's names (checked shot by shot on the linked matches) so both sources share one vocabulary.

Completeness: ``complete`` says whether the file holds everything FotMob publishes for a played match
(a finished status, lineups, team stats, a shot map). A match FotMob covers only at ``coverageLevel``
"ratings" has no shot map, so it is marked incomplete with the reason "no shot map (coverage: ratings)":
its score, lineups and team stats are sound, but nothing may read its shots or xG as zero.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
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
    Shot,
    Side,
    Source,
    Team,
    TeamStat,
)
from football_rag.data.errors import ParseError
from football_rag.data.parsers.raw_file import RawFile
from football_rag.data.parsers.season import season_of

PARSER_VERSION = "fotmob/1"
FULL_COVERAGE = "xG"
# (outcome, on target) by FotMob ``eventType``; a blocked or own-goal shot is decided before this.
SHOT_OUTCOMES = {
    "Goal": ("goal", True),
    "AttemptSaved": ("saved", True),
    "Miss": ("miss", False),
    "Post": ("post", False),
}
SITUATION_NAMES = {"FreeKick": "DirectFreekick", "ThrowInSetPiece": "ThrowinSetPiece"}
BODY_PART_NAMES = {"Header": "Head", "OtherBodyParts": "OtherBodyPart"}
REGULAR_PERIODS = {"FirstHalf": 1, "SecondHalf": 2}
EXTRA_TIME_FIRST_HALF_END = 105
# FotMob's ``usualPlayingPositionId``: the player's usual line (FotMob names no in-match role).
POSITION_GROUPS = {0: "GK", 1: "DF", 2: "MF", 3: "FW"}
SEASON_RANGE = re.compile(r"(\d{4})\s*[/-]\s*(\d{4}|\d{2})")
LEADING_NUMBER = re.compile(r"\s*(-?\d+(?:\.\d+)?)")

T = TypeVar("T")


class FotMobObject:
    """One object of a FotMob file with typed access; every failure names the file and the field."""

    def __init__(self, path: Path, value: Any, where: str) -> None:
        if not isinstance(value, Mapping):
            raise ParseError(str(path), f"expected an object, got {_kind(value)}", where or None)
        self.path = path
        self.value = value
        self.where = where

    def at(self, key: str) -> str:
        """Return the dotted location of ``key`` in the file."""
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, reason: str) -> ParseError:
        return ParseError(str(self.path), reason, self.at(key))

    def optional(self, key: str, kind: type[T]) -> T | None:
        """Return the value of ``key`` (an int is accepted as a float), ``None`` when absent or null."""
        value = self.value.get(key)
        if value is None:
            return None
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(key, f"expected {kind.__name__}, got {_kind(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(key, f"not a finite number ({value})")
        return value

    def require(self, key: str, kind: type[T]) -> T:
        """Return the value of ``key``; raise ``ParseError`` when it is absent, null or of another type."""
        value = self.optional(key, kind)
        if value is None:
            raise self.fail(key, "missing")
        return value

    def flag(self, key: str) -> bool:
        """Return a boolean field; absent means false."""
        return bool(self.optional(key, bool))

    def ident(self, key: str) -> str:
        """Return an id FotMob gives as a number or a string, as a string."""
        value = self.optional_ident(key)
        if value is None:
            raise self.fail(key, "missing")
        return value

    def optional_ident(self, key: str) -> str | None:
        value = self.value.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise self.fail(key, f"expected an id, got {_kind(value)}")
        return str(value)

    def child(self, key: str) -> FotMobObject:
        """Return the object under ``key``; raise ``ParseError`` when it is absent or not an object."""
        if self.value.get(key) is None:
            raise self.fail(key, "missing")
        return FotMobObject(self.path, self.value[key], self.at(key))

    def optional_child(self, key: str) -> FotMobObject | None:
        return None if self.value.get(key) is None else self.child(key)

    def children(self, key: str) -> list[FotMobObject]:
        """Return the objects of the list under ``key``; absent or null is an empty list."""
        items = self.optional(key, list) or []
        return [FotMobObject(self.path, item, f"{self.at(key)}[{i}]") for i, item in enumerate(items)]


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def parse_fotmob(raw: RawFile, *, url: str | None = None, fetched_at: datetime | None = None) -> ParsedMatch:
    """Return the contracts for one FotMob ``matchDetails`` file; raise ``ParseError`` naming the bad field."""
    root = FotMobObject(raw.path, raw.json(), "")
    try:
        return _build(root, raw, url=url, fetched_at=fetched_at)
    except ValidationError as exc:
        raise contract_error(raw, exc) from None


def contract_error(raw: RawFile, exc: ValidationError) -> ParseError:
    """Return the ``ParseError`` for a value the contracts reject, naming the contract and its field."""
    err = exc.errors()[0]
    return ParseError(str(raw.path), err["msg"], ".".join([exc.title, *(str(part) for part in err["loc"])]))


def provenance(
    raw: RawFile, match_id: str, parser_version: str, url: str | None, fetched_at: datetime | None
) -> Provenance:
    """Return where a FotMob record came from."""
    return Provenance(
        source=Source.FOTMOB,
        source_id=match_id,
        url=url,
        fetched_at=fetched_at,
        raw_sha256=raw.sha256,
        parser_version=parser_version,
        raw_path=str(raw.path),
    )


def _build(root: FotMobObject, raw: RawFile, *, url: str | None, fetched_at: datetime | None) -> ParsedMatch:
    general = root.child("general")
    header = root.child("header")
    content = root.child("content")
    match_id = general.ident("matchId")
    home_raw, away_raw = _header_teams(header)
    sides = {home_raw.ident("id"): Side.HOME, away_raw.ident("id"): Side.AWAY}
    lineup = content.optional_child("lineup")
    line_teams = {side: _lineup_team(lineup, side, team_id) for team_id, side in sides.items()} if lineup else {}
    facts = content.optional_child("matchFacts")
    shotmap = content.optional_child("shotmap")
    shots = tuple(fotmob_shot(s, match_id, sides) for s in shotmap.children("shots")) if shotmap else ()
    stats = content.optional_child("stats")
    status = _status(header.child("status"))
    lineups = [entry for side, team in line_teams.items() for entry in _lineups(team, match_id, side, facts)]
    match = Match(
        source=Source.FOTMOB,
        match_id=match_id,
        ids={Source.FOTMOB.value: match_id},
        **_match_facts(general, header, facts),
        home=_team(home_raw, Side.HOME, line_teams.get(Side.HOME)),
        away=_team(away_raw, Side.AWAY, line_teams.get(Side.AWAY)),
        score=_scores(header, home_raw, away_raw, facts),
        status=status,
        completeness=_completeness(status, general, lineup, stats, shotmap, shots),
        provenance=provenance(raw, match_id, PARSER_VERSION, url, fetched_at),
    )
    return ParsedMatch(
        match=match,
        shots=shots,
        lineups=tuple(lineups),
        formations=tuple(
            _formation(team, side, match_id, lineups)
            for side, team in line_teams.items()
            if team.value.get("formation")
        ),
        team_stats=tuple(_team_stats(stats, match_id)) if stats else (),
    )


def _header_teams(header: FotMobObject) -> tuple[FotMobObject, FotMobObject]:
    teams = header.children("teams")
    if len(teams) != 2:
        raise header.fail("teams", f"expected the home and the away team, got {len(teams)} teams")
    return teams[0], teams[1]


def _lineup_team(lineup: FotMobObject, side: Side, team_id: str) -> FotMobObject:
    team = lineup.child(f"{side.value}Team")
    if team.ident("id") != team_id:
        raise team.fail("id", f"{team.ident('id')} is not the header's {side.value} team {team_id}")
    return team


def _match_facts(general: FotMobObject, header: FotMobObject, facts: FotMobObject | None) -> dict[str, Any]:
    """Return the Match fields about when, where and under whom the match was played."""
    kickoff = _kickoff(general, header)
    info = facts.optional_child("infoBox") if facts else None
    tournament = info.optional_child("Tournament") if info else None
    stadium = info.optional_child("Stadium") if info else None
    referee = info.optional_child("Referee") if info else None
    season = general.optional("parentLeagueSeason", str) or (
        tournament.optional("selectedSeason", str) if tournament else None
    )
    return {
        "competition": general.optional("leagueName", str),
        "season": _season(season, kickoff.date()),
        "round": general.optional("matchRound", str),
        "kickoff": kickoff,
        "date": kickoff.date(),
        "venue": stadium.optional("name", str) if stadium else None,
        "attendance": info.optional("Attendance", int) if info else None,
        "referee": referee.optional("text", str) if referee else None,
    }


def _kickoff(general: FotMobObject, header: FotMobObject) -> datetime:
    status = header.child("status")
    owner, key = (general, "matchTimeUTCDate") if general.value.get("matchTimeUTCDate") else (status, "utcTime")
    try:
        return datetime.fromisoformat(owner.require(key, str))
    except ValueError:
        raise owner.fail(key, "not an ISO date-time") from None


def _season(text: str | None, day: date) -> str:
    """Return FotMob's season as "YYYY/YYYY" (a one-year season stays "YYYY"); derived from the date if absent."""
    found = SEASON_RANGE.fullmatch(text.strip()) if text else None
    if found:
        start, end = found.groups()
        return f"{start}/{end if len(end) == 4 else int(start) + 1}"
    if text and text.strip().isdigit() and len(text.strip()) == 4:
        return text.strip()
    return season_of(day)


def _team(team: FotMobObject, side: Side, line_team: FotMobObject | None) -> Team:
    coach = line_team.optional_child("coach") if line_team else None
    return Team(
        team_id=team.ident("id"),
        name=team.require("name", str),
        side=side,
        manager=coach.optional("name", str) if coach else None,
    )


def _scores(header: FotMobObject, home: FotMobObject, away: FotMobObject, facts: FotMobObject | None) -> MatchScore:
    """Return the scores: the header's is the final one, the timeline's "Half" events give HT (and 90')."""
    final = Score(home=home.require("score", int), away=away.require("score", int))
    at_minute = _half_scores(facts)
    halfs = header.child("status").optional_child("halfs")
    if not (halfs and halfs.optional("firstExtraHalfStarted", str)):
        return MatchScore(halftime=at_minute.get(45), fulltime=final)
    if 90 not in at_minute:
        raise header.fail("status.halfs", "extra time was played but the timeline has no score at 90 minutes")
    return MatchScore(halftime=at_minute.get(45), fulltime=at_minute[90], extra_time=final)


def _half_scores(facts: FotMobObject | None) -> dict[int, Score]:
    """Return the score at each end of a period (45, 90, ...) from the match timeline."""
    timeline = facts.optional_child("events") if facts else None
    events = timeline.children("events") if timeline else []
    return {
        e.require("time", int): Score(home=e.require("homeScore", int), away=e.require("awayScore", int))
        for e in events
        if e.optional("type", str) == "Half"
    }


def _status(status: FotMobObject) -> str:
    for flag in ("cancelled", "awarded", "finished"):
        if status.flag(flag):
            return flag
    return "in progress" if status.flag("started") else "not started"


def _completeness(
    status: str,
    general: FotMobObject,
    lineup: FotMobObject | None,
    stats: FotMobObject | None,
    shotmap: FotMobObject | None,
    shots: tuple[Shot, ...],
) -> Completeness:
    """Say what a played match's file lacks: see the module docstring for the shot-map rule."""
    reasons = []
    if status != FINISHED:
        reasons.append(f"match {status} when captured")
    if lineup is None:
        reasons.append("no lineups in file")
    if stats is None:
        reasons.append("no team stats in file")
    coverage = general.optional("coverageLevel", str)
    if shotmap is None or shotmap.value.get("shots") is None:
        reasons.append("no shot map in file")
    elif not shots and coverage != FULL_COVERAGE:
        reasons.append(f"no shot map (coverage: {coverage or 'unknown'})")
    return Completeness(complete=not reasons, reasons=tuple(reasons))


def fotmob_shot(shot: FotMobObject, match_id: str, sides: Mapping[str, Side]) -> Shot:
    """Return one FotMob shot-map item as a ``Shot`` (pitch metres, the shooter attacking x = 105)."""
    team_id = shot.ident("teamId")
    if team_id not in sides:
        raise shot.fail("teamId", f"{team_id} is neither the home nor the away team")
    minute = shot.require("min", int)
    event = shot.require("eventType", str)
    if event not in SHOT_OUTCOMES:
        raise shot.fail("eventType", f"unknown shot event {event!r}")
    own_goal = shot.flag("isOwnGoal")
    blocked = event != "Goal" and shot.flag("isBlocked")
    outcome, on_target = ("blocked", False) if blocked else SHOT_OUTCOMES[event]
    situation = shot.optional("situation", str)
    body_part = shot.optional("shotType", str)
    xg = shot.optional("expectedGoals", float)
    return Shot(
        match_id=match_id,
        shot_id=shot.ident("id"),
        source=Source.FOTMOB,
        side=sides[team_id],
        team_id=team_id,
        player_id=shot.optional_ident("playerId"),
        player_name=shot.optional("playerName", str),
        period=_period(shot, minute),
        minute=minute,
        minute_added=shot.optional("minAdded", int),
        x=round(shot.require("x", float), 2),
        y=round(shot.require("y", float), 2),
        xg=xg,
        xgot=shot.optional("expectedGoalsOnTarget", float),
        xg_source=Source.FOTMOB.value if xg is not None else None,
        situation=SITUATION_NAMES.get(situation, situation) if situation else None,
        shot_type=BODY_PART_NAMES.get(body_part, body_part) if body_part else None,
        outcome=outcome,
        on_target=on_target and not own_goal,
        blocked=blocked,
        is_goal=event == "Goal",
        own_goal=own_goal,
        penalty=situation == "Penalty",
    )


def _period(shot: FotMobObject, minute: int) -> int:
    """Return the period number; extra-time names are not in our files, so any such name goes by minute."""
    name = shot.require("period", str)
    if name in REGULAR_PERIODS:
        return REGULAR_PERIODS[name]
    if "extra" in name.lower():
        return 3 if minute <= EXTRA_TIME_FIRST_HALF_END else 4
    raise shot.fail("period", f"unknown period {name!r}")


def _lineups(team: FotMobObject, match_id: str, side: Side, facts: FotMobObject | None) -> list[LineupEntry]:
    best = facts.optional_child("playerOfTheMatch") if facts else None
    best_id = best.optional_ident("id") if best else None
    team_id = team.ident("id")
    return [
        _lineup_entry(player, match_id, side, team_id, starter=group == "starters", best_id=best_id)
        for group in ("starters", "subs")
        for player in team.children(group)
    ]


def _lineup_entry(
    player: FotMobObject, match_id: str, side: Side, team_id: str, *, starter: bool, best_id: str | None
) -> LineupEntry:
    player_id = player.ident("id")
    performance = player.optional_child("performance")
    changes = {
        change.require("type", str): change.require("time", int)
        for change in (performance.children("substitutionEvents") if performance else [])
    }
    return LineupEntry(
        match_id=match_id,
        side=side,
        team_id=team_id,
        player_id=player_id,
        name=player.require("name", str),
        shirt_number=_shirt_number(player),
        position=_position(player),
        starter=starter,
        minute_on=0 if starter else changes.get("subIn"),
        minute_off=changes.get("subOut"),
        captain=player.flag("isCaptain"),
        rating=performance.optional("rating", float) if performance else None,
        man_of_the_match=(performance.flag("playerOfTheMatch") if performance else False) or player_id == best_id,
    )


def _position(player: FotMobObject) -> str | None:
    usual = player.optional("usualPlayingPositionId", int)
    return None if usual is None else POSITION_GROUPS.get(usual)


def _shirt_number(player: FotMobObject) -> int | None:
    """FotMob gives the shirt number as text ("18"); anything but digits means no number."""
    value = player.value.get("shirtNumber")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _formation(team: FotMobObject, side: Side, match_id: str, lineups: list[LineupEntry]) -> FormationSpell:
    """FotMob gives only the starting formation: one spell from kick-off."""
    starters = [e for e in lineups if e.side is side and e.starter]
    numbers = tuple(e.shirt_number for e in starters if e.shirt_number is not None)
    return FormationSpell(
        match_id=match_id,
        side=side,
        team_id=team.ident("id"),
        formation=team.require("formation", str),
        start_minute=0,
        captain_player_id=next((e.player_id for e in starters if e.captain), None),
        player_ids=tuple(e.player_id for e in starters),
        shirt_numbers=numbers if len(numbers) == len(starters) else (),
    )


def _team_stats(stats: FotMobObject, match_id: str) -> list[TeamStat]:
    """Return each whole-match statistic once per side (FotMob repeats some under "Top stats")."""
    rows: list[TeamStat] = []
    seen: set[str] = set()
    for group in stats.child("Periods").child("All").children("stats"):
        for item in group.children("stats"):
            key = item.require("key", str)
            values = item.optional("stats", list) or []
            if key in seen or item.optional("type", str) == "title":
                continue
            if len(values) != 2:
                raise item.fail("stats", f"expected a home and an away value, got {len(values)}")
            seen.add(key)
            label = item.optional("title", str)
            rows += [
                _team_stat(item, match_id, side, key, label, v)
                for side, v in zip((Side.HOME, Side.AWAY), values, strict=True)
            ]
    return rows


def _team_stat(item: FotMobObject, match_id: str, side: Side, key: str, label: str | None, raw: Any) -> TeamStat:
    """A number stays a number; text like "501 (84%)" is kept and its leading number becomes the value."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | None):
        raise item.fail("stats", f"expected numbers or text, got {_kind(raw)}")
    value, text = (float(raw), None) if isinstance(raw, int | float) else (None, raw)
    if text is not None:
        leading = LEADING_NUMBER.match(text)
        value = float(leading.group(1)) if leading else None
        text = None if leading and leading.end() == len(text.rstrip()) else text
    return TeamStat(match_id=match_id, source=Source.FOTMOB, side=side, key=key, label=label, value=value, text=text)
