"""``python app.py`` (the Space's entry, the same as ``football-rag serve``) when there is no release to serve.

It never exits (a Space would restart it in a loop): it serves the setup page with the one-line reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from football_rag.config.offline import QUIET_DEFAULTS
from football_rag.config.settings import REPO_ROOT
from tests.e2e.conftest import free_port
from tests.hub_server import HubState, Repo, serve

pytestmark = pytest.mark.slow

STARTUP_S = 240
TOKEN = "hf_loopback_read_token"
UNSET = ("FOOTBALL_RAG_HUB", "FOOTBALL_RAG_RELEASE", "HF_TOKEN", "HF_ENDPOINT", "SPACE_ID", *QUIET_DEFAULTS)


def _environment(home: Path, port: int, **extra: str) -> dict[str, str]:
    """Return a Space-like environment: nothing configured but ``extra``, none of the test run's offline defaults."""
    base = {k: v for k, v in os.environ.items() if k not in UNSET}
    return base | {"FOOTBALL_RAG_HOME": str(home), "GRADIO_SERVER_PORT": str(port), "HF_HOME": str(home / "hf")} | extra


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[object]:
    """Start ``python app.py`` with an environment; return its URL once it answers. Stopped at teardown."""
    started: list[subprocess.Popen[str]] = []

    def start(**extra: str) -> tuple[str, subprocess.Popen[str]]:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "app.py"], cwd=REPO_ROOT, env=_environment(tmp_path / "home", port, **extra),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        started.append(process)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"app.py exited {process.returncode}: {process.stderr.read()[-2000:]}")
            try:
                urllib.request.urlopen(url + "config", timeout=2)
                return url, process
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"app.py did not answer within {STARTUP_S} s")

    yield start
    for process in started:
        process.terminate()
        process.wait(30)


def _page_text(url: str) -> str:
    """Return the text of the page's Markdown blocks (from Gradio's /config)."""
    with urllib.request.urlopen(url + "config", timeout=10) as response:
        config = json.load(response)
    return "\n".join(
        str(c.get("props", {}).get("value", "")) for c in config["components"] if c.get("type") == "markdown"
    )


def _stderr_after_stop(process: subprocess.Popen[str]) -> str:
    """Stop the app and return what it wrote on stderr."""
    process.terminate()
    return process.communicate(timeout=30)[1]


def test_with_nothing_configured_the_app_serves_the_setup_page(start_app) -> None:
    url, process = start_app()

    page = _page_text(url)
    assert "No release is configured" in page
    for variable in ("FOOTBALL_RAG_HUB", "FOOTBALL_RAG_RELEASE", "HF_TOKEN"):
        assert f"`{variable}`" in page
    assert "no release is published on the configured hub yet" in page
    stderr = _stderr_after_stop(process)
    assert "no release is published on the configured hub yet: run `football-rag build` first" in stderr
    assert "Traceback" not in stderr


def test_a_refused_token_is_shown_in_one_line_not_a_crash(start_app) -> None:
    hub = HubState()
    hub.repos["football-rag/knowledge"] = Repo()
    hub.token = TOKEN  # private: only this token reads it
    server, hub_url = serve(hub)
    try:
        url, process = start_app(
            FOOTBALL_RAG_HUB="football-rag/knowledge", FOOTBALL_RAG_RELEASE="v0001", HF_TOKEN="hf_wrong",
            HF_ENDPOINT=hub_url, HF_HUB_DISABLE_XET="1", SPACE_ID="owner/space",
        )  # fmt: skip
        page = _page_text(url)
        stderr = _stderr_after_stop(process)
    finally:
        server.shutdown()

    line = (
        f"HF dataset repo football-rag/knowledge at {hub_url} refused access (401; private, or the token is "
        "wrong): set HF_TOKEN to a token that can read it"
    )
    assert "The release could not be loaded" in page and line in page.replace("\\", "")
    assert "Settings → Variables and secrets" in page  # in a Space, where to set them
    assert line in stderr.splitlines() and "Traceback" not in stderr and "hf_wrong" not in page + stderr
    assert any("/revision/v0001" in r for r in hub.requests)  # the client really asked the hub (not offline)
