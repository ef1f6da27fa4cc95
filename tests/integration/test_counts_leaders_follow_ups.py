"""Player leaders, counts first, yes/no, never "nan", and follow-up turns, on the whole real season.

Gold values come from the raw WhoScored files (cards, referees, scores) or are read from the tables in the
test itself (player figures), never from the answers.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from football_rag.analytics.tables import MatchTables
from football_rag.cli import app
from football_rag.config.settings import get_settings
from football_rag.rag import service
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.conversation import Conversation
from football_rag.rag.facts import FactBook
from tests.conftest import raw_whoscored

CARD_KINDS = {"Yellow": "yellow", "SecondYellow": "second yellow", "Red": "red"}


def raw_cards(match_id: str) -> Counter:
    """(team name, card kind, shown to no player) -> how many, from the raw file's card events."""
    data = raw_whoscored(match_id)
    teams = {data[side]["teamId"]: data[side]["name"] for side in ("home", "away")}
    return Counter(
        (teams[e["teamId"]], CARD_KINDS[e["cardType"]["displayName"]], e.get("playerId") is None)
        for e in data["events"]
        if e.get("cardType")
    )


def day(answerer: Answerer, match_id: str) -> str:
    """Return the match's day as a question writes it: "14 September 2025"."""
    return f"{pd.Timestamp(answerer.book.match(match_id)['date']):%-d %B %Y}"


def fixture(answerer: Answerer, match_id: str) -> str:
    """Return "Burnley vs Liverpool on 14 September 2025": one match, whichever other meetings the data holds."""
    m = answerer.book.match(match_id)
    return f"{m['home']} vs {m['away']} on {day(answerer, match_id)}"


def ask(answerer: Answerer, question: str):
    answer, _ = answerer.ask(question)
    assert answer.grounded, answer
    assert "nan" not in answer.answer.split(), answer.answer
    return answer


# --- player leaders --------------------------------------------------------------------------------------------


def _tied_leaders(tables: MatchTables, stat: str) -> tuple[str, list[str], int]:
    """Return the first match (by id) whose top figure of ``stat`` is shared, its tied players and that figure."""
    played = tables.player_stats[tables.player_stats["minutes"].fillna(0) > 0]
    for match_id, rows in played.groupby("match_id"):
        best = rows[stat].max()
        level = rows[rows[stat] == best]
        if best > 0 and len(level) > 1:
            return str(match_id), level["player_name"].tolist(), int(best)
    raise AssertionError(f"no tie on {stat} in the season")


@pytest.mark.parametrize(("stat", "words"), [("shots", "shots"), ("tackles", "tackles"), ("key_passes", "key passes")])
def test_a_match_leader_tie_is_said_as_a_tie(
    answerer: Answerer, season_tables: MatchTables, stat: str, words: str
) -> None:
    match_id, tied, best = _tied_leaders(season_tables, stat)
    a = ask(answerer, f"Which player had the most {words} in {fixture(answerer, match_id)}?")
    assert a.intent is Intent.RANKING and a.matches == [match_id]
    first = a.answer.split(". Most ")[0]
    assert first.startswith(f"Tied for the most {words} in ") and f", {best} each: " in first
    assert all(name in first for name in tied), (tied, first)


def test_a_match_leader_alone_is_named_not_the_team_totals(answerer: Answerer, season_tables: MatchTables) -> None:
    rows = season_tables.player_stats[season_tables.player_stats["match_id"] == "1903228"]  # Arsenal 4-1 Tottenham
    leader = rows.loc[rows["shots"].idxmax()]
    assert (rows["shots"] == leader["shots"]).sum() == 1
    a = ask(answerer, "Which player had the most shots in Arsenal vs Spurs?")
    assert a.answer.startswith(
        f"{leader['player_name']} ({leader['team']}) had the most shots in Arsenal 4-1 Tottenham"
    )
    assert f": {int(leader['shots'])}." in a.answer and "Shots: Arsenal" not in a.answer
    yes = ask(answerer, f"Did {leader['player_name']} have the most shots in Arsenal vs Spurs?")
    other = rows[rows["shots"] < leader["shots"]].sort_values("shots").iloc[-1]["player_name"]
    no = ask(answerer, f"Did {other} have the most shots in Arsenal vs Spurs?")
    assert yes.answer.startswith("Yes.") and no.answer.startswith("No.")


