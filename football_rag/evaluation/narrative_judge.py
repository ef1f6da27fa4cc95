"""A judge for the narrative reference set's non-figure points: asked the point as a question, whom does the text name?

The keyword rule of ``narrative_eval`` counts a non-figure point (a red card, the decisive goal, a comeback, a
set-piece goal, the man of the match) when one sentence names its players and teams and holds one of its keywords;
it misses a point made in other words ("Chiesa's strike two minutes from time settled it"). The 1.5B default model
cannot check a point shown to it: asked for a yes and a quote, 182 of its 264 replies quoted the point itself; asked
for the number of the sentence that states it, or for a yes or no per sentence, it named a sentence for 15 and 13 of
20 points that no sentence states. So the point is never shown. ``question_for`` hides its subject (the player, or
the team of a comeback) and its minute: "Federico Chiesa scored the winner for Liverpool (88')" is asked as "Who
scored the winner for Liverpool?", "Cody Gakpo (Liverpool) was man of the match" as "Who was man of the match?".
``PointMetric``, an Opik ``BaseMetric``, asks a judge model (``judge.LocalJudgeModel``: the project's LLM, llama-cpp
in process or an OpenAI-compatible server, greedy so its verdicts repeat) for the name the text gives, or "not
said", its reply constrained to ``{"answer": "<at most 60 characters>"}`` (a JSON schema llama.cpp turns into a
grammar). The point is made when the answer names the hidden subject (every player, by full name or surname; the
team, by ``TeamAliases``): a comparison in code. The question and the answer are the verdict's reason, so a reader
can check it. A reply that is not such an object (a server that ignores the schema) is a failure
(``scoring_failed``), counted and reported, never a yes. ``PointJudge`` asks once per point and text (a text asked
about twice, as the whole answer and its opening when the model wrote nothing, gets the first verdict). Figure
points and the result stay deterministic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from opik.evaluation.metrics import base_metric, score_result
from opik.evaluation.metrics.llm_judges.parsing_helpers import extract_json_content_or_raise
from opik.evaluation.models import OpikBaseModel
from opik.exceptions import JSONParsingError
from pydantic import BaseModel, Field

from football_rag.analytics.linking import TeamAliases, plain_text
from football_rag.config.settings import Settings
from football_rag.evaluation.judge import LocalJudgeModel
from football_rag.evaluation.narrative_eval import Point, PointMatch, names_player
from football_rag.rag.llm import ChatLLM, get_llm
from football_rag.rag.tracing import opik_configured

POINT_MAX_TOKENS = 72  # the schema caps the name at 60 characters, so at most 60 tokens, and the JSON around it
NOT_SAID = "not said"
SYSTEM = (
    "You answer one question about a text on a football match, from the text alone. Answer with the name the text "
    'gives, as written. If the text does not say it in words, answer "not said": a list of goals says who scored '
    "and when (and 'pen' for a penalty), not which goal won or levelled the match, not which came from a set piece, "
    "not who was man of the match.\n"
    'Reply {"answer": "<name or not said>"}.'
)
_MINUTE = re.compile(r" \(\d+[^)]*\)$")  # "(88')" at the end: it would point the model at the goal in the list
# Two points of one match can hide to one question (two red cards: "Who was sent off?"); each has a right answer,
# so the judge is asked for every name and each point is made when its own subject is among them.
EVERY = " Give every name the text says."


class Reply(BaseModel):
    """The judge's reply: the name the text gives, or "not said"."""

    answer: str = Field(max_length=60)


class Verdict(BaseModel):
    """The judge's verdict on one point: made (None: no verdict), and why (the question and the answer, or the reply
    that gave no verdict)."""

    made: bool | None
    reason: str


def question_for(point: Point, every: bool = False) -> str | None:
    """Return the point asked as a question about its subject, its players (or else teams) and its closing minute
    hidden, asking for every name when ``every`` (another point hides to the same question); None when its text does
    not hold them."""
    rule = point.match or PointMatch()
    subjects, who = (rule.players, "who") if rule.players else (rule.teams, "which team")
    question = point.text
    for subject in subjects:
        question = re.sub(rf"{re.escape(subject)}( \([^)]*\))?", who, question)  # "Cody Gakpo (Liverpool)"
    if not subjects or question == point.text:
        return None
    question = _MINUTE.sub("", question)
    return f"{question[0].upper()}{question[1:]}?{EVERY if every else ''}"


