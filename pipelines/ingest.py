"""Raw files -> a new dataset version (the match tables), parsing only what the latest release has not seen."""

from zenml import pipeline

from steps.ingest import ingest_matches, plan_ingest


@pipeline
def ingest(raw_dir: str | None = None, full: bool = False) -> None:
    """1. plan: which raw files are new (sha256 against the latest release and the quarantine)
    2. ingest: parse them, quarantine the bad ones, merge with the latest release's tables
    """
    plan = plan_ingest(raw_dir=raw_dir, full=full)
    ingest_matches(plan)
