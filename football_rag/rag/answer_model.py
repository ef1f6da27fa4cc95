"""What answering one question returns: DESIGN.md's ``ask --json`` fields, one contract for CLI, app and eval."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class Intent(StrEnum):
    SCORE = "score"
    SCORERS = "scorers"
    CARDS = "cards"
    LINEUP = "lineup"
    FORMATION = "formation"
    REFEREE = "referee"
    VENUE = "venue"
    ATTENDANCE = "attendance"
    MAN_OF_THE_MATCH = "man_of_the_match"
    MANAGER = "manager"
    TEAM_STAT = "team_stat"
    PLAYER_STAT = "player_stat"
    AGGREGATE = "aggregate"
    FORM = "form"
    RANKING = "ranking"
    COMPARISON = "comparison"
    NARRATIVE = "narrative"
    CHART = "chart"
    UNKNOWN_MATCH = "unknown_match"
    CLARIFY = "clarify"
    OUT_OF_SCOPE = "out_of_scope"


class Source(BaseModel):
    """A retrieved document or a table row the answer rests on."""

    doc_id: str
    match_id: str | None = None
    title: str
    kind: str = Field(description="'document' (retrieved text) or 'table' (computed fact)")
    score: float | None = None


class Fact(BaseModel):
    """One computed fact: a sentence whose every number came from the tables, and where from."""

    text: str
    values: dict[str, float | int | str] = Field(default_factory=dict)
    match_ids: list[str] = Field(default_factory=list)


class Answer(BaseModel):
    question: str
    answer: str
    intent: Intent
    matches: list[str] = Field(default_factory=list, description="WhoScored match ids the answer rests on")
    sources: list[Source] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    grounded: bool
    unsupported: list[str] = Field(default_factory=list)
    chart: dict | None = Field(default=None, description="{'kind': ..., 'match_id': ...} when a chart was asked for")
    timings_ms: dict[str, float] = Field(default_factory=dict)
    trace_id: str | None = Field(default=None, description="the Opik trace of this answer, for feedback scores")
