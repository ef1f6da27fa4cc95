"""Evaluation: a versioned eval set, strict metrics, MLflow runs, the release gate, A/B runs and alerts."""
