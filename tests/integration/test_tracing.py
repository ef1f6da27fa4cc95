"""Opik tracing: what the real SDK sends to a server, and that nothing happens when none is configured.

The server is tests/opik_server.py, a loopback recorder on 127.0.0.1: the traced process gets
``OPIK_URL_OVERRIDE`` pointing at it. The traced question runs in a subprocess so that the SDK's
import-time and exit-time behaviour (error reporting, analytics, flushing) is part of what is tested,
and an audit hook there records every host the process looks up or connects to.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from football_rag.rag.tracing import REDACTED, opik_configured, redact
from tests.conftest import REPO_ROOT
from tests.opik_server import OpikRecorder

STAGES = ["resolution", "facts", "retrieval", "generation", "grounding"]
QUESTION = "Who scored for Arsenal against Spurs?"
ANSWER = "Arsenal beat Tottenham 4-1 on 23 November 2025; Eberechi Eze scored three."
HF_TOKEN = "hf_" + "a1B2c3D4e5F6g7H8i9J0kLmNoPqR"  # credential-shaped, not a real token

# One question through the five stages (values from WhoScored match 1903228), then one whose
# grounding stage fails, then a 👍 on the first. Prints what the process saw as one JSON line.
TRACED_QUESTION = f"""
import json, sys
contacted = []
def audit(event, args):
    if event == "socket.getaddrinfo":
        contacted.append(str(args[0]))
    elif event == "socket.connect":
        contacted.append(args[1][0] if isinstance(args[1], tuple) else str(args[1]))
sys.addaudithook(audit)
from football_rag.rag.tracing import get_tracer

tracer = get_tracer()
with tracer.trace("question", input={{"question": {QUESTION!r}}}, metadata={{"prompt": "answer@v1"}}) as trace:
    with trace.span("resolution", input={{"question": {QUESTION!r}}}) as span:
        span.set_output({{"match_ids": ["1903228"], "teams": ["Arsenal", "Tottenham"]}})
    with trace.span("facts", input={{"match_ids": ["1903228"]}}) as span:
        span.set_output({{"facts": ["Arsenal 4-1 Tottenham", "Eberechi Eze 41', 46', 76'"]}}, n_facts=2)
    retrieval_input = {{"query": {QUESTION!r}, "headers": {{"Authorization": "Bearer abc.def.ghi"}}}}
    with trace.span("retrieval", input=retrieval_input) as span:
        span.set_output({{"documents": ["1903228:summary"]}})
    with trace.span("generation", input={{"prompt": "answer@v1"}}, type="llm") as span:
        span.set_output({{"text": {ANSWER!r}}})
        span.set_usage(311, 22, model="qwen2.5-1.5b")
    with trace.span("grounding", input={{"answer": {ANSWER!r}}}) as span:
        span.set_output({{"grounded": True, "unsupported": []}})
    trace.set_output({{"answer": {ANSWER!r}, "note": "token {HF_TOKEN}"}})
try:
    with tracer.trace("question", input={{"question": "Who won?"}}) as failed:
        with failed.span("grounding", input={{"answer": "Tottenham won 5-0."}}):
            raise ValueError("unsupported score 5-0")
except ValueError:
    pass
tracer.feedback(trace.id, "user_feedback", 1.0, reason="thumbs up")
flushed = tracer.flush(timeout=30)
print(json.dumps({{
    "enabled": tracer.enabled, "flushed": flushed, "trace_id": trace.id, "failed_id": failed.id,
    "opik_imported": "opik" in sys.modules, "contacted": contacted, "timings_ms": trace.timings_ms(),
}}))
"""


def _run_traced_question(env: dict[str, str]) -> tuple[dict[str, Any], float]:
    """Run TRACED_QUESTION in a fresh interpreter; return what it printed and its wall time, exit included."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", TRACED_QUESTION], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), elapsed


def _env_without_opik(home: Path) -> dict[str, str]:
    """Return this environment minus every Opik setting, with HOME at ``home`` (so no ~/.opik.config)."""
    return {key: value for key, value in os.environ.items() if not key.startswith("OPIK_")} | {"HOME": str(home)}


