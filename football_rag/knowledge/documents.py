"""Retrieval documents: deterministic texts whose every number is read from the analytics tables.

``build_documents(tables)`` returns one row per document (``DOCUMENT_COLUMNS``):

- ``match:<match_id>``: the match report: who, when, where, score and half-time score, scorers with
  minutes (penalties and own goals marked), cards, key stats side by side, standout players, and
  tactical sentences derived from the metrics against the thresholds below (the match story's key
  points are not in it: computing them costs ~0.1 s of CPU a match, 20 s for a 200-match first build or
  any build after this module changes, when every document is written (a week writes only its matches',
  ``knowledge.document_updates``); answers and the explorer compute one match's points when asked);
- ``team_match:<match_id>:<side>``: the same match from one team's view;
- ``players:<match_id>``: the top performers of each team;
- ``goal:<match_id>:<n>``: the n-th goal of the match; ``moment:<match_id>:<n>``: a red card or a
  missed penalty;
- ``team_season:<team>:<season>``: a team's season to date: record, points, form, goals and xG.

Metadata columns are scalars, as Chroma stores them: ``teams`` and ``players`` are ", "-joined, and
``home_team``/``away_team``/``team`` give each name on its own (None where it does not apply). Minutes are
printed as broadcasters do, stoppage time as "45+2'" and "90+3'" (see ``broadcast_minute``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from football_rag.analytics.minutes import broadcast_minute
from football_rag.analytics.stat_registry import definition
from football_rag.analytics.tables import MatchTables

DOCUMENT_COLUMNS = (
    "doc_id",
    "doc_type",
    "text",
    "match_id",
    "date",
    "season",
    "competition",
    "teams",
    "home_team",
    "away_team",
    "team",
    "players",
)
SIDES = ("home", "away")
SHOOTOUT_PERIOD = 5

# Tactical thresholds. PPDA: public analysis calls a side with PPDA under 10 an intense, high press
# (the leading pressing teams of Europe's top leagues average 8-10); in the 2025/26 corpus 10% of
# team-matches are under 10, and a quarter above 19, which we call sitting off.
HIGH_PRESS_PPDA = 10.0
LOW_PRESS_PPDA = 19.0
# Field tilt and possession are shares of a match (the two sides sum to 100): 65% of the final-third
# passes is the corpus' top quarter (75th percentile 63.4%); 60% of the ball is the usual line for
# "dominated possession" (the corpus' 85th percentile), 40% its mirror.
DOMINANT_FIELD_TILT = 65.0
DOMINANT_POSSESSION = 60.0
CEDED_POSSESSION = 40.0
# Defensive actions on average at least 42 m from the own goal line is the corpus' top tenth (90th
# percentile 42.7 m): a high line of engagement; at most 31 m its bottom tenth (10th percentile 30.2 m).
HIGH_LINE_METRES = 42.0
DEEP_BLOCK_METRES = 31.0
# Goals minus xG beyond 1.5 in one match: more than a big chance's worth (Opta big chances convert at
# about 40%), so finishing, not chance creation, decided it.
FINISHING_MARGIN = 1.5
# xG per shot: the league averages about 0.11 (552 goals from 4,977 attempts in the corpus); 0.15 and
# above means the team worked clear chances rather than shooting from range.
CLEAR_CHANCES_XG_PER_SHOT = 0.15
STANDOUT_PLAYERS = 3
TOP_PLAYERS_PER_TEAM = 3
FORM_MATCHES = 5
TOP_SCORERS = 3

# (team_stats column, label, decimals, unit) of the key-stats sentence, as the registry writes each.
KEY_STATS = tuple(
    (key, definition(key).short, definition(key).decimals, definition(key).unit)
    for key in (
        "shots",
        "shots_on_target",
        "xg",
        "possession",
        "passes",
        "pass_accuracy",
        "corners",
        "ppda",
        "field_tilt",
    )
)
RESULT_VERBS = {"W": "beat", "D": "drew with", "L": "lost to"}
CARD_NAMES = {"yellow": "yellow card", "second_yellow": "second yellow card", "red": "red card"}


def build_documents(tables: MatchTables) -> pd.DataFrame:
    """Return every retrieval document of ``tables`` (columns ``DOCUMENT_COLUMNS``), in a stable order: the
    matches' documents match by match in ``match_order``, then the team-season summaries by team and season."""
    return pd.DataFrame([*match_documents(tables), *team_season_summaries(tables)], columns=list(DOCUMENT_COLUMNS))


