"""The plain HTTP API (``/v1``, ``/healthz``) over one app state: FastAPI routes, documented at ``/docs``.

Answers go through the same lanes and conversations as the chat (``asking``): a fact at once, a narrative
after its turn for the model. Refusals are 4xx with a sentence saying why (``Problem``): 400 for a
question that cannot be taken, 404 for an unknown match, chart kind or conversation, 422 for a
parameter that does not parse, 429 past a client's rate and 503 when the model's line is full (both
with ``Retry-After``). Anything unexpected is logged and answered 500 without its traceback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, TypeVar

import pandas as pd
from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.sse import EventSourceResponse, format_sse_event

from football_rag.app.api import match_rows, plain_json
from football_rag.app.asking import Question, UnknownConversation, answer_now, answer_pieces, take_question
from football_rag.app.lanes import Busy, Refused, Waiting
from football_rag.app.pickers import ALL, narrowed
from football_rag.app.rest_models import (
    AskRequest,
    AskResponse,
    Coverage,
    Health,
    MatchDetail,
    MatchPage,
    MatchSummary,
    Problem,
    ReleaseInfo,
    SideFigures,
)
from football_rag.app.state import AppState
from football_rag.charts import CHART_KINDS, ChartError, render_chart
from football_rag.rag.answerer import QuestionRejected
from football_rag.rag.llm import LLMUnavailable
from football_rag.rag.scope import Filters

log = logging.getLogger(__name__)

T = TypeVar("T")
PAGE_LIMIT = 100
ERRORS = {code: {"model": Problem} for code in (400, 404, 422, 429, 503)}
INTERNAL = "Internal error; it has been logged."


def rest_routes(state: AppState) -> APIRouter:
    """Return the routes of the HTTP API over ``state``."""
    router = APIRouter(responses=ERRORS)

    @router.get("/healthz", response_model=Health, tags=["service"])
    def healthz() -> Health:
        """Whether the app is up, what it serves and whether its language model is ready."""
        return Health(release=state.version, llm=state.llm.status.value, narratives_in_line=len(state.lanes.model))

    @router.get("/v1/release", response_model=ReleaseInfo, tags=["service"])
    def release() -> ReleaseInfo:
        """The release served: its version, what it covers and its evaluation figures."""
        c = state.coverage
        coverage = Coverage(
            matches=c.matches, teams=c.teams, competitions=list(c.competitions), first_day=c.first_day,
            last_day=c.last_day, seasons=list(c.seasons),
            competition_seasons={name: list(seasons) for name, seasons in c.competition_seasons.items()},
        )  # fmt: skip
        return ReleaseInfo(version=state.version, coverage=coverage, metrics=state.metrics, held_back=state.held_back)

    @router.post("/v1/ask", response_model=AskResponse, tags=["answers"])
    def ask(body: AskRequest, request: Request) -> AskResponse:
        """Answer a question (a fact at once; a narrative after its turn for the model)."""
        question = _taken(state, body, request)
        answer = _answering(lambda: answer_now(state, question))
        return AskResponse(**answer.model_dump(), conversation_id=question.conversation_id, release=state.version)

    @router.post(
        "/v1/ask/stream",
        tags=["answers"],
        response_class=Response,  # the EventSourceResponse is returned, not yielded: refusals are still a status
        responses={
            200: {
                "content": {"text/event-stream": {}},
                "description": "events: `queue` {ahead, expected_s} while a narrative waits for the model, `delta` "
                "{text} as the answer is written, then `answer` (AskResponse), or `error` {detail}",
            }
        },
    )
    def ask_stream(body: AskRequest, request: Request) -> EventSourceResponse:
        """Answer a question as server-sent events: its place in line while it waits, the text, the answer."""
        question = _taken(state, body, request)
        if question.needs_model:
            _answering(state.lanes.model.refuse_if_full)  # 503 now rather than an error event later
        return EventSourceResponse(_events(state, question))

    @router.get("/v1/matches", response_model=MatchPage, tags=["matches"])
    def matches(
        competition: str | None = None,
        season: Annotated[str | None, Query(examples=["2025/2026"])] = None,
        team: str | None = None,
        date_from: Annotated[date | None, Query(description="YYYY-MM-DD, inclusive")] = None,
        date_to: Annotated[date | None, Query(description="YYYY-MM-DD, inclusive")] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=PAGE_LIMIT)] = 50,
    ) -> MatchPage:
        """The loaded matches, latest first, narrowed by competition, season, team and dates."""
        if date_from and date_to and date_from > date_to:
            raise HTTPException(400, f"date_from {date_from} is after date_to {date_to}")
        scope = narrowed(state.tables.matches, competition or ALL, season or ALL, team or ALL)
        days = pd.to_datetime(scope["date"]).dt.date
        scope = scope[(days >= (date_from or date.min)) & (days <= (date_to or date.max))]
        scope = scope.sort_values(["date", "match_id"], ascending=False)
        rows = match_rows(scope.iloc[offset : offset + limit])
        return MatchPage(total=len(scope), offset=offset, limit=limit, matches=[MatchSummary(**r) for r in rows])

    @router.get("/v1/matches/{match_id}", response_model=MatchDetail, tags=["matches"])
    def match(match_id: str) -> MatchDetail:
        """One match: its result, officials and venue, its computed facts and its key stats."""
        row = _match_row(state, match_id)
        book = state.answerer.book
        finished = row["status"] == "finished"
        return MatchDetail(
            **match_rows(row.to_frame().T)[0],
            status=row["status"],
            venue=_text(row["venue"]),
            referee=_text(row["referee"]),
            attendance=int(row["attendance"]) if pd.notna(row["attendance"]) else None,
            half_time=f"{int(row['ht_home_goals'])}-{int(row['ht_away_goals'])}"
            if pd.notna(row["ht_home_goals"])
            else None,
            facts=book.match_summary(match_id).facts if finished else book.score(match_id).facts,
            key_stats={
                stat: SideFigures(home=_number(home), away=_number(away))
                for stat, (home, away) in (book.key_figures(match_id) if finished else {}).items()
            },
        )

    @router.get(
        "/v1/matches/{match_id}/charts/{kind}",
        tags=["matches"],
        responses={200: {"description": "a plotly figure as JSON: {data, layout} (plotly.io.from_json reads it)"}},
    )
    def chart(match_id: str, kind: str, team: str | None = None, side: str | None = None) -> Response:
        """One chart of the match (``team_trend``: the season of ``team``, else of the home side)."""
        row = _match_row(state, match_id)
        if kind not in CHART_KINDS:
            raise HTTPException(404, f"unknown chart kind {kind!r}; kinds: {', '.join(CHART_KINDS)}")
        team = team or (row["home"] if kind == "team_trend" else None)
        try:
            figure = render_chart(kind, state.tables, match_id=match_id, team=team, side=side)
        except ChartError as exc:
            raise HTTPException(422, str(exc)) from None
        return Response(plain_json(figure), media_type="application/json")

    return router


def install_rest(app: FastAPI, state: AppState) -> None:
    """Add the HTTP API's routes to ``app`` and answer its errors as ``Problem`` bodies."""
    app.include_router(rest_routes(state))
    app.add_exception_handler(Refused, _refused)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _internal)


