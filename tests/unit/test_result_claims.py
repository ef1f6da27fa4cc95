"""The result check on sentences Qwen2.5 1.5B really wrote in the season evaluation (run ca8c08d4)."""

from __future__ import annotations

import pytest

from football_rag.rag.grounding import Evidence, NameMatcher, ground
from football_rag.rag.result_claims import MatchResult, contradictions

FULHAM_CITY = MatchResult("Fulham", "Man City", 4, 5)
NEWCASTLE_LEEDS = MatchResult("Newcastle", "Leeds", 4, 3)
CHELSEA_ARSENAL = MatchResult("Chelsea", "Arsenal", 1, 1)
# Scores and half-time scores of 1903128 (23 Aug 2025) and 1903179 (27 Sep 2025), as in the facts.
ARSENAL_LEEDS = MatchResult("Arsenal", "Leeds", 5, 0, half_time=(2, 0))
PALACE_LIVERPOOL = MatchResult("Crystal Palace", "Liverpool", 2, 1, half_time=(1, 0))
BRIGHTON_FULHAM = MatchResult("Brighton", "Fulham", 1, 1, half_time=(0, 0))  # 1903119, 16 Aug 2025


@pytest.mark.parametrize(
    ("sentence", "result", "claims"),
    [
        ("The match ended in a 4-5 draw.", FULHAM_CITY, ["draw"]),
        ("Newcastle scored 3 goals, with Harvey Barnes scoring at 36'.", NEWCASTLE_LEEDS, ["newcastle scored 3 goals"]),
        ("Leeds scored three goals in the second half.", NEWCASTLE_LEEDS, []),  # no half-time score: unchecked
        ("Newcastle won the match 4-3 against Leeds.", NEWCASTLE_LEEDS, []),
        ("Leeds won the match 4-3.", NEWCASTLE_LEEDS, ["leeds won"]),
        ("Chelsea won the match against Arsenal.", CHELSEA_ARSENAL, ["chelsea won"]),
        ("Chelsea drew 1-1 with Arsenal at Stamford Bridge.", CHELSEA_ARSENAL, []),
        ("Man City narrowly beat Fulham 5-4.", FULHAM_CITY, []),
        ("Man City lost at Craven Cottage.", FULHAM_CITY, ["man city lost"]),
        ("Fulham lost a nine-goal thriller.", FULHAM_CITY, []),
        # Sentences Qwen2.5 1.5B wrote with the v3 prompt: goals in a half, and goals conceded.
        (
            "Arsenal scored 5 goals in the first half and 0 goals in the second half.",
            ARSENAL_LEEDS,
            ["arsenal scored 5 goals in the first half", "and 0 goals in the second half"],  # 2 and 3 it was
        ),
        (
            "Arsenal won the match by scoring 5 goals and conceding only 1.",
            ARSENAL_LEEDS,
            ["arsenal won the match by scoring 5 goals and conceding only 1"],
        ),
        (
            "Liverpool lost because Crystal Palace scored two goals in the first half.",
            PALACE_LIVERPOOL,
            ["crystal palace scored two goals in the first half"],
        ),
        ("Crystal Palace scored once before half-time and once after the break.", PALACE_LIVERPOOL, []),
        ("Arsenal scored three goals after the break.", ARSENAL_LEEDS, []),
        ("Leeds conceded 3 goals in the first half.", ARSENAL_LEEDS, ["leeds conceded 3 goals in the first half"]),
        ("Leeds conceded 2.84 xG and five goals.", ARSENAL_LEEDS, []),
        # The second half said after the first (Qwen2.5 1.5B with prompt v4, Man City 3-0 Man Utd): both checked.
        (
            "Crystal Palace scored 1 goal in the first half and 0 goals in the second half.",
            PALACE_LIVERPOOL,
            ["and 0 goals in the second half"],
        ),
        ("Liverpool scored 0 goals in the first half and 1 goal in the second half.", PALACE_LIVERPOOL, []),
        # Qwen2.5 1.5B with prompt v5 on Brighton 1-1 Fulham (16 Aug 2025): the count given in a participle.
        (
            "The match turned on the set pieces, with Brighton scoring 3 goals and Fulham scoring 1 goal.",
            BRIGHTON_FULHAM,
            ["brighton scoring 3 goals"],
        ),
        ("Fulham netting once in stoppage time earned the draw.", BRIGHTON_FULHAM, []),
    ],
)
def test_contradictions_of_the_score(sentence: str, result: MatchResult, claims: list[str]) -> None:
    assert contradictions(sentence, result) == claims


