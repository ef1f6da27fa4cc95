"""The whole chain on synthetic matches, with no provider data anywhere: what the public CI runs end to end.

Twelve matches drawn by ``football_rag.data.synthetic`` (each in WhoScored's and FotMob's shapes, 24 raw
files) go through ``python -m football_rag.knowledge.build`` (the real ZenML retrain pipeline: ingest,
linking, metrics, xG, documents, MiniLM index, evaluation, gate, release), as ``test_pipelines`` runs it on
real matches; then fact questions are answered from the release, and ``python app.py`` serves it and
answers over its API. Every expected figure comes from the ``SyntheticMatch`` the files were drawn from.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from football_rag.config.settings import REPO_ROOT, get_settings
from football_rag.data.contracts import Side
from football_rag.data.synthetic import SyntheticMatch, write_synthetic_matches
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.ingest import as_match_tables
from football_rag.knowledge.release import verify_release
from football_rag.rag.answerer import Answerer
from tests.conftest import cached_model
from tests.e2e.conftest import free_port
from tests.integration.test_pipelines import EMBEDDER, Lab

pytestmark = pytest.mark.slow

SEEDS = range(12)
STARTUP_S = 240


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory, zen_repo_config: None) -> tuple[Lab, list[SyntheticMatch]]:
    cached_model(EMBEDDER)
    models = get_settings().models_dir.absolute()
    root = tmp_path_factory.mktemp("synthetic_season")
    lab = Lab(root, root / "no-season", models)
    raw = root / "synthetic"
    lab.env["FOOTBALL_RAG_RAW_DIR"] = str(raw)
    return lab, write_synthetic_matches(raw, SEEDS)


@pytest.fixture(scope="module")
def built(lab: tuple[Lab, list[SyntheticMatch]]) -> dict:
    return lab[0].finish(lab[0].start_build("synthetic"), "synthetic")


def _date(match: SyntheticMatch) -> str:
    return match.kickoff.strftime("%d/%m/%Y")


def _score_line(match: SyntheticMatch) -> str:
    home, away = match.score()
    return f"{match.home.name} {home}-{away} {match.away.name}"


def test_the_build_publishes_every_synthetic_match_linked_across_providers(
    lab: tuple[Lab, list[SyntheticMatch]], built: dict
) -> None:
    _lab, matches = lab
    assert built["version"] == "v0001" and built["published"] is True, built["reasons"]
    assert built["matches"] == len(SEEDS) and built["rejected"] == []
    assert built["new_matches"] == 2 * len(SEEDS)  # the WhoScored matches and the FotMob records merged into them
    release = Path(built["release_path"])
    assert verify_release(release) == []
    manifest = json.loads((release / "manifest.json").read_text())
    assert len(manifest["raw_files"]) == 2 * len(SEEDS)
    assert manifest["metrics"]["eval_errors"] == 0 and manifest["metrics"]["eval_correctness_fact_min"] == 1.0
    tables = as_match_tables(read_tables(release))
    by_id = {str(m.whoscored_id): m for m in matches}
    assert set(tables.matches["match_id"]) == set(by_id)
    assert set(tables.links["status"]) == {"linked"} and len(tables.links) == len(SEEDS)
    for row in tables.matches.to_dict("records"):
        spec = by_id[row["match_id"]]
        assert (row["home"], row["away"], row["status"]) == (spec.home.name, spec.away.name, "finished")
        assert (row["home_goals"], row["away_goals"]) == spec.score()
    # the team metrics count the shots the matches were drawn with; every shot got an xG from the model
    shots = tables.team_stats.set_index(["match_id", "side"])["shots"]
    for match_id, spec in by_id.items():
        for side in Side:
            assert shots[(match_id, side.value)] == sum(s.side is side for s in spec.shots)
    assert tables.shots["xg"].notna().all()


def test_fact_questions_are_answered_with_the_exact_scores_and_scorers(
    lab: tuple[Lab, list[SyntheticMatch]], built: dict
) -> None:
    _lab, matches = lab
    answerer = Answerer(as_match_tables(read_tables(Path(built["release_path"]))))
    for spec in matches:
        answer, _ = answerer.ask(f"What was the score of {spec.home.name} vs {spec.away.name} on {_date(spec)}?")
        assert _score_line(spec) in answer.answer and answer.grounded, answer.answer
        assert answer.matches == [str(spec.whoscored_id)]
    spec = next(m for m in matches if sum(m.score()) >= 2)
    answer, _ = answerer.ask(f"Who scored in {spec.home.name} vs {spec.away.name} on {_date(spec)}?")
    # WhoScored's minute of play 0-89, shown as the clock's minute (1'-90')
    goals = [f"{spec.player(s.player_id).name} {s.minute + 1}'" for s in spec.shots if s.outcome == "goal"]
    assert all(goal in answer.answer for goal in goals), (goals, answer.answer)


@pytest.fixture(scope="module")
def served(lab: tuple[Lab, list[SyntheticMatch]], built: dict) -> Iterator[str]:
    """``python app.py`` on the lab's home (it serves the home hub's latest release); its URL once it answers."""
    port = free_port()
    env = {**lab[0].env, "GRADIO_SERVER_PORT": str(port), "FOOTBALL_RAG_LLM__MODEL": "smollm2-135m"}
    process = subprocess.Popen(
        [sys.executable, "app.py"], cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + STARTUP_S
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"app.py exited {process.returncode}: {process.stderr.read()[-2000:]}")
            try:
                urllib.request.urlopen(url + "config", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"app.py did not answer within {STARTUP_S} s")
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(30)


def test_the_app_serves_the_release_and_answers_over_its_api(
    lab: tuple[Lab, list[SyntheticMatch]], served: str
) -> None:
    from gradio_client import Client

    _lab, matches = lab
    client = Client(served, verbose=False)
    spec = matches[3]
    question = f"What was the score of {spec.home.name} vs {spec.away.name} on {_date(spec)}?"
    result = client.predict(question, api_name="/ask")
    assert _score_line(spec) in result["answer"] and result["matches"] == [str(spec.whoscored_id)]
    listed = client.predict("All", spec.home.name, api_name="/matches")
    assert str(spec.whoscored_id) in json.dumps(listed)
