"""Fact questions asked as people type them, fourteenth round (B): players and rankings. A player's "goals and
assists" ("g+a", "goals n assists", "scored or assisted") are his goal contributions, said with both parts; rankings
per game and per 90 minutes ("most goals per game", "shots per match", "assists p90"), by the one definition of
``analytics.rates``; relative periods counted back from the latest match ("saka goals in the last 5 gameweeks":
Arsenal's last 5 matches, "liverpool form over the last 6", "chelsea results last 3"); a leader in fans' words
("assist king", "king of the tackles", "top bins merchant"); clubs' plural slips ("wolfs") and "corers" for scorers.

Expected figures are counted here from the raw WhoScored files and the season's match index; per-90 rates divide
by the minutes the tables hold (the rate's definition), which no raw file states.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd
import pytest

from football_rag.analytics.rates import MIN_MINUTES, RATES, rate_asked, rated
from football_rag.analytics.tables import MatchTables
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask, raw_events, scorer_goals
from tests.integration.test_questions_as_typed_round3 import results
from tests.integration.test_questions_as_typed_round11b import FIRST
from tests.integration.test_questions_as_typed_round12b import LAST
from tests.integration.test_team_stats_officials_rankings_as_typed import team_total

PER_90, PER_GAME = RATES


def raw_player_totals(stat: str) -> Counter:
    """Return player name -> his season total of WhoScored's per-minute ``stat`` (finished matches)."""
    totals: Counter = Counter()
    for row in results():
        data = raw_whoscored(row["whoscored_id"])
        for side in ("home", "away"):
            for p in data[side]["players"]:
                totals[p["name"]] += int(sum(p.get("stats", {}).get(stat, {}).values()))
    return totals


def shown_minute(event: dict) -> str:
    """Return a raw goal event's broadcast minute ("41'", "45+2'"): WhoScored's clock counts elapsed minutes from 0."""
    end = {1: 45, 2: 90}[event["period"]["value"]]
    shown = event["minute"] + 1
    return f"{end}+{shown - end}'" if shown > end else f"{shown}'"


def assists_made(first: str = FIRST, last: str = LAST) -> Counter:
    """Return player name -> goals he made in the matches played first..last, as WhoScored credits an assist: the
    goal event's related player (intentional or not), own goals aside."""
    made: Counter = Counter()
    for data, goal in raw_events("Goal", first, last):
        own = any(q["type"]["displayName"] == "OwnGoal" for q in goal.get("qualifiers", []))
        if goal.get("relatedPlayerId") is not None and not own:
            made[data["playerIdNameDictionary"][str(goal["relatedPlayerId"])]] += 1
    return made


def club_scorers(team: str, first: str = FIRST, last: str = LAST) -> Counter:
    """Return player name -> his goals for ``team`` (own goals aside) in the finished matches played first..last."""
    goals: Counter = Counter()
    for row in results():
        data = raw_whoscored(row["whoscored_id"])
        side = next((s for s in ("home", "away") if data[s]["name"] == team), None)
        if side is None or not first <= row["start_date"][:10] <= last:
            continue
        for e in data["events"]:
            own = any(q["type"]["displayName"] == "OwnGoal" for q in e.get("qualifiers", []))
            if e["type"]["displayName"] == "Goal" and e["teamId"] == data[side]["teamId"] and not own:
                goals[data["playerIdNameDictionary"][str(e["playerId"])]] += 1
    return goals


def last_matches(team: str, count: int) -> list[str]:
    """Return the WhoScored ids of ``team``'s last ``count`` finished matches of the season index, oldest first."""
    return [r["whoscored_id"] for r in results() if team in (r["home"], r["away"])][-count:]


# --- a player's goals and assists are his goal contributions, both parts said ---------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "wirtz goals and assists",
        "how many goals and assists has wirtz got",
        "wirtz g+a",
        "wirtz goals n assists this season",
        "florian wirtz goals/assists",
        "how many goals has wirtz scored or assisted",
        "wirtz goal contributions",
    ],
)
def test_a_players_goals_and_assists_are_both_said(answerer: Answerer, question: str) -> None:
    goals, made = scorer_goals(FIRST, LAST)["Florian Wirtz"], assists_made(FIRST, LAST)["Florian Wirtz"]
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT, a.answer
    said = f"Florian Wirtz: {goals + made} goal contributions, {goals} goals and {made} assists (total)"
    assert a.answer.startswith(said), a.answer


