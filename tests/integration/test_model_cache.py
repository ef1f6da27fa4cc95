"""The model cache assembled from the installed model packages: sizes, idempotence, models that really load, a
fresh cache folder filled on demand, and the commands' preflight (``require_models``).

Sizes below are the shipped files' sizes from the packages' RECORD files (requirements-models.txt pins).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from football_rag.config.model_cache import (
    LOCK_NAME,
    MANIFEST_NAME,
    MODEL_SOURCES,
    Layout,
    ModelCache,
    ModelPackageMissing,
    ModelSource,
    ModelsUnavailable,
    ShippedPath,
    assemble_model_cache,
    build_model_names,
    evaluation_model_names,
    require_models,
)
from football_rag.config.settings import REPO_ROOT, Settings, get_settings

pytestmark = pytest.mark.slow

QWEN_GGUF_BYTES = 21 * 52_428_800 + 16_315_968  # parts 1-21 are 50 MiB each, part 22 the rest
MPNET_SAFETENSORS_BYTES = 437_971_872
MINILM_SAFETENSORS_BYTES = 90_868_376
SMOLLM2_GGUF_BYTES = 98_362_432


def _missing_model_package() -> str | None:
    """Return why the model packages cannot be used, or None when every part is installed whole."""
    try:
        for source in MODEL_SOURCES:
            for part in source.parts:
                part.locate()
    except ModelPackageMissing as exc:
        return str(exc)
    return None


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> ModelCache:
    """A cache assembled once, in a fresh folder, from the installed packages."""
    missing = _missing_model_package()
    if missing:
        pytest.skip(f"model packages not installed (run scripts/setup.sh): {missing}")
    root = tmp_path_factory.mktemp("models")
    assemble_model_cache(root)
    return ModelCache(root)


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forbid hub look-ups, so a model that is not loadable from its folder fails instead of downloading."""
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        monkeypatch.setenv(key, "1")


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Return (mtime_ns, inode) of every file and link under ``root``, links not followed."""
    return {
        str(path.relative_to(root)): (path.lstat().st_mtime_ns, path.lstat().st_ino)
        for path in root.rglob("*")
        if path.is_symlink() or path.is_file()
    }


def test_assembled_files_have_the_shipped_sizes(cache: ModelCache) -> None:
    qwen = cache.path("qwen2.5-1.5b")
    assert qwen.stat().st_size == QWEN_GGUF_BYTES
    with qwen.open("rb") as gguf:
        assert gguf.read(4) == b"GGUF"

    mpnet = cache.path("all-mpnet-base-v2")
    assert (mpnet / "model.safetensors").stat().st_size == MPNET_SAFETENSORS_BYTES
    assert (mpnet / "modules.json").is_file() and (mpnet / "1_Pooling" / "config.json").is_file()

    minilm = cache.path("all-MiniLM-L6-v2")
    assert minilm.is_symlink()
    assert (minilm / "model.safetensors").stat().st_size == MINILM_SAFETENSORS_BYTES

    smollm2 = cache.path("smollm2-135m")
    assert smollm2.is_symlink() and smollm2.stat().st_size == SMOLLM2_GGUF_BYTES
    assert (cache.root / MANIFEST_NAME).is_file()
    left = [p.name for p in cache.root.rglob(".*") if p.name not in (".gitattributes", LOCK_NAME)]
    assert not left, "staging left behind"


def test_second_assembly_changes_nothing(cache: ModelCache) -> None:
    before = _snapshot(cache.root)
    paths = assemble_model_cache(cache.root)
    assert _snapshot(cache.root) == before
    assert paths == {source.name: cache.root / source.relpath for source in MODEL_SOURCES}


def test_a_damaged_entry_is_rebuilt_alone(cache: ModelCache) -> None:
    smollm2 = cache.path("smollm2-135m")
    smollm2.unlink()
    smollm2.write_bytes(b"GGUF truncated")
    others = {k: v for k, v in _snapshot(cache.root).items() if "smollm2" not in k and k != MANIFEST_NAME}

    assemble_model_cache(cache.root)

    assert smollm2.is_symlink() and smollm2.stat().st_size == SMOLLM2_GGUF_BYTES
    after = _snapshot(cache.root)
    assert {k: after[k] for k in others} == others


@pytest.mark.parametrize(("name", "dimension"), [("all-mpnet-base-v2", 768), ("all-MiniLM-L6-v2", 384)])
def test_embedders_load_offline_and_rank_a_paraphrase_above_an_unrelated_sentence(
    cache: ModelCache, offline: None, name: str, dimension: int
) -> None:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(cache.path(name)), device="cpu")
    vectors = model.encode(
        [
            "Arsenal beat Tottenham 3-1 at the Emirates",
            "Arsenal won 3-1 against Spurs",
            "The weather in Paris is sunny",
        ],
        normalize_embeddings=True,
    )
    assert vectors.shape == (3, dimension)
    paraphrase, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert paraphrase > unrelated + 0.5


def test_smollm2_completes_a_prompt(cache: ModelCache) -> None:
    from llama_cpp import Llama

    llm = Llama(str(cache.path("smollm2-135m")), n_ctx=128, n_threads=2, seed=0, verbose=False)
    try:
        out = llm.create_completion("The capital of France is", max_tokens=4, temperature=0)
    finally:
        llm.close()
    assert out["usage"]["completion_tokens"] >= 1
    assert "Paris" in out["choices"][0]["text"]


def test_joined_qwen_gguf_loads_and_answers(cache: ModelCache) -> None:
    from llama_cpp import Llama

    llm = Llama(str(cache.path("qwen2.5-1.5b")), n_ctx=128, n_threads=2, seed=0, verbose=False)
    try:
        assert llm.metadata["general.architecture"] == "qwen2"
        out = llm.create_chat_completion(
            [{"role": "user", "content": "Which is larger, 3 or 5? Answer with the number only."}],
            max_tokens=3,
            temperature=0,
        )
    finally:
        llm.close()
    assert out["choices"][0]["message"]["content"].strip() == "5"


def test_path_names_the_unknown_and_assembles_a_missing_entry_on_demand(tmp_path: Path) -> None:
    missing = _missing_model_package()
    if missing:
        pytest.skip(f"model packages not installed (run scripts/setup.sh): {missing}")
    empty = ModelCache(tmp_path / "models")
    with pytest.raises(KeyError, match="known: all-mpnet-base-v2"):
        empty.path("gpt-5")

    smollm2 = empty.path("smollm2-135m")

    assert smollm2 == tmp_path / "models" / "llm" / "smollm2-135m-instruct-q4_1.gguf"
    assert smollm2.is_symlink() and smollm2.stat().st_size == SMOLLM2_GGUF_BYTES
    assert (tmp_path / "models" / MANIFEST_NAME).read_text().count('"smollm2-135m"') == 1
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == [LOCK_NAME, "llm", MANIFEST_NAME]
    assert empty.path("smollm2-135m") == smollm2  # found, not built again


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """The settings of a new FOOTBALL_RAG_HOME, with no FOOTBALL_RAG_MODEL_DIR and an empty user cache folder."""
    monkeypatch.setenv("FOOTBALL_RAG_HOME", str(tmp_path / "new-home"))
    monkeypatch.delenv("FOOTBALL_RAG_MODEL_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def test_the_model_cache_defaults_to_the_user_cache_folder_not_the_home(
    fresh_home: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fresh_home.models_dir == tmp_path / "xdg-cache" / "football-rag" / "models"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert Settings().models_dir == Path.home() / ".cache" / "football-rag" / "models"
    monkeypatch.setenv("FOOTBALL_RAG_MODEL_DIR", str(tmp_path / "elsewhere"))
    assert Settings().models_dir == tmp_path / "elsewhere"


def test_a_build_preflight_in_a_fresh_home_assembles_the_embedder_on_demand(fresh_home: Settings) -> None:
    """The issue's case: a new FOOTBALL_RAG_HOME used to fail in the embed step after ingest and the xG fit."""
    missing = _missing_model_package()
    if missing:
        pytest.skip(f"model packages not installed (run scripts/setup.sh): {missing}")
    names = build_model_names(fresh_home)
    assert names[0] == fresh_home.embedding_model == "all-mpnet-base-v2"

    found = require_models(names)

    mpnet = found["all-mpnet-base-v2"]
    assert mpnet == fresh_home.models_dir / "embeddings" / "all-mpnet-base-v2"
    assert (mpnet / "model.safetensors").stat().st_size == MPNET_SAFETENSORS_BYTES
    assert not (fresh_home.home / "models").exists()
    started = time.perf_counter()
    assert require_models(names) == found  # the second preflight finds what the first assembled
    assert time.perf_counter() - started < 1.0