def test_a_players_figure_against_a_team_and_over_a_month(answerer: Answerer, season_tables: MatchTables) -> None:
    ps = season_tables.player_stats
    rice = ps[(ps["player_name"] == "Declan Rice") & (ps["match_id"] == "1903228")].iloc[0]
    a = ask(answerer, "How many tackles did Declan Rice make against Tottenham?")
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith(f"Declan Rice: {int(rice['tackles'])} tackles in")
    october = season_tables.matches.loc[season_tables.matches["date"].dt.month == 10, "match_id"]
    saka = ps[(ps["player_name"] == "Bukayo Saka") & ps["match_id"].isin(october) & (ps["minutes"] > 0)]
    a = ask(answerer, "How many shots did Bukayo Saka have in October?")
    assert a.answer.startswith(f"Bukayo Saka: {int(saka['shots'].sum())} shots (total) in {len(saka)} appearances")
    a = ask(answerer, "Bukayo Saka's stats in October")
    assert a.answer.startswith(f"Bukayo Saka in October 2025: {len(saka)} appearances")
    assert f"shots {int(saka['shots'].sum())}," in a.answer and f"goals {int(saka['goals'].sum())}," in a.answer


# WhoScored's own per-player match totals (``players[].stats``, minute by minute) for the figures we count.
RAW_PLAYER_STATS = {
    "touches": "touches",
    "dribbles": "dribblesWon",
    "fouls": "foulsCommited",
    "tackles": "tacklesTotal",
}


@pytest.mark.parametrize("match_id", ["1903228", "1903150", "1903170"])
def test_player_touches_and_dribbles_are_whoscoreds_own(season_tables: MatchTables, match_id: str) -> None:
    ps = season_tables.player_stats.set_index(["match_id", "player_id"])
    data = raw_whoscored(match_id)
    for side in ("home", "away"):
        for player in data[side]["players"]:
            key = (match_id, str(player["playerId"]))
            for ours, theirs in RAW_PLAYER_STATS.items():
                expected = sum(player["stats"].get(theirs, {}).values())
                assert ps.at[key, ours] == expected, (player["name"], ours)


def test_the_touches_leader_of_a_match(answerer: Answerer) -> None:
    data = raw_whoscored("1903228")
    touches = {
        p["name"]: sum(p["stats"].get("touches", {}).values()) for s in ("home", "away") for p in data[s]["players"]
    }
    leader = max(touches, key=touches.__getitem__)
    assert sorted(touches.values())[-2] < touches[leader]
    a = ask(answerer, "Who had the most touches in Arsenal vs Spurs?")
    assert a.answer.startswith(f"{leader} (") and "had the most touches in Arsenal 4-1 Tottenham" in a.answer
    assert f": {int(touches[leader])}." in a.answer


# --- counts first ------------------------------------------------------------------------------------------------


def test_card_counts_first_with_a_second_yellow(answerer: Answerer) -> None:
    """Burnley 0-1 Liverpool: Burnley's yellow and a second yellow (Ugochukwu), as the raw file counts them."""
    cards = raw_cards("1903150")
    yellow, second = cards[("Burnley", "yellow", False)], cards[("Burnley", "second yellow", False)]
    assert second == 1
    a = ask(answerer, f"How many yellow cards did Burnley get against Liverpool on {day(answerer, '1903150')}?")
    assert a.intent is Intent.CARDS and a.matches == ["1903150"]
    assert a.answer.startswith(
        f"Burnley got {yellow} yellow card{'s' * (yellow != 1)} against Liverpool, and 1 second yellow."
    )
    liverpool = cards[("Liverpool", "yellow", False)]
    assert (
        f"Cards: Burnley {yellow} yellow, 1 second yellow, 0 red; Liverpool {liverpool} yellow, 0 second yellow"
        in a.answer
    )
    assert "Lesley Ugochukwu (Burnley) second yellow" in a.answer
    sent_off = ask(answerer, f"Who was sent off in Burnley vs Liverpool on {day(answerer, '1903150')}?")
    assert sent_off.answer.startswith("Sendings-off: Burnley 1, Liverpool 0.")


