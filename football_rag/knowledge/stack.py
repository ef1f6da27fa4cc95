"""The ZenML stack of a home: local orchestrator and artifact store plus an MLflow experiment tracker.

``ensure_stack`` is idempotent (``make stack`` and every ``build`` call it). It points ZenML at
``<home>/zenml`` (``ZENML_CONFIG_PATH``: its SQLite store and artifact store live there), makes the
repo root a ZenML repository (``.zen/``, git-ignored) so ``zenml pipeline run pipelines.<module>.<name>``
resolves from there, registers the MLflow tracker with ``sqlite:///<home>/mlflow.db`` (or
``FOOTBALL_RAG_MLFLOW_TRACKING_URI``, a tracking server), and activates the stack both globally
(for this home) and for the repo.

With ``ZENML_STORE_URL`` set (a ZenML server) the same calls register the stack in the server, which then
records every run; the default local artifact store has no path of its own, so each client resolves it to
``<home>/zenml/local_stores``: the artifacts stay in the home, shared by whatever loads them.

A repo's ``.zen/config.yaml`` remembers the active stack of one ZenML store only; ZenML resets it when
another home is used from the same checkout. So every run started from here also exports
``ZENML_ACTIVE_STACK_ID``, which wins over both configurations, and ``make stack`` prints the exports a
shell needs before calling ``zenml`` by hand.

MLflow experiments are named after the pipelines. On the SQLite backend they are created here with
their artifacts under ``<home>/mlflow-artifacts``; left to MLflow they would land in ``./mlruns`` of
whatever folder a run starts from.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from football_rag.config.settings import REPO_ROOT, Settings, get_settings

if TYPE_CHECKING:
    from zenml.client import Client

log = logging.getLogger(__name__)

STACK_NAME = "football_rag"
TRACKER_NAME = "football_rag_mlflow"
PIPELINE_NAMES = ("ingest", "train_xg", "index", "evaluate", "release", "retrain")
# A tracking server without authentication ignores the token; ZenML insists on one credential for http(s).
UNAUTHENTICATED_TOKEN = "unauthenticated"


@dataclass(frozen=True)
class StackInfo:
    """The stack a home runs pipelines on."""

    name: str
    stack_id: str
    zenml_config_path: str
    tracking_uri: str
    artifact_root: str

    def environment(self) -> dict[str, str]:
        """Return the variables a process needs to run this home's pipelines."""
        return {"ZENML_CONFIG_PATH": self.zenml_config_path, "ZENML_ACTIVE_STACK_ID": self.stack_id}


@contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send everything written to file descriptor 1 to stderr while the block runs.

    ZenML's console log handler writes to the process's stdout, and so do progress bars; a command
    whose stdout is one JSON document runs ZenML inside this block and prints after it.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def zenml_config_path(settings: Settings) -> Path:
    """Return ``<home>/zenml``, the ZenML global configuration folder of the home."""
    return settings.home.absolute() / "zenml"


def tracking_uri(settings: Settings) -> str:
    """Return the configured MLflow tracking server, else ``sqlite:///<home>/mlflow.db``."""
    return settings.mlflow_tracking_uri or f"sqlite:///{settings.home.absolute() / 'mlflow.db'}"


def use_home(settings: Settings) -> None:
    """Point this process's ZenML at the home; raise when ZenML was already loaded for another one.

    ZenML reads ``ZENML_CONFIG_PATH`` once, at import, so this must run before the first ``import zenml``.
    """
    wanted = str(zenml_config_path(settings))
    current = os.environ.get("ZENML_CONFIG_PATH")
    if "zenml" in sys.modules and current != wanted:
        raise RuntimeError(f"ZenML is already loaded for {current}; run with FOOTBALL_RAG_HOME in a new process")
    os.environ["ZENML_CONFIG_PATH"] = wanted
    os.environ.setdefault("ZENML_ANALYTICS_OPT_IN", "false")
    os.environ.setdefault("ZENML_LOGGING_VERBOSITY", "WARN")


