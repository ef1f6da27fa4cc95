"""The match story on real matches of the 2025/26 season: every expected figure counted by hand from the raw
WhoScored files (shot events with their minutes, qualifiers BigChance and the set-piece situations, the
red card and substitution events), never read from our own tables.

- Arsenal 4-1 Tottenham (1903228): Arsenal's 17 shots are at 2', 3', 8', 17', 29', 32', 35' (Trossard's goal at
  35:51, the first goal), then 10 more; Tottenham's 3 all come after it. Big chances: Rice 2:26 (saved),
  Trossard 35:51 (goal), Timber 73:21 (missed); Tottenham none. Set-piece shots (FromCorner, SetPiece,
  DirectFreekick): Arsenal's at 3', 17', 32', 53', 62', 72', 73', none scored; Tottenham none.
- Aston Villa 0-0 Newcastle (1903118): Ezri Konsa's red card at 65:05; Villa shot at 46:19 and 64:15 before
  it and 86:53 after, Newcastle 8 times before (2' to 27') and 8 after. Big chances, all missed: Newcastle
  2:30 (saved) and 10:29 (missed), Villa 46:19 (saved).
- Liverpool 4-2 Bournemouth (1903117): Chiesa on at 81:11 scored at 87:46 (3-2); Traoré on at 73:42 set up
  Semenyo's 75:56 equaliser (2-2).
"""

from __future__ import annotations

import pytest

from football_rag.analytics.match_story import KeyPoint, match_stories, match_story
from football_rag.analytics.tables import MatchTables, apply_xg, build_tables
from football_rag.analytics.xg_model import train_xg_model
from football_rag.data.parsers import parse_file
from tests.conftest import SEASON_DATA, require, season_index

DERBY, VILLA_NEWCASTLE, LIVERPOOL_BOURNEMOUTH = "1903228", "1903118", "1903117"


@pytest.fixture(scope="module")
def tables() -> MatchTables:
    """Three season matches and the first five others, with the xG model fitted on their shots filled in (WhoScored
    gives no xG; the model's cross-validation needs five matches or more)."""
    require(SEASON_DATA)
    ours = (DERBY, VILLA_NEWCASTLE, LIVERPOOL_BOURNEMOUTH)
    ids = [*ours, *[row["whoscored_id"] for row in season_index() if row["whoscored_id"] not in ours][:5]]
    built = build_tables([parse_file(SEASON_DATA / "whoscored" / f"{i}.json.gz") for i in ids])
    model = train_xg_model(built.shots, seed=0)
    return apply_xg(built, model.predict, model.xg_source)


def _of(points: list[KeyPoint], kind: str) -> list[KeyPoint]:
    return [p for p in points if p.kind == kind]


def test_points_are_ranked_and_carry_their_figures(tables: MatchTables) -> None:
    points = match_story(tables, DERBY)
    assert [p.importance for p in points] == sorted((p.importance for p in points), reverse=True)
    kinds = {p.kind for p in points}
    assert {"xg_race", "big_chances", "shot_quality", "territory", "pressing", "set_pieces", "game_state"} <= kinds
    assert all(p.text and p.figures and p.minutes[0] <= p.minutes[1] for p in points)
    assert match_stories(tables)[DERBY] == points


def test_the_derby_big_chances_and_game_states(tables: MatchTables) -> None:
    points = match_story(tables, DERBY)
    chances = _of(points, "big_chances")[0]
    assert chances.figures == {
        "home_big_chances": 3, "home_big_chances_scored": 1, "away_big_chances": 0, "away_big_chances_scored": 0,
    }  # fmt: skip
    assert chances.text.startswith(
        "Big chances: 3 for Arsenal, 1 of them scored; 0 for Tottenham, 0 of them scored. Missed: Declan Rice"
    )
    assert "Declan Rice (Arsenal) 3'" in chances.text and "Jurriën Timber (Arsenal) 74'" in chances.text
    level, led = (next(p for p in _of(points, "game_state") if p.team == team) for team in (None, "Arsenal"))
    assert (level.figures["minutes"], level.figures["home_shots"], level.figures["away_shots"]) == (36, 7, 0)
    assert (led.figures["home_shots"], led.figures["away_shots"]) == (10, 3)
    assert level.text.startswith("While level (36 minutes): shots 7 v 0")
    assert led.text.startswith("While Arsenal led (")
    set_pieces = _of(points, "set_pieces")[0].figures
    assert (set_pieces["home_shots"], set_pieces["away_shots"], set_pieces["home_goals"]) == (7, 0, 0)


