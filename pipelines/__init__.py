"""ZenML pipelines, run from the repo root: ``zenml pipeline run pipelines.<module>.<name> -c configs/<x>.yaml``."""
