"""The release gate with the answer metrics: thresholds from configs/evaluation.yaml, a worse release held back."""

from __future__ import annotations

from football_rag.config.settings import get_settings
from football_rag.evaluation.gate import decide, load_release_gate, merge_gates
from football_rag.knowledge.release_gate import GateConfig

GOOD = {
    "retrieval_report_at_1_filtered": 1.0,
    "retrieval_match_at_1": 0.95,
    "retrieval_report_mrr": 0.9,
    "eval_correctness_fact_min": 0.96,
    "eval_recall_at_1": 0.97,
    "eval_refusal_accuracy": 1.0,
    "eval_groundedness": 1.0,
    "eval_errors": 0.0,
    "eval_timeouts": 0.0,
    "eval_correctness": 0.97,
    "eval_mrr": 0.98,
    "eval_false_refusal_rate": 0.0,
}


def test_the_configured_gate_holds_both_sections() -> None:
    config = load_release_gate(get_settings().configs_dir)
    assert config.minimum["retrieval_report_at_1_filtered"] == 1.0  # the index checks stay
    assert config.minimum["eval_correctness_fact_min"] == 0.95
    assert config.minimum["eval_recall_at_1"] == 0.95
    assert config.minimum["eval_refusal_accuracy"] == 1.0 and config.minimum["eval_groundedness"] == 1.0
    assert config.maximum["eval_errors"] == 0
    assert "eval_false_refusal_rate" in config.lower_is_better and "xg_brier" in config.lower_is_better
    assert "eval_correctness_fact_min" not in load_release_gate(get_settings().configs_dir, with_answers=False).minimum


def test_a_release_meeting_the_thresholds_is_published() -> None:
    decision = decide(GOOD, None, load_release_gate(get_settings().configs_dir))
    assert decision.publish and decision.reasons == [
        "all bounds met; compared with no current release within tolerance"
    ]


def test_a_worse_release_is_held_back() -> None:
    config = load_release_gate(get_settings().configs_dir)
    # every bound met, but correctness fell 0.03 below the current release (tolerance 0.02)
    worse = {**GOOD, "eval_correctness": 0.94, "eval_correctness_fact_min": 0.95}
    decision = decide(worse, {**GOOD, "eval_correctness": 0.97}, config)
    assert not decision.publish
    assert decision.reasons == ["eval_correctness=0.94 is worse than the current 0.97 by more than 0.02"]


def test_missing_answer_metrics_and_a_failed_bound_are_reasons() -> None:
    config = load_release_gate(get_settings().configs_dir)
    partial = {k: v for k, v in GOOD.items() if not k.startswith("eval_")} | {"eval_errors": 2.0}
    reasons = decide(partial, None, config).reasons
    assert "eval_groundedness=None is below the minimum 1.0" in reasons
    assert "eval_errors=2.0 is above the maximum 0.0" in reasons


def test_merge_gates_unions_lower_is_better() -> None:
    merged = merge_gates(
        GateConfig(minimum={"a": 1.0}, lower_is_better=["x"]), GateConfig(minimum={"a": 2.0}, lower_is_better=["y"])
    )
    assert merged.minimum == {"a": 2.0} and merged.lower_is_better == ["x", "y"]
