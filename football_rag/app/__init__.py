"""The app: chat, match explorer, the embedding API and the HTTP API, built from a loaded release (``AppState``)."""

from football_rag.app.blocks import build_app
from football_rag.app.serve import RunningServer, build_server, launch, serve
from football_rag.app.state import AppState, load_state, state_over

__all__ = ["AppState", "RunningServer", "build_app", "build_server", "launch", "load_state", "serve", "state_over"]
