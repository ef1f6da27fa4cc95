"""Every evaluation metric, defined once, over the per-question results table; each figure carries its n.

The results table has one row per question (``runner.answer_questions`` builds it): the question's
``kind``, ``gold`` values and gold ``match_id``; the run's ``status`` ("ok", "error" or "timeout"),
``answer``, ``intent``, ranked ``matches`` (the match ids the answer rests on, facts first, then
retrieved documents), ``document_matches`` (the retrieved documents' matches, in rank order),
``grounded``, ``unsupported`` and ``latency_ms``; after judging, ``judge_faithfulness`` and
``judge_relevance`` (1-5, NaN when the judge gave no usable score).

Strict by construction: a question that errored or timed out stays in every denominator it belongs
to and fails there (no answer is not a correct answer, a grounded answer or a refusal); a judge that
gives no usable score counts as the rubric's lowest score.

- correctness: every gold value is found in the answer after ``normalise`` (text values as whole
  words; numbers by value, to the gold's decimals: "57.3" is not met by "57", "3" not by "3.4").
- recall@k / MRR: the gold match's 1-based rank in ``matches`` (absent = miss, reciprocal rank 0).
- refusal accuracy: on unknown-match questions, the answer's intent is ``unknown_match`` and it is
  grounded, so any score it shows (the nearest real matches) is one the data holds, none invented.
- groundedness: the share of answers whose shown text has no unsupported number or name.
- latency: p50 / p95 of the wall time per question, errors and timeouts included.
- judge: mean 1-5 score and the share scoring 4 or 5; agreement: how often "judge says 4-5" equals
  "the deterministic checks pass" (correct and grounded) on questions that have both.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from football_rag.evaluation.eval_set import FACT_KINDS, KINDS, NARRATIVE, UNKNOWN_MATCH
from football_rag.rag.asides import answer_alone

OK = "ok"
UNKNOWN_INTENT = "unknown_match"
JUDGE_PASS = 4
JUDGE_FLOOR = 1.0
RECALL_AT = (1, 5)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "′": "'", "`": "'", "–": "-", "—": "-", "−": "-"})
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\d])")
_NUMERIC_GOLD = re.compile(r"^\d+(?:\.\d+)?$")
# A text value counts only as a whole token: "4-1" is not inside "14-1", "4'" not inside "90+4'".
_EDGE = r"0-9a-z+\-"


@dataclass(frozen=True)
class Figure:
    """One reported number and how many questions it was computed over."""

    value: float | None
    n: int

    def as_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


def normalise(text: str) -> str:
    """Return ``text`` without accents and case, with one kind of quote and dash, no thousands commas, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_QUOTES)
    return " ".join(_THOUSANDS.sub("", plain).split())


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def number_stated(answer: str, gold: str) -> bool:
    """Whether ``answer`` states the number ``gold`` (both normalised): equal, or rounding to it when more precise."""
    target, places = float(gold), _decimals(gold)
    for found in _NUMBER.findall(answer):
        value, given = float(found), _decimals(found)
        if value == target and given <= places:
            return True
        if places and given > places and round(value, places) == target:
            return True
    return False


def value_stated(answer: str, gold: str) -> bool:
    """Whether one gold value is in the answer (both raw; normalised here)."""
    text, value = normalise(answer), normalise(gold)
    if _NUMERIC_GOLD.match(value):
        return number_stated(text, value)
    return re.search(rf"(?<![{_EDGE}]){re.escape(value)}(?![{_EDGE}])", text) is not None


def missing_gold(answer: str, gold: Iterable[str]) -> list[str]:
    """Return the gold values the answer does not state, the data's reach and a name's reading beside it left out
    (``rag.asides``: "... to 2 February 2026" states no "2")."""
    alone = answer_alone(answer)
    return [g for g in gold if not value_stated(alone, g)]


def match_rank(matches: Sequence[str], match_id: str | None) -> int | None:
    """Return the 1-based rank of ``match_id`` among ``matches`` (None when absent)."""
    ranked = list(dict.fromkeys(matches or ()))
    return ranked.index(match_id) + 1 if match_id in ranked else None


def score_questions(results: pd.DataFrame) -> pd.DataFrame:
    """Return ``results`` with the per-question verdicts: ``missing``, ``correct``, ``rank``, ``refusal_ok``."""
    scored = results.copy()
    ok = scored["status"].eq(OK)
    scored["missing"] = [
        missing_gold(a, g) if s == OK else list(g)
        for a, g, s in zip(scored["answer"].fillna(""), scored["gold"], scored["status"], strict=True)
    ]
    has_gold = scored["gold"].map(len) > 0
    scored["correct"] = (ok & scored["missing"].map(len).eq(0)).where(has_gold)
    scored["rank"] = [
        match_rank(m, g) if s == OK else None
        for m, g, s in zip(scored["matches"], scored["match_id"], scored["status"], strict=True)
    ]
    unknown = scored["kind"].eq(UNKNOWN_MATCH)
    scored["refusal_ok"] = (
        ok & scored["intent"].eq(UNKNOWN_INTENT) & scored["grounded"].fillna(False).astype(bool)
    ).where(unknown)
    return scored


def _share(flags: pd.Series) -> Figure:
    """The share of True among non-missing flags."""
    known = flags.dropna().astype(bool)
    return Figure(round(float(known.mean()), 4) if len(known) else None, len(known))


