"""The HTTP API on loopback, called with httpx: every route, every refusal, a conversation, the stream, the limits.

Expected values come from the WhoScored files: Arsenal 4-1 Tottenham on 23 November 2025 (half time 2-0,
Michael Oliver, Emirates Stadium, 60,345; Arsenal 17 shots, Tottenham 3), Man City 3-0 Man Utd on 14
September 2025 (Foden 18', Haaland 53' and 68'). The app serves 20 matches, 15 of them in August 2025.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import plotly.io as pio
import pytest

from football_rag.app import AppState
from football_rag.config.settings import ApiSettings
from tests.e2e.conftest import RunningApp, served_with, wait_until

pytestmark = pytest.mark.slow

SCORE_QUESTION = "What was the score of Arsenal vs Spurs?"
SCORE = "Arsenal 4-1 Tottenham on 23 November 2025 (half time 2-0)"
ROUTES = {"/healthz", "/v1/release", "/v1/ask", "/v1/ask/stream", "/v1/matches", "/v1/matches/{match_id}"}
RATE_LIMITED = ApiSettings(questions_per_minute=3)
ONE_WAITING = ApiSettings(narrative_queue=1)


@pytest.fixture(scope="module")
def api(running_app: RunningApp) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=running_app.url, timeout=600) as client:
        yield client


@contextmanager
def api_served_with(running_app: RunningApp, api: ApiSettings, home: Path) -> Iterator[tuple[httpx.Client, AppState]]:
    """An HTTP client of a second server with limits a test can reach (``served_with``), and its state."""
    with served_with(running_app, api, home) as (url, state), httpx.Client(base_url=url, timeout=600) as client:
        yield client, state


def events(response: httpx.Response) -> list[tuple[str, dict]]:
    """Return the (event, data) pairs of a server-sent event stream."""
    found, name = [], None
    for line in response.iter_lines():
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            found.append((name, json.loads(line.removeprefix("data: "))))
    return found


def test_health_and_release(api: httpx.Client, running_app: RunningApp) -> None:
    health = api.get("/healthz").json()
    assert health["status"] == "ok" and health["release"] == "e2e"
    assert health["llm"] == running_app.state.llm.status.value
    release = api.get("/v1/release").json()
    assert release["version"] == "e2e" and release["held_back"] is None
    assert release["coverage"] == {
        "matches": 20, "teams": 20, "competitions": ["Premier League"], "first_day": "15 Aug 2025",
        "last_day": "15 Dec 2025", "seasons": ["2025/2026"], "competition_seasons": {"Premier League": ["2025/2026"]},
    }  # fmt: skip


def test_openapi_documents_every_route(api: httpx.Client) -> None:
    paths = set(api.get("/openapi.json").json()["paths"])
    assert ROUTES | {"/v1/matches/{match_id}/charts/{kind}"} <= paths
    docs = api.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert api.get("/").status_code == 200  # the Gradio app, on the same port


def test_ask_answers_a_fact_with_the_cli_answer_model(api: httpx.Client) -> None:
    body = api.post("/v1/ask", json={"question": SCORE_QUESTION}).json()
    assert SCORE in body["answer"] and body["intent"] == "score" and body["matches"] == ["1903228"]
    assert body["grounded"] is True and body["unsupported"] == [] and body["release"] == "e2e"
    assert body["sources"][0]["match_id"] == "1903228" and body["facts"][0]["match_ids"] == ["1903228"]
    assert len(body["conversation_id"]) == 32 and "total" in body["timings_ms"]


def test_a_follow_up_through_the_conversation_id(api: httpx.Client) -> None:
    first = api.post("/v1/ask", json={"question": "What was the score of Man City vs Man Utd?"}).json()
    assert "Man City 3-0 Man Utd on 14 September 2025" in first["answer"]
    follow_up = api.post("/v1/ask", json={"question": "Who scored?", "conversation_id": first["conversation_id"]})
    body = follow_up.json()
    assert body["intent"] == "scorers" and body["conversation_id"] == first["conversation_id"]
    assert "Phil Foden 18' (header)" in body["answer"] and "Erling Haaland 68'" in body["answer"]
    alone = api.post("/v1/ask", json={"question": "Who scored?"}).json()  # a new conversation knows no match
    assert alone["intent"] == "clarify" and alone["conversation_id"] != first["conversation_id"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "reason"),
    [
        ("post", "/v1/ask", {"question": "   "}, 400, "The question is empty."),
        ("post", "/v1/ask", {"question": "x" * 501}, 400, "The question is 501 characters long; the limit is 500."),
        ("post", "/v1/ask/stream", {"question": ""}, 400, "The question is empty."),
        ("post", "/v1/ask", {}, 422, "question: Field required"),
        ("post", "/v1/ask", {"question": "Who scored?", "conversation_id": "gone"}, 404, "conversation 'gone' is"),
        ("get", "/v1/matches/42", None, 404, "no match '42' in release e2e"),
        ("get", "/v1/matches/42/charts/shot_map", None, 404, "no match '42'"),
        ("get", "/v1/matches/1903228/charts/radar", None, 404, "unknown chart kind 'radar'; kinds: shot_map"),
        ("get", "/v1/matches/1903154/charts/xg_race", None, 422, "the xG race needs xG for every shot"),
        ("get", "/v1/matches?date_from=2025-13-01", None, 422, "date_from: Input should be a valid date"),
        ("get", "/v1/matches?date_from=2025-09-01&date_to=2025-08-01", None, 400, "date_from 2025-09-01 is after"),
        ("get", "/v1/matches?limit=0", None, 422, "limit: Input should be greater than or equal to 1"),
    ],
)
def test_refusals_say_why(
    api: httpx.Client, method: str, path: str, body: dict | None, status: int, reason: str
) -> None:
    response = api.post(path, json=body) if method == "post" else api.get(path)
    assert response.status_code == status
    assert reason in response.json()["detail"] and "Traceback" not in response.text


def test_matches_filter_and_page(api: httpx.Client) -> None:
    everything = api.get("/v1/matches").json()
    assert everything["total"] == 20 and everything["limit"] == 50
    ids = [m["match_id"] for m in everything["matches"]]
    assert ids[:3] == ["1903490", "1903251", "1903228"] and ids[-1] == "1903117"  # latest first
    assert everything["matches"][2] == {
        "match_id": "1903228", "date": "2025-11-23", "competition": "Premier League", "season": "2025/2026",
        "home": "Arsenal", "away": "Tottenham", "home_goals": 4, "away_goals": 1,
        "label": "23 Nov 2025 · Arsenal 4-1 Tottenham",
    }  # fmt: skip
    page = api.get("/v1/matches", params={"offset": 5, "limit": 5}).json()
    assert [m["match_id"] for m in page["matches"]] == ids[5:10] and page["total"] == 20
    arsenal = api.get("/v1/matches", params={"team": "Arsenal"}).json()
    assert [m["match_id"] for m in arsenal["matches"]] == ["1903228", "1903128"]
    august = api.get("/v1/matches", params={"date_from": "2025-08-01", "date_to": "2025-08-31"}).json()
    assert august["total"] == 15
    scoped = {"competition": "Premier League", "season": "2025/2026", "team": "Man Utd", "date_from": "2025-10-01"}
    assert [m["match_id"] for m in api.get("/v1/matches", params=scoped).json()["matches"]] == ["1903490", "1903191"]
    assert api.get("/v1/matches", params={"competition": "La Liga"}).json()["total"] == 0


def test_match_detail_facts_and_key_stats(api: httpx.Client) -> None:
    match = api.get("/v1/matches/1903228").json()
    assert (match["home"], match["away"], match["home_goals"], match["away_goals"]) == ("Arsenal", "Tottenham", 4, 1)
    assert (match["referee"], match["venue"], match["attendance"]) == ("Michael Oliver", "Emirates Stadium", 60345)
    assert match["half_time"] == "2-0" and match["status"] == "finished"
    assert match["facts"][0]["text"].startswith(SCORE)
    assert "Eberechi Eze 76' for Arsenal" in match["facts"][1]["text"]
    assert match["key_stats"]["shots"] == {"home": 17.0, "away": 3.0}
    assert match["key_stats"]["possession"] == {"home": 57.4, "away": 42.6}


def test_charts_are_plotly_json(api: httpx.Client) -> None:
    figure = pio.from_json(api.get("/v1/matches/1903228/charts/shot_map").text)
    points = {trace.name: len(trace.x) for trace in figure.data}
    assert points["Arsenal goal"] == 4 and points["Tottenham goal"] == 1
    assert sum(n for name, n in points.items() if name.startswith("Arsenal")) == 17
    trend = pio.from_json(api.get("/v1/matches/1903228/charts/team_trend", params={"team": "Arsenal"}).text)
    goals = next(trace for trace in trend.data if trace.name == "goals for")
    assert list(goals.y) == [5, 4]  # Arsenal 5-0 Leeds (23 Aug), Arsenal 4-1 Tottenham (23 Nov)


def test_stream_sends_the_answer_as_events(api: httpx.Client, running_app: RunningApp) -> None:
    with api.stream("POST", "/v1/ask/stream", json={"question": "Who scored in Arsenal v Tottenham?"}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        sent = events(response)
    assert [name for name, _ in sent] == ["delta", "answer"]
    assert "Eberechi Eze 76'" in sent[0][1]["text"] and sent[1][1]["intent"] == "scorers"
    if running_app.state.answerer.llm is None:
        pytest.skip("SmolLM2 is not in the model cache: no narrative to stream")
    story = {"question": "How did Arsenal create chances against Tottenham in the REST stream?"}
    with api.stream("POST", "/v1/ask/stream", json=story) as response:
        sent = events(response)
    deltas = [data["text"] for name, data in sent if name == "delta"]
    assert sent[-1][0] == "answer" and sent[-1][1]["intent"] == "narrative" and len(deltas) > 2
    assert deltas[0].startswith(SCORE)  # the computed opening comes first, then the model's words


def test_cors_allows_the_configured_origin_only(api: httpx.Client) -> None:
    allowed = api.get("/v1/release", headers={"Origin": "https://embed.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://embed.example"
    other = api.get("/v1/release", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_past_the_rate_429_with_retry_after(running_app: RunningApp, tmp_path: Path) -> None:
    with api_served_with(running_app, RATE_LIMITED, tmp_path) as (client, _):
        for _ in range(RATE_LIMITED.questions_per_minute):
            assert client.post("/v1/ask", json={"question": SCORE_QUESTION}).status_code == 200
        for path in ("/v1/ask", "/v1/ask/stream"):
            refused = client.post(path, json={"question": SCORE_QUESTION})
            assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
            assert refused.json()["detail"].startswith("Too many questions: 3 a minute per client; try again in ")
        assert client.get("/v1/matches/1903228").status_code == 200  # only questions count
        # behind a proxy (the Space's), each visitor is the address the proxy forwards: another has its own share
        visitor = {"X-Forwarded-For": "203.0.113.7"}
        assert client.post("/v1/ask", json={"question": SCORE_QUESTION}, headers=visitor).status_code == 200


def test_a_full_model_line_is_503_busy_and_facts_still_answer(running_app: RunningApp, tmp_path: Path) -> None:
    if running_app.state.answerer.llm is None:
        pytest.skip("SmolLM2 is not in the model cache: no narrative to refuse")
    story = {"question": "How did Man City control the game against Man Utd, when the line is full?"}
    # one answer generating, one waiting: the line of a server that lets one wait is full
    with (
        api_served_with(running_app, ONE_WAITING, tmp_path) as (client, state),
        state.lanes.model.join(),
        state.lanes.model.join(),
    ):
        for path in ("/v1/ask", "/v1/ask/stream"):
            busy = client.post(path, json=story)
            assert busy.status_code == 503 and int(busy.headers["retry-after"]) >= 1
            assert busy.json()["detail"].startswith("The language model is busy; try again in ")
        assert SCORE in client.post("/v1/ask", json={"question": SCORE_QUESTION}).json()["answer"]


def test_a_fact_is_answered_while_narratives_generate(api: httpx.Client, running_app: RunningApp) -> None:
    """Three narratives hold the model; a fact asked after them comes back while they are still in its line."""
    if running_app.state.answerer.llm is None:
        pytest.skip("SmolLM2 is not in the model cache: no LLM to keep busy")
    line = running_app.state.lanes.model
    stories = [
        "Why did Man Utd draw with Bournemouth, told over REST?",
        "How did Liverpool lose to Man Utd, told over REST?",
        "How did Fulham lose to Man City, told over REST?",
    ]
    finished: list[str] = []
    lock = threading.Lock()

    def narrate(question: str) -> str:
        body = api.post("/v1/ask", json={"question": question}).json()
        with lock:
            finished.append("narrative")
        return body["intent"]

    with ThreadPoolExecutor(len(stories)) as pool:
        narratives = [pool.submit(narrate, question) for question in stories]
        wait_until(lambda: len(line) >= 2)  # one generating, one or more waiting
        fact = api.post("/v1/ask", json={"question": "What was the score of Fulham vs Man City?"}).json()
        with lock:
            finished.append("fact")
            in_line = len(line)
        assert "Fulham 4-5 Man City" in fact["answer"] and in_line >= 1
        assert [n.result(timeout=600) for n in narratives] == ["narrative"] * 3
    assert finished.index("fact") < 2  # the fact came back before at least two of the narratives
