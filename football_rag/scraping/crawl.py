"""Run one crawl and return its report: what was stored, skipped (already stored) and failed, and why.

Each crawl is a ``scrapy crawl`` in a process of its own: Twisted's reactor cannot be restarted in
one process, so a CLI, a test suite or a pipeline step can call ``crawl`` as often as it likes.
The child's log lines are passed on to this process's stderr (stdout stays free for ``--json``).
"""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from football_rag.config.settings import REPO_ROOT, get_settings
from football_rag.data.contracts import Source
from football_rag.scraping.report import CrawlReport

SETTINGS_MODULE = "football_rag.scraping.settings"

# For the loopback mirror and benchmarks only: no waiting between requests or before retries.
# Retry-After is still honoured, and robots.txt still obeyed.
NO_POLITENESS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "FOOTBALL_RAG_RETRY_BACKOFF_BASE": 0,
    "FOOTBALL_RAG_BLOCK_BACKOFF": 0,
}


class CrawlError(RuntimeError):
    """The crawl process ended without a report (bad arguments, FotMob not opted into, a crash)."""


def crawl(
    source: Source | str,
    *,
    base_url: str | None = None,
    match_ids: Iterable[str] = (),
    competition: str | None = None,
    season: str | None = None,
    months: Iterable[str] = (),
    politeness: bool | None = None,
    jobdir: Path | None = None,
    raw_root: Path | None = None,
    settings: Mapping[str, Any] | None = None,
) -> CrawlReport:
    """Crawl match pages into the raw store and return the report; raise ``CrawlError`` when no report came.

    ``match_ids`` are fetched as given; without them the finished matches of ``competition`` (a key
    of ``configs/competitions.yaml``) and ``season`` (``2025/2026``) are discovered, in ``months``
    (``2025-08``...) or the whole season. ``politeness`` defaults to on, off for a loopback
    ``base_url`` (the mirror); it is never worth turning off against a real site.
    ``jobdir`` makes the crawl resumable: run it again with the same folder to go on where it stopped.
    ``settings`` are extra Scrapy settings (e.g. ``{"CLOSESPIDER_ITEMCOUNT": 5}``).
    """
    spider_args = {
        "match_ids": ",".join(match_ids),
        "competition": competition,
        "season": season,
        "months": ",".join(months),
        "base_url": base_url,
    }
    polite = not is_loopback(base_url) if politeness is None else politeness
    with tempfile.TemporaryDirectory(prefix="football-rag-crawl-") as folder:
        report_path = Path(folder) / "report.json"
        overrides = {
            **({} if polite else NO_POLITENESS),
            "FOOTBALL_RAG_RAW_DIR": str(Path(raw_root or get_settings().raw_store_dir).resolve()),
            "FOOTBALL_RAG_CRAWL_REPORT": str(report_path),
            **({"JOBDIR": str(Path(jobdir).resolve())} if jobdir else {}),
            **(settings or {}),
        }
        command = scrapy_command(Source(source).value, spider_args, overrides)
        returncode, tail = _run(command)
        if not report_path.exists():
            last = next((line for line in reversed(tail) if line.strip()), "no output")
            raise CrawlError(f"scrapy crawl {Source(source).value} exited with {returncode}: {last.strip()}")
        return CrawlReport.model_validate_json(report_path.read_text(encoding="utf-8"))


def is_loopback(url: str | None) -> bool:
    """Return whether ``url`` points at this machine (the mirror), not at a real site."""
    host = urlsplit(url).hostname if url else None
    if host == "localhost":
        return True
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def scrapy_command(spider: str, spider_args: Mapping[str, str | None], overrides: Mapping[str, Any]) -> list[str]:
    """Return the ``python -m scrapy crawl`` command line for a spider, its arguments and settings."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in spider_args.items():
        if value:
            command += ["-a", f"{name}={value}"]
    for name, value in overrides.items():
        command += ["-s", f"{name}={value}"]
    return command


def _run(command: list[str]) -> tuple[int, list[str]]:
    """Run the crawl, passing its output on to stderr; return its exit code and last lines."""
    env = {
        **os.environ,
        "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    tail: deque[str] = deque(maxlen=20)
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as child:
        for line in child.stdout:
            sys.stderr.write(line)
            tail.append(line)
    return child.returncode, list(tail)
