"""Releases: one immutable, versioned folder per knowledge-base version, and the pointer to the latest.

Layout under the release root (``<home>/releases``)::

    v0007/manifest.json          what this version is (``Manifest``)
    v0007/README.md              the dataset card (``datasets.write_dataset_card``)
    v0007/data/<table>.parquet   one file per table, documents and embeddings included
    v0007/index/                 the Chroma folder built from those embeddings
    LATEST                       the version id of the latest complete release, alone on one line
    held/v0008/                  the latest candidate the gate held back, complete, for an operator's override
    .staging/                    releases being assembled (same filesystem, so publishing is a rename)
    .work/<version>/             a version's scratch space while its pipeline runs (its Chroma folder)
    .counter                     the last version id handed out

Version ids come from a counter (``v0001``, ``v0002``, ...), never from a content fingerprint: HF
dataset fingerprints change across reloads (ENVIRONMENT.md). The counter stays above the hub's versions,
so a fresh home continues the hub's numbering. A version handed out and never published
(the gate said no, or the run died) leaves a gap; ids only go up. Publishing renames the staged
folder into place and only then rewrites ``LATEST``, so a crash at any point leaves the previous
release and the pointer as they were.
"""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from pydantic import BaseModel, Field

from football_rag import __version__
from football_rag.config.settings import REPO_ROOT, Settings
from football_rag.data.atomic_files import atomic_write_bytes, folder_lock
from football_rag.data.parsers.version import parser_code_version
from football_rag.knowledge.datasets import write_dataset_card, write_tables
from football_rag.knowledge.index import INDEX_DIR
from football_rag.knowledge.release_gate import Comparison, GateConfig, gate

if TYPE_CHECKING:
    from football_rag.knowledge.hub import Hub

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
LATEST_NAME = "LATEST"
HELD_DIR = "held"
_VERSION = re.compile(r"^v(\d{4,})$")
_HASH_CHUNK = 1 << 20


class RawFileRecord(BaseModel):
    """A raw file the release was built from, named relative to the raw folder."""

    path: str
    sha256: str
    match_id: str | None = None
    source: str | None = None


class SupersededFile(RawFileRecord):
    """A raw file whose match a later capture replaced (an in-play capture, then the finished one); the file stays."""

    superseded_by: str = Field(description="the raw file (path) the match is now read from")


class Rejection(BaseModel):
    """A raw file that could not be parsed, and why; the file itself stays where it was."""

    path: str
    sha256: str
    error: str


class CodeVersion(BaseModel):
    """Which code built a release: the package version, and the git commit when the repo has one."""

    package: str
    git_sha: str | None = None
    git_dirty: bool | None = None
    parsers: str | None = Field(default=None, description="hash of the parser code (a change retries rejected files)")


class Override(BaseModel):
    """An operator published a version the gate held back: why, and when."""

    reason: str = Field(min_length=1)
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class Manifest(BaseModel):
    """Everything a reader needs to know what a release holds and how it was made."""

    version: str
    parent: str | None = None
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    raw_dir: str | None = None
    raw_files: list[RawFileRecord] = Field(default_factory=list)
    superseded: list[SupersededFile] = Field(
        default_factory=list, description="raw files of matches now read from a later capture (never parsed again)"
    )
    rejected: list[Rejection] = Field(default_factory=list)
    row_counts: dict[str, int] = Field(default_factory=dict)
    code: CodeVersion
    embedding_model: str | None = None
    embedding_revision: str | None = Field(
        default=None, description="the embedder's revision: a HF commit sha, or pypi:<package pins>"
    )
    embedding_dim: int | None = None
    documents_code: str | None = Field(
        default=None,
        description="hash of the code that wrote the documents: the next version re-uses them only if equal",
    )
    xg_model: str | None = Field(
        default=None, description="the xG model version that scored the shots this version added (xg_source)"
    )
    chromadb_version: str | None = None
    collection: str | None = None
    first_match: str | None = Field(default=None, description="date of the earliest match, ISO")
    last_match: str | None = Field(default=None, description="date of the latest match, ISO")
    metrics: dict[str, float] = Field(default_factory=dict)
    comparison: Comparison | None = Field(default=None, description="it and its parent on the same questions")
    gate: dict[str, object] = Field(default_factory=dict)
    override: Override | None = None
    files: dict[str, str] = Field(default_factory=dict, description="sha256 of every file but the manifest, by path")

    def known_sha256(self) -> set[str]:
        """Return the sha256 of every raw file this release has seen, parsed or rejected."""
        return {r.sha256 for r in (*self.raw_files, *self.superseded)} | {record.sha256 for record in self.rejected}

    def describe(self) -> str:
        """Return "v0006 (12 August 2025 to 18 January 2026, 204 matches)", or the bare version without dates."""
        matches = self.row_counts.get("matches")
        if not (self.first_match and self.last_match):
            return self.version
        first, last = (datetime.fromisoformat(d) for d in (self.first_match, self.last_match))
        span = f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"
        return f"{self.version} ({span}, {matches} matches)" if matches else f"{self.version} ({span})"


