"""Season and competition phrases as people write them, read against the seasons and competitions loaded."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from football_rag.rag.scope import ScopeReader, SeasonAsked, competition_asked, season_asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Arsenal v Leeds in 2024/25", SeasonAsked(start_year=2024)),
        ("Arsenal v Leeds 2024-25", SeasonAsked(start_year=2024)),
        ("top scorers of 2024/2025", SeasonAsked(start_year=2024)),
        ("goals in the 24/25 season", SeasonAsked(start_year=2024)),
        ("the 2023 season", SeasonAsked(start_year=2023)),
        ("most goals this season", SeasonAsked(back=0)),
        ("the current campaign", SeasonAsked(back=0)),
        ("Arsenal's clean sheets last season", SeasonAsked(back=1)),
        ("in the previous season", SeasonAsked(back=1)),
        ("who won last year's title", SeasonAsked(back=1)),
        ("two seasons ago", SeasonAsked(back=2)),
        ("the season before last", SeasonAsked(back=2)),
    ],
)
def test_season_phrases(text: str, asked: SeasonAsked) -> None:
    assert season_asked(text) == asked


@pytest.mark.parametrize(
    "text",
    [
        "Who won the Premier League game on 2025-12-01?",  # a day, not a season
        "How many shots did Arsenal have against Spurs?",
        "Saka scored 3/5 of his shots",
        "goals in 2025",  # a calendar year (``dates``), not a season
        "Which team had the most seasons in the top flight?",
    ],
)
def test_no_season_named(text: str) -> None:
    assert season_asked(text) is None


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        ("How did Arsenal do in the Champions League?", "Champions League", "Champions League"),
        ("arsenal in the ucl", "Champions League", "ucl"),
        ("goals in the EPL", "Premier League", "EPL"),
        ("who scored in the Europa Conference League", "Conference League", "Europa Conference League"),
        ("the Club World Cup final", "Club World Cup", "Club World Cup"),
        ("the World Cup final", "World Cup", "World Cup"),
        ("top scorers in La Liga", "LaLiga", "La Liga"),
        ("carabao cup semi", "League Cup", "carabao cup"),
    ],
)
def test_competition_phrases(text: str, name: str, words: str) -> None:
    assert competition_asked(text) == (name, words)


def test_no_competition_named() -> None:
    assert competition_asked("Who scored for Arsenal against Spurs?") is None


def _matches(rows: list[tuple[str, str | None, str]]) -> pd.DataFrame:
    """A matches table of (day, competition, season) rows: the columns scoping reads."""
    return pd.DataFrame(
        {
            "date": pd.to_datetime([r[0] for r in rows]),
            "competition": [r[1] for r in rows],
            "season": [r[2] for r in rows],
        }
    )


TWO_SEASONS = _matches(
    [
        ("2024-08-16", "Premier League", "2024/2025"),
        ("2025-01-04", "Premier League", "2024/2025"),
        ("2024-10-05", "LaLiga", "2024/2025"),
        ("2025-08-15", "Premier League", "2025/2026"),
        ("2026-02-02", "Premier League", "2025/2026"),
    ]
)


def test_relative_seasons_count_back_from_the_latest_loaded() -> None:
    reader = ScopeReader(TWO_SEASONS)
    this, last = reader.read("most goals this season"), reader.read("Arsenal's clean sheets last season")
    assert this.season.label == "2025/2026" and this.season.period.start == date(2025, 8, 15)
    assert this.season.period.end == date(2026, 2, 2) and this.season.period.label == "the 2025/2026 season"
    assert last.season.label == "2024/2025" and last.season.period.start == date(2024, 8, 16)
    assert last.season.period.end == date(2025, 1, 4)
    assert reader.read("Arsenal v Leeds in 2024-25").season == last.season
    assert reader.read("Arsenal v Leeds").season is None
    assert reader.latest_period() == this.season.period


def test_competitions_are_named_as_the_data_spells_them() -> None:
    reader = ScopeReader(TWO_SEASONS)
    assert reader.read("top scorers in La Liga last season").competition == "LaLiga"
    assert reader.read("goals in the Premier League").competition == "Premier League"


def test_what_is_not_loaded_is_refused_saying_what_is() -> None:
    reader = ScopeReader(TWO_SEASONS)
    loaded = "it holds the 2024/2025 and 2025/2026 seasons (LaLiga, Premier League)."
    assert reader.read("Who won the 2023-24 title?").refusal == f"The 2023/24 season is not in the data: {loaded}"
    assert reader.read("two seasons ago").refusal == f"Earlier seasons are not in the data: {loaded}"
    assert reader.read("Who scored in the FA Cup final?").refusal == f"The data has no FA Cup matches: {loaded}"
    assert reader.read("who won the league in 2025/26").refusal is None


def test_one_season_loaded_is_the_whole_data() -> None:
    """With one season, naming it narrows nothing (its totals read "in the data so far" as before)."""
    reader = ScopeReader(TWO_SEASONS[TWO_SEASONS["season"] == "2025/2026"])
    assert reader.read("most goals this season").season is None and reader.read("this season").refusal is None
    assert reader.latest_period() is None
    assert reader.read("last season").refusal.startswith("Earlier seasons are not in the data")


def test_unrecorded_competition_is_not_refused_when_files_may_be_of_it() -> None:
    """Files that name no competition (the demo season's bare JSON) may be of the competitions the ingest hints give."""
    unrecorded = _matches([("2025-08-15", None, "2025/2026")])
    reader = ScopeReader(unrecorded, ["Premier League"])
    assert reader.read("Who won the Premier League game on 2025-12-01?") == reader.read("anything")
    assert reader.read("how did arsenal do in the champions league").refusal.startswith(
        "The data has no champions league matches"
    )
