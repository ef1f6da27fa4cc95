"""The match story, computed: what an analyst would point out about one match, ranked by how much it mattered.

``match_story(tables, match_id)`` returns ``KeyPoint``s, most important first; ``match_stories(tables)``
does every match at once. Each point is a sentence with its figures and the minutes it covers, built
from the tables by the metric definitions of ``team_metrics`` (applied to the whole match or to a spell
of it, ``game_state``) and ``player_metrics``; nothing here is new arithmetic on football, only which
figures to set side by side. No LLM: the points are what a model may connect, never what it invents.

Importance is on a 0-1 scale, each kind's base weight raised by how far its figures stand out (a wide
xG gap, a sending-off, a missed big chance); the weights are editorial, set so that a sending-off and
an xG race won against the result rank above territory and player lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from football_rag.analytics import team_metrics as tm
from football_rag.analytics.game_state import MatchSlice, slice_match, spell_of, spells, state
from football_rag.analytics.player_metrics import SENT_OFF
from football_rag.analytics.table_index import RowsOf, rows_by_match
from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import SIDES
from football_rag.analytics.timeline import OPPONENT

# Shots from a dead ball (WhoScored's situations): everything but open play and fast breaks.
SET_PIECE_SITUATIONS = ("FromCorner", "SetPiece", "DirectFreekick", "ThrowinSetPiece", "Penalty")
# An xG gap under 0.3 (about one half-chance) is no lead worth naming; the same margin turns a result
# "against the run of play".
XG_MARGIN = 0.3
SPELL_MINUTES = 15  # a team's best spell: the most xG it built in any 15 minutes
# A standout line needs a figure worth naming: each is the 95th to 98th percentile of the 2025/26 corpus'
# player-matches with minutes (key passes 3, progressive passes 8, tackles plus interceptions 6, dribbles 3).
STANDOUT_MINIMUMS = {"key_passes": 3, "progressive_passes": 8, "defensive_actions": 6, "dribbles": 3}


@dataclass(frozen=True)
class KeyPoint:
    """One thing an analyst would say about a match: its kind, the team it is about (None: both), the sentence,
    the figures in it, the minutes of the match it covers (expanded minutes), how much it mattered (0-1), and
    ``brief``: the point in the fewest words, each figure written as in ``text`` and given its team by name (what a
    model reads before it answers, where every token costs time; ``text`` when empty)."""

    kind: str
    team: str | None
    text: str
    figures: dict[str, float] = field(default_factory=dict)
    minutes: tuple[int, int] = (0, 90)
    importance: float = 0.0
    brief: str = ""

    @property
    def short(self) -> str:
        """Return the brief form of the point, or its sentence when it has none."""
        return self.brief or self.text


SLICED_TABLES = ("events", "shots", "timeline", "player_stats", "team_stats")


def match_story(tables: MatchTables, match_id: str) -> list[KeyPoint]:
    """Return the key points of one match, most important first (empty for a match not in the tables)."""
    return StoryBook(tables).points(match_id)


def match_stories(tables: MatchTables) -> dict[str, list[KeyPoint]]:
    """Return every match's key points by match id."""
    book = StoryBook(tables)
    return {match_id: book.points(match_id) for match_id in tables.matches["match_id"]}


class StoryBook:
    """The key points of any match of ``tables``, each computed once, from rows found by match id once.

    A season's events are some 300,000 rows: comparing each row's match id for every match asked (as a
    narrative answer does) costs more than the story itself, so each table's rows by match are found once
    (``table_index.RowsBy``), or read by match from the release when the tables come so (the app's events).
    """

    def __init__(self, tables: MatchTables) -> None:
        self.tables = tables
        self._by_match: dict[str, RowsOf] = {}
        self._points: dict[str, list[KeyPoint]] = {}

    def points(self, match_id: str) -> list[KeyPoint]:
        """Return the match's key points, most important first (empty for a match not in the tables)."""
        if match_id not in self._points:
            self._points[match_id] = self._story(match_id)
        return self._points[match_id]

    def _story(self, match_id: str) -> list[KeyPoint]:
        found = self.rows("matches", match_id)
        if found.empty:
            return []
        return story(_slice(found.iloc[0], {name: self.rows(name, match_id) for name in SLICED_TABLES}))

    def rows(self, name: str, match_id: str) -> pd.DataFrame:
        """Return the rows of table ``name`` about ``match_id``, in their order."""
        if name not in self._by_match:
            self._by_match[name] = rows_by_match(getattr(self.tables, name))
        return self._by_match[name].of([match_id])


