"""The xG step: evaluate on held-out matches, train on every shot, fill the shots' xG, register the model."""

from __future__ import annotations

from typing import Annotated

import mlflow
import sklearn
from zenml import step

from football_rag.analytics.xg_model import XgModel, holdout_report, train_xg_model
from football_rag.knowledge.datasets import TableSet
from football_rag.knowledge.ingest import fill_missing_xg
from steps.materializers import TableSetMaterializer
from steps.tracking import track

REGISTERED_MODEL = "football_rag_xg"


@step(experiment_tracker=True, output_materializers={"tables_with_xg": TableSetMaterializer})
def fit_xg_model(
    tables: TableSet, version: str | None, seed: int = 0, min_matches: int = 20
) -> tuple[Annotated[TableSet, "tables_with_xg"], Annotated[dict, "xg_report"]]:
    """Return the tables with model xG on every shot lacking one, and the hold-out report of this version's model.

    Shots scored by an earlier version keep their xG (``xg_source`` names the model that scored each): a
    matchweek's documents change, the rest of the season's do not, and their vectors are re-used. A full
    ingest rescores every shot with one model. Below ``min_matches`` (too few shots, maybe no penalty to
    price) no model is trained and the report says why.
    """
    if version is None:
        return tables, {}
    shots = tables["shots"]
    matches = int(shots["match_id"].nunique())
    if matches < min_matches:
        reason = f"{matches} matches with shots, fewer than min_matches={min_matches}"
        track(params={"xg.skipped": reason})
        return tables, {"skipped": reason}
    report = holdout_report(shots, seed)
    model = train_xg_model(shots, seed)
    filled = fill_missing_xg(tables, model.predict, model.xg_source)
    metrics = {f"xg_{name}": getattr(report.model, name) for name in ("brier", "log_loss", "auc")}
    baseline = {f"xg_baseline_{name}": getattr(report.baseline, name) for name in ("brier", "log_loss", "auc")}
    track(
        params={"xg.model_version": model.version, "xg.train_shots": model.n_train_shots},
        metrics={**metrics, **baseline, "xg.penalty_xg": model.penalty_xg},
        documents={"xg_report": report.model_dump(mode="json")},
    )
    if mlflow.active_run() is not None:
        _register(model, metrics, version)
    return TableSet({**tables, **filled}), {**report.model_dump(mode="json"), "metrics": metrics}


def _register(model: XgModel, metrics: dict[str, float], version: str) -> None:
    """Log the calibrated estimator to the run and register it as a new version of ``REGISTERED_MODEL``."""
    info = mlflow.sklearn.log_model(
        model.estimator,
        name="xg_model",
        registered_model_name=REGISTERED_MODEL,
        # Pinned here: inferring requirements imports the model in a subprocess, seconds for nothing.
        pip_requirements=[f"scikit-learn=={sklearn.__version__}"],
        # skops (the default) refuses the calibrated estimator's scipy/sklearn internals; the model is our own.
        serialization_format="cloudpickle",
    )
    client = mlflow.MlflowClient()
    registered = str(info.registered_model_version)
    for key, value in {**metrics, "release_version": version, "model_version": model.version}.items():
        client.set_model_version_tag(REGISTERED_MODEL, registered, key, str(value))
