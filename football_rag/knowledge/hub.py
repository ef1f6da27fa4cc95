"""Publishing releases to a hub and loading them back by pinned version.

Two hubs, one interface, chosen by ``FOOTBALL_RAG_HUB`` alone:

- unset, or a path (``/…``, ``./…``, ``../…``, ``~…``, ``file://…``): a local hub folder
  (default ``<home>/hub``) laid out like the release root, ``<hub>/<version>/`` plus ``LATEST``;
- ``owner/name`` (or ``hf://owner/name``): a HuggingFace Hub dataset repo. Publishing creates the
  repo when needed, commits the release folder to ``main`` in one commit (stale index and data files
  deleted in the same commit), tags that commit with the version, and only then commits the
  ``LATEST`` file, so a reader following ``LATEST`` never sees a version whose upload is not complete.
  Loading downloads the tagged revision (``snapshot_download``), never a moving branch.

Versions are the hub's as much as the home's: ``versions()`` lists what a hub holds (its version folders,
or the repo's tags), the release store hands out ids above them, so a CI runner or a second machine with
an empty home continues the numbering. A version is published once: a tag or folder that exists with
other content is refused (``VersionTaken``); the identical release pushed again is accepted and said so.

The token comes from the environment (``HF_TOKEN``, read by ``huggingface_hub`` itself) and is never
logged. ``HF_ENDPOINT`` points the client at another server (the tests' loopback hub).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from football_rag.config.settings import Settings
from football_rag.knowledge.release import (
    LATEST_NAME,
    MANIFEST_NAME,
    read_manifest,
    release_store,
    verify_release,
    version_number,
)

if TYPE_CHECKING:
    from huggingface_hub import HfApi

log = logging.getLogger(__name__)

HF_PREFIX = "hf://"
_PATH_PREFIXES = ("/", "./", "../", "~", "file://")


class VersionTaken(ValueError):
    """The hub already holds this version with other content: a published version is never replaced."""


class HubUnavailable(ValueError):
    """A HF hub cannot give a release (token refused, repo or version missing, Hub unreachable): one line says which.

    A ValueError like a damaged release: the reader (``load_knowledge_base``) turns it into ``NoRelease`` with
    this message, which the app shows and the CLI prints instead of a traceback.
    """


class Hub(Protocol):
    """Where releases are published and loaded from."""

    def versions(self) -> list[str]:
        """Return the version ids the hub holds, oldest first (empty when it holds none yet)."""
        ...

    def publish(self, release_dir: Path) -> str:
        """Upload the release folder, then move the hub's latest pointer to it; return where it went."""
        ...

    def latest_version(self) -> str | None:
        """Return the version the hub's latest pointer names, or None when nothing is published."""
        ...

    def fetch(self, version: str, dest_root: Path) -> Path:
        """Return a local folder holding release ``version`` exactly as published."""
        ...


def hub_from_settings(settings: Settings) -> Hub:
    """Return the hub ``FOOTBALL_RAG_HUB`` names: a local folder (default ``<home>/hub``) or a HF dataset repo."""
    target = (settings.hub or "").strip()
    if not target:
        return LocalHub(settings.home / "hub")
    if target.startswith(HF_PREFIX):
        return HfHub(target.removeprefix(HF_PREFIX))
    if target.startswith(_PATH_PREFIXES):
        return LocalHub(Path(target.removeprefix("file://")).expanduser())
    return HfHub(target)


