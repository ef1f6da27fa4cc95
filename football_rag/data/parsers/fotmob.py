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

Shapes (``SHAPES``, named as in ``../shared/data/drift/manifest.csv``): the 2024-on file with lineups per
team, the 2023 file whose ``content.lineup.lineup`` is a list of teams (the per-team shape sits beside it
in ``lineup2``), and the 2020 file with no ``general`` block (ids in ``pageUrl`` and ``matchFacts``, a date
without a time, lineups in formation rows, statistics by title, no shot map). A shot map may carry no xG
(``coverageLevel`` "ratings"). Another shape is rejected with the path that does not fit and what was
expected. A shot, player or statistic that cannot be read is dropped and counted (``ParsedMatch.warnings``);
a dropped shot makes the match incomplete.

Completeness: ``complete`` says whether the file holds everything FotMob publishes for a played match
(a finished status, lineups, team stats, a shot map). A match FotMob covers only at ``coverageLevel``
"ratings" has no shot map, so it is marked incomplete with the reason "no shot map (coverage: ratings)":
its score, lineups and team stats are sound, but nothing may read its shots or xG as zero.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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
from football_rag.data.parsers.dropped import DroppedItems, Touches, UnreadableItem
from football_rag.data.parsers.raw_file import RawFile
from football_rag.data.parsers.season import season_of

PARSER_VERSION = "fotmob/2"
# The file shapes this parser reads (``Provenance.shape``); anything else is rejected naming the path.
PER_TEAM = "fotmob_matchdetails_hometeam"
LINEUP_LIST = "fotmob_matchdetails_lineup_list"
LEGACY_2020 = "fotmob_matchdetails_lineup_list_legacy2020"
SHAPES = {
    PER_TEAM: "general block; lineups in content.lineup.homeTeam/awayTeam (starters, subs); "
    "stats in content.stats.Periods.All (2024 on)",
    LINEUP_LIST: "general block; content.lineup.lineup[] a list of teams (players in formation rows) with "
    "content.lineup2 or match2Lineup in the per-team shape beside it (2023-24)",
    LEGACY_2020: "no general block: match id in content.matchFacts.matchId, date in header.status.startDateStr, "
    "header.teams without id (it is in pageUrl), content.lineup.lineup[] list, stats in content.stats.stats[], "
    "no shot map (2020)",
}
ALTERNATE_LINEUPS = ("lineup2", "match2Lineup")
LEGACY_DATE, LEGACY_DATE_EXAMPLE = "%b %d, %Y", "Sep 21, 2020"
TEAM_PAGE = re.compile(r"/teams/(\d+)/")
SHOOTOUT_PERIOD = 5
# The listed lineups' ``role``, in the groups ``usualPlayingPositionId`` gives in later files.
ROLE_GROUPS = {"Keeper": "GK", "Defender": "DF", "Midfielder": "MF", "Attacker": "FW"}
# 2020 statistic titles -> the keys later files give the same statistic (titles not here become snake_case).
LEGACY_STAT_KEYS = {
    "Ball possesion": "BallPossesion",
    "Total shots": "total_shots",
    "Big chances": "big_chance",
    "Accurate passes": "accurate_passes",
    "Fouls": "fouls",
    "Corners": "corners",
    "Offsides": "Offsides",
    "Shots on target": "ShotsOnTarget",
    "Shots off target": "ShotsOffTarget",
    "Blocked shots": "blocked_shots",
    "Shots woodwork": "shots_woodwork",
    "Inside box": "shots_inside_box",
    "Outside box": "shots_outside_box",
    "Own half": "own_half_passes",
    "Opposition half": "opposition_half_passes",
    "Passes": "passes",
    "Accurate long balls": "long_balls_accurate",
    "Duels won": "duel_won",
    "Dribbles succeeded": "dribbles_succeeded",
    "Tackled succeeded": "tackles_succeeded",
    "Aerials won": "aerials_won",
    "Interceptions": "interceptions",
    "Saves": "keeper_saves",
}
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
        """Return an id as a string, ``None`` when absent; a whole float (``4230530.0``) is the integer id."""
        value = self.value.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
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
        return [FotMobObject(self.path, item, where) for where, item in self.items(key)]

    def items(self, key: str) -> list[tuple[str, Any]]:
        """Return ``(location, value)`` of each item of the list under ``key``, to be read one by one."""
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(self.optional(key, list) or [])]


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
    raw: RawFile,
    match_id: str,
    parser_version: str,
    url: str | None,
    fetched_at: datetime | None,
    shape: str | None = None,
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
        shape=shape,
    )


