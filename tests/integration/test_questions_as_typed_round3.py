"""Fact questions asked as people type them, third round: managers and referees told apart by what "in charge of"
is about, "United"/"City" settled by the other club or the previous turn, counts of both teams with nouns that agree,
a team's figures in a match and over part of a season (home, away, the first half of the season), the league table
(a club's place, goal difference, after a matchweek, home and away tables), the man of the match as "the best
player", follow-up turns ("and the other team?"), and refusals of what the data cannot answer, on the whole real
season.

Expected names and figures are read here from the raw WhoScored files (managers, referee, per-minute team stats,
players' man-of-the-match flags, goal and card events) and the season's match index (scores, dates), never from the
tables the answers read.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict

import pytest

from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from tests.conftest import SEASON_DATA, raw_whoscored
from tests.integration.test_leaders_totals_counts_as_typed import ask
from tests.integration.test_team_stats_officials_rankings_as_typed import talk, team_total

NLD = "1903228"  # Arsenal 4-1 Tottenham, 23 November 2025
CHELSEA_ARSENAL = "1903239"  # Chelsea 1-1 Arsenal, 30 November 2025
ARSENAL_CITY = "1903158"  # Arsenal 1-1 Man City, 21 September 2025
CITY_UNITED = "1903154"  # Man City 3-0 Man Utd, 14 September 2025


def raw_side(match_id: str, team: str) -> dict:
    """Return the raw WhoScored side ("home"/"away" block) of ``team`` in the match."""
    data = raw_whoscored(match_id)
    return next(data[s] for s in ("home", "away") if data[s]["name"] == team)


def results() -> list[dict]:
    """Return the season index's finished matches (date, home, away, goals), oldest first (one match was captured
    in progress: WhoScored's status code 6 is a finished match)."""
    with (SEASON_DATA / "matches.csv").open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if raw_whoscored(row["whoscored_id"])["statusCode"] == 6]
    for row in rows:
        row["hg"], row["ag"] = (int(x) for x in row["score"].split(" : "))
    return sorted(rows, key=lambda r: r["start_date"])


