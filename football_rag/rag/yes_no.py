"""Yes or no, for a question that asks one ("Did Arsenal beat Spurs?", "Did Eze score against Tottenham?").

Decided here from the same tables the facts come from, for one match; ``None`` when the question is not one
this can decide (the answer then gives the facts alone, never a guessed yes or no).
"""

from __future__ import annotations

import re

import pandas as pd

from football_rag.data.contracts import FINISHED
from football_rag.rag.answer_model import Intent
from football_rag.rag.entities import Resolution
from football_rag.rag.facts import ANY_CARD, CARDS_ASKED, FactBook, named_goals
from football_rag.rag.intents import Route

# The result a question asks about, from its subject's side: won, lost, drew; "score" asks whether it scored.
_WON = re.compile(r"\b(beat|win|won|defeat\w*|victor\w*)\b")
_LOST = re.compile(r"\b(lose|lost|beaten|defeated by)\b")
_DREW = re.compile(r"\b(draw|drew|drawn|tie|tied|level)\b")
_SCORED = re.compile(r"\bscor\w*|\bnet\w*")
_MORE = re.compile(r"\b(more|higher|greater)\b")
_FEWER = re.compile(r"\b(fewer|less|lower)\b")


def verdict(
    book: FactBook, chosen: Route, question: str, resolution: Resolution, match_ids: list[str], team: str | None
) -> bool | None:
    """Return the answer to a yes/no question about one match (``team`` its subject, if any), or about a player
    over a period ("Has Saka scored this season?"); None when it cannot be decided."""
    ids = list(dict.fromkeys(match_ids))
    if chosen.builder == "assists_between" and len(resolution.players) >= 2:  # "did Wirtz assist Isak?"
        assister, scorer = resolution.players[:2]
        return not book.set_up_for(assister.player_id, scorer.player_id, ids).empty
    if chosen.intent is Intent.PLAYER_STAT and resolution.players and chosen.stat and ids:
        value = _player_value(book, ids, resolution.players[0].player_id, chosen.stat)
        return None if value is None else value > 0
    if len(ids) != 1:
        return None
    lowered, match_id = question.lower(), ids[0]
    if chosen.intent is Intent.SCORE and (team or resolution.teams):
        # "Were Spurs beaten by Arsenal?", "Did Arsenal and Spurs draw?": the result is said of the first named.
        return _result(book, match_id, team or resolution.teams[0], lowered)
    if chosen.intent is Intent.TEAM_STAT and team and chosen.stat:
        return _team_figure(book, match_id, team, chosen.stat, lowered)
    if chosen.intent is Intent.CARDS:
        return _carded(book, match_id, team, chosen.stat)
    if chosen.intent is Intent.SCORERS and chosen.goal is not None:  # "was there an equaliser?"
        timeline = book.timeline_of(match_id)
        return not named_goals(timeline[timeline["kind"] == "goal"], chosen.goal).empty
    if chosen.builder == "match_leaders" and resolution.players:
        return _leads(book, match_id, resolution.players[0].player_id, chosen.stat)
    return None


def _result(book: FactBook, match_id: str, team: str, lowered: str) -> bool | None:
    """Whether ``team`` won, lost, drew or scored, as the question asks (None for a match not finished)."""
    m = book.match(match_id)
    if m["status"] != FINISHED:
        return None
    mine, theirs = (m["home_goals"], m["away_goals"]) if m["home"] == team else (m["away_goals"], m["home_goals"])
    for pattern, holds in ((_LOST, mine < theirs), (_WON, mine > theirs), (_DREW, mine == theirs)):
        if pattern.search(lowered):
            return bool(holds)
    return bool(mine > 0) if _SCORED.search(lowered) else None


def _player_value(book: FactBook, match_ids: list[str], player_id: str, stat: str) -> float | None:
    """Return the player's figure over the matches (0 where he did not play), None when the data has no such
    figure for one of them."""
    total = 0.0
    for match_id in match_ids:
        rows = book.players_in(match_id)
        if stat not in rows.columns:
            return None
        mine = rows.loc[(rows["player_id"] == player_id) & (rows["minutes"].fillna(0) > 0), stat]
        if mine.isna().any():
            return None
        total += float(mine.sum())
    return total


def _team_figure(book: FactBook, match_id: str, team: str, stat: str, lowered: str) -> bool | None:
    """Whether ``team`` had more (fewer) of ``stat`` than its opponent, as asked; else whether it had any."""
    rows = book.rows_of("team_stats", [match_id]).set_index("team")
    if stat not in rows.columns or team not in rows.index:
        return None
    mine, theirs = rows.at[team, stat], rows.drop(index=team)[stat].iloc[0]
    if pd.isna(mine) or pd.isna(theirs):
        return None
    if _MORE.search(lowered):
        return bool(mine > theirs)
    if _FEWER.search(lowered):
        return bool(mine < theirs)
    return bool(mine > 0)


def _carded(book: FactBook, match_id: str, team: str | None, stat: str | None) -> bool:
    """Whether ``team`` (else anyone) was shown a card of the kind asked: a sending-off, a yellow, or any."""
    kinds = CARDS_ASKED.get(stat or "", ANY_CARD)
    counts = book.card_counts(match_id)
    return any(cards[kind] for side, cards in counts.items() if team in (None, side) for kind in kinds)


def _leads(book: FactBook, match_id: str, player_id: str, stat: str | None) -> bool | None:
    """Whether the player had the match's top figure of ``stat`` (alone or tied)."""
    rows = book.players_in(match_id)
    if stat not in rows.columns:
        return None
    mine = rows.loc[rows["player_id"] == player_id, stat]
    return bool(not mine.empty and mine.iloc[0] > 0 and mine.iloc[0] == rows[stat].max())
