"""The Gradio app as a visitor meets it: cold start, memory, and 20 concurrent API clients asking fact questions.

``python app.py`` is started on a free loopback port over the hub's release (the latest, or
``FOOTBALL_RAG_RELEASE``); the cold start is the time from process start until the page is served.
Twenty ``gradio_client`` clients then ask fact questions about the release's own matches at once
(each question once, so the answer cache does not flatter the numbers) through ``/ask``; the process's
resident memory is read from ``/proc`` when the page is up and at the end (its peak).
``python -m benchmarks.bench_app`` prints the measurements as JSON.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from football_rag.config.settings import REPO_ROOT, get_settings
from football_rag.knowledge.hub import hub_from_settings

CLIENTS = 20
QUESTIONS_PER_CLIENT = 5
SOLO_QUESTIONS = 10  # asked one after another first: the latency of an idle app
START_TIMEOUT_S = 300
QUESTION_TEMPLATES = (
    "What was the score of {home} vs {away}?",
    "Who scored when {home} played {away}?",
    "How many shots did {home} have against {away}?",
    "Who refereed {home} v {away}?",
    "What formation did {home} play against {away}?",
)


def run() -> dict[str, object]:
    """Return cold start, memory and the latencies of 20 concurrent clients (or why it was skipped)."""
    settings = get_settings()
    if not (os.environ.get("FOOTBALL_RAG_RELEASE") or hub_from_settings(settings).latest_version()):
        return {"skipped": f"no release on the hub of {settings.home}: run `football-rag build` first"}
    port = free_port()
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        app = subprocess.Popen(
            [sys.executable, "app.py"], cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
            env=os.environ | {"GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port)},
        )  # fmt: skip
        try:
            url = wait_until_served(app, port, log)
            cold_start_s = time.perf_counter() - started
            rss_up_mb = memory_mb(app.pid, "VmRSS")
            load = _concurrent_questions(url)
            peak_mb = memory_mb(app.pid, "VmHWM")
        finally:
            app.terminate()
            app.wait(30)
    return {
        "cold_start_s": round(cold_start_s, 2),
        "rss_when_up_mb": rss_up_mb,
        "rss_peak_mb": peak_mb,
        **load,
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(app: subprocess.Popen, port: int, log: object) -> str:
    """Return the app's URL once its page is served; raise with the app's output when it exits or times out."""
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if app.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"app.py exited with {app.returncode}: {log.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return url
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"the app did not serve {url} within {START_TIMEOUT_S} s")


def memory_mb(pid: int, field: str) -> float:
    """Return ``field`` (VmRSS: resident now, VmHWM: peak resident) of process ``pid`` in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise LookupError(f"{field} not in /proc/{pid}/status")


def _concurrent_questions(url: str) -> dict[str, object]:
    """Ask fact questions from 20 clients at once; return the error count, p50/p95/max latency and throughput."""
    from gradio_client import Client

    # no TLS on loopback: with verification on, gradio_client builds a certificate store for every request, which
    # costs the clients ~130 ms of CPU a question on the cores the app shares (bench_crowd measured it)
    clients = [Client(url, verbose=False, ssl_verify=False) for _ in range(CLIENTS)]
    matches = clients[0].predict(api_name="/matches")
    questions = [t.format(home=m["home"], away=m["away"]) for m in matches for t in QUESTION_TEMPLATES]
    # each question once: the first few asked alone, the rest by the 20 clients at once
    solo, shared = questions[:SOLO_QUESTIONS], questions[SOLO_QUESTIONS:]
    batches = [shared[i::CLIENTS][:QUESTIONS_PER_CLIENT] for i in range(CLIENTS)]

    def ask_all(client: Client, batch: list[str]) -> list[tuple[float, str | None]]:
        """Return (seconds, error or None) for each question of ``batch``, asked in turn."""
        timings = []
        for question in batch:
            started = time.perf_counter()
            try:
                client.predict(question, api_name="/ask")
                timings.append((time.perf_counter() - started, None))
            except Exception as exc:  # a benchmark counts failures, it does not stop at the first
                timings.append((time.perf_counter() - started, f"{type(exc).__name__}: {exc}"))
        return timings

    alone = [seconds * 1000 for seconds, _ in ask_all(clients[0], solo)]
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        outcomes = [t for timings in pool.map(ask_all, clients, batches) for t in timings]
    wall = time.perf_counter() - started
    latencies = sorted(seconds * 1000 for seconds, _ in outcomes)
    errors = [error for _, error in outcomes if error]
    return {
        "one_client_p50_ms": round(statistics.median(alone), 1),
        "clients": CLIENTS,
        "questions": len(outcomes),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)], 1),
        "max_ms": round(latencies[-1], 1),
        "questions_per_s": round(len(outcomes) / wall, 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
