"""A ``SyntheticMatch`` in FotMob's ``matchDetails`` shape (2024 on: lineups per team, ``Periods.All`` stats).

Shots go into the shot map in metres (105 x 68, attacking x = 105) at the same spots as the WhoScored
events; FotMob's own team statistics (total shots, shots on target, cards) agree with the shot map.
Extra time is written as the parser expects it (``status.halfs.firstExtraHalfStarted`` set, a "Half"
event at 90 minutes, the header's score after 120); no FotMob file with extra time or a shoot-out has
been seen, so the shoot-out's kicks are left out of the shot map.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from football_rag.data.contracts import Side
from football_rag.data.coordinates import CoordinateSystem, to_metres
from football_rag.data.synthetic.match import (
    EXTRA_TIME,
    FORMATION,
    FULL_TIME,
    HALF,
    Player,
    ShotSpec,
    Squad,
    SyntheticMatch,
)

EVENT_TYPES = {"goal": "Goal", "saved": "AttemptSaved", "blocked": "AttemptSaved", "miss": "Miss", "post": "Post"}
POSITION_IDS = {"GK": 0, "DF": 1, "MF": 2, "FW": 3}
BODY_PARTS = {"Head": "Header"}
PERIOD_NAMES = {1: "FirstHalf", 2: "SecondHalf", 3: "FirstExtraHalf", 4: "SecondExtraHalf"}


def fotmob_document(match: SyntheticMatch) -> dict[str, Any]:
    """Return the match as FotMob's ``matchDetails`` (save it as ``<fotmob_id>.json``)."""
    home, away = match.score()
    utc = match.kickoff.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {
        "general": {
            "matchId": str(match.fotmob_id),
            "matchRound": "1",
            "leagueId": 990_001,
            "leagueName": match.competition,
            "parentLeagueId": 990_001,
            "parentLeagueSeason": match.season,
            "coverageLevel": "xG",
            "matchTimeUTCDate": utc,
            "started": True,
            "finished": True,
        },
        "header": {
            "teams": [
                {"name": s.name, "id": s.fotmob_id, "score": goals}
                for s, goals in ((match.home, home), (match.away, away))
            ],
            "status": {
                "utcTime": utc,
                "finished": True,
                "started": True,
                "cancelled": False,
                "scoreStr": f"{home} - {away}",
                "halfs": {
                    "firstExtraHalfStarted": _clock(match, FULL_TIME + 5) if match.extra_time else "",
                    "secondExtraHalfStarted": _clock(match, FULL_TIME + 20) if match.extra_time else "",
                },
            },
        },
        "content": {
            "matchFacts": _facts(match),
            "shotmap": {"shots": [_shot(match, shot, n) for n, shot in enumerate(match.shots) if not shot.shootout]},
            "lineup": {"homeTeam": _lineup(match, match.home), "awayTeam": _lineup(match, match.away)},
            "stats": {
                "Periods": {"All": {"stats": [{"title": "Top stats", "key": "top_stats", "stats": _stats(match)}]}}
            },
        },
    }


def in_play_fotmob_document(match: SyntheticMatch, minute: int) -> dict[str, Any]:
    """Return the match's ``matchDetails`` as FotMob serves it during play, at ``minute``: started, not finished,
    the running score, and the shots, cards and half-time marks up to that minute only."""
    so_far = replace(
        match,
        shots=tuple(s for s in match.shots if s.minute < minute and not s.shootout),
        cards=tuple(c for c in match.cards if c.minute < minute),
        extra_time=False,
    )
    document = fotmob_document(so_far)
    document["general"]["finished"] = document["header"]["status"]["finished"] = False
    timeline = document["content"]["matchFacts"]["events"]
    timeline["events"] = [e for e in timeline["events"] if e["type"] != "Half" or e["time"] < minute]
    return document


