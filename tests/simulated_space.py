"""A simulated HuggingFace Space on loopback: the image's install in a clean venv, a stand-in Hub, and the app.

The real Hub cannot be reached here, so ``tests/hub_server.py`` stands in for huggingface.co on 127.0.0.1: it
serves a private dataset repo holding a published release and model repos holding the real weight files of the
local model cache (the embedder's folder, the LLM's GGUF), each pinned by its commit. The release is built from
real season matches with the embedder downloaded from that stand-in (so its manifest records the repo's commit)
and published to it by the real ``huggingface_hub`` client (``HfHub.publish``), in a subprocess of the repo's
venv. The app then runs from the clean venv (``tests/space_image.py``) with only what a Space has: the image's
``ENV``, the Space's own variables (``SPACE_ID`` ...), the variables and secret the operator sets, and a fresh
home; plus ``HF_ENDPOINT`` naming the stand-in and ``FOOTBALL_RAG_PERSISTENT_ROOT`` naming a folder that plays
the Space's ``/data`` volume (this machine has none).

``python -m tests.simulated_space publish --out DIR --embedder SPEC`` is the publishing subprocess (it reads
``HF_ENDPOINT`` and ``HF_TOKEN`` from its environment).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from football_rag.config.model_cache import ModelCache
from football_rag.config.settings import REPO_ROOT
from tests.hub_server import HubState, files_of
from tests.space_image import DOCKERFILE, _instructions

RELEASE_REPO = "football-rag/knowledge"
EMBEDDER = ("all-mpnet-base-v2", "sentence-transformers/all-mpnet-base-v2")
# LLM cache name -> (model repo, file in it): the GGUF repos these weights are published in on the Hub.
LLM_REPOS = {
    "smollm2-135m": ("HuggingFaceTB/SmolLM2-135M-Instruct-GGUF", "smollm2-135m-instruct-q4_1.gguf"),
    "qwen2.5-1.5b": ("Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF", "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"),
}
# Arsenal 4-1 Tottenham (23 Nov 2025), Man City 3-0 Man Utd (14 Sep 2025), Liverpool 4-2 Bournemouth (15 Aug 2025).
RELEASE_MATCHES = ("1903228", "1903154", "1903117")
TOKEN = "hf_loopback_space_read_token"
SPACE_ID = "football-rag/football-rag-intelligence"
STARTUP_S = 300


@dataclass(frozen=True)
class ModelSpecs:
    """The values of the two model settings, each a model repo pinned to the commit the stand-in Hub serves."""

    embedder: str
    llm: str


def serve_models(state: HubState, llm: str, cache: ModelCache | None = None) -> ModelSpecs:
    """Publish the embedder and the LLM ``llm`` (a cache name) as model repos of ``state``; return their settings.

    The files are the model cache's own (assembled from the PyPI packages when missing), served from disk.
    """
    cache = cache or ModelCache.from_settings()
    embedder_oid = state.add_model_repo(EMBEDDER[1], files_of(cache.path(EMBEDDER[0])))
    repo, filename = LLM_REPOS[llm]
    llm_oid = state.add_model_repo(repo, {filename: cache.path(llm)})
    return ModelSpecs(f"hf://{EMBEDDER[1]}@{embedder_oid}", f"hf://{repo}@{llm_oid}/{filename}")


def build_release(root: Path, embedder_spec: str, match_ids: tuple[str, ...] = RELEASE_MATCHES) -> Path:
    """Build release v0001 of ``match_ids`` from the season corpus under ``root``, embedded by ``embedder_spec``."""
    from football_rag.knowledge.documents import build_documents
    from football_rag.knowledge.embeddings import embed_documents, load_embedder
    from football_rag.knowledge.index import INDEX_DIR, build_index
    from football_rag.knowledge.ingest import as_match_tables, match_tables, parse_raw_files, scan_raw_dir
    from football_rag.knowledge.release import CodeVersion, Manifest, ReleaseStore, release_candidate
    from football_rag.knowledge.release_gate import GateConfig
    from tests.conftest import SEASON_DATA

    raw = root / "raw"
    raw.mkdir(parents=True)
    for match_id in match_ids:
        shutil.copy(SEASON_DATA / "whoscored" / f"{match_id}.json.gz", raw)
    pairs, rejected = parse_raw_files(scan_raw_dir(raw, {}), workers=1)
    if rejected:
        raise ValueError(f"season files rejected: {rejected}")
    tables = match_tables([match for _raw, match in pairs])
    documents = build_documents(as_match_tables(tables))
    embedder = load_embedder(embedder_spec)
    embeddings, _encoded = embed_documents(documents, embedder)
    store = ReleaseStore(root / "releases")
    version = store.reserve_version()
    folder = store.work_dir(version) / INDEX_DIR
    index = build_index(documents, embeddings, version, embedder_spec, folder, None, embedder.revision)
    manifest = Manifest(
        version=version,
        code=CodeVersion(package="simulated-space"),
        embedding_model=embedder_spec,
        embedding_revision=embedder.revision,
        embedding_dim=index.embedding_dim,
        chromadb_version=index.chromadb_version,
        collection=index.collection,
    )
    outcome = release_candidate(store, manifest, {**tables, "documents": documents, "embeddings": embeddings},
                                Path(index.path), GateConfig())  # fmt: skip
    if not outcome.published:
        raise ValueError(f"the release was not published: {outcome}")
    return Path(outcome.release_path)


def publish_release(endpoint: str, embedder_spec: str, work: Path) -> dict:
    """Build and publish the release to the stand-in Hub from a subprocess of the repo's venv; return its report."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE")
    }
    env |= {"HF_ENDPOINT": endpoint, "HF_TOKEN": TOKEN, "HF_HUB_DISABLE_XET": "1", "HF_HOME": str(work / "hf")}
    command = [
        sys.executable,
        "-m",
        "tests.simulated_space",
        "publish",
        "--out",
        str(work),
        "--embedder",
        embedder_spec,
    ]
    done = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"publishing the release failed: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def image_env(text: str) -> dict[str, str]:
    """Return the variables the Dockerfile's ``ENV`` instructions set."""
    found: dict[str, str] = {}
    for keyword, args in _instructions(text):
        if keyword == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                found[key] = value
    return found


