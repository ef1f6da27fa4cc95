"""The narrative reference set and its scorer on real matches; expected values counted by hand from the raw files."""

from __future__ import annotations

import subprocess
import sys

import pytest

from football_rag.analytics.linking import TeamAliases
from football_rag.evaluation.narrative_claims import AnswerReader, ResultClaim, Scoreline, StatedFigure
from football_rag.evaluation.narrative_eval import (
    REFERENCE,
    load_reference,
    score_answer,
    summarise,
)
from football_rag.rag.answer_model import Answer, Fact, Intent
from tests.conftest import REPO_ROOT, SEASON_DATA, raw_whoscored, require

# Liverpool 4-2 Bournemouth, 15 August 2025 (WhoScored 1903117). Counted in the raw file: 19 and 10 `isShot`
# events (no own goal); WhoScored's shotsOnTarget 10 and 3; `BigChance` shots 3 and 3; possession stat sums
# 510 and 324 of 834 (61.2% and 38.8%); Chiesa's 88' goal made it 3-2; Gakpo is marked man of the match.
LIVERPOOL_BOURNEMOUTH = "1903117"
OPENING = "Liverpool beat Bournemouth 4-2 on 15 August 2025."


@pytest.fixture(scope="module")
def aliases() -> TeamAliases:
    return TeamAliases.load()


@pytest.fixture(scope="module")
def reference():
    return {ref.match_id: ref for ref in load_reference()}


def _answer(text: str, facts: tuple[str, ...] = (OPENING,)) -> Answer:
    return Answer(
        question="How did Liverpool beat Bournemouth on 15 August 2025?",
        answer=text,
        intent=Intent.NARRATIVE,
        facts=[Fact(text=f) for f in facts],
        grounded=True,
    )


def test_the_set_is_what_its_readme_says(reference) -> None:
    assert len(reference) == 36
    assert all(4 <= len(ref.points) <= 8 and len(ref.questions) == 2 for ref in reference.values())
    assert sum(len(ref.points) for ref in reference.values()) == 280
    assert sum(p.kind == "red_card" for ref in reference.values() for p in ref.points) == 10
    assert sum(ref.winner is None for ref in reference.values()) == 9


def test_a_match_s_points_are_the_raw_file_s_figures(reference) -> None:
    require(SEASON_DATA / "whoscored" / f"{LIVERPOOL_BOURNEMOUTH}.json.gz")
    raw = raw_whoscored(LIVERPOOL_BOURNEMOUTH)
    shots = {side: sum(1 for e in raw["events"] if e.get("isShot") and e["teamId"] == raw[side]["teamId"])
             for side in ("home", "away")}  # fmt: skip
    ref = reference[LIVERPOOL_BOURNEMOUTH]
    points = {p.kind: p for p in ref.points}
    assert (ref.home, ref.score, ref.away) == ("Liverpool", "4-2", "Bournemouth")
    assert points["shot_volume"].figures == {"shots": shots["home"]} == {"shots": 19}
    assert points["shot_volume"].opponent_figures == {"shots": shots["away"]} == {"shots": 10}
    assert points["shot_quality"].figures == {"shots_on_target": 10}
    assert points["big_chances"].opponent_figures == {"big_chances": 3}
    assert points["possession"].figures == {"possession": 61.2}
    assert points["turning_point"].match.players == ["Federico Chiesa"]
    assert points["standout_player"].match.players == ["Cody Gakpo"]


def test_the_generator_reproduces_the_frozen_file(tmp_path) -> None:
    require(SEASON_DATA / "matches.csv")
    out = tmp_path / "reference.jsonl"
    script = REPO_ROOT / "scripts" / "make_narrative_reference.py"
    subprocess.run([sys.executable, script, "--season", SEASON_DATA, "--out", out], check=True, capture_output=True)
    assert out.read_bytes() == REFERENCE.read_bytes()


def test_the_reader_gives_each_number_its_team_and_metric(aliases) -> None:
    reading = AnswerReader("Liverpool", "Bournemouth", aliases).read(
        "Liverpool beat Bournemouth 4-2. Liverpool had 19 shots to Bournemouth's 10, with 10 on target against 3. "
        "They enjoyed 61% of the ball. Bournemouth outshot Liverpool 12-9 after the 88th minute."
    )
    assert reading.figures == [
        StatedFigure(1, "Liverpool", "shots", 19),
        StatedFigure(1, "Bournemouth", "shots", 10),
        StatedFigure(1, "Liverpool", "shots_on_target", 10),
        StatedFigure(1, "Bournemouth", "shots_on_target", 3),
        StatedFigure(2, "Liverpool", "possession", 61),
        StatedFigure(3, "Bournemouth", "shots", 12, span="after"),  # a part of the match, not its total
        StatedFigure(3, "Liverpool", "shots", 9, span="after"),
    ]
    assert reading.scorelines == [Scoreline(0, 4, 2)]
    assert reading.results == [ResultClaim(0, "Liverpool")]