def match_order(matches: pd.DataFrame) -> pd.DataFrame:
    """Return ``matches`` in the order their documents are written: by date, then match id."""
    return matches.sort_values(["date", "match_id"])


def match_documents(tables: MatchTables, match_ids: Collection[str] | None = None) -> list[dict[str, object]]:
    """Return the documents of the matches ``match_ids`` (default every match), match by match in ``match_order``.

    Only those matches' rows are gathered, so a matchweek's documents cost the same whatever the season's size.
    """
    matches = tables.matches if match_ids is None else _of_matches(tables.matches, match_ids)
    lookup = _Lookup(tables, match_ids)
    rows: list[dict[str, object]] = []
    for match in match_order(matches).to_dict("records"):
        view = lookup.match(match)
        rows.append(match_report(view))
        rows.extend(team_match_report(view, side) for side in SIDES)
        rows.append(player_highlights(view))
        rows.extend(goal_notes(view))
        rows.extend(key_moment_notes(view))
    return rows


def _of_matches(table: pd.DataFrame, match_ids: Collection[str]) -> pd.DataFrame:
    """Return the rows of ``table`` about ``match_ids``."""
    return table[table["match_id"].astype(str).isin(set(match_ids))]


# --- one match, gathered once ----------------------------------------------------------------------


@dataclass(frozen=True)
class MatchView:
    """One match's rows of every table the documents read (records as dicts)."""

    match: Mapping[str, object]
    team_stats: Mapping[str, Mapping[str, object]]
    timeline: list[Mapping[str, object]]
    shots: list[Mapping[str, object]]
    players: list[Mapping[str, object]]
    formations: list[Mapping[str, object]]
    goals: list[Mapping[str, object]]

    @property
    def match_id(self) -> str:
        return str(self.match["match_id"])

    @property
    def source(self) -> str:
        """Return the source of the match's primary record, which says how its minutes count."""
        return str(self.match["source"])

    def team(self, side: str) -> str:
        return str(self.match[side])

    @property
    def title(self) -> str:
        """Return "Arsenal 4-1 Tottenham"."""
        m = self.match
        return f"{m['home']} {m['home_goals']}-{m['away_goals']} {m['away']}"

    @property
    def day(self) -> str:
        """Return the match day as "Sunday 23 November 2025"."""
        return _long_date(_match_date(self.match))


class _Lookup:
    """The tables grouped by match id once, so each match's rows are found without scanning."""

    def __init__(self, tables: MatchTables, match_ids: Collection[str] | None = None):
        def rows(table: pd.DataFrame) -> dict[str, list[dict[str, object]]]:
            return _grouped(table if match_ids is None else _of_matches(table, match_ids))

        self.team_stats = rows(tables.team_stats)
        self.timeline = rows(tables.timeline)
        self.shots = rows(tables.shots)
        self.players = rows(tables.player_stats)
        self.formations = rows(tables.formations)

    def match(self, match: Mapping[str, object]) -> MatchView:
        match_id = match["match_id"]
        timeline, shots = self.timeline.get(match_id, []), self.shots.get(match_id, [])
        return MatchView(
            match=match,
            team_stats={row["side"]: row for row in self.team_stats.get(match_id, [])},
            timeline=timeline,
            shots=shots,
            players=self.players.get(match_id, []),
            formations=self.formations.get(match_id, []),
            goals=[_with_shot(row, shots, str(match["source"])) for row in timeline if row["kind"] == "goal"],
        )


def _grouped(table: pd.DataFrame) -> dict[str, list[dict[str, object]]]:
    """Return the table's rows as dicts by match id (one conversion: pandas is slow at many small ones)."""
    groups: dict[str, list[dict[str, object]]] = {}
    for row in table.to_dict("records"):
        groups.setdefault(str(row["match_id"]), []).append(row)
    return groups


# --- the documents ---------------------------------------------------------------------------------