def test_grounding_drops_a_sentence_that_gets_the_result_wrong() -> None:
    facts = Evidence(("Fulham 4-5 Man City on 2 December 2025.", "Goals: Phil Foden 44' for Man City."))
    draft = "Fulham played Man City on 2 December 2025. The match ended in a 4-5 draw. Phil Foden scored at 44'."
    checked = ground(draft, facts, NameMatcher(["Fulham", "Man City", "Phil Foden"]), "fallback",
                     lambda s: contradictions(s, FULHAM_CITY))  # fmt: skip
    assert checked.text == "Fulham played Man City on 2 December 2025. Phil Foden scored at 44'."
    assert checked.unsupported == ("draw",) and checked.grounded


NEWCASTLE_LEEDS_SCORERS = MatchResult(
    "Newcastle", "Leeds", 4, 3, {"Harvey Barnes": 2, "Joelinton": 1, "Brenden Aaronson": 1, "Nick Pope": 0}
)


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("Harvey Barnes scored twice for Newcastle.", []),
        ("Harvey Barnes scored a hat-trick.", ["harvey barnes scored a hat-trick"]),
        ("Joelinton scored at 54'.", []),
        ("Joelinton scored two goals.", ["joelinton scored two goals"]),
        ("Nick Pope scored late on.", ["nick pope scored"]),
        ("Brenden Aaronson got a brace.", ["brenden aaronson got a brace"]),
        ("Nick Pope, who scored nothing, kept goal.", []),
    ],
)
def test_what_players_are_said_to_have_scored(sentence: str, claims: list[str]) -> None:
    assert contradictions(sentence, NEWCASTLE_LEEDS_SCORERS) == claims


# Liverpool 1-2 Man Utd, 19 October 2025 (Mbeumo 2', Gakpo 78', Maguire 84'), with some of each squad.
LIVERPOOL_UNITED = MatchResult(
    "Liverpool", "Man Utd", 1, 2,
    scorers={"Bryan Mbeumo": 1, "Harry Maguire": 1, "Cody Gakpo": 1, "Mohamed Salah": 0},
    half_time=(0, 1),
    sides={
        "Bryan Mbeumo": "Man Utd", "Harry Maguire": "Man Utd", "Cody Gakpo": "Liverpool", "Mohamed Salah": "Liverpool"
    },
)  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        # Written by Qwen2.5 1.5B in the narrative evaluation (run 8ecff36c): every scorer given to the other side.
        (
            "Liverpool scored first with Bryan Mbeumo (2') and Harry Maguire (84'), while Man Utd scored with "
            "Cody Gakpo (78%).",
            ["liverpool scored first with bryan mbeumo", "man utd scored with cody gakpo"],
        ),
        ("Bryan Mbeumo scored the opener for Liverpool.", ["bryan mbeumo scored the opener for liverpool"]),
        ("Bryan Mbeumo scored for Man Utd, Cody Gakpo for Liverpool.", []),
        ("Bryan Mbeumo scored for Man Utd against Liverpool and Cody Gakpo replied for Liverpool.", []),
    ],
)
def test_a_scorer_given_to_the_other_team(sentence: str, claims: list[str]) -> None:
    assert contradictions(sentence, LIVERPOOL_UNITED) == claims


# Arsenal 1-0 Crystal Palace, 26 October 2025 (1903198: Eze 39', 1-0 at half time).
ARSENAL_PALACE = MatchResult(
    "Arsenal", "Crystal Palace", 1, 0, scorers={"Eberechi Eze": 1, "Bukayo Saka": 0}, half_time=(1, 0)
)


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        # As prompt v6 wrote it of a 1-0 (the narrative A/B, README): the participle's scorer is left unsaid.
        ("Arsenal led the xG race from 58' to 62', scoring 2 goals.", ["scoring 2 goals"]),
        ("Arsenal pressed high, and netting twice after the break sealed it.", ["netting twice after the break"]),
        ("Arsenal beat Crystal Palace, scoring 1 goal.", []),
        ("Crystal Palace held on until 38', scoring 0 goals.", []),  # Palace's count: nobody's claim is wrong
        ("Arsenal were ahead at the break, scoring once in the first half.", []),
        ("Arsenal were ahead at the break, scoring twice in the first half.", ["scoring twice in the first half"]),
    ],
)
def test_a_participle_whose_count_fits_no_one(sentence: str, claims: list[str]) -> None:
    assert contradictions(sentence, ARSENAL_PALACE) == claims
