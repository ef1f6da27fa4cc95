"""A ``SyntheticMatch`` in WhoScored's shape: the bare ``matchCentreData`` object of a finished match.

Only what the parser and the analytics read is written: teams, players with their minutes, one
formation spell per team, minute-by-minute shot counts, and Opta events (period starts and ends, a
few passes around each shot, shots and goals with their qualifiers, cards, substitutions).
"""

from __future__ import annotations

import random
from typing import Any

from football_rag.data.contracts import Side
from football_rag.data.synthetic.match import (
    EXTRA_HALF,
    EXTRA_TIME,
    FORMATION,
    FULL_TIME,
    HALF,
    SHOOTOUT_PERIOD,
    ShotSpec,
    Squad,
    SyntheticMatch,
    period_of,
)

# Opta event types, and WhoScored's shot type by outcome (a blocked shot is "SavedShot" + "Blocked").
PASS, SAVED, GOAL, MISS, POST, CARD, SUB_OFF, SUB_ON, END, START = 1, 15, 16, 13, 14, 17, 18, 19, 30, 32
SHOT_TYPES = {"goal": GOAL, "saved": SAVED, "blocked": SAVED, "miss": MISS, "post": POST}
TYPE_NAMES = {
    PASS: "Pass",
    SAVED: "SavedShot",
    GOAL: "Goal",
    MISS: "MissedShots",
    POST: "ShotOnPost",
    CARD: "Card",
    SUB_OFF: "SubstitutionOff",
    SUB_ON: "SubstitutionOn",
    END: "End",
    START: "Start",
}
PERIOD_NAMES = {
    1: "FirstHalf",
    2: "SecondHalf",
    3: "ExtraTimeFirstHalf",
    4: "ExtraTimeSecondHalf",
    5: "PenaltyShootout",
}
# (period, first minute, last minute) of play
PERIODS = ((1, 0, HALF), (2, HALF, FULL_TIME))
EXTRA_PERIODS = ((3, FULL_TIME, EXTRA_HALF), (4, EXTRA_HALF, EXTRA_TIME))
CARD_NAMES = {"yellow": "Yellow", "red": "Red"}
FINISHED_STATUS = 6
IN_PLAY_STATUS = 3
PASSES_A_MINUTE = 5


def whoscored_document(match: SyntheticMatch) -> dict[str, Any]:
    """Return the match as WhoScored's ``matchCentreData`` (save it as ``<whoscored_id>.json``)."""
    home, away = match.score(FULL_TIME)
    ht_home, ht_away = match.score(HALF)
    et_home, et_away = match.score()
    penalties = match.penalties()
    return {
        "playerIdNameDictionary": {str(p.player_id): p.name for side in Side for p in match.squad(side).players},
        "startTime": match.kickoff.isoformat(),
        "startDate": match.kickoff.replace(hour=0, minute=0).isoformat(),
        "venueName": match.venue,
        "referee": {"name": match.referee},
        "attendance": 30_000 + match.whoscored_id % 20_000,
        "statusCode": FINISHED_STATUS,
        "elapsed": "FT",
        "htScore": f"{ht_home} : {ht_away}",
        "ftScore": f"{home} : {away}",
        "score": f"{et_home} : {et_away}",
        "etScore": f"{et_home} : {et_away}" if match.extra_time else "",
        "pkScore": f"{penalties[0]} : {penalties[1]}" if penalties else "",
        "maxPeriod": SHOOTOUT_PERIOD if penalties else 4 if match.extra_time else 2,
        "home": _team(match, match.home),
        "away": _team(match, match.away),
        "events": _events(match),
    }


def in_play_whoscored_document(match: SyntheticMatch, minute: int) -> dict[str, Any]:
    """Return the page of the match as saved during play, at ``minute`` (before the final whistle).

    As WhoScored's pages saved in play are (``../shared/data/drift/whoscored/1824860.json``): ``statusCode`` 3,
    ``elapsed`` the minute, ``ftScore`` empty, the running score in ``score``, and the events and shot
    counts up to that minute only (no end of the second half).
    """
    document = whoscored_document(match)
    home, away = match.score(minute)
    for side in ("home", "away"):
        stats = document[side]["stats"]
        for key, by_minute in stats.items():
            stats[key] = {m: n for m, n in by_minute.items() if int(m) < minute}
    return document | {
        "statusCode": IN_PLAY_STATUS,
        "elapsed": str(minute),
        "htScore": document["htScore"] if minute > HALF else "",
        "ftScore": "",
        "score": f"{home} : {away}",
        "etScore": "",
        "pkScore": "",
        "events": [e for e in document["events"] if e["expandedMinute"] < minute],
    }


