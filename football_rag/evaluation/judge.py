"""LLM-as-judge for answers, through Opik's evaluation API with the project's LLM as the judge.

``LocalJudgeModel`` is an ``opik.evaluation.models.OpikBaseModel`` over a ``ChatLLM``: the model in process
(llama-cpp) or an OpenAI-compatible server's (``FOOTBALL_RAG_LLM__BACKEND=openai``);
``RubricMetric`` is an Opik ``BaseMetric`` that asks it for one 1-5 score against a stated rubric and
returns an Opik ``ScoreResult`` (``scoring_failed`` when the reply holds no score). Scores are sent to
Opik as traces only when an Opik server is configured (``rag.tracing.opik_configured``); otherwise the
metrics run locally and nothing leaves the process.

The judge sees the question, the answer and the evidence the answer was built from (the computed
facts and the retrieved documents). Small local models grade loosely, so ``metrics.judge`` reports
how often the judge agrees with the deterministic checks: that rate is the weight to give its scores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import pydantic
from opik.evaluation.metrics import base_metric, score_result
from opik.evaluation.metrics.llm_judges.parsing_helpers import extract_json_content_or_raise
from opik.evaluation.models import OpikBaseModel
from opik.exceptions import JSONParsingError

from football_rag.evaluation.eval_set import NARRATIVE, UNKNOWN_MATCH
from football_rag.rag.llm import ChatLLM
from football_rag.rag.tracing import opik_configured

JUDGE_MAX_TOKENS = 96
MAX_EVIDENCE_CHARS = 6000
RUBRICS = {
    "faithfulness": (
        "Faithfulness: is every claim of the answer supported by the evidence?\n"
        "5 = every claim, number and name is stated in the evidence.\n"
        "4 = all key claims are supported; a minor detail is not in the evidence.\n"
        "3 = some claims are supported, some are not in the evidence.\n"
        "2 = most claims are not in the evidence.\n"
        "1 = the answer contradicts the evidence or invents facts."
    ),
    "relevance": (
        "Relevance: does the answer address the question that was asked?\n"
        "5 = it answers the question directly and completely.\n"
        "4 = it answers the question with a minor gap.\n"
        "3 = it answers part of the question.\n"
        "2 = it is about the same match or topic but does not answer the question.\n"
        "1 = it does not answer the question at all."
    ),
}
_SCORE_WORDS = re.compile(r"score\W{0,4}([1-5])\b", re.IGNORECASE)


class LocalJudgeModel(OpikBaseModel):
    """Opik's model interface over the project's LLM, either backend (greedy, so its grades repeat)."""

    def __init__(self, llm: ChatLLM, max_tokens: int = JUDGE_MAX_TOKENS) -> None:
        super().__init__(model_name=llm.name)
        self.llm = llm
        self.max_tokens = max_tokens

    def generate_string(
        self, input: str, response_format: type[pydantic.BaseModel] | None = None, **kwargs: Any
    ) -> str:
        """Return the model's reply to one user message."""
        return self.generate_chat_completion([{"role": "user", "content": input}], response_format)["content"]

    def generate_chat_completion(
        self, messages: list, response_format: type[pydantic.BaseModel] | None = None, **kwargs: Any
    ) -> dict:
        """Return the assistant turn for ``messages``: with ``response_format``, constrained to a JSON object of that
        model's schema (a llama.cpp grammar); without it, free text (a JSON reply only asked for in the prompt)."""
        return {"role": "assistant", "content": self.generate_provider_response(messages, response_format).text}

    def generate_provider_response(
        self, messages: list[dict[str, Any]], response_format: type[pydantic.BaseModel] | None = None, **kwargs: Any
    ) -> Any:
        """Return the model's ``Completion`` (text, token counts, timings) for ``messages``."""
        return self.llm.complete(
            [{"role": m["role"], "content": m["content"]} for m in messages],
            max_tokens=self.max_tokens,
            schema=response_format.model_json_schema() if response_format else None,
        )


def parse_score(reply: str) -> tuple[int | None, str]:
    """Return the 1-5 score in a judge reply and its reason; (None, reply) when there is no score in it."""
    try:
        data = extract_json_content_or_raise(reply)
        value = int(data["score"]) if isinstance(data, dict) else None
        if value is not None and 1 <= value <= 5:
            return value, str(data.get("reason", ""))
    except (JSONParsingError, KeyError, TypeError, ValueError):
        pass
    found = _SCORE_WORDS.search(reply)
    return (int(found.group(1)), reply.strip()) if found else (None, reply.strip())


