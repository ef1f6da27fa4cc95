"""The REST API's request and response bodies (pydantic): what ``/docs`` documents and clients rely on."""

from __future__ import annotations

from pydantic import BaseModel, Field

from football_rag.rag.answer_model import Answer, Fact


class AskRequest(BaseModel):
    question: str = Field(description="the question, 1-500 characters", examples=["Who scored in Arsenal vs Spurs?"])
    conversation_id: str | None = Field(
        default=None, description="continue this conversation (follow-ups like 'and the shots?'); omit to start one"
    )
    season: str | None = Field(
        default=None,
        description="keep to this season unless the question names one; omitted: one-match questions take the "
        "latest meeting, totals and rankings the latest season",
        examples=["2025/2026"],
    )
    competition: str | None = Field(
        default=None, description="keep to this competition unless the question names one", examples=["Premier League"]
    )


class AskResponse(Answer):
    """The CLI's answer model (``football-rag ask --json``), with the conversation to continue."""

    conversation_id: str = Field(description="pass it with the next question for a follow-up")
    release: str = Field(description="the release the answer was computed from")


class Problem(BaseModel):
    """Why a request was refused: a sentence for the user (never a traceback)."""

    detail: str


class MatchSummary(BaseModel):
    match_id: str = Field(description="the WhoScored match id")
    date: str | None = Field(description="YYYY-MM-DD")
    competition: str | None
    season: str | None
    home: str
    away: str
    home_goals: int | None
    away_goals: int | None
    label: str


class MatchPage(BaseModel):
    total: int = Field(description="matches passing the filters")
    offset: int
    limit: int
    matches: list[MatchSummary] = Field(description="latest first")


class SideFigures(BaseModel):
    home: float | None
    away: float | None


class MatchDetail(MatchSummary):
    status: str
    venue: str | None
    referee: str | None
    attendance: int | None
    half_time: str | None = Field(description="e.g. '2-0'")
    facts: list[Fact] = Field(description="the result, the scorers and sendings-off, the key stats: as computed")
    key_stats: dict[str, SideFigures] = Field(description="shots, xG, possession, ... (null where the data has none)")


class Coverage(BaseModel):
    matches: int
    teams: int
    competitions: list[str]
    first_day: str
    last_day: str
    seasons: list[str] = Field(description="every season loaded, oldest first", examples=[["2024/2025", "2025/2026"]])
    competition_seasons: dict[str, list[str]] = Field(
        description="each competition's seasons loaded, oldest first", examples=[{"Premier League": ["2025/2026"]}]
    )


class ReleaseInfo(BaseModel):
    version: str
    coverage: Coverage
    metrics: dict[str, float] = Field(description="the release's evaluation figures (eval_*, with their n)")
    held_back: str | None = Field(description="a newer release the quality gate held back, and why")


class Health(BaseModel):
    status: str = "ok"
    release: str
    llm: str = Field(description="the language model's state: waiting, loading, ready, failed or off")
    narratives_in_line: int = Field(description="narrative answers generating or waiting for the model")
