"""When a week's build fits the xG model again, and when the model that scored last week scores the new shots.

The policy (``refit_share`` in ``configs/retrain.yaml``): fit again on every shot when there is no earlier model,
when scikit-learn changed, when the shots a model learns from (``training_shots``) have grown by more than
``refit_share`` of those the earlier model was fitted on, or when a new shot belongs to a season the earlier model
has not scored a shot of (a new season's first files, a backfilled old one); otherwise the earlier model scores
the new shots. A fit costs time in proportion to every shot held, so refitting every week made each week dearer
as the knowledge base grew; with a share, refits come every ``refit_share * N / w`` weeks (N shots held, w a
week's), so their cost spread over the weeks stays about ``w``. Every shot keeps the xG of the model that scored
it, named in ``xg_source`` and in the release manifest's ``xg_model``, so every figure shown is reproducible
from that model version.
"""

from __future__ import annotations

import pandas as pd
import sklearn

from football_rag.analytics.xg_model import XgModel, training_shots


def unscored_shots(shots: pd.DataFrame) -> pd.Series:
    """Return, per row of ``shots``, whether it still needs a model's xG (no xG yet, and not an own goal)."""
    return shots["xg"].isna() & ~shots["own_goal"].astype(bool)  # as analytics.tables.apply_xg fills them


def refit_reason(
    shots: pd.DataFrame, matches: pd.DataFrame, previous: XgModel | None, refit_share: float | None
) -> str | None:
    """Return why the model must be fitted again on ``shots`` (the knowledge base's), or None when ``previous``
    scores the unscored shots. ``refit_share`` None fits every time (an explicit retrain)."""
    if refit_share is None:
        return "every build fits (no refit_share)"
    if previous is None:
        return "no earlier model to score with"
    if previous.sklearn_version != sklearn.__version__:
        return f"scikit-learn {previous.sklearn_version} -> {sklearn.__version__}"
    grown = len(training_shots(shots)) - previous.n_train_shots
    if grown > refit_share * previous.n_train_shots:
        return f"{grown} training shots since the last fit, over {refit_share:.0%} of its {previous.n_train_shots}"
    season = matches.set_index(matches["match_id"].astype(str))["season"]
    match_ids = shots["match_id"].astype(str)
    scored = set(season.reindex(match_ids[shots["xg_source"].eq(previous.xg_source)]))
    new_seasons = set(season.reindex(match_ids[unscored_shots(shots)])) - scored
    if new_seasons:
        return f"shots of a season the model has not scored: {', '.join(sorted(map(str, new_seasons)))}"
    return None