def test_a_card_to_no_named_player_is_never_nan(answerer: Answerer) -> None:
    """Chelsea 2-1 Liverpool: WhoScored files three cards with no playerId (Chelsea's manager's yellow and second
    yellow, a Liverpool bench yellow); the answer counts them and says no player is named, never "nan"."""
    cards = raw_cards("1903170")
    staff = {
        team: sum(n for (t, _, none), n in cards.items() if t == team and none) for team in ("Chelsea", "Liverpool")
    }
    assert staff == {"Chelsea": 2, "Liverpool": 1}
    a = ask(answerer, "How many cards did Chelsea get against Liverpool in October?")
    assert a.answer.startswith("Chelsea got 2 cards against Liverpool: 1 yellow, 1 second yellow, 0 red.")
    assert "Chelsea 1 yellow, 1 second yellow, 0 red (2 to staff, no player named)" in a.answer
    assert "(1 to staff, no player named)" in a.answer
    assert a.answer.count("staff member, no player named (") == 3


def test_a_missing_name_falls_back_to_the_lineup_then_to_the_id(season_tables: MatchTables) -> None:
    """No goal or card of the season lacks a name when it has a player id; blank one to see the fallbacks."""
    timeline = season_tables.timeline
    assert timeline.loc[timeline["player_id"].notna(), "player_name"].notna().all()
    scorer = timeline[(timeline["match_id"] == "1903228") & (timeline["kind"] == "goal")].index[0]
    name = timeline.at[scorer, "player_name"]
    blank = timeline.copy()
    blank.loc[scorer, "player_name"] = None
    book = FactBook(replace(season_tables, timeline=blank))
    assert f"{name} 36'" in book.scorers("1903228").text
    assert book.person("999999999", None) == "unnamed player (id 999999999)"


def test_a_team_stat_count_comes_first_for_the_team_asked_about(answerer: Answerer, season_tables: MatchTables) -> None:
    rows = season_tables.team_stats[season_tables.team_stats["match_id"] == "1903228"].set_index("team")
    a = ask(answerer, "How many corners did Arsenal have against Spurs?")
    assert a.answer.startswith(f"Arsenal had {int(rows.at['Arsenal', 'corners'])} corners against Tottenham.")
    both = ask(answerer, "How many fouls were there in Arsenal vs Spurs?")
    fouls = rows["fouls"].astype(int)
    # Both teams asked about: their total first, then each team's.
    assert both.answer.startswith(
        f"{fouls.sum()} fouls in the match. Fouls: Arsenal {fouls['Arsenal']}, Tottenham {fouls['Tottenham']}."
    )


def test_a_team_named_in_a_period_question_scopes_it(answerer: Answerer, season_tables: MatchTables) -> None:
    ts, matches = season_tables.team_stats, season_tables.matches
    october = matches.loc[(matches["date"].dt.month == 10) & (matches["status"] == "finished"), "match_id"]
    arsenal = ts[(ts["team"] == "Arsenal") & ts["match_id"].isin(october)]
    clean = int(arsenal["goals_against"].eq(0).sum())
    for question in ("How many clean sheets did Arsenal keep in October?", "Arsenal clean sheets in October"):
        a = ask(answerer, question)
        assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Arsenal clean sheets in total: {clean}. ")
        assert f"Arsenal in October 2025: {len(arsenal)} matches" in a.answer
    ranked = ask(answerer, "Where do Arsenal rank for clean sheets in October?")
    assert ranked.answer.startswith(f"Arsenal: {clean} clean sheets in October 2025, ")
    who_won = ask(answerer, "Who won Arsenal vs Spurs?")
    assert who_won.intent is Intent.SCORE and "Arsenal beat Tottenham 4-1." in who_won.answer


# --- yes / no ----------------------------------------------------------------------------------------------------


def test_yes_no_questions_start_with_yes_or_no(answerer: Answerer) -> None:
    score = raw_whoscored("1903228")["ftScore"]  # Arsenal v Tottenham, "4 : 1"
    home, away = (int(x) for x in score.split(":"))
    assert home > away
    assert ask(answerer, "Did Arsenal beat Spurs?").answer.startswith("Yes. Arsenal 4-1 Tottenham")
    assert ask(answerer, "Did Tottenham beat Arsenal?").answer.startswith("No.")
    assert ask(answerer, "Did Tottenham lose to Arsenal?").answer.startswith("Yes.")
    assert ask(answerer, "Were Spurs beaten by Arsenal?").answer.startswith("Yes.")
    assert ask(answerer, "Did Arsenal and Spurs draw?").answer.startswith("No.")
    scorers = {name for name, _, _ in _raw_goals("1903228")}
    assert "Eberechi Eze" in scorers and "Bukayo Saka" not in scorers
    assert ask(answerer, "Did Eberechi Eze score against Tottenham?").answer.startswith("Yes. Eberechi Eze: 3 goals")
    assert ask(answerer, "Did Bukayo Saka score against Tottenham?").answer.startswith("No. Bukayo Saka: 0 goals")
    sent_off = sum(n for (_, kind, _), n in raw_cards("1903228").items() if kind != "yellow")
    red = ask(answerer, "Did anyone get a red card in Arsenal vs Spurs?").answer
    assert red.startswith("Yes." if sent_off else "No.") and red.split(". ", 1)[1].startswith("Sendings-off: Arsenal")


