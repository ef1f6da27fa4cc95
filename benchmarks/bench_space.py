"""The simulated Space's start: cold (release and models downloaded from the loopback Hub) and warm (all cached).

What ``tests/e2e/test_simulated_space.py`` checks, timed: the image's install replayed in a clean venv
(``tests/space_image.py``, reused while the install steps are unchanged), a loopback stand-in for the Hub
(``tests/hub_server.py``) serving the release dataset repo (three real matches) and the model repos of the
Space's default models (all-mpnet-base-v2, Qwen2.5-Coder-1.5B Q4_K_M, 1.04 GiB), and ``python app.py`` from
that venv with only the Space's variables.

- cold start: an empty persistent volume (the app's home and HF's cache live on it); from process start until
  the page is served. It includes downloading the release, the embedder and the LLM through ``huggingface_hub``;
- first narrative answer: from the page served until ``/ask`` returns an answer written by the LLM;
- warm restart: the same volume, the app started again; everything is in HF's cache and the home.

Targets: cold start under 90 s, warm restart under 20 s. ``python -m benchmarks.bench_space`` prints JSON.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from football_rag.config.model_cache import ModelCache
from tests.conftest import SEASON_DATA
from tests.e2e.conftest import free_port
from tests.hub_server import HubState, serve
from tests.simulated_space import RELEASE_REPO, TOKEN, Space, publish_release, serve_models
from tests.space_image import cached_space_venv

LLM = "qwen2.5-1.5b"
NARRATIVE = "How did Arsenal create chances against Tottenham?"
COLD_TARGET_S, WARM_TARGET_S = 90.0, 20.0


def run() -> dict[str, object]:
    """Return the install, cold start, first narrative answer and warm restart times (or why it was skipped)."""
    if not SEASON_DATA.is_dir():
        return {"skipped": f"no season data at {SEASON_DATA}"}
    with tempfile.TemporaryDirectory(prefix="bench_space.") as folder:
        root = Path(folder)
        venv = cached_space_venv()

        state = HubState()
        state.token = TOKEN
        server, url = serve(state)
        try:
            specs = serve_models(state, LLM, ModelCache.from_settings())
            report = publish_release(url, specs.embedder, root / "publisher")
            variables = {
                "FOOTBALL_RAG_HUB": RELEASE_REPO,
                "FOOTBALL_RAG_RELEASE": report["version"],
                "HF_TOKEN": TOKEN,
                "FOOTBALL_RAG_EMBEDDING_MODEL": specs.embedder,
                "FOOTBALL_RAG_LLM__MODEL": specs.llm,
                "HF_ENDPOINT": url,
                "HF_HUB_DISABLE_XET": "1",
            }
            space = Space(venv.python, venv.home, root / "data", variables, root / "app.log")
            load_before = os.getloadavg()[0]
            published = len(state.requests)  # the publisher's requests, not the app's
            try:
                cold_s = space.start(free_port())
                narrative_s = _first_narrative_s(space.url)
            finally:
                space.stop()
            # Snapshots link to blobs: the blobs alone are what was downloaded.
            blobs = (root / "data" / "huggingface" / "hub").glob("*/blobs/*")
            downloaded = sum(p.stat().st_size for p in blobs)
            requests_cold = len(state.requests) - published
            try:
                warm_s = space.start(free_port())
            finally:
                space.stop()
            requests_warm = len(state.requests) - published - requests_cold
        finally:
            server.shutdown()
    return {
        "space_venv": f"built in {venv.total_s:.0f} s" if venv.seconds else "reused (install steps unchanged)",
        "cold_start_s": round(cold_s, 1),
        "cold_start_target_s": COLD_TARGET_S,
        "first_narrative_answer_after_start_s": round(narrative_s, 1),
        "warm_restart_s": round(warm_s, 1),
        "warm_restart_target_s": WARM_TARGET_S,
        "models_downloaded_mib": round(downloaded / 2**20, 1),
        "hub_requests_cold": requests_cold,
        "hub_requests_warm": requests_warm,
        "load_avg_1m_at_start": round(load_before, 2),
    }


def _first_narrative_s(url: str) -> float:
    """Return the seconds ``/ask`` takes to answer a narrative question (the LLM loads in the background first)."""
    from gradio_client import Client

    started = time.perf_counter()
    answer = Client(url, verbose=False).predict(NARRATIVE, api_name="/ask")
    if answer["intent"] != "narrative" or "Arsenal 4-1 Tottenham" not in answer["answer"]:
        raise AssertionError(f"unexpected narrative answer: {answer}")
    return time.perf_counter() - started


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
