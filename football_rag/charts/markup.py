"""Text from the data made safe for plotly, which renders a few HTML tags (``<b>``, ``<a href>``, ``<br>``...).

Player and team names come from scraped pages: each goes through ``escape`` before it reaches a title,
a legend, a label or a hover text, so ``<b>Saka</b>`` shows as those characters. Quotes are left alone:
plotly decodes ``&lt;``, ``&gt;`` and ``&amp;`` but would show ``&quot;`` as it is, and without ``<``
no tag can open.
"""

from __future__ import annotations

import html

import pandas as pd

MISSING = "n/a"


def escape(value: object) -> str:
    """Return ``value`` as plotly text with ``&``, ``<`` and ``>`` escaped; a missing value is "n/a"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return MISSING
    return html.escape(str(value), quote=False)


def hover(*lines: str) -> str:
    """Return hover text of ``lines`` (already escaped), one per line."""
    return "<br>".join(lines)
