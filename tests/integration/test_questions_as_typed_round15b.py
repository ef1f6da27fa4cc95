"""Fact questions asked as people type them, fifteenth round (B): the gaps earlier rounds left. A match's captains and
kick-off time (held, once asked back); shots off the woodwork and hat-tricks (WhoScored's ShotOnPost, a player's 3
goals or more in a match); "shoot", "shots at goal", "had a pop" as shots; xG said not held by tables built without
the xG model, not "n/a"; the older refusal families in ``held``'s one model, a player's name no subject ("Le Fée" asks
for no transfer fee).

Expected figures are counted here from the raw WhoScored files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from football_rag.analytics.tables import MatchTables
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.facts import FactBook
from tests.conftest import raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_questions_as_typed_round3 import results

NOT_A_GOAL = "OwnGoal"


def meeting(home: str, away: str) -> str:
    """Return the WhoScored id of the season's finished ``home`` v ``away``."""
    return next(r["whoscored_id"] for r in results() if (r["home"], r["away"]) == (home, away))


def raw_captain(match_id: str, side: str) -> str:
    """Return the name of the captain WhoScored's formations name for ``side`` ("home"/"away")."""
    data = raw_whoscored(match_id)
    return data["playerIdNameDictionary"][str(data[side]["formations"][0]["captainPlayerId"])]


def raw_hat_tricks(first: str, last: str) -> set[tuple[str, str]]:
    """Return (player, match id) of every 3 goals or more by one player in a match played first..last."""
    found = set()
    for row in results():
        if not first <= row["start_date"][:10] <= last:
            continue
        data = raw_whoscored(row["whoscored_id"])
        goals = Counter(
            data["playerIdNameDictionary"][str(e["playerId"])]
            for e in data["events"]
            if e["type"]["displayName"] == "Goal"
            and all(q["type"]["displayName"] != NOT_A_GOAL for q in e["qualifiers"])
        )
        found |= {(name, row["whoscored_id"]) for name, n in goals.items() if n >= 3}
    return found


def raw_woodwork(team: str) -> int:
    """Return ``team``'s ShotOnPost events over the season's finished matches."""
    total = 0
    for row in results():
        data = raw_whoscored(row["whoscored_id"])
        ids = {data[s]["teamId"] for s in ("home", "away") if data[s]["name"] == team}
        total += sum(e["type"]["displayName"] == "ShotOnPost" and e["teamId"] in ids for e in data["events"])
    return total


def raw_player_total(name: str, stat: str, match_ids: list[str] | None = None) -> int:
    """Return ``name``'s total of WhoScored's per-minute ``stat`` over the finished matches (or ``match_ids``)."""
    total = 0
    for row in results():
        if match_ids is not None and row["whoscored_id"] not in match_ids:
            continue
        data = raw_whoscored(row["whoscored_id"])
        for side in ("home", "away"):
            for p in data[side]["players"]:
                if p["name"] == name:
                    total += int(sum(p.get("stats", {}).get(stat, {}).values()))
    return total


# --- captains and kick-off times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["who captained arsenal v spurs", "who wore the armband in arsenal vs tottenham", "nlD skippers?"]
)
def test_a_matchs_captains(answerer: Answerer, question: str) -> None:
    match_id = meeting("Arsenal", "Tottenham")
    a = ask(answerer, question)
    assert a.intent is Intent.LINEUP and a.matches == [match_id], a.answer
    assert f"{raw_captain(match_id, 'home')} captained Arsenal in Arsenal 4-1 Tottenham (23 November 2025)" in a.answer
    assert f"{raw_captain(match_id, 'away')} captained Tottenham" in a.answer


def test_a_club_named_as_the_one_asked_gives_its_captain_alone(answerer: Answerer) -> None:
    match_id = meeting("Chelsea", "Wolves")
    a = ask(answerer, "who was chelsea's captain against wolves")
    assert a.answer.startswith(f"{raw_captain(match_id, 'home')} captained Chelsea in Chelsea 3-0 Wolves"), a.answer
    assert "captained Wolves" not in a.answer


