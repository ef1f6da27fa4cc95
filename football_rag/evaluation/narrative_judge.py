"""A judge for the narrative reference set's non-figure points: does this text make this point? Yes or no.

The keyword rule of ``narrative_eval`` counts a non-figure point (a red card, the decisive goal, a comeback, a
set-piece goal, the man of the match) when one sentence names its players and teams and holds one of its keywords;
it misses a point made in other words ("Chiesa's strike two minutes from time settled it") and takes a sentence that
only names the player. ``PointMetric`` is an Opik ``BaseMetric`` that asks a judge model (``judge.LocalJudgeModel``:
the project's LLM, llama-cpp in process or an OpenAI-compatible server, greedy so its verdicts repeat) for a strict
yes or no, and for a yes the words of the text that state the point, as its one-line reason. A reply with no
verdict is a failure (``scoring_failed``), counted and reported, never a yes; so is a yes whose quote is not in the
text (fewer than ``QUOTE_SHARE`` of its words in one sentence of it): the 1.5B default model answered yes to every
point it was first shown, quoting the point itself ("Cody Gakpo (Liverpool) was man of the match" of an answer that
only lists Gakpo's goal). ``PointJudge`` asks once per point and text (a text asked about twice, as the whole answer
and its opening when the model wrote nothing, gets the first verdict). Figure points and the result stay
deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from opik.evaluation.metrics import base_metric, score_result
from opik.evaluation.metrics.llm_judges.parsing_helpers import extract_json_content_or_raise
from opik.evaluation.models import OpikBaseModel
from opik.exceptions import JSONParsingError

from football_rag.analytics.linking import plain_text
from football_rag.config.settings import Settings
from football_rag.evaluation.judge import LocalJudgeModel
from football_rag.evaluation.narrative_claims import split_sentences
from football_rag.rag.llm import ChatLLM, get_llm
from football_rag.rag.tracing import opik_configured

POINT_MAX_TOKENS = 64  # the verdict comes first, so a quote cut short still leaves it readable
QUOTE_SHARE = 0.8  # of a yes's quoted words, the share one sentence of the text must hold
VERDICTS = {"yes": True, "no": False}
# The fields of a reply whose JSON was cut short, or a reply that opens with the bare word.
_VERDICT_FIELD = re.compile(r'"verdict"\s*:\s*"(yes|no)"', re.IGNORECASE)
_QUOTE_FIELD = re.compile(r'"quote"\s*:\s*"([^"]*)')
_OPENING_WORD = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)
SYSTEM = (
    "You check a text about a football match against one point an analyst expects it to make.\n"
    "Say yes only if some words of the text state the point itself: the same event (a winning goal, an equaliser, "
    "a red card, a comeback, a penalty, man of the match) and the same player or team. A player or goal merely "
    "listed is not enough. Otherwise say no.\n"
    'Reply with one JSON object and nothing else: {"verdict": "yes" or "no", "quote": "<the words of the text '
    'that state the point, copied exactly; empty for no>"}'
)


def parse_verdict(reply: str, text: str) -> tuple[bool | None, str]:
    """Return the yes/no verdict in a judge reply about ``text`` and its reason (a yes's quote); None, and the reply,
    when it holds no verdict or a yes quotes words that are not in ``text``."""
    verdict, quote = read_reply(reply)
    if verdict is None or (verdict and not quoted(quote, text)):
        return None, reply.strip()
    return verdict, f"quotes: {quote}" if verdict else "not stated"


def read_reply(reply: str) -> tuple[bool | None, str]:
    """Return the verdict a reply states (None: none) and its quote ("" when it gives none)."""
    try:
        data = extract_json_content_or_raise(reply)
        fields = data if isinstance(data, dict) else {}
    except JSONParsingError:
        found = _VERDICT_FIELD.search(reply) or _OPENING_WORD.search(reply)
        quote = _QUOTE_FIELD.search(reply)
        fields = {"verdict": found.group(1) if found else "", "quote": quote.group(1) if quote else ""}
    return VERDICTS.get(str(fields.get("verdict", "")).strip().lower()), str(fields.get("quote") or "").strip()


def quoted(quote: str, text: str) -> bool:
    """Return whether one sentence of ``text`` holds ``QUOTE_SHARE`` of the quote's words (accents and case ignored,
    so "sent off (66')" is found in "sent off at 66'"); an empty quote is not."""
    words = _words(quote)
    sentences = [set(_words(sentence)) for sentence in split_sentences(text)]
    return bool(words) and any(sum(w in held for w in words) >= QUOTE_SHARE * len(words) for held in sentences)


def _words(text: str) -> list[str]:
    """Return ``text``'s plain lower-case words and numbers."""
    return re.findall(r"[a-z0-9]+", plain_text(text))


class PointMetric(base_metric.BaseMetric):
    """Whether a text makes one reference point: 1.0 yes, 0.0 no (``scoring_failed`` with no verdict)."""

    def __init__(self, model: OpikBaseModel) -> None:
        super().__init__(name="judge_point", track=opik_configured())
        self.model = model

    @staticmethod
    def messages(point: str, text: str) -> list[dict[str, str]]:
        """Return the judge prompt; the text before the point, so llama.cpp re-uses it for the next point asked."""
        return [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"<text>\n{text}\n</text>\n<point>\n{point}\n</point>"},
        ]

    def score(self, input: str, output: str, **ignored: Any) -> score_result.ScoreResult:
        """Return whether ``output`` makes the point ``input``."""
        reply = self.model.generate_chat_completion(self.messages(input, output))["content"]
        verdict, reason = parse_verdict(reply, output)
        return score_result.ScoreResult(
            name=self.name,
            value=float(bool(verdict)),
            reason=reason[:500],
            scoring_failed=verdict is None,
            metadata={"reply": reply[:500], "unquoted_yes": verdict is None and read_reply(reply)[0] is True},
        )


class PointJudge:
    """Asks the judge model whether texts make points, once per (point, text)."""

    def __init__(self, llm: ChatLLM) -> None:
        self.name = llm.name
        self.metric = PointMetric(LocalJudgeModel(llm, max_tokens=POINT_MAX_TOKENS))
        self.asked = 0
        self.unquoted_yes = 0  # failures that said yes but quoted words the text does not hold
        self._verdicts: dict[tuple[str, str], bool | None] = {}

    def verdicts(self, points: Mapping[str, str], text: str) -> dict[str, bool | None]:
        """Return, per point label, whether ``text`` makes the point of that text (None: the reply held no verdict)."""
        return {label: self.verdict(point, text) for label, point in points.items()}

    def verdict(self, point: str, text: str) -> bool | None:
        """Return whether ``text`` makes ``point``: True, False, or None when the judge gave no verdict."""
        key = (point, text)
        if key not in self._verdicts:
            result = self.metric.score(input=point, output=text)
            self.asked += 1
            self.unquoted_yes += result.metadata["unquoted_yes"]
            self._verdicts[key] = None if result.scoring_failed else bool(result.value)
        return self._verdicts[key]


def point_judge_for(settings: Settings) -> PointJudge:
    """Return the point judge on ``FOOTBALL_RAG_JUDGE_MODEL`` when set, else on the answer model (same backend)."""
    model = settings.judge_model
    return PointJudge(get_llm(settings.llm.model_copy(update={"model": model}) if model else settings.llm))