def test_goals_and_assists_over_a_month(answerer: Answerer) -> None:
    goals = scorer_goals("2025-12-01", "2025-12-31")["Antoine Semenyo"]
    made = assists_made("2025-12-01", "2025-12-31")["Antoine Semenyo"]
    a = ask(answerer, "semenyo g+a in december")
    assert f"{goals + made} goal contributions, {goals} goals and {made} assist" in a.answer, a.answer
    assert "in December 2025" in a.answer, a.answer


def test_scored_or_assisted_in_a_match(answerer: Answerer) -> None:
    (match_id,) = [r["whoscored_id"] for r in results() if (r["home"], r["away"]) == ("Man Utd", "Sunderland")]
    names = raw_whoscored(match_id)["playerIdNameDictionary"]
    goals = [e for e in raw_whoscored(match_id)["events"] if e["type"]["displayName"] == "Goal"]
    scored = sum(names[str(e["playerId"])] == "Mason Mount" for e in goals)
    made = sum(names.get(str(e.get("relatedPlayerId"))) == "Mason Mount" for e in goals)
    a = ask(answerer, "did mount score or assist v sunderland")
    assert a.answer.startswith("Yes." if scored + made else "No."), a.answer
    assert f"Mason Mount: {scored + made} goal contribution" in a.answer, a.answer
    assert f"{scored} goal{'' if scored == 1 else 's'} and {made} assist" in a.answer, a.answer


def test_goals_and_assists_of_a_match_are_its_goals_with_their_assists(answerer: Answerer) -> None:
    a = ask(answerer, "goals and assists in arsenal v spurs")
    assert a.intent is Intent.SCORERS, a.answer
    assert "Eberechi Eze 41' for Arsenal, assist Declan Rice" in a.answer, a.answer


# --- rankings per game and per 90 minutes --------------------------------------------------------------------------


def test_the_rate_definition_on_hand_computed_figures() -> None:
    """Two goals in 180 minutes are 1.00 per 90; a goal in a 30-minute cameo qualifies for no per-90 ranking; per
    match divides by the matches played (minutes above 0); a team's rate is per match."""
    rows = pd.DataFrame(
        {
            "player_id": ["a", "a", "a", "a", "a", "a", "b", "c"],
            "team": ["X"] * 8,
            "minutes": [90, 90, 90, 90, 90, 0, 30, 600],
            "goals": [2, 0, 1, 0, 0, 0, 1, 3],
        }
    )
    per_90 = rated(rows, ["player_id", "team"], "goals", PER_90, players=True)
    assert per_90.round(2).to_dict() == {("a", "X"): 0.6, ("c", "X"): 0.45}  # 3 x 90 / 450; 3 x 90 / 600; b: 30 min
    per_game = rated(rows, ["player_id", "team"], "goals", PER_GAME, players=True)
    assert per_game.round(2).to_dict() == {("a", "X"): 0.6, ("c", "X"): 3.0}  # 3 / 5 played (0 minutes: none)
    teams = rated(rows, ["team"], "goals", PER_GAME, players=False)
    assert teams.round(3).to_dict() == {"X": 0.875}  # 7 goals in 8 rows (team rows: one a match)
    assert MIN_MINUTES == 450


@pytest.mark.parametrize(
    ("typed", "rate"),
    [
        ("most goals per game", PER_GAME),
        ("shots per match", PER_GAME),
        ("goals pg", PER_GAME),
        ("best xg per 90", PER_90),
        ("assists p90", PER_90),
        ("goals every 90 minutes", PER_90),
        ("tackles pg", PER_GAME),
        ("most goals in a game", None),  # a match's most, not a rate
        ("who scored in the 90th minute", None),
    ],
)
def test_a_rate_as_typed(typed: str, rate: object) -> None:
    assert rate_asked(typed) is rate


