"""Hand-built events, shots and lineups for the metric tests: contracts constructed directly, as a parser would."""

from __future__ import annotations

from itertools import count

import pandas as pd

from football_rag.analytics.events import events_frame
from football_rag.analytics.shots import shot_frame
from football_rag.data.contracts import Event, LineupEntry, Shot, Side, Source

MATCH_ID = "m1"
TEAM_IDS = {Side.HOME: "10", Side.AWAY: "20"}
_ids = count(1)


def event(
    type_: str,
    side: Side = Side.HOME,
    *,
    x: float = 50.0,
    y: float = 50.0,
    end_x: float | None = None,
    end_y: float | None = None,
    won: bool | None = True,
    qualifiers: tuple[str, ...] = (),
    period: int = 1,
    minute: int = 10,
    player_id: str | None = "p1",
    card: str | None = None,
    match_id: str = MATCH_ID,
    **fields: object,
) -> Event:
    """Return one Opta-style event of ``side`` (qualifiers given by name, as flags)."""
    return Event(
        match_id=match_id,
        event_id=next(_ids),
        type_id=0,
        type=type_,
        outcome=won,
        period=period,
        minute=minute,
        team_id=TEAM_IDS[side],
        side=side,
        player_id=player_id,
        x=x,
        y=y,
        end_x=end_x,
        end_y=end_y,
        qualifiers=dict.fromkeys(qualifiers),
        card=card,
        **fields,
    )


def pass_(
    side: Side = Side.HOME,
    x: float = 50.0,
    end_x: float = 60.0,
    *,
    y: float = 50.0,
    end_y: float = 50.0,
    **kwargs: object,
) -> Event:
    """Return a pass from ``(x, y)`` to ``(end_x, end_y)``, completed unless ``won=False``."""
    return event("Pass", side, x=x, y=y, end_x=end_x, end_y=end_y, **kwargs)


def events(*items: Event) -> pd.DataFrame:
    """Return the events table of ``items``."""
    return events_frame(items)


def shot(
    side: Side = Side.HOME,
    outcome: str = "miss",
    *,
    own_goal: bool = False,
    xg: float | None = None,
    big_chance: bool = False,
    period: int = 1,
    minute: int = 10,
    player_id: str = "p1",
    match_id: str = MATCH_ID,
    **fields: object,
) -> Shot:
    """Return a shot whose on-target, blocked and goal flags follow ``outcome`` (goal, saved, miss, post, blocked)."""
    return Shot(
        match_id=match_id,
        shot_id=str(next(_ids)),
        source=Source.WHOSCORED,
        side=side,
        team_id=TEAM_IDS[side],
        player_id=player_id,
        period=period,
        minute=minute,
        x=94.0,
        y=34.0,
        xg=xg,
        outcome=outcome,
        on_target=outcome in ("goal", "saved") and not own_goal,
        blocked=outcome == "blocked",
        is_goal=outcome == "goal",
        own_goal=own_goal,
        big_chance=big_chance,
        **fields,
    )


def shots(*items: Shot) -> pd.DataFrame:
    """Return the shots of ``items`` as the shots table's core columns."""
    return shot_frame(items)


def player(
    player_id: str, side: Side = Side.HOME, *, starter: bool = True, match_id: str = MATCH_ID, **fields: object
) -> LineupEntry:
    """Return a squad entry (a starter unless ``starter=False``)."""
    return LineupEntry(
        match_id=match_id,
        side=side,
        team_id=TEAM_IDS[side],
        player_id=player_id,
        name=f"Player {player_id}",
        starter=starter,
        **fields,
    )