def _taken(state: AppState, body: AskRequest, request: Request) -> Question:
    """Return the question taken (rate, conversation, plan), or raise the HTTP error that says why not."""
    client = request.client.host if request.client else "unknown"
    try:
        chosen = Filters(season=body.season, competition=body.competition)
        return take_question(state, body.question, body.conversation_id, client, chosen)
    except QuestionRejected as exc:
        raise HTTPException(400, str(exc)) from None
    except UnknownConversation as exc:
        raise HTTPException(404, str(exc)) from None


def _answering(work: Callable[[], T]) -> T:
    """Return ``work()``; a missing model becomes a 503 with why (``Refused`` has its own handler)."""
    try:
        return work()
    except LLMUnavailable as exc:
        raise HTTPException(503, f"this question needs the language model, which is not available: {exc}") from None


def _events(state: AppState, question: Question) -> Iterator[bytes]:
    """Yield the answer as server-sent events; a failure once streaming has begun is an ``error`` event."""
    try:
        for piece in answer_pieces(state, question):
            if isinstance(piece, Waiting):
                yield format_sse_event(event="queue", data_str=json.dumps(vars(piece)))
            else:
                yield format_sse_event(event="delta", data_str=json.dumps({"text": piece}))
        done = AskResponse(
            **question.answer.model_dump(), conversation_id=question.conversation_id, release=state.version
        )
        yield format_sse_event(event="answer", data_str=done.model_dump_json())
    except (Refused, LLMUnavailable) as exc:
        yield format_sse_event(event="error", data_str=json.dumps({"detail": str(exc)}))
    except Exception:  # the client gets a plain message; the traceback goes to the log only
        log.exception("streaming an answer to %r failed", question.text)
        yield format_sse_event(event="error", data_str=json.dumps({"detail": INTERNAL}))


def _match_row(state: AppState, match_id: str) -> pd.Series:
    """Return the match's row, or raise 404."""
    found = state.tables.matches[state.tables.matches["match_id"].astype(str) == match_id]
    if found.empty:
        raise HTTPException(404, f"no match {match_id!r} in release {state.version}")
    return found.iloc[0]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def _refused(_: Request, exc: Exception) -> JSONResponse:
    """429 past the client's rate, 503 when the model's line is full: with Retry-After."""
    status = 503 if isinstance(exc, Busy) else 429
    return JSONResponse({"detail": str(exc)}, status, headers={"Retry-After": str(exc.retry_after_s)})


def _invalid(_: Request, exc: Exception) -> JSONResponse:
    """422 with one sentence per bad parameter, e.g. ``date_from: Input should be a valid date ...``."""
    problems = [f"{'.'.join(str(part) for part in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
    return JSONResponse({"detail": "; ".join(problems)}, 422)


def _internal(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": INTERNAL}, 500)
