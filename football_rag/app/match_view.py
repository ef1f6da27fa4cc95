"""One match as the explorer shows it: the score line, the timeline, both lineups and the key stats side by side.

Pure functions over the analytics tables; every name is escaped (``markup``) before it reaches Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from football_rag.analytics.match_story import match_story
from football_rag.analytics.minutes import broadcast_minute
from football_rag.analytics.stat_registry import definition
from football_rag.analytics.table_index import match_rows
from football_rag.analytics.tables import MatchTables
from football_rag.app.markup import md, score, text
from football_rag.rag.facts import fmt

SIDES = ("home", "away")
PLAY_PERIODS = (1, 2, 3, 4)  # WhoScored also files pre-match (16) and post-game (14) events
TIMELINE_HEADERS = ["Minute", "Team", "Event", "Player", "Detail", "Score"]
LINEUP_HEADERS = ["No.", "Player", "Pos", "On", "Off", "Rating"]
STATS_HEADERS = ["Stat", "Home", "Away"]
KEY_POINTS = 6  # the match story's points the explorer's panel lists
# (column of team_stats, label, decimals, unit): the figures a match report leads with, in that order.
KEY_STATS = tuple(
    (key, definition(key).title, definition(key).decimals, definition(key).unit)
    for key in (
        "goals", "xg", "shots", "shots_on_target", "big_chances", "possession", "passes", "pass_accuracy",
        "key_passes", "progressive_passes", "passes_into_box", "field_tilt", "ppda", "tackles", "interceptions",
        "corners", "fouls", "yellow_cards", "red_cards", "saves",
    )
)  # fmt: skip
EVENT_NAMES = {"goal": "⚽ Goal", "substitution": "🔁 Substitution"}
CARD_NAMES = {"yellow": "🟨 Yellow card", "second_yellow": "🟨🟥 Second yellow", "red": "🟥 Red card"}


class UnknownMatch(LookupError):
    """The match id is not in the loaded release."""


@dataclass(frozen=True)
class MatchView:
    """What the explorer shows for one match."""

    match_id: str
    home: str
    away: str
    header: str
    timeline: pd.DataFrame
    formations: dict[str, str]
    lineups: dict[str, pd.DataFrame]
    stats: pd.DataFrame
    key_points: str


def match_row(tables: MatchTables, match_id: str) -> pd.Series:
    """Return the ``matches`` row of ``match_id``; raise ``UnknownMatch`` when the release does not hold it."""
    rows = tables.matches[tables.matches["match_id"] == str(match_id)]
    if rows.empty:
        raise UnknownMatch(f"match {match_id} is not in this release")
    return rows.iloc[0]


def match_view(tables: MatchTables, match_id: str) -> MatchView:
    """Return the explorer's view of ``match_id``."""
    m = match_row(tables, match_id)
    match_id, source = str(m["match_id"]), text(m["source"])
    return MatchView(
        match_id=match_id,
        home=text(m["home"]),
        away=text(m["away"]),
        header=header(m),
        timeline=timeline(tables, match_id, source),
        formations={side: formations(tables, match_id, side, source) for side in SIDES},
        lineups={side: lineup(tables, match_id, side, source) for side in SIDES},
        stats=key_stats(tables, match_id),
        key_points=key_points(tables, match_id),
    )


def header(m: pd.Series) -> str:
    """Return the Markdown score line and the match's particulars (competition, date, venue, referee, crowd)."""
    title = f"## {md(m['home'])} {score(m['home_goals'], m['away_goals'])} {md(m['away'])}"
    day = pd.Timestamp(m["date"])
    parts = [
        " ".join(md(v) for v in (m.get("competition"), m.get("season")) if text(v)),
        f"{day:%A %-d %B %Y}" if pd.notna(day) else "",
        md(m.get("venue")),
        f"Referee {md(m['referee'])}" if text(m.get("referee")) else "",
        f"Attendance {int(m['attendance']):,}" if text(m.get("attendance")) else "",
        f"Half time {score(m['ht_home_goals'], m['ht_away_goals'])}" if text(m.get("ht_home_goals")) else "",
    ]
    lines = [title, " · ".join(p for p in parts if p), f"Home: **{md(m['home'])}** · Away: **{md(m['away'])}**"]
    if not flag(m.get("complete")):
        lines.append(f"⚠️ Incomplete data for this match: {md(m.get('incomplete_reason'))}")
    return "\n\n".join(lines)


def timeline(tables: MatchTables, match_id: str, source: str) -> pd.DataFrame:
    """Return the goals, cards and substitutions in order: minute, side, event, player, detail, running score."""
    rows = tables.timeline[tables.timeline["match_id"] == match_id].sort_values(["period", "expanded_minute", "second"])
    return pd.DataFrame(
        [
            [
                broadcast_minute(source, r["period"], r["minute"]),
                text(r["team"]),
                _event_name(r),
                text(r["player_name"]),
                _event_detail(r),
                score(r["home_goals"], r["away_goals"]),
            ]
            for _, r in rows.iterrows()
        ],
        columns=TIMELINE_HEADERS,
    )


