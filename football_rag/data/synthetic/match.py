"""A synthetic match: what happened in it, decided up front, so every figure a parser reads is known.

``synthetic_match(seed)`` draws a plausible match (two squads of 18, substitutions, shots with
outcomes, goals, cards) from a seed; the provider writers in this package render it in WhoScored's and
FotMob's shapes. Nothing here is real data: the public CI, which has no ``../shared/data``, parses
these files and checks the parsed figures against the ``SyntheticMatch`` they came from.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
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
        return start is not None and start <= minute < (self.minute_off or FULL_TIME + 1)


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

    @property
    def period(self) -> int:
        return 1 if self.minute < HALF else 2

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

    def squad(self, side: Side) -> Squad:
        return self.home if side is Side.HOME else self.away

    def goals(self, side: Side, before_minute: int = FULL_TIME + 1) -> int:
        """Return the goals ``side`` scored before ``before_minute`` (no own goals are drawn)."""
        return sum(1 for s in self.shots if s.side is side and s.outcome == "goal" and s.minute < before_minute)

    def score(self, before_minute: int = FULL_TIME + 1) -> tuple[int, int]:
        return self.goals(Side.HOME, before_minute), self.goals(Side.AWAY, before_minute)

    def player(self, player_id: int) -> Player:
        return next(p for side in Side for p in self.squad(side).players if p.player_id == player_id)


def synthetic_match(seed: int, kickoff: datetime | None = None) -> SyntheticMatch:
    """Return the match drawn from ``seed`` (the same seed, the same match)."""
    rng = random.Random(seed)
    home_name, away_name = rng.sample(CLUBS, 2)
    start = kickoff or datetime(2025, 8, 16, 15) + timedelta(days=7 * (seed % 38))
    home = _squad(rng, Side.HOME, home_name, seed)
    away = _squad(rng, Side.AWAY, away_name, seed)
    shots = tuple(sorted((s for squad in (home, away) for s in _shots(rng, squad)), key=lambda s: (s.minute, s.second)))
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
        shots=shots,
        cards=_cards(rng, (home, away), shots),
    )


def _squad(rng: random.Random, side: Side, name: str, seed: int) -> Squad:
    """Eighteen players; up to three substitutes come on for outfield starters after the hour."""
    base = (seed * 2 + (side is Side.AWAY)) * 100 + 10_000
    names = rng.sample([f"{f} {surname}" for f in FIRST for surname in LAST], 18)
    starters = [Player(base + i, names[i], i + 1, pos, True) for i, pos in enumerate(POSITIONS)]
    bench = [Player(base + 11 + i, names[11 + i], 12 + i, pos, False) for i, pos in enumerate(BENCH_POSITIONS)]
    for n, off_index in enumerate(rng.sample(range(1, 11), rng.randint(0, 3))):
        minute = rng.randint(60, 85)
        starters[off_index] = _replace(starters[off_index], minute_off=minute)
        bench[n + 1] = _replace(bench[n + 1], minute_on=minute)
    return Squad(
        side=side,
        name=name,
        whoscored_id=base,
        fotmob_id=base + 50,
        manager=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        players=tuple(starters + bench),
    )


def _replace(player: Player, **changes: int) -> Player:
    return Player(**{**player.__dict__, **changes})


def _shots(rng: random.Random, squad: Squad) -> list[ShotSpec]:
    shots = []
    outcomes, weights = zip(*OUTCOMES, strict=True)
    for _ in range(rng.randint(4, 18)):
        minute = rng.randint(1, FULL_TIME - 1)
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