def match_report(view: MatchView) -> dict[str, object]:
    """Return the match report document of one match."""
    m = view.match
    standout = _ranked_players(view.players, STANDOUT_PLAYERS)
    scorers = [g["player_name"] for g in view.goals]
    lines = [
        _joined(p for p in (view.title, _competition_phrase(m), view.day) if p)
        + f"{_venue_phrase(m)}."
        + _officials_phrase(m),
        _halftime_sentence(m),
        _completeness_sentence(m),
        "Goals: " + _scorers_by_team(view) + ".",
        _cards_sentence(view),
        _key_stats_sentence(view),
        ("Standout players: " + "; ".join(_player_summary(p, with_team=True) for p in standout) + ".")
        if standout
        else "",
        _tactics_paragraph(view, SIDES),
    ]
    return _document(
        f"match:{view.match_id}",
        "match",
        lines,
        m,
        players=_unique([*scorers, *(p["player_name"] for p in standout)]),
    )


def team_match_report(view: MatchView, side: str) -> dict[str, object]:
    """Return the report of one match from one team's side."""
    m, stats = view.match, view.team_stats.get(side, {})
    other = "away" if side == "home" else "home"
    team, opponent = view.team(side), view.team(other)
    goals_for, goals_against = m[f"{side}_goals"], m[f"{other}_goals"]
    verb = RESULT_VERBS.get(str(stats.get("result")), "played")
    lines = [
        f"{team} ({side}) {verb} {opponent} {goals_for}-{goals_against} on {view.day}"
        f"{_prefixed(', ', _competition_phrase(m))}{_venue_phrase(m)}. {_halftime_sentence(m)}",
        _formation_sentence(view, side, team),
        _manager_sentence(m, side, team),
        f"{team} scorers: {_side_scorers(view, side)}. Conceded: {_side_scorers(view, other)}.",
        _attack_sentence(team, stats),
        _build_up_sentence(team, stats),
        _defence_sentence(team, stats),
        _best_players_sentence(team, [p for p in view.players if p["side"] == side]),
        _tactics_paragraph(view, (side,)),
    ]
    return _document(
        f"team_match:{view.match_id}:{side}",
        "team_match",
        lines,
        m,
        team=team,
        players=_unique(g["player_name"] for g in view.goals if g["side"] == side),
    )


def player_highlights(view: MatchView) -> dict[str, object]:
    """Return the top performers of both teams in one match, by WhoScored rating."""
    chosen = []
    lines = [f"Top performers in {view.title} ({view.day}):"]
    for side in SIDES:
        best = _ranked_players([p for p in view.players if p["side"] == side], TOP_PLAYERS_PER_TEAM)
        chosen.extend(best)
        summaries = "; ".join(_player_summary(p, with_team=False) for p in best)
        lines.append(f"{view.team(side)}: {summaries or 'no ratings'}.")
    return _document(
        f"players:{view.match_id}",
        "player_highlights",
        lines,
        view.match,
        players=_unique(p["player_name"] for p in chosen),
    )


def goal_notes(view: MatchView) -> list[dict[str, object]]:
    """Return one note per goal of the match, in order: scorer, minute, assist, the shot and the score."""
    notes = []
    for number, goal in enumerate(view.goals, start=1):
        team = view.team(str(goal["side"]))
        shot = goal["shot"]
        scorer = goal["player_name"]
        if goal["own_goal"]:
            what = f"{scorer} scored an own goal, credited to {team},"
        else:
            what = f"{scorer} scored {'a penalty ' if goal['penalty'] else ''}for {team}"
        assist = _name(goal.get("other_player_name"))
        lines = [
            f"Goal {number} of {view.title} ({view.day}): {what} at {_goal_minute(goal)}, "
            f"making it {goal['home_goals']}-{goal['away_goals']}.",
            f"Assisted by {assist}." if assist else "",
            _shot_sentence(shot, goal) if shot else "",
        ]
        notes.append(
            _document(
                f"goal:{view.match_id}:{number}",
                "goal",
                lines,
                view.match,
                team=team,
                players=_unique([scorer, assist]),
            )
        )
    return notes


