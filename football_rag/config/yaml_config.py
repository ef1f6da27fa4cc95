"""YAML settings under ``configs/`` (prompts, thresholds, competitions, aliases), read one way."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from football_rag.config.settings import get_settings


class ConfigError(ValueError):
    """A config file is missing or is not a YAML mapping."""


@cache
def load_config(name: str, configs_dir: Path | None = None) -> dict[str, Any]:
    """Return ``configs/<name>.yaml`` as a dict (``name`` may hold sub-folders, e.g. ``prompts/answer``)."""
    path = (configs_dir or get_settings().configs_dir) / f"{name}.yaml"
    if not path.exists():
        raise ConfigError(f"config file not found: {path}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a YAML mapping at the top level")
    return data