def _event_name(r: pd.Series) -> str:
    if r["kind"] == "card":
        return CARD_NAMES.get(text(r["detail"]), f"Card ({text(r['detail'])})")
    return EVENT_NAMES.get(r["kind"], text(r["kind"]).title())


def _event_detail(r: pd.Series) -> str:
    """Return what a report adds after the name: the assist and the kind of goal, or who went off."""
    other = text(r.get("other_player_name"))
    if r["kind"] == "substitution":
        return f"on for {other}" if other else ""
    if r["kind"] != "goal":
        return ""
    notes = [
        label
        for column, label in (("own_goal", "own goal"), ("penalty", "penalty"), ("header", "header"))
        if flag(r.get(column))
    ]
    if other and not flag(r.get("own_goal")):
        notes.insert(0, f"assist {other}")
    return ", ".join(notes)


def formations(tables: MatchTables, match_id: str, side: str, source: str) -> str:
    """Return the side's formations in order with the minute each began, e.g. ``3-4-2-1, then 4-2-3-1 from 46'``."""
    spells = tables.formations[(tables.formations["match_id"] == match_id) & (tables.formations["side"] == side)]
    spells = spells.sort_values("start_minute")
    shapes = []
    for _, spell in spells.iterrows():
        if shapes and shapes[-1][0] == spell["formation"]:
            continue
        shapes.append((text(spell["formation"]), int(spell["start_minute"])))
    if not shapes:
        return "formation not recorded"
    first, *later = shapes
    return ", then ".join(
        [first[0], *(f"{shape} from {_quoted(tables, match_id, source, minute)}" for shape, minute in later)]
    )


def _quoted(tables: MatchTables, match_id: str, source: str, expanded: int) -> str:
    """Return a running-clock (expanded) minute as quoted: the first event from that minute on tells its period."""
    events = match_rows(tables.events, match_id)
    events = events[(events["expanded_minute"] >= expanded) & events["period"].isin(PLAY_PERIODS)]
    if events.empty:
        return f"{expanded + 1}'"
    first = events.sort_values(["expanded_minute", "second"]).iloc[0]
    return broadcast_minute(source, first["period"], int(first["minute"]) - (int(first["expanded_minute"]) - expanded))


def lineup(tables: MatchTables, match_id: str, side: str, source: str) -> pd.DataFrame:
    """Return the side's squad: starters (in the source's order), then the substitutes who came on, then the rest."""
    squad = tables.lineups[(tables.lineups["match_id"] == match_id) & (tables.lineups["side"] == side)].copy()
    came_on, went_off = _substitution_minutes(tables, match_id, source)
    squad["_order"] = [
        0 if flag(s) else 1 if text(on) else 2 for s, on in zip(squad["starter"], squad["minute_on"], strict=True)
    ]
    rows = []
    for _, p in squad.sort_values("_order", kind="stable").iterrows():
        name = (
            text(p["player_name"])
            + (" (c)" if flag(p.get("captain")) else "")
            + (" ★" if flag(p.get("man_of_the_match")) else "")
        )
        rows.append([
            fmt(p["shirt_number"]) if text(p["shirt_number"]) else "",
            name,
            text(p["position"]),
            "start" if flag(p["starter"]) else came_on.get(p["player_id"], "unused"),
            went_off.get(p["player_id"], ""),
            fmt(p["rating"], 2) if text(p["rating"]) else "",
        ])  # fmt: skip
    return pd.DataFrame(rows, columns=LINEUP_HEADERS)


def _substitution_minutes(tables: MatchTables, match_id: str, source: str) -> tuple[dict[str, str], dict[str, str]]:
    """Return ``({player_id: minute came on}, {player_id: minute went off})`` as the timeline writes minutes."""
    subs = tables.timeline[(tables.timeline["match_id"] == match_id) & (tables.timeline["kind"] == "substitution")]
    came_on, went_off = {}, {}
    for _, r in subs.iterrows():
        label = broadcast_minute(source, r["period"], r["minute"])
        came_on[text(r["player_id"])] = label
        went_off[text(r["other_player_id"])] = label
    return came_on, went_off


def key_stats(tables: MatchTables, match_id: str) -> pd.DataFrame:
    """Return the key team stats side by side (home, away), formatted as the report prints them."""
    stats = tables.team_stats[tables.team_stats["match_id"] == match_id].set_index("side")
    rows = []
    for column, label, decimals, unit in KEY_STATS:
        if column not in stats.columns:
            continue
        values = [stats.loc[side, column] if side in stats.index else None for side in SIDES]
        rows.append([label, *(_stat_cell(v, decimals, unit) for v in values)])
    return pd.DataFrame(rows, columns=STATS_HEADERS)


def key_points(tables: MatchTables, match_id: str) -> str:
    """Return the match story's top points as a Markdown list under a "Key points" heading (most important first)."""
    points = match_story(tables, match_id)[:KEY_POINTS]
    if not points:
        return ""
    return "### Key points\n" + "\n".join(f"- {md(p.text)}" for p in points)


def _stat_cell(value: object, decimals: int, unit: str) -> str:
    cell = fmt(value, decimals)
    return cell if cell == "n/a" else cell + unit


def flag(value: object) -> bool:
    """Return True for a true flag (Python or numpy bool); False for false or missing."""
    return text(value) != "" and bool(value)