def key_moment_notes(view: MatchView) -> list[dict[str, object]]:
    """Return a note per red card (straight or second yellow) and per missed penalty, in match order."""
    moments = [(m["period"], m["minute"], "card", m) for m in view.timeline if m["kind"] == "card"]
    moments = [moment for moment in moments if moment[3]["detail"] in ("red", "second_yellow")]
    moments += [(s["period"], s["minute"], "penalty", s) for s in view.shots if _missed_penalty(s)]
    notes = []
    for number, (period, minute, kind, row) in enumerate(sorted(moments, key=lambda m: (m[0], m[1])), start=1):
        team = view.team(str(row["side"]))
        # a card's timeline row carries the score at that moment; a shot is placed among the goals by minute
        score = f"{row['home_goals']}-{row['away_goals']}" if kind == "card" else _score_before(view, period, minute)
        when = f"at {broadcast_minute(view.source, period, minute, row.get('minute_added'))} with the score {score}"
        if kind == "card":
            what = f"{row['player_name']} ({team}) was sent off ({CARD_NAMES[row['detail']]}) {when}."
        else:
            what = f"{row['player_name']} ({team}) missed a penalty ({row['outcome']}) {when}."
        notes.append(
            _document(
                f"moment:{view.match_id}:{number}",
                "key_moment",
                [f"Key moment in {view.title} ({view.day}): {what}"],
                view.match,
                team=team,
                players=_unique([row["player_name"]]),
            )
        )
    return notes


def team_season_summaries(
    tables: MatchTables, teams_seasons: Collection[tuple[str, str]] | None = None
) -> list[dict[str, object]]:
    """Return one season-to-date summary per team and season (default all; else those of ``teams_seasons``, pairs
    of team and season): record, points, form, goals and xG, by team then season."""
    seasons = tables.matches[["match_id", "date", "season", "competition", "home", "away", "home_goals", "away_goals"]]
    played = tables.team_stats.merge(seasons, on="match_id").sort_values(["date", "match_id"])
    if teams_seasons is not None:
        played = played[pd.MultiIndex.from_frame(played[["team", "season"]]).isin(list(teams_seasons))]
    goals = tables.player_stats.merge(seasons[["match_id", "season"]], on="match_id")
    scorers = {key: rows.groupby("player_name")["goals"].sum() for key, rows in goals.groupby(["team", "season"])}
    return [
        _season_document(str(team), str(season), games, scorers.get((team, season), pd.Series(dtype=float)))
        for (team, season), games in played.groupby(["team", "season"], sort=True)
    ]


def _season_document(team: str, season: str, games: pd.DataFrame, scorers: pd.Series) -> dict[str, object]:
    """Return the season summary of one team from its ``games`` (team_stats rows with match columns, by date)."""
    record = games["result"].value_counts()
    wins, draws, losses = (int(record.get(r, 0)) for r in ("W", "D", "L"))
    last_day = _match_date(games.iloc[-1])
    form = games["result"].tail(FORM_MATCHES).tolist()
    top = sorted(((str(n), int(g)) for n, g in scorers.items() if g > 0), key=lambda item: (-item[1], item[0]))
    top = top[:TOP_SCORERS]
    lines = [
        f"{team}, {season} season to {_long_date(last_day)} "
        f"({_count(len(games), 'match', 'matches')}{_competitions_phrase(games)}): "
        f"{_count(wins, 'win')}, {_count(draws, 'draw')}, {_count(losses, 'defeat')}, {3 * wins + draws} points.",
        f"Goals: {int(games['goals'].sum())} for, {int(games['goals_against'].sum())} against "
        f"(difference {int(games['goals'].sum() - games['goals_against'].sum()):+d}).",
        f"xG: {_fmt(games['xg'].sum(min_count=len(games)), 2)} for, "
        f"{_fmt(games['xg_against'].sum(min_count=len(games)), 2)} against.",
        f"Home record {_record(games, 'home')}; away record {_record(games, 'away')}.",
        f"Form, last {len(form)} (oldest first): {' '.join(form)}.",
        "Last results: " + "; ".join(_result_line(row) for row in games.tail(FORM_MATCHES).to_dict("records")) + ".",
        ("Top scorers: " + ", ".join(f"{name} {goals}" for name, goals in top) + ".") if top else "",
    ]
    return {
        "doc_id": f"team_season:{team}:{season}",
        "doc_type": "team_season",
        "text": _join(lines),
        "match_id": None,
        "date": _iso(last_day),
        "season": season,
        "competition": _joined(_competitions(games)) or None,
        "teams": team,
        "home_team": None,
        "away_team": None,
        "team": team,
        "players": _joined(name for name, _ in top),
    }


# --- sentences ------------------------------------------------------------------------------------


def _halftime_sentence(m: Mapping[str, object]) -> str:
    if _missing(m.get("ht_home_goals")):
        return ""
    return f"Half-time {m['ht_home_goals']}-{m['ht_away_goals']}."