def story(match: MatchSlice) -> list[KeyPoint]:
    """Return the key points of one sliced match, most important first (stable for equal importance)."""
    points = [point for builder in BUILDERS for point in builder(match)]
    return sorted(points, key=lambda p: -p.importance)


def _slice(match: pd.Series, rows: dict[str, pd.DataFrame]) -> MatchSlice:
    return slice_match(
        match, rows["events"], tm.without_shootout(rows["shots"]), rows["timeline"], rows["player_stats"],
        rows["team_stats"],
    )  # fmt: skip


# --- figures -------------------------------------------------------------------------------------------


def _pair(values: pd.Series, match_id: str, fill: float = 0.0) -> tuple[float, float]:
    """Return a team metric's (home, away) values for the match (``fill`` where a side has none)."""
    return tuple(float(values.get((match_id, side), fill)) for side in SIDES)  # type: ignore[return-value]


def _stat(match: MatchSlice, column: str) -> tuple[float, float]:
    """Return the whole match's (home, away) figure of a ``team_stats`` column (NaN where unknown)."""
    return tuple(float(match.team_stats[column].get(side, float("nan"))) for side in SIDES)  # type: ignore[return-value]


def _known(*values: float) -> bool:
    return all(pd.notna(v) for v in values)


def _spell_figures(match: MatchSlice, ends: list[float], names: list[str]) -> dict[str, dict[str, tuple[float, float]]]:
    """Return shots, xG and possession of both sides per name, over the spells from kick-off to each of ``ends``
    (spells sharing a name pooled). Each name stands in for the match id, so the match metrics' own definitions
    (``team_metrics``) give every spell's figures in one call each."""
    labels = np.asarray([*names, "beyond the end"], dtype=object)
    shots = match.shots.assign(match_id=labels[spell_of(match.shots, ends)])
    events = match.events.assign(match_id=labels[spell_of(match.events, ends)])
    metrics = {"shots": tm.shots(shots), "xg": tm.xg(shots)}
    if not events.empty:
        metrics["possession"] = tm.possession(events)
    return {
        name: {
            key: _pair(values, name, float("nan") if key == "possession" else 0.0) for key, values in metrics.items()
        }
        for name in dict.fromkeys(names)
    }


def _spell_text(match: MatchSlice, figures: dict[str, tuple[float, float]]) -> str:
    """Return "shots 8 v 3, xG 0.52 v 0.16, possession 48.3% v 51.7%" (home first; unknown figures left out)."""
    formats = {
        "shots": "shots {:.0f} v {:.0f}",
        "xg": "xG {:.2f} v {:.2f}",
        "possession": "possession {:.1f}% v {:.1f}%",
    }
    return ", ".join(formats[key].format(*pair) for key, pair in figures.items() if _known(*pair))


def _spell_brief(match: MatchSlice, figures: dict[str, tuple[float, float]]) -> str:
    """Return "Leeds 18 shots, 2.01 xG; Everton 4, 0.23": each side's shots and xG by name (possession left out;
    xG too where the shots have none)."""
    shots, xg = figures["shots"], figures["xg"]
    if not _known(*xg):
        return f"{match.team('home')} {_counted(shots[0], 'shot')}, {match.team('away')} {shots[1]:.0f}"
    return (
        f"{match.team('home')} {_counted(shots[0], 'shot')}, {xg[0]:.2f} xG; "
        f"{match.team('away')} {shots[1]:.0f}, {xg[1]:.2f}"
    )


def _flat(figures: dict[str, tuple[float, float]], prefix: str = "") -> dict[str, float]:
    """Return {"home_xg": ..., "away_xg": ...} from {"xg": (home, away)}."""
    return {f"{prefix}{side}_{key}": pair[i] for key, pair in figures.items() for i, side in enumerate(SIDES)}


def _counted(value: float, noun: str) -> str:
    """Return "1 shot", "3 shots"."""
    return f"{value:.0f} {noun}{'' if round(value) == 1 else 's'}"


def _span(match: MatchSlice, start: float = 0.0, end: float | None = None) -> tuple[int, int]:
    return int(start), round(match.end if end is None else end)


# --- the points ------------------------------------------------------------------------------------------


