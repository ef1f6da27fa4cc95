"""The raw store writes once, atomically, and indexes what it holds (synthetic pages: no ../shared needed)."""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
from pathlib import Path

from football_rag.data.contracts import Source
from football_rag.data.parsers import parse_file
from football_rag.data.raw_store import INDEX_NAME, RawStore
from football_rag.data.synthetic import synthetic_match, whoscored_document


def test_put_stores_gzip_once_and_indexes_it(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "raw")
    text = json.dumps(whoscored_document(synthetic_match(0)))  # Riverside 3-0 Highcliff Albion, id 9000000
    entry = store.put(Source.WHOSCORED, "9000000", text, url="http://127.0.0.1/Matches/9000000/Live")
    path = store.path_for(Source.WHOSCORED, "9000000")
    assert entry is not None and path == tmp_path / "raw" / "whoscored" / "9000000.json.gz"
    assert gzip.decompress(path.read_bytes()).decode() == text
    assert entry.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    before = path.read_bytes()
    assert store.put(Source.WHOSCORED, "9000000", "something else") is None
    assert path.read_bytes() == before
    [indexed] = store.entries()
    assert (indexed.match_id, indexed.url) == ("9000000", "http://127.0.0.1/Matches/9000000/Live")
    assert str(parse_file(path).match.score.fulltime) == "3-0"
    assert not list(path.parent.glob(".*.tmp"))


def _put(root: str, match_id: str) -> None:
    RawStore(Path(root)).put(Source.FOTMOB, match_id, f'{{"x": {match_id}}}')


def test_concurrent_writers_keep_the_index_whole(tmp_path: Path) -> None:
    root = tmp_path / "raw"
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.starmap(_put, [(str(root), str(i)) for i in range(40)] * 2)
    lines = (root / INDEX_NAME).read_text().splitlines()
    assert len(lines) == 40
    assert {e.match_id for e in RawStore(root).entries()} == {str(i) for i in range(40)}
