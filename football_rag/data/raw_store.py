"""The raw store: one immutable gzip file a match and source, plus an index of what is stored.

Layout: ``<root>/<source>/<match_id>.json.gz`` and ``<root>/index.jsonl`` (one line a stored file:
source, match id, sha256 of the stored bytes, fetched-at, source URL, competition/season hints).
Files are written to a temporary name and renamed into place, so a reader never sees half a file,
and an existing file is never overwritten.
"""

from __future__ import annotations

import gzip
import hashlib
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

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


class RawStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, source: Source, match_id: str) -> Path:
        return self.root / source.value / f"{match_id}.json.gz"

    def has(self, source: Source, match_id: str) -> bool:
        return self.path_for(source, match_id).exists()

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
    ) -> StoredFile | None:
        """Store a page's text once; return ``None`` when that match is already stored."""
        target = self.path_for(source, match_id)
        # two crawls at once must not interleave the index
        with folder_lock(self.root):
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
                fetched_at=fetched_at or datetime.now(UTC),
                url=url,
                competition=competition,
                season=season,
            )
            with (self.root / INDEX_NAME).open("a", encoding="utf-8") as index:
                index.write(entry.model_dump_json() + "\n")
            return entry

    def entries(self) -> list[StoredFile]:
        """What the index lists, latest entry per file; files present but unindexed are not listed."""
        index = self.root / INDEX_NAME
        if not index.exists():
            return []
        latest: dict[tuple[Source, str], StoredFile] = {}
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = StoredFile.model_validate_json(line)
                latest[(entry.source, entry.match_id)] = entry
        return list(latest.values())

    def files(self) -> list[Path]:
        """Every stored raw file, sorted by source then name."""
        return sorted(self.root.glob("*/*.json.gz"))