def test_the_evaluation_names_the_llm_and_judge_only_when_it_runs_them(tmp_path: Path) -> None:
    configs = tmp_path / "configs"
    configs.mkdir()
    (configs / "evaluation.yaml").write_text(
        "answers:\n  with_llm: true\n  with_llm_in_build: true\n  judge: {enabled: true, model: smollm2-135m}\n"
    )
    settings = Settings(configs_dir=configs, embedding_model="all-MiniLM-L6-v2")
    assert build_model_names(settings) == ["all-MiniLM-L6-v2", "qwen2.5-1.5b", "smollm2-135m"]
    gguf = settings.model_copy(update={"llm": settings.llm.model_copy(update={"model": "/models/any.gguf"})})
    assert evaluation_model_names(gguf, in_build=False) == ["/models/any.gguf", "smollm2-135m"]
    judge = "hf://owner/judge-gguf@v1/judge.gguf"  # FOOTBALL_RAG_JUDGE_MODEL wins over the YAML's judge
    assert evaluation_model_names(Settings(configs_dir=configs, judge_model=judge), in_build=False) == [
        "qwen2.5-1.5b",
        judge,
    ]

    (tmp_path / "off").mkdir()
    (tmp_path / "off" / "evaluation.yaml").write_text("answers:\n  with_llm: false\n")
    off = Settings(configs_dir=tmp_path / "off")
    assert evaluation_model_names(off, in_build=False) == [] and build_model_names(off) == ["all-mpnet-base-v2"]