def test_a_captain_the_line_ups_do_not_mark_is_said_so(season_tables: MatchTables) -> None:
    match_id = meeting("Arsenal", "Tottenham")
    lineups = season_tables.lineups.copy()
    lineups.loc[(lineups["match_id"] == match_id) & (lineups["team"] == "Tottenham"), "captain"] = False
    book = FactBook(replace(season_tables, lineups=lineups))
    text = book.captains(match_id, []).text
    assert "The data does not record Tottenham's captain in Arsenal 4-1 Tottenham (23 November 2025)." in text
    assert f"{raw_captain(match_id, 'home')} captained Arsenal" in text


@pytest.mark.parametrize(
    ("question", "home", "away"),
    [
        ("ko time city palace", "Crystal Palace", "Man City"),
        ("what time did the north london derby kick off", "Arsenal", "Tottenham"),
        ("wat time did liverpool v bournemouth start", "Liverpool", "Bournemouth"),
    ],
)
def test_a_matchs_kick_off_time(answerer: Answerer, question: str, home: str, away: str) -> None:
    match_id = meeting(home, away)
    start = raw_whoscored(match_id)["startTime"][11:16]
    a = ask(answerer, question)
    assert a.matches == [match_id] and f"kicked off at {start}, the time WhoScored's match file gives" in a.answer


def test_a_kick_off_with_no_time_is_said_so(season_tables: MatchTables) -> None:
    match_id = meeting("Arsenal", "Tottenham")
    matches = season_tables.matches.copy()
    matches.loc[matches["match_id"] == match_id, "kickoff"] = None
    text = FactBook(replace(season_tables, matches=matches)).match_detail(match_id, "kickoff").text
    assert text == "The data does not record the kick-off time of Arsenal 4-1 Tottenham (23 November 2025)."


# --- woodwork and hat-tricks -------------------------------------------------------------------------------------


def test_hat_tricks_of_a_month(answerer: Answerer) -> None:
    (name, _), *others = raw_hat_tricks("2025-11-01", "2025-11-30")
    assert not others
    for question in ("any hat-tricks in november", "were there any hattricks in nov?"):
        a = ask(answerer, question)
        assert a.intent is Intent.RANKING and "in November 2025: 1. " in a.answer, a.answer
        assert f"1. {name} (Arsenal) 1." in a.answer


def test_a_players_hat_trick_in_a_match(answerer: Answerer) -> None:
    (name, match_id), *_ = raw_hat_tricks("2025-11-01", "2025-11-30")
    assert name == "Eberechi Eze"
    a = ask(answerer, "did eze get a hat trick v spurs")
    assert a.matches == [match_id] and a.answer.startswith("Yes. Eberechi Eze: 1 hat-trick in Arsenal 4-1 Tottenham")
    a = ask(answerer, "did haaland score a hat-trick against burnley")  # "trick" is no shorthand of the Tricky Trees
    assert a.answer.startswith("No. Erling Haaland: 0 hat-tricks in Man City 5-1 Burnley")


def test_the_most_hat_tricks_of_the_season(answerer: Answerer) -> None:
    scorers = {name for name, _ in raw_hat_tricks("2025-08-01", "2026-06-30")}
    a = ask(answerer, "who has the most hat tricks this season")
    assert a.answer.startswith("Tied for the most hat-tricks in the data so far, 1 each: ")
    assert all(name in a.answer.split(". ")[0] for name in scorers) and len(scorers) == 4


