"""Growth to ten seasons (issue 18, item 1): the knowledge base at 1x, 3x and 10x the demo season, timed.

At scale N the raw store holds N copies of the real demo season (``benchmarks.season_copies``): the season itself
and N-1 earlier ones, each match with a new id, its dates moved back whole years and its season labelled so. For
each scale, in a fresh home under a temporary folder (as ``bench_build``): one full build of everything but the
latest season's last ``INCREMENT`` matches, then those matches as an increment, each with its peak resident memory
(the build and its parse workers, sampled: the 10x full build was killed by the kernel's OOM killer on the 24 GiB
host at over 14 GiB while other work ran, 7 December); the release's size on disk (all
of it, and its Chroma index); the app's cold start (``python app.py`` until its page is served) and resident
memory (psutil); and, in this process, the latency of a fixed set of fact questions on matches of different
seasons ("What was the score of Arsenal vs Chelsea in 2022/23?"), each checked against the real match's raw file
(the answer rests on the copy asked about and names its score, referee or attendance). Evaluation time is the
build's evaluate step. Narrative latency is not measured here: it is the model's time (bench_narrative), and the
retrieval it waits on is filtered to one match.

Targets (issue 18): the increment within 20% of its 1x time; fact latency within 20% of 1x; the full build no worse
than linear in the matches. ``FOOTBALL_RAG_BENCH_GROWTH_SCALES`` (default "1,3") picks the scales for ``make
bench``; ``python -m benchmarks.bench_growth --scales 1,3,10`` runs them from the command line and prints a
markdown table beside the JSON. A 10x build embeds ~2,000 matches' documents: over 40 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np
import psutil

from benchmarks.bench_app import free_port, wait_until_served
from benchmarks.bench_build import EMBEDDER, INCREMENT, SEASON, _build, _environment, _timed
from benchmarks.season_copies import copy_id, put_copy, season_back
from football_rag.config.settings import REPO_ROOT, Settings, get_settings
from football_rag.data.raw_store import RawStore

SCALES_ENV = "FOOTBALL_RAG_BENCH_GROWTH_SCALES"
DEFAULT_SCALES = "1,3"
# The build's embedder (default the app's, all-mpnet-base-v2); all-MiniLM-L6-v2, ~5x faster, shows how the rest of
# the build grows when a 3x mpnet build does not fit the time at hand.
EMBEDDER_ENV = "FOOTBALL_RAG_BENCH_GROWTH_EMBEDDER"
LATEST_SEASON = "2025/2026"
ASKED_MATCHES = 16  # real matches, spread over the season; each asked three ways, in a season that cycles
TEMPLATES = {
    "score": "What was the score of {home} vs {away} in {season}?",
    "referee": "Who refereed {home} v {away} in {season}?",
    "attendance": "What was the attendance at {home} vs {away} in {season}?",
}
TARGET = "increment and fact p95 within 20% of 1x; full build no worse than linear in matches"


class Question(NamedTuple):
    text: str
    match_id: str  # the copy asked about
    gold: str  # what the answer must say


def scales_of(text: str | None) -> list[int]:
    """Return the scales named in ``text`` ("1,3,10"), default ``FOOTBALL_RAG_BENCH_GROWTH_SCALES``, else 1 and 3."""
    return [int(part) for part in (text or os.environ.get(SCALES_ENV) or DEFAULT_SCALES).split(",")]


def run(scales: list[int] | None = None, embedder: str | None = None) -> dict[str, object]:
    """Return one row of measurements a scale (as JSON text per scale) and the growth ratios against 1x."""
    embedder = embedder or os.environ.get(EMBEDDER_ENV) or EMBEDDER
    if not SEASON.is_dir():
        return {"skipped": f"season corpus not found at {SEASON}"}
    if not (get_settings().models_dir / "embeddings" / embedder).exists():
        return {"skipped": f"{embedder} is not in the model cache (run scripts/setup.sh)"}
    rows = []
    for scale in scales or scales_of(None):
        rows.append(grow(scale, embedder))
        # each row as soon as it is measured: a 10x row takes an hour, and a later scale may be stopped
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(markdown(rows), file=sys.stderr)
    return {"embedder": embedder, **{f"x{row['scale']}": json.dumps(row) for row in rows}, **ratios(rows)}


def grow(scale: int, embedder: str) -> dict[str, object]:
    """Build the knowledge base of ``scale`` seasons in a fresh home with ``embedder``; return its row."""
    files = sorted(SEASON.glob("*.json.gz"))
    held = files[-INCREMENT:]  # the latest season's last matches: the increment
    load_before = os.getloadavg()[0]  # other work on the shared cores makes every wall time an upper bound
    with tempfile.TemporaryDirectory(prefix=f"bench_growth_{scale}x_") as scratch:
        home, raw = Path(scratch) / "home", Path(scratch) / "raw"
        env = _environment(home, raw, embedder)
        store = RawStore(raw)
        started = time.perf_counter()
        for seasons_back in range(scale):
            for path in files if seasons_back else files[:-INCREMENT]:
                put_copy(store, path, seasons_back)
        copies_s = round(time.perf_counter() - started, 1)
        _timed("football_rag.knowledge.stack", env)
        full = _build(env)
        overridden = {"full": _publish_held(full, env)}
        for path in held:
            put_copy(store, path, 0)
        increment = _build(env)
        overridden["increment"] = _publish_held(increment, env)
        release = home / "releases" / str(increment["candidate"])
        counts = json.loads((release / "manifest.json").read_text())["row_counts"]
        builds = {"full": full, "increment": increment}
        row = {
            "scale": scale,
            "copies_s": copies_s,
            "matches": counts["matches"],
            "documents": counts.get("documents"),
            "full_build_s": full["seconds"],
            "full_cpu_s": full["cpu_seconds"],
            "full_peak_mib": full["peak_mib"],
            "full_step_s": full["step_seconds"],
            "increment_matches": increment["new_matches"],
            "increment_s": increment["seconds"],
            "increment_cpu_s": increment["cpu_seconds"],
            "increment_peak_mib": increment["peak_mib"],
            "increment_step_s": increment["step_seconds"],
            "published": f"{full['candidate']} {full['published']}, {increment['candidate']} {increment['published']}",
            "published_by_override": {name: build["reasons"] for name, build in builds.items() if overridden[name]},
            "release_mb": _megabytes(release),
            "index_mb": _megabytes(release / "index"),
            **app_start(env),
            **fact_latency(home, scale, embedder),
            "load_1m": f"{load_before:.1f}-{os.getloadavg()[0]:.1f}",
        }
    return row


# The copies repeat one season's texts with other dates, so the gate's filtered retrieval cannot always tell a match
# from its copies (10x, all-MiniLM-L6-v2: 0.725 against a minimum of 1.0); without a published parent the
# increment would rebuild everything, and the app (which serves only a published release) nothing to serve.
REPLICA_OVERRIDE = "growth benchmark: season replicas repeat one season's texts; retrieval cannot tell the copies apart"


def _publish_held(build: dict[str, object], env: dict[str, str]) -> bool:
    """Publish a build the gate held back, by the operator's override (recorded in its manifest and MLflow), so the
    increment has its parent and the app a release; return whether it was held."""
    if build["published"] or build["candidate"] is None:
        return False
    command = ["publish", "--release", str(build["candidate"]), "--override", REPLICA_OVERRIDE]
    subprocess.run([sys.executable, "-m", "football_rag", *command], cwd=REPO_ROOT, env=env, check=True)
    return True


def _megabytes(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def app_start(env: dict[str, str]) -> dict[str, float]:
    """Start ``python app.py`` on the home's release; return its cold start and resident memory once served."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        app = subprocess.Popen(
            [sys.executable, "app.py"], cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
            env=env | {"GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port)},
        )  # fmt: skip
        try:
            wait_until_served(app, port, log)
            cold_start_s = time.perf_counter() - started
            rss_mb = psutil.Process(app.pid).memory_info().rss / 2**20
        finally:
            app.terminate()
            app.wait(30)
    return {"app_cold_start_s": round(cold_start_s, 1), "app_rss_mb": round(rss_mb, 1)}


