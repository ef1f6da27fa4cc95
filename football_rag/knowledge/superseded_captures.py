"""In-play captures an ingest set aside without opening a version, remembered so the next ingest skips them.

An in-play capture that arrives after the latest release already reads its match from the finished
capture changes nothing: the ingest parses it, sets it aside and, with nothing else new, opens no
version, so no manifest records it. This ledger does (``superseded.jsonl`` in the release store, one
line a capture). The next incremental ingest skips a capture listed here, without parsing it, for as
long as the parent release still reads the match from the file that superseded it; the next version
lists it in its manifest's ``superseded``, where later ingests find it as any other superseded file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from football_rag.knowledge.release import Manifest, ReleaseStore, SupersededFile

LEDGER_NAME = "superseded.jsonl"


class SupersededCaptures:
    """The ledger of captures set aside by ingests that opened no version."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self, files: Iterable[SupersededFile]) -> None:
        """Append the set-aside captures, one JSON line each (appends of one short line do not interleave)."""
        lines = [f.model_dump_json() + "\n" for f in files]
        if lines:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.writelines(lines)

    def standing(self, parent: Manifest) -> dict[str, SupersededFile]:
        """Return, by sha256, the recorded captures whose match ``parent`` still reads from their superseding file."""
        if not self.path.is_file():
            return {}
        reads_from = {(r.source, r.match_id): r.path for r in parent.raw_files}
        lines = self.path.read_text(encoding="utf-8").splitlines()
        recorded = (SupersededFile.model_validate_json(line) for line in lines if line.strip())
        return {f.sha256: f for f in recorded if reads_from.get((f.source, f.match_id)) == f.superseded_by}


def superseded_captures(releases: ReleaseStore) -> SupersededCaptures:
    """Return the ledger kept beside ``releases`` (the releases it was measured against)."""
    return SupersededCaptures(releases.root / LEDGER_NAME)
