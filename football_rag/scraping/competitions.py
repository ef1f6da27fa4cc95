"""The competitions and seasons the spiders discover fixtures for (``configs/competitions.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, field_validator

from football_rag.config.settings import get_settings

CONFIG_NAME = "competitions.yaml"


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WhoScoredTournament(_Config):
    region_id: int
    tournament_id: int


class WhoScoredSeason(_Config):
    season_id: int
    stage_id: int | None = None


class FotMobLeague(_Config):
    league_id: int


class Season(_Config):
    season: str
    months: tuple[str, str]
    whoscored: WhoScoredSeason | None = None

    @field_validator("season")
    @classmethod
    def _season_shape(cls, value: str) -> str:
        start, _, end = value.partition("/")
        if not (start.isdigit() and end.isdigit() and int(end) == int(start) + 1):
            raise ValueError(f"season must look like 2025/2026, got {value!r}")
        return value

    def month_keys(self) -> list[str]:
        """Return every month of the season as ``YYYYMM``, first to last, the fixtures feed's ``d``."""
        (year, month), (last_year, last_month) = (tuple(map(int, m.split("-"))) for m in self.months)
        keys = []
        while (year, month) <= (last_year, last_month):
            keys.append(f"{year}{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return keys


class Competition(_Config):
    key: str
    name: str
    country: str
    whoscored: WhoScoredTournament | None = None
    fotmob: FotMobLeague | None = None
    seasons: tuple[Season, ...]

    def season(self, season: str) -> Season:
        """Return the named season; ``KeyError`` lists the configured ones."""
        for candidate in self.seasons:
            if candidate.season == season:
                return candidate
        known = ", ".join(s.season for s in self.seasons)
        raise KeyError(f"{self.key} has no season {season!r} in {CONFIG_NAME} (configured: {known})")


class Competitions(_Config):
    competitions: tuple[Competition, ...]

    def get(self, key: str) -> Competition:
        """Return the competition with this key; ``KeyError`` lists the configured ones."""
        for competition in self.competitions:
            if competition.key == key:
                return competition
        known = ", ".join(c.key for c in self.competitions)
        raise KeyError(f"no competition {key!r} in {CONFIG_NAME} (configured: {known})")


@lru_cache(maxsize=4)
def load_competitions(path: Path | None = None) -> Competitions:
    """Return the validated competitions file (default: the configs folder of the settings)."""
    path = path or get_settings().configs_dir / CONFIG_NAME
    return Competitions.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
