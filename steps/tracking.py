"""How a step reports: numbers and JSON documents to the pipeline run's MLflow run, metadata to ZenML.

ZenML's MLflow tracker gives every step of one pipeline run the same MLflow run (named after the
pipeline run, in the experiment named after the pipeline), so metric names carry their stage
(``ingest.files_new``) and a parameter is logged once per run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import mlflow
from zenml import log_metadata


def track(
    metrics: Mapping[str, float | int] | None = None,
    params: Mapping[str, Any] | None = None,
    documents: Mapping[str, Any] | None = None,
) -> None:
    """Log ``metrics`` (finite numbers), ``params`` and ``documents`` (JSON files) to MLflow; all of it to ZenML."""
    numbers = {k: float(v) for k, v in (metrics or {}).items() if v is not None and math.isfinite(float(v))}
    if mlflow.active_run() is not None:
        if numbers:
            mlflow.log_metrics(numbers)
        if params:
            mlflow.log_params({k: str(v) for k, v in params.items()})
        for name, document in (documents or {}).items():
            mlflow.log_dict(document, f"{name}.json")
    metadata: dict[str, Any] = {**numbers, **{k: str(v) for k, v in (params or {}).items()}}
    metadata.update({name: document for name, document in (documents or {}).items() if isinstance(document, dict)})
    if metadata:
        log_metadata(metadata=metadata)