def xg_race(match: MatchSlice) -> list[KeyPoint]:
    """How the xG race went: the totals, half-time, who led it from when, and each side's best 15-minute spell."""
    home_xg, away_xg = _stat(match, "xg")
    attempts = match.shots.loc[~match.shots["own_goal"].astype(bool)].sort_values("clock")
    if not _known(home_xg, away_xg) or attempts.empty:
        return []
    first_half = _pair(tm.xg(attempts.loc[attempts["period"] == 1]), match.match_id)
    lead = (attempts["xg"].where(attempts["side"] == "home", -attempts["xg"])).cumsum()
    leader = (
        pd.Series(pd.NA, index=lead.index, dtype=object)
        .mask(lead >= XG_MARGIN, "home")
        .mask(lead <= -XG_MARGIN, "away")
    )
    leaders = leader.dropna()
    changes = int((leaders != leaders.shift()).sum() - 1) if len(leaders) else 0
    text = (
        f"xG: {match.team('home')} {home_xg:.2f}, {match.team('away')} {away_xg:.2f} "
        f"(half time {first_half[0]:.2f} v {first_half[1]:.2f})."
    )
    final = "home" if home_xg - away_xg >= XG_MARGIN else "away" if away_xg - home_xg >= XG_MARGIN else None
    since = 0.0
    if final is not None:
        took = leaders.loc[(leaders == final) & (leaders.shift() != final)].index[-1]
        since = float(attempts.at[took, "clock"])
        text += (
            f" {match.team(final)} led the xG race by {XG_MARGIN} or more from {match.minute(attempts.loc[took])} on"
        )
        text += f", after {changes} change{'s' if changes != 1 else ''} of lead." if changes else "."
    else:
        text += " Neither side led the xG race by the end."
    result = _stat(match, "goals")
    winner = "home" if result[0] > result[1] else "away" if result[1] > result[0] else None
    upset = final is not None and winner is not None and winner != final
    if upset:
        text += f" {match.team(winner)} won against the run of play (less xG)."
    spells_text, best = [], {}
    for side in SIDES:
        spell = _best_spell(match, attempts.loc[attempts["side"] == side])
        if spell is not None:
            best[side] = spell
            spells_text.append(f"{match.team(side)} {spell[0]:.2f} xG from {spell[1]} to {spell[2]}")
    if spells_text:
        text += f" Best {SPELL_MINUTES}-minute spells: " + "; ".join(spells_text) + "."
    brief = f"xG {match.team('home')} {home_xg:.2f}, {match.team('away')} {away_xg:.2f}"
    if final is not None:
        brief += f"; {match.team(final)} led the xG race from {match.minute(attempts.loc[took])}"
    brief += f"; {match.team(winner)} won against the run of play." if upset else "."
    figures = {
        "home_xg": round(home_xg, 2),
        "away_xg": round(away_xg, 2),
        "home_xg_first_half": round(first_half[0], 2),
    }
    figures |= {
        "away_xg_first_half": round(first_half[1], 2),
        "lead_changes": changes,
        "against_run_of_play": float(upset),
    }
    importance = min(1.0, 0.45 + min(abs(home_xg - away_xg), 2.0) / 5 + (0.25 if upset else 0.0))
    team = match.team(final) if final else None
    return [KeyPoint("xg_race", team, text, figures, _span(match, since), importance, brief)]


def _best_spell(match: MatchSlice, shots: pd.DataFrame) -> tuple[float, str, str] | None:
    """Return a side's most xG in any 15 minutes (from one of its shots): (xG, first shot's minute, last's)."""
    moments, values = shots["clock"].to_numpy(float), shots["xg"].to_numpy(float)
    best = None
    for i, start in enumerate(moments):
        inside = (moments >= start) & (moments < start + SPELL_MINUTES)
        total = float(values[inside].sum())
        if inside.sum() >= 2 and (best is None or total > best[0] + 1e-9):
            best = (total, i, int(inside.nonzero()[0][-1]))
    if best is None:
        return None
    return best[0], match.minute(shots.iloc[best[1]]), match.minute(shots.iloc[best[2]])