@dataclass(frozen=True)
class TeamSheet:
    """One team's lineup as every lineup shape gives it: players, coach and starting formation."""

    side: Side
    team_id: str
    entries: list[LineupEntry]
    coach: str | None
    formation: str | None


def _build(root: FotMobObject, raw: RawFile, *, url: str | None, fetched_at: datetime | None) -> ParsedMatch:
    """Read the parts every shape has (strict), then shots, players and stats item by item (tolerant)."""
    general = root.optional_child("general")
    header = root.child("header")
    content = root.child("content")
    facts = content.optional_child("matchFacts")
    shape = _shape(root, general, content)
    match_id = general.ident("matchId") if general else content.child("matchFacts").ident("matchId")
    home_raw, away_raw = _header_teams(header)
    sides = {_header_team_id(home_raw): Side.HOME, _header_team_id(away_raw): Side.AWAY}
    if len(sides) != 2:
        raise header.fail("teams", "the home and the away team have the same id")
    dropped = DroppedItems()
    sheets = _team_sheets(content, sides, match_id, _best_player(facts), dropped)
    shotmap = content.optional_child("shotmap")
    shots = _shots(shotmap, match_id, sides, dropped) if shotmap else ()
    stats = content.optional_child("stats")
    status = _status(header.child("status"))
    by_side = {sheet.side: sheet for sheet in sheets}
    match = Match(
        source=Source.FOTMOB,
        match_id=match_id,
        ids={Source.FOTMOB.value: match_id},
        **_match_facts(general, header, facts),
        home=_team(home_raw, Side.HOME, by_side.get(Side.HOME)),
        away=_team(away_raw, Side.AWAY, by_side.get(Side.AWAY)),
        score=_scores(header, home_raw, away_raw, facts, shots),
        status=status,
        completeness=_completeness(status, general, bool(sheets), stats, shotmap, shots, dropped),
        provenance=provenance(raw, match_id, PARSER_VERSION, url, fetched_at, shape),
    )
    return ParsedMatch(
        match=match,
        shots=shots,
        lineups=tuple(entry for sheet in sheets for entry in sheet.entries),
        formations=tuple(_formation(sheet, match_id) for sheet in sheets if sheet.formation),
        team_stats=tuple(_team_stats(stats, match_id, dropped)) if stats else (),
        warnings=dropped.warnings(),
    )


def _shape(root: FotMobObject, general: FotMobObject | None, content: FotMobObject) -> str:
    """Return the name (in ``SHAPES``) of the file's shape; a shape never seen is a ``ParseError``."""
    lineup = content.value.get("lineup")
    listed = isinstance(lineup, Mapping) and isinstance(lineup.get("lineup"), list)
    if general is None:
        facts = content.value.get("matchFacts")
        if isinstance(facts, Mapping) and facts.get("matchId") is not None and (lineup is None or listed):
            return LEGACY_2020
        raise root.fail("general", f"missing, and the file is not of the 2020 shape either (known: {_known_shapes()})")
    return LINEUP_LIST if listed else PER_TEAM


def _known_shapes() -> str:
    return "; ".join(f"{name}: {description}" for name, description in SHAPES.items())


def _header_teams(header: FotMobObject) -> tuple[FotMobObject, FotMobObject]:
    teams = header.children("teams")
    if len(teams) != 2:
        raise header.fail("teams", f"expected the home and the away team, got {len(teams)} teams")
    return teams[0], teams[1]


