"""The ``football-rag`` command line (DESIGN.md's contract): with ``--json`` exactly one JSON document
on stdout, logs on stderr, exit 0 on success and non-zero with a one-line reason otherwise."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from football_rag.config.offline import apply_quiet_defaults

apply_quiet_defaults()

from football_rag.config.logging import configure_logging  # noqa: E402
from football_rag.config.model_cache import (  # noqa: E402
    ModelsUnavailable,
    build_model_names,
    evaluation_model_names,
    llm_model_names,
    require_models,
)
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


def _require_models(names: list[str]) -> None:
    """Return when every model the command loads is there (assembled if need be); else fail at once with the fix."""
    try:
        require_models(names)
    except ModelsUnavailable as exc:
        raise _fail(str(exc)) from None


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
            if s.ok and not s.complete:
                line += f"\tincomplete: {'; '.join(s.incomplete_reasons)}"
            typer.echo(line)
            for warning in s.warnings:
                typer.echo(f"  warning\t{warning.field}\t{warning.count} dropped\t{warning.reason}")
    failed = [s for s in summaries if not s.ok]
    if failed:
        raise _fail(f"{len(failed)} of {len(summaries)} files failed to parse")


@app.command()
def crawl(
    source: Annotated[str, typer.Argument(help="whoscored or fotmob")],
    base_url: Annotated[str | None, typer.Option(help="site root (default the real site); e.g. the mirror")] = None,
    match_id: Annotated[list[str] | None, typer.Option("--match-id", help="a match id (repeatable)")] = None,
    competition: Annotated[str | None, typer.Option(help="a key of configs/competitions.yaml, for discovery")] = None,
    season: Annotated[str | None, typer.Option(help="e.g. 2025/2026, for discovery")] = None,
    month: Annotated[list[str] | None, typer.Option("--month", help="YYYY-MM to discover (repeatable)")] = None,
    jobdir: Annotated[Path | None, typer.Option(help="folder that makes the crawl resumable")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Crawl match pages into the raw store ($FOOTBALL_RAG_HOME/raw/<source>/<match_id>.json.gz)."""
    from football_rag.scraping.crawl import CrawlError
    from football_rag.scraping.crawl import crawl as run_crawl

    try:
        report = run_crawl(
            source, base_url=base_url, match_ids=match_id or (), competition=competition, season=season,
            months=month or (), jobdir=jobdir,
        )  # fmt: skip
    except (CrawlError, ValueError) as exc:
        raise _fail(str(exc)) from None
    if as_json:
        _emit(report.model_dump(mode="json"))
    else:
        typer.echo(report.summary())
    if report.failed:
        raise _fail(f"{len(report.failed)} match pages failed")


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def mirror(ctx: typer.Context) -> None:
    """Serve ../shared/data at the sites' own paths on 127.0.0.1 (tests and demos); --help for options."""
    from football_rag.scraping.mirror.__main__ import main as mirror_main

    mirror_main(ctx.args)


RawDir = Annotated[Path | None, typer.Option(help="raw files (default FOOTBALL_RAG_RAW_DIR or the demo season)")]


@app.command()
def ingest(raw_dir: RawDir = None, full: bool = False, as_json: JsonFlag = False) -> None:
    """Run the ingest pipeline: parse new raw files, quarantine bad ones, open a new dataset version."""
    from football_rag.knowledge.build import ingest as run_ingest

    report = run_ingest(raw_dir, get_settings(), full)
    if as_json:
        _emit(report.model_dump(mode="json"))
    else:
        typer.echo(
            f"version {report.version or '(none: nothing new)'}: {report.new_matches} new, "
            f"{report.skipped} skipped, {len(report.rejected)} rejected"
        )


@app.command()
def build(raw_dir: RawDir = None, full: bool = False, as_json: JsonFlag = False) -> None:
    """Ingest + train xG + index + evaluate + release (the retrain chain, as ZenML pipelines)."""
    _require_models(build_model_names(get_settings()))
    from football_rag.knowledge.build import build as run_build
    from football_rag.knowledge.build import build_summary

    report = run_build(raw_dir, get_settings(), full)
    if as_json:
        _emit(report.model_dump(mode="json"))
    else:
        for line in build_summary(report):
            typer.echo(line)
    gc.freeze()  # as football_rag.knowledge.build.main: no final collection over what the build left in memory


@app.command()
def publish(
    release: Annotated[str | None, typer.Option(help="version (default the latest)")] = None,
    override: Annotated[
        str | None, typer.Option(help="publish the version the gate held back, for this reason (recorded)")
    ] = None,
) -> None:
    """Push a release to the configured hub (FOOTBALL_RAG_HUB: a HF dataset repo or a local folder)."""
    from football_rag.evaluation.gate import record_override
    from football_rag.evaluation.tracking import tracker_for
    from football_rag.knowledge.build import publish as run_publish
    from football_rag.knowledge.build import publish_held
    from football_rag.knowledge.release import StaleParent

    settings = get_settings()
    try:
        if override is not None:
            if release is None or not override.strip():
                raise ValueError("--override needs --release VERSION and a reason")
            publish_held(release, override, settings)
            record_override(release, override, tracker_for(settings))
        report = run_publish(release, settings)
    except (FileNotFoundError, ValueError, StaleParent) as exc:
        raise _fail(str(exc)) from None
    _emit(report.model_dump(mode="json"))


