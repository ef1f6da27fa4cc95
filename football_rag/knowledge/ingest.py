"""Incremental ingest: which raw files are new, parse only those, and merge them into the parent's tables.

A raw file is known by the sha256 of its bytes. ``plan_ingest`` compares the raw folder with the
parent release's manifest (and the quarantine of files that failed before): a file is new when
neither has seen its sha256. ``run_ingest`` parses the new files (a process pool over the cores
when there are enough of them), quarantines the bad ones with their reason and goes on, builds
tables for the good ones and merges them with the parent's tables: rows of a match that was parsed
again replace the parent's rows of that match, everything else is kept. The same raw data again
gives an empty plan: nothing is parsed and no version is made.

Competition and season: WhoScored's saved JSON (the season corpus) does not name its competition.
A file's hint comes, in this order, from the raw store's ``index.jsonl`` entry (the crawler records
competition and season there) or from the first pattern of ``configs/ingest_hints.yaml`` that
matches the file's absolute path (``fnmatch``, so ``*`` crosses folders). A parser's own value (a
saved HTML page's breadcrumb) always wins over a hint.

Captures of one match: a raw folder may hold several files of the same match, e.g. one saved while
the match was being played (``Match.status`` not finished) and a later, finished one (the raw store
keeps both). One capture a match is kept: a finished one over one in play, then the later fetch (the
raw store's index), then the one with more events. The others are recorded as superseded in the
version's manifest, so they are never parsed again, and a capture in play never replaces a finished
one the parent holds. The files themselves stay where they are. An in-play capture that arrives after
its finished capture was released, with nothing else new, opens no version: the ledger beside the
releases (``knowledge.superseded_captures``) records it instead, so the next ingest skips it unparsed
(``IngestPlan.set_aside``) and the next version's manifest lists it as superseded.

Rejected files: the quarantine is kept per parser code version (``parser_code_version``, a hash of
the parsers' source). After a parser upgrade every rejected file is parsed again; the report names
the ones that now parse (``recovered``) with the error they had.

Memory: the parsed matches wait on disk (``knowledge.spilled``, a folder under the release store's ``.work``
removed at the end) while captures are chosen on their headers, and the tables are built a group of matches at a
time (``knowledge.match_groups``), so an ingest holds one group's parsed matches, not every season's. The events,
most of the tables, are never held whole (``knowledge.events_merge``): a full ingest writes each group's to a file of
their own and the version's file from them a match at a time; an increment merges the week's into the parent's file a
row group at a time. Either way they are handed on read by match from the version's scratch folder, and the xG step
decodes them a batch of matches at a time (``fill_missing_xg``).

Known limit: FotMob records are linked to WhoScored matches parsed in the same ingest only. A FotMob
file arriving after its WhoScored match was released stays unlinked; ``data_quality`` counts such
records (``new_records_not_whoscored``) and a full ingest (``full=True``) links everything again.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from datetime import UTC, datetime
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, Field

from football_rag.analytics.table_index import RowsOf
from football_rag.analytics.tables import SHOT_FIGURES, MatchTables, build_tables, concat_parts, fill_xg, with_shots
from football_rag.analytics.xg_refit import unscored_shots
from football_rag.config.settings import REPO_ROOT, Settings
from football_rag.data.contracts import FINISHED, ParsedMatch, Source
from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file
from football_rag.data.parsers.season import season_of
from football_rag.data.parsers.version import parser_code_version
from football_rag.data.raw_store import INDEX_NAME, RawStore, StoredFile
from football_rag.knowledge.datasets import Tables, TableSet, read_tables, table_path
from football_rag.knowledge.events_merge import EVENTS, write_events
from football_rag.knowledge.index import IndexHandle
from football_rag.knowledge.match_groups import grouped_tables
from football_rag.knowledge.release import (
    CodeVersion,
    Manifest,
    RawFileRecord,
    Rejection,
    ReleaseStore,
    SupersededFile,
    code_version,
    release_store,
    sha256_of,
)
from football_rag.knowledge.rows_on_disk import RowsOnDisk
from football_rag.knowledge.spilled import SpilledMatch, spill_folder
from football_rag.knowledge.superseded_captures import SupersededCaptures, superseded_captures

log = logging.getLogger(__name__)

RAW_SUFFIXES = (".json.gz", ".json", ".html", ".htm", ".html.gz", ".csv")
DEMO_RAW_DIR = REPO_ROOT.parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
HINTS_FILE = "ingest_hints.yaml"
QUARANTINE_NAME = "quarantine.jsonl"
# Below this many new files a process pool costs more (interpreter start-up, moving parsed matches back
# to this process) than it saves: a matchweek parses in this process.
POOL_MIN_FILES = 32

Parsed = TypeVar("Parsed", ParsedMatch, SpilledMatch)


class CompetitionHint(BaseModel):
    """Competition and season to give matches whose file does not name them."""

    competition: str | None = None
    season: str | None = None


class RawFile(BaseModel):
    """A raw file found in the raw folder, with its content hash and the hint that applies to it."""

    path: str
    relpath: str
    sha256: str
    hint: CompetitionHint = Field(default_factory=CompetitionHint)
    fetched_at: datetime | None = Field(default=None, description="when the raw store fetched it (None: not known)")


class IngestPlan(BaseModel):
    """What an ingest will do: the parent it builds on, whether it re-uses the parent's tables, the files to parse."""

    raw_dir: str
    parent: str | None
    incremental: bool = Field(description="merge into the parent's tables (False: rebuild from every raw file)")
    code: CodeVersion = Field(description="the code that will parse: a new commit re-parses instead of re-using")
    files_seen: int
    new: list[RawFile]
    unchanged: int
    quarantined: list[Rejection] = Field(description="files skipped because they failed before with the same bytes")
    retried: list[Rejection] = Field(
        default_factory=list,
        description="new files that another parser code version rejected (their earlier error): parsed again",
    )
    missing: list[str] = Field(
        description="files of the parent release no longer in the raw folder (their data is kept)"
    )
    set_aside: list[SupersededFile] = Field(
        default_factory=list,
        description="in-play captures an earlier ingest left out for a file of the parent (skipped, not parsed)",
    )