def _header_team_id(team: FotMobObject) -> str:
    """Return a header team's id; the 2020 shape gives it only in ``pageUrl`` (``/teams/8602/...``)."""
    team_id = team.optional_ident("id")
    if team_id is not None:
        return team_id
    found = TEAM_PAGE.search(team.optional("pageUrl", str) or "")
    if found is None:
        raise team.fail("id", "missing, and pageUrl holds no /teams/<id>/ either")
    return found.group(1)


def _best_player(facts: FotMobObject | None) -> str | None:
    best = facts.optional_child("playerOfTheMatch") if facts else None
    return best.optional_ident("id") if best else None


def _team_sheets(
    content: FotMobObject, sides: dict[str, Side], match_id: str, best_id: str | None, dropped: DroppedItems
) -> list[TeamSheet]:
    """Return both teams' sheets from whichever lineup shape the file has (none when it has no lineup).

    The 2023 files hold a list of teams in ``lineup.lineup`` and the per-team shape of later years in
    ``lineup2`` (or ``match2Lineup``): the per-team one is read, it carries more (ratings, minutes).
    """
    lineup = content.optional_child("lineup")
    if lineup is None:
        return []
    if "homeTeam" in lineup.value:
        return [_per_team_sheet(lineup, side, team_id, match_id, best_id, dropped) for team_id, side in sides.items()]
    if not isinstance(lineup.value.get("lineup"), list):
        raise content.fail(
            "lineup",
            f"a lineup shape never seen: expected homeTeam/awayTeam or lineup[] (keys: {sorted(lineup.value)})",
        )
    for key in ALTERNATE_LINEUPS:
        alternate = content.optional_child(key)
        if alternate is not None and "homeTeam" in alternate.value:
            return [
                _per_team_sheet(alternate, side, team_id, match_id, best_id, dropped) for team_id, side in sides.items()
            ]
    teams = lineup.children("lineup")
    if len(teams) != 2:
        raise lineup.fail("lineup", f"expected the home and the away team, got {len(teams)} teams")
    return [_listed_sheet(team, sides, match_id, best_id, dropped) for team in teams]


def _per_team_sheet(
    lineup: FotMobObject, side: Side, team_id: str, match_id: str, best_id: str | None, dropped: DroppedItems
) -> TeamSheet:
    team = lineup.child(f"{side.value}Team")
    if team.ident("id") != team_id:
        raise team.fail("id", f"{team.ident('id')} is not the header's {side.value} team {team_id}")
    players = [(*item, group == "starters") for group in ("starters", "subs") for item in team.items(group)]
    coach = team.optional_child("coach")
    return TeamSheet(
        side=side,
        team_id=team_id,
        entries=_readable_players(players, _lineup_entry, match_id, side, team_id, best_id, dropped, team.path),
        coach=coach.optional("name", str) if coach else None,
        formation=team.optional("formation", str),
    )


def _listed_sheet(
    team: FotMobObject, sides: dict[str, Side], match_id: str, best_id: str | None, dropped: DroppedItems
) -> TeamSheet:
    """One team of ``lineup.lineup[]``: starters in formation rows (lists of players), then the bench."""
    team_id = team.ident("teamId")
    if team_id not in sides:
        raise team.fail("teamId", f"{team_id} is neither the header's home nor away team")
    rows = team.items("players")
    starters = [
        (f"{where}[{i}]", player, True)
        for where, row in rows
        for i, player in enumerate(row if isinstance(row, list) else [row])
    ]
    players = starters + [(*item, False) for item in team.items("bench")]
    formation = team.optional("lineup", str)
    return TeamSheet(
        side=sides[team_id],
        team_id=team_id,
        entries=_readable_players(
            players, _listed_entry, match_id, sides[team_id], team_id, best_id, dropped, team.path
        ),
        coach=_coach_name(team.value.get("coach")),
        formation=formation.replace(" ", "") if formation else None,
    )


def _coach_name(coach: Any) -> str | None:
    """The coach of a listed lineup: an object or a list of one, its name text or ``{fullName}``."""
    first = coach[0] if isinstance(coach, list) and coach else coach
    return _person_name(first.get("name")) if isinstance(first, Mapping) else None