def table(side: str | None = None, rounds: int | None = None) -> list[tuple[str, int, int, int]]:
    """Return the league table as (team, points, goal difference, goals) rows in the league's order, over each
    team's home or away matches only, or its first ``rounds`` matches."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    played: Counter = Counter()
    for row in results():
        for team, venue, scored, conceded in (
            (row["home"], "home", row["hg"], row["ag"]),
            (row["away"], "away", row["ag"], row["hg"]),
        ):
            played[team] += 1
            if (side and venue != side) or (rounds and played[team] > rounds):
                continue
            points = 3 if scored > conceded else 1 if scored == conceded else 0
            entry = sums[team]
            entry[0], entry[1], entry[2] = entry[0] + points, entry[1] + scored - conceded, entry[2] + scored
    rows = [(team, *figures) for team, figures in sums.items()]
    return sorted(rows, key=lambda r: (-r[1], -r[2], -r[3]))


# --- managers and referees: what "in charge of" is about ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "match_id", "team"),
    [
        ("who coached spurs against arsenal", NLD, "Tottenham"),
        ("who was arsenal's boss in the game v spurs", NLD, "Arsenal"),
        ("spurs gaffer in the game against arsenal", NLD, "Tottenham"),
        ("who was the head coach of tottenham vs arsenal", NLD, "Tottenham"),
        ("who was in charge of spurs in the game against arsenal", NLD, "Tottenham"),
        ("who was in charge of arsenal against spurs", NLD, "Arsenal"),
        ("who was on the touchline for arsenal against spurs", NLD, "Arsenal"),
        ("who was the manager of chelsea when they played arsenal", CHELSEA_ARSENAL, "Chelsea"),
        ("arsenal's manager vs chelsea", CHELSEA_ARSENAL, "Arsenal"),
    ],
)
def test_one_clubs_manager_as_typed(answerer: Answerer, question: str, match_id: str, team: str) -> None:
    """The club named with the manager word is the one asked about; only its manager is named."""
    a = ask(answerer, question)
    assert a.intent is Intent.MANAGER and a.matches == [match_id], (question, a.answer)
    assert raw_side(match_id, team)["managerName"] in a.answer, a.answer
    other = next(s["name"] for s in (raw_whoscored(match_id)[k] for k in ("home", "away")) if s["name"] != team)
    assert raw_side(match_id, other)["managerName"] not in a.answer, a.answer


def test_both_managers_when_plural(answerer: Answerer) -> None:
    a = ask(answerer, "who were the managers in arsenal v spurs")
    assert a.intent is Intent.MANAGER
    assert all(raw_whoscored(NLD)[s]["managerName"] in a.answer for s in ("home", "away")), a.answer


@pytest.mark.parametrize(
    "question",
    [
        "who was in charge of the game between arsenal and spurs",
        "who was in charge of arsenal v spurs",
        "who refereed arsenal v spurs",
        "who officiated the north london derby",
        "who was the ref for arsenal spurs",
    ],
)
def test_the_referee_when_the_game_is_what_is_run(answerer: Answerer, question: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.REFEREE and a.matches == [NLD], (question, a.answer)
    assert raw_whoscored(NLD)["referee"]["name"] in a.answer


# --- "United", "City", "Palace", "Villa", "Forest" from context -------------------------------------------------


@pytest.mark.parametrize(
    ("question", "match_id"),
    [
        ("city v united score", CITY_UNITED),
        ("palace v brighton result", "1903220"),
        ("what was the score in villa vs forest", "1903366"),
    ],
)
def test_short_names_settled_by_the_other_club(answerer: Answerer, question: str, match_id: str) -> None:
    a = ask(answerer, question)
    data = raw_whoscored(match_id)
    assert a.intent is Intent.SCORE and a.matches == [match_id], (question, a.answer)
    assert f"{data['home']['name'].replace('Nottingham Forest', 'Nottingham Forest')}" in a.answer
    assert data["score"].replace(" : ", "-") in a.answer


def test_city_alone_is_the_club_arsenal_played(answerer: Answerer) -> None:
    a = ask(answerer, "how many shots did city have against arsenal")
    shots = team_total(ARSENAL_CITY, "Man City", "shotsTotal")
    assert a.matches == [ARSENAL_CITY] and a.answer.startswith(f"Man City had {shots} shots against Arsenal."), a.answer


def test_united_alone_when_several_fit_is_man_utd_said_as_taken(answerer: Answerer) -> None:
    """Forest played four Uniteds in the data: "United" alone is Man Utd (round 6's policy), and the answer says so
    and names the others."""
    a, _ = answerer.ask("how did forest do against united")
    assert a.intent is not Intent.CLARIFY and "Man Utd" in a.answer, a.answer
    assert a.answer.endswith('"United" taken as Man Utd; name the club if you meant Leeds, Newcastle or West Ham.'), (
        a.answer
    )


def test_city_alone_after_their_match(answerer: Answerer) -> None:
    """ "Arsenal v City", then "who scored for city?": that match, City's goals only."""
    a = talk(answerer, "arsenal v city", "who scored for city?")
    assert a.intent is Intent.SCORERS and a.matches == [ARSENAL_CITY], a.answer
    assert "Goals for Man City: Erling Haaland" in a.answer and "Martinelli" not in a.answer, a.answer


# --- counts of both teams, yes/no first, nouns that agree -----------------------------------------------------


def test_bookings_of_both_teams_counted_and_split(answerer: Answerer) -> None:
    data = raw_whoscored(NLD)
    cards = Counter(e["teamId"] for e in data["events"] if e.get("cardType"))
    total = sum(cards.values())
    a = ask(answerer, "how many players were booked in arsenal v spurs")
    assert a.intent is Intent.CARDS and a.answer.startswith(f"{total} yellow cards"), a.answer
    for side in ("home", "away"):
        assert f"{data[side]['name']} {cards[data[side]['teamId']]} yellow" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "stat", "noun"),
    [
        ("how many corners in arsenal v spurs", "cornersTotal", "corners"),
        ("how many offsides were there in arsenal v spurs", "offsidesCaught", "offsides"),
        ("total fouls in the arsenal spurs game", "foulsCommited", "fouls"),
    ],
)
def test_both_teams_count_first(answerer: Answerer, question: str, stat: str, noun: str) -> None:
    total = team_total(NLD, "Arsenal", stat) + team_total(NLD, "Tottenham", stat)
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.answer.startswith(f"{total} {noun} in the match."), a.answer


def test_goals_scored_count_first_and_singular(answerer: Answerer) -> None:
    """ "How many goals did Spurs score against Arsenal?": their count first, "1 goal", never "1 goals"."""
    goals = int(raw_whoscored(NLD)["score"].split(" : ")[1])
    assert goals == 1
    a = ask(answerer, "how many goals did spurs score against arsenal")
    assert a.answer.startswith("Tottenham had 1 goal against Arsenal."), a.answer


