"""The whole Gradio app, built from an already-loaded ``AppState``: header, chat tab, explorer tab, API endpoints.

Queueing: answering (the chat, ``/ask`` and the REST API) goes through the lanes (``lanes``): facts at once,
narratives one at a time in the model's bounded line; the explorer, the charts and ``/matches`` run on
their own slots (``DEFAULT_CONCURRENCY`` each), so a long generation never holds them up.
"""

from __future__ import annotations

from functools import partial

import gradio as gr

from football_rag.app.api import PublicApi
from football_rag.app.chat_tab import chat_tab
from football_rag.app.explorer import explorer_tab, open_match
from football_rag.app.llm_warmup import LLMStatus
from football_rag.app.markup import md
from football_rag.app.state import AppState

TITLE = "Football RAG Intelligence"
DEFAULT_CONCURRENCY = 4
MAX_QUEUE = 100
STATUS_POLL_S = 2.0
CHAT_TAB, EXPLORER_TAB = "chat", "explorer"
EVAL_PREFIX = "eval_"
# The header's quality line: (metric in the release manifest, label); evaluation/metrics.py defines them.
HEADLINE_METRICS = (("eval_correctness", "answers correct"), ("eval_groundedness", "grounded"))
CSS = """
.fr-sources { display: flex; flex-direction: column; gap: 8px; }
.fr-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; }
.fr-card-title { font-weight: 600; }
.fr-card-meta, .fr-card-id { font-size: 0.85em; opacity: 0.8; }
.fr-card ul { margin: 4px 0 0 16px; font-size: 0.85em; }
.fr-badge { display: inline-block; border-radius: 12px; padding: 2px 10px; font-size: 0.85em; font-weight: 600; }
.fr-grounded { background: #dcfce7; color: #166534; }
.fr-ungrounded { background: #fef3c7; color: #92400e; }
#fr-metrics table { font-size: 0.85em; }
#fr-metrics td:nth-child(n+2), #fr-metrics th:nth-child(n+2) { white-space: nowrap; text-align: right; }
@media (max-width: 640px) { #fr-chatbot { height: 440px !important; } }
"""


def header_markdown(state: AppState) -> str:
    """Return the page header: the release and what it covers, one quality line, a held-back version when any.

    The quality line carries the two figures a visitor can read at a glance (answer correctness and
    groundedness, each with its n); every figure is in the accordion below it (``metrics_markdown``).
    """
    lines = [
        f"# ⚽ {TITLE}",
        f"Release **{md(state.version)}** · {md(state.coverage.summary())} · {quality_line(state.metrics)}",
    ]
    if state.held_back:
        lines.append(f"⚠️ {md(state.held_back)}; this page serves {md(state.version)}")
    return "\n\n".join(lines)


def quality_line(metrics: dict[str, float]) -> str:
    """Return e.g. ``answers correct **97%** (n 368) · grounded **100%** (n 398)``, or ``not evaluated``."""
    shown = [
        f"{label} **{value * 100:.0f}%**" + (f" (n {int(metrics[name + '_n'])})" if name + "_n" in metrics else "")
        for name, label in HEADLINE_METRICS
        if (value := metrics.get(name)) is not None
    ]
    return " · ".join(shown) or "not evaluated"


def metrics_markdown(metrics: dict[str, float]) -> str:
    """Return every evaluation figure of the release as a table (figure, value, n), alphabetically."""
    names = sorted(name for name in metrics if not (name.endswith("_n") and name[:-2] in metrics))
    rows = [
        f"| {md(name.removeprefix(EVAL_PREFIX).replace('_', ' '))} | {_number(metrics[name])} | "
        f"{_number(metrics[name + '_n']) if name + '_n' in metrics else ''} |"
        for name in names
    ]
    return "| figure | value | n |\n| --- | ---: | ---: |\n" + "\n".join(rows)


def build_app(state: AppState) -> gr.Blocks:
    """Return the app over ``state`` (nothing is loaded here), with its queue configured."""
    api = PublicApi(state)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(header_markdown(state), elem_id="fr-header")
        if state.metrics:
            with gr.Accordion(f"Evaluation of {state.version}: every figure", open=False, elem_id="fr-metrics"):
                gr.Markdown(metrics_markdown(state.metrics))
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
            chat_tab(state, opener, [*explorer.pickers, tabs], (explorer.competition, explorer.season))

        known = set(state.tables.matches["match_id"].astype(str))

        def open_linked_match(request: gr.Request) -> tuple:
            """Open the match a ``?match=<WhoScored id>`` link names (``request`` comes by its type hint)."""
            match_id = (request.query_params.get("match") or "").strip()
            if match_id not in known:
                return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return opener(match_id)

        demo.load(open_linked_match, None, [*explorer.pickers, tabs], api_visibility="private")
        # no Gradio limit: a fact is answered at once, a narrative waits in the lanes' bounded line
        gr.api(api.ask, api_name="ask", concurrency_limit=None, concurrency_id="ask")
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
