"""The analytics tables every answer, chart and document is computed from (pandas DataFrames).

``build_tables(parsed)`` links the sources (``linking``), picks each match's primary record (WhoScored
when it has one), and derives the tables below. Home and away are explicit everywhere (``side`` is
"home" or "away"); ids are strings; a figure a source cannot give is NaN/NA, never 0. The columns are an
interface for the xG model and the retrieval documents: keep them stable.

matches (one row per match; ``matches.MATCH_COLUMNS``)
    match_id (WhoScored id, else FotMob id), source (of the primary record), whoscored_id, fotmob_id,
    link_status ("linked" when a FotMob record is merged in, else None; see ``links``), date (datetime64),
    kickoff, competition, season, round, home_team_id, home, away_team_id, away, home_goals, away_goals
    (final score on the pitch, after extra time), ht_/ft_/et_/pen_ home_goals and away_goals (half time,
    90 minutes, extra time, shoot-out),
    venue, referee, attendance, home_manager, away_manager, status, complete, incomplete_reason,
    match_length (90, or 120 with extra time), events_available, shots_available, n_events, n_shots.
events (one row per event; ``events.EVENT_COLUMNS``; Opta units 0-100, the acting team attacking x = 100)
    match_id, event_id (Opta, numbered per team), source_event_id, period, period_name, minute, second,
    expanded_minute, side, team_id, player_id, player_name, type_id, type, outcome (bool), x, y, end_x,
    end_y, related_event_id, related_player_id, is_touch, is_shot, is_goal, is_own_goal, card,
    qualifiers (JSON object: Opta qualifier name -> value), satisfied_types (JSON list of WhoScored's names).
shots (one row per shot; ``shots.SHOT_COLUMNS``; metres, 105 x 68, the shooter attacking x = 105)
    match_id, shot_id, source, side (the shooter's team), team, team_id, player_id, player_name, period,
    minute, minute_added, x, y, distance (m to the goal centre), angle (radians between the posts),
    shot_type (body part: Head, RightFoot, LeftFoot, OtherBodyPart), situation, big_chance, assist_type,
    penalty, own_goal, is_goal, outcome (goal, saved, miss, post, blocked), on_target, blocked, xg, xgot,
    xg_source ("fotmob", a model's name after ``apply_xg``, or None), event_id, fotmob_shot_id.
lineups (one row per squad player; ``lineups.LINEUP_COLUMNS``)
    match_id, side, team, team_id, player_id, player_name, shirt_number, position, starter, minute_on,
    minute_off (the source's minutes; WhoScored's are expanded: stoppage time counted), captain, rating,
    man_of_the_match.
formations (one row per formation spell; ``lineups.FORMATION_COLUMNS``)
    match_id, side, team, team_id, formation ("4-2-3-1"), start_minute, end_minute (expanded minutes),
    captain_player_id, player_ids, shirt_numbers (JSON lists, in formation-slot order).
team_stats (one row per match and side; see ``team_metrics`` for every definition)
    match_id, side, team_id, team, opponent_id, opponent, goals, goals_against, result (W/D/L), xg,
    shots, shots_on_target, shots_off_target, blocked_shots, big_chances, xg_per_shot, xg_against,
    possession, passes, passes_completed, pass_accuracy, key_passes, progressive_passes,
    passes_into_final_third, passes_into_box, crosses, corners, field_tilt, ppda, defensive_line_height,
    high_turnovers, tackles, interceptions, clearances, aerials_won, fouls, yellow_cards, red_cards,
    offsides, saves, touches, dribbles (take-ons won).
player_stats (one row per squad player and match; ``player_metrics.PLAYER_COLUMNS``)
    match_id, side, team, team_id, player_id, player_name, shirt_number, position, starter, minutes,
    goals, own_goals, assists, shots, shots_on_target, xg, key_passes, passes, passes_completed,
    pass_accuracy, progressive_passes, tackles, interceptions, yellow_cards, red_cards, rating,
    man_of_the_match, touches, dribbles (take-ons won), crosses, clearances, aerials_won, fouls, saves.
timeline (goals, cards and substitutions in match order; ``timeline.TIMELINE_COLUMNS``)
    match_id, period, minute, second, expanded_minute, kind (goal/card/substitution), side, team (a goal's:
    the team it counts for), player_id, player_name, other_player_id, other_player_name (assist provider;
    player replaced), detail (a goal's situation; the card), penalty, header, own_goal, home_goals,
    away_goals (the score once the moment has happened).
provider_team_stats (each source's own team figures, as it reports them)
    match_id, source, side, key, label, value, text. WhoScored's values are match totals of its
    minute-by-minute counts: its ``possession`` is a count of passes, the percentage is ``team_stats``'.
links (one row per FotMob record: fotmob_id, whoscored_id, status, reasons)

``apply_xg(tables, predict, source)`` fills the xG of every shot without a provider's value and
recomputes the team and player figures that depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd

from football_rag.analytics.events import events_table
from football_rag.analytics.lineups import formations_table, lineups_table
from football_rag.analytics.linking import LinkReport, LinkStatus, link_matches
from football_rag.analytics.matches import matches_table
from football_rag.analytics.player_metrics import player_stats
from football_rag.analytics.shots import LinkedRecord, shots_table
from football_rag.analytics.table_index import RowsOf
from football_rag.analytics.team_metrics import team_stats
from football_rag.analytics.timeline import timeline_table
from football_rag.data.contracts import ParsedMatch, Side, Source
from football_rag.data.parsers.fotmob_shotmap import SIDES_UNKNOWN

PROVIDER_STAT_COLUMNS = ("match_id", "source", "side", "key", "label", "value", "text")


@dataclass(frozen=True)
class MatchTables:
    """The analytics tables (see the module docstring for their columns). ``events`` is a frame, or, as the app
    serves a release, the table read by match on demand (``knowledge.rows_on_disk``): its readers take either
    (``table_index.match_rows``, ``rows_by_match``)."""

    matches: pd.DataFrame
    events: pd.DataFrame | RowsOf
    shots: pd.DataFrame
    lineups: pd.DataFrame
    formations: pd.DataFrame
    team_stats: pd.DataFrame
    player_stats: pd.DataFrame
    timeline: pd.DataFrame
    provider_team_stats: pd.DataFrame
    links: pd.DataFrame


def build_tables(parsed: Sequence[ParsedMatch]) -> MatchTables:
    """Return every table for ``parsed`` records of any source (the same match twice is kept once)."""
    records = _distinct(parsed)
    whoscored = [p for p in records if p.match.source is Source.WHOSCORED]
    fotmob = [p for p in records if p.match.source is Source.FOTMOB]
    report = link_matches(whoscored, fotmob) if fotmob else LinkReport((), ())
    fotmob_by_id = {p.match.match_id: p for p in fotmob}
    linked = report.with_status(LinkStatus.LINKED)
    pairs: dict[str, LinkedRecord] = {
        link.whoscored_id: (fotmob_by_id[link.fotmob_id], link.team_sides) for link in linked
    }
    unlinked = {link.fotmob_id for link in report.with_status(LinkStatus.UNLINKED)}
    primary = whoscored + [p for p in fotmob if p.match.match_id in unlinked and _sides_known(p)]
    matches = matches_table(primary, {link.whoscored_id: link for link in linked})
    events = events_table(primary)
    shots = shots_table(primary, pairs)
    lineups = lineups_table(primary)
    tables = MatchTables(
        matches=matches,
        events=events,
        shots=shots,
        lineups=_named(lineups, matches),
        formations=_named(formations_table(primary), matches),
        team_stats=pd.DataFrame(),
        player_stats=pd.DataFrame(),
        timeline=_named(timeline_table(events, shots, lineups), matches),
        provider_team_stats=_provider_team_stats(primary, pairs),
        links=report.table(),
    )
    return with_shots(tables, shots)


def combine_tables(parts: Sequence[MatchTables], records: Sequence[tuple[str, str]]) -> MatchTables:
    """Return the tables ``build_tables`` gives for the records of all ``parts`` at once: same rows, order, dtypes.

    ``records`` is the ``(source, match_id)`` of every record in the order ``build_tables`` would have been given
    them; each part was built from a subsequence of them that no link crosses (``knowledge.match_groups``). Rows are
    put back in ``build_tables``' order: the WhoScored records, then the FotMob ones standing alone, in input order;
    a linked FotMob record's provider stats after every primary record's, in FotMob order; the timeline by match id.
    """
    rank = {key: index for index, key in reversed(list(enumerate(records)))}
    tables = {f.name: concat_parts([getattr(part, f.name) for part in parts]) for f in fields(MatchTables)}
    matches = tables["matches"]
    standing_alone = (matches["source"] != Source.WHOSCORED.value).to_numpy()
    primary = [rank[key] for key in zip(matches["source"], matches["match_id"], strict=True)]
    matches = _ordered(matches, np.asarray(primary) + standing_alone * len(records))
    position = pd.Series(np.arange(len(matches)), index=matches["match_id"])
    by_match = {
        name: _ordered(tables[name], position.reindex(tables[name]["match_id"]).to_numpy())
        for name in ("events", "shots", "lineups", "formations", "team_stats", "player_stats")
    }
    return MatchTables(
        **by_match,
        matches=matches,
        timeline=_ordered(tables["timeline"], tables["timeline"]["match_id"].to_numpy()),
        provider_team_stats=_provider_order(tables["provider_team_stats"], matches, position, len(records), rank),
        links=_ordered(tables["links"], [rank[(Source.FOTMOB.value, i)] for i in tables["links"]["fotmob_id"]]),
    )


def concat_parts(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Return ``frames`` one after the other, typed as one frame of all their rows is.

    A part types a column by its own values, so a part whose column holds none (all missing) or only Python
    objects (an empty intermediate frame merged in) says nothing of it: it takes the dtype the other parts agree
    on when its values fit it. An empty part is left out unless all are.
    """
    kept = [frame for frame in frames if not frame.empty] or list(frames[:1])
    if len(kept) == 1:
        return kept[0].reset_index(drop=True)
    for column in kept[0].columns:
        typed = {frame[column].dtype for frame in kept if not _untyped(frame[column])}
        if len(typed) == 1:
            dtype = typed.pop()
            kept = [f.assign(**{column: f[column].astype(dtype)}) if _fits(f[column], dtype) else f for f in kept]
    joined = pd.concat(kept, ignore_index=True)
    # Parts typed apart (tz-aware and naive kick-offs) join as Python objects, as one frame of them holds them: a
    # missing one is None there, not the NaT or NaN of a typed part.
    mixed = [c for c in joined.columns if _untyped(joined[c]) and not all(_untyped(f[c]) for f in kept)]
    return joined.assign(**{c: joined[c].astype(object).where(joined[c].notna(), None) for c in mixed})


