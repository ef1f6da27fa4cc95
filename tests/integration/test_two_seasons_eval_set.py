"""The release's generated eval set over two seasons: what a build asks when a new season's files arrive.

The knowledge base holds the first 40 real matches of 2025/26 and the same matches copied one season back
(2024/25, ``benchmarks.season_copies``: new ids, dates a year earlier). "This season" means the latest one loaded
(``rag.scope``), so the generator's gold for "this season" keeps to 2025/26, and a day or a month is written
without its year only inside it. Before, its gold summed both seasons and "Nov 9" named either year, and the
gate held back every multi-season candidate on its own questions (fact correctness 0.6 at three seasons).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.season_copies import put_copy
from football_rag.data.raw_store import RawStore
from football_rag.evaluation.eval_set import FACT_KINDS
from football_rag.evaluation.generator import generate_eval_set
from football_rag.evaluation.metrics import flat_metrics, score_questions, summarise
from football_rag.evaluation.runner import answer_questions
from football_rag.knowledge.ingest import as_match_tables, match_tables, parse_raw_files, scan_raw_dir
from football_rag.rag.answerer import Answerer
from tests.integration.test_gate_candidates import season_ids

pytestmark = pytest.mark.slow

MATCHES = 40


@pytest.fixture(scope="module")
def two_seasons(season_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    store_dir = tmp_path_factory.mktemp("raw")
    store = RawStore(store_dir)
    for match_id in season_ids(season_dir)[:MATCHES]:
        for back in (0, 1):
            put_copy(store, season_dir / "whoscored" / f"{match_id}.json.gz", back)
    parsed, rejected = parse_raw_files(scan_raw_dir(store_dir, {}), workers=2)
    assert rejected == []
    return as_match_tables(match_tables([p for _, p in parsed]))


def test_the_knowledge_base_holds_two_seasons(two_seasons) -> None:
    seasons = two_seasons.matches.groupby("season")["match_id"].nunique().to_dict()
    assert seasons == {"2024/2025": MATCHES, "2025/2026": MATCHES}


def test_the_generated_questions_are_answered_right_over_two_seasons(two_seasons) -> None:
    questions = generate_eval_set(two_seasons, seed=0, per_kind=15)
    this_season = [q for q in questions if "this season" in q.question or "overall" in q.question]
    assert len(this_season) >= 5
    results = answer_questions(Answerer(two_seasons), questions)
    figures = flat_metrics(summarise(results))
    scored = score_questions(results)
    wrong = scored[scored["kind"].isin(FACT_KINDS) & scored["correct"].eq(False)]
    assert figures["eval_correctness_fact_min"] >= 0.95, wrong[["question", "gold", "answer"]].to_string()
    assert figures["eval_refusal_accuracy"] == 1.0
