"""Clubs, players and dates written the way people write them, resolved on the real 2025/26 season.

Nicknames of every club of the season, names several clubs share (settled by the other club, the day,
a derby or the previous question, else asked about), misspellings, accents left out, and each date
form on real matches: the expected match ids and scores are read from the season's ``matches.csv``.
"""

from __future__ import annotations

import pytest

from football_rag.config.yaml_config import load_config
from football_rag.rag.answer_model import Intent
from football_rag.rag.answerer import Answerer
from football_rag.rag.entities import Catalog, words_of
from tests.conftest import season_index


@pytest.fixture(scope="module")
def catalog(answerer: Answerer) -> Catalog:
    return answerer.catalog


def score_line(match_id: str) -> str:
    """Return "Home h-a Away" for a match of the season, as ``matches.csv`` has it."""
    row = next(r for r in season_index() if r["whoscored_id"] == match_id)
    home, away = (int(x) for x in row["score"].split(":"))
    return f"{row['home']} {home}-{away} {row['away']}"


def written_names(catalog: Catalog) -> dict[str, list[str]]:
    """Each club of the data -> every name the alias table writes it with (teams and nicknames)."""
    table, aliases = load_config("team_aliases"), catalog.aliases
    found: dict[str, list[str]] = {}
    for team in catalog.teams:
        canonical = aliases.canonical[aliases.normalise(team)]
        for club, extra in table["teams"].items():
            if aliases.normalise(club) == canonical:
                nicknames = (table["nicknames"].get(club) or {}).get("names") or []
                found[team] = [club, *(extra or []), *nicknames]
    return found


def test_every_name_of_every_club_of_the_season_names_it(catalog: Catalog) -> None:
    names = written_names(catalog)
    assert len(names) == 20
    wrong = []
    for team, written in names.items():
        for name in written:
            for typed in (name, name.lower()):
                resolved = catalog.resolve(f"Show me {typed} results")
                shared = len(catalog.names.keys.get(words_of(name), ())) > 1
                # A shared name alone is asked about, and the question names the club among the choices; or it is
                # taken as the club it usually means ("United": Man Utd), the club among those it may be.
                taken = resolved.assumed is not None and team in (resolved.unsettled or ("", ()))[1]
                ok = (team in (resolved.clarification or "") or taken) if shared else resolved.teams == [team]
                if not ok:
                    wrong.append((team, typed, resolved.teams, resolved.clarification))
    assert not wrong


@pytest.mark.parametrize(
    ("question", "teams"),
    [
        ("the Blues vs Chelsea", ["Everton", "Chelsea"]),  # the other club named is not the nickname's club
        ("united vs city", ["Man Utd", "Man City"]),  # the derby
        ("the reds vs the blues", ["Liverpool", "Everton"]),  # the Merseyside derby
        ("the Blues vs Fulham on 30.8.25", ["Chelsea", "Fulham"]),  # Everton did not play Fulham that day
        ("Who won the Reds' match last Saturday?", ["Liverpool"]),  # Forest did not play that day
        ("Did Salah score for the Reds?", ["Liverpool"]),  # the player's club
        ("Did Salah score against the Reds?", ["Nottingham Forest"]),  # his opponent
        ("Did Bruno Guimaraes play against United on 26 December?", ["Man Utd"]),  # not his club, and played that day
    ],
)
def test_a_shared_name_is_settled_by_the_question(catalog: Catalog, question: str, teams: list[str]) -> None:
    resolved = catalog.resolve(question)
    assert resolved.teams == teams and resolved.clarification is None


def test_a_shared_name_is_settled_by_the_previous_question(catalog: Catalog) -> None:
    previous = catalog.resolve("How did Newcastle do against Liverpool?")
    assert catalog.resolve("And United's last match?", previous).teams == ["Newcastle"]
    assert catalog.resolve("And the Reds' last match?", catalog.resolve("Forest's last result")).teams == [
        "Nottingham Forest"
    ]


def test_a_shared_name_nothing_settles_is_asked_about(answerer: Answerer) -> None:
    answer, _ = answerer.ask("What was the score of United's last match?")  # round 6: "United" alone is Man Utd
    assert answer.intent is Intent.SCORE and "Man Utd" in answer.answer, answer.answer
    assert answer.answer.endswith('"United" taken as Man Utd; name the club if you meant Leeds, Newcastle or West Ham.')
    blues, _ = answerer.ask("how many goals have the blues scored?")
    assert blues.intent is Intent.CLARIFY and blues.answer == 'By "the blues", did you mean Chelsea or Everton?'


