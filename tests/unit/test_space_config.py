"""Where a Space keeps its state (the persistent volume) and when the HF clients stay online."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from football_rag.config import offline
from football_rag.config.settings import Settings


def test_home_defaults_under_a_writable_persistent_volume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOOTBALL_RAG_HOME", raising=False)
    monkeypatch.setenv("FOOTBALL_RAG_PERSISTENT_ROOT", str(tmp_path))
    assert Settings(_env_file=None).home == tmp_path / "football_rag"


def test_home_stays_local_without_the_volume_and_an_explicit_home_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FOOTBALL_RAG_HOME", raising=False)
    assert Settings(_env_file=None, persistent_root=tmp_path / "absent").home == Path(".football_rag")
    read_only = tmp_path / "ro"
    read_only.mkdir(mode=0o500)
    if not _can_write(read_only):  # root writes anywhere: the check only means something for other users
        assert Settings(_env_file=None, persistent_root=read_only).home == Path(".football_rag")
    monkeypatch.setenv("FOOTBALL_RAG_HOME", str(tmp_path / "mine"))
    assert Settings(_env_file=None, persistent_root=tmp_path).home == tmp_path / "mine"


def _can_write(folder: Path) -> bool:
    """Return True when this process can write in ``folder`` (root can, whatever the mode says)."""
    try:
        (folder / "probe").touch()
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


@pytest.mark.parametrize(
    ("environ", "online"),
    [
        ({}, False),
        ({"FOOTBALL_RAG_HUB": "./hub"}, False),
        ({"FOOTBALL_RAG_HUB": "/srv/hub"}, False),
        ({"FOOTBALL_RAG_HUB": "file:///srv/hub"}, False),
        ({"FOOTBALL_RAG_HUB": "owner/releases"}, True),
        ({"FOOTBALL_RAG_HUB": "hf://owner/releases"}, True),
        ({"SPACE_ID": "owner/space"}, True),
        ({"HF_ENDPOINT": "http://127.0.0.1:9"}, True),
    ],
)
def test_a_configured_hf_hub_or_a_space_lifts_the_offline_defaults(
    environ: dict[str, str], online: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in (*offline.QUIET_DEFAULTS, "FOOTBALL_RAG_HUB", "SPACE_ID", "HF_ENDPOINT", "OPIK_TRACK_DISABLE"):
        monkeypatch.delenv(key, raising=False)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    offline.apply_quiet_defaults()
    assert ("HF_HUB_OFFLINE" not in os.environ) is online
    assert ("HF_DATASETS_OFFLINE" not in os.environ) is online
    assert os.environ["HF_HUB_DISABLE_TELEMETRY"] == "1"  # telemetry stays off either way
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