def _facts(match: SyntheticMatch) -> dict[str, Any]:
    timeline: list[dict[str, Any]] = []
    for shot in (s for s in match.shots if s.outcome == "goal" and not s.shootout):
        before = match.score(shot.minute + 1)
        timeline.append(
            {"type": "Goal", "time": shot.minute + 1, "isHome": shot.side is Side.HOME, "newScore": list(before)}
        )
    for minute in (HALF, FULL_TIME, EXTRA_TIME) if match.extra_time else (HALF, FULL_TIME):
        home, away = match.score(minute)
        timeline.append({"type": "Half", "time": minute, "homeScore": home, "awayScore": away})
    timeline.sort(key=lambda e: e["time"])
    return {
        "matchId": match.fotmob_id,
        "events": {"events": timeline},
        "infoBox": {
            "Stadium": {"name": match.venue},
            "Referee": {"text": match.referee},
            "Tournament": {"leagueName": match.competition, "selectedSeason": match.season},
        },
    }


def _clock(match: SyntheticMatch, minutes: int) -> str:
    """FotMob's wall-clock time of a moment of the match ("21.08.2023 20:46:38")."""
    return (match.kickoff + timedelta(minutes=minutes)).strftime("%d.%m.%Y %H:%M:%S")


def _shot(match: SyntheticMatch, shot: ShotSpec, n: int) -> dict[str, Any]:
    x, y = to_metres(shot.x, shot.y, CoordinateSystem.OPTA)
    return {
        "id": match.fotmob_id * 1_000 + n,
        "eventType": EVENT_TYPES[shot.outcome],
        "teamId": match.squad(shot.side).fotmob_id,
        "playerId": shot.player_id,
        "playerName": match.player(shot.player_id).name,
        "x": round(x, 2),
        "y": round(y, 2),
        "min": shot.minute + 1,  # the minute on the clock: WhoScored's elapsed minute + 1
        "minAdded": None,
        "isBlocked": shot.outcome == "blocked",
        "isOnTarget": shot.on_target,
        "isOwnGoal": False,
        "expectedGoals": shot.xg,
        "expectedGoalsOnTarget": round(min(0.99, shot.xg * 1.5), 3) if shot.on_target else None,
        "shotType": BODY_PARTS.get(shot.body_part, shot.body_part),
        "situation": "Penalty" if shot.penalty else "RegularPlay",
        "period": PERIOD_NAMES[shot.period],
    }


def _lineup(match: SyntheticMatch, squad: Squad) -> dict[str, Any]:
    return {
        "id": squad.fotmob_id,
        "name": squad.name,
        "formation": FORMATION,
        "coach": {"name": squad.manager},
        "starters": [_player(p, captain=i == 0) for i, p in enumerate(squad.starters)],
        "subs": [_player(p) for p in squad.players if not p.starter],
    }


def _player(player: Player, captain: bool = False) -> dict[str, Any]:
    changes = [{"type": "subIn", "time": player.minute_on}] if player.minute_on is not None else []
    changes += [{"type": "subOut", "time": player.minute_off}] if player.minute_off is not None else []
    return {
        "id": player.player_id,
        "name": player.name,
        "shirtNumber": str(player.shirt),
        "usualPlayingPositionId": POSITION_IDS[player.position],
        "isCaptain": captain,
        "performance": {"rating": 6.5, "substitutionEvents": changes},
    }


def _stats(match: SyntheticMatch) -> list[dict[str, Any]]:
    in_play = [s for s in match.shots if not s.shootout]

    def per_side(count: Any) -> list[int]:
        return [count(side) for side in (Side.HOME, Side.AWAY)]

    figures = {
        ("Total shots", "total_shots"): per_side(lambda side: sum(s.side is side for s in in_play)),
        ("Shots on target", "ShotsOnTarget"): per_side(
            lambda side: sum(s.side is side and s.on_target for s in in_play)
        ),
        ("Yellow cards", "yellow_cards"): per_side(
            lambda side: sum(c.side is side and c.kind == "yellow" for c in match.cards)
        ),
        ("Red cards", "red_cards"): per_side(lambda side: sum(c.side is side and c.kind == "red" for c in match.cards)),
    }
    return [{"title": title, "key": key, "type": "text", "stats": values} for (title, key), values in figures.items()]
