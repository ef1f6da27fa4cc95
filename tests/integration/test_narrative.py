"""Narrative answers end to end with the default Qwen2.5 1.5B: real matches, a real Chroma index, real embeddings.

Two matches of the season corpus are indexed (the cache's fast all-MiniLM-L6-v2 embedder keeps the build
to seconds; retrieval is filtered to the resolved match, so the embedder only orders its documents). The
expected teams, scores and scorers are read from the tables built from the raw files, never typed.
Decoding is greedy, so each answer is repeatable; the run takes about 60-120 s on 2 cores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.config.settings import get_settings
from football_rag.data.parsers import parse_file
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.embeddings import embed_documents, load_embedder
from football_rag.knowledge.index import build_collection, chroma_client
from football_rag.rag.answer_model import Answer, Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.llm import LLMUnavailable, LocalLLM, gguf_path
from tests.conftest import SEASON_DATA, require

ARSENAL_SPURS, CITY_UNITED = "1903228", "1903154"
MAX_TOKENS = 120  # the model writes after the computed opening; the cap keeps the run short


@pytest.fixture(scope="module")
def tables() -> MatchTables:
    require(SEASON_DATA)
    return build_tables([parse_file(SEASON_DATA / "whoscored" / f"{i}.json.gz") for i in (ARSENAL_SPURS, CITY_UNITED)])


@pytest.fixture(scope="module")
def answerer(tables: MatchTables, tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = get_settings().llm
    try:
        gguf_path(settings.model)
    except LLMUnavailable as error:
        pytest.skip(f"the default LLM is not in the model cache (run scripts/setup.sh): {error}")
    documents = build_documents(tables)
    embedder = load_embedder("all-MiniLM-L6-v2")
    embeddings, _ = embed_documents(documents, embedder)
    client = chroma_client(path=Path(tmp_path_factory.mktemp("chroma")))
    collection = build_collection(client, "narrative", documents, embeddings)
    llm = LocalLLM(settings.model_copy(update={"max_tokens": MAX_TOKENS}))
    return Answerer(tables, collection=collection, encode=embedder.encode, llm=llm)


def streamed(answerer: Answerer, question: str) -> tuple[list[str], Answer]:
    """Return the pieces the answer streamed and the checked answer."""
    stream = answerer.stream(question)
    pieces = list(stream)
    return pieces, stream.answer


def expected(tables: MatchTables, match_id: str) -> tuple[str, str, str, list[str]]:
    """Return the home team, the away team, the score "h-a" and the scorers of a match, from the tables."""
    match = tables.matches.set_index("match_id").loc[match_id]
    timeline = tables.timeline
    goals = timeline[(timeline["match_id"] == match_id) & (timeline["kind"] == "goal")]
    score = f"{int(match['home_goals'])}-{int(match['away_goals'])}"
    return match["home"], match["away"], score, list(dict.fromkeys(goals["player_name"]))


def assert_narrative_about(pieces: list[str], answer: Answer, tables: MatchTables, match_id: str) -> None:
    """The first streamed piece holds the match's teams, score and every scorer; the model's text follows it."""
    home, away, score, scorers = expected(tables, match_id)
    assert answer.intent is Intent.NARRATIVE
    assert answer.grounded, answer
    assert answer.matches[0] == match_id
    assert {s.match_id for s in answer.sources if s.kind == "table"} == {match_id}
    assert all(s.match_id == match_id for s in answer.sources if s.kind == "document"), answer.sources
    opening = pieces[0]
    assert opening.startswith(f"{home} {score} {away} on ") and opening.endswith("\n\n"), opening
    assert all(name in opening for name in scorers), (scorers, opening)
    assert answer.answer.startswith(opening)
    assert len(answer.answer) > len(opening)  # the model's part survived the check
    assert 0 < answer.timings_ms["model_first_token"] < answer.timings_ms["total"]


@pytest.mark.slow
def test_how_a_match_was_won_names_the_teams_score_and_scorers(answerer: Answerer, tables: MatchTables) -> None:
    pieces, answer = streamed(answerer, "How did Arsenal beat Tottenham?")
    assert_narrative_about(pieces, answer, tables, ARSENAL_SPURS)
    assert len(pieces) > 10  # the model's part token by token, not one block
    if not answer.unsupported:  # nothing removed by the check: the shown answer is what streamed
        assert " ".join(answer.answer.split()) == " ".join("".join(pieces).split())
    assert any(s.kind == "document" for s in answer.sources)


@pytest.mark.slow
def test_a_summary_of_another_match_stands_on_that_match_only(answerer: Answerer, tables: MatchTables) -> None:
    pieces, answer = streamed(answerer, "Summarise Man City vs Man Utd.")
    assert_narrative_about(pieces, answer, tables, CITY_UNITED)
    home, away, _, _ = expected(tables, ARSENAL_SPURS)
    assert home not in answer.answer and away not in answer.answer
