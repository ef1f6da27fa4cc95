"""The page served when there is no release to stand on: what went wrong, in one line, and which variables to set.

A Space with no release configured (an empty or duplicated Space), a hub that refuses the token, a pinned
version the hub does not hold: the app cannot answer, but it must not exit either (a Space would restart it
in a loop and show only "Runtime error"). It serves this page instead, on the same port; setting the
variables in the Space's settings restarts it on the release.
"""

from __future__ import annotations

import os

import gradio as gr

from football_rag.app.markup import md
from football_rag.config.offline import SPACE_ENV, names_hf_repo
from football_rag.config.settings import Settings

TITLE = "Football RAG Intelligence: setup"
HUB_ENV, RELEASE_ENV, TOKEN_ENV = "FOOTBALL_RAG_HUB", "FOOTBALL_RAG_RELEASE", "HF_TOKEN"
VARIABLES: tuple[tuple[str, str], ...] = (
    (HUB_ENV, "the HF dataset repo the releases are published to (`owner/name`), or a local hub folder"),
    (RELEASE_ENV, "the release to serve, a tag of that repo (e.g. `v0007`); default: the repo's `LATEST`"),
    (TOKEN_ENV, "a token that can read the repo (a Space **secret**): the release repo is private"),
)


def is_configured(settings: Settings) -> bool:
    """Return True when a hub or a release is set (a problem then lies with them, not with a missing setup)."""
    return bool((settings.hub or "").strip() or os.environ.get(RELEASE_ENV, "").strip())


def setup_markdown(problem: str, settings: Settings) -> str:
    """Return the setup page: the one-line problem, what is set now (never a token's value), and what to set."""
    heading = "The release could not be loaded" if is_configured(settings) else "No release is configured"
    hub = (settings.hub or "").strip()
    release = os.environ.get(RELEASE_ENV, "").strip()
    # Values go through md() and never into code spans, where a backslash escape would show.
    now = {
        HUB_ENV: md(hub) if hub else f"not set (the local hub {md(str(settings.home / 'hub'))})",
        RELEASE_ENV: md(release) if release else "not set (the hub's latest)",
        TOKEN_ENV: "set" if os.environ.get(TOKEN_ENV) else "not set",
    }
    # A list, not a table: three columns do not fit a phone's width.
    rows = "\n".join(f"- **`{name}`**: {meaning}. Now: {now[name]}." for name, meaning in VARIABLES)
    where = (
        "In the Space: **Settings → Variables and secrets** (`HF_TOKEN` as a secret); the Space restarts on save."
        if os.environ.get(SPACE_ENV)
        else "Export them (or put them in `.env`) and start the app again; or build a release here with "
        "`football-rag build`."
    )
    hint = (
        "" if names_hf_repo(hub) or not is_configured(settings) else
        "\n\nA local hub folder is read as is: it must hold the release's folder and a `LATEST` file."
    )  # fmt: skip
    return (
        f"# ⚽ Football RAG Intelligence\n\n## {heading}\n\n> {md(problem)}\n\n"
        f"The app serves a published release. Set:\n\n{rows}\n\n"
        f"{where}{hint}"
    )


def setup_app(problem: str, settings: Settings) -> gr.Blocks:
    """Return the setup page as a Gradio app (one Markdown block; nothing to load, nothing to call)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(setup_markdown(problem, settings), elem_id="fr-setup")
    return demo
