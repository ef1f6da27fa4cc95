"""The events table: every on-ball event of every match, one flat row each (pandas).

Coordinates stay in the provider's Opta units (0-100 on both axes, the acting team attacking towards
x = 100); metrics convert to metres where they measure distances. Two JSON text columns keep what
does not fit a flat row: ``qualifiers`` (Opta qualifier name -> value, ``null`` for flags) and
``satisfied_types`` (WhoScored's own classification of the event, as names such as ``"shotsTotal"``).
``satisfied`` and ``qualified`` test them for a whole column at once.
"""

from __future__ import annotations

import operator
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import orjson
import pandas as pd

from football_rag.data.contracts import Event, ParsedMatch
from football_rag.data.parsers.whoscored import satisfied_event_type_names

# Event fields copied as they are, in this order (``Event`` field names).
EVENT_FIELDS = (
    "match_id",
    "event_id",
    "source_event_id",
    "period",
    "period_name",
    "minute",
    "second",
    "expanded_minute",
    "side",
    "team_id",
    "player_id",
    "player_name",
    "type_id",
    "type",
    "outcome",
    "x",
    "y",
    "end_x",
    "end_y",
    "related_event_id",
    "related_player_id",
    "is_touch",
    "is_shot",
    "is_goal",
    "is_own_goal",
    "card",
)
EVENT_COLUMNS = (*EVENT_FIELDS, "qualifiers", "satisfied_types")
NULLABLE_INTEGERS = ("second", "expanded_minute", "related_event_id")


def events_table(parsed: Sequence[ParsedMatch]) -> pd.DataFrame:
    """Return one row per event of every match in ``parsed`` (columns ``EVENT_COLUMNS``, in match order)."""
    return events_frame(e for p in parsed for e in p.events)


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Return one row per event (columns ``EVENT_COLUMNS``)."""
    fields = operator.itemgetter(*EVENT_FIELDS)
    # Reading a model's __dict__ is several times faster than attribute access, over ~1500 events a match.
    rows = [
        (*fields(e.__dict__), orjson.dumps(e.qualifiers).decode(), _satisfied_names(e.satisfied_event_types))
        for e in events
    ]
    frame = pd.DataFrame.from_records(rows, columns=list(EVENT_COLUMNS))
    frame["side"] = frame["side"].astype(str)
    frame["outcome"] = frame["outcome"].astype("boolean")
    for column in NULLABLE_INTEGERS:
        frame[column] = frame[column].astype("Int64")
    for column in ("x", "y", "end_x", "end_y"):
        frame[column] = frame[column].astype(float)
    return frame


@lru_cache(maxsize=1 << 16)
def _satisfied_names(type_ids: tuple[int, ...]) -> str:
    """Return the JSON list of WhoScored's names for ``type_ids`` (a few hundred distinct tuples a season)."""
    names = satisfied_event_type_names()
    return orjson.dumps([names.get(i, str(i)) for i in type_ids]).decode()


def satisfied(events: pd.DataFrame, name: str) -> pd.Series:
    """Return, per event, whether WhoScored classified it as ``name`` (e.g. ``"passAccurate"``)."""
    return _contains(events["satisfied_types"], f'"{name}"')


def qualified(events: pd.DataFrame, name: str) -> pd.Series:
    """Return, per event, whether it carries the Opta qualifier ``name`` (e.g. ``"Cross"``)."""
    return _contains(events["qualifiers"], f'"{name}":')


# Answers kept for the few Arrow columns searched last: array id -> (the array, token -> answer).
_ANSWERS: OrderedDict[int, tuple[object, dict[str, np.ndarray]]] = OrderedDict()
COLUMNS_KEPT = 4


def _contains(column: pd.Series, token: str) -> pd.Series:
    """Return whether each text of ``column`` contains ``token``.

    The metrics ask the same few questions (is it a cross? a throw-in?) of one events table dozens of
    times. An Arrow-backed column is immutable, so each answer is kept with that very array (held here,
    so its id cannot be reused while kept) and a question asked again costs nothing.
    """
    if not hasattr(column.array, "__arrow_array__"):
        return column.str.contains(token, regex=False).fillna(False).astype(bool)
    arrow = column.array.__arrow_array__()
    _, answers = _ANSWERS.setdefault(id(arrow), (arrow, {}))
    _ANSWERS.move_to_end(id(arrow))
    while len(_ANSWERS) > COLUMNS_KEPT:
        _ANSWERS.popitem(last=False)
    if token not in answers:
        answers[token] = column.str.contains(token, regex=False).fillna(False).to_numpy(dtype=bool)
    return pd.Series(answers[token], index=column.index, name=column.name)
