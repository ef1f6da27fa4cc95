"""``python app.py`` (the Space's entry, the same as ``football-rag serve``) on a home with no release."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from football_rag.config.settings import REPO_ROOT

pytestmark = pytest.mark.slow


def test_without_a_release_the_app_says_what_to_do_and_exits(tmp_path: Path) -> None:
    env = os.environ | {"FOOTBALL_RAG_HOME": str(tmp_path), "FOOTBALL_RAG_HUB": str(tmp_path / "hub")}
    result = subprocess.run(
        [sys.executable, "app.py"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "no release is published on the configured hub yet: run `football-rag build` first"
    )
    assert "Traceback" not in result.stderr
