"""Where a model's weights come from, chosen by one setting per model, and which revision of them was used.

The embedder (``FOOTBALL_RAG_EMBEDDING_MODEL``), the LLM (``FOOTBALL_RAG_LLM__MODEL``) and the judge
(``FOOTBALL_RAG_JUDGE_MODEL``) each take one value, and its form chooses the source:

- a model cache name (``all-mpnet-base-v2``, ``qwen2.5-1.5b``, ...): the PyPI weight packages, laid out in the
  model cache (``model_cache.py``); the offline source. Its revision is the packages' ``name==version`` pins;
- ``hf://owner/repo@revision``: a HF model repo, downloaded whole (a sentence-transformers embedder), or
  ``hf://owner/repo@revision/path/in/repo.gguf``: one file of it (a GGUF). ``huggingface_hub``'s
  ``snapshot_download`` / ``hf_hub_download`` fetch it into HF's cache (``$HF_HOME/hub``: on a Space with
  persistent storage ``/data/huggingface``, see ``offline.py``) and answer from there once it is complete.
  The revision is required (a commit sha pins it for good; a tag or branch is resolved to its commit, which is
  what is recorded). ``HF_ENDPOINT`` points the client at another server (the tests' loopback hub);
- the path of a model folder or GGUF file (no revision known).

``resolve_model`` returns the local path with the model's identity (name and revision): a release records its
embedder's (``Manifest.embedding_model`` / ``embedding_revision``) and the loader checks it.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from football_rag.config.model_cache import ModelCache

log = logging.getLogger(__name__)

HF_PREFIX = "hf://"
PYPI_REVISION_PREFIX = "pypi:"
# What a sentence-transformers repo holds that the PyTorch loader never reads (other runtimes' copies of the weights).
EMBEDDER_IGNORE = ["onnx/*", "openvino/*", "*.onnx", "*.h5", "*.ot", "*.msgpack", "flax_model*", "tf_model*"]
_HUB_REF = re.compile(r"^(?P<repo>[^/@\s]+/[^/@\s]+)@(?P<revision>[^/\s]+)(?:/(?P<file>\S+))?$")


class ModelSourceError(FileNotFoundError):
    """A model reference cannot be resolved (malformed, refused, unreachable); the one-line message says which."""


@dataclass(frozen=True)
class HubRef:
    """``hf://owner/repo@revision[/file]``: a HF model repo at a revision, whole or one file of it."""

    repo: str
    revision: str
    file: str | None = None

    @property
    def name(self) -> str:
        """Return the reference without its revision: what the model is, whichever commit of it."""
        return f"{HF_PREFIX}{self.repo}" + (f"/{self.file}" if self.file else "")


@dataclass(frozen=True)
class ResolvedModel:
    """A model on local disk and what it is: its name (the reference without revision) and its revision."""

    spec: str
    name: str
    revision: str | None
    path: Path
    source: str  # "hub", "pypi" or "path"


def parse_hub_ref(spec: str) -> HubRef | None:
    """Return the ``HubRef`` of an ``hf://`` value, None for any other value; raise on a malformed one."""
    if not spec.startswith(HF_PREFIX):
        return None
    found = _HUB_REF.match(spec.removeprefix(HF_PREFIX))
    if found is None:
        raise ModelSourceError(
            f"{spec}: a HF model is hf://owner/repo@revision (a whole repo) or hf://owner/repo@revision/file.gguf; "
            "the revision (a commit sha or a tag) is required"
        )
    return HubRef(found["repo"], found["revision"], found["file"])


def model_name(spec: str) -> str:
    """Return a model value without its revision (``hf://owner/repo[/file]``), or the value itself."""
    ref = parse_hub_ref(spec)
    return ref.name if ref else spec


def resolve_model(spec: str, cache: ModelCache | None = None) -> ResolvedModel:
    """Return model ``spec`` on local disk with its name and revision, downloading or assembling it when needed.

    A cache name is assembled from its packages when missing (ModelPackageMissing names the fix); a HF reference is
    downloaded through ``huggingface_hub`` (ModelSourceError says what the Hub answered); a path must exist.
    """
    from football_rag.config.model_cache import ModelCache

    cache = cache or ModelCache.from_settings()
    ref = parse_hub_ref(spec)
    if ref is not None:
        path, commit = _download(ref)
        return ResolvedModel(spec, ref.name, commit, path, "hub")
    if spec in cache.sources:
        pins = cache.sources[spec].pins()
        return ResolvedModel(spec, spec, PYPI_REVISION_PREFIX + ",".join(pins), cache.path(spec), "pypi")
    path = Path(spec).expanduser()
    if not path.exists():
        raise ModelSourceError(
            f"{spec}: neither a model cache name ({', '.join(cache.sources)}), nor hf://owner/repo@revision[/file], "
            f"nor an existing file or folder"
        )
    return ResolvedModel(spec, spec, None, path, "path")


def _download(ref: HubRef) -> tuple[Path, str]:
    """Fetch ``ref`` into HF's cache (or find it complete there); return its local path and the commit it is."""
    from huggingface_hub import constants, hf_hub_download, snapshot_download

    where = f"HF model repo {ref.repo}@{ref.revision}" + (f" at {os.environ['HF_ENDPOINT']}" if _endpoint() else "")
    try:
        if ref.file:
            local = Path(hf_hub_download(ref.repo, ref.file, revision=ref.revision, endpoint=_endpoint()))
            snapshot = next(p for p in local.parents if p.parent.name == "snapshots")
        else:
            fetched = snapshot_download(
                ref.repo, revision=ref.revision, ignore_patterns=EMBEDDER_IGNORE, endpoint=_endpoint()
            )
            local = snapshot = Path(fetched)
    except _hub_errors() as exc:
        offline = " (HF_HUB_OFFLINE is set and it is not in the local HF cache)" if constants.HF_HUB_OFFLINE else ""
        raise ModelSourceError(f"{where}: {_reason(exc)}{offline}") from exc
    log.info("model %s is at %s (commit %s)", ref.name, local, snapshot.name)
    return local, snapshot.name


def _hub_errors() -> tuple[type[Exception], ...]:
    """Return what the HF client raises when the Hub refuses, lacks the file, or cannot be reached (not our bugs)."""
    import httpx
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError, OfflineModeIsEnabled

    return (HfHubHTTPError, LocalEntryNotFoundError, OfflineModeIsEnabled, httpx.TransportError)


def _reason(exc: BaseException) -> str:
    """Return what went wrong, in words a Space's operator acts on."""
    from huggingface_hub.errors import (
        EntryNotFoundError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    status = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(exc, LocalEntryNotFoundError | OfflineModeIsEnabled):  # before EntryNotFoundError, its base
        return f"the Hub could not be reached ({type(exc).__name__})"
    if isinstance(exc, RevisionNotFoundError):
        return "no such revision: pin a commit sha or tag the repo has"
    if isinstance(exc, EntryNotFoundError):
        return "no such file at that revision"
    if status in (401, 403):
        return f"access refused ({status}): set HF_TOKEN to a token that can read it"
    if isinstance(exc, RepositoryNotFoundError) or status == 404:
        return "not found (404): check the repo id, and HF_TOKEN if it is private"
    return f"the Hub could not be reached ({type(exc).__name__})"


def _endpoint() -> str | None:
    """Return ``HF_ENDPOINT`` when set (a mirror, or the tests' loopback hub), else None for the public Hub."""
    return os.environ.get("HF_ENDPOINT") or None
