"""Release steps: gate and publish a new version (retrain), or push an existing release to the hub."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import pandas as pd
from zenml import step

from football_rag.config.settings import get_settings
from football_rag.evaluation.candidate import CandidateEvaluation
from football_rag.evaluation.eval_set import EVAL_SET_TABLE
from football_rag.evaluation.gate import load_release_gate, record_decision
from football_rag.evaluation.tracking import tracker_for
from football_rag.knowledge.datasets import TableSet
from football_rag.knowledge.document_updates import documents_code_version
from football_rag.knowledge.hub import hub_from_settings, publish_release
from football_rag.knowledge.index import IndexHandle
from football_rag.knowledge.ingest import IngestReport, candidate_manifest
from football_rag.knowledge.release import ReleaseOutcome, release_candidate, release_store
from football_rag.knowledge.release_gate import GateDecision
from steps.tracking import track


@step(experiment_tracker=True, enable_cache=False)
def release_version(
    tables: TableSet,
    documents: pd.DataFrame,
    embeddings: pd.DataFrame,
    index: IndexHandle | None,
    report: IngestReport,
    xg_report: dict,
    evaluation: CandidateEvaluation | None,
    eval_set: pd.DataFrame,
) -> Annotated[ReleaseOutcome | None, "release"]:
    """Gate the version the ingest opened and publish it with its eval set (locally, then to the hub), or hold it.

    Returns None when nothing was new. The gate holds the candidate's own bounds and its comparison with the
    current release (``configs/evaluation.yaml``); the decision tags the version's evaluation run and alerts
    when it is held back.
    """
    if report.version is None or index is None or evaluation is None:
        track(params={"release.decision": "no new version: no new raw files"})
        return None
    settings = get_settings()
    store = release_store(settings)
    manifest = candidate_manifest(report, index, {**evaluation.metrics, **xg_report.get("metrics", {})})
    manifest.comparison = evaluation.comparison
    manifest.documents_code, manifest.xg_model = documents_code_version(), xg_report.get("scoring_model")
    dates = pd.to_datetime(tables["matches"]["date"])
    manifest.first_match, manifest.last_match = (d.date().isoformat() for d in (dates.min(), dates.max()))
    all_tables = {**tables, "documents": documents, "embeddings": embeddings, EVAL_SET_TABLE: eval_set}
    try:
        outcome = release_candidate(
            store,
            manifest,
            all_tables,
            Path(index.path),
            load_release_gate(settings.configs_dir),
            hub_from_settings(settings),
            evaluation.problems,
        )
    finally:
        shutil.rmtree(store.work_dir(report.version), ignore_errors=True)
    decision = GateDecision(publish=outcome.published, reasons=outcome.reasons)
    record_decision(decision, outcome.version, settings, tracker_for(settings), evaluation.eval_run_id)
    track(
        params={
            "release.version": outcome.version,
            "release.decision": "published" if outcome.published else "held back",
            "release.reasons": "; ".join(outcome.reasons),
            "release.hub": outcome.hub_location or "none",
        },
        metrics={"release.published": int(outcome.published)},
        documents={"manifest": manifest.model_dump(mode="json"), "gate": manifest.gate},
    )
    return outcome


@step(experiment_tracker=True, enable_cache=False)
def push_to_hub(version: str | None = None) -> Annotated[str, "hub_location"]:
    """Publish a local release (default the latest) to the configured hub; return where it went."""
    chosen, location = publish_release(get_settings(), version)
    track(params={"release.pushed_version": chosen, "release.hub": location})
    return location