class StaleParent(RuntimeError):
    """Another run published while this one was building: its parent is no longer the latest release."""


def code_version() -> CodeVersion:
    """Return the package version and, when the repo is a git checkout with a commit, its sha and dirtiness."""
    try:
        sha = _git("rev-parse", "HEAD")
        dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.CalledProcessError):
        return CodeVersion(package=__version__, parsers=parser_code_version())
    return CodeVersion(package=__version__, git_sha=sha, git_dirty=dirty, parsers=parser_code_version())


def _git(*args: str) -> str:
    """Run git in the repo and return its stripped stdout; raise CalledProcessError when git fails."""
    done = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=10)
    return done.stdout.strip()


def file_hashes(folder: Path) -> dict[str, str]:
    """Return the sha256 of every file under ``folder`` but the manifest, keyed by posix path from ``folder``.

    Hidden entries (a download tool's ``.cache/``) are not part of a release and are skipped.
    """
    hashes = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST_NAME):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        hashes[path.relative_to(folder).as_posix()] = sha256_of(path)
    return hashes


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_release(release_dir: Path) -> list[str]:
    """Return the files of the release folder that differ from, are missing from, or are extra to its manifest."""
    recorded = read_manifest(release_dir).files
    found = file_hashes(release_dir)
    return sorted(path for path in recorded.keys() | found.keys() if recorded.get(path) != found.get(path))


def read_manifest(release_dir: Path) -> Manifest:
    """Return the manifest of the release at ``release_dir``."""
    return Manifest.model_validate_json((release_dir / MANIFEST_NAME).read_text(encoding="utf-8"))


def write_manifest(release_dir: Path, manifest: Manifest) -> None:
    """Write ``manifest.json`` into ``release_dir`` through a temporary file and a rename."""
    atomic_write_bytes(release_dir / MANIFEST_NAME, (manifest.model_dump_json(indent=2) + "\n").encode())


