"""A FotMob shot map saved as CSV (one row per ``content.shotmap.shots[]`` item, flattened) -> contracts.

The file gives the FotMob match id, the team ids and the shots; team names (``TeamName``) and home/away
(``Venue``) only when its source filled them. It never gives the date, competition, status or lineups,
so the match is built from the shots alone: ``date`` and unknown names stay ``None``, the score is the
goals in the shot map (own goals counted for the opponent), the status is "unknown", and the match is
marked incomplete with the reason ``SHOT_MAP_ONLY``.

Home and away: the ``home_team_id`` argument when the caller knows it (e.g. after linking the shots to
another source's match), else the ``Venue`` column; when neither exists the lower FotMob team id is
put at home, and the reason ``SIDES_UNKNOWN`` says so: nothing may read those sides as real. Team ids
and shots are always the file's own.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from football_rag.data.contracts import Completeness, Match, MatchScore, ParsedMatch, Score, Shot, Side, Source, Team
from football_rag.data.errors import ParseError
from football_rag.data.parsers.fotmob import FotMobObject, contract_error, fotmob_shot, provenance
from football_rag.data.parsers.raw_file import RawFile

PARSER_VERSION = "fotmob_shotmap/1"
SHOT_MAP_ONLY = "shot map only: no match header (date, competition, status, lineups)"
SIDES_UNKNOWN = "home/away not in file: the lower FotMob team id was put at home"
NAMES_UNKNOWN = "team names not in file"
# The columns read, with the type each cell is converted to (an empty cell is null).
COLUMNS: dict[str, type] = {
    "id": int,
    "matchId": int,
    "eventType": str,
    "teamId": int,
    "TeamName": str,
    "Venue": str,
    "playerId": int,
    "playerName": str,
    "x": float,
    "y": float,
    "min": int,
    "minAdded": int,
    "period": str,
    "isBlocked": bool,
    "isOnTarget": bool,
    "isOwnGoal": bool,
    "expectedGoals": float,
    "expectedGoalsOnTarget": float,
    "shotType": str,
    "situation": str,
}
BOOLEANS = {"1": True, "0": False, "true": True, "false": False}
REGULAR_TIME = (1, 2)
EXTRA_TIME = (1, 2, 3, 4)


def parse_fotmob_shotmap(
    raw: RawFile, *, url: str | None = None, fetched_at: datetime | None = None, home_team_id: str | None = None
) -> ParsedMatch:
    """Return the match and shots of one shot-map CSV; raise ``ParseError`` naming the row and column."""
    rows = _rows(raw)
    match_id = rows[0].ident("matchId")
    for row in rows[1:]:
        if row.ident("matchId") != match_id:
            raise row.fail("matchId", f"{row.ident('matchId')} differs from the first row's {match_id}")
    try:
        return _build(raw, rows, match_id, url=url, fetched_at=fetched_at, home_team_id=home_team_id)
    except ValidationError as exc:
        raise contract_error(raw, exc) from None


def _rows(raw: RawFile) -> list[FotMobObject]:
    try:
        records = list(csv.DictReader(io.StringIO(raw.text)))
    except csv.Error as exc:
        raise ParseError(str(raw.path), f"not a readable CSV ({exc})") from None
    if not records:
        raise ParseError(str(raw.path), "no shot rows: the teams cannot be known", "rows")
    return [
        FotMobObject(raw.path, {key: _cell(raw, record, i, key, kind) for key, kind in COLUMNS.items()}, f"rows[{i}]")
        for i, record in enumerate(records)
    ]


def _cell(raw: RawFile, record: dict[str | None, Any], index: int, key: str, kind: type) -> Any:
    """Return one cell as ``kind`` (``None`` when empty or absent, as in a truncated last row)."""
    text = (record.get(key) or "").strip()
    if not text or kind is str:
        return text or None
    try:
        if kind is bool:
            return BOOLEANS[text.lower()]
        number = float(text)
        if kind is int and not number.is_integer():
            raise ValueError(text)
        return int(number) if kind is int else number
    except (ValueError, KeyError):
        raise ParseError(str(raw.path), f"{text!r} is not {kind.__name__}", f"rows[{index}].{key}") from None


def _build(
    raw: RawFile,
    rows: list[FotMobObject],
    match_id: str,
    *,
    url: str | None,
    fetched_at: datetime | None,
    home_team_id: str | None,
) -> ParsedMatch:
    names = _team_names(rows)
    home_id, sides_known = _home_team(raw, rows, names, home_team_id)
    sides = {team_id: Side.HOME if team_id == home_id else Side.AWAY for team_id in names}
    shots = tuple(fotmob_shot(row, match_id, sides) for row in rows)
    teams = {side: Team(team_id=team_id, name=names[team_id], side=side) for team_id, side in sides.items()}
    reasons = [SHOT_MAP_ONLY]
    reasons += [] if sides_known else [SIDES_UNKNOWN]
    reasons += [NAMES_UNKNOWN] if None in names.values() else []
    extra_time = any(s.period not in REGULAR_TIME for s in shots)
    match = Match(
        source=Source.FOTMOB,
        match_id=match_id,
        ids={Source.FOTMOB.value: match_id},
        date=None,
        home=teams[Side.HOME],
        away=teams[Side.AWAY],
        score=MatchScore(
            halftime=_goals(shots, (1,)),
            fulltime=_goals(shots, REGULAR_TIME),
            extra_time=_goals(shots, EXTRA_TIME) if extra_time else None,
        ),
        status="unknown",
        completeness=Completeness(complete=False, reasons=tuple(reasons)),
        provenance=provenance(raw, match_id, PARSER_VERSION, url, fetched_at, "fotmob_shotmap_csv"),
    )
    return ParsedMatch(match=match, shots=shots)


def _team_names(rows: list[FotMobObject]) -> dict[str, str | None]:
    """Return each team id in the file (in order of first shot) with its name when a row gives one."""
    names: dict[str, str | None] = {}
    for row in rows:
        team_id = row.ident("teamId")
        names[team_id] = names.get(team_id) or row.optional("TeamName", str)
    if len(names) != 2:
        raise ParseError(str(rows[0].path), f"expected shots of two teams, got team ids {sorted(names)}", "teamId")
    return names


def _home_team(
    raw: RawFile, rows: list[FotMobObject], names: dict[str, str | None], home_team_id: str | None
) -> tuple[str, bool]:
    """Return the home team's id and whether the file or the caller said so (see the module docstring)."""
    from_file = _home_by_venue(rows, names)
    if home_team_id is not None:
        if home_team_id not in names:
            raise ParseError(str(raw.path), f"home_team_id {home_team_id} is not a team of this shot map", "teamId")
        if from_file is not None and from_file != home_team_id:
            raise ParseError(str(raw.path), f"home_team_id {home_team_id} contradicts the file's Venue", "Venue")
        return home_team_id, True
    if from_file is not None:
        return from_file, True
    return min(names, key=int), False


def _home_by_venue(rows: list[FotMobObject], names: dict[str, str | None]) -> str | None:
    """Return the team the ``Venue`` column puts at home (an "Away" row names the other team)."""
    for row in rows:
        venue = row.optional("Venue", str)
        if venue == "Home":
            return row.ident("teamId")
        if venue == "Away":
            return next(team_id for team_id in names if team_id != row.ident("teamId"))
    return None


def _goals(shots: tuple[Shot, ...], periods: tuple[int, ...]) -> Score:
    """Return the goals scored in ``periods``, each credited to the side it counts for."""
    scored = [s.benefiting_side for s in shots if s.is_goal and s.period in periods]
    return Score(home=scored.count(Side.HOME), away=scored.count(Side.AWAY))
