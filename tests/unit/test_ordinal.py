"""Places in a ranking as the facts write them."""

from __future__ import annotations

from football_rag.rag.facts import ordinal


def test_ordinal_suffixes() -> None:
    places = [1, 2, 3, 4, 11, 12, 13, 20, 21, 22, 23, 101, 111, 112]
    assert [ordinal(p) for p in places] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "20th", "21st", "22nd", "23rd", "101st", "111th", "112th",
    ]  # fmt: skip
