"""What the mirror serves: the saved match files of a data folder, and fixtures listings built from them.

Files are found by name (``<id>.html``, ``<id>.json``, ``<id>.json.gz`` under a ``whoscored`` folder,
``<id>.json`` under a ``fotmob`` folder); a listing reads the files' own data (kick-off, teams, score,
status) the first time it is asked for. A season corpus folder ``season/<competition>-<YYYY>-<YY>/``
belongs to the WhoScored stage ``configs/competitions.yaml`` gives that competition and season.
FotMob files carry their league id and season themselves.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from football_rag.data.parsers.season import season_of
from football_rag.scraping.competitions import Competition, Season, load_competitions

logger = logging.getLogger(__name__)

# A saved page is what the site served, so it wins over a JSON cut out of one.
WHOSCORED_SUFFIXES = (".html", ".json", ".json.gz")
FOTMOB_STATUS_KEYS = ("utcTime", "started", "finished", "cancelled", "scoreStr", "reason")
KICKOFF = re.compile(r'"start(?:Time|Date)":"(?P<year>\d{4})-(?P<month>\d{2})')
KICKOFF_SCAN_CHARS = 50_000
SEASON_FOLDER = re.compile(r"^(?P<key>.+)-(?P<start>\d{4})-(?P<end>\d{2})$")


@dataclass(frozen=True)
class Stage:
    """A WhoScored season stage the mirror can list fixtures for."""

    stage_id: int
    competition: Competition
    season: Season
    match_ids: tuple[str, ...]


def read_text(path: Path) -> str:
    """Return a saved file's text, gunzipped when its name ends in ``.gz``."""
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8-sig")


def _match_id(path: Path) -> str | None:
    stem = path.name.split(".")[0]
    return stem if stem.isdigit() else None


class Catalogue:
    def __init__(self, data_dir: Path, only: Collection[str] | None = None) -> None:
        """Index the files under ``data_dir`` (all of them, or the match ids in ``only``)."""
        self.data_dir = Path(data_dir)
        keep = set(only) if only is not None else None
        self.whoscored = self._files("whoscored", WHOSCORED_SUFFIXES, keep)
        self.fotmob = self._files("fotmob", (".json",), keep)
        self.stages = self._stages()
        self._stage_of = {mid: stage for stage in self.stages.values() for mid in stage.match_ids}
        self._summaries: dict[Path, dict[str, Any] | None] = {}
        self._months: dict[Path, str | None] = {}
        self._lock = threading.Lock()

    def _files(self, folder: str, suffixes: tuple[str, ...], keep: set[str] | None) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for suffix in suffixes:
            for path in sorted(self.data_dir.glob(f"**/{folder}/*{suffix}")):
                match_id = _match_id(path)
                if match_id and (keep is None or match_id in keep) and path.name == f"{match_id}{suffix}":
                    found.setdefault(match_id, path)
        return found

    def _stages(self) -> dict[int, Stage]:
        stages: dict[int, Stage] = {}
        competitions = load_competitions()
        for folder in sorted((self.data_dir / "season").glob("*/whoscored")):
            found = SEASON_FOLDER.match(folder.parent.name)
            # A match saved elsewhere too is still this stage's; its preferred file is served.
            ids = tuple(sorted({mid for path in folder.iterdir() if (mid := _match_id(path)) in self.whoscored}))
            if not found or not ids:
                continue
            season_name = f"{found['start']}/{int(found['start']) + 1}"
            try:
                competition = competitions.get(found["key"])
                season = competition.season(season_name)
            except KeyError as exc:
                logger.warning("no fixtures listing for %s: %s", folder, exc)
                continue
            if season.whoscored and season.whoscored.stage_id:
                stages[season.whoscored.stage_id] = Stage(season.whoscored.stage_id, competition, season, ids)
        return stages

    def stage_of(self, match_id: str) -> Stage | None:
        """Return the stage a WhoScored match belongs to, when its file sits in a season folder."""
        return self._stage_of.get(match_id)

    def whoscored_centre(self, match_id: str) -> tuple[str, dict[str, Any]]:
        """Return a JSON file's ``matchCentreData`` text and the wrapper's other entries (JSON texts).

        A bare object's text is returned verbatim; a wrapper's object is re-serialised compactly.
        """
        text = read_text(self.whoscored[match_id])
        if '"matchCentreData"' not in text[:200]:
            return text, {}
        wrapper = json.loads(text)
        extras = {key: _compact(value) for key, value in wrapper.items() if key not in ("matchId", "matchCentreData")}
        return _compact(wrapper["matchCentreData"]), extras

    def _cached(self, path: Path, summarise: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any] | None:
        """Return what a listing needs of a file, read once (a whole match would hold megabytes).

        ``None`` when the file is not of a shape a listing can be built from: the mirror leaves it
        out of listings and logs the file and the reason once, as a mirror of the site would simply
        not list a page it does not have.
        """
        with self._lock:
            if path not in self._summaries:
                self._summaries[path] = _summary_or_none(path, summarise)
            return self._summaries[path]

    def _month_of(self, path: Path) -> str | None:
        """Return the ``YYYYMM`` a WhoScored file's match kicked off in, read from the file's head.

        The kick-off comes before the teams and events, so a listing reads in full only the
        files of the month it lists.
        """
        with self._lock:
            if path not in self._months:
                found = KICKOFF.search(read_text(path)[:KICKOFF_SCAN_CHARS])
                self._months[path] = found["year"] + found["month"] if found else None
            return self._months[path]

    def whoscored_fixtures(self, stage_id: int, month: str) -> dict[str, Any] | None:
        """Return the fixtures feed of a stage for ``YYYYMM`` (``None`` for an unknown stage).

        The shape follows WhoScored's feed: ``{"tournaments": [{..., "matches": [...]}]}``, one
        entry a match with its id, kick-off, teams, score and status, as the match's file has them.
        """
        stage = self.stages.get(stage_id)
        if stage is None:
            return None
        matches = []
        for match_id in stage.match_ids:
            path = self.whoscored[match_id]
            if self._month_of(path) == month and (fixture := self._cached(path, _whoscored_fixture)) is not None:
                matches.append({"id": int(match_id), "stageId": stage_id, **fixture})
        if not matches:
            return {"tournaments": []}
        ws_season = stage.season.whoscored
        return {
            "tournaments": [
                {
                    "regionId": stage.competition.whoscored.region_id,
                    "tournamentId": stage.competition.whoscored.tournament_id,
                    "tournamentName": stage.competition.name,
                    "seasonId": ws_season.season_id,
                    "seasonName": stage.season.season,
                    "stageId": stage_id,
                    "matches": sorted(matches, key=lambda m: (m["startTime"], m["id"])),
                }
            ]
        }

    def fotmob_league(self, league_id: int, season: str) -> dict[str, Any]:
        """Return the league endpoint's answer for a season: ``fixtures.allMatches`` from the files.

        A file belongs to a league by its ``general.leagueId`` (or parent league), and to a season by
        ``general.parentLeagueSeason``, else by its kick-off date.
        """
        fixtures = []
        name = None
        for path in self.fotmob.values():
            summary = self._cached(path, _fotmob_summary)
            if summary is not None and league_id in summary["league_ids"] and summary["season"] == season:
                name = summary["league_name"]
                fixtures.append(summary["fixture"])
        fixtures.sort(key=lambda f: (f["status"]["utcTime"], f["id"]))
        return {
            "details": {"id": league_id, "name": name, "selectedSeason": season},
            "fixtures": {"allMatches": fixtures},
        }


