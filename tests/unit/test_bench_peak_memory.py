"""The build benchmarks' peak memory (``benchmarks.bench_build._timed``): a child's and its workers' RSS together."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.bench_build import _timed

# 400 MiB held for a second in the child and 300 MiB in a worker it starts: the sampler must see both at once.
HOLDER = """
import multiprocessing, time

def hold(mib):
    block = bytearray(b"\x01") * (mib * 2**20)  # written, so resident
    time.sleep(1.5)
    return len(block)

if __name__ == "__main__":
    block = bytearray(b"\x01") * (400 * 2**20)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        print(pool.apply(hold, (300,)))
"""


def test_the_peak_counts_the_process_and_its_workers(tmp_path: Path) -> None:
    (tmp_path / "holder.py").write_text(HOLDER)
    timed = _timed("holder", {**os.environ, "PYTHONPATH": str(tmp_path)})
    assert timed.stdout.strip() == str(300 * 2**20)
    assert 700 <= timed.peak_mib < 1000, timed.peak_mib