def _person_name(name: Any) -> str | None:
    """A name FotMob gives as text or, in 2023, as ``{firstName, lastName, fullName}``."""
    if isinstance(name, Mapping):
        name = name.get("fullName")
    return name if isinstance(name, str) and name else None


def _readable_players(
    players: list[tuple[str, Any, bool]],
    read: Callable[..., LineupEntry],
    match_id: str,
    side: Side,
    team_id: str,
    best_id: str | None,
    dropped: DroppedItems,
    path: Path,
) -> list[LineupEntry]:
    """Return the entries ``read`` can make of ``(location, value, starter)``; a player it cannot read is
    dropped and counted."""
    entries = []
    for where, value, starter in players:
        try:
            player = FotMobObject(path, value, where)
            entries.append(read(player, match_id, side, team_id, starter=starter, best_id=best_id))
        except ParseError as exc:
            dropped.drop(UnreadableItem(exc.field or where, exc.reason))
        except ValidationError as exc:
            dropped.drop(UnreadableItem(where, exc.errors()[0]["msg"]))
    return entries


def _match_facts(general: FotMobObject | None, header: FotMobObject, facts: FotMobObject | None) -> dict[str, Any]:
    """Return the Match fields about when, where and under whom the match was played."""
    kickoff, day = _kickoff(general, header)
    info = facts.optional_child("infoBox") if facts else None
    tournament = info.optional_child("Tournament") if info else None
    referee = info.optional_child("Referee") if info else None
    season = (general.optional("parentLeagueSeason", str) if general else None) or (
        tournament.optional("selectedSeason", str) if tournament else None
    )
    competition = (general.optional("leagueName", str) if general else None) or (
        (tournament.optional("leagueName", str) or tournament.optional("text", str)) if tournament else None
    )
    return {
        "competition": competition,
        "season": _season(season, day),
        "round": general.optional("matchRound", str) if general else None,
        "kickoff": kickoff,
        "date": day,
        "venue": _venue(info),
        "attendance": info.optional("Attendance", int) if info else None,
        "referee": referee.optional("text", str) if referee else None,
    }


def _venue(info: FotMobObject | None) -> str | None:
    """The stadium: an object with its ``name``, or (2020) the name itself."""
    stadium = info.value.get("Stadium") if info else None
    if isinstance(stadium, str):
        return stadium or None
    return info.child("Stadium").optional("name", str) if info and stadium is not None else None


def _kickoff(general: FotMobObject | None, header: FotMobObject) -> tuple[datetime | None, date]:
    """Return the kick-off (UTC) and the date; the 2020 shape gives only a date (``"Sep 21, 2020"``)."""
    status = header.child("status")
    if general is not None and general.value.get("matchTimeUTCDate"):
        owner, key = general, "matchTimeUTCDate"
    elif status.value.get("utcTime") or general is not None:
        owner, key = status, "utcTime"
    else:
        try:
            return None, datetime.strptime(status.require("startDateStr", str), LEGACY_DATE).date()
        except ValueError:
            raise status.fail("startDateStr", f"not a date like {LEGACY_DATE_EXAMPLE!r}") from None
    try:
        kickoff = datetime.fromisoformat(owner.require(key, str))
    except ValueError:
        raise owner.fail(key, "not an ISO date-time") from None
    return kickoff, kickoff.date()


def _season(text: str | None, day: date) -> str:
    """Return FotMob's season as "YYYY/YYYY" (a one-year season stays "YYYY"); derived from the date if absent.

    Liga MX names its halves "2023/2024 - Clausura": the years are read, the half is left to the competition.
    """
    found = SEASON_RANGE.match(text.strip()) if text else None
    if found:
        start, end = found.groups()
        return f"{start}/{end if len(end) == 4 else int(start) + 1}"
    if text and text.strip().isdigit() and len(text.strip()) == 4:
        return text.strip()
    return season_of(day)