def _team(match: SyntheticMatch, squad: Squad) -> dict[str, Any]:
    shots_by_minute: dict[str, int] = {}
    on_target_by_minute: dict[str, int] = {}
    for shot in (s for s in match.shots if s.side is squad.side and not s.shootout):
        shots_by_minute[str(shot.minute)] = shots_by_minute.get(str(shot.minute), 0) + 1
        if shot.on_target:
            on_target_by_minute[str(shot.minute)] = on_target_by_minute.get(str(shot.minute), 0) + 1
    starters = squad.starters
    bench = [p for p in squad.players if not p.starter]
    return {
        "teamId": squad.whoscored_id,
        "name": squad.name,
        "managerName": squad.manager,
        "countryName": "Synthetica",
        "field": squad.side.value,
        "players": [
            {
                "playerId": p.player_id,
                "name": p.name,
                "shirtNo": p.shirt,
                "position": p.position,
                "isFirstEleven": p.starter,
                **({"subbedInExpandedMinute": p.minute_on} if p.minute_on is not None else {}),
                **({"subbedOutExpandedMinute": p.minute_off} if p.minute_off is not None else {}),
                "stats": {"ratings": {"90": 6.5}} if p.starter or p.minute_on is not None else {},
            }
            for p in squad.players
        ],
        "formations": [
            {
                "formationName": FORMATION.replace("-", ""),
                "formationSlots": [*range(1, 12), *[0] * len(bench)],
                "playerIds": [p.player_id for p in (*starters, *bench)],
                "jerseyNumbers": [p.shirt for p in (*starters, *bench)],
                "captainPlayerId": starters[0].player_id,
                "startMinuteExpanded": 0,
                "endMinuteExpanded": FULL_TIME,
            }
        ],
        "stats": {"shotsTotal": shots_by_minute, "shotsOnTarget": on_target_by_minute},
    }


def _events(match: SyntheticMatch) -> list[dict[str, Any]]:
    """Return the events in match order, each team numbering its own (``eventId``)."""
    moments: list[tuple[int, int, int, Side, dict[str, Any]]] = []
    periods = PERIODS + (EXTRA_PERIODS if match.extra_time else ())
    periods += ((SHOOTOUT_PERIOD, EXTRA_TIME, EXTRA_TIME),) if match.penalties() else ()
    for period, start, end in periods:
        for side in Side:
            moments.append((period, start, 0, side, _kind(START)))
            moments.append((period, end, 59, side, _kind(END)))
    # build-up play: a few passes a minute for each team, so a match has about as many events as a real one
    rng = random.Random(match.whoscored_id)
    for minute in range(EXTRA_TIME if match.extra_time else FULL_TIME):
        for side in Side:
            passer = rng.choice([p for p in match.squad(side).players if p.on_pitch(minute)])
            for second in sorted(rng.sample(range(60), PASSES_A_MINUTE)):
                x, y = round(rng.uniform(5, 95), 1), round(rng.uniform(2, 98), 1)
                pass_event = _kind(PASS, playerId=passer.player_id, x=x, y=y, endX=min(100.0, x + 8), endY=y)
                moments.append((period_of(minute), minute, second, side, pass_event))
    for shot in match.shots:
        for offset in () if shot.shootout else (3, 2, 1):
            moments.append((shot.period, shot.minute, max(0, shot.second - offset), shot.side, _pass(shot)))
        moments.append((shot.period, shot.minute, shot.second, shot.side, _shot(shot)))
    for card in match.cards:
        extra = {"playerId": card.player_id, "cardType": {"value": 0, "displayName": CARD_NAMES[card.kind]}}
        qualifiers = [_qualifier(CARD_NAMES[card.kind])]
        moments.append((period_of(card.minute), card.minute, 30, card.side, _kind(CARD, qualifiers, **extra)))
    for side in Side:
        for player in match.squad(side).players:
            if player.minute_off is not None:
                off = _kind(SUB_OFF, playerId=player.player_id)
                moments.append((period_of(player.minute_off), player.minute_off, 0, side, off))
            if player.minute_on is not None:
                on = _kind(SUB_ON, playerId=player.player_id)
                moments.append((period_of(player.minute_on), player.minute_on, 1, side, on))
    moments.sort(key=lambda m: (m[0], m[1], m[2], m[4]["type"]["value"] == END))
    counters = {side: 0 for side in Side}
    events = []
    for n, (period, minute, second, side, event) in enumerate(moments):
        counters[side] += 1
        team_id = match.squad(side).whoscored_id
        events.append(
            {
                "id": float(match.whoscored_id * 10_000 + n),
                "eventId": counters[side],
                "minute": minute,
                "second": second,
                "expandedMinute": minute,
                "teamId": team_id,
                "period": {"value": period, "displayName": PERIOD_NAMES[period]},
                "outcomeType": {"value": 1, "displayName": "Successful"},
                "isTouch": event["type"]["value"] in (PASS, SAVED, GOAL, MISS, POST),
                "satisfiedEventsTypes": [],
                **event,
            }
        )
    return events


def _kind(type_id: int, qualifiers: list[dict[str, Any]] | None = None, **fields: Any) -> dict[str, Any]:
    return {"type": {"value": type_id, "displayName": TYPE_NAMES[type_id]}, "qualifiers": qualifiers or [], **fields}


def _qualifier(name: str, value: str | None = None) -> dict[str, Any]:
    return {"type": {"value": 0, "displayName": name}, **({"value": value} if value is not None else {})}


def _pass(shot: ShotSpec) -> dict[str, Any]:
    return _kind(PASS, playerId=shot.player_id, x=round(shot.x - 10, 1), y=shot.y, endX=shot.x, endY=shot.y)


def _shot(shot: ShotSpec) -> dict[str, Any]:
    situation = "Penalty" if shot.penalty else "RegularPlay"
    qualifiers = [_qualifier(shot.body_part), _qualifier(situation)]
    qualifiers += [_qualifier("Blocked")] if shot.outcome == "blocked" else []
    return _kind(
        SHOT_TYPES[shot.outcome],
        qualifiers,
        playerId=shot.player_id,
        x=shot.x,
        y=shot.y,
        isShot=True,
        **({"isGoal": True} if shot.outcome == "goal" else {}),
    )