def test_the_xg_race_is_the_sum_of_the_shots(tables: MatchTables) -> None:
    race = _of(match_story(tables, DERBY), "xg_race")[0]
    shots = tables.shots[(tables.shots["match_id"] == DERBY) & ~tables.shots["own_goal"]]
    home = shots.loc[shots["side"] == "home", "xg"].sum()
    away = shots.loc[shots["side"] == "away", "xg"].sum()
    assert (race.figures["home_xg"], race.figures["away_xg"]) == (round(home, 2), round(away, 2))
    first_half = shots.loc[(shots["side"] == "home") & (shots["period"] == 1), "xg"].sum()
    assert race.figures["home_xg_first_half"] == round(first_half, 2)
    assert race.text.startswith(f"xG: Arsenal {home:.2f}, Tottenham {away:.2f}")


def test_a_red_card_splits_the_match_before_and_after(tables: MatchTables) -> None:
    points = match_story(tables, VILLA_NEWCASTLE)
    red = _of(points, "red_card")[0]
    assert points[0] is red  # a sending-off outranks everything else in a 0-0
    assert red.team == "Aston Villa" and red.text.startswith("Ezri Konsa (Aston Villa) was sent off at 66'.")
    f = red.figures
    before, after = (f["before_home_shots"], f["before_away_shots"]), (f["after_home_shots"], f["after_away_shots"])
    assert (before, after) == ((2, 8), (1, 8))
    chances = _of(points, "big_chances")[0]
    assert (chances.figures["home_big_chances"], chances.figures["away_big_chances"]) == (1, 2)
    assert "Anthony Elanga (Newcastle) 3'" in chances.text and "Boubacar Kamara (Aston Villa) 47'" in chances.text
    assert not _of(points, "game_state")  # no goal: no states to compare


def test_substitutes_who_scored_or_set_up_a_goal(tables: MatchTables) -> None:
    texts = [p.text for p in _of(match_story(tables, LIVERPOOL_BOURNEMOUTH), "substitution")]
    chiesa = (
        "Substitute Federico Chiesa (Liverpool, on at 82' for Florian Wirtz) scored the goal at 88', making it 3-2."
    )
    assert chiesa in texts
    traore = [t for t in texts if t.startswith("Substitute Hamed Traoré (Bournemouth, on at 74'")]
    assert len(traore) == 1 and "set up the goal at 76', making it 2-2" in traore[0]


def test_an_unknown_match_has_no_story(tables: MatchTables) -> None:
    assert match_story(tables, "no-such-match") == []


def test_the_explorer_lists_the_top_points(tables: MatchTables) -> None:
    from football_rag.app.match_view import match_view  # the app stack loads only where a test asks for it

    panel = match_view(tables, VILLA_NEWCASTLE).key_points
    assert panel.startswith("### Key points\n- Ezri Konsa \\(Aston Villa\\) was sent off at 66'\\.")  # Markdown-escaped
    assert panel.count("\n- ") == 6


def test_no_computed_point_trips_the_answer_checks(tables: MatchTables) -> None:
    """The points stand in for a model's sentences that fail the checks: they must pass those checks themselves."""
    from football_rag.rag.facts import FactBook
    from football_rag.rag.grounding import split_sentences
    from football_rag.rag.judgement_claims import judgement_contradictions
    from football_rag.rag.stat_claims import MatchStats, spell_pairs, stat_contradictions

    book = FactBook(tables)
    for match_id, points in match_stories(tables).items():
        m = book.match(match_id)
        figures = {"goals": (m["home_goals"], m["away_goals"]), **book.key_figures(match_id)}
        stats = MatchStats(m["home"], m["away"], figures, spell_pairs(points))
        for sentence in (s for p in points for s in split_sentences(p.text)):
            assert stat_contradictions(sentence, stats) + judgement_contradictions(sentence, stats) == [], sentence


def test_a_spells_counts_given_to_the_wrong_team_are_caught(tables: MatchTables) -> None:
    """Aston Villa 0-0 Newcastle: Konsa's red card at 66' splits the shots 2 v 8 before and 1 v 8 after (the key
    point's figures). A model that hands Villa's count to Newcastle is caught; one that copies it is not."""
    from football_rag.rag.facts import FactBook
    from football_rag.rag.stat_claims import MatchStats, spell_pairs, stat_contradictions

    book = FactBook(tables)
    spells = spell_pairs(book.story(VILLA_NEWCASTLE))
    assert {(2.0, 8.0), (1.0, 8.0)} <= set(spells["shots"])
    stats = MatchStats("Aston Villa", "Newcastle", book.key_figures(VILLA_NEWCASTLE), spells)
    assert stats.figures["shots"] == (3.0, 16.0)
    assert stat_contradictions("Before the red card Aston Villa took 2 shots to Newcastle's 8.", stats) == []
    assert stat_contradictions("Newcastle took 16 shots in all.", stats) == []
    assert stat_contradictions("After it Aston Villa had 22.7% possession.", stats) == []  # 22.67, as printed
    assert stat_contradictions("Before the red card Newcastle took 2 shots to Aston Villa's 8.", stats) == [
        "aston villa's 8",
        "newcastle took 2 shots",
    ]
