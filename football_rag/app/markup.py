"""Text from the data, made safe to show: names and titles are escaped before they reach Markdown or HTML.

Team and player names come from scraped pages; a name like ``<img onerror=...>`` or ``**Arsenal**``
must show as those characters, never as markup. Every string the app puts into a Markdown or HTML
component goes through ``md`` or ``html`` here.
"""

from __future__ import annotations

import html as _html
import re

import pandas as pd

# Markdown's punctuation that can start or end markup; escaping all of it is harmless in plain text.
# ``<``, ``>`` and ``&`` are left to the HTML escape that follows (a backslash before ``&lt;`` would show it raw).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def text(value: object) -> str:
    """Return ``value`` as display text: missing values (None, NaN, NA) become an empty string."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def html(value: object) -> str:
    """Return ``value`` escaped for HTML (quotes too, so it is safe inside attributes)."""
    return _html.escape(text(value), quote=True)


def md(value: object) -> str:
    """Return ``value`` escaped for Markdown: every Markdown punctuation mark backslashed, then ``<>&`` as entities."""
    return _html.escape(_MD_SPECIAL.sub(r"\\\1", text(value)), quote=False)


def score(home_goals: object, away_goals: object) -> str:
    """Return the score as ``4-1``, with ``?`` for a side whose goals are not recorded."""
    return "-".join(str(int(g)) if text(g) != "" else "?" for g in (home_goals, away_goals))