class IngestReport(BaseModel):
    """What an ingest did: the version it opened (None: nothing new), counts, rejections, quality, timings."""

    version: str | None
    raw_dir: str
    parent: str | None
    files_seen: int
    new_files: int
    unchanged: int
    parsed: int
    rejected: list[Rejection]
    quarantined: list[Rejection] = Field(description="files in the raw folder that failed before and were skipped")
    missing: int
    matches_total: int
    new_match_ids: list[str]
    replaced_match_ids: list[str]
    recovered: list[Rejection] = Field(
        default_factory=list, description="files another parser code version rejected that now parse (earlier error)"
    )
    raw_files: list[RawFileRecord]
    superseded: list[SupersededFile] = Field(
        default_factory=list, description="raw files of matches read from a later capture (the parent's too)"
    )
    quality: dict[str, float | int | str]
    timings_s: dict[str, float]


def default_raw_dir(settings: Settings) -> Path:
    """Return ``FOOTBALL_RAG_RAW_DIR``, else the demo season beside the repo when present, else the raw store."""
    if settings.raw_dir:
        return settings.raw_dir
    return DEMO_RAW_DIR if DEMO_RAW_DIR.is_dir() else settings.raw_store_dir


def load_hints(path: Path) -> dict[str, CompetitionHint]:
    """Return ``{path pattern: hint}`` from a competitions YAML file (empty when the file is absent)."""
    if not path.is_file():
        return {}
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        pattern: CompetitionHint.model_validate(hint)
        for pattern, hint in (document.get("competition_hints") or {}).items()
    }


def scan_raw_dir(raw_dir: Path, hints: Mapping[str, CompetitionHint]) -> list[RawFile]:
    """Return every raw file under ``raw_dir`` (sorted by path) with its sha256 and competition hint."""
    root = raw_dir.absolute()
    stored = _raw_store_entries(root)
    found = sorted(
        p for p in root.rglob("*") if p.is_file() and p.name.endswith(RAW_SUFFIXES) and not p.name.startswith(".")
    )
    files = []
    for path in found:
        relpath = path.relative_to(root).as_posix()
        entry = stored.get(relpath)
        hint = _store_hint(entry) or _pattern_hint(path, hints)
        fetched_at = entry.fetched_at if entry else None
        files.append(RawFile(path=str(path), relpath=relpath, sha256=sha256_of(path), hint=hint, fetched_at=fetched_at))
    return files