def _team(team: FotMobObject, side: Side, sheet: TeamSheet | None) -> Team:
    return Team(
        team_id=_header_team_id(team),
        name=team.require("name", str),
        side=side,
        manager=sheet.coach if sheet else None,
    )


def _scores(
    header: FotMobObject,
    home: FotMobObject,
    away: FotMobObject,
    facts: FotMobObject | None,
    shots: tuple[Shot, ...],
) -> MatchScore:
    """Return the scores: the header's is the final one, the timeline gives HT (and 90'), a shoot-out its kicks."""
    final = Score(home=home.require("score", int), away=away.require("score", int))
    at_minute = _period_end_scores(facts, final)
    kicks = [s for s in shots if s.period == SHOOTOUT_PERIOD]
    penalties = _shootout(kicks) if kicks else None
    halfs = header.child("status").optional_child("halfs")
    if not (halfs and halfs.optional("firstExtraHalfStarted", str)):
        return MatchScore(halftime=at_minute.get(45), fulltime=final, penalties=penalties)
    if 90 not in at_minute:
        raise header.fail("status.halfs", "extra time was played but the timeline has no score at 90 minutes")
    return MatchScore(halftime=at_minute.get(45), fulltime=at_minute[90], extra_time=final, penalties=penalties)


def _shootout(kicks: list[Shot]) -> Score:
    scored = [s.side for s in kicks if s.is_goal]
    return Score(home=scored.count(Side.HOME), away=scored.count(Side.AWAY))


def _period_end_scores(facts: FotMobObject | None, final: Score) -> dict[int, Score]:
    """Return the score at each end of a period (45, 90, ...) from the match timeline.

    A "Half" event carries the score in later files; in 2023 ones it does not, and the score is the
    last goal's ``newScore`` before it (the timeline is in match order). The 2020 timeline has no
    "Half" event: half-time is then the score of the goals up to minute 45, when the timeline holds
    every goal of the final score. A period end whose score cannot be known is left out.
    """
    timeline = facts.optional_child("events") if facts else None
    running: Score | None = Score(home=0, away=0)
    goals: list[tuple[int, Score]] = []
    found: dict[int, Score] = {}
    for event in timeline.children("events") if timeline else []:
        kind, time = event.optional("type", str), event.value.get("time")
        if kind == "Goal":
            new = event.value.get("newScore")
            ok = isinstance(new, list) and len(new) == 2 and all(isinstance(n, int) and n >= 0 for n in new)
            running = Score(home=new[0], away=new[1]) if ok and running else None
            goals += [(time, running)] if running and isinstance(time, int) else []
        elif kind == "Half" and isinstance(time, int):
            home, away = event.value.get("homeScore"), event.value.get("awayScore")
            stated = Score(home=home, away=away) if isinstance(home, int) and isinstance(away, int) else None
            if stated or running:
                found[time] = stated or running
    if timeline and 45 not in found and running == final and len(goals) == final.home + final.away:
        found[45] = next((score for time, score in reversed(goals) if time <= 45), Score(home=0, away=0))
    return found


def _status(status: FotMobObject) -> str:
    for flag in ("cancelled", "awarded", "finished"):
        if status.flag(flag):
            return flag
    return "in progress" if status.flag("started") else "not started"


def _completeness(
    status: str,
    general: FotMobObject | None,
    has_lineups: bool,
    stats: FotMobObject | None,
    shotmap: FotMobObject | None,
    shots: tuple[Shot, ...],
    dropped: DroppedItems,
) -> Completeness:
    """Say what a played match's file lacks: see the module docstring for the shot-map rule."""
    reasons = []
    if status != FINISHED:
        reasons.append(f"match {status} when captured")
    if not has_lineups:
        reasons.append("no lineups in file")
    if stats is None:
        reasons.append("no team stats in file")
    coverage = general.optional("coverageLevel", str) if general else None
    if shotmap is None or shotmap.value.get("shots") is None:
        reasons.append("no shot map in file")
    elif not shots and coverage != FULL_COVERAGE and not dropped.touched:
        reasons.append(f"no shot map (coverage: {coverage or 'unknown'})")
    reasons += dropped.incomplete_reasons(0)
    return Completeness(complete=not reasons, reasons=tuple(reasons))


