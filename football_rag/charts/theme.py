"""The look shared by every chart: team colours by side, result colours, the pitch's colours and the layout.

No plotly template: validating one ("plotly_white") costs more than drawing a chart, so ``LAYOUT``
sets the few things a template would, and ``AXIS`` styles the axes of the charts off the pitch.
"""

from __future__ import annotations

SIDE_COLOURS = {"home": "#d62728", "away": "#1f77b4"}
RESULT_COLOURS = {"W": "#2ca02c", "D": "#7f7f7f", "L": "#d62728"}
PITCH_GRASS = "#eef5ec"
PITCH_LINES = "#8c8c8c"
LAYOUT: dict[str, object] = {
    "template": "none",
    "font": {"family": "Inter, Helvetica, Arial, sans-serif", "size": 12, "color": "#2a3f5f"},
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "hovermode": "closest",
    "margin": {"l": 20, "r": 20, "t": 70, "b": 20},
}
AXIS: dict[str, object] = {
    "gridcolor": "#ebebeb",
    "zerolinecolor": "#c8c8c8",
    "linecolor": "#c8c8c8",
    "automargin": True,
}