def _raw_store_entries(root: Path) -> dict[str, StoredFile]:
    """Return the raw store index's entries (hints, fetch times), by file path relative to ``root``."""
    if not (root / INDEX_NAME).is_file():
        return {}
    return {entry.path: entry for entry in RawStore(root).entries()}


def _store_hint(entry: StoredFile | None) -> CompetitionHint | None:
    """Return the competition and season the raw store recorded for a file, None when it recorded neither."""
    if entry is None or not (entry.competition or entry.season):
        return None
    return CompetitionHint(competition=entry.competition, season=entry.season)


def _pattern_hint(path: Path, hints: Mapping[str, CompetitionHint]) -> CompetitionHint:
    """Return the hint of the first pattern matching the file's absolute path, or an empty hint."""
    target = path.as_posix()
    return next((hint for pattern, hint in hints.items() if fnmatch.fnmatch(target, pattern)), CompetitionHint())


class Quarantine:
    """Raw files that failed to parse, by sha256: skipped until their bytes (or the parser code) change."""

    def __init__(self, path: Path, code_version: str) -> None:
        self.path = path
        self.code_version = code_version

    def entries(self) -> dict[str, Rejection]:
        """Return the rejections recorded by this code version, by sha256."""
        return self._read(lambda version: version == self.code_version)

    def earlier(self) -> dict[str, Rejection]:
        """Return the latest rejection of each file by another code version, by sha256 (files to try again)."""
        return self._read(lambda version: version != self.code_version)

    def _read(self, by: Callable[[str | None], bool]) -> dict[str, Rejection]:
        """Return the rejections whose code version ``by`` accepts, the latest of each file, by sha256."""
        if not self.path.is_file():
            return {}
        found = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if by(record.get("code_version")):
                found[record["sha256"]] = Rejection.model_validate({k: record[k] for k in ("path", "sha256", "error")})
        return found

    def add(self, rejections: Iterable[Rejection]) -> None:
        """Append rejections, one JSON line each (appends of one short line do not interleave)."""
        now = datetime.now(UTC).isoformat()
        lines = [
            json.dumps({**r.model_dump(), "code_version": self.code_version, "at": now}) + "\n" for r in rejections
        ]
        if lines:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.writelines(lines)


def home_quarantine(settings: Settings) -> Quarantine:
    """Return the quarantine of the configured home, for the running parser code."""
    return Quarantine(settings.home / QUARANTINE_NAME, parser_code_version())


def plan_for_settings(settings: Settings, raw_dir: Path | None = None, full: bool = False) -> IngestPlan:
    """Return the ingest plan of ``raw_dir`` (default ``default_raw_dir``) against the home's latest release."""
    hints = load_hints(settings.configs_dir / HINTS_FILE)
    folder = raw_dir or default_raw_dir(settings)
    if not folder.is_dir():
        raise FileNotFoundError(f"raw folder {folder} does not exist (set FOOTBALL_RAG_RAW_DIR)")
    releases = release_store(settings)
    return plan_ingest(folder, releases.latest(), home_quarantine(settings), hints, full, superseded_captures(releases))