def test_one_corner_is_singular(answerer: Answerer) -> None:
    assert team_total(NLD, "Tottenham", "cornersTotal") == 1
    a = ask(answerer, "how many corners did spurs get against arsenal")
    assert a.answer.startswith("Tottenham had 1 corner against Arsenal."), a.answer
    assert "1 corners" not in a.answer


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("was anyone sent off in arsenal v spurs", "No."),
        ("did arsenal score more than 3 against spurs", "Yes."),
        ("did spurs beat arsenal", "No."),
    ],
)
def test_yes_no_first(answerer: Answerer, question: str, word: str) -> None:
    assert ask(answerer, question).answer.startswith(word)


# --- a team's figure in a match, and over part of the season -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team", "stat", "label"),
    [
        ("how many fouls did arsenal commit against spurs", "Arsenal", "foulsCommited", "fouls"),
        ("how many tackles did arsenal make against spurs", "Arsenal", "tacklesTotal", "tackles"),
        ("how many shots on target did arsenal have vs spurs", "Arsenal", "shotsOnTarget", "shots on target"),
        ("how many offsides were arsenal caught in against spurs", "Arsenal", "offsidesCaught", "offsides"),
        ("spurs attempts on goal against arsenal", "Tottenham", "shotsTotal", "shots"),
    ],
)
def test_a_teams_figure_in_varied_words(answerer: Answerer, question: str, team: str, stat: str, label: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [NLD], (question, a.answer)
    assert a.answer.startswith(f"{team} had {team_total(NLD, team, stat)} {label} against "), a.answer


@pytest.mark.parametrize(
    ("question", "stat", "label"),
    [
        ("who had more corners in arsenal v spurs", "cornersTotal", "corners"),
        ("who had more shots in arsenal vs spurs", "shotsTotal", "shots"),
        ("which side committed more fouls in arsenal v spurs", "foulsCommited", "fouls"),
    ],
)
def test_who_had_more_in_a_match(answerer: Answerer, question: str, stat: str, label: str) -> None:
    home, away = team_total(NLD, "Arsenal", stat), team_total(NLD, "Tottenham", stat)
    a = ask(answerer, question)
    assert a.intent is Intent.TEAM_STAT and a.matches == [NLD], (question, a.answer)
    assert f"{'Arsenal' if home > away else 'Tottenham'} had more {label}." in a.answer, a.answer


def _arsenal_matches(side: str | None = None) -> list[str]:
    return [
        r["whoscored_id"]
        for r in results()
        if "Arsenal" in (r["home"], r["away"]) and (side is None or r[side] == "Arsenal")
    ]


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("how many corners did arsenal win at home this season", "home"),
        ("arsenal corners in away games this season", "away"),
    ],
)
def test_a_teams_total_at_home_or_away(answerer: Answerer, question: str, side: str) -> None:
    corners = sum(team_total(m, "Arsenal", "cornersTotal") for m in _arsenal_matches(side))
    a = ask(answerer, question)
    assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Arsenal corners in total: {corners}."), a.answer
    assert f"{side} matches only" in a.answer


def test_goals_away_from_home(answerer: Answerer) -> None:
    goals = sum(r["ag"] for r in results() if r["away"] == "Arsenal")
    a = ask(answerer, "how many goals did arsenal score away from home")
    assert a.answer.startswith(f"Arsenal goals in total: {goals}."), a.answer


def test_the_first_half_of_the_season(answerer: Answerer) -> None:
    """Matchweeks 1-19 of a 20-club league: each club's first 19 matches (Arsenal have 18 in the data)."""
    mine = [r for r in results() if "Arsenal" in (r["home"], r["away"])][:19]
    goals = sum(r["hg"] if r["home"] == "Arsenal" else r["ag"] for r in mine)
    a = ask(answerer, "arsenal goals in the first half of the season")
    assert a.intent is Intent.AGGREGATE and a.answer.startswith(f"Arsenal goals in total: {goals}."), a.answer


# --- the league table ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team"),
    [
        ("what position are arsenal in", "Arsenal"),
        ("where did chelsea finish in the table", "Chelsea"),
        ("what is liverpool goal difference", "Liverpool"),
        ("whats villas league position", "Aston Villa"),
    ],
)
def test_a_clubs_place_in_the_table(answerer: Answerer, question: str, team: str) -> None:
    rows = table()
    place = next(i for i, row in enumerate(rows, 1) if row[0] == team)
    _, points, difference, _ = rows[place - 1]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING, (question, a.answer)
    assert a.answer.startswith(f"{team}: {place}{_suffix(place)} of {len(rows)} in the table"), a.answer
    assert f"{points} points" in a.answer and f"goal difference {difference:+d}" in a.answer, a.answer


def _suffix(place: int) -> str:
    return "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")


