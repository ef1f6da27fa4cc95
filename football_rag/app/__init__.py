"""The Gradio app: chat, match explorer and the embedding API, built from a loaded release (``AppState``)."""

from football_rag.app.blocks import build_app
from football_rag.app.serve import launch, serve
from football_rag.app.state import AppState, load_state, state_over

__all__ = ["AppState", "build_app", "launch", "load_state", "serve", "state_over"]