@dataclass(frozen=True)
class LocalHub:
    """A hub on the file system: ``<root>/<version>/`` folders and a ``LATEST`` pointer file."""

    root: Path

    def versions(self) -> list[str]:
        """Return the ids of the release folders under ``<root>``, oldest first."""
        found = [p.name for p in self.root.iterdir() if p.is_dir()] if self.root.is_dir() else []
        return _sorted_versions(found)

    def publish(self, release_dir: Path) -> str:
        """Copy the release under ``<root>/.incoming``, rename it into place, then move ``LATEST`` forward to it.

        Raise VersionTaken when ``<root>/<version>`` holds another release; the same release again is a no-op.
        """
        version = read_manifest(release_dir).version
        target = self.root / version
        if target.is_dir():
            if not _same_manifest(target, release_dir):
                raise VersionTaken(
                    f"local hub {self.root} already holds {version} with other content; a published version is "
                    f"never replaced: build again for the next version ({_next_version(self.versions())})"
                )
            log.info("local hub %s already holds this %s (the same release): nothing copied", self.root, version)
        else:
            self.root.mkdir(parents=True, exist_ok=True)
            incoming = Path(tempfile.mkdtemp(prefix=f"{version}.", dir=_ensure(self.root / ".incoming")))
            try:
                # Releases never change once published: hard links share their bytes (a copy across devices).
                shutil.copytree(release_dir, incoming / version, copy_function=_link_or_copy)
                (incoming / version).rename(target)
            except OSError:
                if not target.is_dir():  # another publisher renamed the same release into place first
                    raise
            finally:
                shutil.rmtree(incoming, ignore_errors=True)
        current = self.latest_version()
        if current is None or version_number(version) > version_number(current):
            _write_pointer(self.root / LATEST_NAME, version)
        return str(target)

    def latest_version(self) -> str | None:
        """Return the version ``<root>/LATEST`` names, or None."""
        pointer = self.root / LATEST_NAME
        return pointer.read_text(encoding="utf-8").strip() or None if pointer.is_file() else None

    def fetch(self, version: str, dest_root: Path) -> Path:
        """Return ``<root>/<version>`` itself: a local hub's folders are already local."""
        folder = self.root / version
        if not (folder / MANIFEST_NAME).is_file():
            raise FileNotFoundError(f"local hub {self.root} has no release {version}")
        return folder


