"""Pitch coordinate systems and the one conversion between them.

WhoScored (Opta) uses 0-100 on both axes, the team in possession attacking towards x = 100,
y = 0 on its right touchline. FotMob shot maps use metres on a 105 x 68 pitch. Everything
downstream that needs metres (shot distance, xG, charts) converts through ``to_metres`` once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CoordinateSystem(StrEnum):
    OPTA = "opta"
    METRES = "metres"


@dataclass(frozen=True)
class PitchDimensions:
    length: float
    width: float


STANDARD_PITCH = PitchDimensions(length=105.0, width=68.0)
OPTA_PITCH = PitchDimensions(length=100.0, width=100.0)


def to_metres(x: float, y: float, system: CoordinateSystem) -> tuple[float, float]:
    """Return ``(x, y)`` in metres on the standard 105 x 68 pitch."""
    if system is CoordinateSystem.METRES:
        return x, y
    return (
        x * STANDARD_PITCH.length / OPTA_PITCH.length,
        y * STANDARD_PITCH.width / OPTA_PITCH.width,
    )