def fact_latency(home: Path, scale: int, embedder: str) -> dict[str, object]:
    """Ask the fixed fact questions of ``scale`` seasons of the home's release in this process; return the
    knowledge base's load time, the latency p50/p95 and how many answers were right (and the first wrong one)."""
    from football_rag.rag.answerer import Answerer
    from football_rag.rag.knowledge_base import load_knowledge_base

    settings = Settings(home=home, model_dir=get_settings().models_dir.absolute(), embedding_model=embedder)
    started = time.perf_counter()
    kb = load_knowledge_base(settings)
    answerer = Answerer(kb.tables, collection=kb.collection, encode=kb.embedder.encode)
    load_s = time.perf_counter() - started
    latencies, wrong = [], []
    for question in questions(scale):
        started = time.perf_counter()
        answer, _ = answerer.ask(question.text)
        latencies.append((time.perf_counter() - started) * 1000)
        if not is_right(answer.answer, answer.matches, question):
            wrong.append(f"{question.text} -> {answer.answer[:160]} {answer.matches[:3]}")
    return {
        "kb_load_s": round(load_s, 1),
        "fact_questions": len(latencies),
        "fact_right": len(latencies) - len(wrong),
        "fact_p50_ms": round(float(np.percentile(latencies, 50)), 1),
        "fact_p95_ms": round(float(np.percentile(latencies, 95)), 1),
        "first_wrong": wrong[0] if wrong else None,
    }