@dataclass(frozen=True)
class HfHub:
    """A HuggingFace Hub dataset repo holding one release per tag, the latest on ``main``."""

    repo_id: str

    def _api(self) -> HfApi:
        from huggingface_hub import HfApi

        return HfApi(endpoint=_endpoint())

    def versions(self) -> list[str]:
        """Return the repo's version tags, oldest first; none when the repo does not exist yet."""
        from huggingface_hub.errors import RepositoryNotFoundError

        try:
            refs = self._api().list_repo_refs(self.repo_id, repo_type="dataset")
        except RepositoryNotFoundError:  # a network error raises: guessing would hand out a taken id
            return []
        return _sorted_versions(tag.name for tag in refs.tags)

    def publish(self, release_dir: Path) -> str:
        """Create the repo if needed, commit the release, tag it with its version, then commit ``LATEST``.

        Raise VersionTaken when the tag exists on another release; the same release again uploads nothing.
        """
        from huggingface_hub.errors import HfHubHTTPError

        version = read_manifest(release_dir).version
        api = self._api()
        api.create_repo(self.repo_id, repo_type="dataset", exist_ok=True, private=True)
        taken = self.versions()
        if version in taken:
            self._check_same_release(version, release_dir, taken)
            log.info(
                "HF dataset repo %s already holds this %s (the same release): nothing uploaded", self.repo_id, version
            )
            current = self.latest_version()
            if current is None or version_number(version) > version_number(current):
                self._write_latest(api, version)
            return f"{HF_PREFIX}{self.repo_id}@{version}"
        commit = api.upload_folder(
            repo_id=self.repo_id,
            repo_type="dataset",
            folder_path=str(release_dir),
            commit_message=f"release {version}",
            # A release replaces the previous one on main: drop files it no longer has (Chroma's segment folders).
            delete_patterns=["data/**", "index/**"],
        )
        try:
            api.create_tag(self.repo_id, repo_type="dataset", tag=version, revision=commit.oid)
        except HfHubHTTPError as exc:
            if exc.response is None or exc.response.status_code != 409:
                raise
            # Another publisher tagged this version while the upload ran; LATEST is left to it.
            raise VersionTaken(
                f"tag {version} was created in HF dataset repo {self.repo_id} by another publisher during this "
                f"upload; build again for the next version ({_next_version(self.versions())})"
            ) from exc
        self._write_latest(api, version)
        log.info("published %s to HF dataset repo %s (commit %s)", version, self.repo_id, commit.oid)
        return f"{HF_PREFIX}{self.repo_id}@{version}"

    def _check_same_release(self, version: str, release_dir: Path, taken: list[str]) -> None:
        """Return when tag ``version`` holds the manifest of ``release_dir``; else raise VersionTaken."""
        from huggingface_hub import hf_hub_download

        with tempfile.TemporaryDirectory() as cache:
            tagged = hf_hub_download(
                self.repo_id,
                MANIFEST_NAME,
                repo_type="dataset",
                revision=version,
                cache_dir=cache,
                endpoint=_endpoint(),
            )
            if Path(tagged).read_bytes() == (release_dir / MANIFEST_NAME).read_bytes():
                return
        raise VersionTaken(
            f"tag {version} already exists in HF dataset repo {self.repo_id} with other content; a published "
            f"version is never replaced: build again for the next version ({_next_version(taken)})"
        )

    def _write_latest(self, api: HfApi, version: str) -> None:
        """Commit ``LATEST`` naming ``version`` on main (after its tag exists, so readers never see half a release)."""
        api.upload_file(
            repo_id=self.repo_id,
            repo_type="dataset",
            path_or_fileobj=f"{version}\n".encode(),
            path_in_repo=LATEST_NAME,
            commit_message=f"latest -> {version}",
        )

    def latest_version(self) -> str | None:
        """Return the version in the repo's ``LATEST`` file on ``main``, or None when there is none.

        Read through an empty cache: ``hf_hub_download`` answers from its cache when the Hub errors, and
        a moving pointer must never come from a stale copy.
        """
        from huggingface_hub import hf_hub_download
        from huggingface_hub.errors import RemoteEntryNotFoundError, RepositoryNotFoundError

        with tempfile.TemporaryDirectory() as cache:
            try:
                path = hf_hub_download(
                    self.repo_id, LATEST_NAME, repo_type="dataset", cache_dir=cache, endpoint=_endpoint()
                )
            except RemoteEntryNotFoundError:
                return None
            except RepositoryNotFoundError as exc:
                if _status(exc) == 404:  # not created yet: nothing published (a refused token is not that)
                    return None
                raise hub_failure(exc, self.repo_id) from exc
            except _hub_errors() as exc:  # a network error raises too: no guessing
                raise hub_failure(exc, self.repo_id) from exc
            return Path(path).read_text(encoding="utf-8").strip() or None

    def fetch(self, version: str, dest_root: Path) -> Path:
        """Download the tagged revision ``version`` into ``dest_root/<version>`` and return that folder.

        When the Hub cannot be reached (no HTTP answer at all) and an earlier download of ``version`` is complete
        there (it verifies against its manifest), return that copy: a published version never changes, and a
        Space restarting during a Hub outage keeps serving the release on its persistent volume. A refusal
        (401, 404) is never bypassed.
        """
        from huggingface_hub import snapshot_download

        dest = dest_root / version
        try:
            snapshot_download(
                self.repo_id,
                repo_type="dataset",
                revision=version,
                local_dir=str(dest),
                endpoint=_endpoint(),
            )
        except _hub_errors() as exc:
            if _status(exc) is None and (dest / MANIFEST_NAME).is_file() and not verify_release(dest):
                log.warning("%s; serving the copy of %s downloaded before", hub_failure(exc, self.repo_id), version)
                return dest
            raise hub_failure(exc, self.repo_id, version) from exc
        (dest / LATEST_NAME).unlink(missing_ok=True)  # main's pointer file is not part of the release
        return dest


def _hub_errors() -> tuple[type[Exception], ...]:
    """Return the exceptions the HF client raises when the Hub refuses or cannot be reached (not our bugs)."""
    import httpx
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError, OfflineModeIsEnabled

    # LocalEntryNotFoundError: the Hub could not be reached and no local copy exists.
    return (HfHubHTTPError, LocalEntryNotFoundError, OfflineModeIsEnabled, httpx.TransportError)


