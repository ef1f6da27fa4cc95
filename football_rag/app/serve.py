"""Serving the app: ``football-rag serve`` and ``python app.py`` both call ``serve``.

Binds 127.0.0.1 unless ``GRADIO_SERVER_NAME`` says otherwise (the Space image sets 0.0.0.0), on
``GRADIO_SERVER_PORT`` or 7860. Never ``share=True``: that downloads a tunnel binary and exposes the
machine. Tracebacks never reach the page (``show_error=False``); known problems are ``gr.Error``
messages, which Gradio always shows.
"""

from __future__ import annotations

import logging
import os
import sys

import gradio as gr

from football_rag.app.blocks import CSS, build_app
from football_rag.app.setup_page import setup_app
from football_rag.app.state import load_state
from football_rag.config.model_cache import ModelPackageMissing, ModelsUnavailable, llm_model_names, require_models
from football_rag.config.settings import Settings, get_settings
from football_rag.rag.knowledge_base import NoRelease

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 7860


def launch(demo: gr.Blocks, server_name: str | None = None, server_port: int | None = None, block: bool = True) -> str:
    """Launch ``demo``; return its local URL. ``block=False`` returns at once, the server running in the background."""
    _, url, _ = demo.launch(
        server_name=server_name or os.environ.get("GRADIO_SERVER_NAME") or LOOPBACK,
        server_port=server_port or int(os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT),
        share=False,
        show_error=False,
        css=CSS,
        prevent_thread_lock=not block,
        quiet=not block,
    )
    return url


def serve(settings: Settings | None = None) -> None:
    """Load the pinned release once, start the LLM loading in the background, and serve the app until stopped.

    When there is nothing to serve (no release configured or published, a Hub error while loading it: 401, 404,
    network, a missing version; or a model missing), writes the one-line reason on stderr and serves the setup
    page with it instead of exiting: a Space that exits is restarted in a loop and shows only "Runtime error".
    The LLM is checked before anything loads.
    """
    settings = settings or get_settings()
    try:
        require_models(llm_model_names(settings))
        state = load_state(settings)
    except (NoRelease, ModelsUnavailable, ModelPackageMissing) as exc:
        problem = " ".join(str(exc).split())  # one line, whatever the library wrote
        sys.stderr.write(f"{problem}\n")
        launch(setup_app(problem, settings))
        return
    state.llm.start()
    log.info("serving release %s (%s)", state.version, state.coverage.summary())
    if state.held_back:
        log.warning("%s; serving %s", state.held_back, state.version)
    launch(build_app(state))