class ReleaseStore:
    """The releases of one home: version ids, staging, publishing and the latest pointer."""

    def __init__(self, root: Path, hub: Hub | None = None) -> None:
        self.root = Path(root).absolute()
        # Where releases are published: its versions are taken too, so a fresh home never restarts at v0001.
        self.hub = hub

    def path(self, version: str) -> Path:
        """Return the folder of release ``version`` (it may not exist)."""
        return self.root / version

    @property
    def scratch(self) -> Path:
        """Return the store's scratch space (``.work``): what runs build before they publish, swept after a crash."""
        return self.root / ".work"

    def work_dir(self, version: str) -> Path:
        """Return the scratch folder of a version being built (its index before it is copied into the release)."""
        return self.scratch / version

    def sweep(self) -> list[str]:
        """Remove what runs that died left in ``.staging`` and ``.work``; return the names removed.

        Only safe while no other run uses this store (``build`` calls it holding the home's build lock).
        """
        leftovers = [
            p for folder in (self.root / ".staging", self.scratch) if folder.is_dir() for p in folder.iterdir()
        ]
        for path in leftovers:
            shutil.rmtree(path, ignore_errors=True)
        return sorted(p.name for p in leftovers)

    def versions(self) -> list[str]:
        """Return the ids of every published release folder, oldest first."""
        if not self.root.is_dir():
            return []
        found = [p.name for p in self.root.iterdir() if _VERSION.match(p.name) and (p / MANIFEST_NAME).is_file()]
        return sorted(found, key=version_number)

    def latest_version(self) -> str | None:
        """Return the version ``LATEST`` points at, or None before the first release."""
        pointer = self.root / LATEST_NAME
        if not pointer.is_file():
            return None
        return pointer.read_text(encoding="utf-8").strip() or None

    def latest(self) -> Manifest | None:
        """Return the manifest of the latest release, or None before the first one."""
        version = self.latest_version()
        return read_manifest(self.path(version)) if version else None

    def manifest(self, version: str) -> Manifest:
        """Return the manifest of release ``version``."""
        return read_manifest(self.path(version))

    def reserve_version(self) -> str:
        """Hand out the next version id: 1 + the highest of the counter, the local releases and the hub's versions.

        Ids only go up, even across releases that were never published.
        """
        on_hub = [version_number(v) for v in self.hub.versions()] if self.hub is not None else []  # before the lock
        with self.lock():
            counter = self.root / ".counter"
            last = int(counter.read_text().strip() or 0) if counter.is_file() else 0
            last = max([last, *on_hub, *(version_number(v) for v in self.versions())])
            atomic_write_bytes(counter, f"{last + 1}\n".encode())
        return f"v{last + 1:04d}"

    @contextmanager
    def staging(self, version: str) -> Iterator[Path]:
        """Yield an empty folder to assemble release ``version`` in; whatever is not published is removed."""
        staging_root = self.root / ".staging"
        staging_root.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=f"{version}.", dir=staging_root))
        try:
            yield staged
        finally:
            shutil.rmtree(staged, ignore_errors=True)

    def publish(self, staged: Path, manifest: Manifest) -> Path:
        """Seal ``staged`` with its manifest, rename it into place and move ``LATEST``; return the release folder.

        Raise StaleParent when the latest release is no longer ``manifest.parent``: a concurrent run
        published first, and this one's incremental content was computed against an older release.
        """
        with self.lock():
            latest = self.latest_version()
            if latest != manifest.parent:
                raise StaleParent(
                    f"{manifest.version} was built on {manifest.parent}, but the latest release is now {latest}"
                )
            manifest.files = file_hashes(staged)
            write_manifest(staged, manifest)
            target = self.path(manifest.version)
            if target.exists():
                # Left by a run that died between the rename and the pointer: never the latest, safe to replace.
                shutil.rmtree(target)
            staged.rename(target)
            atomic_write_bytes(self.root / LATEST_NAME, f"{manifest.version}\n".encode())
        log.info("published release %s at %s (parent %s)", manifest.version, target, manifest.parent)
        return target

    def held_path(self, version: str) -> Path:
        """Return the folder a held-back candidate ``version`` is kept in (it may not exist)."""
        return self.root / HELD_DIR / version

    def held(self) -> Manifest | None:
        """Return the manifest of the held-back candidate newer than the latest release, or None."""
        folder = self.root / HELD_DIR
        kept = sorted((p for p in folder.glob("v*") if (p / MANIFEST_NAME).is_file()), key=lambda p: p.name)
        latest = self.latest_version()
        newer = [p for p in kept if latest is None or version_number(p.name) > version_number(latest)]
        return read_manifest(newer[-1]) if newer else None

    def hold(self, staged: Path, manifest: Manifest) -> Path:
        """Keep the assembled candidate under ``held/`` (replacing any older held one) for an override; return it."""
        with self.lock():
            manifest.files = file_hashes(staged)
            write_manifest(staged, manifest)
            target = self.held_path(manifest.version)
            for older in (self.root / HELD_DIR).glob("v*"):
                shutil.rmtree(older, ignore_errors=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.rename(target)
        log.warning("release %s held back; kept at %s", manifest.version, target)
        return target

    def publish_held(self, version: str, reason: str) -> Path:
        """Publish the held-back candidate ``version`` by an operator's decision, recorded in its manifest.

        Raise FileNotFoundError when no such candidate is held, StaleParent when a release was published since.
        """
        held = self.held_path(version)
        if not (held / MANIFEST_NAME).is_file():
            raise FileNotFoundError(f"no held-back candidate {version} under {held.parent}")
        manifest = read_manifest(held)
        manifest.override = Override(reason=reason)
        manifest.gate = {**manifest.gate, "publish": True, "override": reason}
        return self.publish(held, manifest)

    def verify(self, version: str) -> list[str]:
        """Return the files of release ``version`` whose content differs from its manifest (empty when intact)."""
        return verify_release(self.path(version))

    def verify_held(self, version: str) -> list[str]:
        """Return the files of held-back candidate ``version`` that differ from its manifest (empty when intact)."""
        return verify_release(self.held_path(version))

    def lock(self) -> AbstractContextManager[None]:
        """Hold the releases' exclusive lock (version ids and the pointer change under it only)."""
        return folder_lock(self.root)


def release_store(settings: Settings) -> ReleaseStore:
    """Return the release store of the configured home (``<home>/releases``), numbering above its hub's versions."""
    from football_rag.knowledge.hub import hub_from_settings  # hub.py imports this module

    return ReleaseStore(settings.home / "releases", hub_from_settings(settings))


def version_number(version: str) -> int:
    """Return the counter value of a version id such as ``v0012``."""
    found = _VERSION.match(version)
    if not found:
        raise ValueError(f"not a version id: {version!r}")
    return int(found.group(1))


class ReleaseOutcome(BaseModel):
    """What became of a candidate version: published (where, and on which hub) or held back (why, and where kept)."""

    version: str
    parent: str | None
    published: bool
    reasons: list[str]
    release_path: str | None = None
    held_path: str | None = None
    hub_location: str | None = None
    metrics: dict[str, float] = Field(default_factory=dict)


def assemble_release(
    staged: Path, manifest: Manifest, tables: Mapping[str, pd.DataFrame], index_dir: Path | None
) -> None:
    """Write the tables, the dataset card and a copy of the Chroma folder into ``staged``; fill the row counts."""
    manifest.row_counts = write_tables(staged, tables)
    write_dataset_card(staged, manifest, manifest.row_counts)
    if index_dir is not None:
        shutil.copytree(index_dir, staged / INDEX_DIR)


def release_candidate(
    store: ReleaseStore,
    manifest: Manifest,
    tables: Mapping[str, pd.DataFrame],
    index_dir: Path | None,
    config: GateConfig,
    hub: Hub | None = None,
    problems: dict[str, list[str]] | None = None,
) -> ReleaseOutcome:
    """Gate the candidate (its metrics, and its comparison with the current release); publish it locally, then
    to ``hub``, when it passes; else keep it under ``held/`` for an override. Return what became of it.

    The hub is written after the local release is complete; a hub failure raises, leaving the local
    release published (``football-rag publish`` pushes it again).
    """
    decision = gate(manifest.metrics, config, manifest.comparison, problems)
    manifest.gate = decision.model_dump()
    outcome = ReleaseOutcome(
        version=manifest.version,
        parent=manifest.parent,
        published=decision.publish,
        reasons=decision.reasons,
        metrics=manifest.metrics,
    )
    with store.staging(manifest.version) as staged:
        assemble_release(staged, manifest, tables, index_dir)
        if not decision.publish:
            log.warning("release %s held back: %s", manifest.version, "; ".join(decision.reasons))
            outcome.held_path = str(store.hold(staged, manifest))
            return outcome
        outcome.release_path = str(store.publish(staged, manifest))
    if hub is not None:
        outcome.hub_location = hub.publish(Path(outcome.release_path))
    return outcome
