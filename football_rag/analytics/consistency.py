"""Consistency of a version's tables with the providers' own figures: what must hold whatever is asked.

Two checks the release gate runs on every candidate (``knowledge.candidate_checks``), each over the complete
matches only (a capture stopped mid-match, or one whose parse dropped events, has no final figures to agree with):

- ``goals_agree_with_score``: the goals recounted from the shots (``team_metrics.goals_from_shots``) equal the
  provider's final score, for both sides. A parser or linking regression that loses or misattributes goals breaks it.
- ``team_stats_agree_with_provider``: our team figures equal WhoScored's own match totals
  (``WHOSCORED_TEAM_STATS``) on every WhoScored match. A metric regression (a changed definition, sides swapped)
  breaks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from football_rag.analytics import team_metrics as tm
from football_rag.analytics.tables import MatchTables

# our team_stats column -> WhoScored's team stat key (its match total of the minute-by-minute counts)
WHOSCORED_TEAM_STATS = {
    "shots": "shotsTotal",
    "shots_on_target": "shotsOnTarget",
    "shots_off_target": "shotsOffTarget",
    "blocked_shots": "shotsBlocked",
    "passes": "passesTotal",
    "passes_completed": "passesAccurate",
    "key_passes": "passesKey",
    "corners": "cornersTotal",
    "tackles": "tacklesTotal",
    "interceptions": "interceptions",
    "clearances": "clearances",
    "aerials_won": "aerialsWon",
    "fouls": "foulsCommited",
    "offsides": "offsidesCaught",
}
EXAMPLES = 5


@dataclass(frozen=True)
class Consistency:
    """How many of the ``checked`` matches hold, and a few that do not (``match_id: what differs``)."""

    checked: int
    failed: int
    examples: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Return the share of checked matches that hold (1.0 when none could be checked)."""
        return round(1 - self.failed / self.checked, 4) if self.checked else 1.0


def _complete_ids(tables: MatchTables) -> pd.Index:
    matches = tables.matches
    return pd.Index(matches.loc[matches["complete"].astype(bool), "match_id"].astype(str))


def goals_agree_with_score(tables: MatchTables) -> Consistency:
    """Return how many complete matches have as many goals in their shots as in their score, per side."""
    ids = _complete_ids(tables)
    score = tables.matches.set_index("match_id").loc[ids, ["home_goals", "away_goals"]].astype("Int64")
    recounted = tm.goals_from_shots(tables.shots).unstack().reindex(ids).fillna(0).astype("Int64")
    differs = (recounted["home"] != score["home_goals"]) | (recounted["away"] != score["away_goals"])
    examples = [
        f"{match_id}: score {score.at[match_id, 'home_goals']}-{score.at[match_id, 'away_goals']}, "
        f"goals in the shots {recounted.at[match_id, 'home']}-{recounted.at[match_id, 'away']}"
        for match_id in differs[differs].index[:EXAMPLES]
    ]
    return Consistency(checked=len(ids), failed=int(differs.sum()), examples=examples)


def team_stats_agree_with_provider(tables: MatchTables) -> Consistency:
    """Return how many complete WhoScored matches have every figure of ``WHOSCORED_TEAM_STATS`` equal to WhoScored's."""
    stats = tables.provider_team_stats
    theirs = stats.loc[stats["source"] == "whoscored"].pivot_table(
        index=["match_id", "side"], columns="key", values="value", aggfunc="sum"
    )
    ids = _complete_ids(tables).intersection(theirs.index.get_level_values("match_id").unique())
    if ids.empty:
        return Consistency(checked=0, failed=0)
    ours = tables.team_stats.set_index(["match_id", "side"])
    theirs = theirs.reindex(ours.index).loc[ids]
    ours = ours.loc[ids]
    columns = [c for c, key in WHOSCORED_TEAM_STATS.items() if key in theirs.columns]
    mine = ours[columns].astype(float).fillna(0)
    provider = theirs[[WHOSCORED_TEAM_STATS[c] for c in columns]].set_axis(columns, axis=1).astype(float).fillna(0)
    differs = mine.ne(provider)
    bad_matches = differs.any(axis=1).groupby(level="match_id").any()
    examples = []
    for match_id in bad_matches[bad_matches].index[:EXAMPLES]:
        row = differs.loc[match_id].stack()
        (side, column) = row[row].index[0]
        examples.append(
            f"{match_id} {side} {column}: ours {mine.at[(match_id, side), column]:g}, "
            f"WhoScored {provider.at[(match_id, side), column]:g}"
        )
    return Consistency(checked=len(ids), failed=int(bad_matches.sum()), examples=examples)