def _status(exc: BaseException) -> int | None:
    """Return the HTTP status of a Hub error, or None when no response came back."""
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def hub_failure(exc: BaseException, repo_id: str, version: str | None = None) -> HubUnavailable:
    """Return a one-line HubUnavailable for a Hub error met reading ``repo_id``: what failed and what to set."""
    from huggingface_hub import get_token
    from huggingface_hub.errors import OfflineModeIsEnabled, RevisionNotFoundError

    where = f"HF dataset repo {repo_id}" + (f" at {_endpoint()}" if _endpoint() else "")
    status = _status(exc)
    if isinstance(exc, RevisionNotFoundError):
        return HubUnavailable(f"{where} has no release {version}: set FOOTBALL_RAG_RELEASE to a published version")
    if status in (401, 403):
        fix = "set HF_TOKEN to a token that can read it" if get_token() else "no HF_TOKEN is set: set a read token"
        return HubUnavailable(f"{where} refused access ({status}; private, or the token is wrong): {fix}")
    if status == 404:
        return HubUnavailable(f"{where} was not found (404): check FOOTBALL_RAG_HUB, and HF_TOKEN if it is private")
    if isinstance(exc, OfflineModeIsEnabled):
        return HubUnavailable(f"cannot read {where}: HF_HUB_OFFLINE=1 switches the HF client offline; unset it")
    if status is not None:
        return HubUnavailable(f"{where} answered HTTP {status}: {_first_line(exc)}")
    cause = exc.__cause__ or exc.__context__ or exc
    return HubUnavailable(f"cannot reach {where}: {type(cause).__name__}: {_first_line(cause)}")


def _first_line(exc: BaseException) -> str:
    """Return the first non-empty line of an exception's message (the client's messages run over many lines)."""
    return next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)


def _sorted_versions(names: Iterable[str]) -> list[str]:
    """Return the names that are version ids (``v0007``), oldest first."""
    return sorted((name for name in names if _is_version(name)), key=version_number)


def _is_version(name: str) -> bool:
    """Return True when ``name`` is a version id (release.py defines them; other tags and folders are not)."""
    try:
        version_number(name)
    except ValueError:
        return False
    return True


def _next_version(taken: Iterable[str]) -> str:
    """Return the id after the highest of ``taken`` (what a new build would be given)."""
    return f"v{max((version_number(v) for v in taken), default=0) + 1:04d}"


def _same_manifest(folder: Path, release_dir: Path) -> bool:
    """Return True when ``folder`` holds the same manifest as ``release_dir`` (it names every file's sha256)."""
    held = folder / MANIFEST_NAME
    return held.is_file() and held.read_bytes() == (release_dir / MANIFEST_NAME).read_bytes()


def _endpoint() -> str | None:
    """Return ``HF_ENDPOINT`` when set (a mirror, or the tests' loopback hub), else None for the public Hub."""
    return os.environ.get("HF_ENDPOINT") or None


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link ``source`` at ``target``, or copy it when the two are on different file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _ensure(folder: Path) -> Path:
    """Create ``folder`` when missing and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write_pointer(pointer: Path, version: str) -> None:
    """Rewrite a latest-pointer file through a temporary file and a rename."""
    staged = pointer.with_name(f".{pointer.name}.{os.getpid()}")
    staged.write_text(f"{version}\n", encoding="utf-8")
    os.replace(staged, pointer)


def publish_release(settings: Settings, version: str | None = None) -> tuple[str, str]:
    """Push a local release (default the latest) to the configured hub; return the version and where it went."""
    store = release_store(settings)
    chosen = version or store.latest_version()
    if chosen is None:
        raise FileNotFoundError(f"no release under {store.root}: build one first")
    return chosen, hub_from_settings(settings).publish(store.path(chosen))


def fetch_release(settings: Settings, version: str | None = None) -> Path:
    """Return a local folder holding release ``version`` (default the hub's latest), checked against its manifest.

    This is how a reader (the app) loads a pinned release: the hub's copy is never trusted blindly.
    """
    hub = hub_from_settings(settings)
    chosen = version or hub.latest_version()
    if chosen is None:
        raise FileNotFoundError(f"the hub {settings.hub or settings.home / 'hub'} holds no release")
    folder = hub.fetch(chosen, settings.home / "hub_cache")
    damaged = verify_release(folder)
    if damaged:
        raise ValueError(f"release {chosen} from the hub differs from its manifest: {', '.join(damaged[:5])}")
    return folder
