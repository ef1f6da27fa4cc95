"""What the Space image installs, replayed in a clean virtual environment (no Docker engine runs here).

``install_steps`` reads the Dockerfile's ``RUN`` instructions and keeps the commands that install or prepare
Python packages (``pip install ...``, ``python -m ...``), with the image's build arguments substituted, in the
order the image runs them. ``build_space_venv`` creates a fresh venv with the base interpreter and runs exactly
those commands in it, from the repository (the image's ``/app``). Two deliberate differences from a Docker
build: pip's cache is used (the image sets ``PIP_NO_CACHE_DIR``), and an unset ``TORCH_INDEX_URL`` drops
``--index-url`` so pip takes the CPU torch wheel from this machine's configured sources (no network reaches
download.pytorch.org here), as ``scripts/setup.sh`` does.

``cached_space_venv`` keeps the built venv (and the image user's home, where the image assembles the model
cache) under ``~/.cache/football-rag/space-venv/<stamp>``: the stamp hashes the install steps, the files they
install from and the checkout's path, so any change to them builds a fresh venv, and nothing but those steps
ever installs into one. Measured here: 816 s cold (13.6 min, 650 s of it pip downloading ~240 wheels from
the package registry, which answers uncacheably), so CI pays it once per change of the requirements. The cache
keeps this checkout's venv and the most recently used other one, no more (``evictable``).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from football_rag.config.settings import REPO_ROOT, user_cache_dir

DOCKERFILE = REPO_ROOT / "Dockerfile"
# The environment variables a Dockerfile segment may set before its command (``CMAKE_ARGS="..." pip install``).
_ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=")


@dataclass(frozen=True)
class InstallStep:
    """One command of the image: its arguments (``pip install ...`` or ``python -m ...``) and its extra environment."""

    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        assigned = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env)
        return f"{assigned} {shlex.join(self.argv)}".strip()


def _instructions(text: str) -> list[tuple[str, str]]:
    """Return the Dockerfile's instructions as (keyword, arguments), continuation lines joined, comments dropped."""
    lines: list[str] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if stripped.startswith("#"):
            continue
        if lines and lines[-1].endswith("\\"):
            lines[-1] = lines[-1][:-1] + " " + stripped
        elif stripped:
            lines.append(stripped)
    return [(keyword.upper(), rest) for keyword, rest, *_ in ([*line.split(None, 1), ""] for line in lines)]


def build_args(text: str, overrides: dict[str, str]) -> dict[str, str]:
    """Return the Dockerfile's ``ARG`` defaults with ``overrides`` applied."""
    found: dict[str, str] = {}
    for keyword, args in _instructions(text):
        if keyword == "ARG":
            name, _, default = args.partition("=")
            found[name] = shlex.split(default)[0] if default else ""
    return found | overrides


def install_steps(text: str, overrides: dict[str, str] | None = None) -> list[InstallStep]:
    """Return the image's Python install steps in order: each ``pip install`` and ``python -m`` of its RUN lines."""
    arguments = build_args(text, overrides or {})
    steps: list[InstallStep] = []
    for keyword, args in _instructions(text):
        if keyword != "RUN":
            continue
        for segment in args.split("&&"):
            words = shlex.split(re.sub(r"\$\{?(\w+)\}?", lambda m: arguments.get(m[1], m[0]), segment))
            env = []
            while words and _ASSIGNMENT.match(words[0]):
                key, _, value = words.pop(0).partition("=")
                env.append((key, value))
            if words[:2] == ["pip", "install"] or words[:2] == ["python", "-m"]:
                steps.append(InstallStep(tuple(words), tuple(env)))
    return steps


def local_torch_source(step: InstallStep) -> InstallStep:
    """Return ``step`` without ``--index-url ''`` (an unset TORCH_INDEX_URL): pip's configured sources instead."""
    argv = list(step.argv)
    if "--index-url" in argv:
        at = argv.index("--index-url")
        if not argv[at + 1]:
            del argv[at : at + 2]
    return InstallStep(tuple(argv), step.env)


@dataclass(frozen=True)
class SpaceVenv:
    """A virtual environment holding what the Space image installs, and how long each step took."""

    root: Path
    seconds: tuple[tuple[str, float], ...]

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    @property
    def total_s(self) -> float:
        return sum(s for _, s in self.seconds)

    @property
    def home(self) -> Path:
        """The image user's home (``HOME``): the model cache the image assembles lives under it."""
        return self.root.parent / "home"


def base_python() -> str:
    """Return the interpreter the repo's venv was made from (a venv's python would nest environments)."""
    return getattr(sys, "_base_executable", None) or shutil.which("python3.11") or sys.executable