def top_rated(tables: MatchTables, stat: str, rate: str) -> list[tuple[str, float]]:
    """Return the five best (name, rate) of ``stat`` over the season: goals or shots from the raw files, minutes
    and matches played from the tables (the rate's definition), players with at least ``MIN_MINUTES`` only."""
    rows = tables.player_stats[tables.player_stats["minutes"].fillna(0) > 0]
    minutes = rows.groupby("player_name")["minutes"].sum()
    played = rows.groupby("player_name").size()
    raw = scorer_goals(FIRST, LAST) if stat == "goalNormal" else raw_player_totals(stat)
    divisor = minutes / 90 if rate == "per_90" else played
    values = {name: raw[name] / divisor[name] for name in minutes.index if minutes[name] >= MIN_MINUTES}
    return sorted(values.items(), key=lambda kv: -kv[1])[:5]


@pytest.mark.parametrize(
    ("question", "stat", "rate", "label"),
    [
        ("most goals per game", "goalNormal", "per_game", "goals per match"),
        ("who has the most goals per game this season", "goalNormal", "per_game", "goals per match"),
        ("top scorer per 90", "goalNormal", "per_90", "goals per 90 minutes"),
        ("most goals p90", "goalNormal", "per_90", "goals per 90 minutes"),
        ("shots per match leaders", "shotsTotal", "per_game", "shots per match"),
        ("who had the most shots per game", "shotsTotal", "per_game", "shots per match"),
        ("most shots every 90 mins", "shotsTotal", "per_90", "shots per 90 minutes"),
    ],
)
def test_a_ranking_per_game_or_per_90(
    answerer: Answerer, season_tables: MatchTables, question: str, stat: str, rate: str, label: str
) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    best = top_rated(season_tables, stat, rate)
    assert f"Most {label} in the data so far: 1. {best[0][0]} (" in a.answer, a.answer
    assert f"{best[0][1]:.2f}; 2. {best[1][0]} (" in a.answer, a.answer
    assert f"players with at least {MIN_MINUTES} minutes only" in a.answer, a.answer


def test_goals_per_90_by_hand(answerer: Answerer, season_tables: MatchTables) -> None:
    """Haaland's goals per 90: his goals in the raw files times 90, over the minutes the tables hold for him."""
    rows = season_tables.player_stats
    minutes = int(rows.loc[rows["player_name"] == "Erling Haaland", "minutes"].sum())
    goals = scorer_goals(FIRST, LAST)["Erling Haaland"]
    a = ask(answerer, "haaland is top for goals per 90 right? most goals per 90")
    assert f"Erling Haaland (Man City) {goals * 90 / minutes:.2f}" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "name", "rate"),
    [
        ("haaland goals per 90", "Erling Haaland", "per 90 minutes"),
        ("how many goals per game does thiago average", "Igor Thiago", "per match"),
        ("semenyo goals per match", "Antoine Semenyo", "per match"),
    ],
)
def test_a_players_own_rate(
    answerer: Answerer, season_tables: MatchTables, question: str, name: str, rate: str
) -> None:
    """His rate follows his total, whatever his minutes (no ranking's threshold)."""
    rows = season_tables.player_stats
    his = rows[(rows["player_name"] == name) & (rows["minutes"].fillna(0) > 0)]
    goals = scorer_goals(FIRST, LAST)[name]
    value = goals * 90 / his["minutes"].sum() if rate == "per 90 minutes" else goals / len(his)
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith(f"{name}: {goals} goals (total)"), a.answer
    assert f"That is {value:.2f} goals {rate} (his total " in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "team", "stat", "label"),
    [
        ("arsenal goals per game", "Arsenal", "goals", "goals"),
        ("how many shots per game do chelsea average", "Chelsea", "shotsTotal", "shots"),
    ],
)
def test_a_clubs_own_rate_per_match(answerer: Answerer, question: str, team: str, stat: str, label: str) -> None:
    played = [r for r in results() if team in (r["home"], r["away"])]
    if stat == "goals":
        total = sum(r["hg"] if r["home"] == team else r["ag"] for r in played)
    else:
        total = sum(team_total(r["whoscored_id"], team, stat) for r in played)
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE, a.answer
    said = f"{team} {label} in total: {total}. That is {total / len(played):.2f} {label} per match over {len(played)}"
    assert a.answer.startswith(said), a.answer


