"""Which parser code is running: a hash of the source the parsers read files with.

Ingest keeps a file that failed to parse out of later ingests only while this hash is the one that
failed it (``knowledge.ingest.Quarantine``): a parser upgrade, committed or not, gives every rejected
file another chance. The hand-set ``PARSER_VERSION`` of each provider names a mapping in a match's
provenance; this hash changes with any edit, including the shared contracts the parsers fill.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

DATA_PACKAGE = Path(__file__).resolve().parents[1]
# The parsers package (code and its event-type table) and the modules of ``football_rag.data`` it imports.
PARSER_SOURCES = ("parsers/*.py", "parsers/*.json", "contracts.py", "coordinates.py", "errors.py")


@cache
def parser_code_version() -> str:
    """Return the hash of the running parsers' sources (read once a process)."""
    return parser_sources_hash(DATA_PACKAGE)


def parser_sources_hash(package: Path) -> str:
    """Return ``parsers-<12 hex>``: the sha256 of the parser sources under ``package``, by path and content."""
    digest = hashlib.sha256()
    for path in sorted({p for pattern in PARSER_SOURCES for p in package.glob(pattern)}):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"parsers-{digest.hexdigest()[:12]}"
