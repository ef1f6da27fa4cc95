"""Asking one question in a conversation, through the lanes: what the chat, ``/ask`` and the REST API share.

``take_question`` counts the question against its client's rate, finds its conversation's context and
plans the answer (no model yet); ``answer_pieces`` then yields the answer (a narrative after waiting its
turn for the model) and keeps what it resolved to for the conversation's next question.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from football_rag.app.lanes import Waiting
from football_rag.app.state import AppState
from football_rag.rag.answer_model import Answer
from football_rag.rag.answerer import AnswerStream
from football_rag.rag.scope import NO_FILTERS, Filters


class UnknownConversation(LookupError):
    """A conversation id the server does not hold (never given, or expired)."""


@dataclass
class Question:
    """A question taken: its conversation and its planned answer."""

    conversation_id: str
    text: str
    stream: AnswerStream

    @property
    def needs_model(self) -> bool:
        """Return whether the answer waits for the model (a narrative)."""
        return self.stream.needs_model

    @property
    def answer(self) -> Answer | None:
        """Return the finished answer (None until ``answer_pieces`` is done)."""
        return self.stream.answer


def take_question(
    state: AppState, text: str, conversation_id: str | None, client: str, chosen: Filters = NO_FILTERS
) -> Question:
    """Return the question planned in its conversation (a new one when ``conversation_id`` is None), kept to the
    ``chosen`` season and competition unless it names its own.

    Raises ``RateLimited`` past the client's rate, ``UnknownConversation`` for an id the server does not
    hold, ``QuestionRejected`` for an empty or too long question.
    """
    state.lanes.rate.admit(client)
    if conversation_id is None:
        conversation_id, context = state.conversations.new_id(), None
    elif conversation_id in state.conversations:
        context = state.conversations.get(conversation_id)
    else:
        raise UnknownConversation(
            f"conversation {conversation_id!r} is unknown or has expired (kept {state.conversations.ttl_s} s "
            "after its last question); ask without one to start a new conversation"
        )
    question = Question(conversation_id, text, state.answerer.stream(text, context, chosen))
    _ = question.needs_model  # plan now, so that planning errors surface here, before any answer is sent
    return question


def answer_pieces(state: AppState, question: Question) -> Iterator[str | Waiting]:
    """Yield the answer's text pieces (a narrative's place in line first); then keep the conversation's context.

    Raises ``Busy`` before anything is yielded when the model's line is full, ``LLMUnavailable`` when a
    narrative needs a model that is not there.
    """
    yield from state.lanes.pieces(question.stream)
    state.conversations.put(question.conversation_id, question.stream.resolution)


def answer_now(state: AppState, question: Question) -> Answer:
    """Return the whole answer (a narrative after its turn): for callers that do not stream."""
    for _ in answer_pieces(state, question):
        pass
    return question.answer
