"""The OpenAI-compatible server backend against llama-cpp-python's own server on loopback, serving the default GGUF.

The fixture starts ``python -m llama_cpp.server`` on a free loopback port with the GGUF the default model
setting resolves to (Qwen2.5 1.5B from the model cache), and waits for it to list its model. A narrative
answer about Arsenal 4-1 Tottenham goes through ``ServerLLM`` exactly as through the in-process model: the
computed opening first, then the server's tokens one by one, checked by grounding. A server that never
answers and a port nobody listens on give one-line errors; the judge grades, and the narrative point judge gives
its verdicts, through the server. The
expected teams, score and scorers come from the tables built from the raw file. About 2-4 min on 2 cores.
"""

from __future__ import annotations

import logging
import math
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.config.model_cache import llm_model_names
from football_rag.config.settings import LLMSettings, Settings, get_settings
from football_rag.data.parsers import parse_file
from football_rag.evaluation.judge import Judge
from football_rag.evaluation.narrative_eval import load_reference
from football_rag.evaluation.narrative_judge import PointJudge
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.embeddings import embed_documents, load_embedder
from football_rag.knowledge.index import build_collection, chroma_client
from football_rag.rag.answerer import Answerer
from football_rag.rag.llm import LLMUnavailable, get_llm, gguf_path
from football_rag.rag.llm_server import ServerLLM
from tests.conftest import SEASON_DATA, require
from tests.integration.test_narrative import ARSENAL_SPURS, MAX_TOKENS, assert_narrative_about, streamed

SERVED_NAME = "qwen-served"  # the server's alias for the GGUF: what ServerLLM asks for
START_TIMEOUT_S = 300.0  # importing the server and loading 1 GiB takes minutes when the 2 cores are busy
SECRET = "sk-test-never-shown-0123456789"


def free_port() -> int:
    """Return a loopback port nobody listens on (the kernel's pick, released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(process: subprocess.Popen, base_url: str, log: Path) -> None:
    """Return once ``base_url`` lists its models; fail with the server's log if it exits or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"llama_cpp.server exited {process.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base_url}/models", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail(f"llama_cpp.server did not serve within {START_TIMEOUT_S:.0f} s: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = get_settings().llm.model
    try:
        path = gguf_path(model)
    except LLMUnavailable as error:
        pytest.skip(f"the default LLM is not in the model cache (run scripts/setup.sh): {error}")
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(path), "--model_alias", SERVED_NAME,
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--seed", "0"]  # fmt: skip
    # Its log goes to a file: llama.cpp's loading report alone would fill a pipe nobody reads, and block it.
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with log.open("w") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    try:
        base_url = f"http://127.0.0.1:{port}/v1"
        wait_until_serving(process, base_url, log)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def served(server_url: str) -> ServerLLM:
    return ServerLLM(LLMSettings(backend="openai", model=SERVED_NAME, base_url=server_url, max_tokens=MAX_TOKENS))


@pytest.fixture(scope="module")
def tables() -> MatchTables:
    require(SEASON_DATA)
    return build_tables([parse_file(SEASON_DATA / "whoscored" / f"{ARSENAL_SPURS}.json.gz")])


