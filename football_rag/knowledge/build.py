"""``football-rag build`` / ``ingest`` / ``publish``: the same ZenML pipelines ``zenml pipeline run`` starts.

``build`` runs ``pipelines.retrain.retrain`` with ``configs/retrain.yaml`` exactly as
``zenml pipeline run pipelines.retrain.retrain -c configs/retrain.yaml`` does, in this process, after
``ensure_stack`` has pointed ZenML at the home; ``ingest`` runs ``pipelines.ingest.ingest``. Both hold
the home's build lock for the whole run, so two builds on one home never interleave: the second waits,
then finds nothing new. A run that dies leaves the latest release as it was (releases are published by
a rename); the next run re-uses the steps that had finished (ZenML's cache, keyed on the ingest plan).
"""

from __future__ import annotations

import fcntl
import functools
import gc
import importlib.metadata
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from football_rag.config.model_cache import build_model_names, require_models
from football_rag.config.settings import REPO_ROOT, Settings, get_settings
from football_rag.knowledge.hub import publish_release
from football_rag.knowledge.release import Rejection, release_store
from football_rag.knowledge.stack import ensure_stack, stdout_to_stderr

log = logging.getLogger(__name__)

LOCK_NAME = ".build.lock"


class BuildReport(BaseModel):
    """What ``football-rag build --json`` prints."""

    version: str | None = Field(description="the version this run published, else the latest release")
    published: bool
    candidate: str | None = Field(description="the version this run built (None: nothing new)")
    served: str | None = Field(description="the latest published release: what the app serves")
    served_description: str | None = Field(description='e.g. "v0006 (16 August 2025 to 18 January 2026, 204 matches)"')
    held_path: str | None = Field(description="where a held-back candidate is kept for an override")
    parent: str | None
    matches: int
    new_matches: int
    rejected: list[Rejection]
    recovered: list[Rejection] = Field(default_factory=list, description="rejected by older parser code, now parsed")
    reasons: list[str]
    release_path: str | None
    hub_location: str | None
    metrics: dict[str, float]
    mlflow_run_id: str | None
    tracking_uri: str
    pipeline_run: str
    cached_steps: list[str] = Field(description="steps ZenML re-used from an earlier run (e.g. one that was killed)")
    step_seconds: dict[str, float] = Field(description="wall time of every step that ran")


class IngestSummary(BaseModel):
    """What ``football-rag ingest --json`` prints: the dataset version opened (None: nothing new) and counts."""

    version: str | None
    parent: str | None
    matches: int
    new_matches: int
    new_files: int
    skipped: int
    rejected: list[Rejection]
    quarantined: list[Rejection]
    recovered: list[Rejection] = Field(default_factory=list, description="rejected by older parser code, now parsed")
    pipeline_run: str


class PublishReport(BaseModel):
    """What ``football-rag publish`` prints: which release went where (and the override that let it, if any)."""

    version: str
    hub_location: str
    override: str | None = None


def build_summary(report: BuildReport) -> list[str]:
    """Return what ``football-rag build`` says to a person: what was built, whether it is served, and why not."""
    served = report.served_description or "nothing (no release is published yet)"
    if report.candidate is None:
        return [f"nothing new to build; the app serves {served}"]
    if report.published:
        return [
            f"{report.candidate} published: {report.matches} matches ({report.new_matches} new); now serving {served}"
        ]
    return [
        f"{report.candidate} was built but not published: {'; '.join(report.reasons)}",
        f"the app still serves {served}",
        f"{report.candidate} is kept at {report.held_path}; to publish it anyway: "
        f'football-rag publish --release {report.candidate} --override "<why>"',
    ]


@contextmanager
def build_lock(home: Path) -> Iterator[None]:
    """Hold the home's exclusive build lock, waiting (and saying so) while another build holds it."""
    home.mkdir(parents=True, exist_ok=True)
    with (home / LOCK_NAME).open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("another build holds %s; waiting for it to finish", home / LOCK_NAME)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build(raw_dir: Path | None = None, settings: Settings | None = None, full: bool = False) -> BuildReport:
    """Run the retrain pipeline on ``raw_dir`` (default FOOTBALL_RAG_RAW_DIR, else the demo season); report it."""
    settings = settings or get_settings()
    require_models(build_model_names(settings))  # fail now, with the fix, not in the embed step minutes later
    with build_lock(settings.home), stdout_to_stderr():
        swept = release_store(settings).sweep()
        if swept:
            log.info("removed what an interrupted build left behind: %s", ", ".join(swept))
        stack = ensure_stack(settings)
        run = _run_pipeline("retrain", settings, raw_dir=str(raw_dir) if raw_dir else None, full=full)
        return _build_report(run, settings, stack.tracking_uri)


