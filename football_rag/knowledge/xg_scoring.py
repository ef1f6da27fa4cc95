"""A build's xG: the new shots scored by last week's model, or by a model fitted again (``analytics.xg_refit``).

The home keeps every model a build fitted, by version (``<home>/xg_models/<version>.joblib``); a release names the
model that scored the shots it added (``Manifest.xg_model``), and the next build re-uses that model while the
policy allows. A home without the file (a fresh machine continuing the hub's releases) fits again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from football_rag.analytics.xg_model import XgModel, XgReport, holdout_report, train_xg_model
from football_rag.analytics.xg_refit import refit_reason, unscored_shots
from football_rag.knowledge.datasets import Tables
from football_rag.knowledge.ingest import fill_missing_xg

MODELS_DIR = "xg_models"


@dataclass(frozen=True)
class XgScoring:
    """What the xG step did: the tables with every shot scored, the model that scored the new ones, why it was
    fitted (None: re-used), its hold-out report (None when re-used) and the matches whose shots it scored."""

    tables: Tables
    model: XgModel
    refit: str | None
    report: XgReport | None
    scored_matches: frozenset[str]


def model_path(home: Path, version: str) -> Path:
    """Return where the home keeps xG model ``version``."""
    return home / MODELS_DIR / f"{version}.joblib"


def saved_model(home: Path, version: str | None) -> XgModel | None:
    """Return the home's xG model ``version``, or None when there is none (no version, or its file is not here)."""
    if version is None or not model_path(home, version).is_file():
        return None
    return XgModel.load(model_path(home, version))


def score_shots(tables: Tables, previous: XgModel | None, refit_share: float | None, seed: int) -> XgScoring:
    """Return ``tables`` with every unscored shot scored: by ``previous`` when ``refit_reason`` allows, else by a
    model fitted on every shot (after a hold-out fit that reports how well such a model predicts goals)."""
    shots = tables["shots"]
    scored_matches = frozenset(shots.loc[unscored_shots(shots), "match_id"].astype(str))
    reason = refit_reason(shots, tables["matches"], previous, refit_share)
    report, model = None, previous
    if reason is not None or model is None:
        report, model = holdout_report(shots, seed), train_xg_model(shots, seed)
    filled = fill_missing_xg(tables, model.predict, model.xg_source)
    return XgScoring({**tables, **filled}, model, reason, report, scored_matches)


def release_xg_metrics(report: XgReport | None, latest: Mapping[str, float]) -> dict[str, float]:
    """Return the ``xg_*`` metrics a release records: the hold-out figures of a model fitted now (``report``),
    else the ones the latest release recorded (``latest``, its metrics), whose model scored the new shots."""
    if report is None:
        return {name: value for name, value in latest.items() if name.startswith("xg_")}
    return {
        f"xg_{prefix}{name}": getattr(scored, name)
        for prefix, scored in (("", report.model), ("baseline_", report.baseline))
        for name in ("brier", "log_loss", "auc")
    }
