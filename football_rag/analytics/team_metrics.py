"""Team metrics per match and side: one function per metric, each with its definition and reference.

Every metric takes the events table (``events.events_table``: Opta coordinates 0-100, the acting team
attacking towards x = 100) or the shots table (``shots.shots_table``: metres, 105 x 68, the shooter
attacking towards x = 105) of any number of matches and returns a Series indexed by ``(match_id, side)``
with both sides of every match in its input. Counting metrics also take ``by`` (e.g. ``PLAYER_KEYS``),
so a player's passes are counted by the very same definition as his team's.

Where WhoScored publishes the same figure among its own team stats, the docstring names its key: the
season tests hold ours equal to it on every match of the 2025/26 corpus (204 matches).
``team_stats`` puts them together, one row per match and side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from football_rag.analytics.events import qualified
from football_rag.data.coordinates import OPTA_PITCH, STANDARD_PITCH

KEYS = ("match_id", "side")
PLAYER_KEYS = ("match_id", "side", "player_id")
SIDES = ("home", "away")
SHOOTOUT_PERIOD = 5
# Opta's pitch in its 0-100 units: the final third starts where WhoScored's own "successful final third
# passes" start (end x >= 66.7, checked on every pass of the season); Opta's penalty area.
FINAL_THIRD_X = 66.7
BOX_X = 83.0
BOX_Y = (21.1, 78.9)
# Wyscout's PPDA zone: the pressing team's attacking 60% of the pitch (= the passing team's own 60%).
PPDA_ZONE_X = 40.0
PPDA_DEFENSIVE_ACTIONS = ("Tackle", "Challenge", "Interception")
PROGRESSIVE_SHARE = 0.75
HIGH_TURNOVER_METRES = 40.0
BALL_WINS = ("BallRecovery", "Interception")
LINE_HEIGHT_ACTIONS = ("Tackle", "Challenge", "Interception", "Clearance", "BlockedPass", "BallRecovery")
SET_PIECE_PASSES = ("ThrowIn", "CornerTaken", "FreekickTaken", "GoalKick")
GOAL_CENTRE = (STANDARD_PITCH.length, STANDARD_PITCH.width / 2)

TEAM_COLUMNS = ["team_id", "team", "opponent_id", "opponent"]

Keys = Sequence[str]


# --- helpers -------------------------------------------------------------------------------------


def _sides(table: pd.DataFrame) -> pd.MultiIndex:
    """Return ``(match_id, side)`` for both sides of every match in ``table``."""
    return pd.MultiIndex.from_product([table["match_id"].unique(), SIDES], names=list(KEYS))


def _complete(values: pd.Series, table: pd.DataFrame, by: Keys, fill: float) -> pd.Series:
    """Return per-team ``values`` for both sides of every match (``fill`` where absent); other groupings as they are."""
    return values.reindex(_sides(table), fill_value=fill) if tuple(by) == KEYS else values


def _count(table: pd.DataFrame, mask: pd.Series | np.ndarray, by: Keys = KEYS) -> pd.Series:
    """Return how many rows of ``table`` match ``mask`` per group (per team: 0 where none)."""
    selected = table.loc[pd.Series(mask, index=table.index).fillna(False).astype(bool), list(by)]
    return _complete(selected.groupby(list(by)).size(), table, by, 0).astype(int)


def _opponent(values: pd.Series) -> pd.Series:
    """Return each side's value as its opponent's: the row ``(m, "home")`` gets ``(m, "away")``'s value."""
    swapped = values.rename(index={"home": "away", "away": "home"}, level="side")
    return swapped.reindex(values.index)


def _share(values: pd.Series) -> pd.Series:
    """Return each side's percentage of the match total (NaN when the match total is 0)."""
    total = values + _opponent(values)
    return (100 * values / total.where(total > 0)).astype(float)


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """Return ``numerator / denominator``, NaN where the denominator is 0."""
    return (numerator / denominator.where(denominator > 0)).astype(float)


def _is(events: pd.DataFrame, *types: str) -> pd.Series:
    return events["type"].isin(types)


def _won(events: pd.DataFrame) -> pd.Series:
    return events["outcome"].fillna(False).astype(bool)


def _whoscored_pass(events: pd.DataFrame) -> pd.Series:
    """Opta passes as WhoScored counts passes: crosses, throw-ins and goalkeeper throws left out."""
    return (
        _is(events, "Pass")
        & ~qualified(events, "Cross")
        & ~qualified(events, "ThrowIn")
        & ~qualified(events, "KeeperThrow")
    )


