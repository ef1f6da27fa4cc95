"""A published release -> its index (copied, or rebuilt from stored vectors) -> retrieval checks."""

from zenml import pipeline

from steps.evaluate import evaluate_answers, evaluate_retrieval
from steps.load import load_release, open_release_index


@pipeline
def evaluate(version: str | None = None) -> None:
    """1. load the release (default the latest)
    2. open its index the way the app does
    3. retrieval checks
    4. the answer evaluation on the eval set it was published with (the same questions)
    """
    tables, documents, loaded = load_release(version=version)
    index = open_release_index(loaded)
    evaluate_retrieval(tables, documents, index)
    evaluate_answers(tables, index)
