"""A release's shots -> the xG model, evaluated on held-out matches and registered in MLflow."""

from zenml import pipeline

from steps.load import load_release
from steps.xg import fit_xg_model


@pipeline
def train_xg(version: str | None = None) -> None:
    """1. load the release (default the latest)
    2. evaluate on held-out matches, train on every shot, register the model with its metrics
    """
    tables, _documents, loaded = load_release(version=version)
    fit_xg_model(tables, loaded)