class RubricMetric(base_metric.BaseMetric):
    """One rubric aspect ("faithfulness" or "relevance") scored 1-5 by a judge model."""

    def __init__(self, aspect: str, model: OpikBaseModel) -> None:
        super().__init__(name=f"judge_{aspect}", track=opik_configured())
        self.aspect = aspect
        self.model = model

    def messages(self, question: str, answer: str, evidence: Sequence[str]) -> list[dict[str, str]]:
        """Return the judge prompt: the rubric as the system turn, the material as the user turn."""
        system = (
            "You grade answers of a football match assistant. Grade one aspect only, on this rubric:\n"
            f"{RUBRICS[self.aspect]}\n"
            'Reply with one JSON object and nothing else: {"score": <integer 1-5>, "reason": "<one sentence>"}'
        )
        material = "\n".join(f"- {e}" for e in evidence)[:MAX_EVIDENCE_CHARS] or "(none)"
        user = (
            f"<evidence>\n{material}\n</evidence>\n<question>\n{question}\n</question>\n<answer>\n{answer}\n</answer>"
        )
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def score(self, input: str, output: str, context: Sequence[str] = (), **ignored: Any) -> score_result.ScoreResult:
        """Return the 1-5 grade of ``output`` as the answer to ``input`` given ``context`` (failed: value 0)."""
        reply = self.model.generate_chat_completion(self.messages(input, output, context))["content"]
        value, reason = parse_score(reply)
        return score_result.ScoreResult(
            name=self.name,
            value=float(value or 0),
            reason=reason[:500],
            scoring_failed=value is None,
            metadata={"reply": reply[:500]},
        )


class Judge:
    """Faithfulness and relevance metrics over one judge model."""

    def __init__(self, llm: ChatLLM) -> None:
        model = LocalJudgeModel(llm)
        self.name = llm.name
        self.metrics = [RubricMetric("faithfulness", model), RubricMetric("relevance", model)]

    def grade(self, question: str, answer: str, evidence: Sequence[str]) -> dict[str, object]:
        """Return ``judge_<aspect>`` (1-5, NaN when the judge gave no score) and ``judge_reason`` for one answer."""
        grades: dict[str, object] = {}
        reasons = {}
        for metric in self.metrics:
            try:
                result = metric.score(input=question, output=answer, context=list(evidence))
                grades[metric.name] = float("nan") if result.scoring_failed else result.value
                reasons[metric.aspect] = result.reason
            except Exception as exc:
                grades[metric.name] = float("nan")
                reasons[metric.aspect] = f"judge error: {exc}"
        return {**grades, "judge_reason": json.dumps(reasons, ensure_ascii=False)}


def choose_judged(results: pd.DataFrame, max_narrative: int, max_facts: int) -> pd.Index:
    """Rows to judge: the first narrative answers, and fact answers spread over kinds (for agreement)."""
    is_narrative = results["expected_intent"].eq(NARRATIVE)
    narrative = results.index[is_narrative][:max_narrative]
    facts = results[results["gold"].map(len).gt(0) & ~is_narrative & ~results["kind"].eq(UNKNOWN_MATCH)]
    spread = facts.groupby("kind", sort=False).head(1).index.tolist()
    rest = [i for i in facts.index if i not in set(spread)]
    return narrative.append(pd.Index((spread + rest)[:max_facts]))


def judge_results(
    results: pd.DataFrame,
    judge: Judge,
    documents: Callable[[list[str]], list[str]] | None = None,
    max_narrative: int = 8,
    max_facts: int = 8,
) -> pd.DataFrame:
    """Return ``results`` with ``judged``, ``judge_faithfulness``, ``judge_relevance`` and ``judge_reason``.

    Unanswered questions (errors, timeouts) chosen for judging get no grade: NaN, which the metrics count
    as the rubric's lowest.
    """
    graded = results.copy()
    graded["judged"] = False
    graded[["judge_faithfulness", "judge_relevance"]] = float("nan")
    graded["judge_reason"] = None
    for i in choose_judged(results, max_narrative, max_facts):
        row = results.loc[i]
        graded.at[i, "judged"] = True
        if row["status"] != "ok":
            continue
        evidence = list(row["facts"]) + (documents(list(row["document_ids"])) if documents else [])
        for key, value in judge.grade(row["question"], row["answer"], evidence).items():
            graded.at[i, key] = value
    return graded
