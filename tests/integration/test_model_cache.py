"""The model cache assembled from the installed model packages: sizes, idempotence, and models that really load.

Sizes below are the shipped files' sizes from the packages' RECORD files (requirements-models.txt pins).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from football_rag.config.model_cache import (
    MANIFEST_NAME,
    MODEL_SOURCES,
    ModelCache,
    ModelNotAssembled,
    ModelPackageMissing,
    ShippedPath,
    assemble_model_cache,
)

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
    assert not [p.name for p in cache.root.rglob(".*") if p.name != ".gitattributes"], "staging left behind"


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


def test_path_names_the_unknown_and_the_unassembled(tmp_path: Path) -> None:
    empty = ModelCache(tmp_path)
    with pytest.raises(KeyError, match="known: all-mpnet-base-v2"):
        empty.path("gpt-5")
    with pytest.raises(ModelNotAssembled, match="smollm2-135m is not in the cache"):
        empty.path("smollm2-135m")


def test_a_missing_package_is_named_with_the_fix() -> None:
    with pytest.raises(ModelPackageMissing, match=r"no-such-model-package: not installed; run scripts/setup\.sh"):
        ShippedPath("no-such-model-package", "weights.bin").locate()