@pytest.mark.parametrize(
    ("question", "month", "label"),
    [
        ("goals per game in december", "2025-12", "December 2025"),
        ("how many goals per match in november", "2025-11", "November 2025"),
        ("avg goals per game in october", "2025-10", "October 2025"),
    ],
)
def test_the_leagues_figure_per_match(answerer: Answerer, question: str, month: str, label: str) -> None:
    """Nobody named and no ranking word: the league's figure per match, not a ranking."""
    played = [r for r in results() if r["start_date"][:7] == month]
    goals = sum(r["hg"] + r["ag"] for r in played)
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE, a.answer
    said = f"Goals in {label}: {goals} in {len(played)} matches. That is {goals / len(played):.2f} goals per match."
    assert said in a.answer, a.answer


def test_a_team_ranking_per_match(answerer: Answerer) -> None:
    shots: dict[str, list[int]] = defaultdict(list)
    for row in results():
        data = raw_whoscored(row["whoscored_id"])
        for side in ("home", "away"):
            team = data[side]
            shots[team["name"]].append(
                sum(int(sum(p.get("stats", {}).get("shotsTotal", {}).values())) for p in team["players"])
            )
    best = max(shots, key=lambda t: sum(shots[t]) / len(shots[t]))
    a = ask(answerer, "which team has the most shots per game")
    per_match = sum(shots[best]) / len(shots[best])
    assert f"Most shots per match in the data so far: 1. {best} {per_match:.2f}" in a.answer, a.answer
    assert "each team's total divided by the matches it played" in a.answer, a.answer


# --- relative periods, counted back from the latest match -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "name", "team", "count"),
    [
        ("saka goals in the last 5 gameweeks", "Bukayo Saka", "Arsenal", 5),
        ("haaland goals last 3 gws", "Erling Haaland", "Man City", 3),
        ("thiago goals in the last 4 rounds", "Igor Thiago", "Brentford", 4),
        ("how many goals did ekitike score over the last 6 matchweeks", "Hugo Ekitiké", "Liverpool", 6),
        ("semenyo goals last 5 game weeks", "Antoine Semenyo", "Bournemouth", 5),
        ("rice goals in the last four gameweeks", "Declan Rice", "Arsenal", 4),
    ],
)
def test_a_players_total_over_his_clubs_last_matchweeks(
    answerer: Answerer, question: str, name: str, team: str, count: int
) -> None:
    ids = last_matches(team, count)
    goals = sum(
        1
        for i in ids
        for e in raw_whoscored(i)["events"]
        if e["type"]["displayName"] == "Goal"
        and raw_whoscored(i)["playerIdNameDictionary"].get(str(e.get("playerId"))) == name
        and not any(q["type"]["displayName"] == "OwnGoal" for q in e.get("qualifiers", []))
    )
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT, a.answer
    assert a.answer.startswith(f"{name}: {goals} goal{'' if goals == 1 else 's'} (total)"), a.answer
    first, last = (pd.Timestamp(raw_whoscored(i)["startDate"]).strftime("%-d %B %Y") for i in (ids[0], ids[-1]))
    assert f"over {team}'s last {count} matches in the data, {first} to {last}" in a.answer, a.answer


def back_from_latest(months: int = 0, days: int = 0) -> tuple[str, str]:
    """Return the first and last ISO days of the span ``months`` or ``days`` long up to the latest finished match."""
    latest = pd.Timestamp(results()[-1]["start_date"][:10])
    if months:  # "the last month" to 31 January: from 1 January
        start = latest - pd.DateOffset(months=months) + pd.Timedelta(days=1)
    else:
        start = latest - pd.Timedelta(days=days - 1)
    return f"{start:%Y-%m-%d}", f"{latest:%Y-%m-%d}"


