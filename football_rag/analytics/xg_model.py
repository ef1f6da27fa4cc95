"""Expected goals (xG) for shots that come without a provider's value: WhoScored pages carry none.

What goes in (``shot_features``), all from the shots table (pitch metres, 105 x 68, the shooter attacking
towards x = 105) plus the assist type from the events (``shot_assist_types``):

- distance from the shot to the goal centre (105, 34), in metres, and its logarithm;
- the opening angle: the angle, seen from the shot, between the two posts of a 7.32 m goal;
- body part (``shot_type``), situation, big chance (Opta's analyst flag), and the assist type.

Penalties are not modelled: every penalty gets one fixed xG, the conversion rate of the penalties in the
training shots (``XgModel.penalty_xg``), because a penalty's chance does not depend on anything the features
hold and the season gives too few of them (50) to learn more. Own goals are not attempts on the opponent's
goal: they are left out of training and get no xG (NaN).

The estimator is a logistic regression over spline features, calibrated over group folds (scikit-learn
``CalibratedClassifierCV``; ``train_xg_model`` says why not boosting or isotonic); the baseline is a
logistic regression on distance and angle only. Both treat penalties and own goals the same way, so a
comparison measures the features. A provider's xG (FotMob) is kept as it is:
``tables.apply_xg(tables, model.predict, model.xg_source)`` gives the model's value only to shots without
one and records ``"model:<version>"`` in ``xg_source``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import sklearn
from pydantic import BaseModel
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler

from football_rag.data.contracts import Event, ParsedMatch
from football_rag.data.coordinates import STANDARD_PITCH, CoordinateSystem, to_metres

GOAL_X = STANDARD_PITCH.length
GOAL_Y = STANDARD_PITCH.width / 2
GOAL_WIDTH = 7.32
# A cut-back is a ground pass played backwards from the strip along the goal line as deep as the goal
# area (5.5 m), inside the width of the penalty area (40.32 m): the pass that finds a runner arriving
# from behind. Opta has no qualifier for it in WhoScored's files, so it is read from the pass geometry.
CUT_BACK_DEPTH = 5.5
PENALTY_AREA_HALF_WIDTH = 20.16
SET_PIECE_PASSES = ("CornerTaken", "FreekickTaken", "ThrowIn")
NUMERIC_FEATURES = ("distance", "log_distance", "angle")
CATEGORICAL_FEATURES = ("shot_type", "situation", "assist_type")
FLAG_FEATURES = ("big_chance",)
BASELINE_FEATURES = ("distance", "angle")
MISSING = "unknown"
MODEL_NAME = "xg-logit"
BASELINE_NAME = "xg-baseline-distance-angle"
CALIBRATION_FOLDS = 5
SPLINE_KNOTS = 5
REGULARISATION = 0.1


def shot_distance(x: np.ndarray | float, y: np.ndarray | float) -> np.ndarray:
    """Return the distance in metres from each shot to the centre of the goal at (105, 34)."""
    return np.hypot(GOAL_X - np.asarray(x, dtype=float), GOAL_Y - np.asarray(y, dtype=float))


def shot_angle(x: np.ndarray | float, y: np.ndarray | float) -> np.ndarray:
    """Return the goal's opening angle in radians: the angle between the lines from the shot to the two posts.

    From ``tan(a - b) = (tan a - tan b) / (1 + tan a tan b)`` with the posts at ``34 +/- 3.66``:
    ``atan2(w * dx, dx**2 + dy**2 - (w / 2)**2)``, which stays right beside the goal line (angle > 90 degrees
    inside the goal mouth's semicircle, 0 level with a post on the goal line).
    """
    dx = GOAL_X - np.asarray(x, dtype=float)
    dy = np.asarray(y, dtype=float) - GOAL_Y
    return np.arctan2(GOAL_WIDTH * dx, dx**2 + dy**2 - (GOAL_WIDTH / 2) ** 2)


def assist_type(pass_event: Event | None) -> str:
    """Return how a shot was set up, from the event it is related to (the shooter's team's previous action).

    ``none`` (no related event: a dribble, a loose ball), ``rebound`` (the team's own earlier shot),
    ``through_ball``, ``cut_back`` (see ``CUT_BACK_DEPTH``), ``cross``, ``set_piece`` (a corner, free kick
    or throw-in played short), ``headed_pass``, ``pass`` (any other pass) or ``other`` (a touch, tackle,
    interception that fell to the shooter).
    """
    if pass_event is None:
        return "none"
    if pass_event.is_shot:
        return "rebound"
    if pass_event.type != "Pass":
        return "other"
    names = set(pass_event.qualifiers)
    if "Throughball" in names:
        return "through_ball"
    if _is_cut_back(pass_event, names):
        return "cut_back"
    if "Cross" in names:
        return "cross"
    if names.intersection(SET_PIECE_PASSES):
        return "set_piece"
    return "headed_pass" if "HeadPass" in names else "pass"


def _is_cut_back(pass_event: Event, names: set[str]) -> bool:
    if None in (pass_event.x, pass_event.y, pass_event.end_x) or "Chipped" in names:
        return False
    if names.intersection(SET_PIECE_PASSES):
        return False
    x, y = to_metres(pass_event.x, pass_event.y, CoordinateSystem.OPTA)
    end_x, _ = to_metres(pass_event.end_x, pass_event.end_y or pass_event.y, CoordinateSystem.OPTA)
    return x >= GOAL_X - CUT_BACK_DEPTH and abs(y - GOAL_Y) <= PENALTY_AREA_HALF_WIDTH and end_x < x


def shot_assist_types(parsed: ParsedMatch) -> pd.DataFrame:
    """Return ``match_id, shot_id, assist_type`` for every shot of one parsed match (event-based sources).

    The related event of an Opta shot is numbered within the shooter's team, so it is looked up by
    ``(team_id, event_id)``; ``Shot.shot_id`` is the shot event's ``source_event_id``.
    """
    by_team_event = {(e.team_id, e.event_id): e for e in parsed.events}
    rows = [
        {
            "match_id": e.match_id,
            "shot_id": e.source_event_id or str(e.event_id),
            "assist_type": assist_type(by_team_event.get((e.team_id, e.related_event_id))),
        }
        for e in parsed.events
        if e.is_shot
    ]
    return pd.DataFrame(rows, columns=["match_id", "shot_id", "assist_type"])


def shot_features(shots: pd.DataFrame) -> pd.DataFrame:
    """Return one row of model features per shot (same index), from the shots table's columns.

    Needs ``x, y``; reads ``shot_type, situation, assist_type, big_chance`` when present (missing values
    become ``"unknown"`` / 0, as for a provider that does not give them).
    """
    distance = shot_distance(shots["x"], shots["y"])
    features = pd.DataFrame(
        {
            "distance": distance,
            "log_distance": np.log1p(distance),
            "angle": shot_angle(shots["x"], shots["y"]),
        },
        index=shots.index,
    )
    for column in CATEGORICAL_FEATURES:
        values = shots[column] if column in shots else pd.Series(None, index=shots.index, dtype=object)
        features[column] = values.astype(object).where(values.notna(), MISSING).astype(str)
    for column in FLAG_FEATURES:
        values = shots[column] if column in shots else pd.Series(False, index=shots.index)
        features[column] = values.fillna(False).astype(float)
    return features


@dataclass
class XgModel:
    """A fitted xG model: ``predict`` gives each shot's xG (penalties fixed, own goals NaN)."""

    version: str
    features: tuple[str, ...]
    estimator: object
    penalty_xg: float
    n_train_shots: int
    sklearn_version: str = sklearn.__version__

    @property
    def xg_source(self) -> str:
        """Return the ``xg_source`` of the shots this model fills: ``"model:<version>"``."""
        return f"model:{self.version}"

    def predict(self, shots: pd.DataFrame) -> np.ndarray:
        """Return the xG of every row of ``shots``: NaN for own goals, ``penalty_xg`` for penalties."""
        own_goal = _flag(shots, "own_goal")
        penalty = _flag(shots, "penalty") & ~own_goal
        xg = np.full(len(shots), np.nan)
        xg[penalty] = self.penalty_xg
        open_shots = ~own_goal & ~penalty
        if open_shots.any():
            features = shot_features(shots.loc[open_shots])[list(self.features)]
            xg[open_shots] = self.estimator.predict_proba(features)[:, 1]
        return xg

    def save(self, path: Path) -> Path:
        """Write the model to ``path`` (joblib) and return the path."""
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path)
        return path

    @classmethod
    def load(cls, path: Path) -> XgModel:
        """Return the model saved at ``path``; raise ``TypeError`` when the file holds something else."""
        model = joblib.load(path)
        if not isinstance(model, cls):
            raise TypeError(f"{path} holds a {type(model).__name__}, not an XgModel")
        return model


def _flag(shots: pd.DataFrame, column: str) -> np.ndarray:
    if column not in shots:
        return np.zeros(len(shots), dtype=bool)
    return shots[column].fillna(False).astype(bool).to_numpy()


def training_shots(shots: pd.DataFrame) -> pd.DataFrame:
    """Return the shots a model learns from: not own goals, not penalties, with coordinates."""
    keep = ~_flag(shots, "own_goal") & ~_flag(shots, "penalty") & shots["x"].notna().to_numpy()
    return shots.loc[keep]


def penalty_conversion(shots: pd.DataFrame) -> float:
    """Return the share of (non own-goal) penalties scored in ``shots``; raise when there is none."""
    penalties = shots.loc[_flag(shots, "penalty") & ~_flag(shots, "own_goal")]
    if penalties.empty:
        raise ValueError("no penalties in the training shots: their xG cannot be set")
    return float(penalties["is_goal"].astype(bool).mean())


def train_xg_model(shots: pd.DataFrame, seed: int) -> XgModel:
    """Return the calibrated xG model fitted on ``shots`` (a shots table with ``assist_type``).

    A logistic regression over cubic splines of distance and angle plus one-hot body part, situation and
    assist type, Platt-calibrated over group folds (no match in both a fold's fit and its calibration).
    Tried on six seeded held-out splits of the 2025/26 season: gradient boosting scored a log loss of
    0.2730 against this model's 0.2721 at ten times the fitting time, and isotonic calibration 0.2758
    (about 3,700 training shots are too few for its steps).
    """
    encode = ColumnTransformer(
        [
            ("curves", SplineTransformer(n_knots=SPLINE_KNOTS, degree=3), ["distance", "angle"]),
            ("numeric", "passthrough", ["log_distance", *FLAG_FEATURES]),
            ("categorical", OneHotEncoder(handle_unknown="ignore", sparse_output=False), list(CATEGORICAL_FEATURES)),
        ]
    )
    regression = LogisticRegression(C=REGULARISATION, max_iter=2000, random_state=seed)
    pipeline = Pipeline([("encode", encode), ("scale", StandardScaler()), ("fit", regression)])
    estimator = CalibratedClassifierCV(pipeline, method="sigmoid", cv=CALIBRATION_FOLDS)
    return _fit(MODEL_NAME, NUMERIC_FEATURES + CATEGORICAL_FEATURES + FLAG_FEATURES, estimator, shots, seed)


def train_baseline(shots: pd.DataFrame, seed: int) -> XgModel:
    """Return the reference model: a logistic regression on distance and angle only."""
    pipeline = Pipeline([("scale", StandardScaler()), ("fit", LogisticRegression())])
    return _fit(BASELINE_NAME, BASELINE_FEATURES, pipeline, shots, seed)


def _fit(name: str, features: tuple[str, ...], estimator: object, shots: pd.DataFrame, seed: int) -> XgModel:
    train = training_shots(shots)
    X = shot_features(train)[list(features)]
    y = train["is_goal"].astype(int).to_numpy()
    if isinstance(estimator, CalibratedClassifierCV):
        folds = GroupKFold(n_splits=CALIBRATION_FOLDS).split(X, y, groups=train["match_id"])
        estimator.set_params(cv=list(folds))
    estimator.fit(X, y)
    return XgModel(
        version=f"{name}-{_fingerprint(train, seed)}",
        features=features,
        estimator=estimator,
        penalty_xg=penalty_conversion(shots),
        n_train_shots=len(train),
    )


def _fingerprint(train: pd.DataFrame, seed: int) -> str:
    """Return 8 hex digits naming the training data and seed, so a retrain on new shots is a new version."""
    keys = sorted(f"{m}:{s}" for m, s in zip(train["match_id"], train["shot_id"], strict=True))
    return hashlib.sha256("\n".join([str(seed), *keys]).encode()).hexdigest()[:8]


class XgMetrics(BaseModel):
    """How well one set of xG values predicts goals: lower log loss and Brier are better, higher AUC."""

    shots: int
    goals: int
    total_xg: float
    log_loss: float
    brier: float
    auc: float


class CalibrationBin(BaseModel):
    """One decile of the predicted xG: how many shots, the mean xG, and the share that were goals."""

    decile: int
    shots: int
    min_xg: float
    max_xg: float
    mean_xg: float
    goal_rate: float


class ProviderComparison(BaseModel):
    """Our model and a provider's own xG on the same shots (linked across sources)."""

    provider: str
    matches: int
    model: XgMetrics
    provider_xg: XgMetrics


class XgReport(BaseModel):
    """Held-out evaluation of an xG model against the distance-and-angle baseline (and a provider's xG)."""

    model_version: str
    baseline_version: str
    seed: int
    train_matches: int
    test_matches: int
    train_shots: int
    test_shots: int
    penalty_xg: float
    model: XgMetrics
    baseline: XgMetrics
    calibration: list[CalibrationBin]
    provider: ProviderComparison | None = None


def xg_metrics(goals: Iterable[bool], xg: Iterable[float]) -> XgMetrics:
    """Return log loss, Brier score and ROC AUC of ``xg`` as a prediction of ``goals``."""
    y = np.asarray(list(goals), dtype=int)
    p = np.clip(np.asarray(list(xg), dtype=float), 1e-6, 1 - 1e-6)
    return XgMetrics(
        shots=len(y),
        goals=int(y.sum()),
        total_xg=round(float(p.sum()), 3),
        log_loss=round(float(log_loss(y, p, labels=[0, 1])), 5),
        brier=round(float(brier_score_loss(y, p)), 5),
        auc=round(float(roc_auc_score(y, p)), 5),
    )


def calibration_table(goals: Iterable[bool], xg: Iterable[float], bins: int = 10) -> list[CalibrationBin]:
    """Return the shots grouped by decile of predicted xG, with the observed goal rate of each group."""
    frame = pd.DataFrame({"goal": np.asarray(list(goals), dtype=int), "xg": np.asarray(list(xg), dtype=float)})
    frame["decile"] = pd.qcut(frame["xg"].rank(method="first"), bins, labels=False)
    return [
        CalibrationBin(
            decile=int(decile) + 1,
            shots=len(group),
            min_xg=round(float(group["xg"].min()), 4),
            max_xg=round(float(group["xg"].max()), 4),
            mean_xg=round(float(group["xg"].mean()), 4),
            goal_rate=round(float(group["goal"].mean()), 4),
        )
        for decile, group in frame.groupby("decile")
    ]


def split_by_match(shots: pd.DataFrame, seed: int, test_share: float = 0.25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(train, test)`` shots with every match wholly on one side (a seeded group split)."""
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_share, random_state=seed)
    train_rows, test_rows = next(splitter.split(shots, groups=shots["match_id"]))
    return shots.iloc[train_rows], shots.iloc[test_rows]


def evaluate_xg(
    model: XgModel,
    baseline: XgModel,
    held_out: pd.DataFrame,
    *,
    seed: int,
    train_matches: int,
    linked_shots: pd.DataFrame | None = None,
    provider: str = "fotmob",
) -> XgReport:
    """Return the model's and the baseline's scores on ``held_out`` shots (own goals left out).

    With ``linked_shots`` (a shots table whose linked shots carry the provider's xG) the report also
    holds our model against the provider's xG on those shots (``compare_with_provider``).
    """
    scored = held_out.loc[~_flag(held_out, "own_goal")]
    goals = scored["is_goal"].astype(bool)
    model_xg = model.predict(scored)
    return XgReport(
        model_version=model.version,
        baseline_version=baseline.version,
        seed=seed,
        train_matches=train_matches,
        test_matches=scored["match_id"].nunique(),
        train_shots=model.n_train_shots,
        test_shots=len(scored),
        penalty_xg=round(model.penalty_xg, 4),
        model=xg_metrics(goals, model_xg),
        baseline=xg_metrics(goals, baseline.predict(scored)),
        calibration=calibration_table(goals, model_xg),
        provider=None if linked_shots is None else compare_with_provider(model, linked_shots, provider),
    )


def holdout_report(
    shots: pd.DataFrame, seed: int, test_share: float = 0.25, linked_shots: pd.DataFrame | None = None
) -> XgReport:
    """Split ``shots`` by match, train the model and the baseline on one part, and score both on the other.

    ``linked_shots`` (matches outside ``shots`` whose shots carry FotMob's xG) adds the provider comparison.
    """
    train, test = split_by_match(shots, seed, test_share)
    return evaluate_xg(
        train_xg_model(train, seed),
        train_baseline(train, seed),
        test,
        seed=seed,
        train_matches=train["match_id"].nunique(),
        linked_shots=linked_shots,
    )


def compare_with_provider(model: XgModel, shots: pd.DataFrame, provider: str = "fotmob") -> ProviderComparison:
    """Return our model's xG and the provider's on the shots whose ``xg`` came from ``provider``.

    ``shots`` is a shots table where linked shots carry the provider's value (``xg_source == provider``).
    """
    scored = shots.loc[shots["xg_source"].eq(provider).to_numpy() & ~_flag(shots, "own_goal")]
    if scored.empty:
        raise ValueError(f"no shot carries {provider}'s xG")
    goals = scored["is_goal"].astype(bool)
    return ProviderComparison(
        provider=provider,
        matches=scored["match_id"].nunique(),
        model=xg_metrics(goals, model.predict(scored)),
        provider_xg=xg_metrics(goals, scored["xg"]),
    )
