"""The season played forward: a first build of the opening fortnight, then one build per matchweek, as it arrives.

Each build is ``python -m football_rag.knowledge.build`` (what ``football-rag build`` runs: the retrain
pipeline) with the repo's own configs and gate and the default embedder, into one home. After every build,
``football-rag ask`` (a new process, loading the release from the hub as the app does) is asked the score of
each of that week's matches; the gold is the season's ``matches.csv``, not our tables.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from football_rag.config.settings import REPO_ROOT, get_settings
from tests.season_weeks import matchweeks

pytestmark = pytest.mark.slow

FIRST_WEEKS = 2  # 15-24 August 2025: 18 matches of the corpus
INCREMENTS = 2  # 25-31 August (9 matches), 13-14 September (10)
TIMEOUT_S = 600


class Season:
    """One home and one raw folder; a matchweek is added by copying its files in, then building."""

    def __init__(self, root: Path, season_dir: Path) -> None:
        self.root, self.season = root, season_dir
        self.raw = root / "raw" / "premier-league-2025-26"
        self.raw.mkdir(parents=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENML_", "FOOTBALL_RAG_", "MLFLOW_"))}
        self.env.update(
            FOOTBALL_RAG_HOME=str(root / "home"),
            FOOTBALL_RAG_RAW_DIR=str(self.raw.parent),
            FOOTBALL_RAG_MODEL_DIR=str(get_settings().models_dir.absolute()),
            HF_HOME=str(root / "hf"),
        )

    def play(self, week: list[dict[str, str]]) -> dict:
        """Add the week's raw files, build, and return the build's JSON report."""
        for row in week:
            shutil.copy(self.season / "whoscored" / f"{row['whoscored_id']}.json.gz", self.raw)
        done = self._run("football_rag.knowledge.build")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def scores(self, week: list[dict[str, str]]) -> dict[str, dict]:
        """Ask the score of each of the week's matches in one ``ask`` process; return the answers by match id."""
        questions = self.root / "questions.jsonl"
        day = {r["whoscored_id"]: date.fromisoformat(r["start_date"][:10]) for r in week}
        lines = [
            json.dumps({"question": f"What was the score of {r['home']} vs {r['away']} on "
                        f"{day[r['whoscored_id']].day} {day[r['whoscored_id']]:%B %Y}?"})
            for r in week
        ]  # fmt: skip
        questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
        done = self._run("football_rag", "ask", "--questions", str(questions), "--no-llm", "--json")
        answers = [json.loads(line) for line in done.stdout.strip().splitlines()]
        return {r["whoscored_id"]: a for r, a in zip(week, answers, strict=True)}

    def _run(self, module: str, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=REPO_ROOT, env=self.env, capture_output=True, text=True, timeout=TIMEOUT_S,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        return done


def test_every_matchweek_is_published_and_answered(tmp_path: Path, season_dir: Path, zen_repo_config: None) -> None:
    weeks = matchweeks(season_dir)
    season = Season(tmp_path, season_dir)
    first = [row for week in weeks[:FIRST_WEEKS] for row in week]
    played = [(first, season.play(first))]
    for week in weeks[FIRST_WEEKS : FIRST_WEEKS + INCREMENTS]:
        played.append((week, season.play(week)))

    total = 0
    for number, (week, report) in enumerate(played, start=1):
        total += len(week)
        assert report["published"] is True, report["reasons"]
        assert report["version"] == report["candidate"] == f"v{number:04d}"
        assert report["matches"] == total and report["new_matches"] == len(week)
        if number > 1:  # the gate compared it with the release before it, on the same questions
            assert report["reasons"] == [
                f"all bounds met; compared with v{number - 1:04d} on the same questions and probes within tolerance"
            ]
        answers = season.scores(week)
        for row in week:
            home_goals, away_goals = (s.strip() for s in row["score"].split(":"))
            answer = answers[row["whoscored_id"]]
            assert answer["matches"][0] == row["whoscored_id"], answer
            assert f"{home_goals}-{away_goals}" in answer["answer"], answer["answer"]
    assert [len(week) for week, _ in played] == [18, 9, 10]
