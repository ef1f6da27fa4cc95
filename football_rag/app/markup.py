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
# A web address is left as written: the renderer links it as it stands, and a backslash inside it would show.
# Its characters are none that can open markup within a word.
_URL = re.compile(r"(https?://[A-Za-z0-9.:/_%-]+)")


def text(value: object) -> str:
    """Return ``value`` as display text: missing values (None, NaN, NA) become an empty string."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def html(value: object) -> str:
    """Return ``value`` escaped for HTML (quotes too, so it is safe inside attributes)."""
    return _html.escape(text(value), quote=True)


def md(value: object) -> str:
    """Return ``value`` escaped for Markdown: every Markdown punctuation mark outside web addresses backslashed,
    then ``<>&`` as entities."""
    parts = _URL.split(text(value))  # odd items are the addresses
    escaped = (part if i % 2 else _MD_SPECIAL.sub(r"\\\1", part) for i, part in enumerate(parts))
    return _html.escape("".join(escaped), quote=False)


def score(home_goals: object, away_goals: object) -> str:
    """Return the score as ``4-1``, with ``?`` for a side whose goals are not recorded."""
    return "-".join(str(int(g)) if text(g) != "" else "?" for g in (home_goals, away_goals))