def test_a_preflight_with_a_missing_package_fails_within_a_second_with_the_fix(tmp_path: Path) -> None:
    cache = ModelCache(
        tmp_path / "models",
        sources={
            "new-embedder": ModelSource(
                name="new-embedder",
                relpath="embeddings/new-embedder",
                layout=Layout.JOIN_UNZIP,
                parts=tuple(ShippedPath(f"no-such-model-package-part-{i}", f"part_{i}/model.zip.{i}") for i in (1, 2)),
                zip_folder="new-embedder",
            )
        },
    )
    started = time.perf_counter()
    with pytest.raises(ModelsUnavailable) as failed:
        require_models(["new-embedder", "/no/such/model.gguf"], cache)
    assert time.perf_counter() - started < 1.0

    message = str(failed.value)
    assert "\n" not in message
    assert message.startswith("models unavailable: new-embedder: model package no-such-model-package-part-1: not")
    assert "run scripts/setup.sh" in message
    assert (
        "/no/such/model.gguf: neither a model cache name (new-embedder), nor hf://owner/repo@revision[/file], nor an"
        in message
    )
    assert not (tmp_path / "models").exists()  # failed before any folder or lock was made


def test_a_hub_llm_is_taken_from_the_local_hf_cache_when_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``hf://owner/repo@revision/file`` (model_source.py); downloads: tests/integration/test_model_hub.py."""
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path / "hf"))
    with pytest.raises(ModelsUnavailable, match=r"the revision \(a commit sha or a tag\) is required"):
        require_models(["hf://owner/tiny-gguf/tiny.Q4.gguf"])
    commit = "a" * 40
    spec = f"hf://owner/tiny-gguf@{commit}/tiny.Q4.gguf"
    with pytest.raises(ModelsUnavailable, match=r"HF_HUB_OFFLINE is set and it is not in the local HF cache"):
        require_models([spec])

    snapshot = tmp_path / "hf" / "models--owner--tiny-gguf" / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (snapshot / "tiny.Q4.gguf").write_bytes(b"GGUF")
    assert require_models([spec]) == {spec: snapshot / "tiny.Q4.gguf"}


@pytest.mark.parametrize(
    ("command", "env"),
    [
        (["ask", "Who won Arsenal against Leeds?"], {"FOOTBALL_RAG_LLM__MODEL": "/no/such/model.gguf"}),
        (["serve"], {"FOOTBALL_RAG_LLM__MODEL": "/no/such/model.gguf"}),
        (["build", "--json"], {"FOOTBALL_RAG_EMBEDDING_MODEL": "/no/such/embedder"}),
    ],
    ids=["ask", "serve", "build"],
)
def test_commands_check_their_models_before_any_work(tmp_path: Path, command: list[str], env: dict[str, str]) -> None:
    """The command fails at its preflight: nothing is written to the (new) home, one line says what to fix.

    Measured 0.7-0.8 s a command here, nearly all of it the interpreter's start and imports (the preflight
    itself takes milliseconds); the bound leaves room for a loaded machine.
    """
    home = tmp_path / "new-home"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "football_rag", *command],
        env={**os.environ, "FOOTBALL_RAG_HOME": str(home), **env},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("models unavailable: /no/such/")
    assert done.stdout == "" and not home.exists()
    assert elapsed < 3.0, f"{elapsed:.1f} s (the interpreter's start and imports included)"


def test_a_missing_package_is_named_with_the_fix() -> None:
    with pytest.raises(ModelPackageMissing, match=r"no-such-model-package: not installed; run scripts/setup\.sh"):
        ShippedPath("no-such-model-package", "weights.bin").locate()