@dataclass
class Space:
    """The app running as the Space would run it, from ``python`` (the clean venv's), with its environment."""

    python: Path
    home: Path  # the image user's home (HOME)
    data: Path  # plays the Space's persistent volume /data
    variables: dict[str, str]  # what the operator set (variables and secrets), and HF_ENDPOINT
    log: Path
    process: subprocess.Popen | None = field(default=None, repr=False)
    url: str = ""

    def environment(self, port: int) -> dict[str, str]:
        """Return the Space's environment: the image's ENV, the Space's own variables, the operator's."""
        env = image_env(DOCKERFILE.read_text()) | {
            "PATH": f"{self.python.parent}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.home),
            "GRADIO_SERVER_NAME": "127.0.0.1",  # the image binds 0.0.0.0; loopback only here
            "GRADIO_SERVER_PORT": str(port),
            "SPACE_ID": SPACE_ID,
            "SPACE_AUTHOR_NAME": SPACE_ID.split("/")[0],
            "SPACE_REPO_NAME": SPACE_ID.split("/")[1],
            "SPACE_HOST": "football-rag-football-rag-intelligence.hf.space",
            "FOOTBALL_RAG_PERSISTENT_ROOT": str(self.data),
        }
        return env | self.variables

    def start(self, port: int, timeout_s: float = STARTUP_S) -> float:
        """Start ``python app.py``; return the seconds until its page answers (``/config``)."""
        self.data.mkdir(parents=True, exist_ok=True)
        self.home.mkdir(parents=True, exist_ok=True)
        workdir = self.home / "app"  # not the checkout: a .env there must not leak in (the image ignores it)
        workdir.mkdir(exist_ok=True)
        started = time.perf_counter()
        with self.log.open("a", encoding="utf-8") as out:
            self.process = subprocess.Popen(
                [str(self.python), str(REPO_ROOT / "app.py")], cwd=workdir, env=self.environment(port),
                stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        self.url = f"http://127.0.0.1:{port}/"
        while time.perf_counter() - started < timeout_s:
            if self.process.poll() is not None:
                raise RuntimeError(f"app.py exited {self.process.returncode}: {self.log.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(self.url + "config", timeout=2)
                return time.perf_counter() - started
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"app.py did not answer within {timeout_s} s: {self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(60)

    def mapped_files(self) -> set[str]:
        """Return the files the app process has mapped (llama.cpp and safetensors map their weights)."""
        assert self.process is not None
        maps = Path(f"/proc/{self.process.pid}/maps").read_text()
        return {line.split(None, 5)[5].strip() for line in maps.splitlines() if len(line.split(None, 5)) == 6}


def main() -> None:
    parser = argparse.ArgumentParser(description="build a small release and publish it to HF_ENDPOINT")
    parser.add_argument("command", choices=["publish"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--embedder", required=True)
    args = parser.parse_args()
    from football_rag.knowledge.hub import HfHub

    release = build_release(args.out / "build", args.embedder)
    where = HfHub(RELEASE_REPO).publish(release)
    manifest = json.loads((release / "manifest.json").read_text())
    keys = ("version", "embedding_model", "embedding_revision")
    print(json.dumps({"published": where} | {k: manifest[k] for k in keys}))


if __name__ == "__main__":
    main()
