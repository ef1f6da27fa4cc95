"""What the app shows, without a browser: the match and team views, the pickers, example questions, the chat
turn (streaming, follow-ups, charts, feedback), the API's match list, the LLM status, and escaping.

Values are read off the WhoScored files of the season corpus: Arsenal 4-1 Tottenham on 23 November 2025
(referee Michael Oliver, 60,345, half time 2-0; Arsenal 17 shots to 3; Eze man of the match), Man City
3-0 Man Utd on 14 September 2025, Fulham 4-5 Man City on 2 December 2025.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import gradio as gr
import pytest

from football_rag.analytics.tables import MatchTables
from football_rag.app import AppState, pickers, state_over
from football_rag.app.blocks import build_app, header_markdown, metrics_markdown, quality_line
from football_rag.app.chat import ChatReply, ChatSession, narrate, post_question, record_feedback, start_answer
from football_rag.app.examples import example_questions
from football_rag.app.llm_warmup import LLMStatus, LLMWarmup
from football_rag.app.markup import html, md
from football_rag.app.match_view import match_view
from football_rag.app.source_cards import cards_html, source_cards
from football_rag.app.state import coverage_of, with_competitions
from football_rag.app.team_view import form_summary, results, team_games
from football_rag.config.settings import ApiSettings, LLMSettings, get_settings
from football_rag.knowledge.ingest import HINTS_FILE, load_hints
from football_rag.knowledge.release import CodeVersion, Manifest, RawFileRecord
from football_rag.rag.answerer import Answerer
from football_rag.rag.llm import LocalLLM
from tests.e2e.conftest import SMOLLM, smollm_or_none

pytestmark = pytest.mark.slow
HOSTILE = '<img src=x onerror="alert(1)">**Arsenal**'


def turn(state: AppState, session: ChatSession, question: str) -> list[ChatReply]:
    """Ask ``question`` as the page does: post it, answer a fact (a narrative is left pending), then narrate;
    return every reply the answer streamed."""
    post_question(session, question)
    return [*start_answer(state, question, session, "test"), *narrate(state, session)]


@pytest.fixture(scope="module")
def state(e2e_tables: MatchTables, tmp_path_factory: pytest.TempPathFactory) -> AppState:
    return state_over(e2e_tables, Answerer(e2e_tables), "views", tmp_path_factory.mktemp("home"))


def test_match_view_header_timeline_and_formations(e2e_tables: MatchTables) -> None:
    view = match_view(e2e_tables, "1903228")
    assert view.header.splitlines()[0] == "## Arsenal 4-1 Tottenham"
    assert (
        "Premier League 2025/2026 · Sunday 23 November 2025 · Emirates Stadium · Referee Michael Oliver · "
        "Attendance 60,345 · Half time 2-0"
    ) in view.header
    goals = view.timeline[view.timeline["Event"] == "⚽ Goal"]
    assert goals[["Minute", "Team", "Player", "Detail", "Score"]].values.tolist() == [
        ["36'", "Arsenal", "Leandro Trossard", "assist Mikel Merino", "1-0"],
        ["41'", "Arsenal", "Eberechi Eze", "assist Declan Rice", "2-0"],
        ["46'", "Arsenal", "Eberechi Eze", "assist Jurriën Timber", "3-0"],
        ["55'", "Tottenham", "Richarlison", "assist João Palhinha", "3-1"],
        ["76'", "Arsenal", "Eberechi Eze", "assist Leandro Trossard", "4-1"],
    ]
    assert (view.timeline["Event"] == "🟨 Yellow card").sum() == 4
    assert (view.timeline["Event"] == "🔁 Substitution").sum() == 9  # Arsenal 4, Tottenham 5
    # Tottenham changed shape with Xavi Simons on for Kevin Danso at half time (46').
    assert view.formations == {"home": "4-2-3-1", "away": "3-4-2-1, then 4-2-3-1 from 46'"}


def test_match_view_lineups_and_key_stats(e2e_tables: MatchTables) -> None:
    view = match_view(e2e_tables, "1903228")
    home = view.lineups["home"].set_index("Player")
    assert (home["On"] == "start").sum() == 11
    assert home.loc["Eberechi Eze ★"].tolist() == ["10", "AMC", "start", "", "10.00"]
    assert home.loc["Bukayo Saka (c)", "No."] == "7"
    assert home.loc["Leandro Trossard", "Off"] == "78'" and home.loc["Noni Madueke", "On"] == "78'"
    stats = view.stats.set_index("Stat")
    assert stats.loc["Shots"].tolist() == ["17", "3"]
    assert stats.loc["Possession"].tolist() == ["57.4%", "42.6%"]
    assert stats.loc["Yellow cards"].tolist() == ["1", "3"]


def test_team_view_results_and_form(e2e_tables: MatchTables) -> None:
    games = team_games(e2e_tables, "Arsenal")
    assert form_summary("Arsenal", games).splitlines()[2] == "2 matches: 2 won, 0 drawn, 0 lost; goals 9-1."
    rows = results(games)[["Date", "Opponent", "Venue", "Score", "Result"]].values.tolist()
    assert rows == [["23 Nov 2025", "Tottenham", "home", "4-1", "W"], ["23 Aug 2025", "Leeds", "home", "5-0", "W"]]


def test_pickers_narrow_to_the_team(e2e_tables: MatchTables) -> None:
    matches = e2e_tables.matches
    assert pickers.competitions(matches) == ["All", "Premier League"]
    assert pickers.seasons(matches, "Premier League") == ["All", "2025/2026"]
    assert len(pickers.teams(matches)) == 21
    assert pickers.match_choices(matches, team="Man Utd") == [
        ("15 Dec 2025 · Man Utd 4-4 Bournemouth", "1903490"),
        ("19 Oct 2025 · Liverpool 1-2 Man Utd", "1903191"),
        ("14 Sep 2025 · Man City 3-0 Man Utd", "1903154"),
    ]


def test_the_chats_answering_event_takes_the_explorers_pickers(state: AppState) -> None:
    """The chat's questions keep to the explorer's competition and season (the answers' scoping is tested in
    tests/integration/test_seasons_as_filters.py); here, that the page feeds both pickers into the chat's event."""
    config = build_app(state).config
    ids = {c["props"].get("elem_id"): c["id"] for c in config["components"]}
    answering = [d for d in config["dependencies"] if ids["fr-chatbot"] in d["outputs"]]
    assert any({ids["fr-competition"], ids["fr-season"]} <= set(d["inputs"]) for d in answering)