@pytest.mark.parametrize(
    "question", ["how many times did arsenal hit the woodwork this season", "arsenal shots off the post total"]
)
def test_a_clubs_shots_off_the_woodwork(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE
    assert a.answer.startswith(f"Arsenal shots off the woodwork in total: {raw_woodwork('Arsenal')}."), a.answer


def test_the_woodwork_in_a_match_and_the_teams_that_hit_it_most(answerer: Answerer) -> None:
    a = ask(answerer, "did anyone hit the bar in arsenal v spurs")
    assert a.intent is Intent.TEAM_STAT and "Shots off the woodwork: Arsenal 0, Tottenham 0." in a.answer
    counts = {team: raw_woodwork(team) for team in ("Man Utd", "Newcastle")}
    a = ask(answerer, "which team hit the crossbar or post the most")
    assert a.answer.startswith(f"Most shots off the woodwork in the data so far: 1. Man Utd {counts['Man Utd']}; ")
    assert f"2. Newcastle {counts['Newcastle']}" in a.answer


# --- shots as fans ask them --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["how many times did casemiro shoot", "casemiro shots at goal this season", "how often did casemiro have a pop"],
)
def test_shoot_and_a_pop_are_shots(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT
    assert a.answer.startswith(f"Casemiro: {raw_player_total('Casemiro', 'shotsTotal')} shots (total)"), a.answer


def test_a_shoot_out_is_no_shot(answerer: Answerer) -> None:
    a = ask(answerer, "did arsenal win any penalty shoot-outs")
    assert a.intent is Intent.OUT_OF_SCOPE and "penalty shoot-outs" in a.answer


# --- xG not held -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["haaland xg per 90", "most xG p90 this season", "arsenal expected goals in december"]
)
def test_xg_is_said_not_in_tables_built_without_the_model(answerer: Answerer, question: str) -> None:
    assert answerer.book.t.shots["xg"].isna().all()  # these tables are built without the xG model
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and a.answer.startswith(
        "The data does not hold xG: these tables were built without the xG model; it holds shots, shots on target"
    ), a.answer
    assert "n/a" not in a.answer and "none" not in a.answer


def test_xg_set_aside_is_not_asked(answerer: Answerer) -> None:
    a = ask(answerer, "xg aside, how many shots did casemiro have")
    assert a.answer.startswith(f"Casemiro: {raw_player_total('Casemiro', 'shotsTotal')} shots (total)"), a.answer


# --- refusals in one model ----------------------------------------------------------------------------------------


