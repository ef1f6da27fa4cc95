"""👍/👎 on answers: a line in ``$FOOTBALL_RAG_HOME/feedback.jsonl`` always, an Opik feedback score when traced.

The JSONL file is what the evaluation stage reads for its alerts; each line is
``{"trace_id", "question", "answer", "value" (1 or 0), "ts"}``.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from football_rag.rag.tracing import Tracer

log = logging.getLogger(__name__)

FEEDBACK_SCORE = "user_feedback"


class FeedbackLog:
    """Appends feedback lines to one file (one writer at a time) and forwards them to the tracer."""

    def __init__(self, path: Path, tracer: Tracer) -> None:
        self.path = path
        self.tracer = tracer
        self._lock = threading.Lock()

    def record(self, trace_id: str, question: str, answer: str, liked: bool, opik_trace_id: str | None = None) -> dict:
        """Append one line and send the score to Opik when the answer has a trace there; return the line."""
        line = {
            "trace_id": trace_id,
            "question": question,
            "answer": answer,
            "value": 1 if liked else 0,
            "ts": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        if opik_trace_id:
            try:
                self.tracer.feedback(opik_trace_id, FEEDBACK_SCORE, float(line["value"]))
            except Exception:  # Opik being down must not lose the user's click: the local line is written
                log.exception("could not send feedback to Opik")
        return line