def big_chances(match: MatchSlice) -> list[KeyPoint]:
    """Big chances made and missed: each side's count and goals from them, and who missed which."""
    chances = match.shots.loc[match.shots["big_chance"].fillna(False).astype(bool)].sort_values("clock")
    if chances.empty:
        return []
    parts, figures = [], {}
    for side in SIDES:
        mine = chances.loc[chances["side"] == side]
        scored = int(mine["is_goal"].astype(bool).sum())
        parts.append(f"{len(mine)} for {match.team(side)}, {scored} of them scored")
        figures |= {f"{side}_big_chances": len(mine), f"{side}_big_chances_scored": scored}
    missed = chances.loc[~chances["is_goal"].astype(bool)]
    text = "Big chances: " + "; ".join(parts) + "."
    if not missed.empty:
        text += (
            " Missed: "
            + "; ".join(
                f"{shot['player_name']} ({match.team(shot['side'])}) {match.minute(shot)}"
                + (f", {shot['xg']:.2f} xG" if pd.notna(shot["xg"]) else "")
                + f", {shot['outcome']}"
                for _, shot in missed.iterrows()
            )
            + "."
        )
    brief = "Big chances: " + ", ".join(
        f"{match.team(side)} {figures[f'{side}_big_chances']} ({figures[f'{side}_big_chances_scored']} scored)"
        for side in SIDES
    )  # who missed them is left to the full point: a name, a minute and an xG are some 15 tokens each
    importance = min(0.85, 0.3 + 0.12 * len(missed))
    return [KeyPoint("big_chances", None, text, figures, _span(match), importance, brief + ".")]


def shot_quality(match: MatchSlice) -> list[KeyPoint]:
    """Shot volume against shot quality: each side's shots and xG per shot, and whether the two disagree."""
    shots, per_shot = _stat(match, "shots"), _stat(match, "xg_per_shot")
    if not _known(*shots, *per_shot) or min(shots) == 0:
        return []
    text = (
        f"Shots and their quality: {match.team('home')} {shots[0]:.0f} shots at {per_shot[0]:.2f} xG per shot, "
        f"{match.team('away')} {shots[1]:.0f} at {per_shot[1]:.2f}."
    )
    volume = "home" if shots[0] > shots[1] else "away" if shots[1] > shots[0] else None
    contrast = volume is not None and per_shot[SIDES.index(OPPONENT[volume])] > per_shot[SIDES.index(volume)]
    if contrast:
        text += f" Volume for {match.team(volume)}, quality for {match.team(OPPONENT[volume])}."
    brief = (
        f"Shots (xG per shot): {match.team('home')} {shots[0]:.0f} ({per_shot[0]:.2f}), "
        f"{match.team('away')} {shots[1]:.0f} ({per_shot[1]:.2f})"
    )
    brief += f"; volume {match.team(volume)}, quality {match.team(OPPONENT[volume])}." if contrast else "."
    figures = _flat({"shots": shots, "xg_per_shot": (round(per_shot[0], 2), round(per_shot[1], 2))})
    team = match.team(OPPONENT[volume]) if contrast else None
    return [KeyPoint("shot_quality", team, text, figures, _span(match), 0.55 if contrast else 0.3, brief)]


def territory(match: MatchSlice) -> list[KeyPoint]:
    """Territory: field tilt (share of the final-third passes), possession and entries into the final third and box."""
    tilt, possession = _stat(match, "field_tilt"), _stat(match, "possession")
    entries, box = _stat(match, "passes_into_final_third"), _stat(match, "passes_into_box")
    if not _known(*tilt, *possession):
        return []
    side = "home" if tilt[0] >= tilt[1] else "away"
    i = SIDES.index(side)
    text = (
        f"Territory: {match.team(side)} had {tilt[i]:.1f}% of the final-third passes (field tilt) and "
        f"{possession[i]:.1f}% possession; passes into the final third {entries[0]:.0f} v {entries[1]:.0f}, "
        f"into the box {box[0]:.0f} v {box[1]:.0f} ({match.team('home')} first)."
    )
    figures = _flat({"field_tilt": tilt, "possession": possession, "passes_into_final_third": entries})
    brief = f"{match.team(side)} had {tilt[i]:.1f}% field tilt and {possession[i]:.1f}% possession."
    importance = 0.2 + abs(tilt[0] - 50) / 50 * 0.5
    return [KeyPoint("territory", match.team(side), text, figures, _span(match), importance, brief)]


