"""Run every ``benchmarks/bench_*.py`` module's ``run()``, print a table, and save the numbers.

A benchmark module exposes ``run() -> dict[str, float | int | str]``: its measurements by name
(units in the name, e.g. ``matches_per_s``). Usage: ``python -m benchmarks.run_all [NAME ...]``
where NAME is a module name without ``bench_`` (all when none is given). Results go to
``benchmarks/results/latest.json`` with the machine they were measured on.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_FILE = BENCH_DIR / "results" / "latest.json"


def discover(selected: list[str]) -> list[str]:
    """Return the benchmark names (``bench_`` stripped) found beside this file, narrowed to ``selected``."""
    names = sorted(path.stem.removeprefix("bench_") for path in BENCH_DIR.glob("bench_*.py"))
    unknown = sorted(set(selected) - set(names))
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)}; found: {', '.join(names) or 'none'}")
    return [name for name in names if not selected or name in selected]


def run_one(name: str) -> dict[str, object]:
    """Import and run one benchmark; return its measurements, its wall time, and the error if it raised."""
    started = time.perf_counter()
    try:
        measurements = importlib.import_module(f"benchmarks.bench_{name}").run()
        return {"measurements": measurements, "seconds": round(time.perf_counter() - started, 3)}
    except Exception:
        return {"error": traceback.format_exc(), "seconds": round(time.perf_counter() - started, 3)}


def print_table(results: dict[str, dict[str, object]]) -> None:
    """Print one ``benchmark | measurement | value`` row per measurement (or the error's last line)."""
    rows = [("benchmark", "measurement", "value")]
    for name, result in results.items():
        if "error" in result:
            rows.append((name, "ERROR", str(result["error"]).strip().splitlines()[-1]))
            continue
        rows.extend(
            (name, key, f"{value:,.2f}" if isinstance(value, float) else str(value))
            for key, value in result["measurements"].items()
        )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def machine() -> dict[str, object]:
    """Where the numbers were measured: Python, platform, cores, CPU model and RAM (from /proc on Linux)."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _proc("cpuinfo") if line.startswith("model name")),
        platform.processor(),
    )
    mem_kib = next((int(line.split()[1]) for line in _proc("meminfo") if line.startswith("MemTotal:")), 0)
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpu_model": cpu or "unknown",
        "ram_gib": round(mem_kib / 2**20, 1) if mem_kib else None,
    }


def _proc(name: str) -> list[str]:
    path = Path("/proc") / name
    return path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else []


def main(argv: list[str]) -> int:
    """Run the selected benchmarks and save the results; return 1 when none ran or any raised."""
    names = discover(argv)
    if not names:
        print("no benchmarks/bench_*.py modules found", file=sys.stderr)
        return 1
    results = {name: run_one(name) for name in names}
    about = machine()
    print(f"machine: {about['cpus']} cores, {about['cpu_model']}, {about['ram_gib']} GiB RAM, Python {about['python']}")
    print_table(results)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(
        json.dumps(
            {
                "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": about,
                "results": results,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"saved {RESULTS_FILE.relative_to(BENCH_DIR.parent)}", file=sys.stderr)
    return 1 if any("error" in result for result in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