@pytest.mark.parametrize(
    ("question", "name", "months", "days", "said"),
    [
        ("haaland goals in the last month", "Erling Haaland", 1, 0, "the month to"),
        ("semenyo goals over the past month", "Antoine Semenyo", 1, 0, "the month to"),
        ("how many goals has thiago scored in the last 2 weeks", "Igor Thiago", 0, 14, "the 2 weeks to"),
        ("ekitike goals the past 3 weeks", "Hugo Ekitiké", 0, 21, "the 3 weeks to"),
        ("rice goals in the last 30 days", "Declan Rice", 0, 30, "the 30 days to"),
    ],
)
def test_a_players_total_over_the_last_month_says_its_days(
    answerer: Answerer, question: str, name: str, months: int, days: int, said: str
) -> None:
    first, last = back_from_latest(months, days)
    goals = scorer_goals(first, last)[name]
    a = ask(answerer, question)
    assert a.answer.startswith(f"{name}: {goals} goal"), a.answer
    assert f"{said} {pd.Timestamp(last):%-d %B %Y}." in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "team", "count"),
    [
        ("arsenal form last 5", "Arsenal", 5),
        ("liverpool form over the last 6", "Liverpool", 6),
        ("chelsea results last 3", "Chelsea", 3),
        ("man city points last 5", "Man City", 5),
        ("how have spurs done in their last 4", "Tottenham", 4),
        ("villa last 3 home games", "Aston Villa", 3),
    ],
)
def test_a_clubs_last_n_without_the_word_games(answerer: Answerer, question: str, team: str, count: int) -> None:
    rows = [r for r in results() if team in (r["home"], r["away"])]
    if "home" in question:
        rows = [r for r in rows if r["home"] == team]
    rows = rows[-count:]
    letters = "".join(
        "W" if (r["hg"] - r["ag"]) * (1 if r["home"] == team else -1) > 0 else "D" if r["hg"] == r["ag"] else "L"
        for r in rows
    )
    points = sum({"W": 3, "D": 1, "L": 0}[x] for x in letters)
    a = ask(answerer, question)
    assert a.intent is Intent.FORM, a.answer
    assert f"last {count}" in a.answer and f"{letters}, {points} points" in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    ["who scored in the last 10 minutes of arsenal v spurs", "haaland goals in the last 2 weeks", "the last 16"],
)
def test_last_n_of_time_or_a_cup_round_is_no_run_of_matches(question: str) -> None:
    from football_rag.rag.intents import form_length, rounds_asked

    assert form_length(question, default=0) == 0 and rounds_asked(question, 38) is None


# --- a leader in fans' words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "stat", "label"),
    [
        ("assist king", "goalAssist", "assists"),
        ("who is the assist king this season", "goalAssist", "assists"),
        ("king of the tackles", "tacklesTotal", "tackles"),
        ("top bins merchant", "goalNormal", "goals"),
        ("whos the goal machine this season", "goalNormal", "goals"),
        ("the shots king", "shotsTotal", "shots"),
        ("who leads the league in tackles", "tacklesTotal", "tackles"),
        ("who leads the prem in assists", "goalAssist", "assists"),
    ],
)
def test_a_leader_in_fans_words(answerer: Answerer, question: str, stat: str, label: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    assert "King" not in a.answer.split(":")[0], a.answer  # Josh King is not asked about
    totals = (
        assists_made(FIRST, LAST)
        if stat == "goalAssist"
        else scorer_goals(FIRST, LAST)
        if stat == "goalNormal"
        else None
    )
    totals = totals or raw_player_totals(stat)
    best = max(totals.values())
    leaders = sorted(n for n, v in totals.items() if v == best)
    assert f"Most {label} in the data so far: 1. " in a.answer, a.answer
    for name in leaders:
        assert f"1. {name} (" in a.answer and f") {best}" in a.answer, a.answer


def test_a_player_called_king_is_still_king(answerer: Answerer) -> None:
    a = ask(answerer, "how many goals has josh king scored")
    assert a.intent is Intent.PLAYER_STAT and a.answer.startswith("Josh King: "), a.answer


# --- clubs' plural slips, and "corers" -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["wolfs top scorer", "wolfs' top scorer", "wolfs's top scorer", "top corers at wolfs"]
)
def test_wolfs_are_wolves(answerer: Answerer, question: str) -> None:
    goals = club_scorers("Wolves")
    best = max(goals.values())
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and "for Wolves" in a.answer, a.answer
    tied = sorted(n for n, v in goals.items() if v == best)
    assert ("Tied for the most goals" in a.answer) is (len(tied) > 1), a.answer
    assert all(f"{name} (Wolves)" in a.answer for name in tied), a.answer


