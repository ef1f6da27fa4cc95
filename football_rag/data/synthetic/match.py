"""A synthetic match: what happened in it, decided up front, so every figure a parser reads is known.

``synthetic_match(seed)`` draws a plausible match (two squads of 18, substitutions, shots with
outcomes, goals, cards) from a seed; the provider writers in this package render it in WhoScored's and
FotMob's shapes. Nothing here is real data: the public CI, which has no ``../shared/data``, parses
these files and checks the parsed figures against the ``SyntheticMatch`` they came from.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from football_rag.data.contracts import Side
from football_rag.data.parsers.season import season_of

POSITIONS = ("GK", "DF", "DF", "DF", "DF", "MF", "MF", "MF", "FW", "FW", "FW")
BENCH_POSITIONS = ("GK", "DF", "DF", "MF", "MF", "FW", "FW")
FORMATION = "4-3-3"
# Shot outcomes with how often they happen (about Premier League rates).
OUTCOMES = (("goal", 10), ("saved", 30), ("miss", 35), ("blocked", 20), ("post", 5))
BODY_PARTS = ("RightFoot", "LeftFoot", "Head")
CLUBS = (
    "Northbridge",
    "Eastfield Rovers",
    "Westport Athletic",
    "Southgate United",
    "Kingsmere",
    "Harbour Town",
    "Riverside",
    "Highcliff Albion",
)
FIRST = ("Alex", "Ben", "Carl", "Dan", "Eli", "Finn", "Gus", "Hal", "Ian", "Joe", "Kai", "Leo", "Max", "Ned")
LAST = ("Adams", "Brook", "Cole", "Dale", "Ewing", "Frost", "Grant", "Hale", "Irons", "Jones", "Kerr", "Lamb")
HALF = 45
FULL_TIME = 90
EXTRA_HALF = 105
EXTRA_TIME = 120
SHOOTOUT_PERIOD = 5
SHOOTOUT_ROUNDS = 5


def period_of(minute: int) -> int:
    """Return the period a minute of play falls in (1, 2, then 3 and 4 in extra time)."""
    return 1 if minute < HALF else 2 if minute < FULL_TIME else 3 if minute < EXTRA_HALF else 4


@dataclass(frozen=True)
class Player:
    player_id: int
    name: str
    shirt: int
    position: str
    starter: bool
    minute_on: int | None = None
    minute_off: int | None = None

    def on_pitch(self, minute: int) -> bool:
        """Return whether the player was on the pitch at ``minute``."""
        start = 0 if self.starter else self.minute_on
        return start is not None and start <= minute < (self.minute_off or EXTRA_TIME + 1)


@dataclass(frozen=True)
class Squad:
    side: Side
    name: str
    whoscored_id: int
    fotmob_id: int
    manager: str
    players: tuple[Player, ...]

    @property
    def starters(self) -> tuple[Player, ...]:
        return tuple(p for p in self.players if p.starter)


@dataclass(frozen=True)
class ShotSpec:
    """A shot in Opta coordinates (0-100, the shooting team attacking x = 100)."""

    minute: int
    second: int
    side: Side
    player_id: int
    outcome: str
    body_part: str
    penalty: bool
    x: float
    y: float
    xg: float
    shootout: bool = False  # a kick of the penalty shoot-out (period 5), not a shot of the match

    @property
    def period(self) -> int:
        return SHOOTOUT_PERIOD if self.shootout else period_of(self.minute)

    @property
    def on_target(self) -> bool:
        return self.outcome in ("goal", "saved")


@dataclass(frozen=True)
class CardSpec:
    minute: int
    side: Side
    player_id: int
    kind: str  # "yellow" or "red"


@dataclass(frozen=True)
class SyntheticMatch:
    whoscored_id: int
    fotmob_id: int
    kickoff: datetime
    competition: str
    season: str
    venue: str
    referee: str
    home: Squad
    away: Squad
    shots: tuple[ShotSpec, ...]
    cards: tuple[CardSpec, ...]
    extra_time: bool = False

    def squad(self, side: Side) -> Squad:
        return self.home if side is Side.HOME else self.away

    def goals(self, side: Side, before_minute: int = EXTRA_TIME + 1) -> int:
        """Return the goals ``side`` scored in play before ``before_minute`` (no own goals are drawn)."""
        return sum(
            1
            for s in self.shots
            if s.side is side and s.outcome == "goal" and s.minute < before_minute and not s.shootout
        )

    def score(self, before_minute: int = EXTRA_TIME + 1) -> tuple[int, int]:
        """Return (home, away) goals before ``before_minute``: the final score on the pitch by default."""
        return self.goals(Side.HOME, before_minute), self.goals(Side.AWAY, before_minute)

    def penalties(self) -> tuple[int, int] | None:
        """Return the shoot-out's (home, away) kicks scored, ``None`` when there was none."""
        kicks = [s for s in self.shots if s.shootout]
        if not kicks:
            return None
        scored = [s.side for s in kicks if s.outcome == "goal"]
        return scored.count(Side.HOME), scored.count(Side.AWAY)

    def player(self, player_id: int) -> Player:
        return next(p for side in Side for p in self.squad(side).players if p.player_id == player_id)