def ensure_stack(settings: Settings) -> StackInfo:
    """Create or update this home's stack and activate it; return it (safe to call on every run)."""
    use_home(settings)
    from zenml.client import Client
    from zenml.config.global_config import GlobalConfiguration
    from zenml.enums import StackComponentType

    if not Client.find_repository(REPO_ROOT):
        Client.initialize(root=REPO_ROOT)
    client = Client()
    uri = tracking_uri(settings)
    _ensure_tracker(client, uri)
    try:
        stack = client.get_stack(STACK_NAME)
    except KeyError:
        stack = client.create_stack(
            STACK_NAME,
            components={
                StackComponentType.ORCHESTRATOR: "default",
                StackComponentType.ARTIFACT_STORE: "default",
                StackComponentType.EXPERIMENT_TRACKER: TRACKER_NAME,
            },
        )
    GlobalConfiguration().set_active_stack(stack)
    Client(root=REPO_ROOT).activate_stack(stack.id)
    os.environ["ZENML_ACTIVE_STACK_ID"] = str(stack.id)
    artifact_root = settings.home.absolute() / "mlflow-artifacts"
    if uri.startswith("sqlite:"):
        _ensure_experiments(uri, artifact_root)
    return StackInfo(
        name=STACK_NAME,
        stack_id=str(stack.id),
        zenml_config_path=str(zenml_config_path(settings)),
        tracking_uri=uri,
        artifact_root=str(artifact_root),
    )


def _ensure_tracker(client: Client, uri: str) -> None:
    """Register the MLflow tracker on ``uri``, or point the registered one there."""
    from zenml.enums import StackComponentType

    configuration: dict[str, str] = {"tracking_uri": uri}
    if uri.startswith(("http://", "https://")):
        configuration.update(_tracking_credentials())
    try:
        current = client.get_stack_component(StackComponentType.EXPERIMENT_TRACKER, TRACKER_NAME)
    except KeyError:
        client.create_stack_component(TRACKER_NAME, "mlflow", StackComponentType.EXPERIMENT_TRACKER, configuration)
        return
    if any(current.configuration.get(key) != value for key, value in configuration.items()):
        client.update_stack_component(TRACKER_NAME, StackComponentType.EXPERIMENT_TRACKER, configuration=configuration)


def _tracking_credentials() -> dict[str, str]:
    """Return the tracking server's credentials from MLflow's own variables (a placeholder token when none)."""
    if os.environ.get("MLFLOW_TRACKING_USERNAME") and os.environ.get("MLFLOW_TRACKING_PASSWORD"):
        return {
            "tracking_username": os.environ["MLFLOW_TRACKING_USERNAME"],
            "tracking_password": os.environ["MLFLOW_TRACKING_PASSWORD"],
        }
    return {"tracking_token": os.environ.get("MLFLOW_TRACKING_TOKEN") or UNAUTHENTICATED_TOKEN}


def _ensure_experiments(uri: str, artifact_root: Path) -> None:
    """Create one experiment per pipeline on the SQLite backend, with its artifacts under ``artifact_root``."""
    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=uri)
    for name in PIPELINE_NAMES:
        if client.get_experiment_by_name(name) is None:
            client.create_experiment(name, artifact_location=(artifact_root / name).as_uri())


def main() -> None:
    """Set up the stack of the configured home and print the shell exports for running ``zenml`` by hand."""
    from football_rag.config.offline import apply_quiet_defaults

    apply_quiet_defaults()
    with stdout_to_stderr():
        info = ensure_stack(get_settings())
    if "--json" in sys.argv[1:]:
        print(json.dumps(asdict(info)))
        return
    for key, value in info.environment().items():
        print(f"export {key}={value}")
    print(f"# stack {info.name}; MLflow tracking URI {info.tracking_uri}", file=sys.stderr)


if __name__ == "__main__":
    main()
