"""The chat tab's layout and events: the conversation, examples, the source panel and its "open in explorer" buttons.

Answering is two chained events (see ``lanes``): the first plans the question and answers a fact at once
on its own slots (``concurrency_id="facts"``); the second, only for a narrative, waits its turn in the
model's line (shared with the REST API, which is why the line is ours and not a Gradio queue) and shows
the visitor their place in it on the conversation, then streams the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

import gradio as gr

from football_rag.app.chat import ChatReply, ChatSession, narrate, post_question, record_feedback, start_answer
from football_rag.app.examples import example_questions
from football_rag.app.pickers import picked, scope_note
from football_rag.app.state import AppState
from football_rag.rag.answerer import MAX_QUESTION_CHARS

FACT_QUEUE, NARRATIVE_QUEUE = "facts", "narratives"
PLACEHOLDER = "Ask about the loaded matches: scores, scorers, lineups, stats, form; or ask to *show* a chart."


def chat_tab(
    state: AppState, open_match: Callable[[str], tuple], open_outputs: list, scope: tuple[gr.Dropdown, gr.Dropdown]
) -> None:
    """Lay out the chat (inside a ``gr.Tab``) and wire it.

    A source's "open" button calls ``open_match(match_id)`` and shows what it returns in ``open_outputs``. The
    explorer's competition and season pickers (``scope``) scope the questions as ``/ask``'s parameters do.
    """
    session = gr.State(ChatSession())
    pending = gr.State("")
    source_links = gr.State([])
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="Conversation", height=560, placeholder=PLACEHOLDER, elem_id="fr-chatbot", buttons=["copy"]
            )
            with gr.Row():
                question = gr.Textbox(
                    placeholder="e.g. Who scored when Arsenal played Tottenham?", max_length=MAX_QUESTION_CHARS,
                    show_label=False, scale=5, elem_id="fr-question", autofocus=True,
                )  # fmt: skip
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="fr-ask")
            gr.Examples(
                example_questions(state.tables.matches, narrative=state.answerer.llm is not None), inputs=question
            )
            new = gr.Button("New conversation", size="sm")
            note = gr.Markdown("", elem_id="fr-chat-scope")
        with gr.Column(scale=2):
            gr.Markdown("### Sources")
            sources = gr.HTML(elem_id="fr-sources")

            @gr.render(inputs=source_links, triggers=[source_links.change])
            def _source_buttons(links: list[tuple[str, str]]) -> None:
                for match_id, title in links:
                    button = gr.Button(f"Open {title} in the explorer", size="sm", elem_classes=["fr-open-match"])
                    button.click(partial(open_match, match_id), None, open_outputs, api_visibility="private")

    private = {"api_visibility": "private"}
    taken = gr.on(
        [question.submit, ask.click], _take, [question, session], [question, pending, chatbot, session],
        queue=False, **private,
    )  # fmt: skip
    outputs = [chatbot, session, sources, source_links]

    def facts(
        question: str, session: ChatSession, competition: str, season: str, request: gr.Request
    ) -> Iterator[tuple]:
        """Answer a fact, or leave a narrative pending (``request`` comes by its type hint: the client's address)."""
        if not question.strip():
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        chosen = picked(competition, season)
        yield from _shown(start_answer(state, question, session, client_of(request), chosen))

    def narrative(session: ChatSession) -> Iterator[tuple]:
        """Answer the narrative ``facts`` left pending; after a fact, leave what it showed as it is."""
        if session.pending is None:  # a generator that yields nothing would blank every output
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        yield from _shown(narrate(state, session))

    # the model's line bounds the narratives, so their event needs no Gradio limit of its own
    taken.then(
        facts, [pending, session, *scope], outputs,
        concurrency_limit=state.lanes.fact_concurrency, concurrency_id=FACT_QUEUE, **private,
    ).then(
        narrative, [session], outputs, concurrency_limit=None, concurrency_id=NARRATIVE_QUEUE, **private,
    )  # fmt: skip

    def feedback(session: ChatSession, data: gr.LikeData) -> None:
        """Record 👍/👎 (Gradio passes ``data`` by its type hint, which is why this is not a ``partial``)."""
        index = data.index if isinstance(data.index, int) else data.index[0]
        gr.Info(record_feedback(state, session, index, data.liked is True))

    gr.on([picker.change for picker in scope], scope_note, list(scope), note, queue=False, **private)
    chatbot.like(feedback, session, None, **private)
    new.click(_new_conversation, None, [chatbot, session, sources, source_links], queue=False, **private)


def _take(question: str, session: ChatSession) -> tuple:
    """Clear the box and show the question at once; hand it on to be answered (it may wait in the queue)."""
    if not question.strip():
        return gr.skip(), "", gr.skip(), gr.skip()
    session = post_question(session, question)
    return "", question, session.messages, session


def client_of(request: gr.Request | None) -> str:
    """Return who is asking, for the per-client rate: the caller's address."""
    client = getattr(request, "client", None)
    return getattr(client, "host", None) or "unknown"


def _shown(replies: Iterator[ChatReply]) -> Iterator[tuple]:
    """Yield each reply as the chat's outputs: the conversation, the session, the source panel and its buttons."""
    for reply in replies:
        # the source buttons follow the source panel: cleared while a new answer streams, set when it is done
        links = (
            [(card.match_id, card.title) for card in reply.session.sources if card.match_id]
            if reply.sources_html
            else []
        )
        yield reply.messages, reply.session, reply.sources_html, links


def _new_conversation() -> tuple:
    return [], ChatSession(), "", []
