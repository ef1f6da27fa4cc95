"""The point judge's verdicts read from its replies, and the judged figures over real reference matches (counted by
hand from the reference set's points)."""

from __future__ import annotations

import pytest

from football_rag.analytics.linking import TeamAliases
from football_rag.evaluation.narrative_eval import load_reference, score_answer, summarise
from football_rag.evaluation.narrative_judge import parse_verdict
from football_rag.rag.answer_model import Answer, Fact, Intent

# A kept answer about Aston Villa 0-0 Newcastle (1903118), whole: its opening, then the model's sentences.
VILLA = (
    "Aston Villa 0-0 Newcastle on 16 August 2025 (half time 0-0), Premier League, Villa Park. Goals: none. Sent off: "
    "Ezri Konsa (Aston Villa) red 66'. Aston Villa and Newcastle drew 0-0 on 16 August 2025. Ezri Konsa (Aston Villa) "
    "sent off at 66'."
)
POPE = '{"verdict": "yes", "quote": "Nick Pope (Newcastle) was man of the match"}'  # Qwen's reply: not in the text
CUT = '{"verdict": "yes", "quote": "Ezri Konsa (Aston Villa) sent'


@pytest.mark.parametrize(
    ("reply", "verdict", "reason"),
    [
        ('{"verdict": "yes", "quote": "Ezri Konsa (Aston Villa) sent off (66\')"}', True,
         "quotes: Ezri Konsa (Aston Villa) sent off (66')"),  # 7 of its 7 words in the last sentence
        (POPE, None, POPE),
        ('{"verdict": "yes", "quote": "Konsa was sent off for a second yellow"}', None,
         '{"verdict": "yes", "quote": "Konsa was sent off for a second yellow"}'),  # 3 of 8 words: not quoted
        ('Sure. {"verdict": "No", "quote": ""} Hope it helps', False, "not stated"),
        (CUT, True, "quotes: Ezri Konsa (Aston Villa) sent"),  # cut at the token limit: the verdict came first
        ("No, the text does not say so.", False, "not stated"),
        ("Yes, Konsa was sent off.", None, "Yes, Konsa was sent off."),  # a yes must quote the text
        ('{"verdict": "yes", "quote": ""}', None, '{"verdict": "yes", "quote": ""}'),
        ('{"verdict": "maybe", "quote": "Goals: none"}', None, '{"verdict": "maybe", "quote": "Goals: none"}'),
        ('{"score": 5, "reason": "good"}', None, '{"score": 5, "reason": "good"}'),
        ("", None, ""),
    ],
)  # fmt: skip
def test_parse_verdict(reply: str, verdict: bool | None, reason: str) -> None:
    assert parse_verdict(reply, VILLA) == (verdict, reason)


def _answer(question: str, opening: str, model: str) -> Answer:
    return Answer(
        question=question,
        answer=f"{opening} {model}",
        intent=Intent.NARRATIVE,
        facts=[Fact(text=opening)],
        grounded=True,
    )


def test_judged_figures_over_two_matches() -> None:
    """Liverpool 4-2 Bournemouth (7 points; 5: Chiesa's winner, 6: Gakpo man of the match) and Brighton 1-1 Fulham
    (8 points; 5: Muniz's equaliser, 6: Fulham came from behind, 7: O'Riley's penalty). The verdicts are set by hand
    on the whole answers, as a judge would give them."""
    reference = {ref.match_id: ref for ref in load_reference()}
    aliases = TeamAliases.load()
    liverpool = score_answer(
        reference["1903117"],
        _answer(
            "How did Liverpool beat Bournemouth on 15 August 2025?",
            "Liverpool beat Bournemouth 4-2 on 15 August 2025.",
            "Liverpool had 19 shots to Bournemouth's 10 and 61% of the ball. Chiesa's late goal won it. Gakpo played.",
        ),
        aliases,
    )
    brighton = score_answer(
        reference["1903119"],
        _answer(
            "Why did Brighton and Fulham draw on 16 August 2025?",
            "Brighton and Fulham drew 1-1 on 16 August 2025.",
            "Muniz levelled in stoppage time.",
        ),
        aliases,
    )
    # The keyword rule: Chiesa + "late", Gakpo named (no keyword needed), Muniz + "level"; Fulham not named.
    assert liverpool.parts["all"].covered == ["0:result", "1:shot_volume", "4:possession", "5:turning_point",
                                              "6:standout_player"]  # fmt: skip
    assert brighton.parts["all"].covered == ["0:result", "5:turning_point"]
    liverpool.parts["all"].judged = {"5:turning_point": True, "6:standout_player": False}  # "Gakpo played": no
    brighton.parts["all"].judged = {"5:turning_point": True, "6:game_state": True}
    brighton.parts["all"].judge_failed = ["7:set_pieces"]  # no verdict: not made
    summary = summarise([liverpool, brighton], [reference["1903117"], reference["1903119"]])
    assert {
        key: summary["all"][key]
        for key in ("judged_coverage", "non_figure_points", "non_figure_keyword", "non_figure_judged",
                    "judge_verdicts", "judge_failed", "judge_agreement", "judge_only", "keyword_only")
    } == {
        "judged_coverage": round((4 / 7 + 3 / 8) / 2, 3),  # result, shots, possession, Chiesa; result, Muniz, Fulham
        "non_figure_points": 5,
        "non_figure_keyword": 0.6,  # Chiesa, Gakpo, Muniz
        "non_figure_judged": 0.6,  # Chiesa, Muniz, Fulham
        "judge_verdicts": 4,
        "judge_failed": 1,
        "judge_agreement": 0.5,  # Chiesa and Muniz agree; Gakpo (keyword only) and Fulham (judge only) do not
        "judge_only": 1,
        "keyword_only": 1,
    }  # fmt: skip
    assert summary["all"]["coverage"] == round((5 / 7 + 2 / 8) / 2, 3)  # the keyword coverage beside it
    assert "judged_coverage" not in summary["opening"]  # no part judged there: no judged figures
