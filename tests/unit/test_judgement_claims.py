"""Judgement words in a model's sentence, checked against the match's figures (``rag.judgement_claims``)."""

from __future__ import annotations

import pytest

from football_rag.rag.judgement_claims import judgement_contradictions
from football_rag.rag.stat_claims import MatchStats

# Burnley 0-1 Liverpool (14 September 2025) as its key-stats line prints it: possession and shots of the
# season file; the other figures made plain for the cases below.
STATS = MatchStats(
    "Liverpool",
    "Burnley",
    {
        "goals": (1, 1),
        "possession": (72.9, 27.1),
        "shots": (27, 3),
        "xg": (3.06, 0.15),
        "field_tilt": (94.1, 5.9),
        "ppda": (9.7, 14.3),
        "pass_accuracy": (88.0, 84.0),
    },
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Both teams scored 1 goal and had similar possession percentages (72.9% for Liverpool and 27.1% for Burnley).",
        "Burnley dominated the match.",
        "Burnley controlled the game from start to finish.",
        "Burnley outshot Liverpool.",
        "Liverpool were outshot by Burnley.",
        "Liverpool scored against the run of play.",
        "Burnley had a better PPDA than Liverpool.",
        "Liverpool had the worse xG.",
        "The xG was about the same.",
    ],
)
def test_a_judgement_the_figures_contradict_is_found(sentence: str) -> None:
    assert judgement_contradictions(sentence, STATS), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Liverpool dominated the match.",
        "Liverpool controlled possession with 72.9% of the ball.",
        "Liverpool outshot Burnley 27 to 3.",
        "Burnley were outshot by Liverpool.",
        "Burnley equalised against the run of play.",
        "Liverpool had the better PPDA, 9.7 to 14.3.",
        "Pass accuracy was similar, 88.0% and 84.0%.",
        "The match ended level.",
    ],
)
def test_a_judgement_the_figures_bear_out_passes(sentence: str) -> None:
    assert judgement_contradictions(sentence, STATS) == [], sentence


def test_unknown_figures_contradict_nothing() -> None:
    unknown = MatchStats("Liverpool", "Burnley", {"possession": (float("nan"), float("nan"))})
    assert judgement_contradictions("They had similar possession and Burnley dominated.", unknown) == []


def test_grounding_drops_the_contradicted_sentence_and_the_computed_points_stand_in() -> None:
    from football_rag.rag.grounding import Evidence, NameMatcher, ground

    facts = "Key stats, Liverpool v Burnley: possession % 72.9 v 27.1; shots 27 v 3."
    points = "Territory: Liverpool had 94.1% of the final-third passes (field tilt) and 72.9% possession."
    names = NameMatcher(["Liverpool", "Burnley"])
    check = lambda sentence: judgement_contradictions(sentence, STATS)  # noqa: E731
    draft = "Liverpool and Burnley had similar possession (72.9% and 27.1%). Liverpool took 27 shots to Burnley's 3."
    kept = ground(draft, Evidence((facts, points)), names, points, check)
    assert kept.text == "Liverpool took 27 shots to Burnley's 3."
    assert kept.unsupported == ("similar",)
    nothing_left = ground(draft.split(". ")[0] + ".", Evidence((facts, points)), names, points, check)
    assert nothing_left.text == points and nothing_left.grounded


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        # The shape prompt v7 wrote of Aston Villa v Newcastle (the narrative A/B, README), the sides swapped to this
        # match: the subject of "led" is the team before "took", not the one after "to".
        ("After it, Burnley took 1 shot to Liverpool's 8 and led the xG race from 3'.", ["Burnley led the xg race"]),
        ("Liverpool led the xG race from 39', finishing with 3.06 xG to 0.15.", []),
        ("Burnley won the xG battle.", ["Burnley won the xg battle"]),
        ("Liverpool lost the xG race.", ["Liverpool lost the xg race"]),
        ("Burnley lost the xG count, 0.15 to 3.06.", []),
        ("Burnley led the xG race from 5' to 12', before Liverpool took over.", []),  # a spell: not the final figures
    ],
)
def test_who_led_the_xg_race(sentence: str, claims: list[str]) -> None:
    assert judgement_contradictions(sentence, STATS) == claims