def test_a_players_name_is_no_refused_subject(answerer: Answerer) -> None:
    """Enzo Le Fée's surname is no transfer fee: his figures are answered."""
    match_id = meeting("Liverpool", "Sunderland")
    a = ask(answerer, "how many passes did le fee make against liverpool")
    assert a.intent is Intent.PLAYER_STAT and a.matches == [match_id], a.answer
    assert f"Enzo Le Fée: {raw_player_total('Enzo Le Fée', 'passesTotal', [match_id])} passes" in a.answer
    a = ask(answerer, "what fee did sunderland pay for le fee")
    assert a.intent is Intent.OUT_OF_SCOPE and "not transfers, fees or contracts" in a.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who will win the league", "I only have matches already played, so I cannot say what will happen."),
        ("how old is saka", "not their ages"),
        ("is saka fit for the weekend", "not injuries or fitness news"),
        ("who owns bournemouth", "not who owns or runs the clubs"),
        ("best club in europe", "not football beyond them"),
    ],
)
def test_the_older_refusal_families_are_held_subjects(answerer: Answerer, question: str, said: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.OUT_OF_SCOPE and said in a.answer
    assert answerer.holdings.subject_not_held(question) is not None


# --- a club's Nth goal --------------------------------------------------------------------------------------------


def raw_goals(match_id: str, team: str) -> list[tuple[str, int]]:
    """Return ``team``'s goals in the match in order, as (scorer, WhoScored's elapsed minute), own goals for it too."""
    data = raw_whoscored(match_id)
    ids = {s: data[s]["teamId"] for s in ("home", "away")}
    mine = next(i for s, i in ids.items() if data[s]["name"] == team)
    goals = []
    for e in data["events"]:
        if e["type"]["displayName"] != "Goal":
            continue
        own = any(q["type"]["displayName"] == NOT_A_GOAL for q in e["qualifiers"])
        if (e["teamId"] == mine) != own:
            goals.append((data["playerIdNameDictionary"][str(e["playerId"])], e["minute"] + 1))
    return goals


@pytest.mark.parametrize(
    ("question", "team", "number", "said"),
    [
        ("arsenal's 2nd goal vs spurs", "Arsenal", 2, "Arsenal's second goal"),
        ("who scored arsenal's third goal against tottenham", "Arsenal", 3, "Arsenal's third goal"),
        ("who got spurs 1st goal v arsenal", "Tottenham", 1, "Tottenham's first goal"),
    ],
)
def test_a_clubs_goal_by_its_number(answerer: Answerer, question: str, team: str, number: int, said: str) -> None:
    match_id = meeting("Arsenal", "Tottenham")
    scorer, minute = raw_goals(match_id, team)[number - 1]
    a = ask(answerer, question)
    assert a.intent is Intent.SCORERS and a.answer.startswith(f"{said}: {scorer} {minute}'"), a.answer


def test_the_matchs_goal_by_its_number_stays_the_matchs(answerer: Answerer) -> None:
    match_id = meeting("Arsenal", "Tottenham")
    home, away = raw_goals(match_id, "Arsenal"), raw_goals(match_id, "Tottenham")
    second = sorted(home + away, key=lambda g: g[1])[1]
    a = ask(answerer, "2nd goal arsenal v spurs")
    assert a.answer.startswith(f"The second goal: {second[0]} {second[1]}' for Arsenal"), a.answer
    a = ask(answerer, "spurs 2nd goal v arsenal")
    assert len(away) == 1 and a.answer.startswith("Tottenham scored no second goal in Arsenal 4-1 Tottenham")


# --- the golden glove ---------------------------------------------------------------------------------------------


def raw_keeper_clean_sheets(first: str = "2025-08-01", last: str = "2026-06-30") -> Counter:
    """Return keeper -> the finished matches first..last he started in goal and his side conceded none."""
    sheets: Counter = Counter()
    for row in results():
        if not first <= row["start_date"][:10] <= last:
            continue
        data = raw_whoscored(row["whoscored_id"])
        conceded = {"home": row["ag"], "away": row["hg"]}
        for side in ("home", "away"):
            keeper = [p["name"] for p in data[side]["players"] if p.get("isFirstEleven") and p["position"] == "GK"]
            sheets.update(keeper if conceded[side] == 0 else [])
    return sheets


@pytest.mark.parametrize(
    "question", ["golden glove", "who's winning the golden glove race", "which gk has the most clean sheets"]
)
def test_the_golden_glove_ranks_goalkeepers(answerer: Answerer, question: str) -> None:
    sheets = raw_keeper_clean_sheets()
    best = max(sheets.values())
    leaders = [name for name, n in sheets.items() if n == best]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, a.answer
    first = a.answer.split(". Most")[0]
    assert first.startswith(
        f"Tied for the most goalkeeper clean sheets (started in goal, none conceded) in the data so far, {best} each: "
    )
    assert all(name in first for name in leaders) and len(leaders) == 4


def test_a_keepers_clean_sheets_and_a_months_golden_glove(answerer: Answerer) -> None:
    a = ask(answerer, "how many clean sheets has raya kept")
    assert a.answer.startswith(f"David Raya: {raw_keeper_clean_sheets()['David Raya']} goalkeeper clean sheets"), (
        a.answer
    )
    december = raw_keeper_clean_sheets("2025-12-01", "2025-12-31")
    (leader, best), *_ = december.most_common(1)
    a = ask(answerer, "golden glove race in december")
    label = "goalkeeper clean sheets (started in goal, none conceded)"
    assert a.answer.startswith(f"Most {label} in December 2025: 1. {leader} (Everton) {best}; "), a.answer


# --- a span closed by a named day ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "last"),
    [
        ("arsenal goals from the start of december to christmas", "2025-12-25"),
        ("how many goals did arsenal score from the beginning of dec until boxing day", "2025-12-26"),
    ],
)
def test_a_span_from_the_start_of_a_month_to_a_named_day(answerer: Answerer, question: str, last: str) -> None:
    played = [
        r for r in results() if "Arsenal" in (r["home"], r["away"]) and "2025-12-01" <= r["start_date"][:10] <= last
    ]
    goals = sum(r["hg"] if r["home"] == "Arsenal" else r["ag"] for r in played)
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Arsenal goals in total: {goals}."), a.answer
    day = int(last[-2:])
    assert f"Arsenal in the matches from 1 December 2025 to {day} December 2025: {len(played)} matches" in a.answer


# --- shared names read together -----------------------------------------------------------------------------------


def raw_set_up(assister: str, scorer: str) -> tuple[int, int]:
    """Return (goals ``assister`` set up for ``scorer``, ``scorer``'s goals), own goals aside, over the season."""
    made = scored = 0
    for row in results():
        data = raw_whoscored(row["whoscored_id"])
        names = data["playerIdNameDictionary"]
        for e in data["events"]:
            own = any(q["type"]["displayName"] == NOT_A_GOAL for q in e["qualifiers"])
            if e["type"]["displayName"] != "Goal" or own or names[str(e["playerId"])] != scorer:
                continue
            scored += 1
            made += names.get(str(e.get("relatedPlayerId")), "") == assister
    return made, scored


