"""The whole Gradio app, built from an already-loaded ``AppState``: header, chat tab, explorer tab, API endpoints.

Queueing: answering (the chat and ``/ask``) shares one slot (``concurrency_id="llm"``, limit 1); the
explorer, the charts and ``/matches`` run on their own slots (``DEFAULT_CONCURRENCY`` each), so a long
generation never holds them up.
"""

from __future__ import annotations

from functools import partial

import gradio as gr

from football_rag.app.api import PublicApi
from football_rag.app.chat_tab import LLM_QUEUE, chat_tab
from football_rag.app.explorer import explorer_tab, open_match
from football_rag.app.llm_warmup import LLMStatus
from football_rag.app.markup import md
from football_rag.app.state import AppState

TITLE = "Football RAG Intelligence"
DEFAULT_CONCURRENCY = 4
MAX_QUEUE = 100
STATUS_POLL_S = 2.0
CHAT_TAB, EXPLORER_TAB = "chat", "explorer"
CSS = """
.fr-sources { display: flex; flex-direction: column; gap: 8px; }
.fr-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; }
.fr-card-title { font-weight: 600; }
.fr-card-meta, .fr-card-id { font-size: 0.85em; opacity: 0.8; }
.fr-card ul { margin: 4px 0 0 16px; font-size: 0.85em; }
.fr-badge { display: inline-block; border-radius: 12px; padding: 2px 10px; font-size: 0.85em; font-weight: 600; }
.fr-grounded { background: #dcfce7; color: #166534; }
.fr-ungrounded { background: #fef3c7; color: #92400e; }
"""


def header_markdown(state: AppState) -> str:
    """Return the page header: the release, what it covers, and its evaluation numbers."""
    metrics = ", ".join(f"{md(name)} {_number(value)}" for name, value in sorted(state.metrics.items()))
    lines = [
        f"# ⚽ {TITLE}",
        f"Release **{md(state.version)}** · {md(state.coverage.summary())}",
    ]
    if state.held_back:
        lines.append(f"⚠️ {md(state.held_back)}; this page serves {md(state.version)}")
    if metrics:
        lines.append(f"Evaluation: {metrics}")
    return "\n\n".join(lines)


def build_app(state: AppState) -> gr.Blocks:
    """Return the app over ``state`` (nothing is loaded here), with its queue configured."""
    api = PublicApi(state)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(header_markdown(state), elem_id="fr-header")
        llm_status = gr.Markdown(state.llm.describe(), elem_id="fr-llm-status")
        timer = gr.Timer(STATUS_POLL_S, active=state.llm.status in (LLMStatus.WAITING, LLMStatus.LOADING))
        timer.tick(partial(_llm_status, state), None, [llm_status, timer], queue=False, api_visibility="private")
        with gr.Tabs(selected=CHAT_TAB) as tabs:
            with gr.Tab("Ask", id=CHAT_TAB):
                chat_slot = gr.Column()
            with gr.Tab("Match explorer", id=EXPLORER_TAB):
                explorer = explorer_tab(state)
        opener = partial(_open_in_explorer, state)
        with chat_slot:
            chat_tab(state, opener, [*explorer.pickers, tabs])

        known = set(state.tables.matches["match_id"].astype(str))

        def open_linked_match(request: gr.Request) -> tuple:
            """Open the match a ``?match=<WhoScored id>`` link names (``request`` comes by its type hint)."""
            match_id = (request.query_params.get("match") or "").strip()
            if match_id not in known:
                return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return opener(match_id)

        demo.load(open_linked_match, None, [*explorer.pickers, tabs], api_visibility="private")
        gr.api(api.ask, api_name="ask", concurrency_limit=1, concurrency_id=LLM_QUEUE)
        gr.api(api.chart, api_name="chart")
        gr.api(api.matches, api_name="matches")
    demo.queue(default_concurrency_limit=DEFAULT_CONCURRENCY, max_size=MAX_QUEUE)
    return demo


def _number(value: float) -> str:
    """Return a count as ``20``, a score as ``0.69``."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def _llm_status(state: AppState) -> tuple[str, gr.Timer]:
    """Return the LLM's status line; stop polling once it is ready or failed."""
    loading = state.llm.status in (LLMStatus.WAITING, LLMStatus.LOADING)
    return state.llm.describe(), gr.Timer(active=loading)


def _open_in_explorer(state: AppState, match_id: str) -> tuple:
    """Return the pickers set to ``match_id`` and the explorer tab selected."""
    return (*open_match(state, match_id), gr.Tabs(selected=EXPLORER_TAB))