def correctness(scored: pd.DataFrame) -> dict[str, Figure]:
    """Correctness overall, per kind, and the lowest over the fact kinds present (``fact_min``)."""
    figures = {"correctness": _share(scored["correct"])}
    kinds = [k for k in KINDS if k in set(scored["kind"])] + sorted(set(scored["kind"]) - set(KINDS))
    for kind in kinds:
        figures[f"correctness_{kind}"] = _share(scored.loc[scored["kind"] == kind, "correct"])
    facts = [
        figures[f"correctness_{k}"]
        for k in FACT_KINDS
        if f"correctness_{k}" in figures and figures[f"correctness_{k}"].n
    ]
    if facts:
        figures["correctness_fact_min"] = min(facts, key=lambda f: f.value)
    return figures


def retrieval(scored: pd.DataFrame) -> dict[str, Figure]:
    """Match-level recall@1/@5 and MRR over the questions with a gold match."""
    ranks = scored.loc[scored["match_id"].notna(), "rank"]
    n = len(ranks)
    figures = {
        f"recall_at_{k}": _share(ranks.map(lambda r, k=k: r is not None and not pd.isna(r) and r <= k))
        for k in RECALL_AT
    }
    reciprocal = ranks.map(lambda r: 0.0 if r is None or pd.isna(r) else 1.0 / r)
    figures["mrr"] = Figure(round(float(reciprocal.mean()), 4) if n else None, n)
    return figures


def document_recall(scored: pd.DataFrame) -> Figure:
    """Share of narrative questions whose first retrieved document is about the gold match (no document = miss)."""
    rows = scored[scored["expected_intent"].eq(NARRATIVE) & scored["match_id"].notna()]
    hits = [
        s == OK and bool(docs) and docs[0] == gold
        for docs, gold, s in zip(rows["document_matches"], rows["match_id"], rows["status"], strict=True)
    ]
    return _share(pd.Series(hits, dtype=object))


def refusals(scored: pd.DataFrame) -> dict[str, Figure]:
    """Refusal accuracy on unknown matches, and how often an answerable question was refused instead."""
    answerable = scored[~scored["kind"].eq(UNKNOWN_MATCH)]
    return {
        "refusal_accuracy": _share(scored["refusal_ok"]),
        "false_refusal_rate": _share(answerable["status"].eq(OK) & answerable["intent"].eq(UNKNOWN_INTENT)),
    }


def groundedness(scored: pd.DataFrame) -> dict[str, Figure]:
    """Share of answers with nothing unsupported shown; share whose draft had something removed."""
    ok = scored["status"].eq(OK)
    shown = ok & scored["grounded"].fillna(False).astype(bool)
    drafted = ok & scored["unsupported"].map(lambda u: not u)
    return {"groundedness": _share(shown), "draft_supported": _share(drafted)}


def reliability(scored: pd.DataFrame) -> dict[str, Figure]:
    """Errors, timeouts, and whether the question was routed to the intent its kind expects."""
    routed = scored[scored["expected_intent"].notna()]
    return {
        "errors": Figure(float(scored["status"].eq("error").sum()), len(scored)),
        "timeouts": Figure(float(scored["status"].eq("timeout").sum()), len(scored)),
        "intent_accuracy": _share(routed["status"].eq(OK) & routed["intent"].eq(routed["expected_intent"])),
    }


def _percentile(values: pd.Series, q: float) -> float | None:
    values = values.dropna()
    return round(float(np.percentile(values, q)), 1) if len(values) else None


def latency(scored: pd.DataFrame) -> dict[str, Figure]:
    """p50 and p95 of the wall time per question (ms), overall and per kind; errors and timeouts included."""
    figures = {}
    groups = [("", scored)] + [(f"_{kind}", rows) for kind, rows in scored.groupby("kind", sort=False)]
    for suffix, rows in groups:
        for q in (50, 95):
            figures[f"latency{suffix}_p{q}_ms"] = Figure(
                _percentile(rows["latency_ms"], q), int(rows["latency_ms"].notna().sum())
            )
    return figures


def judge(scored: pd.DataFrame) -> dict[str, Figure]:
    """Judge means, pass shares (4-5) and agreement with the deterministic checks; empty when nothing was judged."""
    if "judge_faithfulness" not in scored:
        return {}
    judged = scored[scored["judged"].fillna(False).astype(bool)]
    figures: dict[str, Figure] = {}
    for aspect in ("faithfulness", "relevance"):
        scores = judged[f"judge_{aspect}"].astype(float).fillna(JUDGE_FLOOR)
        figures[f"judge_{aspect}"] = Figure(round(float(scores.mean()), 3) if len(scores) else None, len(scores))
        figures[f"judge_{aspect}_pass"] = _share(scores >= JUDGE_PASS)
    both = judged[judged["correct"].notna()]
    deterministic = both["correct"].astype(bool) & both["grounded"].fillna(False).astype(bool)
    says_pass = both["judge_faithfulness"].astype(float).fillna(JUDGE_FLOOR) >= JUDGE_PASS
    figures["judge_agreement"] = _share(deterministic == says_pass)
    return figures


def summarise(results: pd.DataFrame, with_documents: bool = False) -> dict[str, Figure]:
    """Return every figure of a run by name (see the module docstring), each with its n."""
    scored = score_questions(results)
    figures = {"questions": Figure(float(len(scored)), len(scored))}
    for part in (correctness, retrieval, refusals, groundedness, reliability, latency, judge):
        figures.update(part(scored))
    if with_documents:
        figures["document_recall_at_1"] = document_recall(scored)
    return figures


def flat_metrics(figures: dict[str, Figure], prefix: str = "eval_") -> dict[str, float]:
    """Return ``{prefix+name: value, prefix+name+"_n": n}`` for every figure with a value (for MLflow and the gate)."""
    flat: dict[str, float] = {}
    for name, figure in figures.items():
        if figure.value is None or (isinstance(figure.value, float) and math.isnan(figure.value)):
            continue
        flat[f"{prefix}{name}"] = float(figure.value)
        flat[f"{prefix}{name}_n"] = float(figure.n)
    return flat
