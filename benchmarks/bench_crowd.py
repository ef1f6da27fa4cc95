"""A crowd on the Space's path: 20 ``gradio_client`` clients ask through ``/ask`` on loopback for a few minutes.

The server is ``bench_rest``'s (the app over the demo season's tables in its own process, the configured LLM
loaded in the background as the app loads it, no index), with the app's own per-client rate: every client
comes as its own visitor (``X-Forwarded-For``, which uvicorn trusts from loopback as it trusts the Space's
proxy) and keeps under that rate, asking at most one question every ``PACE_S``. 16 clients ask fact questions
about the season's matches, each question once (the answer cache does not flatter the numbers); 4 ask
narratives, with the model's line bounded to ``NARRATIVE_QUEUE`` waiting for the run, so that the four overflow
it and the "busy" answer is exercised (a refused client waits the seconds the message names, then asks again).

Measured: fact latency p50/p95 overall and while the model's line holds a narrative (``/healthz`` polled every
``SAMPLE_S``), narratives answered and their waits for the model (``timings_ms.model_wait``), "busy" answers,
rate refusals, errors by kind, and the server's resident memory (psutil) against the questions answered: first,
last and max, the slope in MiB per 1,000 questions after ``WARM_UP_QUESTIONS``, and "flat" when the mean of the
last 20% of those samples is within ``FLAT_BOUND`` of the first 20%'s. The run lasts
``FOOTBALL_RAG_BENCH_CROWD_S`` seconds (default 180). ``python -m benchmarks.bench_crowd`` prints JSON.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import threading
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import psutil
from gradio_client import Client

from benchmarks.bench_app import QUESTION_TEMPLATES
from benchmarks.bench_questions import SEASON
from benchmarks.bench_rest import NARRATIVE_TEMPLATE, bench_server, llm_loaded, serve
from football_rag.config.settings import ApiSettings

DURATION_ENV = "FOOTBALL_RAG_BENCH_CROWD_S"
DEFAULT_DURATION_S = 180
CLIENTS, NARRATIVE_CLIENTS = 20, 4
NARRATIVE_QUEUE = 2  # one generating and two waiting: the fourth narrative client is told "busy"
RATE = ApiSettings().questions_per_minute
PACE_S = 60 / (RATE - 2)  # each client stays under the app's per-client rate (at most 29 starts in any minute)
SAMPLE_S = 1.0
WARM_UP_QUESTIONS = 100
FLAT_BOUND = 0.03  # the last 20% of the memory samples within 3% of the first 20%
BUSY = "The language model is busy"
RATE_LIMITED = "Too many questions"
RETRY = re.compile(r"try again in (\d+) s")
# fact questions of every match, each asked once: 8 x 204 = 1,632, more than 16 clients ask in a few minutes
FACT_TEMPLATES = (
    *QUESTION_TEMPLATES,
    "Who was the man of the match in {home} v {away}?",
    "What was the attendance at {home} vs {away}?",
    "Who got booked in {home} vs {away}?",
)
PAGE = 100
REFUSAL = "gradio.exceptions.Error"  # how Gradio logs a refusal the app raised on purpose
Recorder = Callable[[float, float, dict], None]  # (started, milliseconds, the /ask result)


@dataclass
class Tally:
    """What the clients saw, shared between their threads."""

    facts: list[tuple[float, float]] = field(default_factory=list)  # (started, ms)
    narratives: list[tuple[float, float]] = field(default_factory=list)  # (ms, model_wait ms)
    busy: int = 0
    rate_limited: int = 0
    errors: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def answered(self) -> int:
        return len(self.facts) + len(self.narratives)


def run() -> dict[str, object]:
    """Return the crowd's figures (or why it was skipped)."""
    if not SEASON.is_dir():
        return {"skipped": f"no season data at {SEASON}"}
    duration_s = float(os.environ.get(DURATION_ENV, DEFAULT_DURATION_S))
    with bench_server("benchmarks.bench_crowd") as (url, server, log):
        if (llm := llm_loaded(url)) != "ready":
            return {"skipped": f"the LLM is {llm}: no narratives to run against"}
        measured = _crowd(url, psutil.Process(server.pid), _every_match(url), duration_s)
        log.seek(0)
        failures = _server_exceptions(log.read().decode(errors="replace"))
    return {
        "duration_s": duration_s,
        "clients": CLIENTS,
        "narrative_clients": NARRATIVE_CLIENTS,
        **measured,
        "server_exceptions": failures,
    }