def _shots(shotmap: FotMobObject, match_id: str, sides: Mapping[str, Side], dropped: DroppedItems) -> tuple[Shot, ...]:
    """Return the shots that can be read; one that cannot is dropped, counted, and costs completeness."""
    shots = []
    for where, value in shotmap.items("shots"):
        try:
            shots.append(fotmob_shot(FotMobObject(shotmap.path, value, where), match_id, sides))
        except ParseError as exc:
            dropped.drop(UnreadableItem(exc.field or where, exc.reason), _shot_touches(value))
        except ValidationError as exc:
            dropped.drop(UnreadableItem(where, exc.errors()[0]["msg"]), _shot_touches(value))
    return tuple(shots)


def _shot_touches(value: Any) -> frozenset[Touches]:
    goal = isinstance(value, Mapping) and value.get("eventType") == "Goal"
    return frozenset({Touches.SHOT, Touches.GOAL} if goal else {Touches.SHOT})


def fotmob_shot(shot: FotMobObject, match_id: str, sides: Mapping[str, Side]) -> Shot:
    """Return one FotMob shot-map item as a ``Shot`` (pitch metres, the shooter attacking x = 105)."""
    team_id = shot.ident("teamId")
    if team_id not in sides:
        raise shot.fail("teamId", f"{team_id} is neither the home nor the away team")
    minute = shot.require("min", int)
    event = shot.require("eventType", str)
    if event not in SHOT_OUTCOMES:
        raise shot.fail("eventType", f"unknown shot event {event!r} (known: {', '.join(SHOT_OUTCOMES)})")
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
    """Return the period number; extra-time and shoot-out names are not in our files, so they go by their words."""
    name = shot.require("period", str)
    if name in REGULAR_PERIODS:
        return REGULAR_PERIODS[name]
    lowered = name.lower()
    if "penalt" in lowered or "shootout" in lowered:
        return SHOOTOUT_PERIOD
    if "extra" in lowered:
        return 3 if minute <= EXTRA_TIME_FIRST_HALF_END else 4
    raise shot.fail("period", f"unknown period {name!r} (known: FirstHalf, SecondHalf, extra time, shoot-out)")


def _lineup_entry(
    player: FotMobObject, match_id: str, side: Side, team_id: str, *, starter: bool, best_id: str | None
) -> LineupEntry:
    """One player of the per-team lineup shape (``starters`` / ``subs``)."""
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
        shirt_number=_shirt_number(player.value.get("shirtNumber")),
        position=_position(player),
        starter=starter,
        minute_on=0 if starter else changes.get("subIn"),
        minute_off=changes.get("subOut"),
        captain=player.flag("isCaptain"),
        rating=performance.optional("rating", float) if performance else None,
        man_of_the_match=(performance.flag("playerOfTheMatch") if performance else False) or player_id == best_id,
    )


def _listed_entry(
    player: FotMobObject, match_id: str, side: Side, team_id: str, *, starter: bool, best_id: str | None
) -> LineupEntry:
    """One player of the listed lineup shape (2020, 2023): ``shirt``, ``role``, ``rating.num`` as text,
    substitutions as ``timeSubbedOn``/``timeSubbedOff`` (2023) or ``events.sub`` (2020)."""
    player_id = player.ident("id")
    name = _person_name(player.value.get("name"))
    if name is None:
        raise player.fail("name", "missing")
    sub_on, sub_off = _listed_substitution(player)
    rating = player.optional_child("rating")
    return LineupEntry(
        match_id=match_id,
        side=side,
        team_id=team_id,
        player_id=player_id,
        name=name,
        shirt_number=_shirt_number(player.value.get("shirt")),
        position=ROLE_GROUPS.get(player.optional("role", str) or ""),
        starter=starter,
        minute_on=0 if starter else sub_on,
        minute_off=sub_off,
        captain=player.flag("isCaptain"),
        rating=_rating_text(rating.value.get("num")) if rating else None,
        man_of_the_match=player_id == best_id,
    )


