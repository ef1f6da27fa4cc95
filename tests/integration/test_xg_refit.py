"""The xG refit policy on real shots (issue 18 item 1): a week's new shots are scored by the model that scored the
last week's unless the shots grew past ``refit_share`` or a new season began, and every figure is reproducible
from the model version the shot names.

The first 120 matches of the 2025/26 season are a release's tables, scored by a model fitted on them; the next
matches in date order are the weeks that follow.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from football_rag.analytics.xg_model import XgModel, train_xg_model, training_shots
from football_rag.analytics.xg_refit import refit_reason
from football_rag.data.parsers import parse_file
from football_rag.knowledge.datasets import Tables
from football_rag.knowledge.ingest import fill_missing_xg, match_tables, merge_tables
from football_rag.knowledge.xg_scoring import model_path, release_xg_metrics, saved_model, score_shots
from tests.integration.test_gate_candidates import season_ids

pytestmark = [pytest.mark.season, pytest.mark.slow]

FIRST, WEEK, MONTH = 120, 10, 30
SHARE = 0.1


class Season:
    """The release's tables (first 120 matches, scored), its model, and the parsed matches that follow."""

    def __init__(self, season_dir: Path) -> None:
        ids = season_ids(season_dir)[: FIRST + MONTH]
        self.parsed = [parse_file(season_dir / "whoscored" / f"{match_id}.json.gz") for match_id in ids]
        tables = match_tables(self.parsed[:FIRST])
        self.model = train_xg_model(tables["shots"], seed=0)
        self.release = fill_missing_xg(tables, self.model.predict, self.model.xg_source)

    def after(self, matches: int, season: str | None = None) -> Tables:
        """Return the release's tables with the next ``matches`` merged in, unscored (labelled ``season``)."""
        new = match_tables(self.parsed[FIRST : FIRST + matches])
        if season is not None:
            new["matches"] = new["matches"].assign(season=season)
        return merge_tables(self.release, new, set(new["matches"]["match_id"]))


@pytest.fixture(scope="module")
def season(season_dir: Path) -> Season:
    return Season(season_dir)


def test_a_week_is_scored_by_the_releases_model(season: Season, tmp_path: Path) -> None:
    week = season.after(WEEK)
    grown = len(training_shots(week["shots"])) - season.model.n_train_shots
    assert 0 < grown <= SHARE * season.model.n_train_shots  # 10 matches on 120: under the share
    assert refit_reason(week["shots"], week["matches"], season.model, SHARE) is None
    season.model.save(model_path(tmp_path, season.model.version))
    scoring = score_shots(week, saved_model(tmp_path, season.model.version), SHARE, seed=0)
    assert scoring.report is None and scoring.refit is None
    assert scoring.model.version == season.model.version
    shots = scoring.tables["shots"]
    new = shots[shots["match_id"].isin(scoring.scored_matches)]
    assert scoring.scored_matches == set(week["matches"]["match_id"][FIRST:])
    # every figure shown is the named model's: loaded again by its version, it gives the same xG
    named = saved_model(tmp_path, new["xg_source"].dropna().unique().item().removeprefix("model:"))
    scored = new[new["xg"].notna()]
    assert np.allclose(scored["xg"], named.predict(scored))
    # the release's shots keep their xG, and the hold-out figures are the release's (the same model's)
    before = season.release["shots"].set_index(["match_id", "shot_id"])["xg"]
    after = shots.set_index(["match_id", "shot_id"])["xg"].reindex(before.index)
    pd.testing.assert_series_equal(after, before)
    assert release_xg_metrics(None, {"xg_brier": 0.08, "retrieval_report_at_1_filtered": 1.0}) == {"xg_brier": 0.08}


def test_a_month_past_the_share_fits_again(season: Season) -> None:
    month = season.after(MONTH)
    reason = refit_reason(month["shots"], month["matches"], season.model, SHARE)
    assert reason is not None and "over 10%" in reason
    scoring = score_shots(month, season.model, SHARE, seed=0)
    assert scoring.report is not None
    assert scoring.model.version != season.model.version
    assert scoring.model.n_train_shots == len(training_shots(month["shots"]))
    assert set(release_xg_metrics(scoring.report, {})) == {
        f"xg_{p}{m}" for p in ("", "baseline_") for m in ("brier", "log_loss", "auc")
    }


def test_a_new_season_fits_again(season: Season) -> None:
    week = season.after(WEEK, season="2026/2027")
    reason = refit_reason(week["shots"], week["matches"], season.model, SHARE)
    assert reason == "shots of a season the model has not scored: 2026/2027"


def test_no_model_another_sklearn_or_no_share_fits_again(season: Season) -> None:
    week = season.after(WEEK)
    assert refit_reason(week["shots"], week["matches"], None, SHARE) == "no earlier model to score with"
    assert refit_reason(week["shots"], week["matches"], season.model, None) == "every build fits (no refit_share)"
    old = XgModel(**{**season.model.__dict__, "sklearn_version": "1.0.0"})
    assert refit_reason(week["shots"], week["matches"], old, SHARE).startswith("scikit-learn 1.0.0 -> ")