def test_result_claims_skip_drawn_saves_won_balls_and_negations(aliases) -> None:
    reading = AnswerReader("Man Utd", "Chelsea", aliases).read(
        "Chelsea won the ball high up and drew a save from Bayindir. Man United won 2-1. "
        "Chelsea did not beat Man Utd. The sides drew."
    )
    assert reading.results == [ResultClaim(1, "Man Utd"), ResultClaim(3, None)]


def test_a_faithful_answer_covers_its_points_and_is_split_into_opening_and_model(reference, aliases) -> None:
    score = score_answer(
        reference[LIVERPOOL_BOURNEMOUTH],
        _answer(
            f"{OPENING} Liverpool had 19 shots to Bournemouth's 10 and 61% of the ball. "
            "Chiesa's late goal won it after Bournemouth had come back to 2-2. Gakpo was the standout player."
        ),
        aliases,
    )
    assert score.parts["all"].covered == ["0:result", "1:shot_volume", "4:possession", "5:turning_point",
                                          "6:standout_player"]  # fmt: skip
    assert score.coverage == pytest.approx(5 / 7)
    assert score.parts["opening"].covered == ["0:result"]
    assert score.parts["opening"].sentences == 1 and score.parts["model"].sentences == 3
    assert score.parts["model"].covered == ["1:shot_volume", "4:possession", "5:turning_point", "6:standout_player"]
    assert score.parts["all"].contradictions == [] and score.parts["all"].faithfulness == 1.0


def test_wrong_figures_scores_and_results_are_contradictions(reference, aliases) -> None:
    score = score_answer(
        reference[LIVERPOOL_BOURNEMOUTH],
        _answer(
            f"{OPENING} Bournemouth had 65% of the ball. Liverpool had 12 shots and 3 on target. "
            "Liverpool were 5-2 up at one point. Liverpool had 19 shots. The teams drew."
        ),
        aliases,
    )
    assert score.parts["model"].contradictions == [
        "Bournemouth possession 65 (is 38.8)",
        "Liverpool shots 12 (is 19)",
        "Liverpool shots_on_target 3 (is 10)",
        "score 5-2 (final 4-2)",
        "a draw (final Liverpool 4-2 Bournemouth)",
    ]
    # 5 model sentences, 4 of them contradicted; the opening's one sentence is sound.
    assert score.parts["model"].faithfulness == pytest.approx(1 / 5)
    assert score.parts["opening"].faithfulness == 1.0
    assert score.parts["all"].faithfulness == pytest.approx(2 / 6)
    assert "1:shot_volume" in score.parts["all"].covered  # the right 19 is still stated


def test_possession_within_tolerance_and_the_summary(reference, aliases) -> None:
    ref = reference[LIVERPOOL_BOURNEMOUTH]
    close = score_answer(ref, _answer(f"{OPENING} Liverpool had 60% possession."), aliases)
    far = score_answer(ref, _answer(f"{OPENING} Liverpool had 59% possession."), aliases)
    assert "4:possession" in close.parts["all"].covered and not close.parts["all"].contradictions
    assert far.parts["all"].contradictions == ["Liverpool possession 59 (is 61.2)"]
    summary = summarise([close, far], [ref])
    assert summary["all"]["coverage"] == pytest.approx(round((2 / 7 + 1 / 7) / 2, 3))
    assert summary["model"]["faithfulness"] == 0.5
    assert summary["all"]["contradictions"] == 1 and summary["coverage_by_kind"]["possession"] == 0.5


def test_pairs_in_brackets_and_percentages_other_than_possession(aliases) -> None:
    # The model's paragraph of a real answer at a59550d: pass accuracy and PPDA are not possession.
    reading = AnswerReader("Liverpool", "Bournemouth", aliases).read(
        "Liverpool created more shots (19 v 10) and scored more goals (4 v 2) than Bournemouth. Liverpool's "
        "possession percentage (61.2%) was higher than Bournemouth's (38.8%), and Liverpool's pass accuracy "
        "percentage (82.0%) was higher than Bournemouth's (69.9%). Liverpool pressed harder, with a PPDA of 13.0 "
        "to Bournemouth's 16.2."
    )
    assert reading.figures == [
        StatedFigure(0, "Liverpool", "shots", 19),
        StatedFigure(0, "Bournemouth", "shots", 10),
        StatedFigure(0, "Liverpool", "goals", 4),
        StatedFigure(0, "Bournemouth", "goals", 2),
        StatedFigure(1, "Liverpool", "possession", 61.2),
        StatedFigure(1, "Bournemouth", "possession", 38.8),
    ]