@app.command()
def evaluate(
    questions: Annotated[Path | None, typer.Option(help="a JSONL eval set (question, gold, match_id, kind)")] = None,
    release: Annotated[str | None, typer.Option(help="release version (default the hub's latest)")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Score a release on an eval set (default: the one published with it); logged as an MLflow run."""
    _require_models(evaluation_model_names(get_settings(), in_build=False))
    from football_rag.evaluation.release_eval import run_evaluate
    from football_rag.rag.knowledge_base import NoRelease

    try:
        report = run_evaluate(get_settings(), questions, release)
    except NoRelease as exc:
        raise _fail(str(exc)) from None
    if as_json:
        _emit(report)
    else:
        for name, figure in dict(report.get("figures", {})).items():
            typer.echo(f"{name}: {figure}")


@app.command()
def serve() -> None:
    """Serve the Gradio app on the pinned release (the same as ``python app.py``)."""
    _require_models(llm_model_names(get_settings()))  # before Gradio's slow import
    from football_rag.app.serve import serve as run_serve

    run_serve(get_settings())


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="the question")] = None,
    questions: Annotated[Path | None, typer.Option(help="a JSONL file, one {'question': ...} per line")] = None,
    conversation: Annotated[
        Path | None,
        typer.Option(
            help="a JSONL file of turns, answered in order, each a follow-up of the one before; a line whose "
            "'conversation' (or 'conversation_id') differs from the line before starts a new conversation"
        ),
    ] = None,
    session: Annotated[
        str | None, typer.Option(help="continue the conversation of this name (kept under $FOOTBALL_RAG_HOME)")
    ] = None,
    release: Annotated[str | None, typer.Option(help="release version (default the hub's latest)")] = None,
    season: Annotated[
        str | None, typer.Option(help="keep to this season (e.g. 2024/2025) unless a question names its own")
    ] = None,
    competition: Annotated[
        str | None, typer.Option(help="keep to this competition (e.g. 'Premier League') unless a question names one")
    ] = None,
    no_llm: Annotated[bool, typer.Option("--no-llm", help="answer from facts and passages only")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Answer one question, every line of --questions in one process, or the turns of a conversation."""
    if not no_llm:
        _require_models(llm_model_names(get_settings()))  # before the answerer's imports (seconds)
    from football_rag.rag.answerer import QuestionRejected
    from football_rag.rag.conversation import Conversation, SessionStore
    from football_rag.rag.knowledge_base import NoRelease
    from football_rag.rag.scope import Filters
    from football_rag.rag.service import answerer_for

    given = [q for q in (question, questions, conversation) if q is not None]
    if len(given) != 1:
        raise _fail("give one question, or --questions FILE.jsonl, or --conversation FILE.jsonl")
    if questions is not None and session is not None:
        raise _fail("--session continues a conversation: give a question or --conversation, not --questions")
    store = SessionStore(get_settings().home / "sessions")
    try:
        context = store.load(session) if session else None
        answerer = answerer_for(get_settings(), release, with_llm=not no_llm)
    except (ValueError, NoRelease) as exc:
        raise _fail(str(exc)) from None
    chosen = Filters(season=season, competition=competition)
    talk = Conversation(answerer, context, chosen)
    many = questions is not None or conversation is not None
    batch = [(question, None)] if question is not None else _read_turns(questions or conversation)
    thread = batch[0][1]
    for text, key in batch:
        if conversation and key != thread:  # a line of another conversation starts afresh
            talk.context, thread = None, key
        try:
            # A conversation or a session carries each turn's context to the next; --questions are each alone.
            answer = talk.ask(text) if conversation or session else answerer.ask(text, None, chosen)[0]
        except QuestionRejected as exc:
            if not many:
                raise _fail(str(exc)) from None
            _emit({"question": text, "error": str(exc)})
            continue
        if as_json or many:
            _emit(answer.model_dump(mode="json", exclude=set() if many else {"question"}))
        else:
            typer.echo(answer.answer)
    if session:
        store.save(session, talk.context)


def _read_turns(path: Path) -> list[tuple[str, str | None]]:
    """Return each line's question and the conversation it belongs to (its "conversation" or "conversation_id"
    field; None when the file is one conversation)."""
    try:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(line["question"], line.get("conversation", line.get("conversation_id"))) for line in lines]
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise _fail(f"{path}: each line must be a JSON object with a 'question' field ({exc})") from None


def main() -> None:
    app()
