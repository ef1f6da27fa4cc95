"""One line of truth per raw file: what it parsed to, or why it did not."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from football_rag.data.contracts import ParseWarning
from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file


class ParseSummary(BaseModel):
    """The fields of ``football-rag parse`` (DESIGN.md's contract), one per file.

    ``warnings`` list what the parser dropped (``{field, count, reason}``); ``complete`` is false, with
    ``incomplete_reasons``, when the capture does not hold the whole match (in play, items lost).
    """

    path: str
    source: str | None = None
    match_id: str | None = None
    date: str | None = None
    competition: str | None = None
    home: str | None = None
    away: str | None = None
    home_score: int | None = None
    away_score: int | None = None
    n_events: int | None = None
    n_shots: int | None = None
    status: str | None = None
    complete: bool | None = None
    incomplete_reasons: list[str] = []
    shape: str | None = None
    warnings: list[ParseWarning] = []
    ok: bool
    error: str | None = None


def summarize_file(path: Path) -> ParseSummary:
    """Parse one file and return its summary; a rejected file yields ``ok=False`` with the path in it and the reason."""
    try:
        parsed = parse_file(path)
    except ParseError as exc:
        return ParseSummary(path=str(path), ok=False, error=str(exc))
    match = parsed.match
    score = match.score.final
    return ParseSummary(
        path=str(path),
        source=match.source.value,
        match_id=match.match_id,
        date=match.date.isoformat() if match.date else None,
        competition=match.competition,
        home=match.home.name,
        away=match.away.name,
        home_score=score.home,
        away_score=score.away,
        n_events=len(parsed.events),
        n_shots=len(parsed.shots),
        status=match.status,
        complete=match.completeness.complete,
        incomplete_reasons=list(match.completeness.reasons),
        shape=match.provenance.shape,
        warnings=list(parsed.warnings),
        ok=True,
    )