def plan_ingest(
    raw_dir: Path,
    parent: Manifest | None,
    quarantine: Quarantine,
    hints: Mapping[str, CompetitionHint],
    full: bool = False,
    superseded: SupersededCaptures | None = None,
) -> IngestPlan:
    """Return which files of ``raw_dir`` are new against ``parent`` and which the quarantine and ``superseded`` skip.

    With ``full`` (or no parent) every file is new and the parent's tables are not re-used; the
    parent stays the new version's parent.
    """
    files = scan_raw_dir(raw_dir, hints)
    incremental = parent is not None and not full
    known = {record.sha256 for record in (*parent.raw_files, *parent.superseded)} if incremental else set()
    set_aside = superseded.standing(parent) if incremental and parent and superseded else {}
    failed = quarantine.entries()
    present = {f.sha256 for f in files}
    new = [f for f in files if f.sha256 not in known and f.sha256 not in failed and f.sha256 not in set_aside]
    # Rejected by other parser code (the home's quarantine, or the parent's manifest on a fresh home).
    rejected_before = {**{r.sha256: r for r in (parent.rejected if parent else [])}, **quarantine.earlier()}
    return IngestPlan(
        raw_dir=str(raw_dir.absolute()),
        parent=parent.version if parent else None,
        incremental=incremental,
        code=code_version(),
        files_seen=len(files),
        new=new,
        unchanged=sum(f.sha256 in known for f in files),
        quarantined=[failed[f.sha256] for f in files if f.sha256 in failed and f.sha256 not in known],
        retried=[rejected_before[f.sha256] for f in new if f.sha256 in rejected_before],
        missing=sorted(r.path for r in parent.raw_files if r.sha256 not in present) if incremental else [],
        set_aside=[set_aside[f.sha256] for f in files if f.sha256 in set_aside and f.sha256 not in known],
    )


def parse_raw_files(
    files: Sequence[RawFile], workers: int | None = None
) -> tuple[list[tuple[RawFile, ParsedMatch]], list[Rejection]]:
    """Parse ``files`` (in a process pool when there are enough of them); return (file, match) pairs and rejections.

    Any exception a file raises rejects that file alone: a parser bug on odd input must not stop the batch.
    """
    return _parse_all(files, _parse_one, workers)


def spill_raw_files(
    files: Sequence[RawFile], folder: Path, workers: int | None = None
) -> tuple[list[tuple[RawFile, SpilledMatch]], list[Rejection]]:
    """Parse ``files`` as ``parse_raw_files`` does, each match pickled into ``folder``; return (file, spilled) pairs.

    The parsed matches stay on disk: this process (and the pool's pipe) carries only their light records.
    """
    return _parse_all(files, partial(_spill_one, folder=folder), workers)