def _untyped(column: pd.Series) -> bool:
    """Return whether no value of its own typed ``column``: all missing, or Python objects."""
    return pd.api.types.is_object_dtype(column.dtype) or bool(column.isna().all())


def _fits(column: pd.Series, dtype: object) -> bool:
    """Return whether an untyped ``column`` takes ``dtype`` without a value changing (missing values stay missing)."""
    if column.dtype == dtype or not _untyped(column):
        return False
    if column.isna().all():
        return getattr(dtype, "kind", "O") not in "biu"
    return column.infer_objects().dtype == dtype


def _ordered(frame: pd.DataFrame, key: Sequence | np.ndarray) -> pd.DataFrame:
    """Return ``frame``'s rows stably sorted by ``key`` (the frame itself when they already are)."""
    key = np.asarray(key)
    if len(key) < 2 or (key[1:] >= key[:-1]).all():
        return frame
    return frame.take(np.argsort(key, kind="stable")).reset_index(drop=True)


def _provider_order(
    stats: pd.DataFrame, matches: pd.DataFrame, position: pd.Series, records: int, rank: dict[tuple[str, str], int]
) -> pd.DataFrame:
    """Return provider stats in ``build_tables``' order: each primary record's own, then the linked FotMob ones."""
    of_stats = matches.set_index("match_id")[["source", "fotmob_id"]].reindex(stats["match_id"])
    source, fotmob_id = of_stats["source"].to_numpy(), of_stats["fotmob_id"].to_numpy()
    linked = stats["source"].to_numpy() != source
    own = position.reindex(stats["match_id"]).to_numpy()
    of_link = [rank.get((Source.FOTMOB.value, str(i)), 0) for i in fotmob_id]
    return _ordered(stats, np.where(linked, records + np.asarray(of_link), own))