@pytest.mark.parametrize(
    ("question", "points"), [("how many points have wolfs got", None), ("wolfs points in december", "2025-12")]
)
def test_wolfs_points(answerer: Answerer, question: str, points: str | None) -> None:
    first, last = (f"{points}-01", f"{points}-31") if points else (FIRST, LAST)
    won = sum(
        3 if (r["hg"] - r["ag"]) * (1 if r["home"] == "Wolves" else -1) > 0 else 1 if r["hg"] == r["ag"] else 0
        for r in results()
        if "Wolves" in (r["home"], r["away"]) and first <= r["start_date"][:10] <= last
    )
    a = ask(answerer, question)
    assert a.answer.startswith(f"Wolves points in total: {won}."), a.answer


@pytest.mark.parametrize("question", ["top corers", "who are the top corers in december", "spurs top corer"])
def test_corers_are_scorers(answerer: Answerer, question: str) -> None:
    first, last = ("2025-12-01", "2025-12-31") if "december" in question else (FIRST, LAST)
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and "Most goals in " in a.answer, a.answer
    goals = club_scorers("Tottenham") if "spurs" in question else scorer_goals(first, last)
    best = max(goals.values())
    (leader,) = [n for n, v in goals.items() if v == best]
    assert f"1. {leader} (" in a.answer and f") {best};" in a.answer, a.answer


# --- an assist between two named players: yes or no first, then the goal(s) -----------------------------------------


def made_for(assister: str, scorer: str, ids: list[str]) -> list[tuple[str, str]]:
    """Return (match id, broadcast minute) of each goal ``scorer`` scored in ``ids`` from ``assister``'s assist (the
    goal event's related player)."""
    found = []
    for match_id in ids:
        data = raw_whoscored(match_id)
        names = data["playerIdNameDictionary"]
        for e in data["events"]:
            if e["type"]["displayName"] != "Goal" or names.get(str(e.get("playerId"))) != scorer:
                continue
            if names.get(str(e.get("relatedPlayerId"))) == assister:
                found.append((match_id, shown_minute(e)))
    return found


SEASON = [r["whoscored_id"] for r in results()]


@pytest.mark.parametrize(
    ("question", "assister", "scorer", "against"),
    [
        ("did wirtz assist isak v spurs?", "Florian Wirtz", "Alexander Isak", "Tottenham"),
        ("was it wirtz who set up isak", "Florian Wirtz", "Alexander Isak", None),
        ("did wirtz set up isak this season", "Florian Wirtz", "Alexander Isak", None),
        ("was isak set up by wirtz", "Florian Wirtz", "Alexander Isak", None),
        ("has salah ever assisted ekitike", "Mohamed Salah", "Hugo Ekitiké", None),
        ("did rice assist eze against spurs", "Declan Rice", "Eberechi Eze", "Tottenham"),
        ("did isak assist wirtz", "Alexander Isak", "Florian Wirtz", None),
        ("did bruno fernandes set up matheus cunha this season", "Bruno Fernandes", "Matheus Cunha", None),
        ("did isak score from a wirtz assist", "Florian Wirtz", "Alexander Isak", None),
        ("did isak score off wirtz's pass", "Florian Wirtz", "Alexander Isak", None),
    ],
)
def test_an_assist_between_two_players_yes_or_no_first(
    answerer: Answerer, question: str, assister: str, scorer: str, against: str | None
) -> None:
    ids = [i for i in SEASON if against is None or against in {raw_whoscored(i)[s]["name"] for s in ("home", "away")}]
    goals = made_for(assister, scorer, ids)
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS, a.answer
    assert a.answer.startswith("Yes." if goals else "No."), a.answer
    assert f"{assister} set up {len(goals)} of {scorer}'s " in a.answer, a.answer
    for match_id, minute in goals:
        data = raw_whoscored(match_id)
        assert minute in a.answer and data["home"]["name"] in a.answer, a.answer


def test_how_many_goals_one_player_set_up_for_another_is_counted_first(answerer: Answerer) -> None:
    goals = made_for("Bruno Fernandes", "Matheus Cunha", SEASON)
    back = made_for("Matheus Cunha", "Bruno Fernandes", SEASON)
    a = ask(answerer, "how many times has bruno fernandes assisted cunha")
    assert a.answer.startswith(f"Bruno Fernandes set up {len(goals)} of Matheus Cunha's "), a.answer
    if not goals and back:  # none that way: the other way round is said
        assert "The other way round, Matheus Cunha set up Bruno Fernandes" in a.answer, a.answer


