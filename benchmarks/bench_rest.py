"""REST fact answers over HTTP on loopback: ``POST /v1/ask`` p50/p95 with 1 client, with 20 at once, and
while narratives keep the model busy.

The server is a separate process (``python -m benchmarks.bench_rest serve PORT``) so that the clients do
not share its interpreter: the app (HTTP API and Gradio on one port, as served) over the demo season's
tables with the configured LLM (loaded in the background, as the app does) and no index, which fact
answers never use. The clients ask fact questions about the season's own matches with ``httpx``, each
question once (the answer cache does not flatter the numbers): first one client asking in turn, then 20
clients at once; then, once the model is loaded, 2 clients ask narrative questions for ``MIXED_S`` seconds
while 8 ask fact questions (the issue's crowd: fact latency while the model generates). The per-client rate
is lifted for the run (every client is 127.0.0.1). ``python -m benchmarks.bench_rest`` prints the
measurements as JSON.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

from benchmarks.bench_app import QUESTION_TEMPLATES, free_port, memory_mb, wait_until_served
from benchmarks.bench_questions import SEASON
from football_rag.config.settings import REPO_ROOT, ApiSettings

CLIENTS = 20
QUESTIONS_PER_CLIENT = 10
SOLO_QUESTIONS = 50
NARRATIVE_CLIENTS, FACT_CLIENTS = 2, 8
MIXED_S = 45
ANSWER_TIMEOUT_S = 600  # a narrative waits its turn behind the others: a client gives up only on a hung server
LLM_READY_S = 180
NARRATIVE_TEMPLATE = "How did {home} play against {away}?"
UNLIMITED = ApiSettings(questions_per_minute=1_000_000)


def run() -> dict[str, object]:
    """Return the fact answer latencies over HTTP with one client and with 20 (or why it was skipped)."""
    if not SEASON.is_dir():
        return {"skipped": f"no season data at {SEASON}"}
    with bench_server("benchmarks.bench_rest") as (url, server, _):
        llm = llm_loaded(url)  # first, so that loading the model does not share the cores with the clients
        matches = httpx.get(f"{url}v1/matches", params={"limit": 100}).json()["matches"]
        questions = [t.format(home=m["home"], away=m["away"]) for t in QUESTION_TEMPLATES for m in matches]
        solo, shared = questions[:SOLO_QUESTIONS], questions[SOLO_QUESTIONS:]
        alone = _ask_all(url, solo)
        crowd = _crowd(url, [shared[i::CLIENTS][:QUESTIONS_PER_CLIENT] for i in range(CLIENTS)])
        used = SOLO_QUESTIONS + CLIENTS * QUESTIONS_PER_CLIENT
        stories = [NARRATIVE_TEMPLATE.format(**m) for m in matches]
        mixed = _while_narratives(url, questions[used:], stories) if llm == "ready" else {"mixed": f"LLM {llm}"}
        rss_mb = memory_mb(server.pid, "VmHWM")
    return {
        **_summary("one_client", alone),
        "clients": CLIENTS,
        **_summary(f"{CLIENTS}_clients", crowd),
        **mixed,
        "server_rss_peak_mb": rss_mb,
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


@contextmanager
def bench_server(module: str) -> Iterator[tuple[str, subprocess.Popen, IO[bytes]]]:
    """Yield the URL, process and output of ``python -m <module> serve PORT`` once its page is served; stop it
    after."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", module, "serve", str(port)], cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            yield wait_until_served(server, port, log), server, log
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:  # uvicorn waits for answers still generating; the figures are taken
                server.kill()
                server.wait(30)


def _ask_all(url: str, questions: list[str]) -> list[tuple[float, str | None]]:
    """Return (milliseconds, error or None) for each question, asked in turn by one client."""
    timings = []
    with httpx.Client(base_url=url, timeout=ANSWER_TIMEOUT_S) as client:
        for question in questions:
            started = time.perf_counter()
            try:
                client.post("/v1/ask", json={"question": question}).raise_for_status()
                timings.append(((time.perf_counter() - started) * 1000, None))
            except httpx.HTTPError as exc:  # a benchmark counts failures, it does not stop at the first
                timings.append(((time.perf_counter() - started) * 1000, f"{type(exc).__name__}: {exc}"))
    return timings


