"""Scaling out by settings alone: the same retrain pipeline against Chroma, MLflow and ZenML servers.

The test starts ``chroma run``, ``mlflow server`` and a ZenML server (its FastAPI app under uvicorn, as the
``zenml-server`` image of ``docker-compose.yml`` runs it, with the same ``NO_AUTH`` development settings) on
127.0.0.1 (free ports, state under tmp), points ``FOOTBALL_RAG_CHROMA_URL``,
``FOOTBALL_RAG_MLFLOW_TRACKING_URI`` and ``ZENML_STORE_URL`` at them, and runs
``python -m football_rag.knowledge.build`` on three synthetic matches (``football_rag.data.synthetic``, so no
../shared is needed) with the MiniLM embedder. No code path differs from the embedded defaults but the client
each library is given.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from football_rag.config.settings import REPO_ROOT, get_settings
from football_rag.data.synthetic import write_synthetic_matches
from tests.conftest import cached_model

pytestmark = pytest.mark.slow

SEEDS = range(3)  # Riverside 3-0 Highcliff Albion, Westport Athletic 3-3 Kingsmere, Northbridge 1-1 Highcliff Albion
EMBEDDER = "all-MiniLM-L6-v2"
VENV_BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(
    command: list[str], health_url: str, log: Path, timeout_s: float = 120, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``command`` (in ``env``, default ours), wait until ``health_url`` answers 200, yield it, stop it after."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True, env=env)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()[-2000:]
            try:
                with urllib.request.urlopen(health_url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            process.kill()
            pytest.fail(f"{command[0]} did not answer {health_url} in {timeout_s} s")
        yield process
        os.killpg(process.pid, signal.SIGTERM)  # the whole group: mlflow's server runs its workers as children
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root, port = tmp_path_factory.mktemp("chroma_server"), _free_port()
    command = [
        str(VENV_BIN / "chroma"),
        "run",
        "--path",
        str(root / "data"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    url = f"http://127.0.0.1:{port}"
    yield from (url for _process in _serve(command, f"{url}/api/v2/heartbeat", root / "chroma.log"))


@pytest.fixture(scope="module")
def mlflow_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root, port = tmp_path_factory.mktemp("mlflow_server"), _free_port()
    command = [
        str(VENV_BIN / "mlflow"),
        "server",
        "--backend-store-uri",
        f"sqlite:///{root / 'mlflow.db'}",
        "--artifacts-destination",
        str(root / "artifacts"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    url = f"http://127.0.0.1:{port}"
    yield from (url for _process in _serve(command, f"{url}/health", root / "mlflow.log"))


@pytest.fixture(scope="module")
def zenml_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root, port = tmp_path_factory.mktemp("zenml_server"), _free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "zenml.zen_server.zen_server_api:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZENML_")}
    env.update(
        {
            "ZENML_CONFIG_PATH": str(root / "config"),  # the server's SQLite store lives here
            "ZENML_SERVER_AUTH_SCHEME": "NO_AUTH",  # as docker-compose.yml: development only
            "ZENML_SERVER_AUTO_ACTIVATE": "true",  # creates the default user that NO_AUTH requests act as
            "ZENML_ANALYTICS_OPT_IN": "false",
        }
    )
    yield from (url for _process in _serve(command, f"{url}/health", root / "zenml.log", env=env))


@pytest.fixture(scope="module")
def served_build(tmp_path_factory: pytest.TempPathFactory, chroma_url: str, mlflow_url: str, zenml_url: str) -> dict:
    cached_model(EMBEDDER)
    models = get_settings().models_dir.absolute()
    root = tmp_path_factory.mktemp("served_build")
    raw, configs = root / "raw" / "synthetic", root / "configs"
    write_synthetic_matches(raw, SEEDS, providers=("whoscored",))
    shutil.copytree(REPO_ROOT / "configs", configs)
    evaluation = yaml.safe_load((configs / "evaluation.yaml").read_text())
    evaluation["gate"] = {"minimum": {"retrieval_report_at_1_filtered": 0.6}}  # MiniLM (see test_pipelines.py)
    (configs / "evaluation.yaml").write_text(yaml.safe_dump(evaluation))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENML_", "FOOTBALL_RAG_", "MLFLOW_"))}
    env.update(
        FOOTBALL_RAG_HOME=str(root / "home"),
        FOOTBALL_RAG_EMBEDDING_MODEL=EMBEDDER,
        FOOTBALL_RAG_MODEL_DIR=str(models),
        FOOTBALL_RAG_CONFIGS_DIR=str(configs),
        FOOTBALL_RAG_RAW_DIR=str(raw.parent),
        FOOTBALL_RAG_CHROMA_URL=chroma_url,
        FOOTBALL_RAG_MLFLOW_TRACKING_URI=mlflow_url,
        ZENML_STORE_URL=zenml_url,
        HF_HOME=str(root / "hf"),
    )
    config = REPO_ROOT / ".zen" / "config.yaml"
    saved = config.read_bytes() if config.exists() else None
    try:
        done = subprocess.run(
            [sys.executable, "-m", "football_rag.knowledge.build"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        if saved is not None:
            config.write_bytes(saved)
    assert done.returncode == 0, done.stderr[-3000:]
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "home": env["FOOTBALL_RAG_HOME"]}


def test_the_build_logs_to_the_tracking_server(served_build: dict, mlflow_url: str) -> None:
    from mlflow import MlflowClient

    assert served_build["published"] is True and served_build["version"] == "v0001"
    assert served_build["tracking_uri"] == mlflow_url
    client = MlflowClient(tracking_uri=mlflow_url)
    run = client.get_run(served_build["mlflow_run_id"])
    assert run.data.metrics["ingest.files_parsed"] == 3 and run.data.metrics["ingest.matches_total"] == 3
    assert run.data.metrics["release.published"] == 1.0
    assert run.data.params["xg.skipped"] == "3 matches with shots, fewer than min_matches=20"
    assert "manifest.json" in {a.path for a in client.list_artifacts(run.info.run_id)}
    manifest = json.loads(Path(client.download_artifacts(run.info.run_id, "manifest.json")).read_text())
    assert manifest["version"] == "v0001" and manifest["row_counts"]["matches"] == 3


def test_the_index_lives_on_the_chroma_server(served_build: dict, chroma_url: str, tmp_path: Path) -> None:
    import chromadb

    from football_rag.knowledge.embeddings import load_embedder
    from football_rag.knowledge.index import open_index
    from football_rag.knowledge.release import read_manifest

    release = Path(served_build["release_path"])
    manifest = read_manifest(release)
    host, port = chroma_url.removeprefix("http://").split(":")
    server = chromadb.HttpClient(host=host, port=int(port))
    collection = server.get_collection("match_documents_v0001")
    assert collection.count() == manifest.row_counts["documents"]
    embedder = load_embedder(EMBEDDER, get_settings().models_dir.absolute())
    found = collection.query(
        query_embeddings=embedder.encode(["Westport Athletic vs Kingsmere, 23 August 2025"]),
        n_results=1,
        where={"doc_type": "match"},
    )
    assert found["ids"][0] == ["match:9000001"]
    assert found["documents"][0][0].startswith("Westport Athletic 3-3 Kingsmere")

    opened, handle = open_index(release, manifest, tmp_path, url=chroma_url)
    assert handle.url == chroma_url and handle.rebuilt is False and opened.count() == collection.count()
    server.delete_collection("match_documents_v0001")
    rebuilt, handle = open_index(release, manifest, tmp_path, url=chroma_url)
    assert handle.rebuilt is True and rebuilt.count() == manifest.row_counts["documents"]


# Asked in a fresh process (this one may already hold ZenML's global configuration for another store) that
# shares only the home with the build, as the app's pod does: the run's artifacts load from the home's store.
RUN_QUERY = """
import json, sys
from zenml.client import Client
client = Client()
run = client.get_pipeline_run(sys.argv[1])
components = {kind.value: found[0] for kind, found in run.stack.components.items()}
released = run.steps["release_version"].outputs["release"][0]
print(json.dumps({
    "store": client.zen_store.type.value,
    "status": run.status.value,
    "pipeline": run.pipeline.name,
    "stack": run.stack.name,
    "flavors": {kind: component.flavor_name for kind, component in components.items()},
    "tracking_uri": components["experiment_tracker"].configuration["tracking_uri"],
    "steps": {name: step.status.value for name, step in run.steps.items()},
    "mlflow_run_id": dict(run.steps["release_version"].run_metadata).get("mlflow_run_id"),
    "released": released.load().version,
    "artifact_uri": released.uri,
}))
"""


def test_the_run_is_recorded_in_the_zenml_server(served_build: dict, zenml_url: str, mlflow_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZENML_")}
    home = Path(served_build["home"])
    env.update(ZENML_STORE_URL=zenml_url, ZENML_CONFIG_PATH=str(home / "zenml"), ZENML_ANALYTICS_OPT_IN="false")
    done = subprocess.run(
        [sys.executable, "-c", RUN_QUERY, served_build["pipeline_run"]],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    run = json.loads(done.stdout.strip().splitlines()[-1])
    assert run["store"] == "rest" and run["status"] == "completed" and run["pipeline"] == "retrain"
    assert run["stack"] == "football_rag" and run["tracking_uri"] == mlflow_url
    assert run["flavors"] == {"orchestrator": "local", "artifact_store": "local", "experiment_tracker": "mlflow"}
    assert run["steps"] == dict.fromkeys(
        [
            "plan_ingest",
            "ingest_matches",
            "fit_xg_model",
            "write_documents",
            "embed",
            "index_documents",
            "evaluate_candidate",
            "release_version",
        ],
        "completed",
    )
    assert run["mlflow_run_id"] == served_build["mlflow_run_id"]
    assert run["released"] == "v0001" and Path(run["artifact_uri"]).is_relative_to(home / "zenml" / "local_stores")