def test_a_penalty_in_the_scorers_list_is_a_set_piece_goal(reference, aliases) -> None:
    # Brighton 1-1 Fulham, 16 August 2025: O'Riley's 55th-minute penalty (the `Penalty` qualifier in the raw file).
    ref = reference["1903119"]
    text = "Brighton 1-1 Fulham on 16 August 2025. Goals: Matt O'Riley 55' (pen) for Brighton; Rodrigo Muniz 90+7'."
    score = score_answer(ref, _answer(text, facts=()), aliases)
    assert [p.kind for p in ref.points if p.match and "Matt O'Riley" in p.match.players] == ["set_pieces"]
    assert any(label.endswith(":set_pieces") for label in score.parts["model"].covered)
    assert score.parts["all"].contradictions == []


def test_the_key_stats_line_and_a_subject_named_in_the_sentence_before(aliases) -> None:
    # Paragraphs of real answers at a59550d (Sunderland 3-0 West Ham, Bournemouth 2-1 Brighton).
    stats = AnswerReader("Sunderland", "West Ham", aliases).read(
        "Key stats, Sunderland v West Ham: shots 10 v 12; shots on target 5 v 4; xG 0.99 v 0.55; "
        "possession % 37.2 v 62.8; pass accuracy % 77.4 v 85.1; PPDA 24.1 v 14.2; West Ham pressed harder."
    )
    assert [(f.team, f.metric, f.value) for f in stats.figures] == [
        ("Sunderland", "shots", 10),
        ("West Ham", "shots", 12),
        ("Sunderland", "shots_on_target", 5),
        ("West Ham", "shots_on_target", 4),
        ("Sunderland", "possession", 37.2),
        ("West Ham", "possession", 62.8),
    ]
    prose = AnswerReader("Bournemouth", "Brighton", aliases).read(
        "Bournemouth created more shots (13 to Brighton's 6) and scored more goals (2 to Brighton's 1). The team's "
        "possession percentage was higher (51.3%) than Brighton's (48.7%), and their pass accuracy was higher (78.6%)."
    )
    assert [(f.team, f.metric, f.value) for f in prose.figures] == [
        ("Bournemouth", "shots", 13),
        ("Brighton", "shots", 6),
        ("Bournemouth", "goals", 2),
        ("Brighton", "goals", 1),
        ("Bournemouth", "possession", 51.3),
        ("Brighton", "possession", 48.7),
    ]


def test_a_side_credited_with_more_goals_than_it_scored_is_a_contradiction(reference, aliases) -> None:
    # A real model sentence at a59550d about West Ham 0-3 Tottenham (13 September 2025): Tottenham scored all three.
    text = (
        "West Ham 0-3 Tottenham on 13 September 2025. West Ham scored 0 goals in the first half and 3 goals in the "
        "second half, totaling 3 goals. Tottenham scored more goals (3 v 0)."
    )
    score = score_answer(reference["1903156"], _answer(text, facts=()), aliases)
    # The second number of a metric with no team named goes to the other side ("... and 3 goals in the second half"
    # reads as Tottenham's), the third back to West Ham: one contradiction, in the second sentence.
    assert score.parts["all"].contradictions == ["West Ham 3 goals (final 0-3)"]
    assert score.parts["all"].faithfulness == pytest.approx(2 / 3)


# Leeds 1-0 Everton, 18 August 2025 (WhoScored 1903126), counted in the raw file: 21 and 7 shots; 12 and 0 in the
# first half; Leeds' goal (83:54, shown 84') was their 18th shot, Everton had 4 by then: 18 v 4 while level.
LEEDS_EVERTON = "1903126"


def _spans(reading) -> list[tuple[str | None, str, float, str | None]]:
    return [(f.team, f.metric, f.value, f.span) for f in reading.figures]


