"""The raw store: one immutable gzip file a match and source, plus an index of what is stored.

Layout: ``<root>/<source>/<match_id>.json.gz`` and ``<root>/index.jsonl`` (one line a stored file:
source, match id, sha256 of the stored bytes, fetched-at, source URL, competition/season hints).
Files are written to a temporary name and renamed into place, so a reader never sees half a file,
and an existing file is never overwritten.

A match captured while it was still being played (the parser says it is not finished) is captured
again later: the new capture is stored beside the first as ``<match_id>.<fetched UTC>.json.gz``
(the first stays), and the index records whether each capture is finished. Ingest keeps one capture
a match, a finished one over one in play (``knowledge.ingest``).
"""

from __future__ import annotations

import gzip
import hashlib
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from football_rag.data.atomic_files import atomic_write_bytes, folder_lock
from football_rag.data.contracts import Source

INDEX_NAME = "index.jsonl"


class StoredFile(BaseModel):
    source: Source
    match_id: str
    path: str
    sha256: str
    fetched_at: datetime
    url: str | None = None
    competition: str | None = None
    season: str | None = None
    finished: bool | None = Field(
        default=None, description="whether the capture holds the final whistle (None: not recorded)"
    )


class RawStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, source: Source, match_id: str) -> Path:
        return self.root / source.value / f"{match_id}.json.gz"

    def capture_path(self, source: Source, match_id: str, fetched_at: datetime) -> Path:
        """Return where a later capture of an already stored match goes (the parsers read the id before the dot)."""
        stamp = fetched_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return self.root / source.value / f"{match_id}.{stamp}.json.gz"

    def has(self, source: Source, match_id: str) -> bool:
        return self.path_for(source, match_id).exists()

    def has_final(self, source: Source, match_id: str) -> bool:
        """Return whether the match is stored and needs no other capture: its latest capture is not one in play.

        A capture indexed before the store recorded ``finished`` counts as final, as it always did.
        """
        if not self.has(source, match_id):
            return False
        latest = self.latest(source, match_id)
        return latest is None or latest.finished is not False

    def latest(self, source: Source, match_id: str) -> StoredFile | None:
        """Return the index entry of the match's latest capture (None when the index does not list it)."""
        captures = [e for e in self.entries() if e.source is source and e.match_id == match_id]
        return max(captures, key=lambda e: e.fetched_at, default=None)

    def put(
        self,
        source: Source,
        match_id: str,
        text: str,
        *,
        url: str | None = None,
        fetched_at: datetime | None = None,
        competition: str | None = None,
        season: str | None = None,
        finished: bool | None = None,
    ) -> StoredFile | None:
        """Store a page's text; return ``None`` when the match is stored already and needs no other capture.

        ``finished`` is whether the page holds the final whistle. When the stored capture is one in play,
        the page is stored as a later capture beside it (``capture_path``); the first file is kept.
        """
        fetched_at = fetched_at or datetime.now(UTC)
        target = self.path_for(source, match_id)
        # two crawls at once must not interleave the index
        with folder_lock(self.root):
            if target.exists():
                if self.has_final(source, match_id):
                    return None
                target = self.capture_path(source, match_id, fetched_at)
                if target.exists():
                    return None
            # mtime=0 keeps the gzip bytes, and so the sha256, a function of the text alone.
            data = gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)
            atomic_write_bytes(target, data)
            entry = StoredFile(
                source=source,
                match_id=match_id,
                path=str(target.relative_to(self.root)),
                sha256=hashlib.sha256(data).hexdigest(),
                fetched_at=fetched_at,
                url=url,
                competition=competition,
                season=season,
                finished=finished,
            )
            with (self.root / INDEX_NAME).open("a", encoding="utf-8") as index:
                index.write(entry.model_dump_json() + "\n")
            return entry

    def entries(self) -> list[StoredFile]:
        """What the index lists, latest entry per file; files present but unindexed are not listed."""
        index = self.root / INDEX_NAME
        if not index.exists():
            return []
        latest: dict[str, StoredFile] = {}
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = StoredFile.model_validate_json(line)
                latest[entry.path] = entry
        return list(latest.values())

    def files(self) -> list[Path]:
        """Every stored raw file, sorted by source then name."""
        return sorted(self.root.glob("*/*.json.gz"))
