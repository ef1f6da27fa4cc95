"""Player leaders, a player's totals over a period, rankings, team totals and card counts, asked as fans type them
(lower case, nicknames, "who topped", "in jan", "between Jan 1 and Feb 15"), on the whole real season.

Every expected figure is counted here from the raw WhoScored files (per-player stats, goal and card events),
never from the tables the answers read.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import SEASON_DATA, raw_whoscored


@cache
def season_ids() -> tuple[str, ...]:
    return tuple(sorted(p.name.split(".")[0] for p in Path(SEASON_DATA / "whoscored").glob("*.json.gz")))


def player_totals(match_id: str, stat: str, team: str | None = None) -> dict[str, int]:
    """Return each player of the match (of ``team``) -> his total of WhoScored's per-minute ``stat``."""
    data = raw_whoscored(match_id)
    return {
        p["name"]: int(sum(p.get("stats", {}).get(stat, {}).values()))
        for side in ("home", "away")
        if team is None or data[side]["name"] == team
        for p in data[side]["players"]
    }


def leaders(totals: dict[str, int]) -> tuple[int, set[str]]:
    best = max(totals.values())
    return best, {name for name, value in totals.items() if value == best}


def raw_events(kind: str, first: str, last: str) -> list[tuple[dict, dict]]:
    """Return (match, event) for every goal ("Goal") or card ("Card") event of the matches played first..last."""
    found = []
    for match_id in season_ids():
        data = raw_whoscored(match_id)
        if not first <= data["startDate"][:10] <= last:
            continue
        for event in data["events"]:
            if (kind == "Card" and event.get("cardType")) or event["type"]["displayName"] == kind:
                found.append((data, event))
    return found


def scorer_goals(first: str, last: str) -> Counter:
    """Return player name -> goals (own goals aside) in the matches played first..last."""
    goals = Counter()
    for data, event in raw_events("Goal", first, last):
        if not any(q["type"]["displayName"] == "OwnGoal" for q in event.get("qualifiers", [])):
            goals[data["playerIdNameDictionary"][str(event["playerId"])]] += 1
    return goals


def ask(answerer: Answerer, question: str):
    answer, _ = answerer.ask(question)
    assert answer.grounded, answer
    return answer


# --- player leaders ----------------------------------------------------------------------------------------------


def test_who_topped_a_match_tie_said_as_a_tie(answerer: Answerer) -> None:
    """Aston Villa 2-1 Burnley: two players level on the most shots, asked with a nickname and "who topped"."""
    best, names = leaders(player_totals("1903166", "shotsTotal"))
    assert len(names) == 2
    for question in ("who topped the shots chart in villa vs the clarets", "most shots in Villa against Burnley?"):
        a = ask(answerer, question)
        assert a.intent is Intent.RANKING and a.matches == ["1903166"]
        first = a.answer.split(". ")[0]
        assert first.startswith(f"Tied for the most shots in Aston Villa 2-1 Burnley (5 October 2025), {best} each: ")
        assert all(name in first for name in names)


def test_a_club_named_as_the_squad_ranks_its_players_only(answerer: Answerer) -> None:
    """Liverpool 4-2 Bournemouth: Bournemouth's Tyler Adams made the most tackles; Liverpool's leader is asked for."""
    best, names = leaders(player_totals("1903117", "tacklesTotal", "Liverpool"))
    assert leaders(player_totals("1903117", "tacklesTotal"))[0] > best  # the match's leader is a Bournemouth player
    (leader,) = names
    for question in (
        "which pool player had the most tackles against the cherries",
        "most tackles for liverpool against bournemouth",
        "who led Liverpool in tackles vs Bournemouth",
    ):
        a = ask(answerer, question)
        assert a.answer.startswith(f"{leader} (Liverpool) had the most tackles in Liverpool 4-2 Bournemouth "), question
        assert a.answer.split(". ")[0].endswith(f"for Liverpool: {best}")


# --- a player's totals over a period -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first", "last", "name"),
    [
        ("how many goals did haaland score between jan 1 and feb 15", "2026-01-01", "2026-02-15", "Erling Haaland"),
        ("semenyo goals between 1 nov and 31 dec", "2025-11-01", "2025-12-31", "Antoine Semenyo"),
        ("Haaland's goals from october to november", "2025-10-01", "2025-11-30", "Erling Haaland"),
        ("how many goals has ekitike got in jan", "2026-01-01", "2026-01-31", "Hugo Ekitiké"),
    ],
)
def test_a_players_goals_over_a_span(answerer: Answerer, question: str, first: str, last: str, name: str) -> None:
    goals = scorer_goals(first, last)[name]
    a = ask(answerer, question)
    assert a.intent is Intent.PLAYER_STAT
    assert a.answer.startswith(f"{name}: {goals} goal{'' if goals == 1 else 's'} (total) in "), a.answer


def test_a_players_last_matches(answerer: Answerer) -> None:
    """His last 3 appearances (a rating: he played), not his team's last 3 matches or the season."""
    played = sorted(
        (data["startDate"], match_id)
        for match_id in season_ids()
        for data in (raw_whoscored(match_id),)
        for side in ("home", "away")
        for p in data[side]["players"]
        if p["name"] == "Erling Haaland" and p.get("stats", {}).get("ratings")
    )
    last = {match_id for _, match_id in played[-3:]}
    goals = sum(
        raw_whoscored(match_id)["playerIdNameDictionary"].get(str(e.get("playerId"))) == "Erling Haaland"
        and not any(q["type"]["displayName"] == "OwnGoal" for q in e.get("qualifiers", []))
        for match_id in last
        for e in raw_whoscored(match_id)["events"]
        if e["type"]["displayName"] == "Goal"
    )
    a = ask(answerer, "how many goals did haaland score in his last 3 matches")
    assert a.answer.startswith(f"Erling Haaland: {goals} goal{'' if goals == 1 else 's'} (total) in 3 appearances")
    assert set(a.matches) == last