def questions(scale: int) -> list[Question]:
    """Return the fixed question set: ``ASKED_MATCHES`` real matches of pairs that met once, spread over the season,
    each asked every way, the i-th question about the copy ``i % scale`` seasons back; gold from the real raw file."""
    with (SEASON.parent / "matches.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # A pair that met twice in a season needs its date to name one meeting: ask about pairs that met once.
    pairs = Counter(frozenset((row["home"], row["away"])) for row in rows)
    rows = [row for row in rows if pairs[frozenset((row["home"], row["away"]))] == 1]
    step = len(rows) // ASKED_MATCHES
    asked = []
    for row in rows[::step][:ASKED_MATCHES]:
        centre = json.loads(gzip.decompress((SEASON / f"{row['whoscored_id']}.json.gz").read_bytes()))
        golds = {
            "score": row["score"].replace(" : ", "-"),
            "referee": (centre.get("referee") or {}).get("name", ""),
            "attendance": str(centre.get("attendance", "")),
        }
        for kind, template in TEMPLATES.items():
            back = len(asked) % scale
            season = short_season(season_back(LATEST_SEASON, back))
            text = template.format(home=row["home"], away=row["away"], season=season)
            asked.append(Question(text, copy_id(row["whoscored_id"], back), golds[kind]))
    return asked


def short_season(season: str) -> str:
    """Return a season as people write it: "2022/2023" -> "2022/23"."""
    start, end = season.split("/")
    return f"{start}/{end[2:]}"


def is_right(text: str, matches: list[str], question: Question) -> bool:
    """Whether an answer rests on the copy asked about alone and says the gold (a score with any dash, a number
    with or without thousands separators)."""
    said = re.sub(r"(?<=\d),(?=\d{3})", "", text).replace("–", "-").replace(" - ", "-")
    return matches == [question.match_id] and question.gold in said


def ratios(rows: list[dict[str, object]]) -> dict[str, float]:
    """Return each scale's growth against 1x: full build per match, increment and fact p95 (1.0: flat)."""
    base = next((row for row in rows if row["scale"] == 1), None)
    if base is None:
        return {}
    figures = {}
    for row in rows:
        if row is base:
            continue
        per_match = (row["full_build_s"] / row["matches"]) / (base["full_build_s"] / base["matches"])
        figures[f"x{row['scale']}_full_s_per_match_over_1x"] = round(per_match, 3)
        figures[f"x{row['scale']}_increment_over_1x"] = round(row["increment_s"] / base["increment_s"], 3)
        figures[f"x{row['scale']}_increment_cpu_over_1x"] = round(row["increment_cpu_s"] / base["increment_cpu_s"], 3)
        if "fact_p95_ms" in row and "fact_p95_ms" in base:
            figures[f"x{row['scale']}_fact_p95_over_1x"] = round(row["fact_p95_ms"] / base["fact_p95_ms"], 3)
    return figures


def markdown(rows: list[dict[str, object]]) -> str:
    """Return the README's growth table: one column a scale."""
    lines = [
        ("matches", "matches"),
        ("documents", "documents"),
        ("full build s (CPU s)", lambda r: f"{r['full_build_s']} ({r['full_cpu_s']})"),
        ("full build: embed s", lambda r: r["full_step_s"].get("embed")),
        ("build peak resident MiB (full / increment)", lambda r: f"{r['full_peak_mib']} / {r['increment_peak_mib']}"),
        ("10-match increment s (CPU s)", lambda r: f"{r['increment_s']} ({r['increment_cpu_s']})"),
        ("increment: embed s", lambda r: r["increment_step_s"].get("embed")),
        ("evaluation s (full / increment)", lambda r: _evaluation(r)),
        ("release MiB (index MiB)", lambda r: f"{r['release_mb']} ({r['index_mb']})"),
        ("app cold start s", "app_cold_start_s"),
        ("app resident MiB", "app_rss_mb"),
        ("fact p50 / p95 ms", lambda r: f"{r['fact_p50_ms']} / {r['fact_p95_ms']}"),
        ("fact answers right", lambda r: f"{r['fact_right']}/{r['fact_questions']}"),
        ("load average (1 min), start-end", "load_1m"),
    ]
    out = ["| | " + " | ".join(f"{row['scale']}x" for row in rows) + " |", "| --- |" + " --- |" * len(rows)]
    for label, cell in lines:
        values = (_cell(row, cell) for row in rows)
        out.append(f"| {label} | " + " | ".join(str(value) for value in values) + " |")
    return "\n".join(out)


def _cell(row: dict[str, object], cell: str | Callable[[dict[str, object]], object]) -> object:
    """Return a table cell of ``row``: its value, or what ``cell`` computes from the row."""
    return cell(row) if callable(cell) else row[cell]


def _evaluation(row: dict[str, object]) -> str:
    """Return the evaluate steps' seconds of the full build and the increment."""
    full, increment = (
        round(sum(s for step, s in steps.items() if "evaluat" in step), 1)
        for steps in (row["full_step_s"], row["increment_step_s"])
    )
    return f"{full} / {increment}"


def main(argv: list[str]) -> int:
    """``--scales 1,3,10``: run those scales, print the JSON and the markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", help=f"comma-separated, default {SCALES_ENV} else {DEFAULT_SCALES}")
    parser.add_argument("--embedder", help=f"a model cache name, default {EMBEDDER_ENV} else {EMBEDDER}")
    args = parser.parse_args(argv)
    print(json.dumps(run(scales_of(args.scales), args.embedder), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
