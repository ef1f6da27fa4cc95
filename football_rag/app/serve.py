"""Serving the app: ``football-rag serve`` and ``python app.py`` both call ``serve``.

One process, one port: a FastAPI app carries the HTTP API (``/v1``, ``/healthz``, its OpenAPI page at
``/docs``) and the Gradio app mounted at ``/`` (``gr.mount_gradio_app``), served by uvicorn.

Binds 127.0.0.1 unless ``GRADIO_SERVER_NAME`` says otherwise (the Space image sets 0.0.0.0), on
``GRADIO_SERVER_PORT`` or 7860. Never ``share=True``: that downloads a tunnel binary and exposes the
machine. Tracebacks never reach the page (``show_error=False``); known problems are ``gr.Error``
messages, which Gradio always shows.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from football_rag.app.blocks import CSS, TITLE, build_app
from football_rag.app.rest import install_rest
from football_rag.app.setup_page import setup_app
from football_rag.app.state import AppState, load_state
from football_rag.config.model_cache import ModelPackageMissing, ModelsUnavailable, llm_model_names, require_models
from football_rag.config.settings import ApiSettings, Settings, get_settings
from football_rag.rag.knowledge_base import NoRelease

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 7860
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10


@dataclass
class RunningServer:
    """A server started with ``block=False``: its URL, and ``stop`` to shut it down."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        """Stop serving and wait for the server's thread to end."""
        self.server.should_exit = True
        self.thread.join(STOP_TIMEOUT_S)


def build_server(state: AppState, api: ApiSettings | None = None) -> FastAPI:
    """Return the app over ``state``: the HTTP API, with CORS for ``api.cors_origins``, and the Gradio app at ``/``."""
    api = api or ApiSettings()
    app = FastAPI(title=f"{TITLE} API", version=state.version, docs_url="/docs", redoc_url=None)
    if api.cors_origins:  # the embed's origins; Gradio adds none of its own when the parent app sets CORS
        app.add_middleware(CORSMiddleware, allow_origins=api.cors_origins, allow_methods=["GET", "POST"])
    install_rest(app, state)
    return mounted(build_app(state), app)


def mounted(demo: gr.Blocks, app: FastAPI | None = None) -> FastAPI:
    """Return ``app`` (default a bare one) with ``demo`` mounted at ``/``, tracebacks kept off the page."""
    return gr.mount_gradio_app(app or FastAPI(docs_url=None, redoc_url=None), demo, path="/", css=CSS, show_error=False)


def launch(
    app: FastAPI, server_name: str | None = None, server_port: int | None = None, block: bool = True
) -> RunningServer | None:
    """Serve ``app`` with uvicorn until stopped; ``block=False`` returns at once, serving from a thread."""
    host = server_name or os.environ.get("GRADIO_SERVER_NAME") or LOOPBACK
    port = server_port or int(os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    if block:
        server.run()
        return None
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start on {host}:{port}")
        time.sleep(0.05)
    return RunningServer(f"http://{host}:{port}/", server, thread)


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
        launch(mounted(setup_app(problem, settings)))
        return
    state.llm.start()
    log.info("serving release %s (%s)", state.version, state.coverage.summary())
    if state.held_back:
        log.warning("%s; serving %s", state.held_back, state.version)
    launch(build_server(state, settings.api))
