"""Fuzzing: no input makes the parsers raise anything but ParseError."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from football_rag.data.errors import ParseError
from football_rag.data.parsers import parse_file
from tests.conftest import SHARED_DATA, require

REAL = SHARED_DATA / "real"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def _parse_bytes(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with contextlib.suppress(ParseError):
            parse_file(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300), name=st.sampled_from(["a.json", "a.json.gz", "a.html", "a.csv"]))
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    _parse_bytes(data, name)


@settings(max_examples=150, deadline=None)
@given(
    key=st.sampled_from(["home", "away", "events", "score", "ftScore", "startTime", "playerIdNameDictionary"]),
    value=json_values,
)
def test_whoscored_sections_replaced_by_anything(key: str, value: object) -> None:
    centre = _small_centre()
    centre[key] = value
    _parse_bytes(json.dumps(centre).encode(), "m.json")


@settings(max_examples=150, deadline=None)
@given(
    index=st.integers(0, 19),
    field=st.sampled_from(["type", "period", "qualifiers", "x", "eventId", "minute", "teamId", "outcomeType"]),
    value=json_values,
)
def test_whoscored_event_fields_replaced_by_anything(index: int, field: str, value: object) -> None:
    centre = _small_centre()
    centre["events"][index][field] = value
    _parse_bytes(json.dumps(centre).encode(), "m.json")


@settings(max_examples=100, deadline=None)
@given(section=st.sampled_from(["general", "header", "content"]), value=json_values)
def test_fotmob_sections_replaced_by_anything(section: str, value: object) -> None:
    details = json.loads(require(REAL / "fotmob" / "4535454.json").read_text(encoding="utf-8"))
    details[section] = value
    _parse_bytes(json.dumps(details).encode(), "f.json")


_CACHE: dict[str, str] = {}


def _small_centre() -> dict:
    """A real match cut to its first 20 events (fast to fuzz, still a real shape)."""
    if "centre" not in _CACHE:
        centre = json.loads(require(REAL / "whoscored" / "1903228.json").read_text(encoding="utf-8"))
        centre["events"] = centre["events"][:20]
        _CACHE["centre"] = json.dumps(centre)
    return json.loads(_CACHE["centre"])
