"""The xG step: score the new shots with last week's model, or evaluate on held-out matches, train on every shot
and register the model (``analytics.xg_refit`` says which)."""

from __future__ import annotations

from typing import Annotated

import mlflow
import sklearn
from zenml import step

from football_rag.analytics.xg_model import XgModel
from football_rag.config.settings import get_settings
from football_rag.knowledge.datasets import TableSet
from football_rag.knowledge.release import release_store
from football_rag.knowledge.xg_scoring import model_path, release_xg_metrics, saved_model, score_shots
from steps.materializers import TableSetMaterializer
from steps.tracking import track

REGISTERED_MODEL = "football_rag_xg"


@step(experiment_tracker=True, output_materializers={"tables_with_xg": TableSetMaterializer})
def fit_xg_model(
    tables: TableSet, version: str | None, seed: int = 0, min_matches: int = 20, refit_share: float | None = None
) -> tuple[Annotated[TableSet, "tables_with_xg"], Annotated[dict, "xg_report"]]:
    """Return the tables with model xG on every shot lacking one, and the report of the model that scored them.

    Shots scored by an earlier version keep their xG (``xg_source`` names the model that scored each): a
    matchweek's documents change, the rest of the season's do not, and their vectors are re-used. The new shots
    are scored by the latest release's model unless ``refit_share`` (``configs/retrain.yaml``; None: always)
    calls for a fit on every shot (``analytics.xg_refit``); a re-used model's hold-out metrics are the latest
    release's. The report names the model (``scoring_model``) and the matches it scored. Below ``min_matches``
    (too few shots, maybe no penalty to price) no model is trained and the report says why.
    """
    if version is None:
        return tables, {}
    shots = tables["shots"]
    matches = int(shots["match_id"].nunique())
    if matches < min_matches:
        reason = f"{matches} matches with shots, fewer than min_matches={min_matches}"
        track(params={"xg.skipped": reason})
        return tables, {"skipped": reason}
    settings = get_settings()
    latest = release_store(settings).latest()
    scoring = score_shots(tables, saved_model(settings.home, latest.xg_model if latest else None), refit_share, seed)
    model = scoring.model
    metrics = release_xg_metrics(scoring.report, latest.metrics if latest else {})
    report = scoring.report.model_dump(mode="json") if scoring.report else {}
    if scoring.report is not None:
        model.save(model_path(settings.home, model.version))
    summary = {"scoring_model": model.version, "refit": scoring.refit, "scored_matches": sorted(scoring.scored_matches)}
    track(
        params={
            "xg.model_version": model.version,
            "xg.train_shots": model.n_train_shots,
            "xg.refit": scoring.refit or "no",
        },
        metrics={**metrics, "xg.penalty_xg": model.penalty_xg, "xg.scored_matches": len(scoring.scored_matches)},
        documents={"xg_report": {**report, **summary}},
    )
    if scoring.report is not None and mlflow.active_run() is not None:
        _register(model, metrics, version)
    return TableSet(scoring.tables), {**report, **summary, "metrics": metrics}


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