def parse_answer(reply: str) -> str | None:
    """Return the answer a reply gives; None when the reply is not a JSON object with a non-empty ``answer``."""
    try:
        data = extract_json_content_or_raise(reply)
    except JSONParsingError:
        return None
    answer = data.get("answer") if isinstance(data, dict) else None
    return answer.strip() if isinstance(answer, str) and answer.strip() else None


def names_subject(answer: str, point: Point, aliases: TeamAliases) -> bool:
    """Return whether ``answer`` names the point's subject: every player (full name or surname) or else every team;
    "not said" names nobody."""
    if plain_text(answer).strip(" .") == NOT_SAID:
        return False
    rule = point.match or PointMatch()
    if rule.players:
        return all(names_player(answer, player) for player in rule.players)
    return bool(rule.teams) and all(aliases.same_team(answer, team) for team in rule.teams)


class PointMetric(base_metric.BaseMetric):
    """Whether a text makes one reference point: 1.0 yes, 0.0 no (``scoring_failed`` with no verdict)."""

    def __init__(self, model: OpikBaseModel, aliases: TeamAliases) -> None:
        super().__init__(name="judge_point", track=opik_configured())
        self.model = model
        self.aliases = aliases

    @staticmethod
    def messages(question: str, text: str) -> list[dict[str, str]]:
        """Return the judge prompt; the text before the question, so llama.cpp re-uses it for the next one."""
        return [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"<text>\n{text}\n</text>\n<question>\n{question}\n</question>"},
        ]

    def score(self, output: str, point: Point, every: bool = False, **ignored: Any) -> score_result.ScoreResult:
        """Return whether ``output`` makes ``point``: the judge's answer to the point's question (asking for every
        name when ``every``) names its subject."""
        question = question_for(point, every)
        if question is None:
            return self._result(None, f"no question: the point's text does not name {point.match}", "")
        reply = self.model.generate_chat_completion(self.messages(question, output), Reply)["content"]
        answer = parse_answer(reply)
        if answer is None:
            return self._result(None, f"no verdict: {reply.strip()}", reply)
        return self._result(names_subject(answer, point, self.aliases), f"{question} {answer}", reply)

    def _result(self, made: bool | None, reason: str, reply: str) -> score_result.ScoreResult:
        """Return the metric's result for a verdict (None: none) and its reason."""
        return score_result.ScoreResult(
            name=self.name,
            value=float(bool(made)),
            reason=reason[:500],
            scoring_failed=made is None,
            metadata={"reply": reply[:500]},
        )


class PointJudge:
    """Asks the judge model whether texts make points, once per (point, text)."""

    def __init__(self, llm: ChatLLM, aliases: TeamAliases | None = None) -> None:
        self.name = llm.name
        self.metric = PointMetric(LocalJudgeModel(llm, max_tokens=POINT_MAX_TOKENS), aliases or TeamAliases.load())
        self.asked = 0
        self._verdicts: dict[tuple[str, str], Verdict] = {}

    def verdicts(self, points: Mapping[str, Point], text: str) -> dict[str, Verdict]:
        """Return, per point label, the judge's verdict on whether ``text`` makes the point of that label; points that
        hide to one question are asked it for every name."""
        questions = {label: question_for(point) for label, point in points.items()}
        asked = Counter(questions.values())
        return {label: self.verdict(point, text, every=asked[questions[label]] > 1) for label, point in points.items()}

    def verdict(self, point: Point, text: str, every: bool = False) -> Verdict:
        """Return whether ``text`` makes ``point`` (made None when the judge gave no verdict), and why; ``every``
        asks for every name."""
        key = (point.text, text, every)
        if key not in self._verdicts:
            result = self.metric.score(output=text, point=point, every=every)
            self.asked += 1
            made = None if result.scoring_failed else bool(result.value)
            self._verdicts[key] = Verdict(made=made, reason=result.reason or "")
        return self._verdicts[key]


def point_judge_for(settings: Settings) -> PointJudge:
    """Return the point judge on ``FOOTBALL_RAG_JUDGE_MODEL`` when set, else on the answer model (same backend)."""
    model = settings.judge_model
    return PointJudge(get_llm(settings.llm.model_copy(update={"model": model}) if model else settings.llm))
