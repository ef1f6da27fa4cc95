"""Linking WhoScored and FotMob records of the same match, on the real files and on traps built from them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from football_rag.analytics.linking import LinkStatus, link_matches
from football_rag.data.contracts import MatchScore, ParsedMatch, Score, Side, Source, Team
from football_rag.data.parsers import parse_file

# The cross-links listed in ../shared/data/real/SOURCES.md (FotMob shot map -> WhoScored file).
CROSS_LINKS = {
    "3901187": "1640885",
    "3901192": "1640895",
    "4060605": "1694372",
    "3901114": "2023-01-02_Brentford_vs_Liverpool",
    "3901124": "2023-01-14_Brighton_vs_Liverpool",
    "4094724": "2023-01-29_Brighton_vs_Liverpool",
}
LEAGUE, CUP = "2023-01-14_Brighton_vs_Liverpool", "2023-01-29_Brighton_vs_Liverpool"


@pytest.fixture(scope="module")
def whoscored(real_dir: Path) -> dict[str, ParsedMatch]:
    records = [parse_file(path) for path in sorted((real_dir / "whoscored").iterdir())]
    return {r.match.match_id: r for r in records}


@pytest.fixture(scope="module")
def fotmob(real_dir: Path) -> dict[str, ParsedMatch]:
    paths = sorted((real_dir / "fotmob").glob("*.json")) + sorted((real_dir / "fotmob" / "shotmap_only").glob("*.csv"))
    return {r.match.match_id: r for r in (parse_file(path) for path in paths)}


def as_fotmob(
    record: ParsedMatch, *, day: date | None = None, swap: bool = False, shots_kept: int | None = None
) -> ParsedMatch:
    """Return a FotMob-like record of a WhoScored match: its own date or ``day``, home and away swapped if asked."""
    match = record.match
    home, away = (match.away, match.home) if swap else (match.home, match.away)
    score = match.score.fulltime
    side_of = {home.team_id: Side.HOME, away.team_id: Side.AWAY}
    return ParsedMatch(
        match=match.model_copy(
            update={
                "source": Source.FOTMOB,
                "match_id": f"fotmob-{match.match_id}-{day}-{swap}",
                "ids": {"fotmob": "f"},
                "date": day or match.date,
                "home": Team(team_id=home.team_id, name=home.name, side=Side.HOME),
                "away": Team(team_id=away.team_id, name=away.name, side=Side.AWAY),
                "score": MatchScore(fulltime=Score(home=score.away, away=score.home) if swap else score),
            }
        ),
        shots=tuple(s.model_copy(update={"side": side_of[s.team_id]}) for s in record.shots[:shots_kept]),
    )


def test_the_six_cross_links_of_the_real_data(
    whoscored: dict[str, ParsedMatch], fotmob: dict[str, ParsedMatch]
) -> None:
    report = link_matches(list(whoscored.values()), list(fotmob.values()))
    linked = {link.fotmob_id: link.whoscored_id for link in report.with_status(LinkStatus.LINKED)}
    assert linked == CROSS_LINKS
    assert not report.with_status(LinkStatus.CONFLICTING)
    assert set(report.unlinked_whoscored) == set(whoscored) - set(CROSS_LINKS.values())


def test_home_and_away_come_from_the_shooters_not_the_ids(
    whoscored: dict[str, ParsedMatch], fotmob: dict[str, ParsedMatch]
) -> None:
    # Brentford (FotMob 9937) hosted Liverpool (8650): the lower id is the away team.
    link = link_matches([whoscored["2023-01-02_Brentford_vs_Liverpool"]], [fotmob["3901114"]]).links[0]
    assert link.status is LinkStatus.LINKED
    assert dict(link.team_sides) == {"9937": Side.HOME, "8650": Side.AWAY}
    # Liverpool (8650) hosted Man Utd (10260) on 2023-03-05.
    link = link_matches([whoscored["1640885"]], [fotmob["3901187"]]).links[0]
    assert dict(link.team_sides) == {"8650": Side.HOME, "10260": Side.AWAY}


def test_match_details_without_a_whoscored_twin_stay_unlinked(
    whoscored: dict[str, ParsedMatch], fotmob: dict[str, ParsedMatch]
) -> None:
    details = [record for record in fotmob.values() if record.match.date is not None]
    report = link_matches(list(whoscored.values()), details)
    assert len(details) == 28
    assert {link.status for link in report.links} == {LinkStatus.UNLINKED}
    inter = next(link for link in report.links if link.fotmob_id == "4535454")
    assert inter.reasons == ("no WhoScored match of Inter v Genoa within 1 day of 2025-02-22",)


def test_the_league_and_cup_ties_of_brighton_and_liverpool_are_not_confused(
    whoscored: dict[str, ParsedMatch], fotmob: dict[str, ParsedMatch]
) -> None:
    both = [whoscored[LEAGUE], whoscored[CUP]]
    report = link_matches(both, [fotmob["3901124"], fotmob["4094724"]])
    assert [(link.fotmob_id, link.whoscored_id) for link in report.links] == [("3901124", LEAGUE), ("4094724", CUP)]
    # Offered only the other tie, the league shot map (3-0, no date) links to nothing.
    alone = link_matches([whoscored[CUP]], [fotmob["3901124"]]).links[0]
    assert alone.status is LinkStatus.UNLINKED
    assert alone.reasons[0].startswith("no WhoScored match has these shooters")


def test_a_dated_record_of_the_same_teams_is_matched_on_its_own_date(whoscored: dict[str, ParsedMatch]) -> None:
    # The league game's teams and score, dated on the day of the cup tie: the cup tie is the candidate.
    record = as_fotmob(whoscored[LEAGUE], day=date(2023, 1, 29))
    link = link_matches([whoscored[LEAGUE], whoscored[CUP]], [record]).links[0]
    assert link.status is LinkStatus.CONFLICTING
    assert link.whoscored_id == CUP
    assert link.reasons == (
        f"WhoScored {CUP}: score 3-0 (FotMob) vs 2-1 (WhoScored)",
        f"WhoScored {CUP}: shots per team 16-6 (FotMob) vs 13-8 (WhoScored)",
    )


def test_the_reverse_fixture_is_never_linked(whoscored: dict[str, ParsedMatch]) -> None:
    league = whoscored[LEAGUE]
    same_day = link_matches([league], [as_fotmob(league, swap=True)]).links[0]
    assert same_day.status is LinkStatus.CONFLICTING
    assert "home and away reversed: FotMob has Liverpool at home, WhoScored Brighton" in same_day.reasons[0]
    later = as_fotmob(league, swap=True, day=league.match.date + timedelta(days=120))
    assert link_matches([league], [later]).links[0].status is LinkStatus.UNLINKED


def test_a_dated_record_links_through_aliases_and_checks_the_shots(whoscored: dict[str, ParsedMatch]) -> None:
    league = whoscored[LEAGUE]
    record = as_fotmob(league, day=league.match.date + timedelta(days=1))
    renamed = record.model_copy(
        update={
            "match": record.match.model_copy(
                update={"home": record.match.home.model_copy(update={"name": "Brighton & Hove Albion"})}
            )
        }
    )
    link = link_matches([league], [renamed]).links[0]
    assert (link.status, link.whoscored_id) == (LinkStatus.LINKED, LEAGUE)
    # the last two of the 22 shots (16 by Brighton, 6 by Liverpool) are Brighton's
    short = link_matches([league], [as_fotmob(league, shots_kept=20)]).links[0]
    assert short.status is LinkStatus.CONFLICTING
    assert short.reasons == (f"WhoScored {LEAGUE}: shots per team 14-6 (FotMob) vs 16-6 (WhoScored)",)


def test_two_records_claiming_one_match_are_both_conflicting(whoscored: dict[str, ParsedMatch]) -> None:
    league = whoscored[LEAGUE]
    report = link_matches([league], [as_fotmob(league), as_fotmob(league, day=league.match.date + timedelta(days=1))])
    assert [link.status for link in report.links] == [LinkStatus.CONFLICTING] * 2
    assert report.unlinked_whoscored == (LEAGUE,)