def test_a_figure_qualified_by_a_part_of_the_match_is_that_part_s(aliases) -> None:
    reader = AnswerReader("Leeds", "Everton", aliases)
    reading = reader.read(
        "While level, Leeds took 18 shots to Everton's 4. Leeds had 12 shots to Everton's 0 in the first half. "
        "In the last 10 minutes Everton had 3 shots. When they were level Everton managed 4 shots. "
        "From 84' to 90+5' Leeds had 3 shots to Everton's 3. After the break Leeds took 9 shots. "
        "Level at 83 minutes, Leeds had had 17 shots."
    )
    assert _spans(reading) == [
        ("Leeds", "shots", 18, "while"),
        ("Everton", "shots", 4, "while"),
        ("Leeds", "shots", 12, "first half"),
        ("Everton", "shots", 0, "first half"),
        ("Everton", "shots", 3, "last 10 minutes"),
        ("Everton", "shots", 4, "when level"),
        ("Leeds", "shots", 3, "from"),
        ("Everton", "shots", 3, "from"),
        ("Leeds", "shots", 9, "after"),
        ("Leeds", "shots", 17, "level at"),
    ]


def test_a_qualifier_reaches_forward_to_the_semicolon_and_back_to_the_comma(aliases) -> None:
    reader = AnswerReader("Leeds", "Everton", aliases)
    forward = reader.read("Before the break, Leeds had 12 shots to Everton's 0; Leeds finished with 21 to 7.")
    assert _spans(forward) == [
        ("Leeds", "shots", 12, "before"),
        ("Everton", "shots", 0, "before"),
        ("Leeds", "shots", 21, None),
        ("Everton", "shots", 7, None),
    ]
    back = reader.read("Leeds took 21 shots to Everton's 7, and 12 to 0 in the first half.")
    assert [f.span for f in back.figures] == [None, None, "first half", "first half"]
    # With no comma before "and" the qualifier reaches back over the whole clause (the rule, as documented).
    joined = reader.read("Leeds took 21 shots to Everton's 7 and 12 to 0 in the first half.")
    assert [f.span for f in joined.figures] == ["first half"] * 4
    # Within reach of both, the nearer qualifier wins: "after the break" for the 9, "in all" for the 21.
    nearest = reader.read("After the break Leeds had 9 shots and Leeds had 21 in all.")
    assert _spans(nearest) == [("Leeds", "shots", 9, "after"), ("Leeds", "shots", 21, None)]


def test_ten_men_and_minutes_are_never_figures(reference, aliases) -> None:
    # Man Utd 2-1 Chelsea, 20 September 2025 (1903167): Sanchez sent off (5'); 11 v 5 shots in the raw file, 10 v 5
    # from the 5th minute on. Liverpool 4-2 Bournemouth: Liverpool's fourth goal at 93 minutes (shown 90+4').
    reader = AnswerReader("Man Utd", "Chelsea", aliases)
    men = reader.read("Chelsea were down to 10 men after 5 minutes, and with ten men they had 5 shots to Man Utd's 10.")
    assert _spans(men) == [("Chelsea", "shots", 5, "ten men"), ("Man Utd", "shots", 10, "ten men")]
    text = (
        "Liverpool's fourth goal came at 90+4' and Bournemouth's second in the 76th minute. "
        "Liverpool sealed it with a goal at 90+4, after Chiesa's goal at 88'."
    )
    assert AnswerReader("Liverpool", "Bournemouth", aliases).read(text).figures == []
    score = score_answer(reference[LIVERPOOL_BOURNEMOUTH], _answer(f"{OPENING} {text}"), aliases)
    assert score.parts["all"].contradictions == []


def test_a_part_s_figure_is_neither_covered_nor_contradicted_unless_above_the_match_s(reference, aliases) -> None:
    ref = reference[LEEDS_EVERTON]
    opening = "Leeds beat Everton 1-0 on 18 August 2025."
    parts = score_answer(
        ref,
        _answer(
            f"{opening} While level, Leeds took 18 shots to Everton's 4. In the first half Leeds had 12 shots "
            "to Everton's 0. After Leeds scored, Everton had 9 shots.",
            facts=(opening,),
        ),
        aliases,
    )
    assert not any(label.endswith(":shot_volume") for label in parts.parts["all"].covered)
    # 9 shots after the goal is above Everton's 7 for the whole match: no part can hold more than the whole.
    assert parts.parts["all"].contradictions == ["Everton shots 9 after (match 7)"]
    assert parts.parts["model"].faithfulness == pytest.approx(2 / 3)
    whole = score_answer(
        ref, _answer(f"{opening} Before the break, Leeds had 12 shots; Leeds ended with 21 shots to Everton's 7.",
                     facts=(opening,)), aliases
    )  # fmt: skip
    assert any(label.endswith(":shot_volume") for label in whole.parts["all"].covered)
    assert whole.parts["all"].contradictions == []


