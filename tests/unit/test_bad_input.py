"""Bad raw files: each gets a ParseError naming the file and the field or reason, never a crash."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from football_rag.data.errors import ParseError
from football_rag.data.parse_report import summarize_file
from football_rag.data.parsers import parse_file


def _centre(real_dir: Path) -> dict:
    return json.loads((real_dir / "whoscored" / "1903228.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def _error(path: Path) -> ParseError:
    with pytest.raises(ParseError) as info:
        parse_file(path)
    assert str(path) in str(info.value)
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in _error(_write(tmp_path, "empty.json", "")).reason


def test_truncated_json(real_dir: Path, tmp_path: Path) -> None:
    text = (real_dir / "whoscored" / "1903228.json").read_text(encoding="utf-8")
    assert "not valid JSON" in _error(_write(tmp_path, "cut.json", text[: len(text) // 2])).reason


def test_truncated_gzip(real_dir: Path, tmp_path: Path) -> None:
    data = gzip.compress((real_dir / "whoscored" / "1903228.json").read_bytes())
    assert "gzip" in _error(_write(tmp_path, "cut.json.gz", data[: len(data) // 3])).reason


def test_gz_name_on_plain_bytes(tmp_path: Path) -> None:
    assert _error(_write(tmp_path, "plain.json.gz", '{"a": 1}')).reason == "named .gz but is not gzip"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Access Denied</title></head><body>You don't have permission</body></html>",
        "<html><body>Request unsuccessful. Incapsula incident ID: 123</body></html>",
        "<!DOCTYPE html><html><title>Attention Required! | Cloudflare</title></html>",
    ],
)
def test_block_pages(tmp_path: Path, page: str) -> None:
    assert "block page" in _error(_write(tmp_path, "1903228.html", page)).reason


def test_events_of_wrong_type(real_dir: Path, tmp_path: Path) -> None:
    centre = _centre(real_dir)
    centre["events"] = "oops"
    err = _error(_write(tmp_path, "bad.json", json.dumps(centre)))
    assert (err.field, err.reason) == ("events", "expected list, got str")


def test_missing_home(real_dir: Path, tmp_path: Path) -> None:
    centre = _centre(real_dir)
    del centre["home"]
    err = _error(_write(tmp_path, "nohome.json", json.dumps(centre)))
    assert err.field == "home" and err.reason.startswith("missing (expected the matchCentreData object itself")


def test_event_with_a_bad_coordinate_is_dropped_and_counted(real_dir: Path, tmp_path: Path) -> None:
    centre = _centre(real_dir)
    centre["events"][12]["x"] = "far left"
    parsed = parse_file(_write(tmp_path, "badx.json", json.dumps(centre)))
    assert len(parsed.events) == len(centre["events"]) - 1
    [warning] = parsed.warnings
    assert (warning.field, warning.count) == ("events[].x", 1)
    assert warning.reason == "Input should be a valid number, unable to parse string as a number"


def test_event_of_an_unknown_team_is_dropped_and_counted(real_dir: Path, tmp_path: Path) -> None:
    centre = _centre(real_dir)
    centre["events"][3]["teamId"] = 999999
    parsed = parse_file(_write(tmp_path, "team.json", json.dumps(centre)))
    assert len(parsed.events) == len(centre["events"]) - 1
    assert [(w.field, w.reason) for w in parsed.warnings] == [
        ("events[].teamId", "missing or neither the home nor the away team")
    ]


def test_unknown_format(tmp_path: Path) -> None:
    assert "unknown format" in _error(_write(tmp_path, "notes.txt", "hello, world")).reason
    assert "neither" in _error(_write(tmp_path, "other.json", '{"some": "json"}')).reason


def test_summary_of_a_bad_file_is_not_ok(tmp_path: Path) -> None:
    summary = summarize_file(_write(tmp_path, "empty.json", ""))
    assert not summary.ok and "empty" in summary.error and summary.match_id is None


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot read" in _error(tmp_path / "absent.json").reason
