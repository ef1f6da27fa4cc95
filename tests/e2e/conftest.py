"""The app served on loopback over real matches, and a headless Debian chromium to drive it.

The app stands on tables built from 20 real season files (competition and season from
``configs/ingest_hints.yaml``, as ingest gives them), with SmolLM2-135M as its LLM when the model
cache holds it (narrative questions only; fact questions never reach the model).
"""

from __future__ import annotations

import os
import socket
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.app import AppState, build_server, launch, state_over
from football_rag.config.settings import ApiSettings, LLMSettings, get_settings
from football_rag.knowledge.ingest import HINTS_FILE, load_hints, parse_raw_files, scan_raw_dir
from football_rag.rag.answerer import Answerer
from football_rag.rag.llm import LLMUnavailable, LocalLLM, gguf_path
from tests.conftest import SEASON_DATA, require, season_index

# August 2025 plus the matches the tests name: Arsenal 4-1 Tottenham (1903228), Man City 3-0 Man Utd (1903154).
NAMED_MATCHES = ("1903228", "1903154", "1903251", "1903191", "1903490")
AUGUST_MATCHES = 15
SMOLLM = LLMSettings(model="smollm2-135m", n_ctx=4096, max_tokens=256)
# Every test asks from 127.0.0.1, one client to the rate limit: a rate no test reaches (test_rest_api tests the limit).
# test_app_api queues 12 narratives at once: a line that holds them all.
E2E_API = ApiSettings(questions_per_minute=100_000, narrative_queue=16, cors_origins=["https://embed.example"])
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOT_ENV = "FOOTBALL_RAG_SCREENSHOT_DIR"
TIMEOUT_MS = 60_000  # a browser test's wait for the page


@dataclass(frozen=True)
class RunningApp:
    url: str
    state: AppState
    home: Path


def e2e_match_ids() -> list[str]:
    """Return the WhoScored ids the app is built on: the first August matches and the named ones."""
    august = [r["whoscored_id"] for r in season_index() if r["start_date"].startswith("2025-08")][:AUGUST_MATCHES]
    return list(dict.fromkeys([*august, *NAMED_MATCHES]))


def season_tables(match_ids: list[str]) -> MatchTables:
    """Return the tables of ``match_ids`` from the season corpus, with ingest's competition hints applied."""
    hints = load_hints(get_settings().configs_dir / HINTS_FILE)
    wanted = {f"{match_id}.json.gz" for match_id in match_ids}
    files = [f for f in scan_raw_dir(SEASON_DATA / "whoscored", hints) if Path(f.path).name in wanted]
    parsed, rejected = parse_raw_files(files, workers=1)
    assert not rejected, rejected
    return build_tables([match for _, match in parsed])


def smollm_or_none() -> LocalLLM | None:
    """Return SmolLM2 from the model cache, or None when the cache does not hold it."""
    try:
        gguf_path(SMOLLM.model)
    except LLMUnavailable:
        return None
    return LocalLLM(SMOLLM)


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Return once ``condition()`` holds; fail the test if it does not within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def free_port() -> int:
    """Return a loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def e2e_tables() -> MatchTables:
    require(SEASON_DATA)
    return season_tables(e2e_match_ids())


@pytest.fixture(scope="session")
def running_app(e2e_tables: MatchTables, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """Serve the app on a free loopback port for the whole session."""
    home = tmp_path_factory.mktemp("football_rag_home")
    state = state_over(e2e_tables, Answerer(e2e_tables, llm=smollm_or_none()), "e2e", home, api=E2E_API)
    state.llm.start()
    state.llm.wait(120)  # so screenshots show the model ready; fact questions never wait for it
    server = launch(build_server(state, E2E_API), server_name="127.0.0.1", server_port=free_port(), block=False)
    yield RunningApp(server.url, state, home)
    server.stop()


@contextmanager
def served_with(running_app: RunningApp, api: ApiSettings, home: Path) -> Iterator[tuple[str, AppState]]:
    """Yield the URL and state of a second server over the same answerer with limits a test can reach (its own
    lanes, so its own line and rates)."""
    state = state_over(running_app.state.tables, running_app.state.answerer, "limited", home, api=api)
    server = launch(build_server(state, api), server_name="127.0.0.1", server_port=free_port(), block=False)
    try:
        yield server.url, state
    finally:
        server.stop()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return where screenshots go: ``$FOOTBALL_RAG_SCREENSHOT_DIR`` (e.g. docs/screenshots) or a temp folder."""
    target = os.environ.get(SCREENSHOT_ENV)
    folder = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser_context() -> Iterator[object]:
    """A headless chromium (Debian's, never a downloaded one) with a fresh profile."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )  # fmt: skip
        yield context
        context.close()


@pytest.fixture
def page(browser_context: object, running_app: RunningApp) -> Iterator[object]:
    """A fresh tab on the app, once its question box is shown."""
    page = browser_context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(running_app.url)
    page.wait_for_selector("#fr-question textarea")
    yield page
    page.close()
