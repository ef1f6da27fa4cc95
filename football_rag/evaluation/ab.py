"""A/B evaluation: two prompt versions, two LLMs or two embedders on the same eval set, in one call.

Each arm is evaluated as a child run of one parent MLflow run; the parent holds every metric's
difference (b - a, with the n of each side) and the paired outcome on the questions both arms were
scored on: how many only ``a`` got right, how many only ``b`` did, and the exact two-sided sign-test
p-value of that split, so a change is chosen on evidence rather than on one headline number.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from football_rag.config.settings import Settings
from football_rag.evaluation.eval_set import EvalQuestion, read_eval_set
from football_rag.evaluation.metrics import Figure
from football_rag.evaluation.runner import DEFAULT_TIMEOUT_S, EvalRun, answerer_params, run_eval
from football_rag.evaluation.tracking import KIND_TAG, EvalTracker, tracker_for
from football_rag.rag.answerer import Answerer

VARIABLES = ("prompt", "llm", "embedder")
AB_REPORT_FILE = "ab.json"


@dataclass
class Arm:
    """One side of a comparison: its name, the answerer it runs, and what distinguishes it (MLflow params)."""

    name: str
    answerer: Answerer
    params: dict[str, str]


@dataclass
class ABResult:
    parent_run_id: str | None
    runs: dict[str, EvalRun]
    differences: dict[str, dict[str, float | int | None]]
    paired: dict[str, float | int | None]

    def report(self) -> dict[str, object]:
        return {
            "parent_run_id": self.parent_run_id,
            "runs": {name: run.run_id for name, run in self.runs.items()},
            "differences": self.differences,
            "paired": self.paired,
        }


def passed(scored: pd.DataFrame) -> pd.Series:
    """Per question id: passed its deterministic check (correct, or a right refusal); NaN where it has none."""
    verdict = scored["correct"].where(scored["correct"].notna(), scored["refusal_ok"])
    return pd.Series(verdict.to_numpy(), index=scored["id"])


def sign_test(wins: int, losses: int) -> float | None:
    """Exact two-sided sign test p-value for ``wins`` against ``losses`` (None when there are no discordant pairs)."""
    n = wins + losses
    if n == 0:
        return None
    tail = sum(math.comb(n, k) for k in range(min(wins, losses) + 1)) / 2**n
    return round(min(1.0, 2 * tail), 6)


def paired_outcomes(a: pd.DataFrame, b: pd.DataFrame) -> dict[str, float | int | None]:
    """Questions only ``a`` passed, only ``b`` passed, both, neither, and the sign test on the split."""
    both = pd.concat({"a": passed(a), "b": passed(b)}, axis=1).dropna()
    pa, pb = both["a"].astype(bool), both["b"].astype(bool)
    only_a, only_b = int((pa & ~pb).sum()), int((~pa & pb).sum())
    return {
        "paired_n": len(both),
        "only_a_passed": only_a,
        "only_b_passed": only_b,
        "both_passed": int((pa & pb).sum()),
        "neither_passed": int((~pa & ~pb).sum()),
        "sign_test_p": sign_test(only_b, only_a),
    }


def metric_differences(a: dict[str, Figure], b: dict[str, Figure]) -> dict[str, dict[str, float | int | None]]:
    """For every figure both runs have: a, b, b - a, and the n of each."""
    differences = {}
    for name in a.keys() & b.keys():
        fa, fb = a[name], b[name]
        diff = None if fa.value is None or fb.value is None else round(fb.value - fa.value, 4)
        differences[name] = {"a": fa.value, "b": fb.value, "diff": diff, "n_a": fa.n, "n_b": fb.n}
    return dict(sorted(differences.items()))


def compare(
    questions: Sequence[EvalQuestion],
    a: Arm,
    b: Arm,
    *,
    variable: str,
    tracker: EvalTracker | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> ABResult:
    """Evaluate both arms on ``questions`` as sibling runs under one parent run; return the differences."""
    parent = None
    if tracker is not None:
        params = {"variable": variable, "a": a.name, "b": b.name, "questions": str(len(questions))}
        parent = tracker.start(f"ab {variable}: {a.name} vs {b.name}", params, {KIND_TAG: "ab"})
    runs = {
        arm.name: run_eval(arm.answerer, questions, params={**arm.params, "arm": arm.name}, timeout_s=timeout_s,
                           tracker=tracker, run_name=f"{variable}={arm.name}", parent_run_id=parent)
        for arm in (a, b)
    }  # fmt: skip
    result = ABResult(
        parent,
        runs,
        metric_differences(runs[a.name].figures, runs[b.name].figures),
        paired_outcomes(runs[a.name].results, runs[b.name].results),
    )
    if tracker is not None and parent is not None:
        numbers = {f"diff_{k}": v["diff"] for k, v in result.differences.items() if v["diff"] is not None}
        numbers |= {
            f"diff_{k}_n": min(v["n_a"], v["n_b"]) for k, v in result.differences.items() if v["diff"] is not None
        }
        numbers |= {k: v for k, v in result.paired.items() if v is not None}
        tracker.log_metrics(parent, numbers)
        tracker.client.log_dict(parent, result.report(), AB_REPORT_FILE)
        tracker.finish(parent)
    return result


def build_arm(variable: str, value: str, kb, settings: Settings, work_dir: Path) -> Arm:  # kb: a KnowledgeBase
    """Return the arm where ``variable`` (prompt version, LLM, embedder) is ``value``, the rest as released."""
    from football_rag.rag.llm import get_llm
    from football_rag.rag.prompts import load_prompt

    if variable not in VARIABLES:
        raise ValueError(f"cannot compare {variable!r}: choose one of {', '.join(VARIABLES)}")
    llm = get_llm(settings.llm.model_copy(update={"model": value}) if variable == "llm" else settings.llm)
    prompt = load_prompt("answer", int(value.removeprefix("v"))) if variable == "prompt" else None
    collection, embedder = kb.collection, kb.embedder
    if variable == "embedder" and value != kb.embedder.name:
        collection, embedder = _collection_for(kb, value, settings, work_dir)
    answerer = Answerer(kb.tables, collection=collection, encode=embedder.encode, llm=llm, prompt=prompt)
    return Arm(value, answerer, answerer_params(answerer, kb.version, embedder.name))


def _collection_for(kb, model: str, settings: Settings, work_dir: Path):
    """Embed the release's documents with ``model`` into a scratch Chroma collection; return it and the embedder."""
    from football_rag.knowledge.datasets import read_tables
    from football_rag.knowledge.embeddings import embed_documents, load_embedder
    from football_rag.knowledge.index import build_collection, chroma_client

    embedder = load_embedder(model, settings.models_dir)
    documents = read_tables(kb.release_dir, ["documents"])["documents"]
    embeddings, _ = embed_documents(documents, embedder)
    client = chroma_client(path=work_dir / model)
    return build_collection(client, f"ab_{kb.version}", documents, embeddings), embedder


def run_ab(
    settings: Settings, variable: str, a: str, b: str, questions_path: Path | None = None, release: str | None = None
) -> dict[str, object]:
    """Compare ``variable`` = ``a`` with ``b`` on a release's eval set (or ``questions_path``); return the report."""
    from football_rag.evaluation.release_eval import load_answer_config, published_questions, release_questions
    from football_rag.rag.knowledge_base import load_knowledge_base

    if a == b:
        raise ValueError(f"both arms are {a!r}: name two different values of {variable}")
    kb = load_knowledge_base(settings, release)
    config = load_answer_config(settings.configs_dir)
    questions = (
        read_eval_set(questions_path)
        if questions_path
        else published_questions(kb.release_dir) or release_questions(kb.tables, config, settings.configs_dir)
    )
    settings.home.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ab-", dir=settings.home) as scratch:
        arms = [build_arm(variable, value, kb, settings, Path(scratch)) for value in (a, b)]
        result = compare(questions, *arms, variable=variable, tracker=tracker_for(settings), timeout_s=config.timeout_s)
    return {"release": kb.version, "variable": variable, **result.report()}