def test_a_surname_that_is_an_everyday_word_and_an_accented_one(answerer: Answerer) -> None:
    """ "rice" is Declan Rice; "gómez" written with its accent is Diego Gómez, not Joe Gomez."""
    rice = ask(answerer, "how many minutes has rice played this season")
    assert rice.answer.startswith("Declan Rice: ")
    shots = sum(
        sum(p.get("stats", {}).get("shotsTotal", {}).values())
        for match_id in season_ids()
        if raw_whoscored(match_id)["startDate"].startswith("2026-01")
        for side in ("home", "away")
        for p in raw_whoscored(match_id)[side]["players"]
        if p["name"] == "Diego Gómez"
    )
    gomez = ask(answerer, "how many shots has gómez had in January")
    assert gomez.answer.startswith(f"Diego Gómez: {int(shots)} shots (total)")
    # No accent: Joe Gomez played in January too but had no shot, so the figure asked settles it; passes, which both
    # made, are asked back (issue 15, round 5: ask only when both fit).
    assert ask(answerer, "how many shots has gomez had in January").answer.startswith("Diego Gómez: ")
    assert ask(answerer, "how many passes has gomez made in January").intent is Intent.CLARIFY


# --- rankings ----------------------------------------------------------------------------------------------------


def test_scoring_charts_and_the_golden_boot(answerer: Answerer) -> None:
    november = scorer_goals("2025-11-01", "2025-11-30")
    best = max(november.values())
    level = {name for name, goals in november.items() if goals == best}
    assert 5 < len(level) <= 8  # more than the five listed, all named as tied
    a = ask(answerer, "who topped the scoring charts during november")
    first = a.answer.split(". ")[0]
    assert first.startswith(f"Tied for the most goals in November 2025, {best} each: ")
    assert all(name in first for name in level)
    december = scorer_goals("2025-12-01", "2025-12-31").most_common(2)
    assert december[0][1] > december[1][1]
    leader = ask(answerer, "golden boot leader in dec")
    assert leader.answer.startswith(f"Most goals in December 2025: 1. {december[0][0]} (")


# --- team totals and card counts ------------------------------------------------------------------------------------


def test_a_teams_goals_over_a_month_are_its_total(answerer: Answerer) -> None:
    goals = sum(
        int(data["score"].split(":")[0 if data["home"]["name"] == "Bournemouth" else 1])
        for data in map(raw_whoscored, season_ids())
        if data["startDate"].startswith("2025-10") and "Bournemouth" in (data["home"]["name"], data["away"]["name"])
    )
    a = ask(answerer, "the cherries' goals in oct")
    assert a.intent is Intent.AGGREGATE
    assert a.answer.startswith(f"Bournemouth goals in total: {goals}.")


def test_card_counts_of_a_match_a_season_and_a_player(answerer: Answerer) -> None:
    """Burnley 0-1 Liverpool has a second yellow; the season's second yellows and Casemiro's cards as counted."""
    kinds = Counter(e["cardType"]["displayName"] for e in raw_whoscored("1903150")["events"] if e.get("cardType"))
    assert kinds["SecondYellow"] == 1
    match = ask(answerer, "how many yellows were shown in burnley v liverpool")
    assert match.intent is Intent.CARDS
    assert match.answer.startswith(f"{kinds['Yellow']} yellow cards in the match, and 1 second yellow.")
    every = ask(answerer, "how many cards were there in burnley vs liverpool")
    assert every.answer.startswith(
        f"{kinds.total()} cards in the match: {kinds['Yellow']} yellow, 1 second yellow, {kinds['Red']} red."
    )
    season = Counter(e["cardType"]["displayName"] for _, e in raw_events("Card", "2025-08-01", "2026-06-30"))
    seconds = ask(answerer, "how many second yellows were there this season")
    assert seconds.answer.startswith(f"Second yellows in the data so far: {season['SecondYellow']} in ")
    casemiro = Counter(
        e["cardType"]["displayName"]
        for data, e in raw_events("Card", "2025-08-01", "2026-06-30")
        if data["playerIdNameDictionary"].get(str(e.get("playerId"))) == "Casemiro"
    )
    assert casemiro["SecondYellow"] == 1
    a = ask(answerer, "how many cards did casemiro get this season")
    assert a.answer.startswith(f"Casemiro: {casemiro.total()} cards (total) in ")


@pytest.mark.parametrize(("match_id", "fixture"), [("1903150", "burnley v liverpool"), ("1903228", "arsenal v spurs")])
def test_a_second_yellow_asked_about(answerer: Answerer, match_id: str, fixture: str) -> None:
    """Yes or no by the raw file's SecondYellow events, and only those listed (a yellow alone is no answer)."""
    data = raw_whoscored(match_id)
    seconds = [data["playerIdNameDictionary"][str(e["playerId"])] for e in data["events"] if _second_yellow(e)]
    a = ask(answerer, f"did anyone get a second yellow in {fixture}")
    assert a.answer.startswith("Yes." if seconds else "No.")
    listed = a.answer.split("Second yellows: ")[1]
    assert all(name in listed for name in seconds) and (seconds or listed == "none.")


def _second_yellow(event: dict) -> bool:
    return (event.get("cardType") or {}).get("displayName") == "SecondYellow"
