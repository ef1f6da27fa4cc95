"""The LLM judge through Opik's metric API on the local model (SmolLM2: plumbing, not the quality of its grades)."""

from __future__ import annotations

import json
import math

import pytest
from opik.evaluation.metrics.score_result import ScoreResult

from football_rag.config.settings import LLMSettings
from football_rag.evaluation.eval_set import EvalQuestion
from football_rag.evaluation.judge import Judge, LocalJudgeModel, RubricMetric, judge_results
from football_rag.evaluation.metrics import summarise
from football_rag.evaluation.runner import answer_questions
from football_rag.rag.answerer import Answerer
from football_rag.rag.llm import LLMUnavailable, LocalLLM, gguf_path
from tests.integration.eval_tables import eval_tables

SMOLLM = LLMSettings(model="smollm2-135m", n_ctx=2048, max_tokens=48)
QUESTIONS = [
    EvalQuestion(kind="score", question="What was the score of Arsenal vs Spurs?", gold=["4-1"], match_id="1903228"),
    EvalQuestion(
        kind="referee", question="Who refereed Arsenal v Tottenham?", gold=["Michael Oliver"], match_id="1903228"
    ),
    EvalQuestion(kind="score", question="x" * 501, gold=["4-1"]),  # rejected: judged as a failure, never graded
]


@pytest.fixture(scope="module")
def smollm() -> LocalLLM:
    try:
        gguf_path(SMOLLM.model)
    except LLMUnavailable as error:
        pytest.skip(f"model cache not assembled (run scripts/setup.sh): {error}")
    return LocalLLM(SMOLLM)


@pytest.mark.slow
def test_judge_model_speaks_for_the_local_llm(smollm: LocalLLM) -> None:
    model = LocalJudgeModel(smollm, max_tokens=24)
    reply = model.generate_string("Reply with the word goal.")
    assert reply == smollm.complete([{"role": "user", "content": "Reply with the word goal."}], max_tokens=24).text
    assert model.generate_chat_completion([{"role": "user", "content": "Reply with the word goal."}]) == {
        "role": "assistant",
        "content": reply,
    }


@pytest.mark.slow
def test_judged_answers_get_rubric_scores(smollm: LocalLLM) -> None:
    results = answer_questions(Answerer(eval_tables()), QUESTIONS)
    metric = RubricMetric("faithfulness", LocalJudgeModel(smollm))
    graded = metric.score(input=QUESTIONS[0].question, output=results.loc[0, "answer"], context=results.loc[0, "facts"])
    assert isinstance(graded, ScoreResult) and graded.name == "judge_faithfulness"
    assert graded.scoring_failed or graded.value in {1.0, 2.0, 3.0, 4.0, 5.0}

    judged = judge_results(results, Judge(smollm), max_narrative=0, max_facts=3)
    assert judged["judged"].tolist() == [True, True, True]
    for i in (0, 1):
        assert set(json.loads(judged.loc[i, "judge_reason"])) == {"faithfulness", "relevance"}
        for aspect in ("judge_faithfulness", "judge_relevance"):
            value = judged.loc[i, aspect]
            assert math.isnan(value) or value in {1.0, 2.0, 3.0, 4.0, 5.0}
    assert math.isnan(judged.loc[2, "judge_faithfulness"]) and judged.loc[2, "judge_reason"] is None
    figures = summarise(judged)
    assert figures["judge_faithfulness"].n == 3 and figures["judge_agreement"].n == 3
