"""Reading a raw file into text, whatever its wrapping (plain, gzip), and telling its format."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import orjson

from football_rag.data.errors import ParseError

GZIP_MAGIC = b"\x1f\x8b"
BLOCK_PAGE_MARKERS = ("incapsula", "access denied", "cloudflare", "attention required", "request unsuccessful")


class RawFormat(StrEnum):
    WHOSCORED_JSON = "whoscored_json"
    WHOSCORED_HTML = "whoscored_html"
    FOTMOB_JSON = "fotmob_json"
    FOTMOB_SHOTMAP_CSV = "fotmob_shotmap_csv"


@dataclass(frozen=True)
class RawFile:
    """A raw file's decoded text and the sha256 of its bytes as stored."""

    path: Path
    text: str
    sha256: str

    def json(self) -> Any:
        try:
            return orjson.loads(self.text)
        except orjson.JSONDecodeError as exc:
            raise ParseError(str(self.path), f"not valid JSON ({exc.msg} at line {exc.lineno})") from None


def read_raw(path: Path) -> RawFile:
    """Return the file's text, gunzipped when it is gzip; a ``.gz`` name on plain bytes is an error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(str(path), f"cannot read file: {exc.strerror}") from None
    sha = hashlib.sha256(data).hexdigest()
    if data.startswith(GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ParseError(str(path), f"gzip stream is corrupt or truncated ({exc})") from None
    elif path.suffix == ".gz":
        raise ParseError(str(path), "named .gz but is not gzip")
    if not data.strip():
        raise ParseError(str(path), "file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError(str(path), "not UTF-8 text") from None
    return RawFile(path=path, text=text, sha256=sha)


def detect_format(raw: RawFile) -> RawFormat:
    """Tell the provider format from the content, not the file name."""
    head = raw.text.lstrip()[:2000]
    lowered = head.lower()
    if head.startswith("<"):
        if 'require.config.params["args"]' in raw.text or "matchCentreData" in raw.text:
            return RawFormat.WHOSCORED_HTML
        if any(marker in raw.text.lower() for marker in BLOCK_PAGE_MARKERS):
            raise ParseError(str(raw.path), "a block page (access denied / bot check) with no match data")
        raise ParseError(str(raw.path), "HTML page without WhoScored match data")
    if head.startswith("{"):
        if '"matchCentreData"' in raw.text[:200_000] or '"playerIdNameDictionary"' in head:
            return RawFormat.WHOSCORED_JSON
        # The 2020 matchDetails shape has no "general" block; "matchFacts" is in every vintage.
        if (
            '"header"' in raw.text
            and '"content"' in raw.text
            and ('"general"' in raw.text or '"matchFacts"' in raw.text)
        ):
            return RawFormat.FOTMOB_JSON
        if '"events"' in raw.text and '"home"' in raw.text:
            return RawFormat.WHOSCORED_JSON
        raise ParseError(str(raw.path), "JSON is neither WhoScored matchCentreData nor FotMob matchDetails")
    first_line = lowered.splitlines()[0] if lowered else ""
    if "expectedgoals" in first_line and "matchid" in first_line:
        return RawFormat.FOTMOB_SHOTMAP_CSV
    raise ParseError(str(raw.path), "unknown format (not WhoScored JSON/HTML, FotMob JSON or a FotMob shot-map CSV)")
