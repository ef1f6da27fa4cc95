"""Plotly charts of matches and seasons, drawn from the analytics tables on one pitch object.

``render_chart(kind, tables, match_id=None, team=None, side=None)`` returns the figure of any of
``CHART_KINDS`` or raises ``ChartError``; each kind is also a function of its own module
(``shot_map.shot_map``...). ``pitch.Pitch`` draws the markings and converts coordinates.
"""

from football_rag.charts.errors import ChartError
from football_rag.charts.registry import CHART_KINDS, render_chart

__all__ = ["CHART_KINDS", "ChartError", "render_chart"]