@pytest.fixture(scope="module")
def answerer(tables: MatchTables, served: ServerLLM, tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    documents = build_documents(tables)
    embedder = load_embedder("all-MiniLM-L6-v2")
    embeddings, _ = embed_documents(documents, embedder)
    collection = build_collection(
        chroma_client(path=Path(tmp_path_factory.mktemp("chroma"))), "served", documents, embeddings
    )
    return Answerer(tables, collection=collection, encode=embedder.encode, llm=served)


def test_the_openai_backend_is_chosen_by_settings_and_needs_a_url() -> None:
    settings = LLMSettings(backend="openai", model=SERVED_NAME, base_url=f"http://127.0.0.1:{free_port()}/v1")
    assert isinstance(get_llm(settings), ServerLLM) and get_llm(settings) is get_llm(settings)
    with pytest.raises(LLMUnavailable, match="FOOTBALL_RAG_LLM__BASE_URL is not set"):
        ServerLLM(LLMSettings(backend="openai"))
    # The server holds the weights: no command looks for them in the model cache.
    assert llm_model_names(Settings(llm=settings)) == []
    assert llm_model_names(Settings()) == [get_settings().llm.model]


@pytest.mark.slow
def test_a_narrative_answer_through_the_server_is_grounded_and_streams(answerer: Answerer, tables: MatchTables) -> None:
    pieces, answer = streamed(answerer, "How did Arsenal beat Tottenham?")
    assert_narrative_about(pieces, answer, tables, ARSENAL_SPURS)
    assert len(pieces) > 10  # the server's tokens one by one, not one block
    assert any(s.kind == "document" for s in answer.sources)


@pytest.mark.slow
def test_the_server_reports_ready_and_stops_at_max_tokens(served: ServerLLM) -> None:
    assert served.load() >= 0.0 and served.loaded and served.load() == 0.0
    stream = served.stream([{"role": "user", "content": "Name three football clubs in London."}], max_tokens=5)
    pieces = list(stream)
    done = stream.completion
    assert done is not None and done.text == "".join(pieces) and done.model == SERVED_NAME
    # llama-cpp-python's server sends no usage: one streamed chunk a token, and 5 of them when cut at 5.
    assert (done.finish_reason, done.completion_tokens, len(pieces)) == ("length", 5, 5)
    assert 0 < done.timings.first_token_s < done.timings.total_s


@pytest.mark.slow
def test_the_judge_grades_through_the_server(served: ServerLLM) -> None:
    grades = Judge(served).grade(
        "What was the score of Arsenal vs Tottenham?",
        "Arsenal beat Tottenham 4-1.",
        ["Arsenal 4-1 Tottenham (half time 2-0), 23 November 2025, Emirates Stadium"],
    )
    assert Judge(served).name == SERVED_NAME
    for aspect in ("judge_faithfulness", "judge_relevance"):
        assert not math.isnan(grades[aspect]) and grades[aspect] in {1.0, 2.0, 3.0, 4.0, 5.0}, grades
    assert "judge error" not in grades["judge_reason"]


@pytest.mark.slow
def test_the_point_judge_gives_verdicts_through_the_server(served: ServerLLM) -> None:
    # Liverpool 4-2 Bournemouth (1903117): Chiesa's 88th-minute goal made it 3-2, Gakpo was man of the match.
    liverpool = next(ref for ref in load_reference() if ref.match_id == "1903117")
    points = {f"{k}:{p.kind}": p for k, p in enumerate(liverpool.points) if p.match}
    assert list(points) == ["5:turning_point", "6:standout_player"]
    judge = PointJudge(served)
    text = "Liverpool beat Bournemouth 4-2. Federico Chiesa's goal in the 88th minute won it, 3-2 at the time."
    verdicts = judge.verdicts(points, text)
    assert judge.name == SERVED_NAME and judge.asked == 2
    # The server holds the reply to the schema too: a verdict for each point, its question and answer as the reason.
    assert set(verdicts) == set(points) and None not in [v.made for v in verdicts.values()], verdicts
    assert verdicts["5:turning_point"].reason.startswith("Who scored the winner for Liverpool? ")
    assert verdicts["6:standout_player"].reason.startswith("Who was man of the match? ")
    assert judge.verdicts(points, text) == verdicts and judge.asked == 2  # asked once per point and text


def test_a_server_that_never_answers_times_out_with_a_clear_error(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as silent:  # the kernel accepts connections into its backlog; nothing ever replies
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/v1"
        llm = ServerLLM(LLMSettings(backend="openai", base_url=url, api_key=SECRET, timeout_s=0.5, max_retries=1))
        with caplog.at_level(logging.DEBUG), pytest.raises(LLMUnavailable) as raised:
            llm.complete([{"role": "user", "content": "Hello"}])
        assert accepted(silent) == 2  # the first attempt and one retry
    message = str(raised.value)
    assert message.startswith(f"the LLM server at {url} did not answer within 0.5 s (2 attempt(s))"), message
    assert "FOOTBALL_RAG_LLM__TIMEOUT_S" in message
    assert SECRET not in message and SECRET not in caplog.text


def accepted(listening: socket.socket) -> int:
    """Return how many connections wait in ``listening``'s backlog (accepting and closing them)."""
    listening.settimeout(0.2)
    count = 0
    while True:
        try:
            connection, _ = listening.accept()
        except TimeoutError:
            return count
        connection.close()
        count += 1


def test_a_refused_connection_gives_a_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    llm = ServerLLM(LLMSettings(backend="openai", base_url=url, api_key=SECRET, max_retries=1))
    with pytest.raises(LLMUnavailable, match=r"could not be reached \(2 attempt\(s\): Connection error\.\): is it "):
        llm.load()
    with pytest.raises(LLMUnavailable) as raised:
        list(llm.stream([{"role": "user", "content": "Hello"}]))
    assert str(raised.value).startswith(f"the LLM server at {url} could not be reached")
    assert SECRET not in str(raised.value)