def build_space_venv(root: Path, home: Path, log: Path) -> SpaceVenv:
    """Create a fresh venv at ``root`` and run the Dockerfile's install steps in it, from the repository.

    ``home`` is the image user's home (the model cache is assembled under it when the image does so); every
    command's output goes to ``log``. Raise CalledProcessError naming the step that failed.
    """
    overrides = {"TORCH_INDEX_URL": os.environ.get("TORCH_INDEX_URL", "")}
    steps = [local_torch_source(step) for step in install_steps(DOCKERFILE.read_text(), overrides)]
    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    subprocess.run([base_python(), "-m", "venv", str(root)], check=True)
    timings.append(("venv", time.perf_counter() - started))
    # This machine's pip configuration (its package index, wheel folder and cache) stands in for PyPI: the PIP_*
    # variables, the user's pip.conf (found through XDG_CONFIG_HOME) and pip's cache, not the fresh home's.
    env = {key: value for key, value in os.environ.items() if key.startswith("PIP_")} | {
        "PATH": f"{root / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config"),
        "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    home.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as out:
        for step in steps:
            started = time.perf_counter()
            out.write(f"\n$ {step}\n")
            out.flush()
            argv = [str(root / "bin" / step.argv[0]), *step.argv[1:]]
            step_env = env | dict(step.env) | {"PIP_CACHE_DIR": str(step_cache(Path(env["PIP_CACHE_DIR"]), step))}
            subprocess.run(argv, cwd=REPO_ROOT, env=step_env, stdout=out, stderr=subprocess.STDOUT, check=True)
            timings.append((str(step), time.perf_counter() - started))
    return SpaceVenv(root, tuple(timings))


def step_cache(cache: Path, step: InstallStep) -> Path:
    """Return pip's cache for ``step``: ``cache`` itself, or one of its own when the step sets build variables.

    pip keys a wheel it built by the source alone, not by the CMAKE_ARGS it was built with, and takes it from the
    cache even under ``--no-binary``: a llama-cpp-python built for this machine's CPU once made the simulated
    Space's app die on its first decode (7 December 2026), where the image, built without a cache, compiles it
    portable. The name is the one ``scripts/setup.sh`` gives its llama-cpp-python build: the same flags, one wheel.
    """
    if not step.env:
        return cache
    assigned = "\n".join(f"{key}={value}" for key, value in sorted(step.env))
    return cache.with_name(f"{cache.name}-built-{hashlib.sha256(assigned.encode()).hexdigest()[:12]}")


def install_stamp(steps: list[InstallStep]) -> str:
    """Return a hash of the install steps, every file they install from, the project and the checkout's path."""
    digest = hashlib.sha256(f"{REPO_ROOT}\n{base_python()}\n".encode())
    for step in steps:
        digest.update(f"{step}\n".encode())
    for name in ("requirements.txt", "requirements-models.txt", "pyproject.toml"):
        digest.update((REPO_ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


# Each venv is 5.9 GB: every clean clone at a new path (CI's, a developer's) builds one, and nine of them once
# filled this machine's disk so that CI's own install failed (stop 30, 7 December 2026).
KEEP_OTHER_VENVS = 1


def evictable(cache_root: Path, checkout: str, keep: int = KEEP_OTHER_VENVS) -> list[Path]:
    """Return the cached venvs to remove before ``checkout`` builds one: its own earlier ones, those whose
    checkout is gone or whose build never completed, and all but the ``keep`` most recently used of the rest."""
    entries = [entry for entry in cache_root.iterdir() if entry.is_dir()]
    doomed: list[Path] = []
    alive: list[tuple[float, Path]] = []
    for entry in entries:
        owner = (entry / "checkout").read_text() if (entry / "checkout").is_file() else ""
        done = entry / "complete"
        if owner == checkout or not owner or not Path(owner).is_dir() or not done.is_file():
            doomed.append(entry)
        else:
            alive.append((done.stat().st_mtime, entry))
    alive.sort(reverse=True)
    return sorted(doomed + [entry for _, entry in alive[keep:]])


def cached_space_venv(cache_root: Path | None = None) -> SpaceVenv:
    """Return the venv the image's steps build, reused while its stamp holds; built (under a lock) when missing.

    Before a build the cache is pruned (``evictable``), so it holds at most this venv and the most recently
    used other one. ``SpaceVenv.seconds`` is empty when reused.
    """
    steps = install_steps(DOCKERFILE.read_text(), {"TORCH_INDEX_URL": os.environ.get("TORCH_INDEX_URL", "")})
    cache_root = cache_root or user_cache_dir() / "space-venv"
    folder = cache_root / install_stamp(steps)
    cache_root.mkdir(parents=True, exist_ok=True)
    with (cache_root / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (folder / "complete").is_file():
            (folder / "complete").touch()
            return SpaceVenv(folder / "venv", ())
        for stale in evictable(cache_root, str(REPO_ROOT)):
            shutil.rmtree(stale, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        (folder / "checkout").write_text(str(REPO_ROOT))
        venv = build_space_venv(folder / "venv", folder / "home", folder / "pip.log")
        (folder / "complete").write_text("".join(f"{seconds:.1f}\t{step}\n" for step, seconds in venv.seconds))
        return venv
