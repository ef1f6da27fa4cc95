"""The app's embedding API on loopback, called with gradio_client: /ask, /chart, /matches, errors and queueing.

Expected values come from the WhoScored files: Arsenal 4-1 Tottenham on 23 November 2025 (half time 2-0,
Arsenal 17 shots, Tottenham 3), Man City 3-0 Man Utd on 14 September 2025.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import plotly.io as pio
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from tests.e2e.conftest import RunningApp, wait_until

pytestmark = pytest.mark.slow


# Distinct questions (answers are cached by question), each routed to the LLM.
NARRATIVES = [
    "How did Arsenal create chances against Tottenham?",
    "How did Man City control the game against Man Utd?",
    "Why did Man Utd draw with Bournemouth?",
    "How did Liverpool lose to Man Utd?",
    "How did Arsenal dominate Leeds?",
    "How did Fulham lose to Man City?",
    # Narrative answers open with computed facts and the model reads a short briefing, so each is quick:
    # enough of them that the last one is still queued when the chart is asked for.
    "Summarise Arsenal vs Tottenham.",
    "Tell me the story of Man City vs Man Utd.",
    "Describe Liverpool against Man Utd.",
    "What happened when Arsenal played Leeds?",
    "How did Man Utd and Bournemouth play?",
    "Summarise Fulham vs Man City.",
]


@pytest.fixture(scope="module")
def client(running_app: RunningApp) -> Client:
    return Client(running_app.url, verbose=False)


def test_only_the_three_endpoints_are_public(client: Client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/ask", "/chart", "/matches"}


def test_ask_answers_from_the_tables_with_its_source(client: Client) -> None:
    result = client.predict("What was the score of Arsenal vs Spurs?", api_name="/ask")
    assert "Arsenal 4-1 Tottenham on 23 November 2025 (half time 2-0)" in result["answer"]
    assert result["grounded"] is True and result["intent"] == "score" and result["matches"] == ["1903228"]
    (source,) = result["sources"]
    assert source["match_id"] == "1903228" and source["title"] == "Arsenal 4-1 Tottenham"
    assert source["date"] == "23 November 2025" and source["competition"] == "Premier League 2025/2026"
    assert result["release"] == "e2e"


def test_ask_a_chart_names_the_chart(client: Client) -> None:
    result = client.predict("Show the shot map of Man City vs Man Utd", api_name="/ask")
    assert result["intent"] == "chart" and result["chart"] == {"kind": "shot_map", "match_id": "1903154"}
    assert "Man City 3-0 Man Utd" in result["answer"]


def test_chart_returns_a_plotly_figure_of_the_match(client: Client) -> None:
    figure = pio.from_json(client.predict("1903228", "shot_map", api_name="/chart"))
    points = {trace.name: len(trace.x) for trace in figure.data}
    assert "Arsenal 4-1 Tottenham" in figure.layout.title.text
    assert points["Arsenal goal"] == 4 and points["Tottenham goal"] == 1
    assert sum(n for name, n in points.items() if name.startswith("Arsenal")) == 17
    assert sum(n for name, n in points.items() if name.startswith("Tottenham")) == 3


def test_chart_of_a_team_season(client: Client) -> None:
    figure = pio.from_json(client.predict("", "team_trend", "Arsenal", api_name="/chart"))
    goals = next(trace for trace in figure.data if trace.name == "goals for")
    assert list(goals.y) == [5, 4]  # Arsenal 5-0 Leeds (23 Aug), Arsenal 4-1 Tottenham (23 Nov)


def test_matches_lists_the_release(client: Client, running_app: RunningApp) -> None:
    matches = client.predict(api_name="/matches")
    assert len(matches) == len(running_app.state.tables.matches) == 20
    by_id = {m["match_id"]: m for m in matches}
    assert by_id["1903228"] == {
        "match_id": "1903228", "date": "2025-11-23", "competition": "Premier League", "season": "2025/2026",
        "home": "Arsenal", "away": "Tottenham", "home_goals": 4, "away_goals": 1,
        "label": "23 Nov 2025 · Arsenal 4-1 Tottenham",
    }  # fmt: skip
    assert [m["date"] for m in matches] == sorted((m["date"] for m in matches), reverse=True)
    arsenal = client.predict("All", "Arsenal", api_name="/matches")
    assert {m["match_id"] for m in arsenal} == {"1903128", "1903228"}


@pytest.mark.parametrize(
    ("args", "api_name", "message"),
    [
        (("x" * 501,), "/ask", "The question is 501 characters long; the limit is 500."),
        (("   ",), "/ask", "The question is empty."),
        (("1903228", "radar"), "/chart", "unknown chart kind 'radar'"),
        (("1903154", "xg_race"), "/chart", "the xG race needs xG for every shot"),
        (("42", "shot_map"), "/chart", "42"),
    ],
)
def test_known_errors_come_back_as_messages(client: Client, args: tuple, api_name: str, message: str) -> None:
    with pytest.raises(AppError) as raised:
        client.predict(*args, api_name=api_name)
    assert message in str(raised.value) and "Traceback" not in str(raised.value)


def test_concurrent_clients_all_get_their_answer(running_app: RunningApp) -> None:
    questions = [
        ("What was the score of Arsenal vs Spurs?", "Arsenal 4-1 Tottenham"),
        ("What was the score of Man City vs Man Utd?", "Man City 3-0 Man Utd"),
        ("What was the score of Fulham vs Man City?", "Fulham 4-5 Man City"),
        ("What was the score of Man Utd vs Bournemouth?", "Man Utd 4-4 Bournemouth"),
    ] * 2

    def ask(pair: tuple[str, str]) -> bool:
        return pair[1] in Client(running_app.url, verbose=False).predict(pair[0], api_name="/ask")["answer"]

    with ThreadPoolExecutor(len(questions)) as pool:
        assert all(pool.map(ask, questions))


def test_facts_charts_and_lists_do_not_wait_for_the_llm(client: Client, running_app: RunningApp) -> None:
    """Narrative answers wait in the model's line; a fact, a chart and the match list come back meanwhile."""
    if running_app.state.answerer.llm is None:
        pytest.skip("SmolLM2 is not in the model cache: no LLM to keep busy")
    line = running_app.state.lanes.model
    jobs = [client.submit(question, api_name="/ask") for question in NARRATIVES]
    wait_until(lambda: len(line) >= 3)  # one generating, at least two waiting
    fact = client.predict("What was the score of Man Utd vs Bournemouth?", api_name="/ask")
    figure = pio.from_json(client.predict("1903154", "stats_comparison", api_name="/chart"))
    listed = client.predict(api_name="/matches")
    assert "Man Utd 4-4 Bournemouth" in fact["answer"] and len(figure.data) == 2 and len(listed) == 20
    assert len(line) >= 1 and not jobs[-1].done()  # narratives were still in line when all three came back
    assert all(job.result(timeout=600)["intent"] == "narrative" for job in jobs)