def test_yes_no_about_a_player_over_a_period(answerer: Answerer, season_tables: MatchTables) -> None:
    ps = season_tables.player_stats
    for name in ("Bukayo Saka", "Jordan Pickford"):
        goals = int(ps.loc[ps["player_name"] == name, "goals"].sum())
        a = ask(answerer, f"Has {name} scored this season?")
        assert a.answer.startswith(f"{'Yes' if goals else 'No'}. {name}: {goals} goals (total)")


def _raw_goals(match_id: str) -> list[tuple[str, int, str]]:
    data = raw_whoscored(match_id)
    names = data["playerIdNameDictionary"]
    return [
        (names[str(e["playerId"])], e["minute"], e["period"]["displayName"]) for e in data["events"] if e.get("isGoal")
    ]


# --- follow-ups --------------------------------------------------------------------------------------------------


def _meetings(tables: MatchTables, home: str, away: str) -> tuple[str, str]:
    """Return the match ids of home v away and of the return match (away v home)."""
    m = tables.matches
    first = m[(m["home"] == home) & (m["away"] == away)]["match_id"].tolist()
    back = m[(m["home"] == away) & (m["away"] == home)]["match_id"].tolist()
    assert len(first) == len(back) == 1
    return first[0], back[0]


def test_a_conversation_carries_the_match_from_turn_to_turn(answerer: Answerer, season_tables: MatchTables) -> None:
    first, back = _meetings(season_tables, "Newcastle", "Liverpool")
    talk = Conversation(answerer)
    opened = talk.ask(f"Who won Newcastle vs Liverpool on {day(answerer, first)}?")
    assert opened.matches == [first]
    returned = talk.ask("what about the return match?")
    assert returned.intent is Intent.SCORE and returned.matches == [back]
    score = raw_whoscored(back)["ftScore"].replace(" ", "").replace(":", "-")
    assert f"Liverpool {score} Newcastle" in returned.answer
    scorers = talk.ask("and who scored?")
    assert scorers.intent is Intent.SCORERS and scorers.matches == [back]
    assert all(name in scorers.answer for name, _, _ in _raw_goals(back))
    referee = talk.ask("and the referee?")
    assert referee.matches == [back] and raw_whoscored(back)["referee"]["name"] in referee.answer
    shots = talk.ask("how many shots did they have?")
    rows = season_tables.team_stats[season_tables.team_stats["match_id"] == back].set_index("team")["shots"]
    assert shots.answer.startswith(
        f"{int(rows.sum())} shots in the match. Shots: Liverpool {int(rows['Liverpool'])}, Newcastle "
        f"{int(rows['Newcastle'])}."
    )


def test_a_follow_up_about_another_player_stays_in_the_match(answerer: Answerer, season_tables: MatchTables) -> None:
    rows = season_tables.player_stats[season_tables.player_stats["match_id"] == "1903228"].set_index("player_name")
    talk = Conversation(answerer)
    saka = talk.ask("How many shots did Bukayo Saka have against Tottenham?")
    assert saka.answer.startswith(f"Bukayo Saka: {int(rows.at['Bukayo Saka', 'shots'])} shots in Arsenal 4-1 Tottenham")
    eze = talk.ask("what about Eberechi Eze?")
    assert eze.answer.startswith(
        f"Eberechi Eze: {int(rows.at['Eberechi Eze', 'shots'])} shots in Arsenal 4-1 Tottenham"
    )
    passes = talk.ask("and key passes?")
    key_passes = int(rows.at["Eberechi Eze", "key_passes"])
    assert passes.answer.startswith(f"Eberechi Eze: {key_passes} key pass{'' if key_passes == 1 else 'es'} in Arsenal")