def _scorers_by_team(view: MatchView) -> str:
    return ". ".join(f"{view.team(side)}: {_side_scorers(view, side)}" for side in SIDES)


def _side_scorers(view: MatchView, side: str) -> str:
    """Return the side's scorers, saying how many goals of the score no record names a scorer for."""
    goals = [g for g in view.goals if g["side"] == side]
    unrecorded = int(view.match[f"{side}_goals"]) - len(goals)
    parts = [_scorer_list(goals), f"{_count(unrecorded, 'goal')} without scorer data" if unrecorded > 0 else ""]
    return ", ".join(p for p in parts if p) or "none"


def _scorer_list(goals: list[Mapping[str, object]]) -> str:
    """Return "Leandro Trossard 36', Eberechi Eze 41', 46', 76'" with "(pen)" and "(og)" after a minute."""
    minutes: dict[str, list[str]] = {}
    for goal in goals:
        minutes.setdefault(str(goal["player_name"]), []).append(_goal_minute(goal))
    return ", ".join(f"{name} {', '.join(times)}" for name, times in minutes.items())


def _goal_minute(goal: Mapping[str, object]) -> str:
    label = str(goal["minute_label"])
    if goal["own_goal"]:
        return f"{label} (og)"
    return f"{label} (pen)" if goal["penalty"] else label


def _cards_sentence(view: MatchView) -> str:
    cards = [c for c in view.timeline if c["kind"] == "card"]
    if not cards:
        return "No cards."
    parts = []
    for side in SIDES:
        shown = [
            f"{c['player_name']} {broadcast_minute(view.source, c['period'], c['minute'])} ({CARD_NAMES[c['detail']]})"
            for c in cards
            if c["side"] == side
        ]
        parts.append(f"{view.team(side)}: {', '.join(shown) or 'none'}")
    return "Cards: " + "; ".join(parts) + "."


def _key_stats_sentence(view: MatchView) -> str:
    """Return "Key stats, Arsenal v Tottenham: shots 17 v 3; ..." (home first), from ``team_stats``."""
    home, away = (view.team_stats.get(side, {}) for side in SIDES)
    pairs = [
        f"{label} {_fmt(home.get(column), decimals, unit)} v {_fmt(away.get(column), decimals, unit)}"
        for column, label, decimals, unit in KEY_STATS
    ]
    return f"Key stats, {view.team('home')} v {view.team('away')}: " + "; ".join(pairs) + "."


def _attack_sentence(team: str, s: Mapping[str, object]) -> str:
    return (
        f"{team} attacked with {_fmt(s.get('shots'))} shots ({_fmt(s.get('shots_on_target'))} on target, "
        f"{_fmt(s.get('big_chances'))} big chances) worth {_fmt(s.get('xg'), 2)} xG "
        f"({_fmt(s.get('xg_per_shot'), 2)} per shot), and conceded {_fmt(s.get('xg_against'), 2)} xG."
    )


def _build_up_sentence(team: str, s: Mapping[str, object]) -> str:
    return (
        f"{team} had {_fmt(s.get('possession'), 1, '%')} possession and made {_fmt(s.get('passes'))} passes "
        f"at {_fmt(s.get('pass_accuracy'), 1, '%')} accuracy: {_fmt(s.get('progressive_passes'))} progressive, "
        f"{_fmt(s.get('passes_into_final_third'))} into the final third, {_fmt(s.get('passes_into_box'))} into "
        f"the box; {_fmt(s.get('crosses'))} crosses, {_fmt(s.get('corners'))} corners, field tilt "
        f"{_fmt(s.get('field_tilt'), 1, '%')}."
    )


def _defence_sentence(team: str, s: Mapping[str, object]) -> str:
    return (
        f"Without the ball {team} allowed {_fmt(s.get('ppda'), 1)} passes per defensive action (PPDA), "
        f"defended on average {_fmt(s.get('defensive_line_height'), 1)} m from their own goal, and won "
        f"{_fmt(s.get('high_turnovers'))} high turnovers; {_fmt(s.get('tackles'))} tackles, "
        f"{_fmt(s.get('interceptions'))} interceptions, {_fmt(s.get('clearances'))} clearances, "
        f"{_fmt(s.get('aerials_won'))} aerials won, {_fmt(s.get('fouls'))} fouls, "
        f"{_fmt(s.get('yellow_cards'))} yellow and {_fmt(s.get('red_cards'))} red cards, "
        f"{_count(s.get('saves'), 'save')}, {_count(s.get('offsides'), 'offside')}."
    )


