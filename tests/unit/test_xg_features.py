"""The xG model's inputs and scores, checked by hand: geometry, assist types, metrics, the match split."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from football_rag.analytics.xg_model import (
    assist_type,
    calibration_table,
    shot_angle,
    shot_distance,
    shot_features,
    split_by_match,
    xg_metrics,
)
from football_rag.data.contracts import Event, Side


def _event(type_: str = "Pass", x: float = 50.0, y: float = 50.0, end_x: float = 60.0, **kwargs: object) -> Event:
    return Event(
        match_id="1",
        event_id=7,
        type_id=1,
        type=type_,
        period=1,
        minute=10,
        team_id="13",
        side=Side.HOME,
        x=x,
        y=y,
        end_x=end_x,
        end_y=y,
        **kwargs,
    )


def test_a_shot_eleven_metres_out_in_front_of_goal() -> None:
    assert shot_distance(94.0, 34.0) == pytest.approx(11.0)
    assert shot_angle(94.0, 34.0) == pytest.approx(2 * math.atan(3.66 / 11))


def test_the_angle_off_centre_is_the_difference_of_the_post_bearings() -> None:
    # from (99, 20): posts at y = 30.34 and 37.66, 6 m ahead
    expected = math.atan2(37.66 - 20, 6) - math.atan2(30.34 - 20, 6)
    assert shot_angle(99.0, 20.0) == pytest.approx(expected)
    assert shot_angle(99.0, 48.0) == pytest.approx(expected)
    assert shot_distance(99.0, 20.0) == pytest.approx(math.hypot(6, 14))


def test_the_angle_on_the_goal_line() -> None:
    assert shot_angle(105.0, 50.0) == pytest.approx(0.0)
    assert shot_angle(104.9, 34.0) == pytest.approx(2 * math.atan(3.66 / 0.1))  # nearly 180 degrees
    assert shot_angle(103.0, 34.0) > math.pi / 2  # inside the semicircle on the goal mouth


@pytest.mark.parametrize(
    ("related", "expected"),
    [
        (None, "none"),
        (_event("SavedShot", is_shot=True), "rebound"),
        (_event("BallTouch"), "other"),
        (_event(qualifiers={"Throughball": None, "Length": "20"}), "through_ball"),
        (_event(qualifiers={"Cross": None}), "cross"),
        (_event(qualifiers={"Cross": None, "CornerTaken": None}), "cross"),
        (_event(qualifiers={"CornerTaken": None}, x=99.5, y=99.0, end_x=90.0), "set_piece"),
        (_event(qualifiers={"HeadPass": None}), "headed_pass"),
        (_event(qualifiers={"Chipped": None}), "pass"),
        # from 1.5 m off the goal line and 9.5 m across from the goal centre, played back 10.5 m
        (_event(x=98.6, y=36.0, end_x=88.6), "cut_back"),
        (_event(qualifiers={"Cross": None}, x=98.6, y=36.0, end_x=88.6), "cut_back"),
        # the same pass from 7 m off the goal line is no cut-back
        (_event(x=93.3, y=36.0, end_x=88.6), "pass"),
        # nor one from wide of the penalty area (y = 10 Opta units is 6.8 m, 27.2 m from the centre)
        (_event(x=98.6, y=10.0, end_x=88.6), "pass"),
        (_event(qualifiers={"Chipped": None}, x=98.6, y=36.0, end_x=88.6), "pass"),
    ],
)
def test_assist_type(related: Event | None, expected: str) -> None:
    assert assist_type(related) == expected


def test_features_read_what_a_provider_leaves_out_as_unknown() -> None:
    shots = pd.DataFrame({"x": [94.0, 80.0], "y": [34.0, 20.0], "big_chance": [True, None]})
    features = shot_features(shots)
    assert features["distance"].tolist() == pytest.approx([11.0, math.hypot(25, 14)])
    assert features["log_distance"].tolist() == pytest.approx([math.log(12.0), math.log1p(math.hypot(25, 14))])
    assert features["big_chance"].tolist() == [1.0, 0.0]
    assert (features[["shot_type", "situation", "assist_type"]] == "unknown").all().all()


def test_metrics_of_a_coin_toss() -> None:
    metrics = xg_metrics([True, False], [0.5, 0.5])
    assert metrics.log_loss == pytest.approx(math.log(2), abs=1e-5)
    assert (metrics.brier, metrics.auc, metrics.goals, metrics.total_xg) == (0.25, 0.5, 1, 1.0)


def test_metrics_of_a_perfect_ranking() -> None:
    metrics = xg_metrics([False, False, True], [0.1, 0.2, 0.9])
    assert metrics.auc == 1.0
    assert metrics.brier == pytest.approx((0.01 + 0.04 + 0.01) / 3, abs=1e-5)


def test_calibration_deciles() -> None:
    xg = np.arange(1, 21) / 100  # 0.01 ... 0.20, two shots a decile
    goals = [i % 4 == 3 for i in range(20)]  # shots 4, 8, 12, 16, 20 scored
    table = calibration_table(goals, xg)
    assert [b.shots for b in table] == [2] * 10
    assert (table[0].min_xg, table[0].max_xg, table[0].mean_xg) == (0.01, 0.02, 0.015)
    assert [b.goal_rate for b in table] == [0.0, 0.5, 0.0, 0.5, 0.0, 0.5, 0.0, 0.5, 0.0, 0.5]


def test_the_split_keeps_each_match_whole_and_is_seeded() -> None:
    shots = pd.DataFrame({"match_id": [str(m) for m in range(20) for _ in range(5)], "shot": range(100)})
    train, test = split_by_match(shots, seed=3)
    assert set(train["match_id"]).isdisjoint(test["match_id"])
    assert (train["match_id"].nunique(), test["match_id"].nunique()) == (15, 5)
    again, _ = split_by_match(shots, seed=3)
    assert train["shot"].tolist() == again["shot"].tolist()