class UnlistableFile(ValueError):
    """A saved file a listing cannot be built from; the message says what it lacks."""


def _summary_or_none(path: Path, summarise: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any] | None:
    """Return ``summarise`` of the file's JSON, or ``None`` (logged with the file and the reason) when it cannot be."""
    try:
        return summarise(json.loads(read_text(path)))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, UnlistableFile) as exc:
        logger.warning("mirror leaves %s out of its listings: %s", path, exc)
        return None


def _field(document: Any, *keys: str) -> Any:
    """Return ``document[keys[0]][keys[1]]...``; raise ``UnlistableFile`` naming the first missing key."""
    value = document
    for depth, key in enumerate(keys):
        if not isinstance(value, dict) or value.get(key) is None:
            raise UnlistableFile(f"no {'.'.join(keys[: depth + 1])} (not a shape a listing can be built from)")
        value = value[key]
    return value


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _score(text: Any) -> tuple[int | None, int | None]:
    home, _, away = str(text or "").partition(":")
    return (int(home), int(away)) if home.strip().isdigit() and away.strip().isdigit() else (None, None)


def _whoscored_fixture(data: dict[str, Any]) -> dict[str, Any]:
    """Return one feed entry (without its id and stage) from a WhoScored file: bare object or wrapper."""
    centre = data.get("matchCentreData", data) if isinstance(data, dict) else data
    home, away = _field(centre, "home"), _field(centre, "away")
    home_score, away_score = _score(centre.get("ftScore") or centre.get("score"))
    return {
        "status": centre.get("statusCode"),
        "elapsed": centre.get("elapsed"),
        "startTime": centre.get("startTime") or centre.get("startDate"),
        "homeTeamId": home.get("teamId"),
        "homeTeamName": home.get("name"),
        "awayTeamId": away.get("teamId"),
        "awayTeamName": away.get("name"),
        "homeScore": home_score,
        "awayScore": away_score,
    }


def _fotmob_team(team: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(team.get("id")), "name": team.get("name")}


def _fotmob_summary(details: dict[str, Any]) -> dict[str, Any]:
    """Return a FotMob file's leagues, season and fixture entry (the shape of ``fixtures.allMatches``)."""
    # The 2020 shape has no ``general`` block and no ``utcTime``: no league id to list it under.
    general, status = _field(details, "general"), _field(details, "header", "status")
    try:
        kickoff = date.fromisoformat(str(_field(status, "utcTime"))[:10])
    except ValueError as exc:
        raise UnlistableFile(f"header.status.utcTime is not a date ({exc})") from None
    fixture = {
        "id": str(_field(general, "matchId")),
        "round": general.get("matchRound"),
        "home": _fotmob_team(general.get("homeTeam") or {}),
        "away": _fotmob_team(general.get("awayTeam") or {}),
        "status": {key: status[key] for key in FOTMOB_STATUS_KEYS if key in status},
    }
    return {
        "league_ids": {general.get("leagueId"), general.get("parentLeagueId")},
        "league_name": general.get("parentLeagueName") or general.get("leagueName"),
        "season": general.get("parentLeagueSeason") or season_of(kickoff),
        "fixture": fixture,
    }