def _open_play_completed_pass(events: pd.DataFrame) -> pd.Series:
    """Completed Opta passes that do not restart play (no throw-in, corner, free kick or goal kick)."""
    mask = _is(events, "Pass") & _won(events)
    for name in SET_PIECE_PASSES:
        mask &= ~qualified(events, name)
    return mask


def _fouls_committed(events: pd.DataFrame) -> pd.Series:
    """Opta records a foul twice: outcome 0 for the team that committed it, 1 for the team fouled."""
    return _is(events, "Foul") & ~_won(events)


def _metres_x(x: pd.Series) -> np.ndarray:
    return x.to_numpy(dtype=float) * STANDARD_PITCH.length / OPTA_PITCH.length


def _to_goal(x: pd.Series, y: pd.Series) -> np.ndarray:
    """Return the distance in metres from Opta points to the centre of the goal the team attacks."""
    metres_y = y.to_numpy(dtype=float) * STANDARD_PITCH.width / OPTA_PITCH.width
    return np.hypot(GOAL_CENTRE[0] - _metres_x(x), GOAL_CENTRE[1] - metres_y)


def _in_box(x: pd.Series, y: pd.Series) -> pd.Series:
    return (x >= BOX_X) & y.between(*BOX_Y)


def without_shootout(shot_table: pd.DataFrame) -> pd.DataFrame:
    """Return the shots of the match itself: a penalty shoot-out (period 5) is not part of any metric."""
    return shot_table.loc[shot_table["period"] < SHOOTOUT_PERIOD]


def _attempts(shot_table: pd.DataFrame) -> pd.Series:
    """Shots at the opponent's goal: an own goal is not an attempt."""
    return ~shot_table["own_goal"].astype(bool)


# --- goals and shots ------------------------------------------------------------------------------


def goals(matches: pd.DataFrame) -> pd.Series:
    """Goals scored: the final score on the pitch (after extra time when played; a shoot-out is not goals).

    From the matches table (``home_goals``, ``away_goals``): the provider's result, where an own goal
    counts for the team that benefited. ``goals_from_shots`` recounts them from the shots.
    """
    by_match = matches.set_index("match_id")
    values = pd.concat({"home": by_match["home_goals"], "away": by_match["away_goals"]}, names=["side", "match_id"])
    return values.swaplevel().reindex(_sides(matches)).astype("Int64")


def goals_from_shots(shot_table: pd.DataFrame) -> pd.Series:
    """Goals recounted from the shots, each credited to the team it counts for: an own goal to the opponent.

    Reference: the laws of the game (law 10). Both sources record an own goal under the team of the
    player who put the ball into his own net, so counting goal events per team would be wrong. Equals
    ``goals`` (the score) on every match of the season corpus (tests).
    """
    table = without_shootout(shot_table)
    scored = table.loc[table["is_goal"].astype(bool)]
    opponent = scored["side"].map({"home": "away", "away": "home"})
    credited = scored.assign(side=scored["side"].where(_attempts(scored), opponent))
    return credited.groupby(list(KEYS)).size().reindex(_sides(table), fill_value=0).astype(int)