def _listed_substitution(player: FotMobObject) -> tuple[int | None, int | None]:
    """Return (minute on, minute off) of a listed player."""
    on, off = player.optional("timeSubbedOn", int), player.optional("timeSubbedOff", int)
    events = player.optional_child("events")
    sub = events.optional_child("sub") if events else None
    if sub is not None and sub.value.get("time") is not None:
        minute = sub.require("time", int)
        on, off = (on, off or minute) if sub.flag("isOut") else (on or minute, off)
    return on, off


def _rating_text(value: Any) -> float | None:
    """A rating given as text ("7.1"); anything else means no rating."""
    try:
        return float(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else None
    except ValueError:
        return None


def _position(player: FotMobObject) -> str | None:
    usual = player.optional("usualPlayingPositionId", int)
    return None if usual is None else POSITION_GROUPS.get(usual)


def _shirt_number(value: Any) -> int | None:
    """FotMob gives the shirt number as a number or as text ("18"); anything but digits means no number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _formation(sheet: TeamSheet, match_id: str) -> FormationSpell:
    """FotMob gives only the starting formation: one spell from kick-off."""
    starters = [e for e in sheet.entries if e.starter]
    numbers = tuple(e.shirt_number for e in starters if e.shirt_number is not None)
    return FormationSpell(
        match_id=match_id,
        side=sheet.side,
        team_id=sheet.team_id,
        formation=sheet.formation or "",
        start_minute=0,
        captain_player_id=next((e.player_id for e in starters if e.captain), None),
        player_ids=tuple(e.player_id for e in starters),
        shirt_numbers=numbers if len(numbers) == len(starters) else (),
    )


def _team_stats(stats: FotMobObject, match_id: str, dropped: DroppedItems) -> list[TeamStat]:
    """Return each whole-match statistic once per side (FotMob repeats some under "Top stats").

    Later files group them under ``Periods.All.stats[]`` with a ``key`` each; the 2020 shape lists
    the groups in ``stats[]`` with titles only, and a title is mapped to the later key (``LEGACY_STAT_KEYS``).
    A statistic that cannot be read is dropped and counted.
    """
    periods = stats.optional_child("Periods")
    if periods is not None:
        groups = periods.child("All").children("stats")
    elif isinstance(stats.value.get("stats"), list):
        groups = stats.children("stats")
    else:
        raise stats.fail(
            "Periods",
            f"a stats shape never seen: expected Periods.All.stats[] or stats[] (keys: {sorted(stats.value)})",
        )
    rows: list[TeamStat] = []
    seen: set[str] = set()
    for group in groups:
        for where, value in group.items("stats"):
            try:
                rows += _stat_rows(FotMobObject(stats.path, value, where), match_id, seen)
            except ParseError as exc:
                dropped.drop(UnreadableItem(exc.field or where, exc.reason))
    return rows


def _stat_rows(item: FotMobObject, match_id: str, seen: set[str]) -> list[TeamStat]:
    """Return one statistic's home and away rows (none when it is a heading or already seen)."""
    label = item.optional("title", str)
    key = item.optional("key", str) or _legacy_stat_key(label)
    if key is None:
        raise item.fail("key", "missing, and no title to name the statistic by")
    values = item.optional("stats", list) or []
    if key in seen or item.optional("type", str) == "title":
        return []
    if len(values) != 2:
        raise item.fail("stats", f"expected a home and an away value, got {len(values)}")
    seen.add(key)
    return [
        _team_stat(item, match_id, side, key, label, v) for side, v in zip((Side.HOME, Side.AWAY), values, strict=True)
    ]


def _legacy_stat_key(title: str | None) -> str | None:
    """The later files' key for a 2020 statistic title; an unmapped title becomes its snake_case."""
    if not title:
        return None
    return LEGACY_STAT_KEYS.get(title) or re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")


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
