"""The model's thread count: the cores no other runnable thread needs, read from the kernel's count."""

from __future__ import annotations

from pathlib import Path

from football_rag.rag.threads import free_threads, runnable_elsewhere, usable_cores

# /proc/stat as Linux writes it, cut to the lines around the one read (procs_running counts the reader too).
PROC_STAT = """cpu  7349 0 2136 188210 61 0 68 0 0 0
cpu0 3601 0 1080 94160 30 0 34 0 0 0
intr 1033829 0 9 0 0 0 0 0 0 0
ctxt 2004312
btime 1733531812
processes 10817
procs_running {running}
procs_blocked 0
"""


def _stat(tmp_path: Path, running: int) -> Path:
    path = tmp_path / "stat"
    path.write_text(PROC_STAT.format(running=running))
    return path


def test_the_threads_are_the_cores_nothing_else_runs_on() -> None:
    assert free_threads(cores=2, busy=0) == 2
    assert free_threads(cores=2, busy=1) == 1  # two threads stall each other behind another process
    assert free_threads(cores=2, busy=6) == 1  # never none
    assert free_threads(cores=8, busy=3) == 5


def test_the_reader_is_not_counted_as_other_work(tmp_path: Path) -> None:
    assert runnable_elsewhere(_stat(tmp_path, 1)) == 0
    assert runnable_elsewhere(_stat(tmp_path, 4)) == 3


def test_an_unreadable_count_means_one_thread(tmp_path: Path) -> None:
    assert runnable_elsewhere(tmp_path / "missing") is None
    (tmp_path / "stat").write_text("cpu  7349 0 2136 188210\n")
    assert runnable_elsewhere(tmp_path / "stat") is None


def test_this_machine_is_read() -> None:
    busy = runnable_elsewhere()
    assert busy is not None and busy >= 0
    assert 1 <= free_threads() <= usable_cores()