def _formation_sentence(view: MatchView, side: str, team: str) -> str:
    shapes = [f["formation"] for f in sorted(view.formations, key=lambda f: f["start_minute"]) if f["side"] == side]
    if not shapes:
        return ""
    return f"{team} lined up in a {shapes[0]}" + (f", then {', then '.join(shapes[1:])}." if len(shapes) > 1 else ".")


def _manager_sentence(m: Mapping[str, object], side: str, team: str) -> str:
    manager = _name(m.get(f"{side}_manager"))
    return f"{team} manager: {manager}." if manager else ""


def _best_players_sentence(team: str, players: list[Mapping[str, object]]) -> str:
    best = _ranked_players(players, TOP_PLAYERS_PER_TEAM)
    if not best:
        return ""
    return f"Best rated for {team}: " + "; ".join(_player_summary(p, with_team=False) for p in best) + "."


def _player_summary(p: Mapping[str, object], *, with_team: bool) -> str:
    """Return e.g. "Eberechi Eze (Arsenal, AMC) rating 10.00, man of the match: 3 goals, 6 shots, ..."."""
    position = "substitute" if p.get("position") == "Sub" else p.get("position")
    who = f"{p['player_name']} ({p['team']}, {position})" if with_team else f"{p['player_name']} ({position})"
    facts = [f"{_count(p['goals'], 'goal')}", f"{_count(p['assists'], 'assist')}", f"{_count(p['shots'], 'shot')}"]
    if not _missing(p.get("xg")):
        facts.append(f"{_fmt(p['xg'], 2)} xG")
    facts += [f"{_count(p['key_passes'], 'key pass', 'key passes')}", f"{_fmt(p['minutes'])} minutes"]
    motm = ", man of the match" if p.get("man_of_the_match") else ""
    return f"{who} rating {_fmt(p['rating'], 2)}{motm}: {', '.join(facts)}"


def _shot_sentence(shot: Mapping[str, object], goal: Mapping[str, object]) -> str:
    body = {"Head": "a header", "LeftFoot": "a left-footed shot", "RightFoot": "a right-footed shot"}.get(
        str(shot.get("shot_type")), "a shot"
    )
    situation = _situation_phrase(shot.get("situation"))
    xg = "" if _missing(shot.get("xg")) else f", xG {_fmt(shot['xg'], 2)}"
    if goal["own_goal"]:
        return f"The ball went in from {_fmt(shot.get('distance'), 1)} m out."
    return f"It was {body}{situation} from {_fmt(shot.get('distance'), 1)} m{xg}."


def _situation_phrase(situation: object) -> str:
    phrases = {
        "RegularPlay": " in open play",
        "FastBreak": " on the counter-attack",
        "FromCorner": " from a corner",
        "SetPiece": " from a set piece",
        "ThrowinSetPiece": " from a throw-in",
        "DirectFreekick": " from a direct free kick",
        "Penalty": " from the penalty spot",
    }
    return phrases.get(str(situation), "")


def _tactics_paragraph(view: MatchView, sides: Iterable[str]) -> str:
    sentences = [s for side in sides for s in tactical_sentences(view.team(side), view.team_stats.get(side, {}))]
    return ("Tactics: " + " ".join(sentences)) if sentences else ""


Rule = Callable[[str, Mapping[str, object]], str | None]


def tactical_sentences(team: str, s: Mapping[str, object]) -> list[str]:
    """Return the tactical sentences the team's metrics support, each with its value and threshold."""
    return [sentence for rule in TACTICAL_RULES if (sentence := rule(team, s))]


def _pressing(team: str, s: Mapping[str, object]) -> str | None:
    ppda = s.get("ppda")
    if _missing(ppda):
        return None
    if ppda < HIGH_PRESS_PPDA:
        return f"{team} pressed high (PPDA {_fmt(ppda, 1)}, below the {HIGH_PRESS_PPDA:g} threshold)."
    if ppda > LOW_PRESS_PPDA:
        return (
            f"{team} sat off and let the opponent pass (PPDA {_fmt(ppda, 1)}, above the {LOW_PRESS_PPDA:g} threshold)."
        )
    return None