@pytest.mark.parametrize(
    ("question", "rounds", "bottom"),
    [
        ("who was top after matchweek 10", 10, False),
        ("league table after gameweek 3", 3, False),
        ("who was bottom after gw 5", 5, True),
    ],
)
def test_the_table_after_a_matchweek(answerer: Answerer, question: str, rounds: int, bottom: bool) -> None:
    rows = table(rounds=rounds)
    first = rows[-1] if bottom else rows[0]
    a = ask(answerer, question)
    said = f"after matchweek {rounds} (each club's first {rounds} matches in the data):"  # the reading used
    assert a.intent is Intent.RANKING and said in a.answer, a.answer
    assert f"{len(rows) if bottom else 1}. {first[0]} {first[1]} points" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("home table", "home"),
        ("who has the best away record", "away"),
        ("which team has the most points at home", "home"),
    ],
)
def test_home_and_away_tables(answerer: Answerer, question: str, side: str) -> None:
    top = table(side=side)[0]
    a = ask(answerer, question)
    assert a.intent is Intent.RANKING and f"{side} matches only: 1. {top[0]} {top[1]} points" in a.answer, a.answer


def test_who_was_top_on_a_date(answerer: Answerer) -> None:
    rows = [r for r in results() if r["start_date"][:10] <= "2025-12-01"]
    points: Counter = Counter()
    for r in rows:
        points[r["home"]] += 3 if r["hg"] > r["ag"] else 1 if r["hg"] == r["ag"] else 0
        points[r["away"]] += 3 if r["ag"] > r["hg"] else 1 if r["hg"] == r["ag"] else 0
    leader, most = points.most_common(1)[0]
    a = ask(answerer, "who was top of the league on the 1st of december")
    assert f"1. {leader} {most} points" in a.answer, a.answer


# --- the man of the match ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "who was the best player in arsenal v spurs",
        "player of the match arsenal spurs",
        "who was man of the match when arsenal beat spurs",
        "who was the star man in the north london derby",
        "motm arsenal tottenham",
    ],
)
def test_man_of_the_match_said_as_the_highest_rating(answerer: Answerer, question: str) -> None:
    data = raw_whoscored(NLD)
    best = next(p for s in ("home", "away") for p in data[s]["players"] if p["isManOfTheMatch"])
    a = ask(answerer, question)
    assert a.intent is Intent.MAN_OF_THE_MATCH and best["name"] in a.answer, (question, a.answer)
    assert "(the highest rating in the match)" in a.answer, a.answer


# --- follow-up turns ------------------------------------------------------------------------------------------------


def test_and_the_other_team_swaps_the_side(answerer: Answerer) -> None:
    a = talk(answerer, "how many shots did arsenal have against spurs", "and the other team?")
    assert a.answer.startswith(f"Tottenham had {team_total(NLD, 'Tottenham', 'shotsTotal')} shots against"), a.answer


def test_the_other_teams_manager(answerer: Answerer) -> None:
    a = talk(answerer, "who was arsenal's manager against spurs", "and the other team?")
    assert a.intent is Intent.MANAGER and raw_side(NLD, "Tottenham")["managerName"] in a.answer, a.answer
    assert raw_side(NLD, "Arsenal")["managerName"] not in a.answer, a.answer


def test_and_who_scored_keeps_the_match(answerer: Answerer) -> None:
    a = talk(answerer, "chelsea v arsenal score", "and who scored?")
    assert a.intent is Intent.SCORERS and a.matches == [CHELSEA_ARSENAL], a.answer
    scorers = {
        raw_whoscored(CHELSEA_ARSENAL)["playerIdNameDictionary"][str(e["playerId"])]
        for e in raw_whoscored(CHELSEA_ARSENAL)["events"]
        if e["type"]["displayName"] == "Goal"
    }
    assert all(name in a.answer for name in scorers), a.answer


def test_and_the_opposition_star_man(answerer: Answerer) -> None:
    """ "Star man for Arsenal against Spurs?", then "what about the opposition?": Tottenham's highest rated."""
    players = raw_side(NLD, "Tottenham")["players"]
    # WhoScored's rating is kept minute by minute: the player's rating is the one at his last minute.
    rated = {
        p["name"]: p["stats"]["ratings"][max(p["stats"]["ratings"], key=int)]
        for p in players
        if p["stats"].get("ratings")
    }
    best = max(rated, key=rated.get)
    a = talk(answerer, "star man for arsenal against spurs", "what about the opposition?")
    assert a.answer.startswith(f"Tottenham's highest rated player was {best}"), a.answer