def test_example_questions_come_from_the_data_and_are_answered(state: AppState) -> None:
    questions = example_questions(state.tables.matches, narrative=False)
    assert questions[0] == "What was the score of Fulham vs Man City?"  # 4-5: the most goals in these matches
    assert "Who scored for Man City in August 2025?" in questions  # Man City played most, twice in August
    for question in questions:
        answer, _ = state.answerer.ask(question)
        assert answer.grounded and answer.matches and answer.intent.value not in {"clarify", "unknown_match"}


def test_chat_turn_follow_up_chart_and_feedback(state: AppState) -> None:
    session = ChatSession()
    *_, first = turn(state, session, "What was the score of Arsenal vs Spurs?")
    assert "Arsenal 4\\-1 Tottenham on 23 November 2025" in first.messages[1]["content"]
    assert "WhoScored match 1903228" in first.sources_html and "Grounded" in first.sources_html
    *_, follow_up = turn(state, session, "Who scored?")  # the match carries over from the question before
    assert "Eberechi Eze 76'" in follow_up.messages[3]["content"]
    *_, chart = turn(state, session, "Show the shot map of Man City vs Man Utd")
    assert isinstance(chart.messages[-1]["content"], gr.Plot) and len(chart.messages) == 7
    assert record_feedback(state, session, 6, liked=False).startswith("Thanks")  # 👎 on the chart: its answer
    assert record_feedback(state, session, 0, liked=True) == "Feedback goes on answers, not on questions."
    line = json.loads((state.feedback.path).read_text(encoding="utf-8").splitlines()[-1])
    assert line["question"] == "Show the shot map of Man City vs Man Utd" and line["value"] == 0


def test_chat_turn_rejects_a_long_question_with_a_message(state: AppState) -> None:
    *_, reply = turn(state, ChatSession(), "x" * 501)
    assert reply.messages[-1]["content"] == "⚠️ The question is 501 characters long; the limit is 500\\."


def test_narrative_answer_streams_from_the_llm(e2e_tables: MatchTables, tmp_path: Path) -> None:
    llm = smollm_or_none()
    if llm is None:
        pytest.skip("SmolLM2 is not in the model cache")
    narrative = state_over(e2e_tables, Answerer(e2e_tables, llm=llm), "views", tmp_path)
    replies = turn(narrative, ChatSession(), "How did Arsenal create chances against Tottenham?")
    assert len(replies) > 3  # the placeholder, several streamed drafts, the checked answer
    assert replies[-1].messages[-1]["content"] and "Arsenal 4-1 Tottenham" in replies[-1].sources_html


def test_a_narrative_shows_its_place_in_line_and_past_the_bound_is_told_busy(
    e2e_tables: MatchTables, tmp_path: Path
) -> None:
    llm = smollm_or_none()
    if llm is None:
        pytest.skip("SmolLM2 is not in the model cache")
    state = state_over(e2e_tables, Answerer(e2e_tables, llm=llm), "views", tmp_path, api=ApiSettings(narrative_queue=1))
    waiting, refused = ChatSession(), ChatSession()
    for session, question in ((waiting, "How did Arsenal create chances against Tottenham?"),
                              (refused, "How did Man City control the game against Man Utd?")):  # fmt: skip
        post_question(session, question)
        assert len(list(start_answer(state, question, session, "test"))) == 1 and session.pending is not None
    with state.lanes.model.join():  # another visitor's answer is generating
        replies = narrate(state, waiting)
        place = next(replies).messages[-1]["content"]
        assert place.startswith("⏳ Waiting for the language model: 1 answer ahead of yours")
        *_, busy = narrate(state, refused)  # one generating, one waiting: the line is full
        assert busy.messages[-1]["content"].startswith("⚠️ The language model is busy; try again in ")
    *_, done = replies  # the other answer is done: this one's turn
    assert "Arsenal 4-1 Tottenham" in done.sources_html and not done.messages[-1]["content"].startswith("⏳")