def apply_xg(tables: MatchTables, predict: Callable[[pd.DataFrame], np.ndarray], source: str) -> MatchTables:
    """Return ``tables`` where every shot without xG (own goals aside) gets ``predict``'s, ``xg_source`` = ``source``.

    ``predict`` receives the shots table rows to fill and returns one xG per row (e.g. an xG model's
    ``predict``); team and player xG are recomputed from the filled shots.
    """
    return with_shots(tables, fill_xg(tables.shots, predict, source))


def fill_xg(shots: pd.DataFrame, predict: Callable[[pd.DataFrame], np.ndarray], source: str) -> pd.DataFrame:
    """Return a copy of ``shots`` where every shot without xG (own goals aside) has ``predict``'s, ``xg_source`` =
    ``source``."""
    shots = shots.copy()
    missing = shots["xg"].isna() & ~shots["own_goal"].astype(bool)
    if missing.any():
        shots.loc[missing, "xg"] = np.asarray(predict(shots.loc[missing]), dtype=float)
        shots.loc[missing, "xg_source"] = source
    return shots


# The tables ``with_shots`` computes again: the rest stand as they are whatever the shots' xG.
SHOT_FIGURES = ("shots", "team_stats", "player_stats")


def with_shots(tables: MatchTables, shots: pd.DataFrame) -> MatchTables:
    """Return ``tables`` with ``shots`` and the team and player figures computed from it (``SHOT_FIGURES``)."""
    players = player_stats(tables.matches, tables.lineups, tables.events, shots)
    return replace(
        tables,
        shots=_named(shots, tables.matches),
        team_stats=team_stats(tables.matches, tables.events, shots),
        player_stats=_named(players, tables.matches),
    )


