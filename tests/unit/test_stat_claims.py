"""The stat-comparison check on sentences Qwen2.5 1.5B wrote about Man City 3-0 Man Utd (14 Sep 2025)."""

from __future__ import annotations

import math

import pytest

from football_rag.rag.stat_claims import MatchStats, stat_contradictions

# The figures of the key-stats line the model was given (home, away); shots on target unknown here.
CITY_UNITED = MatchStats(
    "Man City",
    "Man Utd",
    {
        "goals": (3.0, 0.0),
        "possession": (45.3, 54.7),
        "ppda": (22.1, 12.4),
        "shots": (13.0, 12.0),
        "shots_on_target": (math.nan, 4.0),
    },
)


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        # Written by the model: City had less of the ball and the higher PPDA (the weaker press).
        (
            "Man City had a higher possession percentage (45.3%) and a higher PPDA (22.1%) than Man Utd (12.4%).",
            ["Man City higher"],
        ),
        (
            "Their PPDA of 22.1 against 12.4 shows Man City pressed higher and won the ball back sooner.",
            ["Man City pressed higher"],
        ),
        ("Man Utd pressed harder, with a PPDA of 12.4 to 22.1.", []),
        # The team after "than" is the one compared with; the subject of "pressed harder" is Man City here.
        (
            "Man City scored more goals (3) than Man Utd (0) and pressed harder (PPDA of 22.1).",
            ["Man City pressed harder"],
        ),
        ("Man Utd pressed harder compared to Man City.", []),
        ("Man Utd had more of the ball, with 54.7% possession.", []),
        ("Man Utd had more shots than Man City.", ["Man Utd more"]),
        ("Man Utd had fewer shots than Man City.", []),
        ("Man City had more shots, 13 to 12.", []),
        ("Man City had more shots on target.", []),  # City's figure is unknown: nothing to contradict
        ("With more shots, Man City won.", []),  # no team before the comparative: no claim read
        ("Chelsea had more possession.", []),  # not a team of this match
        # A figure written against the wrong team: 22.1 is City's PPDA, 12.0 United's shots.
        ("Man City pressed less, with a PPDA of 12.4 to Man Utd's 22.1.", ["man utd's 22.1"]),
        ("Man City had 13 shots to Man Utd's 12.", []),
        ("Man City (12) had more shots than Man Utd (13).", ["man city (12", "man utd (13"]),
        ("Man City 3-0 Man Utd.", []),  # the score reads as "man city 3", City's goals
        # A count given a team: City's 13 shots are not United's.
        ("Man Utd took 13 shots.", ["man utd took 13 shots"]),
        ("Man City had 12 shots to Man Utd's 13.", ["man utd's 13", "man city had 12 shots"]),
        ("Man Utd had 54.7% possession.", []),
        # The same count in a participle ("with Everton taking 5 shots to West Ham's 8", Qwen2.5 1.5B, prompt v5).
        ("City won, with Man Utd taking 13 shots.", ["man utd taking 13 shots"]),
        ("City won, with Man City taking 13 shots to Man Utd's 12.", []),
    ],
)
def test_stat_contradictions(sentence: str, claims: list[str]) -> None:
    assert stat_contradictions(sentence, CITY_UNITED) == claims


# Everton 1-1 West Ham (29 Sep 2025): the match's figures (the narrative reference set's) and a spell's from a key
# point, which Qwen2.5 1.5B (prompt v5) wrote as if they were the match's.
EVERTON_WEST_HAM = MatchStats(
    "Everton",
    "West Ham",
    {"possession": (51.8, 48.2), "shots": (12.0, 14.0)},
    spells={"possession": ((61.9, 38.1),), "shots": ((5.0, 8.0),)},
)


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("Everton's possession was 61.9% and West Ham's was 38.1%.", ["everton's possession was 61.9%"]),
        ("Everton's possession was 51.8%.", []),
        ("While level, Everton's possession was 61.9%.", []),
        ("Everton took 5 shots to West Ham's 8.", ["everton took 5 shots", "west ham's 8"]),
        ("Everton took 12 shots to West Ham's 14.", []),
        ("The match was level at 49 minutes, with Everton taking 5 shots to West Ham's 8.", []),
        ("After the break Everton took 5 shots.", []),
    ],
)
def test_a_spells_figure_said_of_the_whole_match(sentence: str, claims: list[str]) -> None:
    """A part's figure passes only in a sentence that names a part; without one a reader takes it as the match's."""
    assert stat_contradictions(sentence, EVERTON_WEST_HAM) == claims