def synthetic_match(seed: int, kickoff: datetime | None = None, knockout: bool = False) -> SyntheticMatch:
    """Return the match drawn from ``seed`` (the same seed, the same match).

    A ``knockout`` match is level after 90 minutes, goes to extra time, and to a shoot-out when still level.
    """
    rng = random.Random(seed)
    home_name, away_name = rng.sample(CLUBS, 2)
    start = kickoff or datetime(2025, 8, 16, 15) + timedelta(days=7 * (seed % 38))
    home = _squad(rng, Side.HOME, home_name, seed)
    away = _squad(rng, Side.AWAY, away_name, seed)
    shots = [s for squad in (home, away) for s in _shots(rng, squad, 1, FULL_TIME - 1, rng.randint(4, 18))]
    if knockout:
        shots = _level(shots) + [s for squad in (home, away) for s in _shots(rng, squad, FULL_TIME, EXTRA_TIME - 1, 3)]
        if _goals_by_side(shots)[Side.HOME] == _goals_by_side(shots)[Side.AWAY]:
            shots += _shootout(rng, home, away)
    shots.sort(key=lambda s: (s.shootout, s.minute, s.second))
    return SyntheticMatch(
        whoscored_id=9_000_000 + seed,
        fotmob_id=8_000_000 + seed,
        kickoff=start,
        competition="Synthetic League",
        season=season_of(start.date()),
        venue=f"{home_name} Park",
        referee=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        home=home,
        away=away,
        shots=tuple(shots),
        cards=_cards(rng, (home, away), tuple(shots)),
        extra_time=knockout,
    )


def _squad(rng: random.Random, side: Side, name: str, seed: int) -> Squad:
    """Eighteen players; up to three substitutes come on for outfield starters after the hour."""
    base = (seed * 2 + (side is Side.AWAY)) * 100 + 10_000
    names = rng.sample([f"{f} {surname}" for f in FIRST for surname in LAST], 18)
    starters = [Player(base + i, names[i], i + 1, pos, True) for i, pos in enumerate(POSITIONS)]
    bench = [Player(base + 11 + i, names[11 + i], 12 + i, pos, False) for i, pos in enumerate(BENCH_POSITIONS)]
    for n, off_index in enumerate(rng.sample(range(1, 11), rng.randint(0, 3))):
        minute = rng.randint(60, 85)
        starters[off_index] = replace(starters[off_index], minute_off=minute)
        bench[n + 1] = replace(bench[n + 1], minute_on=minute)
    return Squad(
        side=side,
        name=name,
        whoscored_id=base,
        fotmob_id=base + 50,
        manager=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        players=tuple(starters + bench),
    )


def _shots(rng: random.Random, squad: Squad, first: int, last: int, count: int) -> list[ShotSpec]:
    """Return ``count`` shots of ``squad`` between minutes ``first`` and ``last``."""
    shots = []
    outcomes, weights = zip(*OUTCOMES, strict=True)
    for _ in range(count):
        minute = rng.randint(first, last)
        shooter = rng.choice([p for p in squad.players if p.position != "GK" and p.on_pitch(minute)])
        penalty = rng.random() < 0.03
        x, y = (88.5, 50.0) if penalty else (round(rng.uniform(70, 97), 1), round(rng.uniform(25, 75), 1))
        shots.append(
            ShotSpec(
                minute=minute,
                second=rng.randint(0, 59),
                side=squad.side,
                player_id=shooter.player_id,
                outcome=rng.choices(outcomes, weights)[0],
                body_part="RightFoot" if penalty else rng.choice(BODY_PARTS),
                penalty=penalty,
                x=x,
                y=y,
                xg=0.79 if penalty else round(max(0.01, (x - 65) / 100), 3),
            )
        )
    return shots


def _goals_by_side(shots: list[ShotSpec]) -> dict[Side, int]:
    return {side: sum(1 for s in shots if s.side is side and s.outcome == "goal") for side in Side}


def _level(shots: list[ShotSpec]) -> list[ShotSpec]:
    """Return the shots with the leading side's last goals saved instead, so the match is level."""
    goals = _goals_by_side(shots)
    leader = max(Side, key=lambda side: goals[side])
    surplus = goals[leader] - goals[leader.opponent]
    saved = sorted((s for s in shots if s.side is leader and s.outcome == "goal"), key=lambda s: -s.minute)[:surplus]
    return [replace(s, outcome="saved") if s in saved else s for s in shots]


def _shootout(rng: random.Random, home: Squad, away: Squad) -> list[ShotSpec]:
    """Five kicks each (home first), then sudden death, until one side is ahead after a round."""
    kicks: list[ShotSpec] = []
    scored = {Side.HOME: 0, Side.AWAY: 0}
    rounds = 0
    while rounds < SHOOTOUT_ROUNDS or scored[Side.HOME] == scored[Side.AWAY]:
        for squad in (home, away):
            taker = rng.choice([p for p in squad.players if p.on_pitch(EXTRA_TIME - 1) and p.position != "GK"])
            goal = rng.random() < 0.75
            scored[squad.side] += goal
            outcome = "goal" if goal else "saved"
            spot = {"x": 88.5, "y": 50.0, "xg": 0.79, "body_part": "RightFoot", "penalty": True, "shootout": True}
            kicks.append(ShotSpec(EXTRA_TIME, len(kicks), squad.side, taker.player_id, outcome, **spot))
        rounds += 1
    return kicks


def _cards(rng: random.Random, squads: tuple[Squad, Squad], shots: tuple[ShotSpec, ...]) -> tuple[CardSpec, ...]:
    """A few yellow cards; sometimes a red one, to a player who takes no shot after it."""
    cards = []
    for squad in squads:
        for _ in range(rng.randint(0, 3)):
            minute = rng.randint(5, 88)
            booked = [p for p in squad.players if p.on_pitch(minute)]
            cards.append(CardSpec(minute, squad.side, rng.choice(booked).player_id, "yellow"))
        if rng.random() < 0.2:
            minute = rng.randint(70, 88)
            shooters_after = {s.player_id for s in shots if s.minute >= minute}
            booked = [p for p in squad.players if p.on_pitch(minute) and p.player_id not in shooters_after]
            cards.append(CardSpec(minute, squad.side, rng.choice(booked).player_id, "red"))
    return tuple(sorted(cards, key=lambda c: c.minute))
