"""The knowledge-base build, timed as a user runs it: the season minus its last matchweek, then that matchweek.

Each build is ``python -m football_rag.knowledge.build`` (the retrain pipeline, what ``football-rag build``
runs) in a fresh home under a temporary folder, with the default embedder all-mpnet-base-v2 and the repo's
configs. The ZenML stack is set up first and timed apart (a one-off per home). Targets on 2 cores: the full
build under 5 minutes, a 10-match increment under 60 seconds.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

import psutil

from football_rag.config.settings import REPO_ROOT, get_settings

SEASON = REPO_ROOT.parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
INCREMENT = 10
EMBEDDER = "all-mpnet-base-v2"


def _environment(home: Path, raw: Path, embedder: str = EMBEDDER) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENML_", "FOOTBALL_RAG_", "MLFLOW_"))}
    env.update(
        FOOTBALL_RAG_HOME=str(home),
        FOOTBALL_RAG_RAW_DIR=str(raw),
        FOOTBALL_RAG_EMBEDDING_MODEL=embedder,
        FOOTBALL_RAG_MODEL_DIR=str(get_settings().models_dir.absolute()),
        HF_HOME=str(home / "hf"),
    )
    return env


class Timed(NamedTuple):
    seconds: float  # wall clock: what the targets are set in
    cpu_seconds: float  # the process' user + system CPU: the work done, whatever else the host runs meanwhile
    stdout: str
    # the largest resident memory of the process and its children together (the parse pool's workers), sampled
    peak_mib: int


# A build's peak lasts seconds (the parse, the merge), so a few samples a second find it.
RSS_SAMPLE_S = 0.25


def _timed(module: str, env: dict[str, str]) -> Timed:
    """Run ``python -m module`` from the repo root; return its wall and CPU time, stdout and peak memory."""
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    process = psutil.Popen(
        [sys.executable, "-m", module],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0]
    sampler = threading.Thread(target=_sample_rss, args=(process, peak), daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{module} failed: {stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Timed(round(time.perf_counter() - started, 1), round(cpu, 1), stdout, peak[0] // 2**20)


def _sample_rss(process: psutil.Popen, peak: list[int]) -> None:
    """Keep in ``peak[0]`` the largest resident memory of ``process`` and its children until it ends."""
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree))
        except psutil.Error:  # a pool worker that ended between the listing and the reading
            pass
        time.sleep(RSS_SAMPLE_S)


def _build(env: dict[str, str]) -> dict[str, object]:
    timed = _timed("football_rag.knowledge.build", env)
    report = json.loads(timed.stdout.strip().splitlines()[-1])
    kept = ("version", "published", "candidate", "release_path", "held_path", "reasons", "matches", "new_matches")
    kept += ("step_seconds",)
    measured = {"seconds": timed.seconds, "cpu_seconds": timed.cpu_seconds, "peak_mib": timed.peak_mib}
    return measured | {key: report[key] for key in kept}


def run() -> dict[str, object]:
    files = sorted(SEASON.glob("*.json.gz"))
    if not files:
        return {"skipped": f"season corpus not found at {SEASON}"}
    if not (get_settings().models_dir / "embeddings" / EMBEDDER).exists():
        return {"skipped": f"{EMBEDDER} is not in the model cache (run scripts/setup.sh)"}
    with tempfile.TemporaryDirectory(prefix="bench_build_") as scratch:
        home, raw = Path(scratch) / "home", Path(scratch) / "raw" / "premier-league-2025-26"
        raw.mkdir(parents=True)
        env = _environment(home, raw.parent)
        stack_s = _timed("football_rag.knowledge.stack", env).seconds
        for path in files[:-INCREMENT]:
            shutil.copy(path, raw)
        full = _build(env)
        for path in files[-INCREMENT:]:
            shutil.copy(path, raw)
        increment = _build(env)
        latest = home / "releases" / str(increment["version"]) / "manifest.json"
        documents = json.loads(latest.read_text())["row_counts"]["documents"] if latest.is_file() else None
    return {
        "embedder": EMBEDDER,
        "stack_setup_s": stack_s,
        "full_matches": full["matches"],
        "full_build_s": full["seconds"],
        "full_embed_s": full["step_seconds"].get("embed"),
        "full_peak_mib": full["peak_mib"],
        "increment_matches": increment["new_matches"],
        "increment_build_s": increment["seconds"],
        "increment_embed_s": increment["step_seconds"].get("embed"),
        "increment_peak_mib": increment["peak_mib"],
        "documents": documents,
        "published": f"{full['version']} {full['published']}, {increment['version']} {increment['published']}",
        "full_step_s": json.dumps(full["step_seconds"]),
        "increment_step_s": json.dumps(increment["step_seconds"]),
        "target": "full < 300 s, increment < 60 s on 2 cores",
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
