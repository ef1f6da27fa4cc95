"""The release gate with the answer metrics: thresholds from configs/evaluation.yaml, a worse release held back."""

from __future__ import annotations

from football_rag.config.settings import get_settings
from football_rag.evaluation.gate import decide, load_release_gate, merge_gates
from football_rag.knowledge.release_gate import Comparison, GateConfig

GOOD = {
    "retrieval_report_at_1_filtered": 1.0,
    "retrieval_match_at_1": 0.8,
    "retrieval_report_mrr": 0.8,
    "index_complete": 1.0,
    "documents_name_their_match": 1.0,
    "embeddings_match_model": 1.0,
    "data_goals_agree_with_score": 1.0,
    "data_team_stats_agree_with_provider": 1.0,
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
    assert "eval_false_refusal_rate" in config.lower_is_better
    # unfiltered retrieval is reported, not gated: answers always retrieve filtered by match
    assert "retrieval_match_at_1" not in config.minimum and "retrieval_match_at_1" not in config.tolerance
    assert "eval_correctness_fact_min" not in load_release_gate(get_settings().configs_dir, with_answers=False).minimum


def test_a_release_meeting_the_thresholds_is_published() -> None:
    decision = decide(GOOD, None, load_release_gate(get_settings().configs_dir))
    assert decision.publish and decision.reasons == [
        "all bounds met; compared with no current release within tolerance"
    ]


def test_a_worse_release_is_held_back() -> None:
    config = load_release_gate(get_settings().configs_dir)
    # every bound met, but on the 280 questions both answered correctness fell 0.03 below the current release's
    worse = Comparison(
        release="v0006",
        candidate={"eval_correctness": 0.94, "eval_correctness_n": 280.0},
        current={"eval_correctness": 0.97, "eval_correctness_n": 280.0},
    )
    decision = decide(GOOD, worse, config)
    assert not decision.publish
    assert decision.reasons == ["eval_correctness=0.94 is worse than v0006's 0.97 on the same 280 by more than 0.02"]


def test_a_comparison_within_tolerance_names_the_release() -> None:
    config = load_release_gate(get_settings().configs_dir)
    level = Comparison(release="v0006", candidate={"eval_correctness": 0.99}, current={"eval_correctness": 1.0})
    decision = decide(GOOD, level, config)
    assert decision.publish
    assert decision.reasons == ["all bounds met; compared with v0006 on the same questions and probes within tolerance"]


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