def test_llm_status_reports_ready_or_failed(tmp_path: Path) -> None:
    assert LLMWarmup(None).describe() == "LLM off: answers come from the tables alone"
    missing = LLMWarmup(LocalLLM(LLMSettings(model=str(tmp_path / "absent.gguf"))))
    missing.start()
    assert not missing.wait(60) and missing.status is LLMStatus.FAILED
    assert missing.describe().startswith("LLM unavailable (") and "fact questions still work" in missing.describe()
    if smollm_or_none() is None:
        pytest.skip("SmolLM2 is not in the model cache")
    ready = LLMWarmup(LocalLLM(SMOLLM))
    ready.start()
    assert ready.wait(120) and ready.describe().startswith("LLM ready (smollm2-135m, loaded in ")


def test_names_from_the_data_are_escaped(state: AppState) -> None:
    assert md(HOSTILE) == '&lt;img src=x onerror="alert\\(1\\)"&gt;\\*\\*Arsenal\\*\\*'
    assert html(HOSTILE) == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;**Arsenal**"
    # A web address stays as written (the renderer links it; a backslash in it would show), the rest is escaped.
    assert md("at http://127.0.0.1:8123/x_y (401)") == "at http://127.0.0.1:8123/x_y \\(401\\)"
    matches = state.tables.matches.replace({"home": {"Arsenal": HOSTILE}})
    hostile = replace(state.tables, matches=matches)
    answer, _ = state.answerer.ask("What was the score of Arsenal vs Spurs?")
    cards = cards_html(answer, source_cards(answer, hostile))
    assert "<img" not in cards and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in cards
    assert "<img" not in match_view(hostile, "1903228").header


METRICS = {
    "eval_correctness": 0.9728,
    "eval_correctness_n": 368.0,
    "eval_groundedness": 1.0,
    "eval_groundedness_n": 398.0,
    "eval_latency_p50_ms": 15.3,
    "eval_latency_p50_ms_n": 398.0,
    "xg_auc": 0.71698,
}


def test_header_is_one_quality_line_and_every_figure_sits_in_the_table(state: AppState) -> None:
    evaluated = replace(state, metrics=METRICS, held_back="v0008 (…) was built and held back by the quality gate")

    lines = header_markdown(evaluated).split("\n\n")

    assert lines[1] == (
        "Release **views** · 20 matches, 20 teams \\(Premier League\\), 15 Aug 2025 to 15 Dec 2025 · "
        "answers correct **97%** (n 368) · grounded **100%** (n 398)"
    )
    assert lines[2].startswith("⚠️ v0008") and lines[2].endswith("; this page serves views")  # held back: kept
    assert len(lines) == 3 and "latency" not in header_markdown(evaluated)  # the rest is in the accordion
    table = metrics_markdown(METRICS).splitlines()
    assert table[2:] == [
        "| correctness | 0.97 | 368 |",
        "| groundedness | 1 | 398 |",
        "| latency p50 ms | 15.30 | 398 |",
        "| xg auc | 0.72 |  |",
    ]
    assert quality_line({}) == "not evaluated"


def test_matches_without_a_competition_take_the_hint_of_the_file_the_manifest_names(e2e_tables: MatchTables) -> None:
    bare = replace(e2e_tables, matches=e2e_tables.matches.assign(competition=None, season=None))
    manifest = Manifest(
        version="v0001",
        code=CodeVersion(package="test"),
        raw_dir="/srv/data/season/premier-league-2025-26/whoscored",
        raw_files=[
            RawFileRecord(path=f"{m}.json.gz", sha256="0" * 64, match_id=str(m)) for m in bare.matches["match_id"]
        ],
    )
    hints = load_hints(get_settings().configs_dir / HINTS_FILE)

    filled = with_competitions(bare, manifest, hints).matches

    assert set(filled["competition"]) == {"Premier League"} and set(filled["season"]) == {"2025/2026"}
    assert coverage_of(filled).summary().startswith("20 matches, 20 teams (Premier League)")
    elsewhere = manifest.model_copy(update={"raw_dir": "/srv/raw"})
    assert with_competitions(bare, elsewhere, hints).matches["competition"].isna().all()  # no hint: none guessed
    assert with_competitions(e2e_tables, manifest, hints) is e2e_tables  # nothing missing: the same tables
