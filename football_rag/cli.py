"""The ``football-rag`` command line (DESIGN.md's contract): with ``--json`` exactly one JSON document
on stdout, logs on stderr, exit 0 on success and non-zero with a one-line reason otherwise."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from football_rag.config.offline import apply_quiet_defaults

apply_quiet_defaults()

from football_rag.config.logging import configure_logging  # noqa: E402
from football_rag.config.settings import get_settings  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Football RAG Intelligence")

JsonFlag = Annotated[bool, typer.Option("--json", help="print one JSON document on stdout")]


@app.callback()
def _setup(log_json: Annotated[bool, typer.Option("--log-json", help="log JSON lines on stderr")] = False) -> None:
    settings = get_settings()
    configure_logging(settings.log_level, json_lines=log_json or settings.log_json)


def _emit(document: object) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, default=str) + "\n")


def _fail(reason: str, code: int = 1) -> typer.Exit:
    sys.stderr.write(reason.splitlines()[0] + "\n")
    return typer.Exit(code)


@app.command()
def parse(paths: Annotated[list[Path], typer.Argument(help="raw files")], as_json: JsonFlag = False) -> None:
    """Parse raw files and print one summary per file, in the order given."""
    from football_rag.data.parse_report import summarize_file

    summaries = [summarize_file(path) for path in paths]
    if as_json:
        _emit([s.model_dump() for s in summaries])
    else:
        for s in summaries:
            line = (
                f"{s.source}\t{s.match_id}\t{s.date}\t{s.home} {s.home_score}-{s.away_score} {s.away}\t"
                f"events={s.n_events}\tshots={s.n_shots}"
                if s.ok
                else f"FAILED\t{s.error}"
            )
            typer.echo(line)
    failed = [s for s in summaries if not s.ok]
    if failed:
        raise _fail(f"{len(failed)} of {len(summaries)} files failed to parse")


def main() -> None:
    app()