def shots(shot_table: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Attempts at the opponent's goal (own goals are not shots). WhoScored: ``shotsTotal``."""
    table = without_shootout(shot_table)
    return _count(table, _attempts(table), by)


def shots_on_target(shot_table: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Shots that scored or would have scored but for the goalkeeper or a defender on the goal line.

    Opta's definition (a block on the line, "SavedOffline", is on target); a FotMob shot map counts
    goals and keeper saves only. WhoScored: ``shotsOnTarget``.
    """
    table = without_shootout(shot_table)
    return _count(table, table["on_target"].astype(bool) & _attempts(table), by)


def shots_off_target(shot_table: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Shots wide, over or against the woodwork, not blocked. WhoScored: ``shotsOffTarget``."""
    table = without_shootout(shot_table)
    return _count(table, table["outcome"].isin(["miss", "post"]) & _attempts(table), by)


def blocked_shots(shot_table: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Shots blocked by an outfield player before the goal line. WhoScored: ``shotsBlocked``."""
    table = without_shootout(shot_table)
    return _count(table, table["blocked"].astype(bool), by)


def big_chances(shot_table: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Shots Opta's analysts flag as a big chance ("a situation where a player should reasonably score").

    Opta also logs a big chance that ended without a shot ("ChanceMissed", 11 in the 2025/26 season):
    not a shot, not counted here. A source without the flag counts 0.
    """
    table = without_shootout(shot_table)
    return _count(table, table["big_chance"].fillna(False).astype(bool), by)


def xg(shot_table: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Expected goals: the sum of the xG of the shots (own goals excluded).

    NaN when any of those shots has no xG yet (WhoScored gives none: the xG model fills them), so a
    missing value is never read as zero chance; 0 without shots.
    """
    table = without_shootout(shot_table)
    attempts = table.loc[_attempts(table)]
    values = attempts["xg"].astype(float)
    keys = [attempts[key] for key in by]
    total = values.groupby(keys).sum().where(~values.isna().groupby(keys).any())
    return _complete(total, table, by, 0.0).astype(float)


def xg_per_shot(shot_table: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """xG divided by shots: the average quality of the attempts (NaN without shots)."""
    return _ratio(xg(shot_table, by), shots(shot_table, by))


# --- possession and passing -----------------------------------------------------------------------


def possession(events: pd.DataFrame) -> pd.Series:
    """Possession in percent: the team's share of the match's passes, throw-ins left out.

    This is WhoScored's own possession figure: its minute-by-minute ``possession`` counts are exactly
    each team's Opta passes other than throw-ins (checked on every match of the season). The two sides
    sum to 100.
    """
    return _share(_count(events, _is(events, "Pass") & ~qualified(events, "ThrowIn")))


def passes(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Passes attempted, as WhoScored counts them: crosses, throw-ins and goalkeeper throws are not passes.

    WhoScored: ``passesTotal``.
    """
    return _count(events, _whoscored_pass(events), by)


def passes_completed(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Passes (as ``passes``) that reached a teammate. WhoScored: ``passesAccurate``."""
    return _count(events, _whoscored_pass(events) & _won(events), by)


def pass_accuracy(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Completed passes as a percentage of passes attempted (WhoScored's pass success; NaN without passes)."""
    return 100 * _ratio(passes_completed(events, by), passes(events, by))


def key_passes(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Actions that set up a teammate's shot which did not score (Opta "KeyPass"; the one before a goal is an assist).

    Mostly passes, but Opta also credits a touch, a tackle or a blocked shot that fell to the shooter.
    WhoScored: ``passesKey``.
    """
    return _count(events, qualified(events, "KeyPass"), by)


def progressive_passes(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Completed open-play passes that bring the ball at least 25% closer to the centre of the opponent's goal.

    Distances in metres on the 105 x 68 pitch from the pass's start and end to the goal centre: the end
    at most 75% of the start's distance. Restarts (throw-ins, corners, free kicks, goal kicks) are left out.
    """
    start = _to_goal(events["x"], events["y"])
    end = _to_goal(events["end_x"], events["end_y"])
    return _count(events, _open_play_completed_pass(events) & (end <= PROGRESSIVE_SHARE * start), by)


def passes_into_final_third(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Completed open-play passes from outside the opponent's final third (x < 66.7) that end inside it."""
    mask = _open_play_completed_pass(events) & (events["x"] < FINAL_THIRD_X) & (events["end_x"] >= FINAL_THIRD_X)
    return _count(events, mask, by)


def passes_into_box(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Completed open-play passes from outside the opponent's penalty area that end inside it.

    Opta's penalty area: x >= 83 and 21.1 <= y <= 78.9 in its 0-100 units.
    """
    into_box = ~_in_box(events["x"], events["y"]) & _in_box(events["end_x"], events["end_y"])
    return _count(events, _open_play_completed_pass(events) & into_box, by)


def crosses(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Crosses attempted: Opta passes with the Cross qualifier, from open play, corners and free kicks.

    Equals WhoScored's own classification (``passCrossAccurate`` + ``passCrossInaccurate``).
    """
    return _count(events, _is(events, "Pass") & qualified(events, "Cross"), by)


def corners(events: pd.DataFrame) -> pd.Series:
    """Corners won: Opta's "CornerAwarded" with a successful outcome (the team that gets the corner).

    WhoScored: ``cornersTotal``, which counts corners won (including one not taken as the half ended),
    not corners taken.
    """
    return _count(events, _is(events, "CornerAwarded") & _won(events))


def field_tilt(events: pd.DataFrame) -> pd.Series:
    """Field tilt in percent: the team's share of both teams' successful final-third passes.

    A successful final-third pass is WhoScored's own "successfulFinalThirdPasses": a completed pass (as
    ``passes``: no cross, throw-in or keeper throw) ending in the opponent's final third (x >= 66.7).
    The two sides sum to 100. Reference: the field tilt of public analytics (final-third pass share).
    """
    return _share(_count(events, _whoscored_pass(events) & _won(events) & (events["end_x"] >= FINAL_THIRD_X)))


# --- pressing and defending ------------------------------------------------------------------------


def ppda(events: pd.DataFrame) -> pd.Series:
    """Passes allowed per defensive action: Wyscout's definition, after Colin Trainor (2014).

    The opponent's passes (every Opta pass event, completed or not, restarts included) that start in
    the opponent's own 60% of the pitch (x < 60 in its coordinates), divided by our defensive actions
    in that zone, i.e. in our attacking 60% (x > 40 in ours): tackles (won or lost), challenges (failed
    tackles), interceptions and fouls committed. Lower is a more intense press; NaN without any such action.
    """
    opponent_passes = _opponent(_count(events, _is(events, "Pass") & (events["x"] < 100 - PPDA_ZONE_X)))
    pressing = (_is(events, *PPDA_DEFENSIVE_ACTIONS) | _fouls_committed(events)) & (events["x"] > PPDA_ZONE_X)
    return _ratio(opponent_passes, _count(events, pressing))


def defensive_line_height(events: pd.DataFrame) -> pd.Series:
    """How high a team defends: the mean distance, in metres from its own goal line, of its defensive actions.

    Defensive actions: tackles, challenges, interceptions, clearances, blocked passes, ball recoveries
    and fouls committed, by any player (a proxy for the line of engagement, not only the back four's).
    """
    actions = events.loc[_is(events, *LINE_HEIGHT_ACTIONS) | _fouls_committed(events)]
    metres = pd.Series(_metres_x(actions["x"]), index=actions.index)
    height = metres.groupby([actions["match_id"], actions["side"]]).mean()
    return height.reindex(_sides(events)).astype(float)


def high_turnovers(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Possession won within 40 m of the centre of the opponent's goal.

    Ball recoveries, interceptions and won tackles located at most 40 m from the goal the team attacks
    (after Opta's "high turnover": a sequence that starts 40 m or less from the opponent's goal).
    """
    wins = _is(events, *BALL_WINS) | (_is(events, "Tackle") & _won(events))
    return _count(events, wins & (_to_goal(events["x"], events["y"]) <= HIGH_TURNOVER_METRES), by)


def tackles(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Tackles attempted: Opta tackles (won or not) plus challenges (a missed tackle: the dribbler got past).

    WhoScored: ``tacklesTotal`` (= ``tackleSuccessful`` + ``tackleUnsuccesful``).
    """
    return _count(events, _is(events, "Tackle", "Challenge"), by)


def interceptions(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Opta interceptions (a pass read and cut out). WhoScored: ``interceptions``."""
    return _count(events, _is(events, "Interception"), by)


def clearances(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Clearances and goalkeeper punches; a clearance that blocks a cross counts as a blocked cross instead.

    WhoScored: ``clearances``.
    """
    return _count(events, (_is(events, "Clearance") & ~qualified(events, "BlockedCross")) | _is(events, "Punch"), by)


def aerials_won(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Aerial duels won, including those won by being fouled in the air. WhoScored: ``aerialsWon``."""
    fouled_in_the_air = _is(events, "Foul") & qualified(events, "AerialFoul") & _won(events)
    return _count(events, (_is(events, "Aerial") & _won(events)) | fouled_in_the_air, by)


def touches(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Touches of the ball: events Opta flags as a touch (``isTouch``). WhoScored: ``touches``."""
    return _count(events, events["is_touch"].fillna(False).astype(bool), by)


def dribbles(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Dribbles completed: Opta take-ons won (the player went past his man). WhoScored: ``dribblesWon``."""
    return _count(events, _is(events, "TakeOn") & _won(events), by)


def fouls(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Fouls committed. WhoScored: ``foulsCommited`` (sic)."""
    return _count(events, _fouls_committed(events), by)


def yellow_cards(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Yellow cards shown (players and staff), including the first yellow of a player later sent off for a second."""
    return _count(events, events["card"].eq("yellow"), by)


def red_cards(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Red cards shown: straight reds and second yellows."""
    return _count(events, events["card"].isin(["red", "second_yellow"]), by)


def offsides(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Times caught offside (Opta "OffsideGiven", charged to the player offside). WhoScored: ``offsidesCaught``."""
    return _count(events, _is(events, "OffsideGiven"), by)


def saves(events: pd.DataFrame, by: Keys = KEYS) -> pd.Series:
    """Goalkeeper saves: Opta saves that are neither an outfield player's block nor a save of a shot off target.

    Equals WhoScored's own classification of its events (``keeperSaveTotal``) on the season corpus.
    """
    keeper = _is(events, "Save") & ~qualified(events, "OutfielderBlock") & ~qualified(events, "FromShotOffTarget")
    return _count(events, keeper, by)


# --- the team_stats table ---------------------------------------------------------------------------

Metric = Callable[[pd.DataFrame], pd.Series]
SHOT_METRICS: dict[str, Metric] = {
    "xg": xg,
    "shots": shots,
    "shots_on_target": shots_on_target,
    "shots_off_target": shots_off_target,
    "blocked_shots": blocked_shots,
    "big_chances": big_chances,
    "xg_per_shot": xg_per_shot,
}
EVENT_METRICS: dict[str, Metric] = {
    "possession": possession,
    "passes": passes,
    "passes_completed": passes_completed,
    "pass_accuracy": pass_accuracy,
    "key_passes": key_passes,
    "progressive_passes": progressive_passes,
    "passes_into_final_third": passes_into_final_third,
    "passes_into_box": passes_into_box,
    "crosses": crosses,
    "corners": corners,
    "field_tilt": field_tilt,
    "ppda": ppda,
    "defensive_line_height": defensive_line_height,
    "high_turnovers": high_turnovers,
    "tackles": tackles,
    "interceptions": interceptions,
    "clearances": clearances,
    "aerials_won": aerials_won,
    "fouls": fouls,
    "yellow_cards": yellow_cards,
    "red_cards": red_cards,
    "offsides": offsides,
    "saves": saves,
    "touches": touches,
    "dribbles": dribbles,
}


def team_stats(matches: pd.DataFrame, events: pd.DataFrame, shot_table: pd.DataFrame) -> pd.DataFrame:
    """Return one row per match and side: the team, its opponent, the result and every metric above.

    Shot metrics are NaN for a match whose record has no shots (``shots_available``), event metrics for
    one without events (``events_available``): a figure a source cannot give is never shown as zero.
    """
    frame = _team_rows(matches)
    frame["goals"] = goals(matches)
    frame["goals_against"] = _opponent(frame["goals"])
    frame["result"] = np.select(
        [frame["goals"] > frame["goals_against"], frame["goals"] < frame["goals_against"]], ["W", "L"], "D"
    )
    frame = frame.join(_covered(SHOT_METRICS, shot_table, _available(matches, "shots_available")))
    frame["xg_against"] = _opponent(frame["xg"])
    frame = frame.join(_covered(EVENT_METRICS, events, _available(matches, "events_available")))
    return frame.reset_index()


def _team_rows(matches: pd.DataFrame) -> pd.DataFrame:
    """Return ``team_id, team, opponent_id, opponent`` indexed by ``(match_id, side)``."""
    by_match = matches.set_index("match_id")
    rows = {
        "home": by_match[["home_team_id", "home", "away_team_id", "away"]].set_axis(TEAM_COLUMNS, axis=1),
        "away": by_match[["away_team_id", "away", "home_team_id", "home"]].set_axis(TEAM_COLUMNS, axis=1),
    }
    return pd.concat(rows, names=["side", "match_id"]).swaplevel().reindex(_sides(matches))


def _available(matches: pd.DataFrame, column: str) -> pd.Index:
    return pd.Index(matches.loc[matches[column].astype(bool), "match_id"])


def _covered(metrics: dict[str, Metric], table: pd.DataFrame, available: pd.Index) -> pd.DataFrame:
    """Return every metric over ``table`` for both sides of each ``available`` match (counts 0 when absent)."""
    index = pd.MultiIndex.from_product([available, SIDES], names=list(KEYS))
    table = table.loc[table["match_id"].isin(available)]
    columns = {}
    for name, metric in metrics.items():
        values = metric(table)
        counted = pd.api.types.is_integer_dtype(values.dtype)
        columns[name] = values.reindex(index, fill_value=0).astype("Int64") if counted else values.reindex(index)
    return pd.DataFrame(columns, index=index)
