"""The eval set: questions with the values a correct answer must state, as JSONL and as a release table.

One question a line: ``question``, ``gold`` (strings every correct answer contains after normalisation,
e.g. "4-1", "Eberechi Eze", "76'"), optional ``match_id`` (the WhoScored match the answer must rest on),
``kind`` (the stratum it is scored in) and, from the generator, ``id`` and ``expected_intent``. An
external set needs only ``question``, ``gold`` and ``kind``. The release publishes the generated set as
its ``eval_set`` table (a HF dataset config of its own), so every score names the questions it came from;
a build's table also holds the release's own answers to them (``stored_answers``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, Field, ValidationError, model_validator

from football_rag.rag.answer_model import Intent

EVAL_SET_TABLE = "eval_set"
UNKNOWN_MATCH = "unknown_match"
NARRATIVE = "narrative"
# The strata of the generated set, in the order reports list them; every kind but the last two is a fact.
KINDS = (
    "score",
    "scorers",
    "goal_minute",
    "team_stat",
    "player_stat",
    "formation",
    "referee",
    "man_of_the_match",
    "manager",
    "assister",
    "aggregate",
    "ranking",
    "comparison",
    UNKNOWN_MATCH,
    NARRATIVE,
)
FACT_KINDS = tuple(k for k in KINDS if k not in (UNKNOWN_MATCH, NARRATIVE))
EVAL_SET_COLUMNS = ["id", "kind", "question", "gold", "match_id", "expected_intent"]


class EvalSetError(ValueError):
    """An eval set file that cannot be read; the message names the line."""


class EvalQuestion(BaseModel):
    """One question of an eval set and what a correct answer to it must contain."""

    question: str = Field(min_length=1)
    gold: list[str] = Field(default_factory=list)
    match_id: str | None = None
    kind: str
    expected_intent: Intent | None = None
    id: str = ""

    @model_validator(mode="after")
    def _with_id(self) -> EvalQuestion:
        """An external question without an id gets one from its text, stable across runs."""
        if not self.id:
            self.id = "q" + hashlib.sha256(self.question.encode("utf-8")).hexdigest()[:10]
        return self


def read_eval_set(path: Path) -> list[EvalQuestion]:
    """Return the questions of a JSONL file; raise EvalSetError naming the first bad line."""
    questions = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise EvalSetError(f"{path}:{number}: not an eval question ({exc})".splitlines()[0]) from None
    return questions


def write_eval_set(questions: Iterable[EvalQuestion], path: Path) -> Path:
    """Write ``questions`` as JSONL (one object a line, in order); return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [q.model_dump_json(exclude_none=True) for q in questions]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def eval_set_frame(questions: Sequence[EvalQuestion]) -> pd.DataFrame:
    """Return the questions as the release's ``eval_set`` table (``EVAL_SET_COLUMNS``)."""
    rows = [q.model_dump(mode="json") for q in questions]
    return pd.DataFrame.from_records(rows, columns=EVAL_SET_COLUMNS)


def questions_from_frame(frame: pd.DataFrame) -> list[EvalQuestion]:
    """Return the questions of a release's ``eval_set`` table."""
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [
        EvalQuestion.model_validate({**r, "gold": list(r["gold"] if r["gold"] is not None else [])}) for r in records
    ]
