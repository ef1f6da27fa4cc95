"""The sources beside an answer: one card per match it rests on (date, score, competition) and per other document.

The same cards feed the chat panel (``cards_html``, every value escaped) and the ``/ask`` API (``as_dict``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd

from football_rag.analytics.tables import MatchTables
from football_rag.app.markup import html, score, text
from football_rag.rag.answer_model import Answer


@dataclass
class SourceCard:
    """A match (or a document about no single match) the answer rests on, and what was drawn from it."""

    title: str
    match_id: str | None = None
    date: str | None = None
    score: str | None = None
    competition: str | None = None
    evidence: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Return the card as plain JSON-ready values."""
        return asdict(self)


def source_cards(answer: Answer, tables: MatchTables) -> list[SourceCard]:
    """Return the answer's cards in the order its sources came, one per match id."""
    matches = tables.matches.set_index("match_id", drop=False)
    cards: dict[str, SourceCard] = {}
    for source in answer.sources:
        key = source.match_id or source.doc_id
        if key not in cards:
            cards[key] = _card(source.match_id, source.title, matches)
        cards[key].evidence.append(_evidence(source.kind, source.doc_id, source.score))
    for match_id in answer.matches:
        if match_id not in cards:
            cards[match_id] = _card(match_id, match_id, matches)
    return list(cards.values())


def _card(match_id: str | None, title: str, matches: pd.DataFrame) -> SourceCard:
    if match_id is None or match_id not in matches.index:
        return SourceCard(title=title, match_id=match_id)
    m = matches.loc[match_id]
    day = pd.Timestamp(m["date"])
    return SourceCard(
        title=f"{text(m['home'])} {score(m['home_goals'], m['away_goals'])} {text(m['away'])}",
        match_id=str(match_id),
        date=f"{day:%-d %B %Y}" if pd.notna(day) else None,
        score=score(m["home_goals"], m["away_goals"]),
        competition=" ".join(text(v) for v in (m.get("competition"), m.get("season")) if text(v)) or None,
    )


def _evidence(kind: str, doc_id: str, similarity: float | None) -> str:
    if kind == "table":
        return "facts computed from the match tables"
    return f"document {doc_id}" + (f" (similarity {similarity:.2f})" if similarity is not None else "")


def grounded_badge(answer: Answer) -> str:
    """Return an HTML badge: grounded (every number and name found in the evidence), or what was left out."""
    if answer.grounded:
        return '<span class="fr-badge fr-grounded">✓ Grounded: every number and name is in the data</span>'
    left_out = "; ".join(html(u) for u in answer.unsupported[:3])
    return f'<span class="fr-badge fr-ungrounded">⚠ Not fully grounded: unsupported {left_out}</span>'


def cards_html(answer: Answer, cards: list[SourceCard]) -> str:
    """Return the badge and the source cards as HTML, every value escaped."""
    items = []
    for card in cards:
        meta = " · ".join(html(v) for v in (card.date, card.competition) if v)
        evidence = "".join(f"<li>{html(e)}</li>" for e in card.evidence)
        match = f'<div class="fr-card-id">WhoScored match {html(card.match_id)}</div>' if card.match_id else ""
        items.append(
            f'<div class="fr-card"><div class="fr-card-title">{html(card.title)}</div>'
            f'<div class="fr-card-meta">{meta}</div>{match}<ul>{evidence}</ul></div>'
        )
    body = "".join(items) or '<div class="fr-card">No match sources for this answer.</div>'
    return f'<div class="fr-sources">{grounded_badge(answer)}{body}</div>'
