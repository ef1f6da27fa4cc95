"""A candidate version beside the current release: the same questions and probes, scored on both in one run.

The release gate (``knowledge.release_gate``) holds bounds on everything the candidate is asked, and compares
the two only on what both can answer:

- questions: the current release's published eval set, one-match questions whose match the candidate holds
  unchanged and whose teams did not meet again among the new matches (an undated question would then be
  about the new meeting), at most ``per_kind`` a kind; plus ``new_per_kind`` questions of each one-match kind
  about the new matches; plus the candidate's own questions of the other kinds (totals, rankings,
  comparisons over periods, refusals, narratives and the hand-written narrative set), whose gold moves with
  every matchweek or which the set's own file holds.
- probes: ``retrieval.sample_size`` matches both hold (seeded) and up to ``new_sample_size`` new ones, each
  run the way answers retrieve (filtered by match id) and unfiltered (reported, not gated).

The published set is the questions above, so it carries forward and stays the same size week after week.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from football_rag.analytics.consistency import goals_agree_with_score, team_stats_agree_with_provider
from football_rag.analytics.tables import MatchTables
from football_rag.config.settings import Settings
from football_rag.evaluation.eval_set import FACT_KINDS, EvalQuestion
from football_rag.evaluation.generator import generate_match_questions
from football_rag.evaluation.metrics import flat_metrics, summarise
from football_rag.evaluation.release_eval import (
    AnswerEvalConfig,
    evaluate_release,
    load_answer_config,
    published_questions,
    release_questions,
)
from football_rag.evaluation.runner import EvalRun, answer_questions, retrieval_queries
from football_rag.evaluation.stored_answers import answering_fingerprint, stored_answers
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.embeddings import encoded_ahead, load_embedder
from football_rag.knowledge.index import open_index
from football_rag.knowledge.index_checks import check_index
from football_rag.knowledge.release import read_manifest, release_store
from football_rag.knowledge.release_gate import Comparison
from football_rag.knowledge.retrieval_checks import (
    FILTERED,
    RetrievalCheck,
    RetrievalConfig,
    check_retrieval,
    failed_retrieval,
    load_retrieval_config,
    retrieval_probes,
    sample_match_ids,
)
from football_rag.knowledge.rows_on_disk import served_tables
from football_rag.rag.answerer import Answerer

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

# Generated kinds about one match, whose gold stays true while the match is unchanged: carried forward. Every
# other kind (totals, rankings and comparisons over periods, refusals, narratives) is asked afresh of each version.
ONE_MATCH_KINDS = frozenset(FACT_KINDS) - {"aggregate", "ranking", "comparison"}


@dataclass(frozen=True)
class Version:
    """One side of the comparison: a version's tables, documents and collection, and its embedder's name."""

    version: str
    tables: MatchTables
    documents: pd.DataFrame
    collection: Collection | None
    embedding_model: str | None
    models_dir: Path | None = None

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return the texts' vectors by this version's own embedder (loaded on first use, then cached)."""
        return load_embedder(self.embedding_model, self.models_dir).encode(texts)


@dataclass(frozen=True)
class CurrentRelease(Version):
    """The release the candidate would replace, with the eval set it was published with."""

    release_dir: Path | None = None

    @cached_property
    def questions(self) -> list[EvalQuestion]:
        """Return the eval set published with the release (empty when it has none)."""
        return (published_questions(self.release_dir) or []) if self.release_dir else []


def load_current_release(settings: Settings) -> CurrentRelease | None:
    """Return the local latest release, opened to be answered and probed, or None before the first one."""
    store = release_store(settings)
    version = store.latest_version()
    if version is None:
        return None
    release_dir = store.path(version)
    manifest = read_manifest(release_dir)
    collection, _ = open_index(release_dir, manifest, settings.home / "chroma", url=settings.chroma_url)
    # Answered as the app answers it: its events read by match, not held whole beside the candidate's.
    return CurrentRelease(
        version=version,
        tables=served_tables(release_dir),
        documents=read_tables(release_dir, ["documents"])["documents"],
        collection=collection,
        embedding_model=manifest.embedding_model,
        models_dir=settings.models_dir,
        release_dir=release_dir,
    )


# --- what the candidate is asked ------------------------------------------------------------------