def _territory(team: str, s: Mapping[str, object]) -> str | None:
    tilt = s.get("field_tilt")
    if _missing(tilt) or tilt < DOMINANT_FIELD_TILT:
        return None
    return (
        f"{team} dominated territory (field tilt {_fmt(tilt, 1, '%')}, above the {DOMINANT_FIELD_TILT:g}% threshold)."
    )


def _ball(team: str, s: Mapping[str, object]) -> str | None:
    share = s.get("possession")
    if _missing(share):
        return None
    if share >= DOMINANT_POSSESSION:
        return f"{team} controlled the ball ({_fmt(share, 1, '%')} possession, at least {DOMINANT_POSSESSION:g}%)."
    if share <= CEDED_POSSESSION:
        return f"{team} played without the ball ({_fmt(share, 1, '%')} possession, at most {CEDED_POSSESSION:g}%)."
    return None


def _line(team: str, s: Mapping[str, object]) -> str | None:
    height = s.get("defensive_line_height")
    if _missing(height):
        return None
    if height >= HIGH_LINE_METRES:
        return (
            f"{team} defended high up the pitch (defensive actions {_fmt(height, 1)} m from their goal on "
            f"average, beyond {HIGH_LINE_METRES:g} m)."
        )
    if height <= DEEP_BLOCK_METRES:
        return (
            f"{team} defended in a deep block (defensive actions {_fmt(height, 1)} m from their goal on "
            f"average, within {DEEP_BLOCK_METRES:g} m)."
        )
    return None


def _finishing(team: str, s: Mapping[str, object]) -> str | None:
    goals, xg = s.get("goals"), s.get("xg")
    if _missing(xg) or _missing(goals):
        return None
    margin = goals - xg
    if margin > FINISHING_MARGIN:
        return (
            f"{team} finished above their chances ({goals} goals from {_fmt(xg, 2)} xG, more than "
            f"{FINISHING_MARGIN:g} over)."
        )
    if margin < -FINISHING_MARGIN:
        return (
            f"{team} wasted their chances ({goals} goals from {_fmt(xg, 2)} xG, more than {FINISHING_MARGIN:g} under)."
        )
    return None


def _chance_quality(team: str, s: Mapping[str, object]) -> str | None:
    per_shot = s.get("xg_per_shot")
    if _missing(per_shot) or per_shot < CLEAR_CHANCES_XG_PER_SHOT:
        return None
    return f"{team} created clear chances ({_fmt(per_shot, 2)} xG per shot, at least {CLEAR_CHANCES_XG_PER_SHOT:g})."


TACTICAL_RULES: tuple[Rule, ...] = (_pressing, _territory, _ball, _line, _finishing, _chance_quality)


# --- rows behind the sentences --------------------------------------------------------------------


def _with_shot(goal: Mapping[str, object], shots: list[Mapping[str, object]], source: str) -> dict[str, object]:
    """Return the timeline's goal with the shot that scored it (``shot``, None when not found) and its minute.

    The shot is the scorer's goal in that minute of that period. A record without lineups (a bare shot
    map) names no scorer in the timeline: the shot's own player name stands in.
    """
    shot = next(
        (
            s
            for s in shots
            if s["is_goal"]
            and s["period"] == goal["period"]
            and s["minute"] == goal["minute"]
            and s["player_id"] == goal["player_id"]
        ),
        None,
    )
    name = _name(goal.get("player_name")) or (_name(shot.get("player_name")) if shot else None)
    added = shot.get("minute_added") if shot else None
    label = broadcast_minute(source, goal["period"], goal["minute"], added)
    return {**goal, "player_name": name or "unknown player", "shot": shot, "minute_label": label}


def _missed_penalty(shot: Mapping[str, object]) -> bool:
    return bool(shot["penalty"]) and not shot["is_goal"] and shot["period"] != SHOOTOUT_PERIOD


def _score_before(view: MatchView, period: int, minute: int) -> str:
    """Return the score once every goal up to (period, minute) had been scored."""
    scored = [g for g in view.goals if (g["period"], g["minute"]) <= (period, minute)]
    home = sum(g["side"] == "home" for g in scored)
    return f"{home}-{len(scored) - home}"


def _ranked_players(players: list[Mapping[str, object]], n: int) -> list[Mapping[str, object]]:
    """Return the ``n`` best-rated players (ties by name), those without a rating left out."""
    rated = [p for p in players if not _missing(p.get("rating"))]
    return sorted(rated, key=lambda p: (-float(p["rating"]), str(p["player_name"])))[:n]