def _crowd(url: str, batches: list[list[str]]) -> list[tuple[float, str | None]]:
    """Return every (milliseconds, error) of ``batches`` asked by one client each, all at once."""
    with ThreadPoolExecutor(len(batches)) as pool:
        return [t for timings in pool.map(lambda batch: _ask_all(url, batch), batches) for t in timings]


def llm_loaded(url: str) -> str:
    """Return the server's LLM state once it is no longer loading (or after LLM_READY_S): ready, failed, off."""
    deadline = time.monotonic() + LLM_READY_S
    while (llm := httpx.get(f"{url}healthz").json()["llm"]) in ("waiting", "loading") and time.monotonic() < deadline:
        time.sleep(1)
    return llm


def _while_narratives(url: str, facts: list[str], stories: list[str]) -> dict[str, object]:
    """Return fact latencies while narrative clients keep the model busy for MIXED_S, and the narratives finished.

    Narratives are streamed, so that a client can give up its place at the deadline (the run stays short).
    """
    stop = time.monotonic() + MIXED_S

    def ask_facts(batch: list[str]) -> list[tuple[float, str | None]]:
        timings: list[tuple[float, str | None]] = []
        for question in batch:
            if time.monotonic() > stop:
                break
            timings.extend(_ask_all(url, [question]))
        return timings

    def narrate(batch: list[str]) -> list[float]:
        finished: list[float] = []
        with httpx.Client(base_url=url, timeout=ANSWER_TIMEOUT_S) as client:
            for question in batch:
                started = time.perf_counter()
                with client.stream("POST", "/v1/ask/stream", json={"question": question}) as events:
                    # a `queue` event comes every second while it waits, text while it is written
                    for line in events.iter_lines():
                        if line == "event: answer":
                            finished.append((time.perf_counter() - started) * 1000)
                        if line == "event: answer" or time.monotonic() > stop:
                            break
                if time.monotonic() > stop:
                    return finished
        return finished

    with ThreadPoolExecutor(NARRATIVE_CLIENTS + FACT_CLIENTS) as pool:
        narratives = [pool.submit(narrate, stories[i::NARRATIVE_CLIENTS]) for i in range(NARRATIVE_CLIENTS)]
        answered = [
            t for batch in pool.map(ask_facts, [facts[i::FACT_CLIENTS] for i in range(FACT_CLIENTS)]) for t in batch
        ]
        told = [ms for future in narratives for ms in future.result()]
    return {
        **_summary("facts_while_narratives", answered),
        "narratives_finished": len(told),
        "narratives_p50_ms": round(statistics.median(told), 1) if told else None,
    }


def _summary(prefix: str, timings: list[tuple[float, str | None]]) -> dict[str, object]:
    """Return the question count, errors, p50 and p95 in ms of ``timings``, named ``<prefix>_...``."""
    latencies = sorted(ms for ms, _ in timings)
    return {
        f"{prefix}_questions": len(timings),
        f"{prefix}_errors": sum(1 for _, error in timings if error),
        f"{prefix}_p50_ms": round(statistics.median(latencies), 1),
        f"{prefix}_p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)], 1),
    }


def serve(port: int, api: ApiSettings = UNLIMITED) -> None:
    """Serve the app over the demo season's tables with the configured LLM (no index) on loopback ``port``, with
    the lanes of ``api`` (default: no per-client rate)."""
    from football_rag.analytics.tables import build_tables
    from football_rag.app import build_server, launch, state_over
    from football_rag.data.parsers import parse_file
    from football_rag.rag.answerer import Answerer
    from football_rag.rag.llm import get_llm

    tables = build_tables([parse_file(path) for path in sorted(SEASON.glob("*.json.gz"))])
    with tempfile.TemporaryDirectory() as home:
        state = state_over(tables, Answerer(tables, llm=get_llm()), "bench", Path(home), api=api)
        state.llm.start()  # in the background, as the app does: facts are answered meanwhile
        launch(build_server(state, api), server_name="127.0.0.1", server_port=port)


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(int(sys.argv[2]))
    else:
        print(json.dumps(run(), indent=2))