def shared_match_ids(candidate: MatchTables, current: MatchTables, new_ids: set[str]) -> list[str]:
    """Return the complete matches both versions hold, minus those re-parsed and those whose teams met again."""
    mine = candidate.matches.assign(match_id=candidate.matches["match_id"].astype(str))
    theirs = current.matches.assign(match_id=current.matches["match_id"].astype(str))
    pair = {r.match_id: frozenset((r.home, r.away)) for r in mine.itertuples(index=False)}
    met_again = {pair[m] for m in new_ids if m in pair}
    complete = set(theirs.loc[theirs["complete"].astype(bool), "match_id"])
    return sorted(m for m in complete & set(pair) if m not in new_ids and pair[m] not in met_again)


def comparison_questions(
    candidate: MatchTables,
    version: str,
    current: CurrentRelease | None,
    new_ids: set[str],
    config: AnswerEvalConfig,
    configs_dir: Path,
) -> tuple[list[EvalQuestion], list[str]]:
    """Return the questions the candidate is asked, and the ids of those the current release is asked too."""
    own = release_questions(candidate, config, configs_dir)
    if current is None or not current.questions:
        return own, []
    shared_ids = set(shared_match_ids(candidate, current.tables, new_ids))
    carried = [q for q in current.questions if q.kind in ONE_MATCH_KINDS and q.match_id in shared_ids]
    carried = _at_most_per_kind(carried, config.per_kind, config.seed)
    kinds = sorted(ONE_MATCH_KINDS & {q.kind for q in own})
    fresh = generate_match_questions(candidate, new_ids, kinds, version, config.seed, config.new_per_kind)
    rest = [q for q in own if q.kind not in ONE_MATCH_KINDS]
    questions = _distinct([*carried, *fresh, *rest])
    carried_ids = {q.id for q in carried}
    return questions, [q.id for q in questions if q.id in carried_ids]


def _at_most_per_kind(questions: Sequence[EvalQuestion], limit: int, seed: int) -> list[EvalQuestion]:
    """Return at most ``limit`` questions of each kind (a seeded choice), in their order."""
    by_kind: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        by_kind.setdefault(q.kind, []).append(i)
    rng = random.Random(seed)
    keep = {i for rows in by_kind.values() for i in (rows if len(rows) <= limit else rng.sample(rows, limit))}
    return [q for i, q in enumerate(questions) if i in keep]


def _distinct(questions: Sequence[EvalQuestion]) -> list[EvalQuestion]:
    """Return the questions with each text and each id once (the first wins)."""
    seen_text, seen_id, kept = set(), set(), []
    for q in questions:
        if q.question.lower() in seen_text or q.id in seen_id:
            continue
        seen_text.add(q.question.lower())
        seen_id.add(q.id)
        kept.append(q)
    return kept


# --- answers ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerAssessment:
    """The candidate's evaluation run (all its questions) and the comparison on the shared ones."""

    run: EvalRun
    comparison: Comparison | None


def assess_answers(
    candidate: Version,
    current: CurrentRelease | None,
    new_ids: set[str],
    config: AnswerEvalConfig,
    settings: Settings,
    with_llm: bool,
) -> AnswerAssessment:
    """Answer the comparison questions with the candidate (logged as its evaluation run) and take the current
    release's answers to the shared ones: those it published, when the code that answers is unchanged
    (``stored_answers``), else answered now; return both."""
    questions, shared = comparison_questions(
        candidate.tables, candidate.version, current, new_ids, config, settings.configs_dir
    )
    run = evaluate_release(
        candidate.tables,
        version=candidate.version,
        collection=candidate.collection,
        encode=candidate.encode if candidate.collection is not None else None,
        embedding_model=candidate.embedding_model,
        settings=settings,
        questions=questions,
        with_llm=with_llm,
    )
    if current is None or not shared:
        return AnswerAssessment(run, None)
    shared_ids = set(shared)
    fingerprint = answering_fingerprint(settings.configs_dir)
    stored = stored_answers(current.release_dir, shared_ids, fingerprint) if current.release_dir else None
    theirs = stored if stored is not None else _answered_by(current, [q for q in questions if q.id in shared_ids])
    mine = run.results.loc[run.results["id"].isin(shared_ids)]
    documents = candidate.collection is not None
    return AnswerAssessment(
        run,
        Comparison(
            release=current.version,
            candidate=flat_metrics(summarise(mine, with_documents=documents)),
            current=flat_metrics(summarise(theirs, with_documents=current.collection is not None)),
            current_answers="stored" if stored is not None else "answered",
        ),
    )