def _build_report(run: Any, settings: Settings, tracking_uri: str) -> BuildReport:
    """Return the report of a finished retrain run, from its outputs and the release store."""
    report = _output(run, "ingest_matches", "ingest_report")
    outcome = _output(run, "release_version", "release")
    store = release_store(settings)
    latest = store.latest_version()
    return BuildReport(
        version=outcome.version if outcome and outcome.published else latest,
        published=bool(outcome and outcome.published),
        candidate=outcome.version if outcome else None,
        served=latest,
        served_description=store.latest().describe() if latest else None,
        held_path=outcome.held_path if outcome else None,
        parent=report.parent,
        matches=store.manifest(latest).row_counts.get("matches", 0) if latest else 0,
        new_matches=len(report.new_match_ids),
        rejected=[*report.quarantined, *report.rejected],
        recovered=report.recovered,
        reasons=outcome.reasons if outcome else ["no new raw files: no new version"],
        release_path=outcome.release_path if outcome else (str(store.path(latest)) if latest else None),
        hub_location=outcome.hub_location if outcome else None,
        metrics=outcome.metrics if outcome else {},
        mlflow_run_id=_step_metadata(run, "release_version").get("mlflow_run_id"),
        tracking_uri=tracking_uri,
        pipeline_run=run.name,
        cached_steps=sorted(name for name, step in run.steps.items() if step.status.value == "cached"),
        step_seconds=_step_seconds(run),
    )


def ingest(raw_dir: Path | None = None, settings: Settings | None = None, full: bool = False) -> IngestSummary:
    """Run the ingest pipeline alone: parse what is new and open a dataset version (no index, no release)."""
    settings = settings or get_settings()
    with build_lock(settings.home), stdout_to_stderr():
        ensure_stack(settings)
        run = _run_pipeline("ingest", settings, raw_dir=str(raw_dir) if raw_dir else None, full=full)
        report = _output(run, "ingest_matches", "ingest_report")
    return IngestSummary(
        version=report.version,
        parent=report.parent,
        matches=report.matches_total,
        new_matches=len(report.new_match_ids),
        new_files=report.new_files,
        skipped=report.unchanged,
        rejected=report.rejected,
        quarantined=report.quarantined,
        recovered=report.recovered,
        pipeline_run=run.name,
    )


def publish(version: str | None = None, settings: Settings | None = None) -> PublishReport:
    """Push a local release (default the latest) to the configured hub; the hub's pointer moves last.

    A version the gate held back is refused with its reasons: ``publish_held`` (an operator's override) first.
    """
    settings = settings or get_settings()
    held = release_store(settings).held()
    if held is not None and version == held.version:
        raise ValueError(
            f"{version} was held back by the gate ({'; '.join(map(str, held.gate.get('reasons', [])))}); "
            f'publish it with --override "<why>"'
        )
    chosen, location = publish_release(settings, version)
    manifest = release_store(settings).manifest(chosen)
    return PublishReport(
        version=chosen, hub_location=location, override=manifest.override.reason if manifest.override else None
    )


def publish_held(version: str, reason: str, settings: Settings | None = None) -> Path:
    """Publish the held-back candidate ``version`` locally by an operator's decision (under the build lock)."""
    settings = settings or get_settings()
    with build_lock(settings.home):
        return release_store(settings).publish_held(version, reason)


def _run_pipeline(name: str, settings: Settings, **parameters: Any) -> Any:
    """Run ``pipelines.<name>.<name>`` with ``<configs>/<name>.yaml`` as ``zenml pipeline run`` does; return the run."""
    from zenml.client import Client
    from zenml.utils import source_utils

    # The pipelines and steps packages live at the repo root, ZenML's source root (where `zenml init` ran).
    source_utils.set_custom_source_root(str(REPO_ROOT))
    # ZenML asks which installed distribution holds a module each time it records a data type of a library
    # (a pandas table): a scan of every installed package's file list, 0.6 s here, three times a build. The
    # installed packages do not change while a pipeline runs.
    importlib.metadata.packages_distributions = functools.cache(importlib.metadata.packages_distributions)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    pipeline = source_utils.load(f"pipelines.{name}.{name}")
    run = pipeline.with_options(config_path=str(settings.configs_dir / f"{name}.yaml"))(**parameters)
    return Client().get_pipeline_run(run.id)


def _output(run: Any, step: str, name: str) -> Any:
    """Return the loaded value of output ``name`` of ``step`` in ``run``."""
    return run.steps[step].outputs[name][0].load()


def _step_seconds(run: Any) -> dict[str, float]:
    """Return how long each step of ``run`` that executed took, in seconds."""
    return {
        name: round((step.end_time - step.start_time).total_seconds(), 2)
        for name, step in run.steps.items()
        if step.status.value == "completed" and step.start_time and step.end_time
    }


def _step_metadata(run: Any, step: str) -> dict[str, Any]:
    """Return the run metadata of ``step`` (the MLflow tracker records its run id there)."""
    return dict(run.steps[step].run_metadata)


def main(argv: list[str] | None = None) -> None:
    """``python -m football_rag.knowledge.build [--raw-dir DIR] [--full] [--ingest-only]``: print the report as JSON."""
    import argparse

    from football_rag.config.logging import configure_logging
    from football_rag.config.offline import apply_quiet_defaults

    parser = argparse.ArgumentParser(description="run the retrain (or ingest) pipeline on the configured home")
    parser.add_argument("--raw-dir", type=Path)
    parser.add_argument("--full", action="store_true", help="re-parse every raw file")
    parser.add_argument("--ingest-only", action="store_true", help="run the ingest pipeline alone")
    args = parser.parse_args(argv)
    apply_quiet_defaults()
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_json)
    run = ingest if args.ingest_only else build
    print(run(args.raw_dir, settings, args.full).model_dump_json())
    # The report is printed and every file written: spare the interpreter's final garbage collection over
    # what ZenML, MLflow and torch built (about 2 s of a 10-match build's exit, measured); the OS frees it.
    gc.freeze()


if __name__ == "__main__":
    main()
