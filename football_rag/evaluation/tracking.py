"""Evaluation runs in MLflow: one run per evaluation in the ``evaluation`` experiment, comparable across releases.

Runs are written with ``MlflowClient`` against an explicit tracking URI (the home's
``sqlite:///<home>/mlflow.db`` unless ``FOOTBALL_RAG_MLFLOW_TRACKING_URI`` names a server, as for the
pipelines), never through MLflow's process-global active run: an evaluation inside a ZenML step logs
its own run beside the step's. Each run holds the parameters (release, model, prompt, embedder), every
metric with its n, ``report.json`` (the figures, for the README table) and ``questions.json`` (the
per-question table). A/B runs are children of one parent run (``mlflow.parentRunId``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from mlflow.entities import Metric, Param, RunTag
from mlflow.tracking import MlflowClient

from football_rag.config.settings import Settings
from football_rag.knowledge.stack import tracking_uri

if TYPE_CHECKING:
    from football_rag.evaluation.runner import EvalRun

EXPERIMENT = "evaluation"
REPORT_FILE = "report.json"
QUESTIONS_FILE = "questions.json"
KIND_TAG = "football_rag.run_kind"
RELEASE_TAG = "football_rag.release"
PARENT_TAG = "mlflow.parentRunId"
# MLflow's log_batch takes at most this many metrics per call.
BATCH = 900
TABLE_COLUMNS = (
    "id", "kind", "question", "gold", "match_id", "expected_intent", "status", "error", "answer", "intent", "matches",
    "grounded", "unsupported", "missing", "correct", "rank", "refusal_ok", "latency_ms", "first_token_ms",
    "model_first_token_ms",
    "judge_faithfulness", "judge_relevance", "judge_reason",
)  # fmt: skip


class EvalTracker:
    """Writes evaluation runs to one MLflow experiment."""

    def __init__(self, uri: str, artifact_root: Path | None = None, experiment: str = EXPERIMENT) -> None:
        self.uri = uri
        self.client = MlflowClient(tracking_uri=uri)
        found = self.client.get_experiment_by_name(experiment)
        if found is not None:
            self.experiment_id = found.experiment_id
        else:
            location = (artifact_root / experiment).as_uri() if artifact_root else None
            self.experiment_id = self.client.create_experiment(experiment, artifact_location=location)

    def start(self, name: str, params: dict[str, str], tags: dict[str, str], parent_run_id: str | None = None) -> str:
        """Open a run with ``params`` and ``tags``; return its id."""
        all_tags = {**tags, **({PARENT_TAG: parent_run_id} if parent_run_id else {})}
        run = self.client.create_run(self.experiment_id, run_name=name, tags=all_tags)
        run_id = run.info.run_id
        self.client.log_batch(run_id, params=[Param(k, str(v)[:6000]) for k, v in params.items()])
        return run_id

    def log_metrics(self, run_id: str, metrics: dict[str, float]) -> None:
        """Log ``metrics`` (name -> number) at step 0."""
        now = int(time.time() * 1000)
        items = [Metric(k, float(v), now, 0) for k, v in metrics.items()]
        for start in range(0, len(items), BATCH):
            self.client.log_batch(run_id, metrics=items[start : start + BATCH])

    def set_tags(self, run_id: str, tags: dict[str, str]) -> None:
        """Set ``tags`` on a run (the gate decision, alerts)."""
        self.client.log_batch(run_id, tags=[RunTag(k, str(v)[:5000]) for k, v in tags.items()])

    def finish(self, run_id: str, status: str = "FINISHED") -> None:
        self.client.set_terminated(run_id, status)

    def log_eval(self, run: EvalRun, name: str, parent_run_id: str | None = None) -> str:
        """Log one evaluation run (params, metrics, report, per-question table); return its id."""
        tags = {KIND_TAG: "evaluation", RELEASE_TAG: run.params.get("release", "none")}
        run_id = self.start(name, run.params, tags, parent_run_id)
        self.log_metrics(run_id, run.metrics)
        run.run_id = run_id
        self.client.log_dict(run_id, run.report(), REPORT_FILE)
        self.client.log_table(run_id, data=questions_table(run.results), artifact_file=QUESTIONS_FILE)
        self.finish(run_id)
        return run_id

    def latest_run_id(self, release: str | None = None) -> str | None:
        """Return the newest evaluation run (of ``release`` when given), or None."""
        query = f"tags.`{KIND_TAG}` = 'evaluation'" + (f" and tags.`{RELEASE_TAG}` = '{release}'" if release else "")
        runs = self.client.search_runs(
            [self.experiment_id], query, order_by=["attributes.start_time DESC"], max_results=1
        )
        return runs[0].info.run_id if runs else None

    def report(self, run_id: str) -> dict:
        """Return the ``report.json`` of a run."""
        local = self.client.download_artifacts(run_id, REPORT_FILE)
        return json.loads(Path(local).read_text(encoding="utf-8"))


def questions_table(results: pd.DataFrame) -> pd.DataFrame:
    """Return the per-question table as JSON-safe columns (lists kept, NaN as None) for the artifact."""
    table = results.reindex(columns=[c for c in TABLE_COLUMNS if c in results.columns])
    return pd.DataFrame(json.loads(table.to_json(orient="records", force_ascii=False)))


def tracker_for(settings: Settings) -> EvalTracker:
    """Return the tracker of the configured home (artifacts under ``<home>/mlflow-artifacts`` on the SQLite store)."""
    uri = tracking_uri(settings)
    artifact_root = settings.home.absolute() / "mlflow-artifacts" if uri.startswith("sqlite:") else None
    return EvalTracker(uri, artifact_root)