def _answered_by(current: CurrentRelease, asked: list[EvalQuestion]) -> pd.DataFrame:
    """Return the current release's results on ``asked``, answered now."""
    encode = encoded_ahead(current.encode, retrieval_queries(asked)) if current.collection is not None else None
    return answer_questions(Answerer(current.tables, collection=current.collection, encode=encode), asked)


# --- the index and the tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexAssessment:
    """The candidate's figures (retrieval, index and data checks), what failing checks saw, and the comparison."""

    metrics: dict[str, float]
    problems: dict[str, list[str]]
    misses: list[dict[str, str | None]]
    comparison: Comparison | None


def assess_index(
    candidate: Version,
    embeddings: pd.DataFrame,
    current: CurrentRelease | None,
    new_ids: set[str],
    config: RetrievalConfig,
) -> IndexAssessment:
    """Return the candidate's retrieval on shared and new matches, its index and data checks, and the comparison."""
    shared = shared_match_ids(candidate.tables, current.tables, new_ids) if current else []
    shared_probed = sample_match_ids(shared, config.sample_size, config.seed)
    new_pool = sorted(new_ids) if current else candidate.tables.matches["match_id"].astype(str).tolist()
    probed = [*shared_probed, *sample_match_ids(new_pool, config.new_sample_size or config.sample_size, config.seed)]
    check = _retrieval(candidate, probed)
    index = check_index(
        candidate.collection, candidate.documents, embeddings, candidate.tables.matches, candidate.encode, config.seed
    )
    data = {
        "data_goals_agree_with_score": goals_agree_with_score(candidate.tables),
        "data_team_stats_agree_with_provider": team_stats_agree_with_provider(candidate.tables),
    }
    metrics = {**check.metrics, **index.metrics, **{name: c.share for name, c in data.items()}}
    problems = {**index.problems, **{name: c.examples for name, c in data.items() if c.failed}}
    filtered_misses = [m for m in check.misses if m["first_filtered"] != m["expected"]]
    if filtered_misses:
        problems[FILTERED] = [f"{m['query']}: {m['error'] or m['first_filtered']}" for m in filtered_misses[:3]]
    comparison = None
    if current is not None and shared_probed:
        comparison = Comparison(
            release=current.version,
            candidate=check.metrics_of(shared_probed),
            current=_retrieval(current, shared_probed).metrics,
        )
    return IndexAssessment(metrics, problems, check.misses, comparison)


def _retrieval(side: Version, match_ids: list[str]) -> RetrievalCheck:
    """Return the retrieval check of ``side`` on probes for ``match_ids`` (built from its own tables).

    A collection that cannot be queried (vectors of another length than the embedder's) scores 0 on every
    probe, with the error as each miss: a broken index must be refused, not crash the build.
    """
    probes = retrieval_probes(side.tables.matches, side.documents, match_ids)
    try:
        return check_retrieval(side.collection, side.encode, probes)
    except Exception as exc:  # Chroma's errors have no common base; any failure to query is the finding
        error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return failed_retrieval(probes, f"the index cannot be queried: {error}")


class CandidateEvaluation(BaseModel):
    """What the gate decides on: the candidate's figures, what failing checks saw, the like-for-like comparison."""

    metrics: dict[str, float]
    problems: dict[str, list[str]] = Field(default_factory=dict)
    comparison: Comparison | None = None
    eval_run_id: str | None = None
    retrieval_misses: list[dict[str, str | None]] = Field(default_factory=list)


def assess_candidate(
    candidate: Version,
    embeddings: pd.DataFrame,
    current: CurrentRelease | None,
    new_ids: set[str],
    settings: Settings,
) -> tuple[CandidateEvaluation, EvalRun]:
    """Return the candidate's evaluation beside ``current`` (None: the first release) and its answer run."""
    retrieval_config = load_retrieval_config(settings.configs_dir)
    answer_config = load_answer_config(settings.configs_dir)
    index = assess_index(candidate, embeddings, current, new_ids, retrieval_config)
    answers = assess_answers(candidate, current, new_ids, answer_config, settings, answer_config.with_llm_in_build)
    comparisons = [c for c in (index.comparison, answers.comparison) if c is not None]
    comparison = comparisons[0].merged(comparisons[1]) if len(comparisons) == 2 else next(iter(comparisons), None)
    evaluation = CandidateEvaluation(
        metrics={**index.metrics, **answers.run.metrics},
        problems=index.problems,
        comparison=comparison,
        eval_run_id=answers.run.run_id,
        retrieval_misses=index.misses,
    )
    return evaluation, answers.run