def _server_exceptions(log: str) -> dict[str, int]:
    """Return the server's unexpected exceptions by their message (a client sees only "the app has raised"); the
    refusals the clients count themselves (``gr.Error``: busy, rate) are left out."""
    blocks = log.split("Traceback (most recent call last):")[1:]
    found = (
        next((line for line in b.splitlines() if re.match(r"^\w[\w.]*(Error|Exception)\b", line)), "?") for b in blocks
    )
    return dict(Counter(line for line in found if not line.startswith(REFUSAL)))


def _every_match(url: str) -> list[dict]:
    """Return every match the server lists, page by page."""
    found: list[dict] = []
    while True:
        page = httpx.get(f"{url}v1/matches", params={"limit": PAGE, "offset": len(found)}).json()
        found += page["matches"]
        if not page["matches"] or len(found) >= page["total"]:
            return found


def _crowd(url: str, server: psutil.Process, matches: list[dict], duration_s: float) -> dict[str, object]:
    """Run the clients for ``duration_s`` while sampling the line and the server's memory; return the figures."""
    facts = [t.format(home=m["home"], away=m["away"]) for t in FACT_TEMPLATES for m in matches]
    stories = [NARRATIVE_TEMPLATE.format(**m) for m in matches]
    fact_clients = CLIENTS - NARRATIVE_CLIENTS
    tally, samples, line = Tally(), [], []
    stop = time.monotonic() + duration_s
    loads = [os.getloadavg()[0]]

    def sample() -> None:
        with httpx.Client(base_url=url, timeout=10) as probe:
            while time.monotonic() < stop:
                line.append((time.monotonic(), probe.get("/healthz").json()["narratives_in_line"]))
                samples.append((tally.answered, server.memory_info().rss / 2**20))
                loads.append(os.getloadavg()[0])
                time.sleep(SAMPLE_S)

    def client(i: int) -> Client:
        # no TLS on loopback: with verification on, gradio_client builds a certificate store for every request
        # (~130 ms of the clients' CPU a question, which on 2 shared cores made the latencies the clients' own)
        return Client(url, verbose=False, ssl_verify=False, headers={"X-Forwarded-For": f"198.51.100.{i + 1}"})

    def ask_facts(i: int) -> None:
        _pace(client(i), facts[i::fact_clients], stop, tally, _fact_recorder(tally), "fact")

    def ask_stories(i: int) -> None:
        asked = stories[i::NARRATIVE_CLIENTS]
        _pace(client(fact_clients + i), asked, stop, tally, _narrative_recorder(tally), "narrative")

    with ThreadPoolExecutor(CLIENTS + 1) as pool:
        jobs = [pool.submit(sample)]
        jobs += [pool.submit(ask_facts, i) for i in range(fact_clients)]
        jobs += [pool.submit(ask_stories, i) for i in range(NARRATIVE_CLIENTS)]
        for job in jobs:
            job.result()
    return {
        **_fact_figures(tally.facts, line),
        **_narrative_figures(tally.narratives),
        "busy_answers": tally.busy,
        "rate_limited": tally.rate_limited,
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
        **_memory_figures(samples),
        "load_average_1m_min": round(min(loads), 2),
        "load_average_1m_max": round(max(loads), 2),
    }


def _pace(client: Client, questions: list[str], stop: float, tally: Tally, record: Recorder, kind: str) -> None:
    """Ask ``questions`` (of ``kind``: fact or narrative) in turn until ``stop``, one at most every ``PACE_S``."""
    for question in questions:
        started = time.monotonic()
        if started >= stop:
            return
        _ask_until_taken(client, question, stop, tally, record, kind)
        time.sleep(max(0.0, started + PACE_S - time.monotonic()))


def _ask_until_taken(client: Client, question: str, stop: float, tally: Tally, record: Recorder, kind: str) -> None:
    """Ask ``question`` until it is answered, fails or ``stop`` comes (an answer not back by then is let go);
    a refusal is counted and asked again after the seconds it names."""
    while (started := time.monotonic()) < stop:
        try:
            result = client.submit(question, api_name="/ask").result(timeout=stop - started)
        except TimeoutError:
            return
        except Exception as exc:  # a benchmark counts failures, it does not stop at the first
            if _refused(tally, str(exc), stop):
                continue
            with tally.lock:
                tally.errors[f"{kind}: {type(exc).__name__}: {str(exc)[:80]}"] += 1
            return
        record(started, (time.monotonic() - started) * 1000, result)
        return