def test_return_match_not_played_yet_is_said(answerer: Answerer) -> None:
    a = talk(answerer, "arsenal v spurs score", "what about the return match?")
    assert a.intent is Intent.UNKNOWN_MATCH and "no match Tottenham vs Arsenal" in a.answer, a.answer


# --- goal minutes --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("when did eze score against spurs", "Eberechi Eze"),
        ("what minute did trossard score vs spurs", "Leandro Trossard"),
    ],
)
def test_a_players_goal_minutes_first(answerer: Answerer, question: str, name: str) -> None:
    data = raw_whoscored(NLD)
    minutes = [
        f"{e['minute'] + 1}'"  # the broadcast minute: the 36th minute is 35:xx on WhoScored's clock
        for e in data["events"]
        if e["type"]["displayName"] == "Goal" and data["playerIdNameDictionary"][str(e["playerId"])] == name
    ]
    said = minutes[0] if len(minutes) == 1 else f"{', '.join(minutes[:-1])} and {minutes[-1]}"
    a = ask(answerer, question)
    assert a.answer.startswith(f"{name} scored at {said} in Arsenal 4-1 Tottenham"), a.answer


def test_a_player_who_did_not_score_is_told_so(answerer: Answerer) -> None:
    a = ask(answerer, "when did saka score against spurs")
    assert a.answer.startswith("Bukayo Saka did not score in Arsenal 4-1 Tottenham"), a.answer


# --- refusals, and valid questions answered ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("who will win arsenal v chelsea next week", r"already played"),
        ("when is the next arsenal game", r"already played"),
        ("predict the score of the next derby", r"already played"),
        ("who did arsenal sign in january", r"transfers"),
        ("what was the transfer fee for isak", r"transfers"),
        ("is saka injured", r"injuries"),
        ("how did arsenal do in the champions league", r"no champions league matches"),
        ("how many goals did haaland score in the fa cup", r"no fa cup matches"),
        ("who won the league in 2023-24", r"2023/24 season is not in the data"),
        ("how many goals did salah score last season", r"Earlier seasons"),
    ],
)
def test_what_the_data_cannot_answer_is_refused(answerer: Answerer, question: str, reason: str) -> None:
    a, _ = answerer.ask(question)
    assert a.intent is Intent.OUT_OF_SCOPE and re.search(reason, a.answer, re.I), (question, a.answer)
    assert not a.matches


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how many goals did arsenal score in the 2025/26 season", Intent.AGGREGATE),
        ("who scored the most goals this season", Intent.RANKING),
        ("was the emirates sold out for arsenal v spurs", Intent.ATTENDANCE),
        ("who won the game between arsenal and spurs", Intent.SCORE),
    ],
)
def test_valid_questions_are_not_refused(answerer: Answerer, question: str, intent: Intent) -> None:
    a = ask(answerer, question)
    assert a.intent is intent, (question, a.answer)


@pytest.mark.parametrize(
    ("question", "name"),
    [("how many goals did messi score", "Messi"), ("did mbappe score against arsenal", "Mbappe")],
)
def test_a_player_not_in_the_data_is_said_so(answerer: Answerer, question: str, name: str) -> None:
    """Nobody of that name in any squad of the season: said, not answered with a league total or Arsenal's match."""
    assert not any(
        name.lower() in p["name"].lower()
        for match_id in {r["whoscored_id"] for r in results()}
        for side in ("home", "away")
        for p in raw_whoscored(match_id)[side]["players"]
    )
    a, _ = answerer.ask(question)
    assert a.intent is Intent.UNKNOWN_MATCH and a.answer.startswith(f"{name} is not in the data."), a.answer


@pytest.mark.parametrize(
    ("question", "word"),
    [("did the toffees score against spurs", "No."), ("did villa beat forest", "Yes.")],
)
def test_club_nicknames_are_not_unknown_people(answerer: Answerer, question: str, word: str) -> None:
    a = ask(answerer, question)
    assert a.intent is Intent.SCORE and a.answer.startswith(word), a.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [("did gyokeres score against spurs", "No. "), ("how many shots did gyokeres have against spurs", "")],
)
def test_a_player_who_missed_the_match_asked_about(answerer: Answerer, question: str, opening: str) -> None:
    """Gyökeres did not play in Arsenal 4-1 Spurs: said so, not "there is no match Arsenal vs Tottenham"."""
    played = [p for p in raw_side(NLD, "Arsenal")["players"] if p["stats"].get("ratings")]
    assert "Viktor Gyökeres" not in {p["name"] for p in played}
    a = ask(answerer, question)
    assert a.matches == [NLD], a.answer
    assert a.answer == f"{opening}Viktor Gyökeres did not play in Arsenal 4-1 Tottenham (23 November 2025).", a.answer