def _record(games: pd.DataFrame, side: str) -> str:
    """Return the team's wins, draws and defeats at ``side`` as "W-D-L" numbers, e.g. "8-1-1"."""
    counts = games.loc[games["side"] == side, "result"].value_counts()
    return "-".join(str(int(counts.get(r, 0))) for r in ("W", "D", "L"))


def _result_line(row: Mapping[str, object]) -> str:
    day = _match_date(row)
    when = f"{day.day} {day:%b}" if day else "date unknown"
    return f"{when} {row['home']} {row['home_goals']}-{row['away_goals']} {row['away']} ({row['result']})"


# --- formatting -----------------------------------------------------------------------------------


def _document(
    doc_id: str,
    doc_type: str,
    lines: Iterable[str],
    m: Mapping[str, object],
    *,
    team: str | None = None,
    players: str = "",
) -> dict[str, object]:
    return {
        "doc_id": doc_id,
        "doc_type": doc_type,
        "text": _join(lines),
        "match_id": str(m["match_id"]),
        "date": _iso(_match_date(m)),
        "season": _name(m.get("season")),
        "competition": _name(m.get("competition")),
        "teams": _joined([m["home"], m["away"]]),
        "home_team": str(m["home"]),
        "away_team": str(m["away"]),
        "team": team,
        "players": players,
    }


def _join(lines: Iterable[str]) -> str:
    return "\n".join(line for line in lines if line)


def _joined(names: Iterable[object]) -> str:
    return ", ".join(str(n) for n in names)


def _unique(names: Iterable[object]) -> str:
    """Return the distinct names, in first-seen order, ", "-joined (missing names left out)."""
    return _joined(dict.fromkeys(n for n in names if _name(n)))


def _competition_phrase(m: Mapping[str, object]) -> str:
    """Return "Premier League 2025/2026", "2025/2026 season", or "" when the record gives neither."""
    competition, season = _name(m.get("competition")), _name(m.get("season"))
    if competition:
        return f"{competition} {season}" if season else competition
    return f"{season} season" if season else ""


def _prefixed(prefix: str, text: str) -> str:
    return prefix + text if text else ""


def _completeness_sentence(m: Mapping[str, object]) -> str:
    if m.get("complete") is not False:
        return ""
    return f"Data note: the record is incomplete ({_name(m.get('incomplete_reason')) or 'reason not given'})."


def _competitions(games: pd.DataFrame) -> list[str]:
    return sorted({c for c in games["competition"] if isinstance(c, str)})


def _competitions_phrase(games: pd.DataFrame) -> str:
    names = _competitions(games)
    return f" in {_joined(names)}" if names else ""


def _venue_phrase(m: Mapping[str, object]) -> str:
    venue = _name(m.get("venue"))
    return f" at {venue}" if venue else ""


def _officials_phrase(m: Mapping[str, object]) -> str:
    parts = []
    if referee := _name(m.get("referee")):
        parts.append(f"Referee: {referee}.")
    if not _missing(m.get("attendance")) and int(m["attendance"]) > 0:  # FotMob gives 0 for unknown
        parts.append(f"Attendance: {int(m['attendance']):,}.")
    return (" " + " ".join(parts)) if parts else ""


def _count(value: object, noun: str, plural: str | None = None) -> str:
    """Return "1 goal", "3 goals" or "n/a goals" when the table has no value."""
    plural = plural or noun + "s"
    if _missing(value):
        return f"n/a {plural}"
    return f"{int(value)} {noun if int(value) == 1 else plural}"


def _fmt(value: object, decimals: int = 0, unit: str = "") -> str:
    """Return ``value`` rounded to ``decimals`` with ``unit``, or "n/a" when the table has no value."""
    if _missing(value):
        return "n/a"
    return f"{float(value):.{decimals}f}{unit}"


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _name(value: object) -> str | None:
    return None if _missing(value) or value == "" else str(value)


def _match_date(row: Mapping[str, object]) -> date | None:
    """Return the match's date; None for a record without one (a bare shot map)."""
    return None if _missing(row["date"]) or row["date"] is pd.NaT else pd.Timestamp(row["date"]).date()


def _long_date(day: date | None) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else "date unknown"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
