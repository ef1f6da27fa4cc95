"""docker-compose.yml connects the parts by settings the code reads: every FOOTBALL_RAG_ variable it sets is one.

Docker is not available here, so the compose file itself is never started; this checks that what it sets
parses into ``Settings`` as meant (the servers it names are the ones tests/integration/test_pipelines_servers.py
starts as processes, by the same settings).
"""

from __future__ import annotations

import os

import pytest
import yaml

from football_rag.config.settings import REPO_ROOT, Settings

COMPOSE = REPO_ROOT / "docker-compose.yml"


@pytest.fixture(scope="module")
def services() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]


@pytest.mark.parametrize("service", ["app", "build"])
def test_the_settings_each_service_sets_parse(services: dict, service: str, monkeypatch: pytest.MonkeyPatch) -> None:
    env = services[service]["environment"]
    for name in [n for n in os.environ if n.startswith("FOOTBALL_RAG_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, str(value))
    settings = Settings(_env_file=None)
    assert settings.chroma_url == "http://chroma:8000" and settings.mlflow_tracking_uri == "http://mlflow:5000"
    assert str(settings.home) == "/srv/football_rag" and env["ZENML_STORE_URL"] == "http://zenml:8080"
    known = {f"FOOTBALL_RAG_{name.upper()}" for name in Settings.model_fields}
    assert {n.split("__")[0] for n in env if n.startswith("FOOTBALL_RAG_")} <= known
    if service == "app":
        assert settings.api.cors_origins == ["http://localhost:3000"]
        assert env["GRADIO_SERVER_NAME"] == "0.0.0.0" and services["app"]["ports"] == ["7860:7860"]


def test_servers_use_the_pinned_versions(services: dict) -> None:
    pins = dict(
        line.split("==", 1)
        for line in (REPO_ROOT / "requirements.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    assert services["chroma"]["image"].endswith(f":{pins['chromadb']}")
    assert services["mlflow"]["image"].endswith(f":v{pins['mlflow']}")
    assert services["zenml"]["image"].endswith(f":{pins['zenml[local]']}")
