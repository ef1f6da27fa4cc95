"""The pitch every chart draws on: a plotly figure with the markings of a 105 x 68 m pitch, horizontal.

A ``Pitch`` knows the coordinate system of the data put on it (``data``: Opta 0-100 for events,
metres for shots) and converts it to metres once, in ``place``, through ``coordinates.to_metres``;
a chart never converts on its own. The team placed attacking "right" plays towards x = 105; one
attacking "left" is turned half a circle (its right touchline on top), the way a broadcast shows the
away team. ``half`` draws only the attacking half (x >= 52.5), for charts of one team's shots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import plotly.graph_objects as go

from football_rag.charts.theme import LAYOUT, PITCH_GRASS, PITCH_LINES
from football_rag.data.coordinates import STANDARD_PITCH, CoordinateSystem, to_metres

Direction = Literal["right", "left"]
Layer = Literal["below", "above"]
Shape = dict[str, object]

LENGTH = STANDARD_PITCH.length
WIDTH = STANDARD_PITCH.width
HALFWAY = LENGTH / 2
# The laws of the game (law 1), in metres.
BOX_DEPTH = 16.5
BOX_WIDTH = 40.32
SIX_YARD_DEPTH = 5.5
SIX_YARD_WIDTH = 18.32
PENALTY_SPOT = 11.0
CIRCLE_RADIUS = 9.15
GOAL_WIDTH = 7.32
GOAL_DEPTH = 2.0
SPOT_RADIUS = 0.3
MARGIN = 3.0
PANEL_SPACING = 0.03
ARC_POINTS = 64


@dataclass(frozen=True)
class Pitch:
    """A horizontal pitch in metres for data in the ``data`` coordinate system; ``half``: the attacking half only."""

    data: CoordinateSystem = CoordinateSystem.METRES
    half: bool = False

    def place(
        self, x: npt.ArrayLike, y: npt.ArrayLike, attacking: Direction = "right"
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return the points ``(x, y)`` of the data, given from the acting team's view, in metres on this pitch."""
        metres_x, metres_y = to_metres(np.asarray(x, dtype=float), np.asarray(y, dtype=float), self.data)
        if attacking == "left":
            return LENGTH - metres_x, WIDTH - metres_y
        return metres_x, metres_y

    def figure(
        self, title: str, panels: Sequence[str] = ("",), traces: Sequence[go.BaseTraceType] = (), layer: Layer = "below"
    ) -> go.Figure:
        """Return a figure of one pitch per panel (side by side, titled ``panels``) with ``traces``, equal aspect,
        axes hidden. A trace goes on panel ``i`` with ``**pitch.axes(i)``; ``layer`` "above" draws the markings
        over the data (for a heatmap that would hide them).

        The layout is built whole, without a template: plotly validates templates, subplots and shapes
        slowly (make_subplots and "plotly_white" made a pitch take ten times longer).
        """
        layout: dict[str, object] = {**LAYOUT, "title": {"text": title}, "showlegend": True}
        layout["shapes"] = [shape for panel in range(1, len(panels) + 1) for shape in self.markings(panel, layer)]
        layout["annotations"] = []
        x_range = [HALFWAY - MARGIN if self.half else -MARGIN, LENGTH + MARGIN]
        for panel, name in enumerate(panels, start=1):
            left, right = _domain(panel, len(panels))
            layout[f"xaxis{_suffix(panel)}"] = {"domain": [left, right], "range": x_range, "anchor": _axis("y", panel)}
            layout[f"xaxis{_suffix(panel)}"] |= {"visible": False, "constrain": "domain"}
            layout[f"yaxis{_suffix(panel)}"] = {"range": [-MARGIN, WIDTH + MARGIN], "anchor": _axis("x", panel)}
            layout[f"yaxis{_suffix(panel)}"] |= {"visible": False, "scaleanchor": _axis("x", panel), "scaleratio": 1}
            if name:
                layout["annotations"].append(_panel_title(name, (left + right) / 2))
        return go.Figure(data=list(traces), layout=layout)

    @staticmethod
    def axes(panel: int) -> dict[str, str]:
        """Return the trace properties that put a trace on ``panel`` (1 is the first pitch)."""
        return {"xaxis": _axis("x", panel), "yaxis": _axis("y", panel)}

    def markings(self, panel: int = 1, layer: Layer = "below") -> list[Shape]:
        """Return the pitch as three plotly shapes on the axes of ``panel`` (1 is the first pitch): the grass,
        every line as one path, and the spots as one filled path (one shape each: plotly validates shapes slowly).
        """
        refs = {"xref": _axis("x", panel), "yref": _axis("y", panel)}
        x_from = HALFWAY if self.half else 0.0
        line = {"color": PITCH_LINES, "width": 1.5}
        # The grass always lies under the data; the lines go over it, or over the data too.
        grass = {"type": "rect", "x0": x_from, "x1": LENGTH, "y0": 0, "y1": WIDTH, "layer": "below"}
        lines = {"type": "path", "path": _svg_path(self.lines()), "line": line, "layer": layer}
        spots = {"type": "path", "path": _svg_path(self.spots(), closed=True), "line": line, "layer": layer}
        return [
            {**refs, **grass, "fillcolor": PITCH_GRASS, "line": {"width": 0}},
            {**refs, **lines},
            {**refs, **spots, "fillcolor": PITCH_LINES},
        ]

    def lines(self) -> list[np.ndarray]:
        """Return the markings in metres, each line an (n, 2) array of points: touchlines and goal lines, the
        halfway line, the centre circle, and at each end the penalty area, six-yard box, penalty arc and goal.
        """
        x_from = HALFWAY if self.half else 0.0
        drawn = [_rect(x_from, LENGTH, 0, WIDTH), np.array([[HALFWAY, 0.0], [HALFWAY, WIDTH]])]
        if self.half:
            drawn.append(_arc(HALFWAY, WIDTH / 2, CIRCLE_RADIUS, -np.pi / 2, np.pi / 2))
        else:
            drawn += [_arc(HALFWAY, WIDTH / 2, CIRCLE_RADIUS, 0, 2 * np.pi), *_goal_end(0.0, 1)]
        return drawn + _goal_end(LENGTH, -1)

    def spots(self) -> list[np.ndarray]:
        """Return the penalty spots (and the centre spot on a full pitch) as small closed polygons."""
        middle = WIDTH / 2
        spots = [(LENGTH - PENALTY_SPOT, middle)]
        if not self.half:
            spots += [(PENALTY_SPOT, middle), (HALFWAY, middle)]
        return [_arc(x, y, SPOT_RADIUS, 0, 2 * np.pi) for x, y in spots]