def test_a_share_of_a_count_and_a_distance_are_no_figures_of_their_own(aliases) -> None:
    """The big-chances and pressing key points as the app writes them: "1 of them scored" is part of the 3 before it,
    and "within 40 m of goal 5 v 8" counts balls won, not goals."""
    reading = AnswerReader("Aston Villa", "Newcastle", aliases).read(
        "Big chances: 1 for Aston Villa, 0 of them scored; 2 for Newcastle, 0 of them scored. "
        "Pressing: balls won within 40 m of goal 5 v 8; defensive actions on average 35.6 m v 39.5 m from their own "
        "goal (Aston Villa first)."
    )
    assert reading.figures == [
        StatedFigure(0, "Aston Villa", "big_chances", 1),
        StatedFigure(0, "Newcastle", "big_chances", 2),
    ]


def test_shots_from_set_pieces_are_a_part_of_the_match_s(reference, aliases) -> None:
    """Brighton 1-1 Fulham (1903119): 10 and 7 shots in the raw file. The app's set-piece key point, as it writes it
    from the same file (3 set-piece shots for Brighton, 1 for Fulham), was read as Brighton's shots in the match."""
    ref = reference["1903119"]
    opening = "Brighton and Fulham drew 1-1 on 16 August 2025."
    key_point = "Set pieces: 3 shots, 1 goal and 4 corners for Brighton; 1 shot, 1 goal and 3 corners for Fulham."
    reading = AnswerReader("Brighton", "Fulham", aliases).read(f"{key_point} Brighton had 3 shots from set pieces.")
    # The heading reaches past the ";", and each clause's numbers are the team's named after "for" in it.
    assert _spans(reading) == [
        ("Brighton", "shots", 3, "set pieces"),
        ("Brighton", "goals", 1, "set pieces"),
        ("Fulham", "shots", 1, "set pieces"),
        ("Fulham", "goals", 1, "set pieces"),
        ("Brighton", "shots", 3, "set pieces"),
    ]
    score = score_answer(ref, _answer(f"{opening} {key_point}", facts=(opening, key_point)), aliases)
    assert score.parts["all"].contradictions == []
    # Still a part: it covers no whole-match point, and a count of it above the match's is a contradiction.
    above = score_answer(ref, _answer(f"{opening} Fulham had 10 shots from set pieces.", facts=(opening,)), aliases)
    assert above.parts["model"].contradictions == ["Fulham shots 10 set pieces (match 7)"]
    assert not any(label.endswith(":shot_volume") for label in above.parts["all"].covered)


def test_a_clause_s_numbers_are_the_team_s_named_after_for(reference, aliases) -> None:
    """Nottingham Forest 0-1 Sunderland (1903188): 1 and 3 big chances in the raw file, as the app's key point says
    them; its first count was read as the previous sentence's subject's, its second as the team before the ";"."""
    opening = "Nottingham Forest 0-1 Sunderland on 27 September 2025."
    key_point = "Big chances: 1 for Nottingham Forest, 0 of them scored; 3 for Sunderland, 1 of them scored."
    score = score_answer(
        reference["1903188"], _answer(f"{opening} Sunderland won it. {key_point}", facts=(opening,)), aliases
    )
    assert score.parts["all"].contradictions == []
    assert any(label.endswith(":big_chances") for label in score.parts["model"].covered)


def test_a_sentence_listing_a_team_first_gives_it_the_first_numbers(reference, aliases) -> None:
    """Fulham 4-5 Man City (1903251): 12 and 11 shots in the raw file. The app's spell key point lists the home side
    first and says so; its 12 shots were read as Man City's, above City's 11 in the match."""
    opening = "Fulham 4-5 Man City on 2 December 2025."
    key_point = (
        "While Man City led (86 minutes): shots 12 v 8, xG 1.03 v 1.28, possession 63.4% v 36.6% (Fulham first)."
    )
    assert _spans(AnswerReader("Fulham", "Man City", aliases).read(key_point)) == [
        ("Fulham", "shots", 12, "while"),
        ("Man City", "shots", 8, "while"),
        ("Fulham", "possession", 63.4, "while"),
        ("Man City", "possession", 36.6, "while"),
    ]
    score = score_answer(reference["1903251"], _answer(f"{opening} {key_point}", facts=(opening,)), aliases)
    assert score.parts["all"].contradictions == []