def _refused(tally: Tally, message: str, stop: float) -> bool:
    """Return whether ``message`` is a refusal (busy or rate) after counting it and waiting what it asks."""
    if BUSY not in message and RATE_LIMITED not in message:
        return False
    with tally.lock:
        if BUSY in message:
            tally.busy += 1
        else:
            tally.rate_limited += 1
    wait = RETRY.search(message)
    time.sleep(min(float(wait.group(1)) if wait else 1.0, max(0.0, stop - time.monotonic())))
    return True


def _fact_recorder(tally: Tally) -> Recorder:
    def record(started: float, ms: float, _: dict) -> None:
        with tally.lock:
            tally.facts.append((started, ms))

    return record


def _narrative_recorder(tally: Tally) -> Recorder:
    def record(_: float, ms: float, result: dict) -> None:
        with tally.lock:
            tally.narratives.append((ms, result["timings_ms"].get("model_wait", 0.0)))

    return record


def _fact_figures(facts: list[tuple[float, float]], line: list[tuple[float, int]]) -> dict[str, object]:
    """Return fact latencies overall and for the facts asked while a narrative was in the model's line."""
    times = [t for t, _ in line]

    def busy_at(started: float) -> bool:
        at = bisect_right(times, started) - 1
        return at >= 0 and line[at][1] > 0

    busy = [ms for started, ms in facts if busy_at(started)]
    return {
        **_percentiles("facts", [ms for _, ms in facts]),
        **_percentiles("facts_while_llm_busy", busy),
        "share_of_time_llm_busy": round(sum(1 for _, n in line if n) / max(1, len(line)), 3),
    }


def _narrative_figures(narratives: list[tuple[float, float]]) -> dict[str, object]:
    """Return the narratives answered, their latency and their waits for the model."""
    return {
        **_percentiles("narratives", [ms for ms, _ in narratives]),
        **_percentiles("narrative_model_wait", [wait for _, wait in narratives]),
    }


def _percentiles(prefix: str, values: list[float]) -> dict[str, object]:
    """Return ``<prefix>_answered``, ``_p50_ms``, ``_p95_ms`` and ``_max_ms`` of ``values`` (None when empty)."""
    ordered = sorted(values)
    pick = (lambda q: round(ordered[min(len(ordered) - 1, int(len(ordered) * q))], 1)) if ordered else (lambda q: None)
    return {
        f"{prefix}_answered": len(ordered),
        f"{prefix}_p50_ms": round(statistics.median(ordered), 1) if ordered else None,
        f"{prefix}_p95_ms": pick(0.95),
        f"{prefix}_max_ms": pick(1.0),
    }


def _memory_figures(samples: list[tuple[int, float]]) -> dict[str, object]:
    """Return the server's resident memory (MiB) over the questions answered, its slope and the flat verdict."""
    settled = [(n, mib) for n, mib in samples if n >= WARM_UP_QUESTIONS]
    figures: dict[str, object] = {
        "rss_first_mb": round(samples[0][1], 1),
        "rss_last_mb": round(samples[-1][1], 1),
        "rss_max_mb": round(max(mib for _, mib in samples), 1),
        "questions_sampled": samples[-1][0],
    }
    if len(settled) < 10 or settled[-1][0] == settled[0][0]:
        return figures | {"rss_verdict": "too few questions after the warm-up to judge"}
    fifth = len(settled) // 5
    first = statistics.fmean(mib for _, mib in settled[:fifth])
    last = statistics.fmean(mib for _, mib in settled[-fifth:])
    slope = statistics.linear_regression([n for n, _ in settled], [mib for _, mib in settled]).slope
    return figures | {
        "rss_after_warm_up_first_20pct_mb": round(first, 1),
        "rss_last_20pct_mb": round(last, 1),
        "rss_slope_mb_per_1000_questions": round(slope * 1000, 2),
        "rss_verdict": "flat" if last <= first * (1 + FLAT_BOUND) else f"grew more than {FLAT_BOUND:.0%}",
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(int(sys.argv[2]), ApiSettings(narrative_queue=NARRATIVE_QUEUE))
    else:
        print(json.dumps(run(), indent=2))