def _parse_all(
    files: Sequence[RawFile], parse: Callable[[RawFile], tuple[Parsed | None, str | None]], workers: int | None
) -> tuple[list[tuple[RawFile, Parsed]], list[Rejection]]:
    """Run ``parse`` on every file (a process pool when there are enough); return (file, result) pairs, rejections."""
    workers = workers or min(2, os.cpu_count() or 1)
    if workers > 1 and len(files) >= POOL_MIN_FILES:
        # spawn, not fork: the parent may hold threads (ZenML's log capture, torch) that fork would copy mid-lock.
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            outcomes = list(pool.map(parse, files, chunksize=max(1, len(files) // (workers * 4))))
    else:
        outcomes = [parse(raw) for raw in files]
    parsed, rejected = [], []
    for raw, (result, error) in zip(files, outcomes, strict=True):
        if result is None:
            rejected.append(Rejection(path=raw.relpath, sha256=raw.sha256, error=error or "unknown error"))
            log.warning("quarantined %s: %s", raw.relpath, error)
        else:
            parsed.append((raw, result))
    return parsed, rejected


def _spill_one(raw: RawFile, folder: Path) -> tuple[SpilledMatch | None, str | None]:
    """Return the light record of the file's match, pickled into ``folder``, or why it failed (a pool worker)."""
    parsed, error = _parse_one(raw)
    return (SpilledMatch.write(parsed, folder / f"{uuid.uuid4().hex}.pickle") if parsed else None), error


def _parse_one(raw: RawFile) -> tuple[ParsedMatch | None, str | None]:
    """Return the parsed match, with the file's hint, or the reason it failed (a pool worker: it must not raise)."""
    try:
        return _with_hint(parse_file(Path(raw.path)), raw.hint), None
    except ParseError as exc:
        return None, f"{exc.reason}" + (f" (field {exc.field})" if exc.field else "")
    except Exception as exc:  # a parser bug on odd input rejects this file only
        return None, f"{type(exc).__name__}: {exc}"


def _with_hint(parsed: ParsedMatch, hint: CompetitionHint) -> ParsedMatch:
    """Return ``parsed`` with the hint's competition/season where the file named none.

    A file that names no competition names no season either (a saved page's breadcrumb names both): its season is
    the parser's guess from the date, so the hint's season, else the season as the hint's competition names it
    ("2026" for MLS), replaces it.
    """
    update = {}
    if hint.competition and not parsed.match.competition:
        day = parsed.match.date
        update["competition"] = hint.competition
        update["season"] = hint.season or (season_of(day, hint.competition) if day else parsed.match.season)
    elif hint.season and not parsed.match.season:
        update["season"] = hint.season
    if not update:
        return parsed
    return parsed.model_copy(update={"match": parsed.match.model_copy(update=update)})


def match_tables(parsed: Sequence[ParsedMatch]) -> Tables:
    """Return the analytics tables of ``parsed`` by name (the fields of ``MatchTables``)."""
    return tables_by_name(build_tables(parsed))


def tables_by_name(tables: MatchTables) -> Tables:
    """Return the tables of a ``MatchTables`` as a dict keyed by table name."""
    return {f.name: getattr(tables, f.name) for f in fields(tables)}


def as_match_tables(tables: Mapping[str, pd.DataFrame]) -> MatchTables:
    """Return the ``MatchTables`` held by a dict of tables (extra tables, e.g. documents, are left out)."""
    return MatchTables(**{f.name: tables[f.name] for f in fields(MatchTables)})


# The column a table's rows are keyed by when it is not ``match_id`` (the FotMob-to-WhoScored links).
MERGE_KEYS = {"links": "fotmob_id"}


def merge_tables(parent: Mapping[str, pd.DataFrame], new: Mapping[str, pd.DataFrame], match_ids: set[str]) -> Tables:
    """Return the parent's tables with the rows of the re-parsed records replaced by ``new``'s rows.

    A table keyed by ``match_id`` drops the parent's rows of ``match_ids``; a table in ``MERGE_KEYS``
    drops the parent's rows whose key the new table holds. A parent table with neither key cannot be
    merged and is an error.
    """
    merged: Tables = {}
    for name in dict.fromkeys([*new, *parent]):
        frames = []
        if name in parent:
            frames.append(_without_replaced(name, parent[name], new.get(name), match_ids))
        if name in new:
            frames.append(new[name])
        frames = [f for f in frames if not f.empty] or frames[:1]
        merged[name] = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    return merged


# Matches whose team and player figures are computed again at once: a full build scores every match's shots, and
# decoding every match's events at once would hold them all (a season: 121 MiB in memory, ten seasons ten times).
XG_BATCH_MATCHES = 64


def fill_missing_xg(
    tables: Mapping[str, pd.DataFrame | RowsOf],
    predict: Callable[[pd.DataFrame], np.ndarray],
    source: str,
    batch: int = XG_BATCH_MATCHES,
) -> Tables:
    """Return the match tables with ``predict``'s xG on every shot lacking one (``analytics.tables.apply_xg``).

    Only the matches holding such shots are recomputed, then merged back as an ingest merges re-parsed
    matches: team and player figures are per match, so a matchweek's increment rescores 10 matches'
    figures instead of the season's (1.5 of the xG step's 7 s at 204 matches). A full ingest, where no
    shot has a model's xG yet, recomputes every match, ``batch`` matches at a time (their events decoded for them
    alone); every shot is scored in one call, as one pass over all the matches scores them.
    """
    by_name = tables_by_name(as_match_tables(tables))
    shots = by_name["shots"]
    unscored = set(shots.loc[unscored_shots(shots), "match_id"].astype(str))
    if not unscored:
        return by_name
    scored = {**by_name, "shots": fill_xg(shots, predict, source)}
    ordered = [m for m in dict.fromkeys(scored["matches"]["match_id"].astype(str)) if m in unscored]
    parts = [_figured(scored, set(ordered[start : start + batch])) for start in range(0, len(ordered), batch)]
    recomputed = {name: concat_parts([part[name] for part in parts]) for name in SHOT_FIGURES}
    return {**by_name, **merge_tables({name: by_name[name] for name in recomputed}, recomputed, unscored)}


def _figured(tables: Mapping[str, pd.DataFrame | RowsOf], match_ids: set[str]) -> Tables:
    """Return the ``SHOT_FIGURES`` of ``match_ids`` alone, computed from their (scored) shots (not the rest: the
    batch's events are dropped once its figures are computed)."""
    subset = as_match_tables({name: _of_matches(frame, match_ids) for name, frame in tables.items()})
    figured = with_shots(subset, subset.shots)
    return {name: getattr(figured, name) for name in SHOT_FIGURES}


def _of_matches(frame: pd.DataFrame | RowsOf, match_ids: set[str]) -> pd.DataFrame:
    """Return the rows of ``frame`` about ``match_ids`` (a table without ``match_id``, e.g. links, whole; a table
    read by match, e.g. a build's events, decoded for those matches alone)."""
    if not isinstance(frame, pd.DataFrame):
        return frame.of(sorted(match_ids))
    return frame[frame["match_id"].astype(str).isin(match_ids)] if "match_id" in frame.columns else frame


def _without_replaced(name: str, old: pd.DataFrame, new: pd.DataFrame | None, match_ids: set[str]) -> pd.DataFrame:
    """Return the rows of parent table ``name`` that the new records do not replace."""
    key = MERGE_KEYS.get(name, "match_id")
    if key not in old.columns:
        if old.empty:
            return old
        raise ValueError(f"table {name} has no {key} column: it cannot be merged incrementally")
    replaced = (
        match_ids if key == "match_id" else set(new[key].astype(str)) if new is not None and key in new else set()
    )
    return old.loc[~old[key].astype(str).isin(replaced)]


def run_ingest(
    plan: IngestPlan, releases: ReleaseStore, quarantine: Quarantine, workers: int | None = None
) -> tuple[TableSet, IngestReport]:
    """Parse the plan's new files, quarantine the bad ones, merge with the parent; return the tables and the report.

    When something new was parsed, the report names the version id reserved for it, and the tables' events are a
    file in its scratch folder (``ReleaseStore.work_dir``), read by match. With nothing new (or nothing parsable)
    the tables are empty, ``report.version`` is None and no id is used up.
    """
    started = time.perf_counter()
    # The parsed matches wait on disk, so memory holds one group of them at a time (``knowledge.match_groups``).
    with spill_folder(releases.scratch) as spill:
        pairs, rejected = spill_raw_files(plan.new, spill, workers)
        quarantine.add(rejected)
        base = releases.manifest(plan.parent) if plan.incremental and plan.parent else None
        pairs, left_out = latest_captures(pairs, _finished_in(releases, base, pairs))
        parsed = [match for _raw, match in pairs]
        parsed_at = time.perf_counter()
        version = releases.reserve_version() if parsed else None
        new_tables = _new_tables(releases, parsed, version, base is None, spill)
        built_at = time.perf_counter()
        new_ids = {spilled.match.match_id for spilled in parsed}
        tables, base_ids = _merged(releases, base, new_tables, new_ids, version)
    raw_files, superseded = _raw_records(pairs, base, [*left_out, *plan.set_aside])
    parsed_sha = {raw.sha256 for raw, _match in pairs} | {s.sha256 for s in superseded}
    report = IngestReport(
        version=version,
        raw_dir=plan.raw_dir,
        parent=plan.parent,
        files_seen=plan.files_seen,
        new_files=len(plan.new),
        unchanged=plan.unchanged,
        parsed=len(parsed),
        rejected=rejected,
        quarantined=plan.quarantined,
        missing=len(plan.missing),
        matches_total=len(tables["matches"])
        if "matches" in tables
        else (base.row_counts.get("matches", 0) if base else 0),
        new_match_ids=sorted(new_ids - base_ids),
        replaced_match_ids=sorted(new_ids & base_ids),
        recovered=[r for r in plan.retried if r.sha256 in parsed_sha],
        raw_files=raw_files,
        superseded=superseded,
        quality=data_quality(parsed, tables),
        timings_s={
            "parse": round(parsed_at - started, 3),
            "tables": round(built_at - parsed_at, 3),
            "merge": round(time.perf_counter() - built_at, 3),
        },
    )
    if report.version is None:  # no manifest will list the captures left out: the ledger remembers them
        superseded_captures(releases).add(left_out)
    return tables, report


# Tables computed from the merged match tables, never merged themselves.
DERIVED_TABLES = frozenset({"documents", "embeddings"})


def _new_tables(
    releases: ReleaseStore, parsed: Sequence[SpilledMatch], version: str | None, alone: bool, spill: Path
) -> dict[str, pd.DataFrame | RowsOnDisk]:
    """Return the tables of the ``parsed`` matches (none without a version), built a group at a time, their events a
    file read by match: the version's own when they are ``alone`` (no base to merge into), else one in ``spill``."""
    if version is None:
        return {}
    events = (releases.work_dir(version) if alone else spill) / f"{EVENTS}.parquet"
    return tables_by_name(grouped_tables(parsed, events, spill))


def _merged(
    releases: ReleaseStore,
    base: Manifest | None,
    new: Mapping[str, pd.DataFrame | RowsOnDisk],
    new_ids: set[str],
    version: str | None,
) -> tuple[TableSet, set[str]]:
    """Return the new version's tables and the base release's match ids: ``new`` merged into the base's tables
    (none: ``new`` alone), the events a file in the version's scratch folder read by match (``events_merge``), the
    rest held.

    Nothing parsed (no version): nothing, and the base's tables are not even read.
    """
    if version is None:
        return TableSet(), set()
    held = {name: frame for name, frame in new.items() if name != EVENTS}
    if base is None:
        return TableSet({**merge_tables({}, held, new_ids), EVENTS: new[EVENTS]}), set()
    base_tables = _match_tables_of(releases, base, set(new))
    parent_events = table_path(releases.path(base.version), EVENTS)
    events = write_events(releases.work_dir(version) / f"{EVENTS}.parquet", new[EVENTS], parent_events, new_ids)
    base_ids = set(base_tables["matches"]["match_id"].astype(str))
    return TableSet({**merge_tables(base_tables, held, new_ids), EVENTS: events}), base_ids


def _match_tables_of(releases: ReleaseStore, base: Manifest, names: set[str]) -> Tables:
    """Return the base release's match tables named ``names``, but the events (merged from their file).

    Raise when the base lacks one of ``names``: its tables were made by code that did not build that
    table, so merging would leave it holding the new matches only; a full ingest is needed.
    """
    release_dir = releases.path(base.version)
    available = set(base.row_counts) - DERIVED_TABLES
    missing = names - available
    if missing:
        raise ValueError(
            f"release {base.version} has no table(s) {', '.join(sorted(missing))}: run a full ingest (full=True)"
        )
    return read_tables(release_dir, sorted(names - {EVENTS}))


def _record(raw: RawFile, parsed: SpilledMatch) -> RawFileRecord:
    return RawFileRecord(
        path=raw.relpath, sha256=raw.sha256, match_id=parsed.match.match_id, source=parsed.match.source.value
    )


def _capture_rank(raw: RawFile, parsed: SpilledMatch) -> tuple[bool, float, int]:
    """Order of preference between captures of one match: finished first, then fetched later, then more events."""
    fetched = raw.fetched_at.timestamp() if raw.fetched_at else 0.0
    return parsed.match.status == FINISHED, fetched, parsed.events


def latest_captures(
    pairs: Sequence[tuple[RawFile, SpilledMatch]], finished_before: Mapping[tuple[str, str], RawFileRecord]
) -> tuple[list[tuple[RawFile, SpilledMatch]], list[SupersededFile]]:
    """Keep one capture a match; return the kept (file, match) pairs and the files they supersede.

    Among the new files of one match the best by ``_capture_rank`` is kept. A capture in play is not
    kept either when ``finished_before`` (by source and match id) holds the finished capture the
    parent release reads the match from: that one stands.
    """
    best: dict[tuple[str, str], tuple[RawFile, SpilledMatch]] = {}
    for raw, parsed in pairs:
        key = (parsed.match.source.value, parsed.match.match_id)
        if key not in best or _capture_rank(raw, parsed) > _capture_rank(*best[key]):
            best[key] = (raw, parsed)
    kept, superseded = [], []
    for raw, parsed in pairs:
        key = (parsed.match.source.value, parsed.match.match_id)
        standing = finished_before.get(key) if parsed.match.status != FINISHED else None
        by = standing.path if standing else best[key][0].relpath if best[key][0] is not raw else None
        if by is None:
            kept.append((raw, parsed))
        else:
            superseded.append(SupersededFile(**_record(raw, parsed).model_dump(), superseded_by=by))
            log.info("%s: match %s is read from %s (a later or finished capture)", raw.relpath, key[1], by)
    return kept, superseded


def _finished_in(
    releases: ReleaseStore, base: Manifest | None, pairs: Sequence[tuple[RawFile, SpilledMatch]]
) -> dict[tuple[str, str], RawFileRecord]:
    """Return the base's raw-file records of the matches parsed again in play that the base holds finished."""
    in_play = {(p.match.source.value, p.match.match_id) for _raw, p in pairs if p.match.status != FINISHED}
    records = {(r.source, r.match_id): r for r in base.raw_files} if base else {}
    if not in_play & set(records):
        return {}
    matches = read_tables(releases.path(base.version), ["matches"])["matches"]
    finished = set(matches.loc[matches["status"] == FINISHED, "match_id"].astype(str))
    return {key: records[key] for key in in_play & set(records) if key[1] in finished}


def _raw_records(
    pairs: Sequence[tuple[RawFile, SpilledMatch]], base: Manifest | None, superseded: Sequence[SupersededFile]
) -> tuple[list[RawFileRecord], list[SupersededFile]]:
    """Return the raw files the new version rests on and the ones it supersedes.

    Raw files: the base's, minus matches parsed again, plus the new. Superseded: the base's, the new
    captures left out, and the base's files of matches now read from another file.
    """
    fresh = [_record(raw, match) for raw, match in pairs]
    replacing = {(r.source, r.match_id): r.path for r in fresh}
    kept, replaced = [], []
    for record in base.raw_files if base else []:
        by = replacing.get((record.source, record.match_id))
        if by is None:
            kept.append(record)
        elif by != record.path:  # the same path with new bytes is an edit, not another capture
            replaced.append(SupersededFile(**record.model_dump(), superseded_by=by))
    earlier = list(base.superseded) if base else []
    return (
        sorted([*kept, *fresh], key=lambda r: r.path),
        sorted([*earlier, *replaced, *superseded], key=lambda r: r.path),
    )


def data_quality(parsed: Sequence[SpilledMatch], tables: Mapping[str, pd.DataFrame]) -> dict[str, float | int | str]:
    """Return figures a reviewer checks on a new version: incomplete captures, empty fields, events per match."""
    events = [p.events for p in parsed]
    incomplete = [p.match.match_id for p in parsed if not p.match.completeness.complete]
    quality: dict[str, float | int | str] = {
        "new_matches_incomplete": len(incomplete),
        "new_matches_incomplete_ids": ",".join(incomplete),
        "new_matches_without_competition": sum(p.match.competition is None for p in parsed),
        "new_matches_without_shots": sum(not p.shots for p in parsed),
        "new_records_not_whoscored": sum(p.match.source is not Source.WHOSCORED for p in parsed),
        "new_events_min": min(events, default=0),
        "new_events_max": max(events, default=0),
        "new_events_mean": round(sum(events) / len(events), 1) if events else 0.0,
    }
    quality.update({f"rows_{name}": len(frame) for name, frame in tables.items()})
    return quality


def candidate_manifest(report: IngestReport, index: IndexHandle, metrics: Mapping[str, float]) -> Manifest:
    """Return the manifest of the version an ingest opened, indexed as ``index`` and scored with ``metrics``."""
    if report.version is None:
        raise ValueError("the ingest opened no version: there is nothing to release")
    return Manifest(
        version=report.version,
        parent=report.parent,
        raw_dir=report.raw_dir,
        raw_files=report.raw_files,
        superseded=report.superseded,
        rejected=[*report.quarantined, *report.rejected],
        code=code_version(),
        embedding_model=index.embedding_model,
        embedding_revision=index.embedding_revision,
        embedding_dim=index.embedding_dim,
        chromadb_version=index.chromadb_version,
        collection=index.collection,
        metrics=dict(metrics),
    )
