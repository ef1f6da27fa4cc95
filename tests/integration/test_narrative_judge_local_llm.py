"""The narrative point judge through Opik's metric API on the local model (SmolLM2: plumbing, not the quality of its
verdicts): its reply is held to the JSON schema by llama.cpp's grammar, so even the 135M model always gives a verdict;
every non-figure point of the reference set is asked about each part of an answer that has sentences, once per text,
and ``narrative_eval --from-answers FILE --judge`` judges kept answers without asking them again, keeping each
verdict's question and answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from opik.evaluation.metrics.score_result import ScoreResult

from football_rag.analytics.linking import TeamAliases
from football_rag.config.settings import LLMSettings, get_settings
from football_rag.evaluation.judge import LocalJudgeModel
from football_rag.evaluation.narrative_eval import PARTS, load_reference, main, run, score_all, summarise
from football_rag.evaluation.narrative_judge import POINT_MAX_TOKENS, PointJudge, PointMetric, parse_answer
from football_rag.rag.answer_model import Answer, Fact, Intent
from football_rag.rag.llm import LocalLLM
from tests.conftest import cached_model

SMOLLM = "smollm2-135m"
LIVERPOOL_OPENING = "Liverpool beat Bournemouth 4-2 on 15 August 2025. Goals: Federico Chiesa 88' for Liverpool."
BRIGHTON_OPENING = "Brighton and Fulham drew 1-1 on 16 August 2025. Goals: Matt O'Riley 55' (pen); Rodrigo Muniz 90+7'."
# Liverpool 4-2 Bournemouth (1903117): non-figure points 5 (Chiesa's winner) and 6 (Gakpo, man of the match).
# Brighton 1-1 Fulham (1903119): 5 (Muniz's equaliser), 6 (Fulham came from behind), 7 (O'Riley's penalty).
JUDGED = {"1903117": ["5:turning_point", "6:standout_player"],
          "1903119": ["5:turning_point", "6:game_state", "7:set_pieces"]}  # fmt: skip


def _answer(question: str, opening: str, model: str = "") -> Answer:
    text = f"{opening} {model}".strip()
    return Answer(question=question, answer=text, intent=Intent.NARRATIVE, facts=[Fact(text=opening)], grounded=True)


ANSWERS = [
    _answer(
        "How did Liverpool beat Bournemouth on 15 August 2025?",
        LIVERPOOL_OPENING,
        "Chiesa's strike two minutes from time settled it after Bournemouth had come back to 2-2.",
    ),
    _answer("Why did Brighton and Fulham draw on 16 August 2025?", BRIGHTON_OPENING),  # the model wrote nothing
]
# Liverpool: 2 points x 3 texts (whole, opening, model); Brighton: 3 points x 1 text (its whole answer is its opening).
ASKED = 2 * 3 + 3 * 1


@pytest.fixture(scope="module")
def smollm() -> LocalLLM:
    return LocalLLM(LLMSettings(model=str(cached_model(SMOLLM)), n_ctx=2048))


@pytest.fixture(scope="module")
def reference():
    return [ref for ref in load_reference() if ref.match_id in JUDGED]


@pytest.mark.slow
def test_the_point_metric_s_reply_is_held_to_the_schema(smollm: LocalLLM, reference) -> None:
    metric = PointMetric(LocalJudgeModel(smollm, max_tokens=POINT_MAX_TOKENS), TeamAliases.load())
    chiesa = reference[0].points[5]  # Federico Chiesa scored the winner for Liverpool (88')
    result = metric.score(output=ANSWERS[0].answer, point=chiesa)
    assert isinstance(result, ScoreResult) and result.name == "judge_point"
    answer = parse_answer(result.metadata["reply"])
    assert answer is not None and len(answer) <= 60 and not result.scoring_failed, result.metadata["reply"]
    assert result.reason == f"Who scored the winner for Liverpool? {answer}"
    assert result.value == (1.0 if "chiesa" in answer.lower() else 0.0)


@pytest.mark.slow
def test_each_part_s_non_figure_points_are_judged_once_per_text(smollm: LocalLLM, reference) -> None:
    judge = PointJudge(smollm)
    scores = score_all([(a, 1000.0) for a in ANSWERS], reference, judge)
    assert judge.asked == ASKED
    for score in scores:
        for name in PARTS:
            part = score.parts[name]
            asked = sorted([*part.judged, *part.judge_failed])
            assert asked == (JUDGED[score.match_id] if part.sentences else []), (score.match_id, name)
    brighton = scores[1].parts
    assert brighton["model"].sentences == 0 and brighton["all"].judged == brighton["opening"].judged
    again = PointJudge(smollm)  # greedy: the same verdicts when asked again
    assert [s.parts for s in score_all([(a, 1000.0) for a in ANSWERS], reference, again)] == [s.parts for s in scores]
    summary = summarise(scores, reference)["all"]
    assert summary["non_figure_points"] == 5 and summary["judge_verdicts"] == 5 and summary["judge_failed"] == 0
    reasons = scores[0].parts["all"].judge_reasons
    assert list(reasons) == JUDGED["1903117"]
    assert reasons["6:standout_player"].startswith("Who was man of the match? ")


@pytest.mark.slow
def test_kept_answers_are_judged_from_the_command_line(
    reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = tmp_path / "answers.jsonl"
    by_question = {a.question: a for a in ANSWERS}
    run(by_question.__getitem__, reference, keep=kept)  # the kept file as a run writes it
    monkeypatch.setenv("FOOTBALL_RAG_JUDGE_MODEL", SMOLLM)
    monkeypatch.setenv("FOOTBALL_RAG_LLM__N_CTX", "2048")
    get_settings.cache_clear()
    try:
        main(["--from-answers", str(kept), "--judge", "--out", str(tmp_path / "scores.jsonl")])
    finally:
        get_settings.cache_clear()
    summary = json.loads(capsys.readouterr().out)
    assert summary["answers"] == 2 and summary["judge"] == {"model": SMOLLM, "asked": ASKED}
    assert summary["all"]["judge_verdicts"] == 5 and summary["all"]["judge_failed"] == 0
    assert "judge_agreement" in summary["model"] and summary["model"]["non_figure_points"] == 5
    scores = [json.loads(line) for line in (tmp_path / "scores.jsonl").read_text().splitlines()]
    assert [sorted([*s["parts"]["opening"]["judged"], *s["parts"]["opening"]["judge_failed"]]) for s in scores] == [
        JUDGED["1903117"],
        JUDGED["1903119"],
    ]
    brighton = scores[1]["parts"]["all"]["judge_reasons"]  # the kept score says why, per point
    assert sorted(brighton) == JUDGED["1903119"] and brighton["6:game_state"].startswith(
        "Which team came from behind to draw? "
    )