def pressing(match: MatchSlice) -> list[KeyPoint]:
    """Pressing and where the ball was won: PPDA, high turnovers and the average height of defensive actions."""
    ppda, high, line = _stat(match, "ppda"), _stat(match, "high_turnovers"), _stat(match, "defensive_line_height")
    if not _known(*ppda, *high, *line):
        return []
    side = "home" if ppda[0] <= ppda[1] else "away"
    text = (
        f"Pressing: PPDA {match.team('home')} {ppda[0]:.1f}, {match.team('away')} {ppda[1]:.1f}"
        + (f", so {match.team(side)} pressed harder" if ppda[0] != ppda[1] else "")
        + f"; balls won within 40 m of goal {high[0]:.0f} v {high[1]:.0f}; defensive actions on average "
        f"{line[0]:.1f} m v {line[1]:.1f} m from their own goal ({match.team('home')} first)."
    )
    figures = _flat({"ppda": (round(ppda[0], 1), round(ppda[1], 1)), "high_turnovers": high})
    ratio = max(ppda) / min(ppda) if min(ppda) > 0 else 1.0
    brief = f"PPDA {match.team('home')} {ppda[0]:.1f}, {match.team('away')} {ppda[1]:.1f}" + (
        f": {match.team(side)} pressed harder." if ppda[0] != ppda[1] else "."
    )
    importance = 0.2 + min(ratio - 1, 1.5) / 1.5 * 0.35
    return [KeyPoint("pressing", match.team(side), text, figures, _span(match), importance, brief)]


def set_pieces(match: MatchSlice) -> list[KeyPoint]:
    """Set pieces: each side's shots, xG and goals from dead balls, and corners won."""
    dead = match.shots.loc[match.shots["situation"].isin(SET_PIECE_SITUATIONS)]
    if dead.empty:
        return []
    goals = dead.loc[dead["is_goal"].astype(bool) & ~dead["own_goal"].astype(bool)]
    figures = {
        "shots": _pair(tm.shots(dead), match.match_id),
        "xg": _pair(tm.xg(dead), match.match_id),
        "goals": tuple(float(goals["side"].eq(side).sum()) for side in SIDES),
        "corners": _stat(match, "corners"),
    }
    parts = [
        f"{_counted(figures['shots'][i], 'shot')}"
        + (f", {figures['xg'][i]:.2f} xG" if pd.notna(figures["xg"][i]) else "")
        + f", {_counted(figures['goals'][i], 'goal')} and {_counted(figures['corners'][i], 'corner')}"
        + f" for {match.team(side)}"
        for i, side in enumerate(SIDES)
    ]
    text = "Set pieces: " + "; ".join(parts) + "."
    brief = "Set pieces: " + ", ".join(
        f"{match.team(side)} {_counted(figures['goals'][i], 'goal')} from {_counted(figures['shots'][i], 'shot')}"
        for i, side in enumerate(SIDES)
    )
    importance = min(0.8, 0.2 + 0.2 * sum(figures["goals"]))
    return [KeyPoint("set_pieces", None, text, _flat(figures), _span(match), importance, brief + ".")]


def game_states(match: MatchSlice) -> list[KeyPoint]:
    """How each side played while level, and while one led: minutes, shots, xG and possession in each state."""
    cut = spells(match)
    if len(cut) < 2:
        return []
    # The home side's state names each spell: ahead = home led, behind = away led.
    names = [state(score, "home") for _, _, score in cut]
    figures = _spell_figures(match, [end for _, end, _ in cut], names)
    points = []
    for name, totals in figures.items():
        chosen = [(start, end) for (start, end, _), spell in zip(cut, names, strict=True) if spell == name]
        minutes = sum(end - start for start, end in chosen)
        leader = {"level": None, "ahead": "home", "behind": "away"}[name]
        who = f"While {match.team(leader)} led" if leader else "While level"
        text = f"{who} ({minutes:.0f} minutes): {_spell_text(match, totals)} ({match.team('home')} first)."
        figures_flat = {"minutes": round(minutes)} | _flat(
            {k: tuple(round(v, 2) for v in p) for k, p in totals.items()}
        )
        importance = 0.3 + min(minutes, 90) / 90 * 0.3
        span = (int(chosen[0][0]), round(chosen[-1][1]))
        team = match.team(leader) if leader else None
        brief = f"{who} ({minutes:.0f} minutes): {_spell_brief(match, totals)}."
        points.append(KeyPoint("game_state", team, text, figures_flat, span, importance, brief))
    return points


