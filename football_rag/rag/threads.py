"""How many threads the in-process model should run on now: every core no other process is using, at least one.

llama.cpp's threads meet at a spinning barrier after every operation of a token, so when one of them is
descheduled for another process the others wait out its time slice. Measured on 2 shared cores (7 Dec,
load 5-8): two threads generated 0.5-0.6 tokens a second and one thread 3.0-4.1; with the prompt, one
thread read 14-22 tokens a second and two 9-11. On idle cores two threads do about twice the work of one.
So the count is read again before each generation from how many threads the whole machine has runnable.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

PROC_STAT = Path("/proc/stat")
SAMPLES = 3
SAMPLE_GAP_S = 0.02  # past the spin of a thread pool that just finished (the embedder's torch)


def usable_cores() -> int:
    """Return the cores this process may run on."""
    return len(os.sched_getaffinity(0))


def runnable_elsewhere(proc_stat: Path = PROC_STAT) -> int | None:
    """Return how many threads other than the caller are runnable machine-wide (median of a few readings a few
    milliseconds apart, so a blip does not decide); None where the kernel does not say (not Linux)."""
    readings = []
    for sample in range(SAMPLES):
        if sample:
            time.sleep(SAMPLE_GAP_S)
        try:
            lines = proc_stat.read_text().splitlines()
        except OSError:
            return None
        running = next((int(line.split()[1]) for line in lines if line.startswith("procs_running ")), None)
        if running is None:
            return None
        readings.append(running - 1)  # the caller's own thread is running while it reads
    return max(0, round(statistics.median(readings)))


def free_threads(cores: int | None = None, busy: int | None = None) -> int:
    """Return the threads a generation should use: the cores no other runnable thread needs, at least 1 (and 1
    when the load cannot be read: the count that never stalls on a busy machine)."""
    cores = usable_cores() if cores is None else cores
    busy = runnable_elsewhere() if busy is None else busy
    return 1 if busy is None else max(1, cores - busy)
