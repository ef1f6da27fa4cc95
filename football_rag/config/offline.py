"""The quiet offline defaults (ENVIRONMENT.md): no telemetry, no hub look-ups unless one is configured.

Set once, at process start, before any of those libraries is imported. ``setdefault`` keeps
whatever the user exported, so a configured hub or Opik server wins.
"""

from __future__ import annotations

import os

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


def apply_quiet_defaults() -> None:
    """Export the quiet defaults; leave hub access on when ``HF_ENDPOINT`` points somewhere."""
    for key, value in QUIET_DEFAULTS.items():
        if key.startswith(("HF_", "TRANSFORMERS")) and os.environ.get("HF_ENDPOINT"):
            continue
        os.environ.setdefault(key, value)
    if not (os.environ.get("OPIK_URL_OVERRIDE") or os.environ.get("OPIK_API_KEY")):
        os.environ.setdefault("OPIK_TRACK_DISABLE", "true")
