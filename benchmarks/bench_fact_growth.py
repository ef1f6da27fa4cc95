"""Fact answers as the knowledge base grows (issue 18, item 1): the same questions over 1x, 3x and 10x seasons.

No embedding, no pipeline: the tables of N seasons are built in this process the way an ingest builds them, from
the season copies ``bench_growth`` stores (``benchmarks.season_copies``: the real demo season and N-1 copies moved
back whole years): each season's copies are parsed (``knowledge.ingest.parse_raw_files``), turned into tables
(``match_tables``), scored by one xG model fitted on the real season (``fill_missing_xg``, as a release's increment
scores new shots) and merged into the seasons before it (``merge_tables``). Over each scale's tables an
``Answerer`` (no collection, no LLM: the fact path) answers the same questions: ``bench_growth``'s 48 (score,
referee, attendance of matches of every loaded season), the eval set generated from the real season's tables
(every templated kind: scorers, player lines, leaders, team periods, rankings...) and a few two-turn follow-ups.
Each scale's tables are written as a release writes them and read back as the app reads them
(``knowledge.datasets``; ``rows_on_disk.served_tables``: the events by match, unless a ``--tables`` folder kept from
before row groups holds them in one group, then whole). Every question is asked ``ROUNDS`` times, each round by a
fresh ``Answerer`` (it remembers its answers), and its latency is the best of its rounds, by the clock and in the
process's CPU time (Arrow's threads included): on cores shared with other work the best round is the one least
disturbed, and the median moved by 20-30% between runs minutes apart. p50/p95 per scale, p50 per kind, and the
ratio to 1x (target: within 20%).

``FOOTBALL_RAG_BENCH_FACT_GROWTH_SCALES`` (default "1,3": building ten seasons' tables parses 2,040 matches, 27 min
on a busy host this morning, ~8 min estimated idle) picks the scales for ``make bench``; from the command line
``python -m benchmarks.bench_fact_growth --scales 1,10 --tables DIR --answers answers.json`` keeps the scales'
tables in DIR (built there once, read from there after: two versions of the code then answer over the same
tables), writes every answer's text by scale (to compare the versions answer for answer), and ``--profile DIR``
writes a cProfile of each scale's first round there.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

import numpy as np

from benchmarks.bench_build import SEASON
from benchmarks.bench_growth import questions as growth_questions
from benchmarks.season_copies import put_copy
from football_rag.analytics.tables import MatchTables
from football_rag.analytics.xg_model import XgModel, train_xg_model
from football_rag.data.raw_store import RawStore
from football_rag.evaluation.eval_set import FACT_KINDS
from football_rag.evaluation.generator import generate_eval_set
from football_rag.knowledge.datasets import Tables, write_tables
from football_rag.knowledge.ingest import (
    as_match_tables,
    fill_missing_xg,
    match_tables,
    merge_tables,
    parse_raw_files,
    scan_raw_dir,
    tables_by_name,
)
from football_rag.knowledge.rows_on_disk import served_tables
from football_rag.rag.answerer import Answerer

SCALES_ENV = "FOOTBALL_RAG_BENCH_FACT_GROWTH_SCALES"
DEFAULT_SCALES = "1,3"
TARGET = "fact p50 and p95 within 20% of 1x at every scale"
XG_SEED = 0
ROUNDS = 5
# Two turns each: the second is read against the first (its match, its player, its ranking).
FOLLOW_UPS = (
    ("What was the score of Arsenal vs Chelsea?", "Who scored?"),
    ("Who refereed Liverpool v Everton?", "and the attendance?"),
    ("Who has the most goals this season?", "What about assists?"),
    ("How many goals has Haaland scored?", "and his shots?"),
    ("How did Arsenal do in November?", "what about Liverpool?"),
    ("Who had the most shots in Man City vs Liverpool?", "and the other team?"),
    ("What was the score of Chelsea v Fulham?", "what about the return match?"),
    ("Who is top of the table?", "who is bottom?"),
)


def scales_of(text: str | None) -> list[int]:
    """Return the scales named in ``text`` ("1,3,10"), default ``FOOTBALL_RAG_BENCH_FACT_GROWTH_SCALES``, else 1 and
    3."""
    return [int(part) for part in (text or os.environ.get(SCALES_ENV) or DEFAULT_SCALES).split(",")]


def run(
    scales: list[int] | None = None,
    tables: Path | None = None,
    answers: Path | None = None,
    profile: Path | None = None,
) -> dict[str, object]:
    """Return the fact latency of each scale (p50/p95 overall and per kind, by the clock and in CPU time) and its ratio
    to 1x; ``tables``: where the scales' tables are kept (a temporary folder when None)."""
    if not SEASON.is_dir():
        return {"skipped": f"season corpus not found at {SEASON}"}
    scales = sorted(scales or scales_of(None))
    load_before = os.getloadavg()[0]  # other work on the shared cores makes every wall time an upper bound
    results: dict[str, object] = {}
    texts: dict[str, list[dict[str, object]]] = {}
    with ExitStack() as stack:
        folder = tables or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench_fact_growth_tables_")))
        started = time.perf_counter()
        keep_tables(folder, scales)
        results["tables_s"] = round(time.perf_counter() - started, 1)
        asked = mixed_questions(read_scale(folder, min(scales)))
        for scale in scales:
            by_scale = read_scale(folder, scale)
            results[f"x{scale}_matches"] = len(by_scale.matches)
            turns = [("growth48", q.text) for q in growth_questions(scale)] + asked
            timed, texts[f"x{scale}"] = answer_rounds(
                by_scale, turns, profile and profile / f"fact_growth_{scale}x.prof"
            )
            results.update(figures(f"x{scale}", timed))
            print(json.dumps({k: v for k, v in results.items() if k.startswith(f"x{scale}_")}), file=sys.stderr)
    results.update(ratios(results, scales))
    results["load_1m"] = f"{load_before:.1f}-{os.getloadavg()[0]:.1f}"
    if answers is not None:
        answers.write_text(json.dumps(texts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return results


def keep_tables(folder: Path, scales: list[int]) -> None:
    """Write the tables of each scale as a release does, under ``folder/<scale>x``, unless they are there already."""
    missing = {scale for scale in scales if not (folder / f"{scale}x").is_dir()}
    if missing:
        for scale, tables in seasons_tables(max(missing), missing).items():
            write_tables(folder / f"{scale}x", tables_by_name(tables))


def read_scale(folder: Path, scale: int) -> MatchTables:
    """Return the tables of ``scale`` seasons as the app reads a release's (``served_tables``: the events by match)."""
    return served_tables(folder / f"{scale}x")


def seasons_tables(seasons: int, wanted: set[int]) -> dict[int, MatchTables]:
    """Return the tables of the latest ``k`` seasons for each ``k`` in ``wanted`` (up to ``seasons``), built season by
    season from the copies as an ingest builds them, the xG of every shot filled by one model."""
    files = sorted(SEASON.glob("*.json.gz"))
    model: XgModel | None = None
    merged: Tables = {}
    built: dict[int, MatchTables] = {}
    with tempfile.TemporaryDirectory(prefix="bench_fact_growth_") as scratch:
        for back in range(seasons):
            raw = Path(scratch) / f"season_{back}"
            store = RawStore(raw)
            for path in files:
                put_copy(store, path, back)
            pairs, rejected = parse_raw_files(scan_raw_dir(raw, {}))
            if rejected:
                raise RuntimeError(f"{len(rejected)} copies did not parse: {rejected[0].error}")
            season = match_tables([match for _raw, match in pairs])
            model = model or train_xg_model(season["shots"], XG_SEED)
            season = fill_missing_xg(season, model.predict, model.xg_source)
            ids = set(season["matches"]["match_id"].astype(str))
            merged = merge_tables(merged, season, ids) if merged else season
            if back + 1 in wanted:
                built[back + 1] = as_match_tables(merged)
    return built


def mixed_questions(tables: MatchTables) -> list[tuple[str, str | tuple[str, ...]]]:
    """Return (kind, question) pairs: every fact question the eval set generates from ``tables`` (the smallest scale's,
    1x the real season: asked the same at every scale), then the follow-up pairs (kind "follow_up", the question a
    tuple of turns)."""
    generated = [(q.kind, q.question) for q in generate_eval_set(tables) if q.kind in FACT_KINDS]
    return generated + [("follow_up", turns) for turns in FOLLOW_UPS]


def answer_rounds(
    tables: MatchTables, turns: list[tuple[str, str | tuple[str, ...]]], profile: Path | None
) -> tuple[dict[str, np.ndarray], list[dict[str, object]]]:
    """Answer every question ``ROUNDS`` times, each round by a fresh answerer; return each kind's answers' best
    (wall ms, CPU ms) over the rounds, one row an answer, and the first round's answers (question, text, matches)."""
    rounds, first = [], []
    for number in range(ROUNDS):
        profiler = cProfile.Profile() if profile and not number else None
        timed, said = answer_all(Answerer(tables), turns, profiler)
        rounds.append(timed)
        first = first or said
        if profiler is not None:
            profile.parent.mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(profile)
    return {kind: np.min([r[kind] for r in rounds], axis=0) for kind in rounds[0]}, first


def answer_all(
    answerer: Answerer, turns: list[tuple[str, str | tuple[str, ...]]], profiler: cProfile.Profile | None
) -> tuple[dict[str, list[tuple[float, float]]], list[dict[str, object]]]:
    """Answer every question (a follow-up's turns in order, each given the one before); return the (wall ms, CPU ms)
    of each answer by kind, and each answer's question, text and matches."""
    timed: dict[str, list[tuple[float, float]]] = defaultdict(list)
    said: list[dict[str, object]] = []
    for kind, asked in turns:
        previous = None
        for question in (asked,) if isinstance(asked, str) else asked:
            if profiler is not None:
                profiler.enable()
            started, cpu = time.perf_counter(), time.process_time()
            answer, previous = answerer.ask(question, previous)
            timed[kind].append(((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000))
            if profiler is not None:
                profiler.disable()
            said.append({"kind": kind, "question": question, "answer": answer.answer, "matches": answer.matches})
    return timed, said


def figures(prefix: str, timed: dict[str, np.ndarray]) -> dict[str, object]:
    """Return p50/p95 ms over every answer (wall, then CPU) and the wall p50 of each kind, under ``prefix``."""
    every = np.concatenate(list(timed.values()))
    out: dict[str, object] = {f"{prefix}_questions": len(every)}
    for column, name in ((0, ""), (1, "cpu_")):
        out[f"{prefix}_{name}p50_ms"] = round(float(np.percentile(every[:, column], 50)), 2)
        out[f"{prefix}_{name}p95_ms"] = round(float(np.percentile(every[:, column], 95)), 2)
    return out | {f"{prefix}_{kind}_p50_ms": round(float(np.median(ms[:, 0])), 2) for kind, ms in sorted(timed.items())}


def ratios(results: dict[str, object], scales: list[int]) -> dict[str, float]:
    """Return each scale's p50 and p95 (wall and CPU) over 1x's (1.0: flat)."""
    if 1 not in scales:
        return {}
    return {
        f"x{scale}_{figure}_over_1x": round(results[f"x{scale}_{figure}_ms"] / results[f"x1_{figure}_ms"], 3)
        for scale in scales
        if scale != 1
        for figure in ("p50", "p95", "cpu_p50", "cpu_p95")
    }


def main(argv: list[str]) -> int:
    """``--scales 1,3,10 [--tables DIR] [--answers FILE] [--profile DIR]``: run, print the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", help=f"comma-separated, default {SCALES_ENV} else {DEFAULT_SCALES}")
    parser.add_argument("--tables", type=Path, help="keep the scales' tables here (built once, then read)")
    parser.add_argument("--answers", type=Path, help="write every answer's text by scale to this JSON file")
    parser.add_argument("--profile", type=Path, help="write a cProfile of each scale's first round to this folder")
    args = parser.parse_args(argv)
    print(json.dumps(run(scales_of(args.scales), args.tables, args.answers, args.profile), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
