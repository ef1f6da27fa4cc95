"""The matches table: one row per match, home and away explicit, with the ids it has in every source.

A match's primary record is its WhoScored record when there is one (events, lineups, formations), else
its FotMob record. ``home_goals``/``away_goals`` are the final score on the pitch (after extra time when
played); the half-time, 90-minute, extra-time and shoot-out scores have their own columns.
``events_available``/``shots_available`` say which metrics the record can give at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from football_rag.analytics.linking import MatchLink
from football_rag.data.contracts import ParsedMatch, Score

REGULATION_MINUTES = 90
EXTRA_TIME_MINUTES = 120
EXTRA_TIME_PERIODS = (3, 4)
MATCH_COLUMNS = (
    "match_id",
    "source",
    "whoscored_id",
    "fotmob_id",
    "link_status",
    "date",
    "kickoff",
    "competition",
    "season",
    "round",
    "home_team_id",
    "home",
    "away_team_id",
    "away",
    "home_goals",
    "away_goals",
    "ht_home_goals",
    "ht_away_goals",
    "ft_home_goals",
    "ft_away_goals",
    "et_home_goals",
    "et_away_goals",
    "pen_home_goals",
    "pen_away_goals",
    "venue",
    "referee",
    "attendance",
    "home_manager",
    "away_manager",
    "status",
    "complete",
    "incomplete_reason",
    "match_length",
    "events_available",
    "shots_available",
    "n_events",
    "n_shots",
)


def match_length(record: ParsedMatch) -> int:
    """Return the match's length in regulation minutes: 120 when extra time was played, else 90."""
    extra_time = record.match.score.extra_time is not None or any(e.period in EXTRA_TIME_PERIODS for e in record.events)
    return EXTRA_TIME_MINUTES if extra_time else REGULATION_MINUTES


def matches_table(primary: Sequence[ParsedMatch], links: Mapping[str, MatchLink] | None = None) -> pd.DataFrame:
    """Return one row per primary record (columns ``MATCH_COLUMNS``); ``links`` maps a match id to its FotMob link."""
    rows = [_row(record, (links or {}).get(record.match.match_id)) for record in primary]
    frame = pd.DataFrame(rows, columns=list(MATCH_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype(
        {column: "Int64" for column in MATCH_COLUMNS if column.endswith("_goals") or column == "attendance"}
    )


def _row(record: ParsedMatch, link: MatchLink | None) -> dict[str, object]:
    match = record.match
    score = match.score
    return {
        "match_id": match.match_id,
        "source": match.source.value,
        "whoscored_id": match.ids.get("whoscored"),
        "fotmob_id": link.fotmob_id if link else match.ids.get("fotmob"),
        "link_status": link.status.value if link else None,
        "date": match.date,
        "kickoff": match.kickoff,
        "competition": match.competition,
        "season": match.season,
        "round": match.round,
        "home_team_id": match.home.team_id,
        "home": match.home.name,
        "away_team_id": match.away.team_id,
        "away": match.away.name,
        "home_goals": score.final.home,
        "away_goals": score.final.away,
        **_score_columns("ht", score.halftime),
        **_score_columns("ft", score.fulltime),
        **_score_columns("et", score.extra_time),
        **_score_columns("pen", score.penalties),
        "venue": match.venue,
        "referee": match.referee,
        "attendance": match.attendance,
        "home_manager": match.home.manager,
        "away_manager": match.away.manager,
        "status": match.status,
        "complete": match.completeness.complete,
        "incomplete_reason": "; ".join(match.completeness.reasons) or None,
        "match_length": match_length(record),
        "events_available": bool(record.events),
        "shots_available": bool(record.events or record.shots),
        "n_events": len(record.events),
        "n_shots": len(record.shots),
    }


def _score_columns(prefix: str, score: Score | None) -> dict[str, int | None]:
    return {
        f"{prefix}_home_goals": score.home if score else None,
        f"{prefix}_away_goals": score.away if score else None,
    }
