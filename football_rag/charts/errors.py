"""The one error a chart raises: the request cannot be drawn, with a message fit to show a user."""

from __future__ import annotations


class ChartError(Exception):
    """A chart was asked of a kind, match, team or side the tables cannot draw (the message says which)."""