@pytest.mark.parametrize("question", ["bruno set up cunha", "how many times did bruno assist cunha"])
def test_two_shared_names_read_together_are_the_teammates(answerer: Answerer, question: str) -> None:
    """Two Brunos (Fernandes, Guimarães) and two Cunhas (Matheus, Jair): only Man Utd's two played together."""
    made, scored = raw_set_up("Bruno Fernandes", "Matheus Cunha")
    back, _ = raw_set_up("Matheus Cunha", "Bruno Fernandes")
    a = ask(answerer, question)
    assert a.answer.startswith(
        f"Bruno Fernandes set up {made} of Matheus Cunha's {scored} goals in the data so far."
    ), a.answer
    assert (
        back == 1 and "The other way round, Matheus Cunha set up Bruno Fernandes: 25' in Wolves 1-4 Man Utd" in a.answer
    )


def test_shared_names_with_a_club_named_are_read_in_its_matches(answerer: Answerer) -> None:
    a = ask(answerer, "did bruno assist cunha against sunderland")
    assert a.matches == [meeting("Man Utd", "Sunderland")], a.answer
    assert a.answer.startswith("No. Bruno Fernandes set up 0 of Matheus Cunha's 0 goals in Man Utd 2-0 Sunderland")


def test_a_shared_name_no_reading_settles_is_asked_back(answerer: Answerer) -> None:
    """Bruno Guimarães (Newcastle) played with neither Cunha: which Cunha is asked, not a formation of "set up"."""
    a = ask(answerer, "did guimaraes set up cunha")
    assert a.intent is Intent.CLARIFY and a.answer == "Which player do you mean: Jair Cunha, Matheus Cunha?", a.answer


@pytest.mark.parametrize(
    ("question", "team"), [("who captained arsenal in december", "Arsenal"), ("spurs skipper in nov", "Tottenham")]
)
def test_a_clubs_captains_over_a_month_are_counted(answerer: Answerer, question: str, team: str) -> None:
    month = "12" if team == "Arsenal" else "11"
    ids = [r["whoscored_id"] for r in results() if team in (r["home"], r["away"]) and r["start_date"][5:7] == month]
    counts = Counter(raw_captain(m, "home" if raw_whoscored(m)["home"]["name"] == team else "away") for m in ids)
    listed = ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda c: (-c[1], c[0])))
    name = "December" if month == "12" else "November"
    a = ask(answerer, question)
    assert a.answer.startswith(f"{team}'s captains in {name} 2025, {len(ids)} matches: {listed}."), a.answer


def raw_squad(match_id: str, side: str) -> set[str]:
    """Return the names of the players WhoScored lists for ``side`` ("home"/"away") of a match, starters and bench."""
    data = raw_whoscored(match_id)
    return {player["name"] for player in data[side]["players"]}


@pytest.mark.parametrize(
    "question", ["did bruno score v newcastle", "did bruno score against newcastle", "bruno shots against the toon"]
)
def test_a_shared_name_against_a_club_is_never_that_clubs_player(answerer: Answerer, question: str) -> None:
    """Bruno Guimarães plays for Newcastle, so "Bruno v Newcastle" is Bruno Fernandes, who was not in Man Utd's squad
    for their meeting: said so, not Guimarães' season total."""
    match_id = meeting("Man Utd", "Newcastle")
    assert "Bruno Fernandes" not in raw_squad(match_id, "home") and "Bruno Guimarães" in raw_squad(match_id, "away")
    a = ask(answerer, question)
    assert a.matches == [match_id], a.answer
    assert "Bruno Fernandes did not play in Man Utd 1-0 Newcastle (26 December 2025)." in a.answer, a.answer


def test_a_fixture_named_leaves_a_shared_name_to_be_asked(answerer: Answerer) -> None:
    """In "man utd v newcastle" the "v" names the fixture, not Bruno's opponent: both Brunos are fair readings."""
    a = ask(answerer, "did bruno score in man utd v newcastle")
    assert a.intent is Intent.CLARIFY and "Bruno Fernandes" in a.answer and "Bruno Guimarães" in a.answer, a.answer