def test_two_players_assists_compared_stay_a_comparison(answerer: Answerer) -> None:
    made = assists_made(FIRST, LAST)
    a = ask(answerer, "saka and palmer assists")
    assert a.intent is Intent.PLAYER_STAT, a.answer
    assert f"Bukayo Saka: {made['Bukayo Saka']} assists (total)" in a.answer, a.answer


# --- a match's goal by its number ------------------------------------------------------------------------------------


def numbered_goal(match_id: str, number: int) -> tuple[str, str]:
    """Return (scorer, broadcast minute) of the match's ``number``-th goal, in the order scored."""
    data = raw_whoscored(match_id)
    goals = [e for e in data["events"] if e["type"]["displayName"] == "Goal"]
    goal = goals[number - 1]
    return data["playerIdNameDictionary"][str(goal["playerId"])], shown_minute(goal)


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("who scored the 2nd goal in arsenal v spurs", 2),
        ("who got the second goal in arsenal v spurs", 2),
        ("2nd goal arsenal v spurs", 2),
        ("the third goal in arsenal v tottenham was scored by who", 3),
        ("who set up the 2nd goal in arsenal v spurs", 2),
        ("when was the 4th goal in arsenal v spurs", 4),
        ("who scored the fifth goal in arsenal v spurs", 5),
    ],
)
def test_a_goal_by_its_number(answerer: Answerer, question: str, number: int) -> None:
    (match_id,) = [r["whoscored_id"] for r in results() if (r["home"], r["away"]) == ("Arsenal", "Tottenham")]
    scorer, minute = numbered_goal(match_id, number)
    word = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}[number]
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.matches[:1] == [match_id], a.answer
    assert a.answer.startswith(f"The {word} goal: {scorer} {minute}"), a.answer


# --- the start of a month --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team"),
    [
        ("arsenal results at the start of december", "Arsenal"),
        ("liverpool results at the start of december", "Liverpool"),
        ("chelsea results in the beginning of november", "Chelsea"),
    ],
)
def test_results_at_the_start_of_a_month_are_its_first_ten_days(answerer: Answerer, question: str, team: str) -> None:
    month = "2025-12" if "december" in question else "2025-11"
    played = [r for r in results() if team in (r["home"], r["away"]) and r["start_date"][:7] == month]
    early = [r for r in played if int(r["start_date"][8:10]) <= 10]
    a = ask(answerer, question)
    for r in played:
        said = f"{r['home']} {r['hg']}-{r['ag']} {r['away']}"
        assert (said in a.answer) is (r in early), (said, a.answer)


def test_goals_at_the_start_of_a_month(answerer: Answerer) -> None:
    goals = scorer_goals("2025-12-01", "2025-12-10")["Erling Haaland"]
    a = ask(answerer, "haaland goals at the start of december")
    assert a.answer.startswith(f"Erling Haaland: {goals} goal"), a.answer
    assert "the first days of December 2025 (1 to 10 December)" in a.answer, a.answer


def test_the_table_at_the_start_of_a_month_stands_before_it(answerer: Answerer) -> None:
    from tests.integration.test_questions_as_typed_round11b import standings

    leader = standings("2025-11-30")[0]
    a = ask(answerer, "who was top of the table at the start of december")
    assert f"1. {leader[0]} {leader[1]} points" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("how many corers did arsenal have v spurs", "Arsenal", "Tottenham"),
        ("number of corers arsenal v spurs", "Arsenal", "Tottenham"),
        ("how many corers in liverpool v bournemouth", "Liverpool", "Bournemouth"),
    ],
)
def test_corers_in_a_count_are_corners(answerer: Answerer, question: str, home: str, away: str) -> None:
    (match_id,) = [r["whoscored_id"] for r in results() if (r["home"], r["away"]) == (home, away)]
    corners = {team: team_total(match_id, team, "cornersTotal") for team in (home, away)}
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [match_id], a.answer
    said = f"{home} {corners[home]}" if "did arsenal" in question else f"{home} {corners[home]}, {away} {corners[away]}"
    assert said in a.answer, a.answer
