"""Synthetic matches in both providers' shapes, for tests and demos where no real data may be shipped."""

from __future__ import annotations

import json
from pathlib import Path

from football_rag.data.synthetic.fotmob import fotmob_document, in_play_fotmob_document
from football_rag.data.synthetic.match import SyntheticMatch, synthetic_match
from football_rag.data.synthetic.whoscored import in_play_whoscored_document, whoscored_document

__all__ = [
    "SyntheticMatch",
    "fotmob_document",
    "in_play_fotmob_document",
    "in_play_whoscored_document",
    "synthetic_match",
    "whoscored_document",
    "write_synthetic_matches",
]


def write_synthetic_matches(
    folder: Path, seeds: range, providers: tuple[str, ...] = ("whoscored", "fotmob")
) -> list[SyntheticMatch]:
    """Write ``whoscored/<id>.json`` and ``fotmob/<id>.json`` (of ``providers``) under ``folder`` for each seed;
    return the matches."""
    matches = [synthetic_match(seed) for seed in seeds]
    renderers = {"whoscored": (whoscored_document, "whoscored_id"), "fotmob": (fotmob_document, "fotmob_id")}
    for provider in providers:
        render, key = renderers[provider]
        (folder / provider).mkdir(parents=True, exist_ok=True)
        for match in matches:
            path = folder / provider / f"{getattr(match, key)}.json"
            path.write_text(json.dumps(render(match), ensure_ascii=False), encoding="utf-8")
    return matches
