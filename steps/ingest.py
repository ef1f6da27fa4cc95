"""Ingest steps: plan which raw files are new (always re-run: it reads the file system), then parse and merge."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from zenml import step

from football_rag.config.settings import get_settings
from football_rag.knowledge.datasets import TableSet
from football_rag.knowledge.ingest import IngestPlan, IngestReport, home_quarantine, plan_for_settings, run_ingest
from football_rag.knowledge.release import release_store
from steps.materializers import TableSetMaterializer
from steps.tracking import track


@step(enable_cache=False, experiment_tracker=True)
def plan_ingest(raw_dir: str | None = None, full: bool = False) -> Annotated[IngestPlan, "ingest_plan"]:
    """Return which raw files are new against the latest release (the cache key of the parse that follows)."""
    plan = plan_for_settings(get_settings(), Path(raw_dir) if raw_dir else None, full)
    track(
        params={"ingest.raw_dir": plan.raw_dir, "ingest.parent": plan.parent, "ingest.incremental": plan.incremental},
        metrics={
            "ingest.files_seen": plan.files_seen,
            "ingest.files_new": len(plan.new),
            "ingest.files_unchanged": plan.unchanged,
            "ingest.files_quarantined_before": len(plan.quarantined),
            "ingest.files_retried_after_parser_change": len(plan.retried),
            "ingest.files_missing": len(plan.missing),
            "ingest.files_set_aside_before": len(plan.set_aside),
        },
    )
    return plan


@step(experiment_tracker=True, output_materializers={"match_tables": TableSetMaterializer})
def ingest_matches(
    plan: IngestPlan,
) -> tuple[
    Annotated[TableSet, "match_tables"],
    Annotated[IngestReport, "ingest_report"],
    Annotated[str | None, "version"],
]:
    """Parse the plan's new files and merge them into the parent's tables; the version is None when nothing is new."""
    settings = get_settings()
    tables, report = run_ingest(plan, release_store(settings), home_quarantine(settings))
    track(
        params={"ingest.version": report.version, "ingest.parent": report.parent},
        metrics={
            "ingest.files_parsed": report.parsed,
            "ingest.files_rejected": len(report.rejected),
            "ingest.files_recovered": len(report.recovered),
            "ingest.files_superseded": len(report.superseded),
            "ingest.matches_total": report.matches_total,
            "ingest.matches_new": len(report.new_match_ids),
            "ingest.matches_replaced": len(report.replaced_match_ids),
            **{f"ingest.quality.{k}": v for k, v in report.quality.items() if isinstance(v, int | float)},
            **{f"ingest.seconds.{k}": v for k, v in report.timings_s.items()},
        },
        documents={"ingest_report": report.model_dump(mode="json", exclude={"raw_files"})},
    )
    return TableSet(tables), report, report.version
