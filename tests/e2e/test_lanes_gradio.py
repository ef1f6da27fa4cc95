"""The lanes' rules on the Gradio path the Space's visitors take (``/ask`` with gradio_client, the chat in a
browser), on loopback: "busy" past the model's bounded line while a fact still answers, a narrative's place in
line shown in the chat and its wait for the model timed, and each visitor's rate (forwarded by the proxy).

Holding tickets in the model's line stands in for narratives generating, so that each rule is reached at once.
Expected values are from the WhoScored files: Arsenal 4-1 Tottenham on 23 November 2025.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from football_rag.config.settings import ApiSettings
from tests.e2e.conftest import RunningApp, served_with, wait_until

pytestmark = pytest.mark.slow

SCORE_QUESTION = "What was the score of Arsenal vs Spurs?"
SCORE = "Arsenal 4-1 Tottenham on 23 November 2025"
STORY = "How did Man City control the game against Man Utd, asked in a crowd?"
HELD_S = 0.5


@pytest.fixture
def with_model(running_app: RunningApp) -> None:
    if running_app.state.answerer.llm is None:
        pytest.skip("SmolLM2 is not in the model cache: no narrative to queue")


def test_past_the_bound_ask_is_busy_and_a_fact_still_answers(
    running_app: RunningApp, tmp_path: Path, with_model: None
) -> None:
    one_waiting = ApiSettings(narrative_queue=1)
    with served_with(running_app, one_waiting, tmp_path) as (url, state), state.lanes.model.join():
        client = Client(url, verbose=False, ssl_verify=False)
        with state.lanes.model.join():  # one generating, one waiting: the line is full
            with pytest.raises(AppError) as busy:
                client.predict(STORY, api_name="/ask")
            # two answers ahead, 15 s each while none has been timed
            assert str(busy.value).startswith("The language model is busy; try again in 30 s.")
            assert SCORE in client.predict(SCORE_QUESTION, api_name="/ask")["answer"]


def test_ask_times_a_narratives_wait_for_the_model(running_app: RunningApp, with_model: None) -> None:
    line = running_app.state.lanes.model
    client = Client(running_app.url, verbose=False, ssl_verify=False)
    with line.join():  # the answer generating ahead of it
        job = client.submit("Why did Man Utd draw with Bournemouth, asked in a crowd?", api_name="/ask")
        wait_until(lambda: len(line) == 2)
        time.sleep(HELD_S)
    result = job.result(timeout=600)
    assert result["intent"] == "narrative" and result["timings_ms"]["model_wait"] >= HELD_S * 1000


def test_a_visitors_rate_holds_on_ask_and_each_forwarded_visitor_has_their_own(
    running_app: RunningApp, tmp_path: Path
) -> None:
    three = ApiSettings(questions_per_minute=3)
    with served_with(running_app, three, tmp_path) as (url, _):
        client = Client(url, verbose=False, ssl_verify=False)
        for _ in range(3):
            assert SCORE in client.predict(SCORE_QUESTION, api_name="/ask")["answer"]
        with pytest.raises(AppError) as refused:
            client.predict(SCORE_QUESTION, api_name="/ask")
        assert str(refused.value).startswith("Too many questions: 3 a minute per client; try again in ")
        # behind the Space's proxy each visitor is the address it forwards
        visitor = Client(url, verbose=False, ssl_verify=False, headers={"X-Forwarded-For": "203.0.113.7"})
        assert SCORE in visitor.predict(SCORE_QUESTION, api_name="/ask")["answer"]


def test_the_chat_shows_a_narratives_place_in_line_then_its_answer(
    page: object, running_app: RunningApp, with_model: None
) -> None:
    line = running_app.state.lanes.model
    with line.join(), line.join():  # one generating, one waiting ahead of the visitor's
        page.fill("#fr-question textarea", "Tell me the story of Arsenal vs Tottenham, asked in a crowd.")
        page.click("#fr-ask")
        page.wait_for_function(
            "() => document.querySelector('#fr-chatbot').innerText"
            ".includes('Waiting for the language model: 2 answers ahead of yours (about ')"
        )
    page.wait_for_function("() => document.querySelector('#fr-sources .fr-card')")
    conversation = page.inner_text("#fr-chatbot")
    assert "Arsenal 4-1 Tottenham on 23 November 2025" in conversation and "Waiting for" not in conversation
