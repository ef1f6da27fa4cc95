"""A/B arithmetic: the paired outcomes, the sign test and the metric differences, worked by hand."""

from __future__ import annotations

import pandas as pd

from football_rag.evaluation.ab import metric_differences, paired_outcomes, sign_test
from football_rag.evaluation.metrics import Figure


def scored(verdicts: list[bool | None], refusals: list[bool | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {"id": [f"q{i}" for i in range(len(verdicts))], "correct": verdicts, "refusal_ok": refusals}, dtype=object
    )


def test_sign_test_by_hand() -> None:
    assert sign_test(0, 0) is None
    assert sign_test(3, 0) == 0.25  # 2 * (1/8)
    assert sign_test(1, 4) == 0.375  # 2 * (1 + 5) / 32
    assert sign_test(5, 5) == 1.0


def test_paired_outcomes() -> None:
    a = scored([True, True, False, False, None, None], [None, None, None, None, True, None])
    b = scored([True, False, True, True, None, None], [None, None, None, None, False, None])
    assert paired_outcomes(a, b) == {
        "paired_n": 5,  # the last question has no verdict on either side
        "only_a_passed": 2,
        "only_b_passed": 2,
        "both_passed": 1,
        "neither_passed": 0,
        "sign_test_p": 1.0,
    }


def test_metric_differences() -> None:
    a = {"correctness": Figure(0.8, 10), "recall_at_1": Figure(None, 0), "only_a": Figure(1.0, 1)}
    b = {"correctness": Figure(0.9, 12), "recall_at_1": Figure(1.0, 3)}
    assert metric_differences(a, b) == {
        "correctness": {"a": 0.8, "b": 0.9, "diff": 0.1, "n_a": 10, "n_b": 12},
        "recall_at_1": {"a": None, "b": 1.0, "diff": None, "n_a": 0, "n_b": 3},
    }
