"""A local release -> the configured hub (a HF dataset repo or a folder); the hub's latest pointer moves last."""

from zenml import pipeline

from steps.release import push_to_hub


@pipeline
def release(version: str | None = None) -> None:
    """1. push the release (default the latest) to FOOTBALL_RAG_HUB"""
    push_to_hub(version=version)
