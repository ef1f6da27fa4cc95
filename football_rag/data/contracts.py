"""The domain model: one set of pydantic contracts every provider's parser maps into.

Nothing here knows about WhoScored qualifier ids or FotMob field names; those stay in
``football_rag.data.parsers``. Home and away are explicit on every record (``side``).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

FINISHED = "finished"  # ``Match.status`` of a match whose final whistle is in the data, whoever the provider


class Source(StrEnum):
    WHOSCORED = "whoscored"
    FOTMOB = "fotmob"


class Side(StrEnum):
    HOME = "home"
    AWAY = "away"

    @property
    def opponent(self) -> Side:
        return Side.AWAY if self is Side.HOME else Side.HOME


class Record(BaseModel):
    """Base of every contract: strict about unknown fields, immutable once built."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(Record):
    """Where a parsed record came from, so every number can be traced to a file."""

    source: Source
    source_id: str
    url: str | None = None
    fetched_at: datetime | None = None
    raw_sha256: str
    parser_version: str
    raw_path: str | None = None
    shape: str | None = Field(default=None, description="the known file shape the parser read it as (see its SHAPES)")


class Score(Record):
    home: int = Field(ge=0)
    away: int = Field(ge=0)

    def __str__(self) -> str:
        return f"{self.home}-{self.away}"


class MatchScore(Record):
    """Scores as the provider reports them; ``fulltime`` is the result after 90 minutes."""

    halftime: Score | None = None
    fulltime: Score
    extra_time: Score | None = None
    penalties: Score | None = None

    @property
    def final(self) -> Score:
        """The score that decided the match on the pitch (after extra time when played)."""
        return self.extra_time or self.fulltime


class Team(Record):
    team_id: str
    name: str | None  # None only when the file does not name the team (a FotMob shot-map CSV)
    side: Side
    manager: str | None = None
    country: str | None = None


class Completeness(Record):
    """Whether the capture holds the whole match; ``reasons`` say what is missing."""

    complete: bool
    reasons: tuple[str, ...] = ()


class Match(Record):
    source: Source
    match_id: str
    ids: dict[str, str] = Field(description="ids of this match per source, e.g. {'whoscored': '1903117'}")
    competition: str | None = None
    season: str | None = None
    round: str | None = None
    kickoff: datetime | None = None
    date: date | None  # None only when the file carries no date (a FotMob shot-map CSV)
    venue: str | None = None
    attendance: int | None = None
    referee: str | None = None
    home: Team
    away: Team
    score: MatchScore
    status: str = Field(description="FINISHED once the final whistle is in the data; else what the source said")
    completeness: Completeness
    provenance: Provenance

    def team(self, side: Side) -> Team:
        return self.home if side is Side.HOME else self.away


class LineupEntry(Record):
    match_id: str
    side: Side
    team_id: str
    player_id: str
    name: str
    shirt_number: int | None = None
    position: str | None = None
    starter: bool
    minute_on: int | None = None
    minute_off: int | None = None
    captain: bool = False
    rating: float | None = None
    man_of_the_match: bool = False


class FormationSpell(Record):
    """One formation a team used, from ``start_minute`` to ``end_minute`` (expanded minutes)."""

    match_id: str
    side: Side
    team_id: str
    formation: str
    start_minute: int
    end_minute: int | None = None
    captain_player_id: str | None = None
    player_ids: tuple[str, ...] = ()
    shirt_numbers: tuple[int, ...] = ()


class Event(Record):
    """An Opta-style on-ball event; coordinates in the provider's own system (see ``coordinates``)."""

    match_id: str
    event_id: int
    source_event_id: str | None = None
    type_id: int
    type: str
    outcome: bool | None = None
    period: int
    period_name: str | None = None
    minute: int
    second: int | None = None
    expanded_minute: int | None = None
    team_id: str
    side: Side
    player_id: str | None = None
    player_name: str | None = None
    x: float | None = None
    y: float | None = None
    end_x: float | None = None
    end_y: float | None = None
    related_event_id: int | None = None
    related_player_id: str | None = None
    qualifiers: dict[str, str | None] = Field(
        default_factory=dict,
        description="Opta qualifiers, name -> value (None for flags such as 'Head'); names map 1:1 to Opta ids",
    )
    satisfied_event_types: tuple[int, ...] = ()
    is_touch: bool = False
    is_shot: bool = False
    is_goal: bool = False
    is_own_goal: bool = False
    card: str | None = None

    def has_qualifier(self, name: str) -> bool:
        return name in self.qualifiers

    def qualifier_value(self, name: str) -> str | None:
        """The qualifier's value, or None when absent or a flag."""
        return self.qualifiers.get(name)


class Shot(Record):
    """A shot in pitch metres (105 x 68, the shooting team attacking towards x = 105).

    ``side`` is the team that took the shot; an own goal has ``own_goal`` set and counts for
    ``benefiting_side`` (the opponent of the shooter).
    """

    match_id: str
    shot_id: str
    source: Source
    side: Side
    team_id: str
    player_id: str | None = None
    player_name: str | None = None
    period: int
    minute: int
    minute_added: int | None = None
    x: float
    y: float
    xg: float | None = None
    xgot: float | None = None
    xg_source: str | None = None
    situation: str | None = None
    shot_type: str | None = None
    outcome: str
    on_target: bool
    blocked: bool
    is_goal: bool
    own_goal: bool = False
    big_chance: bool | None = None
    penalty: bool = False

    @property
    def benefiting_side(self) -> Side:
        return self.side.opponent if self.own_goal else self.side


class TeamStat(Record):
    """A team statistic exactly as the source reports it (its own key and value)."""

    match_id: str
    source: Source
    side: Side
    key: str
    label: str | None = None
    value: float | None = None
    text: str | None = None


class ParseWarning(Record):
    """Items a parser could not read and dropped while the match still parsed.

    ``field`` is the path in the file with list indices left out (``events[].eventId``), ``count``
    how many items it cost, ``reason`` why they could not be read.
    """

    field: str
    count: int = Field(ge=1)
    reason: str


class ParsedMatch(Record):
    """Everything one raw file yields, validated; ``warnings`` say what was dropped on the way."""

    match: Match
    events: tuple[Event, ...] = ()
    shots: tuple[Shot, ...] = ()
    lineups: tuple[LineupEntry, ...] = ()
    formations: tuple[FormationSpell, ...] = ()
    team_stats: tuple[TeamStat, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