def _axis(letter: str, panel: int) -> str:
    """Return plotly's name of ``panel``'s axis: "x", "x2", "x3"..."""
    return f"{letter}{_suffix(panel)}"


def _suffix(panel: int) -> str:
    return "" if panel == 1 else str(panel)


def _domain(panel: int, count: int) -> tuple[float, float]:
    """Return the share of the figure's width, from left to right, of ``panel`` among ``count`` side by side."""
    width = (1 - PANEL_SPACING * (count - 1)) / count
    left = (panel - 1) * (width + PANEL_SPACING)
    return left, left + width


def _panel_title(name: str, centre: float) -> dict[str, object]:
    """Return the title over a panel, centred at ``centre`` of the figure's width."""
    return {
        "text": name,
        "x": centre,
        "y": 1.0,
        "xref": "paper",
        "yref": "paper",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 14},
    }


def _goal_end(goal_x: float, inward: int) -> list[np.ndarray]:
    """Return the penalty area, six-yard box, arc and goal at the goal line ``goal_x`` (``inward``: +1 or -1)."""
    middle = WIDTH / 2
    spot_x = goal_x + inward * PENALTY_SPOT
    # The arc is the part of the spot's 9.15 m circle outside the penalty area.
    reach = np.arccos((BOX_DEPTH - PENALTY_SPOT) / CIRCLE_RADIUS)
    facing = 0.0 if inward > 0 else np.pi
    return [
        _rect(goal_x, goal_x + inward * BOX_DEPTH, middle - BOX_WIDTH / 2, middle + BOX_WIDTH / 2),
        _rect(goal_x, goal_x + inward * SIX_YARD_DEPTH, middle - SIX_YARD_WIDTH / 2, middle + SIX_YARD_WIDTH / 2),
        _arc(spot_x, middle, CIRCLE_RADIUS, facing - reach, facing + reach),
        _rect(goal_x, goal_x - inward * GOAL_DEPTH, middle - GOAL_WIDTH / 2, middle + GOAL_WIDTH / 2),
    ]


def _rect(x0: float, x1: float, y0: float, y1: float) -> np.ndarray:
    """Return the closed outline of the rectangle from ``(x0, y0)`` to ``(x1, y1)``."""
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]])


def _arc(x: float, y: float, radius: float, start: float, end: float) -> np.ndarray:
    """Return points along the arc of centre ``(x, y)`` from angle ``start`` to ``end`` (radians)."""
    angles = np.linspace(start, end, ARC_POINTS)
    return np.column_stack([x + radius * np.cos(angles), y + radius * np.sin(angles)])


def _svg_path(polylines: list[np.ndarray], closed: bool = False) -> str:
    """Return one SVG path drawing every polyline (plotly paths have no arc command: arcs are polylines)."""
    end = " Z" if closed else ""
    return " ".join("M" + " L".join(f"{x:.2f},{y:.2f}" for x, y in points) + end for points in polylines)
