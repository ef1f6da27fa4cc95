"""The README's evaluation block: rendered from a report, written between its markers and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.eval_table import END, START, main, render, replace_block

REPORT = {
    "params": {
        "release": "v0003",
        "model": "qwen2.5-1.5b",
        "prompt": "answer@v1",
        "embedder": "all-mpnet-base-v2",
        "questions": "341",
    },
    "run_id": "abc123",
    "figures": {
        "correctness": {"value": 0.8718, "n": 305},
        "recall_at_1": {"value": 0.9671, "n": 229},
        "errors": {"value": 0.0, "n": 341},
        "latency_p95_ms": {"value": 1234.56, "n": 341},
        "correctness_score": {"value": 1.0, "n": 25},
        "correctness_goal_minute": {"value": 0.0, "n": 25},
        "correctness_narrative_reference": {"value": 0.75, "n": 16},
        "correctness_unknown_match": {"value": None, "n": 0},
        "refusal_accuracy": {"value": 0.76, "n": 25},
        "latency_score_p50_ms": {"value": 18.5, "n": 25},
        "latency_score_p95_ms": {"value": 98.8, "n": 25},
    },
}


def test_render_shows_every_figure_with_its_n() -> None:
    block = render(REPORT).splitlines()
    assert block[0] == (
        "release `v0003`, model `qwen2.5-1.5b`, prompt `answer@v1`, embedder `all-mpnet-base-v2`: 341 questions, "
        "MLflow run `abc123`. Errors and timeouts count as failures."
    )
    assert "| answer correctness (all questions with gold values) | 0.872 | 305 |  |" in block
    assert "| match recall@1 | 0.967 | 229 | ≥ 0.95 |" in block
    assert "| errors (count) | 0 | 341 |  |" in block
    assert "| latency p95 (ms) | 1,235 | 341 |  |" in block
    assert "| score | 1 (≥ 0.95) | 25 | 18.5 | 98.8 |" in block
    assert "| goal_minute | 0 (≥ 0.95) | 25 | – | – |" in block
    assert "| narrative_reference | 0.75 | 16 | – | – |" in block
    assert "| unknown_match | 0.76 | 25 | – | – |" in block  # the refusal accuracy stands for it


def test_only_the_block_between_the_markers_changes(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nintro\n{START}\nold numbers\n{END}\n\n## Next\n", encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_text(__import__("json").dumps(REPORT), encoding="utf-8")
    assert main(["--report", str(report), "--readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\nintro\n" + START + "\nrelease `v0003`") and text.endswith(f"{END}\n\n## Next\n")
    assert "old numbers" not in text


def test_missing_markers_are_an_error() -> None:
    with pytest.raises(ValueError, match="eval:start"):
        replace_block("# no markers here\n", "table")