@pytest.mark.parametrize(
    ("question", "teams"),
    [
        ("Evertn vs Brentford", ["Everton", "Brentford"]),
        ("tottenahm v arsenal", ["Tottenham", "Arsenal"]),
        ("Sunderlnad v Burnley", ["Sunderland", "Burnley"]),
        ("nottingam forest vs crystal palce", ["Nottingham Forest", "Crystal Palace"]),
        ("Newcastel United vs Leeds", ["Newcastle", "Leeds"]),  # a misspelling ending in a shared word
        ("maanchester city v brighton", ["Man City", "Brighton"]),
    ],
)
def test_a_misspelt_club(catalog: Catalog, question: str, teams: list[str]) -> None:
    assert catalog.resolve(question).teams == teams


def test_two_clubs_equally_close_to_a_misspelling_are_asked_about(catalog: Catalog) -> None:
    assert catalog.resolve("manchester ucd last match").clarification == (
        'By "manchester ucd", did you mean Man City or Man Utd?'
    )


@pytest.mark.parametrize(
    ("question", "player"),
    [
        ("How many goals did ekitike score?", "Hugo Ekitiké"),  # surname, accent left out
        ("odegaard passes", "Martin Ødegaard"),
        ("Guimaraes tackles", "Bruno Guimarães"),
        ("did joao pedro score", "João Pedro"),  # full name, accent left out
        ("van dijk headers", "Virgil van Dijk"),  # a surname of two words
        ("gibbs-white key passes", "Morgan Gibbs-White"),
        ("mo salah goals", "Mohamed Salah"),  # a common short name
        ("Haalland goals", "Erling Haaland"),  # misspelt
        ("Did Salha score?", "Mohamed Salah"),  # two letters swapped
    ],
)
def test_a_player_as_people_write_him(catalog: Catalog, question: str, player: str) -> None:
    assert [p.name for p in catalog.resolve(question).players] == [player]


def test_players_equally_close_to_a_name_are_asked_about(answerer: Answerer) -> None:
    for question in ("Did Fernandis score?", "Did Bruno score?"):
        answer, _ = answerer.ask(question)
        assert answer.intent is Intent.CLARIFY and answer.answer.startswith("Which player do you mean: ")
    assert "Bruno Fernandes" in answer.answer and "Bruno Guimarães" in answer.answer
    # A team narrows the choice: one Fernandes played for Man Utd.
    assert [p.name for p in answerer.catalog.resolve("Fernandes shots for Man Utd").players] == ["Bruno Fernandes"]


def test_a_player_by_surname_without_accents_answers_from_his_match(answerer: Answerer) -> None:
    answer, _ = answerer.ask("How many goals did ekitike score against Bournemouth?")
    assert answer.intent is Intent.PLAYER_STAT and answer.matches == ["1903117"]
    assert "Hugo Ekitiké" in answer.answer and score_line("1903117") in answer.answer


@pytest.mark.parametrize(
    ("question", "match_id"),
    [
        ("What was the score of Wolves v the Hammers on 03/01/2026?", "1903263"),
        ("the magpies vs palace 4.1.26 score", "1903259"),
        ("What was the score of United vs Burnley on 30.8.25?", "1903146"),
        ("score of fulham v pool jan 4", "1903374"),
        ("Score of the Cherries vs the Gunners on the 3rd of January", "1903363"),
        ("Score of Villa vs City on sunday the 26th", "1903199"),
        ("the Black Cats v City on Thursday 1 January: the score?", "1903357"),
        ("Burnley vs United on 7/1, what was the score?", "1903271"),
        ("Who won the Reds' match last Saturday?", "1903270"),
        ("Score of Man U v the Magpies on Boxing Day", "1903319"),
    ],
)
def test_a_date_as_people_write_it_picks_the_match(answerer: Answerer, question: str, match_id: str) -> None:
    answer, _ = answerer.ask(question)
    assert answer.intent is Intent.SCORE and answer.matches == [match_id]
    assert score_line(match_id) in answer.answer


def test_from_a_day_is_every_match_since(answerer: Answerer) -> None:
    answer, resolution = answerer.ask("Who scored for Burnley from 30.8.25?")
    latest = answerer.catalog.latest
    assert (resolution.period.start.isoformat(), resolution.period.end) == ("2025-08-30", latest)
    burnley = [
        r["whoscored_id"]
        for r in season_index()
        if "Burnley" in (r["home"], r["away"]) and "2025-08-30" <= r["start_date"][:10] <= latest.isoformat()
    ]
    assert answer.matches[0] == "1903146" and set(answer.matches) <= set(burnley)
    assert score_line("1903146") in answer.answer


def test_a_name_several_players_carry_is_settled_by_the_previous_question(catalog: Catalog) -> None:
    previous = catalog.resolve("How did Newcastle do against Liverpool?")
    assert [p.name for p in catalog.resolve("Did Bruno score?", previous).players] == ["Bruno Guimarães"]
    assert [p.name for p in catalog.resolve("Did Bruno score?").players] == []
