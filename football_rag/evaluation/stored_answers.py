"""A release's own answers to its eval set, published with it, and re-used while nothing that answers changed.

Every weekly build scores the current release beside the candidate on the questions both can answer, and
those are one-match fact questions the current release already answered, with the same tables, when it was
the candidate (``evaluation.candidate``). Fact answers are computed from the tables alone (no model, no
sampling), so the same code, configs and libraries on the same release give the same answers: the release
publishes its answers with its eval set, stamped with ``answering_fingerprint()``, and the next build reads
them instead of answering ~200 questions again. Any change to the package, the configs or a library that
answers means a new fingerprint, and the current release is answered afresh. Latencies are not kept: they
belong to the run that measured them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

import football_rag
from football_rag.evaluation.eval_set import EVAL_SET_COLUMNS, EVAL_SET_TABLE
from football_rag.knowledge.datasets import read_tables

# What a results row says about the answer (``runner.answer_question``), as kept with the release.
ANSWER_COLUMNS = [
    "status", "error", "answer", "intent", "matches", "document_matches", "document_ids", "facts", "grounded",
    "unsupported",
]  # fmt: skip
FINGERPRINT_COLUMN = "answered_by"
# Libraries whose behaviour reaches a fact answer (tables, name matching, spelling, text folding, validation).
ANSWERING_LIBRARIES = ("pandas", "numpy", "pyarrow", "rapidfuzz", "pyspellchecker", "anyascii", "pydantic", "pyyaml")
# Frozen evaluation sets are never read by the code that answers: editing them must not void stored answers.
NOT_ANSWERING = ("eval/blind",)


@cache
def answering_fingerprint(configs_dir: Path) -> str:
    """Return a sha256 over the package's source, the configs that answers read, and the answering libraries."""
    digest = hashlib.sha256()
    package = Path(football_rag.__file__).parent
    for root, pattern in ((package, "*.py"), (configs_dir, "*")):
        for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
            relative = path.relative_to(root).as_posix()
            if "__pycache__" in relative or relative.startswith(NOT_ANSWERING):
                continue
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in ANSWERING_LIBRARIES:
        digest.update(f"{library}=={_installed(library)}\n".encode())
    return digest.hexdigest()


def _installed(library: str) -> str:
    try:
        return version(library)
    except PackageNotFoundError:
        return "absent"


def with_answers(eval_set: pd.DataFrame, results: pd.DataFrame, fingerprint: str) -> pd.DataFrame:
    """Return the release's ``eval_set`` table with each question's answer from ``results`` and the fingerprint."""
    answers = results.set_index("id")[ANSWER_COLUMNS]
    table = eval_set.join(answers, on="id")
    table[FINGERPRINT_COLUMN] = fingerprint
    return table


def stored_answers(release_dir: Path, ids: Collection[str], fingerprint: str) -> pd.DataFrame | None:
    """Return the release's own results rows for ``ids`` (in the runner's columns, no latency), or None when the
    release kept no answers, was answered by other code (``fingerprint``) or lacks one of the questions."""
    try:
        table = read_tables(release_dir, [EVAL_SET_TABLE])[EVAL_SET_TABLE]
    except FileNotFoundError:
        return None
    if FINGERPRINT_COLUMN not in table or not table[FINGERPRINT_COLUMN].eq(fingerprint).all():
        return None
    rows = table[table["id"].isin(set(ids))]
    if len(rows) != len(set(ids)) or rows["status"].isna().any():
        return None
    rows = rows[[*EVAL_SET_COLUMNS, *ANSWER_COLUMNS]].reset_index(drop=True)
    list_columns = ["gold", "matches", "document_matches", "document_ids", "facts", "unsupported"]
    rows[list_columns] = rows[list_columns].map(lambda v: [] if v is None else list(v))
    return rows.assign(first_token_ms=None, model_first_token_ms=None, latency_ms=float("nan"))
