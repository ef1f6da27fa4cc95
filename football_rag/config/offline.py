"""The quiet offline defaults (ENVIRONMENT.md): no telemetry, no hub look-ups unless one is configured.

Set once, at process start, before any of those libraries is imported. ``setdefault`` keeps
whatever the user exported, so a configured hub or Opik server wins.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from football_rag.config.settings import PERSISTENT_ROOT

QUIET_DEFAULTS: dict[str, str] = {
    "HF_HUB_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ZENML_ANALYTICS_OPT_IN": "false",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    # the Opik SDK otherwise reports errors to Sentry and usage to Comet
    "OPIK_SENTRY_ENABLE": "false",
    "OPIK_ANALYTICS_ENABLE": "false",
}
# The defaults that switch the HF clients offline; lifted when a hub is reachable by design.
HUB_OFFLINE_KEYS = ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE")
HUB_ENV = "FOOTBALL_RAG_HUB"
# Every HuggingFace Space has SPACE_ID in its environment.
SPACE_ENV = "SPACE_ID"
PERSISTENT_ROOT_ENV = "FOOTBALL_RAG_PERSISTENT_ROOT"
# How FOOTBALL_RAG_HUB names a local folder rather than a HF repo (knowledge/hub.py reads it the same way).
_LOCAL_HUB_PREFIXES = ("/", "./", "../", "~", "file://")


def names_hf_repo(hub: str | None) -> bool:
    """Return True when a ``FOOTBALL_RAG_HUB`` value names a HF dataset repo (``owner/name``, ``hf://…``)."""
    target = (hub or "").strip()
    return bool(target) and not target.startswith(_LOCAL_HUB_PREFIXES)


def hub_is_online(environ: Mapping[str, str]) -> bool:
    """Return True when the HF clients must stay online: a HF hub, a Space (SPACE_ID) or HF_ENDPOINT is set."""
    return bool(environ.get("HF_ENDPOINT") or environ.get(SPACE_ENV)) or names_hf_repo(environ.get(HUB_ENV))


def persistent_hf_home(environ: Mapping[str, str]) -> str | None:
    """Return ``<persistent root>/huggingface`` when the persistent volume (a Space's ``/data``) is writable, else None.

    HF's cache lives there then (as HF advises for Spaces with persistent storage): models downloaded from the Hub
    survive a restart. ``FOOTBALL_RAG_PERSISTENT_ROOT`` moves the volume, as it does for the home.
    """
    root = Path(environ.get(PERSISTENT_ROOT_ENV) or PERSISTENT_ROOT)
    return str(root / "huggingface") if root.is_dir() and os.access(root, os.W_OK | os.X_OK) else None


def apply_quiet_defaults() -> None:
    """Export the quiet defaults; leave the HF clients online when ``hub_is_online`` says a hub is meant.

    HF's cache goes on the persistent volume when there is one and ``HF_HOME`` is not set.
    """
    if "HF_HOME" not in os.environ and (hf_home := persistent_hf_home(os.environ)):
        os.environ["HF_HOME"] = hf_home
    online = hub_is_online(os.environ)
    for key, value in QUIET_DEFAULTS.items():
        if online and key in HUB_OFFLINE_KEYS:
            continue
        os.environ.setdefault(key, value)
    if not (os.environ.get("OPIK_URL_OVERRIDE") or os.environ.get("OPIK_API_KEY")):
        os.environ.setdefault("OPIK_TRACK_DISABLE", "true")