def _distinct(parsed: Sequence[ParsedMatch]) -> list[ParsedMatch]:
    """Return one record per source and match id: the fullest capture when a match was read twice."""
    best: dict[tuple[Source, str], ParsedMatch] = {}
    for record in parsed:
        key = (record.match.source, record.match.match_id)
        if key not in best or len(record.events) + len(record.shots) > len(best[key].events) + len(best[key].shots):
            best[key] = record
    return list(best.values())


def _sides_known(record: ParsedMatch) -> bool:
    """A shot map whose file does not say who was at home cannot stand as a match of its own."""
    return SIDES_UNKNOWN not in record.match.completeness.reasons


def _named(frame: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with a ``team`` column (the name of the team of its ``side``) after ``side``."""
    names = pd.concat(
        {"home": matches.set_index("match_id")["home"], "away": matches.set_index("match_id")["away"]},
        names=["side", "match_id"],
    )
    team = names.reindex(pd.MultiIndex.from_arrays([frame["side"], frame["match_id"]])).to_numpy()
    named = frame.drop(columns="team", errors="ignore")
    named.insert(named.columns.get_loc("side") + 1, "team", team)
    return named


def _provider_team_stats(primary: Sequence[ParsedMatch], pairs: dict[str, LinkedRecord]) -> pd.DataFrame:
    """Return each source's own team stats; a linked FotMob record's rows under the WhoScored match id."""
    rows = [
        (record.match.match_id, stat.source.value, stat.side.value, stat.key, stat.label, stat.value, stat.text)
        for record in primary
        for stat in record.team_stats
    ]
    for match_id, (record, team_sides) in pairs.items():
        sides = {side: team_sides[record.match.team(side).team_id].value for side in Side}
        rows += [
            (match_id, stat.source.value, sides[stat.side], stat.key, stat.label, stat.value, stat.text)
            for stat in record.team_stats
        ]
    return pd.DataFrame.from_records(rows, columns=list(PROVIDER_STAT_COLUMNS))