def test_a_traced_question_reaches_the_server_with_its_five_spans_and_feedback(tmp_path: Path) -> None:
    with OpikRecorder() as server:
        env = _env_without_opik(tmp_path) | {
            "OPIK_URL_OVERRIDE": server.url,
            "OPIK_PROJECT_NAME": "football-rag-test",
            "OPIK_API_KEY": "loopback-key-0123456789",
        }
        seen, _ = _run_traced_question(env)
        traces, spans, scores = server.traces(), server.spans(), server.trace_feedback_scores()
        unanswered, bodies = server.unanswered(), json.dumps([r.body for r in server.requests])

    assert seen["enabled"] and seen["flushed"] and seen["opik_imported"]
    assert set(seen["contacted"]) == {"127.0.0.1"}  # the recorder only: no Sentry reports, no analytics
    assert unanswered == []

    trace = next(t for t in traces if t["id"] == seen["trace_id"])
    assert trace["name"] == "question"
    assert trace["project_name"] == "football-rag-test"
    assert trace["input"] == {"question": QUESTION}
    assert trace["output"] == {"answer": ANSWER, "note": f"token {REDACTED}"}
    assert trace["metadata"] == {"prompt": "answer@v1"}
    assert trace["start_time"] <= trace["end_time"]

    mine = sorted((s for s in spans if s["trace_id"] == seen["trace_id"]), key=lambda s: s["start_time"])
    assert [s["name"] for s in mine] == STAGES
    by_name = {s["name"]: s for s in mine}
    assert by_name["resolution"]["output"] == {"match_ids": ["1903228"], "teams": ["Arsenal", "Tottenham"]}
    assert by_name["facts"]["input"] == {"match_ids": ["1903228"]}
    assert by_name["facts"]["metadata"]["n_facts"] == 2
    assert by_name["retrieval"]["input"] == {"query": QUESTION, "headers": {"Authorization": REDACTED}}
    assert by_name["retrieval"]["output"] == {"documents": ["1903228:summary"]}
    assert by_name["generation"]["type"] == "llm"
    assert by_name["generation"]["model"] == "qwen2.5-1.5b"
    assert {k: by_name["generation"]["usage"][k] for k in ("prompt_tokens", "completion_tokens", "total_tokens")} == {
        "prompt_tokens": 311,
        "completion_tokens": 22,
        "total_tokens": 333,
    }
    assert by_name["grounding"]["output"] == {"grounded": True, "unsupported": []}
    for span in mine:
        assert span["start_time"] <= span["end_time"]
        assert span["metadata"]["latency_ms"] == seen["timings_ms"][span["name"]]

    failed_span = next(s for s in spans if s["trace_id"] == seen["failed_id"])
    assert failed_span["error_info"]["exception_type"] == "ValueError"
    assert failed_span["error_info"]["message"] == "unsupported score 5-0"
    assert next(t for t in traces if t["id"] == seen["failed_id"])["error_info"]["exception_type"] == "ValueError"

    assert [(s["id"], s["name"], s["value"], s["reason"]) for s in scores] == [
        (seen["trace_id"], "user_feedback", 1.0, "thumbs up")
    ]
    for secret in (HF_TOKEN, "abc.def.ghi", "loopback-key-0123456789"):
        assert secret not in bodies


def test_with_nothing_configured_the_sdk_is_never_touched_and_exit_is_fast(tmp_path: Path) -> None:
    seen, elapsed = _run_traced_question(_env_without_opik(tmp_path))
    assert seen["enabled"] is False
    assert seen["opik_imported"] is False
    assert seen["contacted"] == []
    assert seen["trace_id"] is None
    assert list(seen["timings_ms"]) == STAGES  # spans still time themselves
    assert elapsed < 5, f"the process took {elapsed:.1f} s"


def test_opik_settings_decide_whether_tracing_is_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [key for key in os.environ if key.startswith("OPIK_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert not opik_configured()
    monkeypatch.setenv("OPIK_URL_OVERRIDE", "http://127.0.0.1:5173/api")
    assert opik_configured()
    monkeypatch.setenv("OPIK_TRACK_DISABLE", "true")
    assert not opik_configured()
    monkeypatch.delenv("OPIK_TRACK_DISABLE")
    monkeypatch.delenv("OPIK_URL_OVERRIDE")
    config = tmp_path / "opik.config"
    config.write_text("[opik]\napi_key = abc\nworkspace = analysts\n")
    monkeypatch.setenv("OPIK_CONFIG_PATH", str(config))
    assert opik_configured()


def test_redact_strips_credentials_and_keeps_token_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPIK_API_KEY", "opik-secret-value")
    payload = {
        "api_key": "x",
        "HF_TOKEN": "y",
        "password": "z",
        "usage": {"prompt_tokens": 311, "completion_tokens": 22},
        "notes": [f"use {HF_TOKEN}", "sk-" + "A" * 24, "key opik-secret-value here", "Arsenal 4-1 Tottenham"],
    }
    assert redact(payload) == {
        "api_key": REDACTED,
        "HF_TOKEN": REDACTED,
        "password": REDACTED,
        "usage": {"prompt_tokens": 311, "completion_tokens": 22},
        "notes": [f"use {REDACTED}", REDACTED, f"key {REDACTED} here", "Arsenal 4-1 Tottenham"],
    }
