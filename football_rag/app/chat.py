"""The chat: one question at a time, answered as it streams, with its sources, its chart and 👍/👎.

A session keeps the conversation (what the chatbot shows), its conversation id (what the last question
resolved to is kept under it in ``AppState.conversations``, as for the REST API, so a follow-up like "and
the shots?" knows the match), and, for each answer, what 👍/👎 should record. A fact is answered at once
(``start_answer``); a narrative waits its turn for the model, showing its place in line (``narrate``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import gradio as gr

from football_rag.app.asking import Question, answer_pieces, take_question
from football_rag.app.lanes import Refused, Waiting
from football_rag.app.markup import md
from football_rag.app.source_cards import SourceCard, cards_html, source_cards
from football_rag.app.state import AppState
from football_rag.charts import ChartError, render_chart
from football_rag.rag.answer_model import Answer
from football_rag.rag.answerer import QuestionRejected
from football_rag.rag.llm import LLMUnavailable
from football_rag.rag.scope import NO_FILTERS, Filters

log = logging.getLogger(__name__)

THINKING = "…"
FAILED = "Something went wrong while answering this question; it has been logged. Please try another question."


@dataclass
class Turn:
    """One answered question, as 👍/👎 records it."""

    question: str
    answer: str
    trace_id: str
    opik_trace_id: str | None = None


@dataclass
class ChatSession:
    """One visitor's conversation; Gradio gives every browser session its own copy."""

    messages: list[dict] = field(default_factory=list)
    conversation_id: str | None = None  # the follow-up context is kept in ``AppState.conversations`` under it
    pending: Question | None = None  # a narrative waiting for ``narrate``
    turns: dict[int, Turn] = field(default_factory=dict)
    sources: list[SourceCard] = field(default_factory=list)

    def turn_at(self, index: int) -> Turn | None:
        """Return the turn a message belongs to (a chart message belongs to the answer before it)."""
        owners = [i for i in self.turns if i <= index]
        return self.turns[max(owners)] if owners else None


@dataclass(frozen=True)
class ChatReply:
    """What one step of answering shows: the conversation, the session, the source panel."""

    messages: list[dict]
    session: ChatSession
    sources_html: str


def post_question(session: ChatSession, question: str) -> ChatSession:
    """Show ``question`` at once, with a placeholder for its answer (which may wait in the queue)."""
    session.messages = [
        *session.messages,
        {"role": "user", "content": md(question)},
        {"role": "assistant", "content": THINKING},
    ]
    return session


def start_answer(
    state: AppState, question: str, session: ChatSession, client: str, chosen: Filters = NO_FILTERS
) -> Iterator[ChatReply]:
    """Answer the question ``post_question`` put last in ``session`` if it is a fact (at once, no model), kept to
    the ``chosen`` competition and season unless it names its own; a narrative is left in ``session.pending`` for
    ``narrate``, which waits for the model."""
    yield ChatReply(session.messages, session, "")

    def take() -> Iterator[ChatReply]:
        known = session.conversation_id if session.conversation_id in state.conversations else None
        taken = take_question(state, question, known, client, chosen)
        session.conversation_id = taken.conversation_id
        if taken.needs_model:
            session.pending = taken
            return
        yield from _answered(state, session, taken)

    yield from _guarded(session, question, take())


def narrate(state: AppState, session: ChatSession) -> Iterator[ChatReply]:
    """Answer the narrative ``start_answer`` left pending: its place in line while it waits, then the answer
    as the model writes it (nothing when no narrative is pending)."""
    taken, session.pending = session.pending, None
    if taken is not None:
        yield from _guarded(session, taken.text, _answered(state, session, taken))


def _answered(state: AppState, session: ChatSession, taken: Question) -> Iterator[ChatReply]:
    """Yield the conversation as the answer streams (a narrative's place in line while it waits), then finished."""
    answer_index = len(session.messages) - 1
    draft = ""
    for piece in answer_pieces(state, taken):
        if isinstance(piece, Waiting):
            content = f"⏳ {md(piece.describe())}"
        else:
            draft += piece
            content = md(draft)
        session.messages[answer_index] = {"role": "assistant", "content": content}
        yield ChatReply(session.messages, session, "")
    yield _finished(state, session, answer_index, taken.answer)


def _guarded(session: ChatSession, question: str, replies: Iterator[ChatReply]) -> Iterator[ChatReply]:
    """Yield ``replies``; a failure becomes the answer's message (a known one says why, anything else is logged)."""
    try:
        yield from replies
    except (QuestionRejected, Refused) as exc:
        _say(session, f"⚠️ {md(exc)}")
    except LLMUnavailable as exc:
        _say(
            session,
            f"⚠️ This question needs the language model, which is not available ({md(exc)}). Fact questions still work.",
        )
    except Exception:  # the visitor sees a plain message; the traceback goes to the log only
        log.exception("answering %r failed", question)
        _say(session, FAILED)
    else:
        return
    yield ChatReply(session.messages, session, "")


def _say(session: ChatSession, text: str) -> None:
    """Put ``text`` where the last answer goes."""
    session.messages[len(session.messages) - 1] = {"role": "assistant", "content": text}


def _finished(state: AppState, session: ChatSession, answer_index: int, answer: Answer) -> ChatReply:
    """Return the final reply: the checked answer, its chart when one was asked for, the source cards."""
    session.messages[answer_index] = {"role": "assistant", "content": md(answer.answer)}
    if answer.chart:
        session.messages.append({"role": "assistant", "content": _chart_message(state, answer.chart)})
    session.turns[answer_index] = Turn(
        question=answer.question,
        answer=answer.answer,
        trace_id=uuid.uuid4().hex,
        # set once the answerer exposes its Opik trace id on the Answer (requested from the rag stage)
        opik_trace_id=getattr(answer, "trace_id", None),
    )
    session.sources = source_cards(answer, state.tables)
    return ChatReply(session.messages, session, cards_html(answer, session.sources))


def _chart_message(state: AppState, chart: dict) -> gr.Plot | str:
    """Return the chart the answer asked for as a plot in the conversation, or why it cannot be drawn."""
    try:
        figure = render_chart(chart["kind"], state.tables, match_id=chart.get("match_id"), team=chart.get("team"))
    except ChartError as exc:
        return f"⚠️ No chart: {md(exc)}"
    return gr.Plot(value=figure, show_label=False)


def record_feedback(state: AppState, session: ChatSession, index: int, liked: bool) -> str:
    """Record 👍/👎 on the message at ``index``; return what to tell the visitor."""
    turn = session.turn_at(index)
    if turn is None:
        return "Feedback goes on answers, not on questions."
    state.feedback.record(turn.trace_id, turn.question, turn.answer, liked, turn.opik_trace_id)
    return "Thanks: your 👍 was recorded." if liked else "Thanks: your 👎 was recorded; it helps us fix answers."
