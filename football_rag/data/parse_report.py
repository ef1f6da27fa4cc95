"""One line of truth per raw file: what it parsed to, or why it did not."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file


class ParseSummary(BaseModel):
    """The fields of ``football-rag parse`` (DESIGN.md's contract), one per file."""

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
    complete: bool | None = None
    ok: bool
    error: str | None = None


def summarize_file(path: Path) -> ParseSummary:
    """Parse one file and return its summary; a bad file yields ``ok=False`` with the reason."""
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
        complete=match.completeness.complete,
        ok=True,
    )
