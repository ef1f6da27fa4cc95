"""The generated eval set on real matches: stratified, reproducible, and its gold values true to the raw files.

Gold values are checked against the raw WhoScored files (``score``, ``referee``, goal events,
``isManOfTheMatch``, ``formations``) and the corpus' ``matches.csv``, never against the tables the
generator read, so a slip in either shows.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from football_rag.analytics.linking import TeamAliases
from football_rag.evaluation.eval_set import KINDS, EvalQuestion
from football_rag.evaluation.generator import generate_eval_set, quoted_minute
from football_rag.rag.dates import resolve_period
from tests.conftest import raw_whoscored, season_index
from tests.integration.eval_tables import eval_tables, match_ids

PER_KIND = 6
LATEST = date(2025, 11, 30)  # the latest match the tables hold (Chelsea 1-1 Arsenal)
MONTHS = {"Aug": (2025, 8), "Sep": (2025, 9), "Oct": (2025, 10), "Nov": (2025, 11), "Dec": (2025, 12), "Jan": (2026, 1)}


@pytest.fixture(scope="module")
def questions() -> list[EvalQuestion]:
    return generate_eval_set(eval_tables(), seed=0, per_kind=PER_KIND)


def raw_goals(match_id: str) -> list[tuple[str, int, str]]:
    """(scorer, Opta minute, period name) of every goal event in the raw file."""
    data = raw_whoscored(match_id)
    names = data["playerIdNameDictionary"]
    return [
        (names[str(e["playerId"])], e["minute"], e["period"]["displayName"]) for e in data["events"] if e.get("isGoal")
    ]


def of_kind(questions: list[EvalQuestion], kind: str) -> list[EvalQuestion]:
    found = [q for q in questions if q.kind == kind]
    assert found, f"no {kind} questions generated"
    return found


def test_stratified_and_distinct(questions: list[EvalQuestion]) -> None:
    assert Counter(q.kind for q in questions) == dict.fromkeys(KINDS, PER_KIND)
    assert len({q.id for q in questions}) == len({q.question.lower() for q in questions}) == len(questions)
    held = set(match_ids())
    assert all(q.match_id in held for q in questions if q.match_id)


def test_seeded_and_reproducible(questions: list[EvalQuestion]) -> None:
    assert generate_eval_set(eval_tables(), seed=0, per_kind=PER_KIND) == questions
    assert generate_eval_set(eval_tables(), seed=1, per_kind=PER_KIND) != questions


def test_minutes_are_quoted_as_reports_do() -> None:
    # Liverpool 4-2 Bournemouth, 15 August 2025: Ekitiké's goal at 36:16 is reported as 37', Salah's at 93:51 as 90+4'
    assert quoted_minute(1, 36) == "37'" and quoted_minute(2, 93) == "90+4'" and quoted_minute(1, 45) == "45+1'"


def test_scores_match_the_raw_files(questions: list[EvalQuestion]) -> None:
    for q in of_kind(questions, "score"):
        assert q.gold == [raw_whoscored(q.match_id)["score"].replace(" : ", "-")], q


def test_scorers_and_minutes_match_the_raw_goal_events(questions: list[EvalQuestion]) -> None:
    for q in of_kind(questions, "scorers"):
        scorers = {name for name, _, _ in raw_goals(q.match_id)}
        named = [g for g in q.gold if not re.fullmatch(r"\d+-\d+", g)]
        assert set(named) <= scorers, q
        if q.question.startswith(("Who scored in", "Who were the goalscorers", "Goalscorers", "Who got the goals")):
            assert set(named) == scorers, q
    for q in of_kind(questions, "goal_minute"):
        goals = raw_goals(q.match_id)
        for minute in q.gold:
            end, _, extra = minute.rstrip("'").partition("+")
            elapsed = int(end) + int(extra or 0) - 1
            assert any(m == elapsed for _, m, _ in goals), (q, goals)


def test_match_details_match_the_raw_files(questions: list[EvalQuestion]) -> None:
    for q in of_kind(questions, "referee"):
        assert q.gold == [raw_whoscored(q.match_id)["referee"]["name"]]
    for q in of_kind(questions, "man_of_the_match"):
        data = raw_whoscored(q.match_id)
        best = [p["name"] for side in ("home", "away") for p in data[side]["players"] if p.get("isManOfTheMatch")]
        assert q.gold == best
    for q in of_kind(questions, "formation"):
        data = raw_whoscored(q.match_id)
        assert q.gold[0].replace("-", "") in {data[side]["formations"][0]["formationName"] for side in ("home", "away")}


def test_month_goal_totals_match_the_corpus_index(questions: list[EvalQuestion]) -> None:
    aliases = TeamAliases.load()
    held = set(match_ids())
    rows = [r for r in season_index() if r["whoscored_id"] in held]
    checked = 0
    for q in of_kind(questions, "aggregate"):
        found = re.fullmatch(r"How many goals did (.+) (score|concede) in ([A-Z][a-z]{2})\w*(?: \d{4})?\?", q.question)
        if not found:
            continue
        team, verb, month = aliases.canonical[aliases.normalise(found.group(1))], found.group(2), MONTHS[found.group(3)]
        total = 0
        for r in rows:
            if (int(r["start_date"][:4]), int(r["start_date"][5:7])) != month:
                continue
            home, away = (int(g) for g in r["score"].split(" : "))
            for side, scored, conceded in ((r["home"], home, away), (r["away"], away, home)):
                if aliases.canonical[aliases.normalise(side)] == team:
                    total += scored if verb == "score" else conceded
        assert q.gold == [str(total)], q
        checked += 1
    assert checked, "no month goal totals among the aggregate questions"


def test_unknown_matches_are_not_in_the_data(questions: list[EvalQuestion]) -> None:
    aliases = TeamAliases.load()
    held = set(match_ids())
    fixtures = {
        frozenset((aliases.canonical[aliases.normalise(r["home"])], aliases.canonical[aliases.normalise(r["away"])])): r
        for r in season_index()
        if r["whoscored_id"] in held
    }
    for q in of_kind(questions, "unknown_match"):
        assert q.gold == [] and q.match_id is None
        pair = re.search(r"(?:of|in|won|refereed) (.+?) (?:vs|v|against) (.+?)(?: on (.+))?\?$", q.question)
        assert pair, q.question
        teams = frozenset(aliases.canonical.get(aliases.normalise(t), aliases.normalise(t)) for t in pair.group(1, 2))
        if teams in fixtures:  # a real pair: then the question names a day they did not meet
            day = resolve_period(pair.group(3) or "", LATEST)
            assert day is not None and day.start == day.end, q.question
            assert day.start.isoformat() != fixtures[teams]["start_date"][:10], q.question


def test_counts_override_a_kind() -> None:
    fewer = generate_eval_set(eval_tables(), seed=0, per_kind=2, counts={"narrative": 1, "score": 4})
    assert Counter(q.kind for q in fewer) == {**dict.fromkeys(KINDS, 2), "narrative": 1, "score": 4}