def test_a_follow_up_naming_a_stat_asks_the_same_question_of_it(answerer: Answerer, season_tables: MatchTables) -> None:
    rows = season_tables.player_stats[season_tables.player_stats["match_id"] == "1903228"]
    talk = Conversation(answerer)
    talk.ask("Which player had the most shots in Arsenal vs Spurs?")
    tackles = talk.ask("and tackles?")
    leader = rows.loc[rows["tackles"].idxmax()]
    assert (rows["tackles"] == leader["tackles"]).sum() == 1
    assert tackles.intent is Intent.RANKING
    assert tackles.answer.startswith(f"{leader['player_name']} ({leader['team']}) had the most tackles in Arsenal 4-1")
    scorers = talk.ask("and who scored?")
    assert scorers.intent is Intent.SCORERS and scorers.matches == ["1903228"]


def test_a_return_match_not_in_the_data_is_said(answerer: Answerer) -> None:
    talk = Conversation(answerer)
    talk.ask("Who won Arsenal vs Spurs?")
    a = talk.ask("What about the return match?")
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith(
        "There is no match Tottenham vs Arsenal in the data"
    )


@pytest.fixture
def cli(answerer: Answerer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """The ``ask`` command over the season's answerer (no release needed), its home in ``tmp_path``."""
    monkeypatch.setenv("FOOTBALL_RAG_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    monkeypatch.setattr(service, "answerer_for", lambda *args, **kwargs: answerer)
    yield CliRunner()
    get_settings.cache_clear()


def test_ask_answers_a_conversation_file_turn_by_turn(
    cli: CliRunner, season_tables: MatchTables, tmp_path: Path
) -> None:
    first, back = _meetings(season_tables, "Newcastle", "Liverpool")
    turns = tmp_path / "turns.jsonl"
    lines = ["Who won Liverpool vs Newcastle?", "and the referee?", "what about the return match?", "and who scored?"]
    turns.write_text("\n".join(json.dumps({"question": q}) for q in lines) + "\n", encoding="utf-8")
    done = cli.invoke(app, ["ask", "--conversation", str(turns), "--no-llm"])
    assert done.exit_code == 0, done.output
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["question"] for a in answers] == lines
    assert [a["matches"] for a in answers] == [[back], [back], [first], [first]]
    assert raw_whoscored(back)["referee"]["name"] in answers[1]["answer"]
    assert answers[3]["intent"] == "scorers" and all(n in answers[3]["answer"] for n, _, _ in _raw_goals(first))


def test_a_conversation_file_may_hold_several_conversations(cli: CliRunner, tmp_path: Path) -> None:
    turns = tmp_path / "turns.jsonl"
    lines = [
        {"conversation": "a", "question": "Who won Arsenal vs Spurs?"},
        {"conversation": "a", "question": "and who scored?"},
        {"conversation": "b", "question": "and who scored?"},
    ]
    turns.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    done = cli.invoke(app, ["ask", "--conversation", str(turns), "--no-llm"])
    assert done.exit_code == 0, done.output
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["intent"] for a in answers] == ["score", "scorers", "clarify"]  # "b" starts with nothing to follow
    assert answers[1]["matches"] == ["1903228"]


def test_ask_continues_a_named_session(cli: CliRunner, season_tables: MatchTables, tmp_path: Path) -> None:
    first, back = _meetings(season_tables, "Newcastle", "Liverpool")
    opened = cli.invoke(app, ["ask", "Who won Liverpool vs Newcastle?", "--session", "fan", "--no-llm", "--json"])
    assert opened.exit_code == 0, opened.output
    assert json.loads(opened.stdout)["matches"] == [back]
    assert (tmp_path / "home" / "sessions" / "fan.json").is_file()
    follow = cli.invoke(app, ["ask", "what about the return match?", "--session", "fan", "--no-llm", "--json"])
    assert follow.exit_code == 0, follow.output
    assert json.loads(follow.stdout)["matches"] == [first]
    alone = cli.invoke(app, ["ask", "and who scored?", "--no-llm", "--json"])
    assert json.loads(alone.stdout)["intent"] == "clarify"  # without the session, no match to follow up on
    bad = cli.invoke(app, ["ask", "and who scored?", "--session", "../x", "--no-llm"])
    assert bad.exit_code != 0