def sendings_off(match: MatchSlice) -> list[KeyPoint]:
    """What changed after each red card: both sides' shots, xG and possession before and after it."""
    cards = match.timeline.loc[match.timeline["kind"].eq("card") & match.timeline["detail"].isin(SENT_OFF)]
    points = []
    for _, card in cards.iterrows():
        moment, end = float(card["clock"]), match.end
        split = _spell_figures(match, [moment, end], ["before", "after"])
        before, after = split["before"], split["after"]
        who = card["player_name"] if pd.notna(card["player_name"]) else "A member of staff"
        text = (
            f"{who} ({match.team(card['side'])}) was sent off at {match.minute(card)}. Before: "
            f"{_spell_text(match, before)}. After ({end - moment:.0f} minutes): {_spell_text(match, after)} "
            f"({match.team('home')} first)."
        )
        figures = {"minute": round(moment)} | _flat(before, "before_") | _flat(after, "after_")
        figures = {k: round(v, 2) for k, v in figures.items()}
        shots = after["shots"]
        brief = (
            f"{who} ({match.team(card['side'])}) sent off at {match.minute(card)}; shots after it: "
            f"{match.team('home')} {shots[0]:.0f}, {match.team('away')} {shots[1]:.0f}."
        )
        points.append(KeyPoint("red_card", match.team(card["side"]), text, figures, _span(match, moment), 0.9, brief))
    return points


def substitutes(match: MatchSlice) -> list[KeyPoint]:
    """Substitutes who changed the match: each goal scored or set up by a player who came on."""
    timeline = match.timeline
    arrivals = timeline.loc[timeline["kind"].eq("substitution")].drop_duplicates("player_name").set_index("player_name")
    points = []
    for _, goal in timeline.loc[
        timeline["kind"].eq("goal") & ~timeline["own_goal"].fillna(False).astype(bool)
    ].iterrows():
        for role, verb, weight in (("player_name", "scored", 0.55), ("other_player_name", "set up", 0.45)):
            name = goal[role]
            if pd.isna(name) or name not in arrivals.index or arrivals.at[name, "clock"] > goal["clock"]:
                continue
            came_on = arrivals.loc[name]
            text = (
                f"Substitute {name} ({match.team(goal['side'])}, on at {match.minute(came_on)} for "
                f"{came_on['other_player_name']}) {verb} the goal at {match.minute(goal)}, making it "
                f"{goal['home_goals']}-{goal['away_goals']}."
            )
            figures = {"minute_on": round(float(came_on["clock"])), "minute_goal": round(float(goal["clock"]))}
            span = (int(came_on["clock"]), int(goal["clock"]))
            brief = (
                f"Substitute {name} ({match.team(goal['side'])}, on at {match.minute(came_on)}) {verb} a goal at "
                f"{match.minute(goal)}."
            )
            points.append(KeyPoint("substitution", match.team(goal["side"]), text, figures, span, weight, brief))
    return points


def standout_players(match: MatchSlice) -> list[KeyPoint]:
    """The players who stood out: most xG, key passes, progressive passes, tackles plus interceptions, dribbles."""
    players = match.players.loc[match.players["minutes"].fillna(0) > 0]
    if players.empty:
        return []
    players = players.assign(defensive_actions=players["tackles"] + players["interceptions"])
    points = []
    if players["xg"].notna().any() and players["xg"].max() >= XG_MARGIN:
        top = players.loc[players["xg"].idxmax()]
        text = (
            f"{top['player_name']} ({match.team(top['side'])}) had the most xG: {top['xg']:.2f} from "
            f"{_counted(top['shots'], 'shot')}, {_counted(top['goals'], 'goal')}."
        )
        figures = {"xg": round(float(top["xg"]), 2), "shots": float(top["shots"]), "goals": float(top["goals"])}
        points.append(
            KeyPoint("player", match.team(top["side"]), text, figures, _span(match), 0.4 + 0.05 * top["goals"])
        )
    labels = {
        "key_passes": "key passes",
        "progressive_passes": "progressive passes",
        "defensive_actions": "tackles plus interceptions",
        "dribbles": "dribbles completed",
    }
    for column, label in labels.items():
        values = players[column].astype(float)
        if values.max() < STANDOUT_MINIMUMS[column]:
            continue
        top = players.loc[values.idxmax()]
        detail = (
            f" ({top['tackles']:.0f} tackles, {top['interceptions']:.0f} interceptions)"
            if column == "defensive_actions"
            else ""
        )
        text = f"Most {label}: {top['player_name']} ({match.team(top['side'])}) {top[column]:.0f}{detail}."
        importance = 0.25 + min(float(top[column]) / STANDOUT_MINIMUMS[column] - 1, 1) * 0.1
        points.append(
            KeyPoint("player", match.team(top["side"]), text, {column: float(top[column])}, _span(match), importance)
        )
    return points


BUILDERS: tuple[Callable[[MatchSlice], list[KeyPoint]], ...] = (
    xg_race, big_chances, shot_quality, territory, pressing, set_pieces, game_states, sendings_off, substitutes,
    standout_players,
)  # fmt: skip
