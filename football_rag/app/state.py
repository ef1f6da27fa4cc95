"""What the app stands on, loaded once per process: the release's tables, the answerer, and what they cover.

``load_state`` opens the pinned release (``FOOTBALL_RAG_RELEASE``, else the hub's latest); ``state_over``
wraps tables and an answerer that are already in memory (tests, benchmarks). The Gradio app is built
from an ``AppState`` alone, so it never loads anything itself.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from football_rag.analytics.tables import MatchTables
from football_rag.app.feedback import FeedbackLog
from football_rag.app.lanes import Lanes
from football_rag.app.llm_warmup import LLMWarmup
from football_rag.config.settings import ApiSettings, Settings
from football_rag.knowledge.ingest import HINTS_FILE, CompetitionHint, load_hints
from football_rag.knowledge.release import Manifest, release_store, version_number
from football_rag.rag.answerer import Answerer
from football_rag.rag.conversation import ConversationCache
from football_rag.rag.knowledge_base import load_knowledge_base
from football_rag.rag.service import build_answerer

RELEASE_ENV = "FOOTBALL_RAG_RELEASE"


@dataclass(frozen=True)
class Coverage:
    """What the loaded data covers: how many matches, which competitions, from when to when."""

    matches: int
    teams: int
    competitions: tuple[str, ...]
    first_day: str
    last_day: str
    seasons: tuple[str, ...] = ()  # every season loaded, oldest first
    competition_seasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # each competition's

    def summary(self) -> str:
        """Return one line for the page header, e.g. ``20 matches, 18 teams (Premier League), 15 Aug 2025 to ...``;
        with several seasons loaded, each competition's: ``(Bundesliga 2024/2025; Premier League 2024/2025,
        2025/2026)``."""
        comps = ", ".join(self.competitions) or "competition not recorded"
        if len(self.seasons) > 1 and self.competition_seasons:
            comps = "; ".join(f"{c} {', '.join(seasons)}" for c, seasons in self.competition_seasons.items())
        return f"{self.matches} matches, {self.teams} teams ({comps}), {self.first_day} to {self.last_day}"


@dataclass(frozen=True)
class AppState:
    """Everything the app's events read: shared by every session, never written after start-up."""

    version: str
    tables: MatchTables = field(repr=False)
    answerer: Answerer = field(repr=False)
    coverage: Coverage
    llm: LLMWarmup = field(repr=False)
    feedback: FeedbackLog = field(repr=False)
    metrics: dict[str, float] = field(repr=False)
    lanes: Lanes = field(repr=False)
    conversations: ConversationCache = field(repr=False)
    held_back: str | None = None


def coverage_of(matches: pd.DataFrame) -> Coverage:
    """Return the coverage of a ``matches`` table (dates as ``15 Aug 2025``; empty table gives zeros and dashes)."""
    days = pd.to_datetime(matches["date"]).dropna()
    teams = set(matches["home"].dropna()) | set(matches["away"].dropna())
    labelled = matches.dropna(subset=["competition", "season"])
    return Coverage(
        matches=len(matches),
        teams=len(teams),
        competitions=tuple(sorted(c for c in matches["competition"].dropna().unique() if c)),
        first_day=f"{days.min():%-d %b %Y}" if len(days) else "-",
        last_day=f"{days.max():%-d %b %Y}" if len(days) else "-",
        seasons=tuple(sorted(str(s) for s in matches["season"].dropna().unique() if s)),
        competition_seasons={
            str(c): tuple(sorted(str(s) for s in group.unique()))
            for c, group in labelled.groupby("competition")["season"]
        },
    )


def state_over(
    tables: MatchTables,
    answerer: Answerer,
    version: str,
    home: Path,
    metrics: dict[str, float] | None = None,
    api: ApiSettings | None = None,
) -> AppState:
    """Return the app state over tables and an answerer already in memory; feedback goes to ``home``.

    ``metrics`` are the release's evaluation numbers (its manifest's), shown in the page header; ``api``
    sets the lanes and the conversations the chat and the REST API share (default ``ApiSettings()``).
    """
    api = api or ApiSettings()
    return AppState(
        version=version,
        tables=tables,
        answerer=answerer,
        coverage=coverage_of(tables.matches),
        llm=LLMWarmup(answerer.llm, primer=answerer.prompt.render("")),
        feedback=FeedbackLog(home / "feedback.jsonl", answerer.tracer),
        metrics=dict(metrics or {}),
        lanes=Lanes(api),
        conversations=ConversationCache(api.conversations, api.conversation_ttl_s),
    )


def pinned_release() -> str | None:
    """Return the release the deployment pins (``FOOTBALL_RAG_RELEASE``), or None for the hub's latest."""
    return os.environ.get(RELEASE_ENV, "").strip() or None


def load_state(settings: Settings, version: str | None = None, with_llm: bool = True) -> AppState:
    """Load release ``version`` (default: the pinned one, else the hub's latest) once and wrap it for the app.

    Raises ``NoRelease`` when the hub has nothing to load.
    """
    kb = load_knowledge_base(settings, version or pinned_release())
    hints = load_hints(settings.configs_dir / HINTS_FILE)
    kb = replace(kb, tables=with_competitions(kb.tables, kb.manifest, hints))
    answerer = build_answerer(kb, settings, with_llm)
    state = state_over(kb.tables, answerer, kb.version, settings.home, kb.manifest.metrics, settings.api)
    return replace(state, held_back=held_back_note(settings, kb.version))


def with_competitions(tables: MatchTables, manifest: Manifest, hints: Mapping[str, CompetitionHint]) -> MatchTables:
    """Return ``tables`` whose matches name a competition and season wherever the release's manifest can tell.

    WhoScored's match JSON names no competition: ingest takes it from the hint whose pattern matches the file's
    path (``configs/ingest_hints.yaml``), once, when it parses the file. A match that got none then (parsed by
    code or a hints file that did not apply, and carried over by every incremental build since, which parses
    only new files) showed "(competition not recorded)" for good. The manifest records the raw folder and each
    match's file, so the same hints are applied here to the path the release was built from.
    """
    matches = tables.matches
    missing = matches["competition"].isna() | matches["season"].isna()
    if not missing.any() or not manifest.raw_dir or not hints:
        return tables
    by_match = {
        str(record.match_id): hint
        for record in manifest.raw_files
        if record.match_id and (hint := _hint_for(Path(manifest.raw_dir) / record.path, hints))
    }
    filled = matches.copy()
    for column in ("competition", "season"):
        found = filled["match_id"].astype(str).map(lambda m, c=column: getattr(by_match.get(m), c, None))
        filled[column] = filled[column].where(filled[column].notna(), found)
    return replace(tables, matches=filled)


def _hint_for(path: Path, hints: Mapping[str, CompetitionHint]) -> CompetitionHint | None:
    """Return the first hint whose pattern matches ``path`` (as ingest matches them), or None."""
    return next((hint for pattern, hint in hints.items() if fnmatch.fnmatch(path.as_posix(), pattern)), None)


def held_back_note(settings: Settings, served: str) -> str | None:
    """Return a line saying a version newer than ``served`` was built and held back by the gate, or None."""
    held = release_store(settings).held()
    if held is None or version_number(held.version) <= version_number(served):
        return None
    reasons = [str(r) for r in held.gate.get("reasons", [])]
    why = f": {reasons[0]}" + (f" (and {len(reasons) - 1} more)" if len(reasons) > 1 else "") if reasons else ""
    return f"{held.describe()} was built and held back by the quality gate{why}"
