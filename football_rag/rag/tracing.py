"""Opik tracing of question answering: one trace a question, one span a stage, 👍/👎 as feedback scores.

Configured by Opik's own settings (``OPIK_URL_OVERRIDE``, ``OPIK_API_KEY``, ``OPIK_WORKSPACE``,
``OPIK_PROJECT_NAME``, or the ``[opik]`` section of ``~/.opik.config``). With none of them set, or
``OPIK_TRACK_DISABLE`` true, tracing is off: the SDK is never imported, so nothing is sent and the
process does not stall at exit waiting for a server that is not there (ENVIRONMENT.md). Spans and
traces still time themselves when off, so callers can report latencies either way.

Each trace and span is sent once, complete, when its ``with`` block ends (the SDK's batching can lose
an update that races its create). Inputs, outputs and metadata pass through ``redact`` first.

    tracer = get_tracer()
    with tracer.trace("question", input={"question": q}) as trace:
        with trace.span("retrieval", input={"query": q}) as span:
            span.set_output({"documents": ids})
        trace.set_output({"answer": text})
    tracer.feedback(trace.id, "user_feedback", 1.0)
    tracer.flush()
"""

from __future__ import annotations

import configparser
import os
import re
import threading
import time
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import opik

SpanType = Literal["general", "tool", "llm", "guardrail"]
REDACTED = "[redacted]"
_OPIK_SETTINGS_THAT_ENABLE = ("url_override", "api_key")
_TRUE = {"1", "true", "yes", "on"}
# Opik reports errors to Sentry and usage to Comet by default; this project sends nothing it was not asked to.
_OPIK_QUIET = {"OPIK_SENTRY_ENABLE": "false", "OPIK_ANALYTICS_ENABLE": "false"}
# Key names whose values are credentials. "prompt_tokens" and friends are counts, not secrets.
_SECRET_KEY = re.compile(
    r"api[_-]?key|secret|password|passwd|authori[sz]ation|cookie|credential|bearer|(^|[_-])token$", re.IGNORECASE
)
# Credential shapes inside free text: HF and OpenAI-style tokens, bearer headers.
_SECRET_TEXT = re.compile(r"\bhf_[A-Za-z0-9]{20,}|\bsk-[A-Za-z0-9_-]{20,}|\bBearer\s+[A-Za-z0-9._~+/=-]{8,}")
_SECRET_ENV = ("OPIK_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "OPENAI_API_KEY")


def opik_configured() -> bool:
    """Return True when Opik's settings name a server or an API key and tracking is not disabled."""
    if os.environ.get("OPIK_TRACK_DISABLE", "").strip().lower() in _TRUE:
        return False
    if any(os.environ.get(f"OPIK_{name.upper()}") for name in _OPIK_SETTINGS_THAT_ENABLE):
        return True
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(Path(os.environ.get("OPIK_CONFIG_PATH") or "~/.opik.config").expanduser())
    return parser.has_section("opik") and any(
        parser.get("opik", name, fallback="") for name in _OPIK_SETTINGS_THAT_ENABLE
    )


def redact(value: Any) -> Any:
    """Return ``value`` with credential-named keys and credential-shaped text replaced by ``[redacted]``."""
    if isinstance(value, Mapping):
        return {key: REDACTED if _SECRET_KEY.search(str(key)) else redact(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [redact(item) for item in value]
    if isinstance(value, str):
        text = _SECRET_TEXT.sub(REDACTED, value)
        for secret in filter(None, map(os.environ.get, _SECRET_ENV)):
            text = text.replace(secret, REDACTED)
        return text
    return value


@dataclass
class Span:
    """One stage of answering a question: what went in, what came out, how long it took."""

    name: str
    type: SpanType
    input: dict[str, Any]
    trace_id: str | None
    id: str | None
    start_time: datetime = field(default_factory=lambda: datetime.now(UTC))
    end_time: datetime | None = None
    output: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    usage: dict[str, int] | None = None
    model: str | None = None
    error_info: dict[str, str] | None = None
    _started: float = field(default_factory=time.perf_counter, repr=False)
    latency_ms: float | None = None

    def set_output(self, output: Mapping[str, Any], **metadata: Any) -> None:
        """Record what the stage produced, and any metadata worth seeing beside it."""
        self.output = dict(output)
        self.metadata.update(metadata)

    def set_usage(self, prompt_tokens: int, completion_tokens: int, model: str | None = None) -> None:
        """Record an LLM call's token counts (the keys Opik shows as usage) and the model that ran."""
        self.usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        }
        self.model = model

    def _finish(self, error: BaseException | None) -> None:
        """Stamp the end time and latency; record ``error`` when the block raised."""
        self.latency_ms = round((time.perf_counter() - self._started) * 1000, 3)
        self.end_time = datetime.now(UTC)
        self.metadata["latency_ms"] = self.latency_ms
        if error is not None:
            self.error_info = _error_info(error)


@dataclass
class Trace:
    """One question: its spans in the order they ran, and the answer it ended with."""

    tracer: Tracer = field(repr=False)
    name: str
    input: dict[str, Any]
    id: str | None
    metadata: dict[str, Any] = field(default_factory=dict)
    thread_id: str | None = None
    start_time: datetime = field(default_factory=lambda: datetime.now(UTC))
    end_time: datetime | None = None
    output: dict[str, Any] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    error_info: dict[str, str] | None = None

    @contextmanager
    def span(self, name: str, input: Mapping[str, Any], type: SpanType = "general") -> Iterator[Span]:
        """Time the block as span ``name``; send it when the block ends, with the error if it raised."""
        span = Span(name=name, type=type, input=dict(input), trace_id=self.id, id=self.tracer._new_id())
        self.spans.append(span)
        try:
            yield span
        except BaseException as error:
            span._finish(error)
            raise
        else:
            span._finish(None)
        finally:
            self.tracer._send_span(span)

    def set_output(self, output: Mapping[str, Any], **metadata: Any) -> None:
        """Record the answer the question ended with, and any metadata worth seeing beside it."""
        self.output = dict(output)
        self.metadata.update(metadata)

    def timings_ms(self) -> dict[str, float]:
        """Return each finished span's latency in milliseconds, by span name."""
        return {span.name: span.latency_ms for span in self.spans if span.latency_ms is not None}


class Tracer:
    """Send traces to the Opik server that Opik's settings name, or nowhere when none is named."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = opik_configured() if enabled is None else enabled
        self._client: opik.Opik | None = None
        self._client_lock = threading.Lock()

    @contextmanager
    def trace(
        self,
        name: str,
        input: Mapping[str, Any],
        metadata: Mapping[str, Any] | None = None,
        thread_id: str | None = None,
    ) -> Iterator[Trace]:
        """Time the block as trace ``name``; send it when the block ends, with the error if it raised."""
        trace = Trace(self, name, dict(input), self._new_id(), dict(metadata or {}), thread_id)
        error: BaseException | None = None
        try:
            yield trace
        except BaseException as raised:
            error = raised
            raise
        finally:
            trace.end_time = datetime.now(UTC)
            trace.error_info = _error_info(error) if error is not None else None
            self._send_trace(trace)

    def feedback(self, trace_id: str | None, name: str, value: float, reason: str | None = None) -> None:
        """Attach a feedback score (e.g. 1.0 for 👍, 0.0 for 👎) to a sent trace; nothing when tracing is off."""
        if not self.enabled or trace_id is None:
            return
        score = {"id": trace_id, "name": name, "value": float(value)}
        if reason:
            score["reason"] = redact(reason)
        self._opik().log_traces_feedback_scores([score])

    def flush(self, timeout: int | None = None) -> bool:
        """Wait until everything sent so far reached the server; return False when it did not in time."""
        if self._client is None:
            return True
        return self._client.flush(timeout=timeout)

    def _new_id(self) -> str | None:
        """Return a fresh UUIDv7 (what Opik requires) when tracing is on, None when it is off."""
        if not self.enabled:
            return None
        self._opik()  # first, so the quiet settings are in place before anything imports the SDK
        from opik import id_helpers

        return id_helpers.generate_id()

    def _send_span(self, span: Span) -> None:
        """Queue ``span`` for the server (the SDK sends in the background)."""
        if not self.enabled:
            return
        self._opik().span(
            trace_id=span.trace_id,
            id=span.id,
            name=span.name,
            type=span.type,
            start_time=span.start_time,
            end_time=span.end_time,
            input=redact(span.input),
            output=redact(span.output),
            metadata=redact(span.metadata),
            usage=span.usage,
            model=span.model,
            error_info=span.error_info,
        )

    def _send_trace(self, trace: Trace) -> None:
        """Queue ``trace`` for the server."""
        if not self.enabled:
            return
        self._opik().trace(
            id=trace.id,
            name=trace.name,
            start_time=trace.start_time,
            end_time=trace.end_time,
            input=redact(trace.input),
            output=redact(trace.output),
            metadata=redact(trace.metadata),
            thread_id=trace.thread_id,
            error_info=trace.error_info,
        )

    def _opik(self) -> opik.Opik:
        """Return the SDK client, importing and creating it on first use (only ever when tracing is on)."""
        with self._client_lock:
            if self._client is None:
                for key, value in _OPIK_QUIET.items():
                    os.environ.setdefault(key, value)
                import opik

                self._client = opik.Opik()
            return self._client


def _error_info(error: BaseException) -> dict[str, str]:
    """Return the error in the shape Opik records on a failed trace or span."""
    return {
        "exception_type": type(error).__name__,
        "message": redact(str(error)),
        "traceback": redact("".join(traceback.format_exception(error))),
    }


@lru_cache(maxsize=1)
def get_tracer() -> Tracer:
    """Return the process-wide tracer, deciding on first call whether Opik is configured."""
    return Tracer()
