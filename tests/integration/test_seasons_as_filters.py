"""Seasons and competitions as filters (issue 18 item 2), on real matches in three seasons and three competitions.

2025/2026: the season corpus' Premier League matches of August and September 2025, and Arsenal 4-1 Tottenham
(23 November). 2024/2025: copies of its August matches, of Arsenal 4-1 Tottenham, of Leeds 1-2 Tottenham
(4 October 2025) and Fulham 2-1 Chelsea (7 January 2026), neither among the 2025/2026 matches loaded, one season
earlier (``tests/season_replicas.py``: same scores, scorers and stats), and Eintracht Frankfurt 3-3 Bayern
(Bundesliga 2024/25) from the drift corpus.
2021/2022: Real Madrid 3-1 PSG (Champions League) from the drift corpus. Expected figures are counted from the
raw WhoScored files and the corpus' ``matches.csv``.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.app import pickers
from football_rag.app.api import PublicApi
from football_rag.app.chat import ChatSession, post_question, start_answer
from football_rag.app.explorer import team_view
from football_rag.app.rest import install_rest
from football_rag.app.state import AppState, state_over
from football_rag.cli import app
from football_rag.config.settings import get_settings
from football_rag.data.parsers import parse_file
from football_rag.rag import service
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import SEASON_DATA, SHARED_DATA, raw_whoscored, require, season_index
from tests.season_replicas import replica_id, replicate, with_competition

ARSENAL_SPURS, LEEDS_SPURS, ARSENAL_LEEDS = "1903228", "1903174", "1903128"
CHELSEA_FULHAM, FULHAM_CHELSEA = "1903141", "1903279"  # 2-0 on 30 August 2025, 2-1 on 7 January 2026
BUNDESLIGA, CHAMPIONS_LEAGUE = "1834250", "1604568"  # drift: Frankfurt 3-3 Bayern, Real Madrid 3-1 PSG
DRIFT = SHARED_DATA / "drift" / "whoscored"
LOADED = "it holds the 2021/2022, 2024/2025 and 2025/2026 seasons (Bundesliga, Champions League, Premier League)."


def _ids_of(months: tuple[str, ...]) -> list[str]:
    return [r["whoscored_id"] for r in season_index() if r["start_date"][:7] in months]


THIS_SEASON = [*_ids_of(("2025-08", "2025-09")), ARSENAL_SPURS]
LAST_SEASON = [*_ids_of(("2025-08",)), ARSENAL_SPURS, LEEDS_SPURS, FULHAM_CHELSEA]  # copied one season back


@pytest.fixture(scope="module")
def tables() -> MatchTables:
    require(SEASON_DATA), require(DRIFT)
    parsed = {i: with_competition(parse_file(SEASON_DATA / "whoscored" / f"{i}.json.gz")) for i in set(LAST_SEASON)}
    parsed |= {i: with_competition(parse_file(SEASON_DATA / "whoscored" / f"{i}.json.gz")) for i in THIS_SEASON}
    drift = [
        with_competition(parse_file(DRIFT / f"{BUNDESLIGA}.json"), "Bundesliga"),
        with_competition(parse_file(DRIFT / f"{CHAMPIONS_LEAGUE}.json"), "Champions League"),
    ]
    records = [parsed[i] for i in THIS_SEASON] + [replicate(parsed[i]) for i in LAST_SEASON] + drift
    return build_tables(records)


@pytest.fixture(scope="module")
def answerer(tables: MatchTables) -> Answerer:
    return Answerer(tables)


def ask(answerer: Answerer, question: str, previous=None):
    answer, context = answerer.ask(question, previous)
    assert answer.grounded, answer
    return answer, context


def _raw_goals(doc: dict) -> Counter:
    """Return each player's goals in a raw WhoScored match (own goals aside) by (name, team), the file's own names:
    a ranking lists a player for each club he scored for."""
    names = doc["playerIdNameDictionary"]
    teams = {doc[side]["teamId"]: doc[side]["name"] for side in ("home", "away")}
    return Counter(
        (names[str(e["playerId"])], teams[e["teamId"]])
        for e in doc["events"]
        if e.get("isGoal") and not e.get("isOwnGoal")
    )


def _season_goals(ids: list[str]) -> Counter:
    return sum((_raw_goals(raw_whoscored(i)) for i in ids), Counter())


def _drift_goals(match_id: str) -> Counter:
    return _raw_goals(json.loads((DRIFT / f"{match_id}.json").read_text(encoding="utf-8")))


# --- one match: the latest meeting unless a season is named, and which season it is from ---------------------------


def test_a_pair_that_met_in_two_seasons_gets_the_latest_meeting_and_names_the_other(answerer: Answerer) -> None:
    a, _ = ask(answerer, "What was the score of Arsenal vs Spurs?")
    assert a.intent is Intent.SCORE and a.matches == [ARSENAL_SPURS]
    assert "Arsenal 4-1 Tottenham on 23 November 2025" in a.answer
    assert "Others: Arsenal 4-1 Tottenham (23 November 2024)." in a.answer
    assert a.answer.endswith("From the 2025/2026 season.")


@pytest.mark.parametrize(
    "question",
    [
        "What was the score of Arsenal vs Spurs last season?",
        "What was the score of Arsenal vs Spurs in 2024/25?",
        "What was the score of Arsenal vs Spurs in the 2024-25 season?",
        "Arsenal v Tottenham score 2024/2025",
    ],
)
def test_a_season_named_picks_that_seasons_meeting(answerer: Answerer, question: str) -> None:
    a, _ = ask(answerer, question)
    assert a.matches == [replica_id(ARSENAL_SPURS)], a.answer
    assert "Arsenal 4-1 Tottenham on 23 November 2024" in a.answer and "From the 2024/2025 season." in a.answer
    assert "Others:" not in a.answer


def test_the_copy_has_the_same_scorers(answerer: Answerer) -> None:
    a, _ = ask(answerer, "Who scored in Arsenal v Spurs last season?")
    assert a.intent is Intent.SCORERS and a.matches == [replica_id(ARSENAL_SPURS)]
    b, _ = ask(answerer, "Who scored in Arsenal v Spurs this season?")
    assert b.matches == [ARSENAL_SPURS] and "Eberechi Eze 76'" in b.answer and "Richarlison 55'" in b.answer
    assert re.sub(r"\d{4}", "", a.answer) == re.sub(r"\d{4}", "", b.answer)  # the same answer, years aside


def test_a_pair_that_met_only_in_an_earlier_season_says_so(answerer: Answerer) -> None:
    a, _ = ask(answerer, "What was the score of Leeds v Tottenham?")
    assert a.matches == [replica_id(LEEDS_SPURS)]
    assert "Leeds 1-2 Tottenham on 4 October 2024" in a.answer and a.answer.endswith("From the 2024/2025 season.")
    b, _ = ask(answerer, "What was the score of Leeds v Tottenham this season?")
    assert b.intent is Intent.UNKNOWN_MATCH and replica_id(LEEDS_SPURS) not in b.matches
    assert b.answer.startswith("There is no match Leeds vs Tottenham in the 2025/2026 season in the data")


def test_a_follow_up_stays_in_the_season_asked(answerer: Answerer) -> None:
    _, context = ask(answerer, "Arsenal v Leeds last season, what was the score?")
    a, _ = ask(answerer, "and who scored?", context)
    assert a.matches == [replica_id(ARSENAL_LEEDS)] and "From the 2024/2025 season." in a.answer


def test_the_return_match_is_in_the_same_season(answerer: Answerer) -> None:
    _, latest = ask(answerer, "What was the score of Chelsea v Fulham?")
    assert latest.match_ids == [CHELSEA_FULHAM]
    a, _ = ask(answerer, "what about the return match?", latest)  # Fulham v Chelsea of 2025/26 is not loaded
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith("There is no match Fulham vs Chelsea in the data")
    _, earlier = ask(answerer, "What was the score of Chelsea v Fulham last season?")
    assert earlier.match_ids == [replica_id(FULHAM_CHELSEA)]
    b, _ = ask(answerer, "what about the return match?", earlier)
    assert b.matches == [replica_id(CHELSEA_FULHAM)] and "From the 2024/2025 season." in b.answer


# --- periods: totals and rankings keep to the season asked, the latest when none is ------------------------------


def test_a_month_without_a_year_is_read_inside_the_season_asked(answerer: Answerer) -> None:
    a, _ = ask(answerer, "Who scored for Arsenal in August last season?")
    assert a.matches == [replica_id(ARSENAL_LEEDS)] and "Arsenal 5-0 Leeds on 23 August 2024" in a.answer, a.answer
    b, _ = ask(answerer, "Who scored for Arsenal in August?")  # the latest August that does not run past the data
    assert b.matches == [ARSENAL_LEEDS] and "Arsenal 5-0 Leeds on 23 August 2025" in b.answer, b.answer


@pytest.mark.parametrize(
    ("question", "goals", "label"),
    [
        ("How many goals did Arsenal score last season?", 9, "the 2024/2025 season"),  # 5-0 Leeds, 4-1 Spurs
        ("How many goals did Arsenal score in 2024-25?", 9, "the 2024/2025 season"),
        ("How many goals did Arsenal score this season?", 15, "the 2025/2026 season"),  # and 3-0, 1-1, 2-1
        ("How many goals has Arsenal scored?", 15, "the 2025/2026 season"),
    ],
)
def test_a_teams_total_keeps_to_the_season(answerer: Answerer, question: str, goals: int, label: str) -> None:
    a, _ = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE
    assert a.answer.startswith(f"Arsenal goals in total: {goals}. Arsenal in {label}: "), a.answer


def test_clean_sheets_last_season(answerer: Answerer) -> None:
    a, _ = ask(answerer, "Arsenal's clean sheets last season")
    assert "the 2024/2025 season" in a.answer and "1 clean sheet" in a.answer, a.answer
    b, _ = ask(answerer, "Arsenal's clean sheets this season")
    assert "the 2025/2026 season" in b.answer and "2 clean sheets" in b.answer, b.answer


@pytest.mark.parametrize(
    ("question", "season", "expected"),
    [
        ("Who scored the most goals this season?", "2025/2026", lambda: _season_goals(THIS_SEASON)),
        ("Who scored the most goals?", "2025/2026", lambda: _season_goals(THIS_SEASON)),
        (
            "Who scored the most goals last season?",
            "2024/2025",
            lambda: _season_goals(LAST_SEASON) + _drift_goals(BUNDESLIGA),
        ),
        (
            "Who scored the most Premier League goals last season?",
            "2024/2025",
            lambda: _season_goals(LAST_SEASON),
        ),
    ],
)
def test_the_top_scorer_of_the_season_asked(answerer: Answerer, question: str, season: str, expected) -> None:
    goals = expected()
    most = max(goals.values())
    leaders = [f"{name} ({team})" for (name, team), n in goals.items() if n == most]
    a, _ = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"the {season} season" in a.answer, a.answer
    head = a.answer.split(";")[0]  # the leader ("1. Name (Team) 4"), or the leaders level ("3 each: A, B and C")
    said = f"{most} each: " if len(leaders) > 1 else f"1. {leaders[0]} {most}"
    assert said in head and all(leader in head for leader in leaders), (leaders, a.answer)


def _table(ids: list[str]) -> list[tuple[int, int, int, str]]:
    """Return (points, goal difference, goals, team) for the matches ``ids`` of ``matches.csv``, top first."""
    rows = {r["whoscored_id"]: r for r in season_index()}
    figures: dict[str, list[int]] = {}
    for i in ids:
        home, away = (int(g) for g in rows[i]["score"].split(":"))
        for team, scored, conceded in ((rows[i]["home"], home, away), (rows[i]["away"], away, home)):
            points, difference, goals = figures.setdefault(team, [0, 0, 0])
            won = 3 if scored > conceded else int(scored == conceded)
            figures[team] = [points + won, difference + scored - conceded, goals + scored]
    return sorted(((*f, team) for team, f in figures.items()), reverse=True)


@pytest.mark.parametrize(
    ("question", "ids", "season"),
    [
        ("Who was top of the table in the Premier League last season?", LAST_SEASON, "2024/2025"),
        ("who leads the league", THIS_SEASON, "2025/2026"),
    ],
)
def test_the_table_of_the_season(answerer: Answerer, question: str, ids: list[str], season: str) -> None:
    top, second = _table(ids)[:2]
    assert top[:3] != second[:3]  # a leader on points, goal difference or goals
    a, _ = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"the {season} season" in a.answer
    assert f"1. {top[3]} {top[0]}" in a.answer, a.answer


def test_a_table_of_a_season_of_two_competitions_asks_which(answerer: Answerer) -> None:
    a, _ = ask(answerer, "Who was top of the table last season?")  # Bundesliga and Premier League matches
    assert (
        a.intent is Intent.CLARIFY
        and a.answer == "Which competition's table do you mean: Bundesliga or Premier League?"
    )


def test_a_competition_total(answerer: Answerer) -> None:
    a, _ = ask(answerer, "How many goals were scored in the Bundesliga last season?")
    assert "6 goals" in a.answer or ": 6 " in a.answer, a.answer
    assert a.matches == [BUNDESLIGA]


def test_a_teams_form_last_season_is_that_seasons_last_matches(answerer: Answerer) -> None:
    a, _ = ask(answerer, "arsenal's form last season")
    assert a.intent is Intent.FORM and a.matches == [replica_id(ARSENAL_LEEDS), replica_id(ARSENAL_SPURS)]
    assert a.answer.startswith(
        "Arsenal's last 2 matches in the 2024/2025 season (oldest first): WW, 6 points, scored 9, conceded 1."
    ), a.answer
    b, _ = ask(answerer, "arsenal's form")  # the last 5 whatever the season: this season's
    assert b.intent is Intent.FORM and len(b.matches) == 5 and b.matches[-1] == ARSENAL_SPURS, b.answer
    assert b.answer.startswith("Arsenal's last 5 matches (oldest first): "), b.answer


# --- competitions ----------------------------------------------------------------------------------------------


def test_a_match_of_another_competition_and_season(answerer: Answerer) -> None:
    a, _ = ask(answerer, "What was the score of Real Madrid v PSG?")
    assert a.matches == [CHAMPIONS_LEAGUE] and "Real Madrid 3-1 PSG on 9 March 2022" in a.answer
    assert a.answer.endswith("From the 2021/2022 season.")
    b, _ = ask(answerer, "What was the score of Real Madrid v PSG in the Champions League?")
    assert b.matches == [CHAMPIONS_LEAGUE]
    c, _ = ask(answerer, "What was the score of Real Madrid v PSG in the Premier League?")
    assert c.intent is Intent.UNKNOWN_MATCH
    assert c.answer.startswith("There is no match Real Madrid vs PSG in the Premier League in the data"), c.answer


def test_a_follow_up_keeps_the_competition(answerer: Answerer) -> None:
    _, context = ask(answerer, "How many goals were scored in the Bundesliga last season?")
    a, _ = ask(answerer, "and how many cards?", context)
    assert a.matches == [BUNDESLIGA], a.answer


# --- what is not loaded is refused, saying what is ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Who scored in the FA Cup final?", "The data has no FA Cup matches"),
        ("How did Arsenal do in the Europa League?", "The data has no Europa League matches"),
        ("How many goals did Salah score in 2022/23?", "The 2022/23 season is not in the data"),
        ("Arsenal v Spurs two seasons ago", "Earlier seasons are not in the data"),
    ],
)
def test_what_is_not_loaded_is_refused_saying_what_is(answerer: Answerer, question: str, reason: str) -> None:
    a, _ = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and a.answer.startswith(f"{reason}: {LOADED}"), a.answer
    assert not a.matches


# --- the HTTP API: a season and competition beside the question ----------------------------------------------------


@pytest.fixture(scope="module")
def api(state: AppState) -> TestClient:
    app = FastAPI()
    install_rest(app, state)
    return TestClient(app)


def test_the_api_asks_within_a_season_and_competition(api: TestClient) -> None:
    asked = {"question": "What was the score of Arsenal vs Spurs?"}
    assert api.post("/v1/ask", json=asked).json()["matches"] == [ARSENAL_SPURS]
    last = api.post("/v1/ask", json={**asked, "season": "2024/2025"}).json()
    assert last["matches"] == [replica_id(ARSENAL_SPURS)] and "From the 2024/2025 season." in last["answer"]
    named = api.post("/v1/ask", json={**asked, "question": asked["question"] + " this season", "season": "2024/2025"})
    assert named.json()["matches"] == [ARSENAL_SPURS]  # the question's own season wins
    total = {"question": "How many goals were scored?", "season": "2024/2025", "competition": "Bundesliga"}
    assert api.post("/v1/ask", json=total).json()["matches"] == [BUNDESLIGA]
    refused = api.post("/v1/ask", json={**asked, "season": "2019/2020"}).json()
    assert refused["intent"] == "out_of_scope" and refused["answer"].startswith(
        f"The 2019/20 season is not in the data: {LOADED}"
    )
    cup = api.post("/v1/ask", json={**asked, "competition": "FA Cup"}).json()
    assert cup["answer"].startswith(f"The data has no FA Cup matches: {LOADED}")


def test_the_api_lists_a_seasons_matches(api: TestClient) -> None:
    page = api.get("/v1/matches", params={"season": "2024/2025", "competition": "Premier League", "limit": 100}).json()
    assert page["total"] == len(LAST_SEASON) and {m["season"] for m in page["matches"]} == {"2024/2025"}
    assert page["matches"][0]["match_id"] == replica_id(FULHAM_CHELSEA)  # latest first: 7 January 2025


# --- the explorer: its season and competition pickers narrow the team view, its trend included ---------------------


@pytest.fixture(scope="module")
def state(tables: MatchTables, answerer: Answerer, tmp_path_factory: pytest.TempPathFactory) -> AppState:
    return state_over(tables, answerer, "seasons", tmp_path_factory.mktemp("home"))


def test_the_explorer_team_view_keeps_to_the_season_picked(tables: MatchTables, state: AppState) -> None:
    assert pickers.seasons(tables.matches, "Premier League") == [pickers.ALL, "2025/2026", "2024/2025"]
    last = pickers.narrowed(tables.matches, "Premier League", "2024/2025")
    _, trend, games = team_view(state, "Arsenal", last)
    assert len(games) == 2 and {len(t.x) for t in trend.data} == {2}  # 5-0 Leeds, 4-1 Spurs in 2024/25
    _, whole, all_games = team_view(state, "Arsenal")
    assert len(all_games) == 7 and {len(t.x) for t in whole.data} == {7}  # and the 5 of 2025/26


def test_the_embedding_endpoints_keep_to_a_season(state: AppState) -> None:
    """The Gradio endpoints (``/ask``, ``/matches``) take the season and competition as the HTTP API does."""
    public = PublicApi(state)
    last = public.ask("What was the score of Arsenal vs Spurs?", None, season="2024/2025")
    assert last["matches"] == [replica_id(ARSENAL_SPURS)]
    assert public.ask("What was the score of Arsenal vs Spurs?", None)["matches"] == [ARSENAL_SPURS]
    listed = public.matches("Premier League", "Arsenal", "2024/2025")
    assert [m["label"] for m in listed] == ["23 Nov 2024 · Arsenal 4-1 Tottenham", "23 Aug 2024 · Arsenal 5-0 Leeds"]


def test_the_chat_keeps_to_the_explorers_pickers(state: AppState) -> None:
    """The chat's questions take the explorer's competition and season as ``/ask``'s parameters do."""
    question = "What was the score of Arsenal vs Spurs?"
    *_, picked = start_answer(
        state, question, post_question(ChatSession(), question), "test", pickers.picked(pickers.ALL, "2024/2025")
    )
    assert [card.match_id for card in picked.session.sources] == [replica_id(ARSENAL_SPURS)]
    *_, unpicked = start_answer(
        state, question, post_question(ChatSession(), question), "test", pickers.picked(pickers.ALL, pickers.ALL)
    )
    assert [card.match_id for card in unpicked.session.sources] == [ARSENAL_SPURS]
    assert pickers.scope_note("Premier League", "2024/2025") == (
        "Questions keep to the Premier League, 2024/2025 season (picked in the explorer) unless they name their own."
    )
    # That the page wires both pickers into the chat's answering event is tested with the app's other Blocks, in
    # tests/e2e/test_app_views.py: Gradio's components cannot be built in this process once Scrapy is loaded.


def test_the_command_line_asks_within_a_season_and_competition(
    answerer: Answerer, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTBALL_RAG_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    monkeypatch.setattr(service, "answerer_for", lambda *args, **kwargs: answerer)
    cli = CliRunner()
    last = cli.invoke(
        app, ["ask", "What was the score of Arsenal vs Spurs?", "--season", "2024/2025", "--no-llm", "--json"]
    )
    assert last.exit_code == 0, last.output
    assert json.loads(last.stdout)["matches"] == [replica_id(ARSENAL_SPURS)]
    options = ["--season", "2024/2025", "--competition", "Bundesliga", "--no-llm", "--json"]
    total = cli.invoke(app, ["ask", "How many goals were scored?", *options])
    assert total.exit_code == 0, total.output
    assert json.loads(total.stdout)["matches"] == [BUNDESLIGA]
    get_settings.cache_clear()
