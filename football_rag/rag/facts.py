"""Facts computed from the tables, one builder per intent: every number here comes from code.

Each builder returns ``Fact`` sentences (the evidence the LLM may phrase and the grounding check
compares against) and the templated answer shown when no phrasing is needed or it fails the check.
Comparisons, totals and rankings are decided here, never by the model.
"""

from __future__ import annotations

import inspect
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import time

import pandas as pd

from football_rag.analytics.match_story import KeyPoint, StoryBook
from football_rag.analytics.minutes import broadcast_minute
from football_rag.analytics.rates import Rate, rated
from football_rag.analytics.stat_registry import definition, keys_where
from football_rag.analytics.table_index import RowsBy
from football_rag.analytics.tables import MatchTables
from football_rag.analytics.team_metrics import EVENT_METRICS, KEYS, PLAYER_KEYS, SHOT_METRICS
from football_rag.data.contracts import FINISHED
from football_rag.rag.answer_model import Fact

# Goals of one kind, counted from the timeline's flag on each goal: the scorer's own, never an own goal.
GOAL_KINDS = {"headed_goals": "header", "penalty_goals": "penalty"}
# A goal named by what it did to the score (``named_goals``), as an answer names it.
GOAL_NAMES = {
    "opener": "opening goal",
    "last": "last goal",
    "equaliser": "equaliser",
    "winner": "winning goal",
    "own goal": "own goal",
    **{f"{word} goal": f"{word} goal" for word in ("second", "third", "fourth", "fifth", "sixth")},
}
# "The 2nd goal", "the third goal": the match's goal of that number, in the order scored.
GOAL_NUMBERS = {"second goal": 2, "third goal": 3, "fourth goal": 4, "fifth goal": 5, "sixth goal": 6}
# The moments counted per team and player: the kinds of goal, second yellows and shots off the woodwork.
COUNTED = (*GOAL_KINDS, "second_yellows", "woodwork")
HAT_TRICK = 3  # a player's goals in one match that make a hat-trick (or more)
# A stat that adds others up, said with its parts ("7 goal contributions, 4 goals and 3 assists").
SUMMED_FROM = {"goal_contributions": ("goals", "assists")}
# A finished match's result as a team's wins, draws, defeats and league points (3 a win, 1 a draw).
RESULT_COUNTS = {"wins": {"W": 1}, "draws": {"D": 1}, "losses": {"L": 1}, "points": {"W": 3, "D": 1}}
# Each a set of stat keys, as the registry defines them (stat_registry.Stat's flags say what each means).
TEAM_ONLY = keys_where("team_only")
LOWER_IS_BETTER = keys_where("lower_is_better")
AVERAGED = keys_where("averaged")
TOP_N = 5
RATE_DECIMALS = 2
NAMED_TIED = 8  # leaders level on the top figure are named up to this many, then counted
# A player's main figures, in the order a summary of his matches gives them (the rating is an average).
PLAYER_SUMMARY_STATS = (
    "goals", "assists", "shots", "shots_on_target", "xg", "key_passes", "passes", "pass_accuracy", "tackles",
    "interceptions", "yellow_cards", "red_cards", "rating",
)  # fmt: skip
# The match story's points a narrative answer's model reads, in place of the key-stats line (the points carry their
# own figures): 3 keep its prompt under v3's with 400 characters of passages (median 702 against 778 characters of
# user message over every tenth match of the season).
KEY_POINTS = 3
SUMMARY_STATS = ("shots", "shots_on_target", "xg", "possession", "pass_accuracy", "ppda", "field_tilt")
SENDING_OFF = frozenset({"second_yellow", "red"})  # timeline card details that end a player's match
ANY_CARD = SENDING_OFF | {"yellow"}
# The timeline card details a question about each card stat asks for (any other: every card).
CARDS_ASKED = {"red_cards": SENDING_OFF, "second_yellows": frozenset({"second_yellow"}), "yellow_cards": {"yellow"}}
# The cards a match's answer lists for a question about sendings-off (any other: every card shown).
_CARDS_LISTED = {
    "red_cards": (SENDING_OFF, "Sent off"),
    "second_yellows": (CARDS_ASKED["second_yellows"], "Second yellows"),
}


@dataclass
class FactResult:
    facts: list[Fact] = field(default_factory=list)
    text: str = ""
    match_ids: list[str] = field(default_factory=list)
    # A narrative answer opens with ``opening`` as written, before the model speaks: the result and the
    # scorers are never left to a small model, and the reader has them at once. The model then reads
    # ``briefing`` (when set) instead of every fact: each prompt token costs time before its first word.
    opening: list[str] = field(default_factory=list)
    briefing: list[str] | None = None
    # A match's computed key points (``analytics.match_story``), most important first: what the model connects,
    # and what stands in when nothing it wrote survives the checks.
    key_points: list[str] = field(default_factory=list)

    def add(self, text: str, match_ids: list[str] | None = None, **values: float | int | str) -> None:
        self.facts.append(Fact(text=text, values=values, match_ids=match_ids or []))

    @classmethod
    def joined(cls, parts: list[FactResult]) -> FactResult:
        """Return one result with every part's facts, match ids and opening; a briefing only when each part has one."""
        briefings = [p.briefing for p in parts]
        return cls(
            facts=[f for p in parts for f in p.facts],
            text=" ".join(f.text for p in parts for f in p.facts),
            match_ids=[m for p in parts for m in p.match_ids],
            opening=[t for p in parts for t in p.opening],
            briefing=None if any(b is None for b in briefings) else [t for b in briefings for t in b],
            key_points=[t for p in parts for t in p.key_points],
        )

    def for_model(self) -> list[str]:
        """Return the fact sentences the model is given: the briefing when set, else every fact."""
        return self.briefing if self.briefing is not None else [f.text for f in self.facts]


def _counted(what: str, grouped: pd.api.typing.SeriesGroupBy, played: int, match_ids: list[str]) -> FactResult:
    """Return "<what>, <played> matches: <value> <matches>, ..." of each group's matches, the most first, level ones
    by name."""
    counts = grouped.nunique().sort_values(ascending=False, kind="stable")
    listed = ", ".join(f"{name} {n}" for name, n in counts.items()) or "none recorded"
    r = FactResult(match_ids=match_ids)
    r.add(f"{what}, {played} match{'' if played == 1 else 'es'}: {listed}.", match_ids)
    r.text = r.facts[0].text
    return r


def fmt(value: object, decimals: int = 0) -> str:
    """A number as the answer prints it (and as the grounding check will find it)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "n/a"
    number = float(value)
    return f"{number:.{decimals}f}" if decimals else f"{round(number):d}"


@dataclass(frozen=True)
class Only:
    """Which of a team's matches count: its home or away ones ("the home table", "at home"), its matchweeks
    first..last ("after matchweek 10", "the first half of the season"); all when empty."""

    side: str | None = None  # "home" or "away"
    rounds: tuple[int, int] | None = None  # negative counts from the end: (-5, -1) is each club's last 5 matches

    def describe(self) -> str:
        """Return how the selection reads after a period: ", home matches only", ", after matchweek 10",
        ", matchweeks 20 to 38"."""
        first, last = self.rounds or (0, 0)
        # A matchweek is each club's Nth match of the data (a postponed game moves it): the answer says so.
        if not last:
            rounds = ""
        elif first < 0:
            rounds = f", over each club's last {-first} matches in the data"
        elif first == 1:
            rounds = f", after matchweek {last} (each club's first {last} matches in the data)"
        else:
            rounds = f", matchweeks {first} to {last} (each club's matches {first} to {last} in the data)"
        return rounds + ("" if self.side is None else f", {self.side} matches only")


def _label(stat: str) -> tuple[str, int]:
    """Return the statistic's label and decimals as an answer prints them."""
    found = definition(stat)
    return found.label, found.decimals


def ordinal(place: int) -> str:
    """Return 1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd"."""
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


def day_label(value: object) -> str:
    return pd.Timestamp(value).strftime("%-d %B %Y")


def with_counted_stats(tables: MatchTables) -> MatchTables:
    """Return ``tables`` with the counted stats as columns: ``GOAL_KINDS``, second yellows, shots off the woodwork,
    hat-tricks (a player's 3 goals or more in the match) and all cards on team and player rows, goal contributions
    and man of the match awards on player rows, and ``RESULT_COUNTS``, clean sheets
    (empty, not 0, for a match still in progress) and penalties conceded on team rows."""
    timeline = tables.timeline
    goals = timeline[(timeline["kind"] == "goal") & ~timeline["own_goal"].eq(True)]
    second_yellows = timeline[(timeline["kind"] == "card") & (timeline["detail"] == "second_yellow")]
    woodwork = tables.shots[tables.shots["outcome"] == "post"]
    kinds = pd.concat(
        [
            goals[["match_id", "team", "player_id"]].assign(
                **{stat: goals[flag].eq(True).astype(int) for stat, flag in GOAL_KINDS.items()}
            ),
            second_yellows[["match_id", "team", "player_id"]].assign(second_yellows=1),
            # WhoScored's ShotOnPost: a shot off the post or bar that was not scored
            woodwork[["match_id", "team", "player_id"]].assign(woodwork=1),
        ]
    )
    teams = _with_counts(tables.team_stats, kinds, ["match_id", "team"])
    finished = teams["match_id"].isin(tables.matches.loc[tables.matches["status"] == FINISHED, "match_id"])
    for stat, worth in RESULT_COUNTS.items():
        teams[stat] = teams["result"].map(worth).fillna(0).where(finished)
    teams["clean_sheets"] = teams["goals_against"].eq(0).astype(int).where(finished)
    # The other side's penalties in the match (a match has two team rows).
    in_match = teams.groupby("match_id")["penalty_goals"].transform("sum")
    teams["penalty_goals_against"] = in_match - teams["penalty_goals"]
    players = _with_counts(tables.player_stats, kinds, ["match_id", "player_id"])
    for rows in (teams, players):
        rows["cards"] = rows["yellow_cards"] + rows["red_cards"]  # a second yellow counts as the red it is
    players["goal_contributions"] = players[list(SUMMED_FROM["goal_contributions"])].sum(axis=1)
    players["motm_awards"] = players["man_of_the_match"].eq(True).astype(int)
    players["hat_tricks"] = players["goals"].ge(HAT_TRICK).astype(int)
    return replace(
        tables, team_stats=_with_hat_tricks(teams, players), player_stats=_with_keeper_sheets(players, teams)
    )


def _with_hat_tricks(teams: pd.DataFrame, players: pd.DataFrame) -> pd.DataFrame:
    """Return ``teams`` with ``hat_tricks``: the hat-tricks its players scored in the match."""
    counts = players.groupby(["match_id", "team"])["hat_tricks"].sum()
    rows = teams.merge(counts, left_on=["match_id", "team"], right_index=True, how="left")
    return rows.fillna({"hat_tricks": 0}).astype({"hat_tricks": int})


def _with_keeper_sheets(players: pd.DataFrame, teams: pd.DataFrame) -> pd.DataFrame:
    """Return ``players`` with ``keeper_clean_sheets`` (the golden glove's count): 1 for the goalkeeper who started a
    finished match his side conceded none in."""
    sheets = teams[["match_id", "team", "clean_sheets"]].rename(columns={"clean_sheets": "_sheet"})
    rows = players.merge(sheets, on=["match_id", "team"], how="left")
    keeper = rows["position"].eq("GK") & rows["starter"].eq(True)
    return rows.assign(keeper_clean_sheets=(keeper & rows["_sheet"].eq(1)).astype(int)).drop(columns="_sheet")


def _with_counts(rows: pd.DataFrame, kinds: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Return ``rows`` with each ``COUNTED`` column: the moments of that kind per ``keys`` (0 when none)."""
    counts = kinds.groupby(keys)[list(COUNTED)].sum()
    rows = rows.merge(counts, left_on=keys, right_index=True, how="left")
    rows[list(COUNTED)] = rows[list(COUNTED)].fillna(0).astype(int)
    return rows


def named_goals(goals: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Return a match's timeline goals (in order) that are ``kind``: "opener" the first, "last" the last,
    "equaliser" each that levelled the score, "winner" the winning side's goal that put it ahead for good (none in
    a draw), "own goal" each own goal, "second goal" the second scored."""
    if kind in GOAL_NUMBERS:
        return goals.iloc[GOAL_NUMBERS[kind] - 1 : GOAL_NUMBERS[kind]]
    if kind == "opener":
        return goals.head(1)
    if kind == "last":
        return goals.tail(1)
    if kind == "own goal":
        return goals[goals["own_goal"].eq(True)]
    if kind == "equaliser":
        return goals[goals["home_goals"] == goals["away_goals"]]
    if goals.empty or goals["home_goals"].iloc[-1] == goals["away_goals"].iloc[-1]:
        return goals.iloc[0:0]
    home, away = int(goals["home_goals"].iloc[-1]), int(goals["away_goals"].iloc[-1])
    winners = goals[goals["side"] == ("home" if home > away else "away")]
    return winners.iloc[min(home, away) : min(home, away) + 1]  # the goal after which the loser never drew level


def _level_on_points(ordered: pd.DataFrame, teams: list[str]) -> list[str]:
    """Return, for each group of clubs of the table ``ordered`` (by team: points, difference, goals) level on points
    with one of ``teams``, that they are level and what orders them ("Arsenal and Man City are level on 40 points,
    ordered by goal difference.")."""
    sentences = []
    for points in dict.fromkeys(ordered.loc[[t for t in teams if t in ordered.index], "points"]):
        level = ordered[ordered["points"] == points]
        if len(level) < 2:
            continue
        said = f"{_listed(list(level.index))} are level on {int(points)} points, ordered by goal difference"
        if level["difference"].nunique() == len(level):
            sentences.append(f"{said}.")
            continue
        same = level.groupby(["difference", "goals"], sort=False).groups.values()
        alike = "; ".join(f"{_listed(list(teams))} are level on all three" for teams in same if len(teams) > 1)
        sentences.append(f"{said}, then goals scored" + (f"; {alike}." if alike else "."))
    return sentences


def _figure(value: float, stat: str) -> str:
    """Return a figure with its unit and label: "57.3% possession", "5 corners", "1 corner"."""
    return f"{fmt(value, _label(stat)[1])}{definition(stat).unit} {definition(stat).counted(value)}"


def _assister(goal: pd.Series) -> str | None:
    """Return who set up a timeline goal (None for an own goal or an unassisted one)."""
    other = goal["other_player_name"]
    return other if isinstance(other, str) and goal["own_goal"] is not True else None


def _combined(values: pd.Series, stat: str) -> float:
    """Return a stat's figures over several matches combined: their mean for an averaged stat, else their sum
    (unknown when one of them is: a total that leaves a match out is not the total)."""
    return values.mean() if stat in AVERAGED else values.sum(skipna=False)


def _opening_word(label: str) -> str:
    """Return a label as a sentence opens with it: "Shots on target", but "xG" and "PPDA" as they are written."""
    return label if label[1:2].isupper() or label[:1].isupper() else label[0].upper() + label[1:]


def _rated_label(stat: str, rate: Rate | None) -> tuple[str, int]:
    """Return the statistic's label and decimals as an answer prints them, per 90 minutes or per match when
    ``rate`` is given ("goals per match", 2 decimals)."""
    label, decimals = _label(stat)
    return (label, decimals) if rate is None else (f"{label} {rate.label}", RATE_DECIMALS)


def _parts(stat: str, rows: pd.DataFrame) -> str:
    """Return the parts a summed stat adds up in ``rows``, as written after its figure (", 4 goals and 3 assists"),
    or "" for a stat of its own."""
    parts = [
        f"{fmt(rows[part].sum())} {definition(part).counted(rows[part].sum())}" for part in SUMMED_FROM.get(stat, ())
    ]
    return f", {_listed(parts)}" if parts else ""


def _listed(names: list[str]) -> str:
    """Return "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _plural(count: int, word: str) -> str:
    """Return "1 yellow card", "2 yellow cards"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def _cards_count(team: str, cards: Counter) -> str:
    """Return "Chelsea 1 yellow, 1 second yellow, 0 red (2 to staff, no player named)"."""
    staff = f" ({cards['staff']} to staff, no player named)" if cards["staff"] else ""
    return f"{team} {cards['yellow']} yellow, {cards['second_yellow']} second yellow, {cards['red']} red{staff}"


def _team_cards_sentence(team: str, opponent: str, cards: Counter, stat: str | None) -> str:
    """Return the count a card question about one team asks for, first: its yellows, its sendings-off, or all."""
    verb = "had" if stat in ("red_cards", "second_yellows") else "got"
    return f"{team} {verb} {_asked_count(cards, stat)} against {opponent}{_count_split(cards, stat)}."


def _match_cards_sentence(counts: dict[str, Counter], stat: str | None) -> str:
    """Return the count a card question about a whole match asks for, first: "4 cards in the match: ..."."""
    both = sum(counts.values(), Counter())
    return f"{_asked_count(both, stat)} in the match{_count_split(both, stat)}."


def _asked_count(cards: Counter, stat: str | None) -> str:
    """Return "3 yellow cards", "1 sending-off", "2 second yellows" or "4 cards": the count a question asks for."""
    yellow, second, red = cards["yellow"], cards["second_yellow"], cards["red"]
    if stat == "red_cards":
        return _plural(second + red, "sending-off")
    if stat == "second_yellows":
        return _plural(second, "second yellow")
    if stat == "yellow_cards":
        return _plural(yellow, "yellow card")
    return _plural(yellow + second + red, "card")


def _count_split(cards: Counter, stat: str | None) -> str:
    """Return what follows the count: the second yellows after yellows, the split after all cards, else nothing."""
    yellow, second, red = cards["yellow"], cards["second_yellow"], cards["red"]
    if stat == "yellow_cards":
        return f", and {_plural(second, 'second yellow')}" if second else ""
    if stat in ("red_cards", "second_yellows"):
        return ""
    return f": {yellow} yellow, {second} second yellow, {red} red"


# The tables whose rows a question reads by match (``FactBook.rows_of``).
MATCH_ROW_TABLES = ("team_stats", "player_stats", "timeline", "lineups", "formations")


class FactBook:
    """The release's tables, and the fact builders over them."""

    def __init__(self, tables: MatchTables) -> None:
        self.t = with_counted_stats(tables)
        self.matches = tables.matches.set_index("match_id", drop=False)
        # One row object per match: ``.loc`` builds a new Series per call (0.36 ms), and the sources of a
        # month's ranking label dozens of matches (5,000 look-ups in a build's evaluation: 2 s).
        self._rows = dict(self.matches.iterrows())
        # A player's name as the line-ups spell it: the fallback when an event or a stat row has none.
        named = tables.lineups.dropna(subset=["player_id", "player_name"])
        self._lineup_names: dict[str, str] = dict(zip(named["player_id"], named["player_name"], strict=True))
        # Each table's rows by match, found once: comparing a whole table's match ids costs ~1-3 ms a question at one
        # season, and ten seasons hold ten times the rows while a question reads one season's at most.
        self._by_match = {name: RowsBy(getattr(self.t, name), "match_id") for name in MATCH_ROW_TABLES}
        timeline = self.t.timeline
        self._goals_by_player = RowsBy(
            timeline[(timeline["kind"] == "goal") & ~timeline["own_goal"].eq(True)], "player_id"
        )
        self._stories = StoryBook(self.t)

    def rows_of(self, table: str, match_ids: Iterable[str]) -> pd.DataFrame:
        """Return the rows of ``table`` (one of ``MATCH_ROW_TABLES``) about ``match_ids``, in the table's order."""
        return self._by_match[table].of(match_ids)

    def players_in(self, match_id: str) -> pd.DataFrame:
        """Return the ``player_stats`` rows of one match (empty for a match without them)."""
        return self.rows_of("player_stats", [match_id])

    def timeline_of(self, match_id: str) -> pd.DataFrame:
        """Return the ``timeline`` rows of one match, in match order (empty for a match without any)."""
        return self.rows_of("timeline", [match_id])

    def person(self, player_id: object, name: object) -> str:
        """Return a player's name for an answer, never "nan": the row's name, else the line-ups' name for his id,
        else "unnamed player (id N)"; a card with no player id at all went to the bench (WhoScored names no one)."""
        if isinstance(name, str) and name:
            return name
        if isinstance(player_id, str) and player_id:
            return self._lineup_names.get(player_id) or f"unnamed player (id {player_id})"
        return "staff member, no player named"

    # --- labels ------------------------------------------------------------------------------

    def label(self, row: pd.Series) -> str:
        return (
            f"{row['home']} {fmt(row['home_goals'])}-{fmt(row['away_goals'])} {row['away']} ({day_label(row['date'])})"
        )

    def match(self, match_id: str) -> pd.Series:
        return self._rows[match_id]

    def _source(self, match_id: str) -> str:
        """The provider of the match's timeline (its minute convention)."""
        return str(self.match(match_id)["source"])

    def score_line(self, match_id: str) -> str:
        m = self.match(match_id)
        line = f"{m['home']} {fmt(m['home_goals'])}-{fmt(m['away_goals'])} {m['away']} on {day_label(m['date'])}"
        if pd.notna(m["ht_home_goals"]):
            line += f" (half time {fmt(m['ht_home_goals'])}-{fmt(m['ht_away_goals'])})"
        where = [p for p in (m.get("competition"), m.get("venue")) if isinstance(p, str) and p]
        return line + (f", {', '.join(where)}" if where else "") + "."

    def winner_sentence(self, match_id: str) -> str:
        m = self.match(match_id)
        home, away = int(m["home_goals"]), int(m["away_goals"])
        if m["status"] != FINISHED:
            return f"The data stops before the final whistle ({m['status']}): {m['home']} {home}-{away} {m['away']}."
        if home == away:
            return f"{m['home']} and {m['away']} drew {home}-{away}."
        winner, loser = (m["home"], m["away"]) if home > away else (m["away"], m["home"])
        return f"{winner} beat {loser} {max(home, away)}-{min(home, away)}."

    # --- one match ----------------------------------------------------------------------------

    def score(self, match_id: str) -> FactResult:
        r = FactResult(match_ids=[match_id])
        m = self.match(match_id)
        r.add(self.score_line(match_id), [match_id], home_goals=int(m["home_goals"]), away_goals=int(m["away_goals"]))
        r.add(self.winner_sentence(match_id), [match_id])
        if not m["complete"]:
            r.add(f"Note: the data for this match is incomplete ({m['incomplete_reason']}).", [match_id])
        r.text = " ".join(f.text for f in r.facts)
        return r

    def scorers(
        self,
        match_id: str,
        team: str | None = None,
        player: tuple[str, str] | None = None,
        goal: str | None = None,
        goal_of: str | None = None,
    ) -> FactResult:
        """The match's goals (``team``'s only when given), each with its minute and assist; with ``player`` (id,
        name), the minutes of his goals first ("When did Eze score?"); with ``goal``, the goal of that kind first
        ("the equaliser": see ``named_goals``), of ``goal_of``'s goals when given ("Arsenal's second goal")."""
        r = FactResult(match_ids=[match_id])
        timeline = self.timeline_of(match_id)
        goals = timeline[timeline["kind"] == "goal"]
        if goal is not None:
            r.add(self._named_goal_sentence(goals, goal, match_id, goal_of), [match_id])
        if player is not None:
            his = goals[goals["player_id"].eq(player[0]) & ~goals["own_goal"].eq(True)]
            minutes = [self._goal_when(g) for _, g in his.iterrows()]
            said = f"scored at {_listed(minutes)}" if minutes else "did not score"
            r.add(f"{player[1]} {said} in {self.label(self.match(match_id))}.", [match_id], goals=len(minutes))
        r.add(self.score_line(match_id), [match_id])
        lines = []
        for _, g in goals.iterrows():
            benefiting = g["team"]  # the timeline credits every goal, own goals too, to the team it counts for
            if team and benefiting != team:
                continue
            assist = f", assist {_assister(g)}" if _assister(g) else ""
            for_team = "" if team else f" for {benefiting}"
            lines.append(f"{self.person(g['player_id'], g['player_name'])} {self._goal_when(g)}{for_team}{assist}")
        who = f" for {team}" if team else ""
        r.add(f"Goals{who}: " + ("; ".join(lines) if lines else "none") + ".", [match_id], goals=len(lines))
        r.text = " ".join(f.text for f in r.facts)
        return r

    def matches_scored_in(self, player_id: str) -> set[str]:
        """Return the matches the player scored in (own goals aside)."""
        return set(self._goals_by_player.of([player_id])["match_id"])

    def _named_goal_sentence(self, goals: pd.DataFrame, kind: str, match_id: str, club: str | None = None) -> str:
        """Return "The equaliser: Mikel Merino 59' (header) for Arsenal (1-1), assist Bukayo Saka." for the goals of
        ``kind`` in the match (its assist too: "who set up the opener"), or that there was none ("No equaliser in
        Arsenal 2-0 Chelsea."); of ``club``'s goals alone when given ("Arsenal's second goal: ...", the opener its
        first goal)."""
        if club is not None and kind in (*GOAL_NUMBERS, "opener", "last"):
            named = named_goals(goals[goals["team"] == club], kind)
            whose = GOAL_NAMES[kind].replace("opening goal", "first goal")
            if named.empty:
                return f"{club} scored no {whose} in {self.label(self.match(match_id))}."
            g = named.iloc[0]
            assist = f", assist {_assister(g)}" if _assister(g) else ""
            scorer = f"{self.person(g['player_id'], g['player_name'])} {self._goal_when(g)}"
            return f"{club}'s {whose}: {scorer} ({int(g['home_goals'])}-{int(g['away_goals'])}){assist}."
        named = named_goals(goals, kind)
        if named.empty:
            return f"No {GOAL_NAMES[kind]} in {self.label(self.match(match_id))}."
        items = [
            f"{self.person(g['player_id'], g['player_name'])} {self._goal_when(g)} for {g['team']} "
            f"({int(g['home_goals'])}-{int(g['away_goals'])}){f', assist {_assister(g)}' if _assister(g) else ''}"
            for _, g in named.iterrows()
        ]
        name = GOAL_NAMES[kind] + ("s" if len(items) > 1 else "")
        return f"The {name}: {'; '.join(items)}."

    def _goal_when(self, goal: pd.Series) -> str:
        """Return a timeline goal's broadcast minute and kind: "90+5' (pen)", "34' (header)", "54' (og)"."""
        flags = (("pen", goal["penalty"]), ("og", goal["own_goal"]), ("header", goal["header"]))
        tags = [tag for tag, flag in flags if flag is True]
        minute = broadcast_minute(self._source(goal["match_id"]), goal["period"], goal["minute"])
        return minute + (f" ({', '.join(tags)})" if tags else "")

    def _goals_in(self, match_ids: list[str]) -> pd.DataFrame:
        """Return the timeline's goals in the matches, oldest match first, each in the order it was scored."""
        timeline = self.rows_of("timeline", match_ids)
        goals = timeline[timeline["kind"] == "goal"]
        days = goals["match_id"].map(self.matches["date"])
        return goals.assign(_day=days).sort_values("_day", kind="stable").drop(columns="_day")

    def player_goals(
        self, player_id: str, name: str, match_ids: list[str], period_label: str, set_up: bool = False
    ) -> FactResult:
        """The player's goals in the matches (own goals aside), each with its minute, match and who set it up;
        with ``set_up``, the goals he set up, each with who scored it."""
        goals = self._goals_in(match_ids)
        goals = goals[goals["other_player_id" if set_up else "player_id"].eq(player_id) & ~goals["own_goal"].eq(True)]
        r = FactResult(match_ids=list(dict.fromkeys(goals["match_id"])) or match_ids)
        rows = [g for _, g in goals.iterrows()]
        partners = [g["player_name"] if set_up else _assister(g) for g in rows]
        items = [
            f"{self._goal_when(g)} in {self.label(self.match(g['match_id']))}, "
            + (f"by {who}" if set_up else f"assist {who}" if who else "no assist")
            for g, who in zip(rows, partners, strict=True)
        ]
        what = f"Goals {name} set up" if set_up else f"{name}'s goals"
        listed = f": {'; '.join(items)}" if items else ""
        r.add(f"{what} in {period_label} ({len(items)}){listed}.", r.match_ids, goals=len(items))
        if any(partners):
            tally = "; ".join(f"{who} {n}" for who, n in Counter(p for p in partners if p).most_common())
            r.add(f"{'Scored by' if set_up else 'Set up by'}: {tally}.", r.match_ids)
        r.text = " ".join(f.text for f in r.facts)
        return r

    def set_up_for(self, assister_id: str, scorer_id: str, match_ids: list[str]) -> pd.DataFrame:
        """Return the goals (own goals aside) ``scorer_id`` scored in the matches from ``assister_id``'s assist."""
        goals = self._goals_in(match_ids)
        made = goals["player_id"].eq(scorer_id) & goals["other_player_id"].eq(assister_id)
        return goals[made & ~goals["own_goal"].eq(True)]

    def assists_between(
        self, assister: tuple[str, str], scorer: tuple[str, str], match_ids: list[str], scope: str
    ) -> FactResult:
        """How many of the scorer's goals in the matches the assister (id, name) set up, counted first, each with its
        minute and match; the other way round too when he set up none ("did Wirtz assist Isak": Isak's for Wirtz)."""
        goals = self.set_up_for(assister[0], scorer[0], match_ids)
        scored = self._goals_in(match_ids)
        total = int((scored["player_id"].eq(scorer[0]) & ~scored["own_goal"].eq(True)).sum())
        r = FactResult(match_ids=list(dict.fromkeys(goals["match_id"])) or match_ids)
        where = (lambda g: "") if len(match_ids) == 1 else (lambda g: f" in {self.label(self.match(g['match_id']))}")
        items = [f"{self._goal_when(g)}{where(g)}" for _, g in goals.iterrows()]
        listed = f": {'; '.join(items)}" if items else ""
        r.add(
            f"{assister[1]} set up {len(items)} of {scorer[1]}'s {_plural(total, 'goal')} in {scope}{listed}.",
            r.match_ids,
            goals=len(items),
        )
        back = self.set_up_for(scorer[0], assister[0], match_ids)
        if not items and not back.empty:
            other = [f"{self._goal_when(g)}{where(g)}" for _, g in back.iterrows()]
            r.add(f"The other way round, {scorer[1]} set up {assister[1]}: {'; '.join(other)}.", r.match_ids)
        r.text = " ".join(f.text for f in r.facts)
        return r

    def managers(self, match_ids: list[str], teams: list[str], period_label: str) -> FactResult:
        """Who managed each of ``teams`` in the matches: in one match, or each manager's matches over a period."""
        games = self.matches.loc[match_ids].sort_values("date", kind="stable")
        r = FactResult(match_ids=list(games["match_id"]))
        for team in teams:
            home = games["home"] == team
            mine = games[home | (games["away"] == team)]
            bench = mine["home_manager"].where(home[mine.index], mine["away_manager"]).fillna("not recorded")
            if len(mine) == 1:
                r.add(f"{team}'s manager in {self.label(mine.iloc[0])}: {bench.iloc[0]}.", r.match_ids)
                continue
            spells = [
                f"{manager} ({len(spell)} match{'' if len(spell) == 1 else 'es'}, "
                f"{' to '.join(dict.fromkeys(day_label(d) for d in spell['date'].iloc[[0, -1]]))})"
                for manager, spell in mine.groupby(bench, sort=False)
            ]
            r.add(f"{team}'s manager in {period_label}: {'; '.join(spells)}.", r.match_ids)
        r.text = " ".join(f.text for f in r.facts)
        return r

    def key_figures(self, match_id: str) -> dict[str, tuple[float, float]]:
        """Return each of SUMMARY_STATS -> (home, away) figures of the match as printed (NaN where the data has none).

        Rounded as the key-stats line prints them, so a figure the model copies compares equal to its source.
        """
        rows = self.rows_of("team_stats", [match_id]).set_index("side")
        return {
            stat: tuple(round(float(rows.at[side, stat]), definition(stat).decimals) for side in ("home", "away"))
            for stat in SUMMARY_STATS
        }

    def goals_by_player(self, match_id: str) -> dict[str, int]:
        """Return every player in the match's squads -> the goals he scored in it (own goals included)."""
        squads = self.rows_of("lineups", [match_id])["player_name"].dropna()
        timeline = self.timeline_of(match_id)
        goals = timeline[timeline["kind"] == "goal"]["player_name"]
        return {name: 0 for name in squads} | goals.value_counts().to_dict()

    def sides_by_player(self, match_id: str) -> dict[str, str]:
        """Return every player in the match's squads -> the team he played for."""
        squads = self.rows_of("lineups", [match_id]).dropna(subset=["player_name"])
        return dict(zip(squads["player_name"], squads["team"], strict=True))

    def cards(
        self, match_id: str, team: str | None = None, stat: str | None = None, counted: bool = False
    ) -> FactResult:
        """The cards of a match, counts first: ``team``'s count of the kind ``stat`` asks for (when a team is
        asked about; the match's, when a count is asked for with none), each team's yellows, second yellows and
        reds, then the score and every card in order (the sendings-off only, for a question about them)."""
        r = FactResult(match_ids=[match_id])
        counts = self.card_counts(match_id)
        if team in counts:
            r.add(_team_cards_sentence(team, self._opponent(match_id, team), counts[team], stat), [match_id])
        elif counted:
            r.add(_match_cards_sentence(counts, stat), [match_id])
        if stat == "red_cards":
            sent_off = (f"{t} {c['second_yellow'] + c['red']}" for t, c in counts.items())
            r.add(f"Sendings-off: {', '.join(sent_off)}.", [match_id])
        else:
            r.add("Cards: " + "; ".join(_cards_count(t, c) for t, c in counts.items()) + ".", [match_id])
        r.add(self.score_line(match_id), [match_id])
        kinds, label = _CARDS_LISTED.get(stat or "", (ANY_CARD, "Cards shown"))
        r.facts.append(self._cards_listed(match_id, kinds, label))
        r.text = " ".join(f.text for f in r.facts)
        return r

    def _opponent(self, match_id: str, team: str) -> str:
        """Return the other team of the match."""
        m = self.match(match_id)
        return m["away"] if m["home"] == team else m["home"]

    def card_counts(self, match_id: str) -> dict[str, Counter]:
        """Return each team of the match (home first) -> its cards by kind ("yellow", "second_yellow", "red", and
        "staff": those shown to no named player, counted in their kinds too)."""
        m = self.match(match_id)
        counts: dict[str, Counter] = {m["home"]: Counter(), m["away"]: Counter()}
        for card in self._cards_of(match_id).itertuples():
            counts[card.team][card.detail] += 1
            counts[card.team]["staff"] += not isinstance(card.player_id, str)
        return counts

    def _cards_of(self, match_id: str) -> pd.DataFrame:
        """Return the match's card moments of the timeline, in match order."""
        timeline = self.timeline_of(match_id)
        return timeline[timeline["kind"] == "card"]

    def _cards_listed(self, match_id: str, kinds: set[str], label: str) -> Fact:
        """Return the fact listing every card of ``kinds`` in the match ("none" when there is none)."""
        items = self._card_items(match_id, kinds)
        return Fact(text=f"{label}: {'; '.join(items) if items else 'none'}.", values={"cards": len(items)},
                    match_ids=[match_id])  # fmt: skip

    def _card_items(self, match_id: str, kinds: set[str]) -> list[str]:
        """Return "Player (Team) second yellow 67'" for each card of ``kinds`` shown in the match, in order."""
        source = self._source(match_id)
        return [
            f"{self.person(c['player_id'], c['player_name'])} ({c['team']}) {c['detail'].replace('_', ' ')} "
            f"{broadcast_minute(source, c['period'], c['minute'])}"
            for _, c in self._cards_of(match_id).iterrows()
            if c["detail"] in kinds
        ]

    def lineup(self, match_id: str, teams: list[str]) -> FactResult:
        r = FactResult(match_ids=[match_id])
        r.add(self.score_line(match_id), [match_id])
        lineups = self.rows_of("lineups", [match_id])
        m = self.match(match_id)
        for team in teams or [m["home"], m["away"]]:
            starters = lineups[(lineups["team"] == team) & (lineups["starter"])]
            names = ", ".join(
                f"{p['player_name']} ({fmt(p['shirt_number'])}{', goalkeeper' if p['position'] == 'GK' else ''})"
                for _, p in starters.iterrows()
            )
            shape = self._first_formation(match_id, team)
            r.add(f"{team} started{f' in a {shape}' if shape else ''}: {names}.", [match_id])
        r.text = " ".join(f.text for f in r.facts)
        return r

    def _first_formation(self, match_id: str, team: str) -> str | None:
        spells = self.rows_of("formations", [match_id])
        spells = spells[spells["team"] == team]
        return spells.iloc[0]["formation"] if not spells.empty else None

    def formation(self, match_id: str, teams: list[str]) -> FactResult:
        r = FactResult(match_ids=[match_id])
        r.add(self.score_line(match_id), [match_id])
        m = self.match(match_id)
        for team in teams or [m["home"], m["away"]]:
            spells = self.rows_of("formations", [match_id])
            spells = spells[spells["team"] == team]
            if spells.empty:
                r.add(f"No formation is recorded for {team}.", [match_id])
                continue
            first, *changes = spells.to_dict("records")
            text = f"{team} lined up in a {first['formation']}"
            if changes:
                text += ", then " + ", ".join(f"{c['formation']} from {c['start_minute']}'" for c in changes)
            r.add(text + ".", [match_id])
        r.text = " ".join(f.text for f in r.facts)
        return r

    def match_detail(self, match_id: str, field_name: str) -> FactResult:
        """Referee, venue, attendance or kick-off time (as WhoScored's match file gives it: no time zone is stated)."""
        r = FactResult(match_ids=[match_id])
        m = self.match(match_id)
        value = m.get(field_name)
        label = {
            "referee": "The referee was",
            "venue": "It was played at",
            "attendance": "The attendance was",
        }.get(field_name)
        missing = value is None or (not isinstance(value, str) and pd.isna(value))
        if missing or (field_name == "kickoff" and pd.Timestamp(value).time() == time(0)):  # a day with no time
            what = "kick-off time" if field_name == "kickoff" else field_name
            r.add(f"The data does not record the {what} of {self.label(m)}.", [match_id])
        elif field_name == "kickoff":
            kicked_off = f"{self.label(m)} kicked off at {pd.Timestamp(value):%H:%M}"
            r.add(f"{kicked_off}, the time WhoScored's match file gives (it states no time zone).", [match_id])
        else:
            shown = fmt(value) if field_name == "attendance" else value
            r.add(f"{label} {shown} ({self.label(m)}).", [match_id])
        r.text = " ".join(f.text for f in r.facts)
        return r

    def captains(self, match_id: str, teams: list[str]) -> FactResult:
        """Each team's captain in the match (``teams``, else both), as the line-ups mark him; said when none is."""
        r = FactResult(match_ids=[match_id])
        m = self.match(match_id)
        lineups = self.rows_of("lineups", [match_id])
        for team in teams or [m["home"], m["away"]]:
            marked = lineups[(lineups["team"] == team) & lineups["captain"].eq(True)]
            names = [self.person(p["player_id"], p["player_name"]) for _, p in marked.iterrows()]
            text = (
                f"{_listed(names)} captained {team} in {self.label(m)}."
                if names
                else f"The data does not record {team}'s captain in {self.label(m)}."
            )
            r.add(text, [match_id])
        r.text = " ".join(f.text for f in r.facts)
        return r

    def shirt_numbers(self, player_id: str, name: str, match_ids: list[str], period: str | None) -> FactResult:
        """The shirt numbers a player wore in ``match_ids``, the most worn first: in one match ("Bukayo Saka wore
        number 7 in Arsenal 4-1 Tottenham (23 November 2025)"), or over a ``period`` in the squads he was named in
        ("... in the 18 matches he was in the squad for, in the data so far")."""
        lineups = self.rows_of("lineups", match_ids)
        worn = lineups[(lineups["player_id"] == player_id) & lineups["shirt_number"].notna()]
        counts = worn.groupby("shirt_number")["match_id"].nunique().sort_values(ascending=False, kind="stable")
        squads = worn["match_id"].nunique()
        scope = (
            f"in {self.label(self.match(match_ids[0]))}"
            if period is None
            else f"in the {squads} match{'' if squads == 1 else 'es'} he was in the squad for, {period}"
        )
        r = FactResult(match_ids=match_ids)
        if counts.empty:
            r.add(f"The data records no shirt number for {name} {period or scope}.", match_ids)
        else:
            numbers = " and ".join(
                f"{fmt(number)}" + ("" if len(counts) == 1 else f" ({n} match{'' if n == 1 else 'es'})")
                for number, n in counts.items()
            )
            r.add(f"{name} wore number {numbers} {scope}.", match_ids)
        r.text = r.facts[0].text
        return r

    def shirt_wearers(self, team: str, number: int, match_ids: list[str], period: str | None) -> FactResult:
        """Who wore ``team``'s shirt ``number`` in ``match_ids``, the most worn first: in one match ("Bukayo Saka
        wore number 7 for Arsenal in Arsenal 4-1 Tottenham (23 November 2025)"), or each player over a ``period``
        ("Number 10 for Crystal Palace in the data so far: Ismaïla Sarr (8 matches), ...")."""
        lineups = self.rows_of("lineups", match_ids)
        worn = lineups[(lineups["team"] == team) & (lineups["shirt_number"] == number)]
        counts = worn.groupby("player_name")["match_id"].nunique().sort_values(ascending=False, kind="stable")
        scope = f"in {self.label(self.match(match_ids[0]))}" if period is None else period
        r = FactResult(match_ids=match_ids)
        if counts.empty:
            r.add(f"No {team} player wore number {number} {scope} (the line-ups name the whole squad).", match_ids)
        elif period is None:
            r.add(f"{' and '.join(counts.index)} wore number {number} for {team} {scope}.", match_ids)
        else:
            each = ", ".join(f"{name} ({n} match{'' if n == 1 else 'es'})" for name, n in counts.items())
            r.add(f"Number {number} for {team} {scope}, by the squads named: {each}.", match_ids)
        r.text = r.facts[0].text
        return r

    def captain_counts(self, match_ids: list[str], team: str, scope: str) -> FactResult:
        """How many of ``team``'s matches each player captained, the most first, level ones by name ("Arsenal's
        captains in December 2025, 6 matches: Martin Ødegaard 5, Bukayo Saka 1")."""
        lineups = self.rows_of("lineups", match_ids)
        marked = lineups[(lineups["team"] == team) & lineups["captain"].eq(True)]
        played = lineups.loc[lineups["team"] == team, "match_id"].nunique()
        return _counted(f"{team}'s captains in {scope}", marked.groupby("player_name")["match_id"], played, match_ids)

    def formation_counts(self, match_ids: list[str], team: str, scope: str) -> FactResult:
        """How many of ``team``'s matches it started in each formation, the most first ("Arsenal's starting
        formations in November 2025, 5 matches: 4-3-3 4, 4-2-3-1 1")."""
        spells = self.rows_of("formations", match_ids)
        spells = spells[spells["team"] == team].sort_values("start_minute", kind="stable").drop_duplicates("match_id")
        played = self.rows_of("lineups", match_ids).query("team == @team")["match_id"].nunique()
        return _counted(
            f"{team}'s starting formations in {scope}", spells.groupby("formation")["match_id"], played, match_ids
        )

    def referee_counts(self, match_ids: list[str], team: str, scope: str) -> FactResult:
        """How many of ``team``'s matches each referee took ("Liverpool's referees in the data so far, 19 matches:
        Anthony Taylor 3, ..."); a match with none recorded is left out of the counts, not of the matches."""
        refs = pd.Series([self.match(m)["referee"] for m in match_ids], index=match_ids, name="referee").dropna()
        grouped = refs.rename_axis("match_id").reset_index().groupby("referee")["match_id"]
        return _counted(f"{team}'s referees in {scope}", grouped, len(match_ids), match_ids)

    def kickoff_counts(self, match_ids: list[str], team: str, scope: str) -> FactResult:
        """How many of ``team``'s matches kicked off at each time WhoScored's match files give ("Arsenal's kick-off
        times in the data so far, 18 matches: 15:00 6, ...")."""
        times = [(m, pd.Timestamp(self.match(m)["kickoff"])) for m in match_ids if pd.notna(self.match(m)["kickoff"])]
        known = pd.DataFrame(  # midnight: a day with no time
            [(m, f"{t:%H:%M}") for m, t in times if t.time() != time(0)], columns=["match_id", "time"]
        )
        what = f"{team}'s kick-off times in {scope} (as WhoScored's match files give them)"
        return _counted(what, known.groupby("time")["match_id"], len(match_ids), match_ids)

    def man_of_the_match(self, match_id: str, squad: str | None = None) -> FactResult:
        """WhoScored's man of the match (else the highest rated player); when the question asks about one club's
        players ("the star man for Arsenal") and he played for the other, that club's highest rated player too."""
        r = FactResult(match_ids=[match_id])
        lineups = self.rows_of("lineups", [match_id])
        best = lineups[lineups["man_of_the_match"] == True]  # noqa: E712 - pandas boolean column
        if best.empty:
            best = lineups.sort_values("rating", ascending=False).head(1)
            lead = "WhoScored names no man of the match; the highest rated player was"
        else:
            lead = "WhoScored's man of the match was"
        p = best.iloc[0]
        # The award is WhoScored's, from its ratings: said as the match's highest rating when it is one.
        top = " (the highest rating in the match)" if p["rating"] >= lineups["rating"].max() else ""
        r.add(
            f"{lead} {self.person(p['player_id'], p['player_name'])} ({p['team']}), rated {fmt(p['rating'], 2)}{top}, "
            f"in {self.label(self.match(match_id))}.",
            [match_id],
        )
        own = lineups[lineups["team"] == squad].sort_values("rating", ascending=False).head(1)
        if squad is not None and p["team"] != squad and not own.empty:
            mine = own.iloc[0]
            name = self.person(mine["player_id"], mine["player_name"])
            text = f"{squad}'s highest rated player was {name}, rated {fmt(mine['rating'], 2)}."
            r.facts.insert(0, Fact(text=text, match_ids=[match_id]))
        r.text = " ".join(f.text for f in r.facts)
        return r

    def team_stat(self, match_id: str, stat: str, team: str | None = None, counted: bool = False) -> FactResult:
        """A stat of both teams in a match, the figures first (``team``'s own first when one is asked about; the two
        teams' total first when ``counted`` asks "how many ... in the match"), then who had more, then the score."""
        r = FactResult(match_ids=[match_id])
        rows = self.rows_of("team_stats", [match_id]).set_index("team")
        label, decimals = _label(stat)
        if stat not in rows.columns:
            r.add(f"The data has no {label} figure per team.", [match_id])
            r.text = r.facts[0].text
            return r
        m = self.match(match_id)
        hv, av = rows.at[m["home"], stat], rows.at[m["away"], stat]
        if team in rows.index:
            other = self._opponent(match_id, team)
            r.add(f"{team} had {_figure(rows.at[team, stat], stat)} against {other}.", [match_id])
        elif counted and not (definition(stat).averaged or definition(stat).unit) and pd.notna(hv) and pd.notna(av):
            total = hv + av
            r.add(f"{fmt(total, decimals)} {definition(stat).counted(total)} in the match.", [match_id], total=total)
        r.add(
            f"{_opening_word(label)}: {m['home']} {fmt(hv, decimals)}, {m['away']} {fmt(av, decimals)}.",
            [match_id],
        )
        if pd.notna(hv) and pd.notna(av) and hv != av:
            r.add(f"{m['home'] if hv > av else m['away']} had more {label}.", [match_id])
        r.add(self.score_line(match_id), [match_id])
        r.text = " ".join(f.text for f in r.facts)
        return r

    def in_half(self, match_id: str, half: int, stat: str, team: str | None, player: str | None) -> str:
        """Return one half's figure of the match as a sentence: the half's score for "goals" of no team, else the
        stat's figures in that half (``player``'s, a player id, else ``team``'s, else both teams'), counted from the
        half's events and shots with the whole match's definitions; when the stat has no such count (a rating), that
        the figures that follow are the whole match's."""
        name = "first half" if half == 1 else "second half"
        m = self.match(match_id)
        values = self._half_values(match_id, half, stat, player is not None)
        label, decimals = _label(stat)
        if values is None:
            return f"The data has no per-half {label} figure: the figures below are the whole match's."
        side = {m["home"]: "home", m["away"]: "away"}
        if player is not None:
            who = self.person(player, self._lineup_names.get(player))
            value = values.xs(player, level="player_id").sum() if player in values.index.get_level_values(-1) else 0
            return f"{who}: {_figure(value, stat)} in the {name} of {self.label(m)}."
        figure = {team_name: values.get((match_id, s), 0) for team_name, s in side.items()}
        if stat == "goals" and team is None:
            return f"{name.capitalize()}: {m['home']} {int(figure[m['home']])}-{int(figure[m['away']])} {m['away']}."
        if team in figure:
            return f"{team} had {_figure(figure[team], stat)} against {self._opponent(match_id, team)} in the {name}."
        return (
            f"{_opening_word(label)} in the {name}: {m['home']} {fmt(figure[m['home']], decimals)}, "
            f"{m['away']} {fmt(figure[m['away']], decimals)}."
        )

    def _half_values(self, match_id: str, half: int, stat: str, players: bool) -> pd.Series | None:
        """Return ``stat`` counted over one half of the match, per (match, side) or per (match, side, player); None
        when the stat is not counted from events or shots (a rating, a per-match share for a player)."""
        keys = PLAYER_KEYS if players else KEYS
        if stat == "goals":
            goals = self.timeline_of(match_id)
            goals = goals[(goals["kind"] == "goal") & (goals["period"] == half)]
            goals = goals[~goals["own_goal"].eq(True)] if players else goals  # an own goal is no player's goal
            return goals.groupby(list(keys)).size()
        for metrics, table in ((SHOT_METRICS, "shots"), (EVENT_METRICS, "events")):
            if stat in metrics:
                rows = self._stories.rows(table, match_id)
                rows = rows[rows["period"] == half]
                if "by" in inspect.signature(metrics[stat]).parameters:
                    return metrics[stat](rows, by=keys)
                return None if players else metrics[stat](rows)  # a share (possession): the teams', no player's
        return None

    def story(self, match_id: str) -> list[KeyPoint]:
        """Return the match's computed key points, most important first (``analytics.match_story``)."""
        return self._stories.points(match_id)

    def match_summary(self, match_id: str, briefing_points: int | None = None, brief: bool = False) -> FactResult:
        """The facts a narrative answer stands on: score, scorers and sendings-off (its opening), then key stats and
        key points; the model's briefing holds the first ``briefing_points`` of those (all when None), and with
        ``brief`` the winner in one clause and each point in its brief form (``KeyPoint.brief``)."""
        r = self.scorers(match_id)
        if self._card_items(match_id, SENDING_OFF):
            r.facts.append(self._cards_listed(match_id, SENDING_OFF, "Sent off"))
        r.opening = [f.text for f in r.facts]
        # One line, unknown figures left out: every token here is one the LLM must read before it answers.
        m = self.match(match_id)
        figures = self.key_figures(match_id)
        pairs = [
            f"{definition(stat).brief} {fmt(home, decimals)} v {fmt(away, decimals)}"
            for stat, (home, away) in figures.items()
            if pd.notna(home) and pd.notna(away)
            for decimals in (definition(stat).decimals,)
        ]
        home_ppda, away_ppda = figures["ppda"]
        if home_ppda != away_ppda and pd.notna(home_ppda) and pd.notna(away_ppda):
            # PPDA reads the wrong way round to a small model (the lower, the harder the press): say who, here.
            pairs.append(f"{m['home'] if home_ppda < away_ppda else m['away']} pressed harder")
        stats_line = f"Key stats, {m['home']} v {m['away']}: {'; '.join(pairs)}."
        r.add(stats_line, [match_id])
        story = self.story(match_id)[:KEY_POINTS]
        points = [p.text for p in story]
        for point in points:
            r.add(point, [match_id])
        r.key_points = points
        # The model reads the result (what the rest of the answer is about) and the top key points, each with its
        # figures (the key stats when the match has none), not the scorers again.
        told = [p.short for p in story] if brief else points
        result = self.winner_sentence(match_id) if brief else r.facts[0].text
        r.briefing = [result, *(told[:briefing_points] or [stats_line])]
        r.text = " ".join(f.text for f in r.facts)
        return r

    # --- players --------------------------------------------------------------------------------

    def with_figures(self, player_ids: list[str], stat: str | None, match_ids: list[str]) -> list[str]:
        """Return those of ``player_ids`` who played in the matches and, for a stat the player rows hold, had any of
        it there (a surname two players carry is the one the data fits: "Barnes' goals in November")."""
        rows = self.rows_of("player_stats", match_ids)
        rows = rows[rows["player_id"].isin(player_ids)]
        # Any of the stat shows he played, even on for stoppage time alone (0 minutes counted, 1 pass made).
        rows = rows[rows[stat if stat in rows.columns else "minutes"].fillna(0) > 0]
        return [p for p in player_ids if p in set(rows["player_id"])]

    def player_stat(
        self, player_id: str, name: str, stat: str, match_ids: list[str], scope: str = "", rate: Rate | None = None
    ) -> FactResult:
        """His figure in one match, or his total over the matches (said with ``scope``, "in December 2025", when
        given; with ``rate``, his figure per 90 minutes or per match after it)."""
        r = FactResult(match_ids=match_ids)
        rows = self._player_rows(player_id, match_ids)
        label, decimals = _label(stat)
        if stat not in rows.columns:
            r.add(f"The data has no per-player {label} figure.")
            r.text = r.facts[0].text
            return r
        played = rows[rows["minutes"].fillna(0) > 0]
        if len(match_ids) == 1 and not scope:
            m = self.match(match_ids[0])
            value = played[stat].iloc[0] if not played.empty else None
            text = (
                f"{name} did not play in {self.label(m)}."
                if value is None
                else f"{name}: {fmt(value, decimals)} {definition(stat).counted(value)}{_parts(stat, played)} in "
                f"{self.label(m)} ({fmt(played['minutes'].iloc[0])} minutes)."
            )
            r.add(text, match_ids)
        else:
            total = _combined(played[stat], stat)
            how = "average" if stat in AVERAGED else "total"
            r.add(
                f"{name}: {fmt(total, decimals)} {definition(stat).counted(total)}{_parts(stat, played)} ({how}) in "
                f"{_plural(len(played), 'appearance')}, "
                f"{fmt(played['minutes'].sum())} minutes{', ' + scope if scope else ''}."
                + self._his_rate(played, stat, rate),
                played["match_id"].tolist(),
                value=float(total),
            )
            r.match_ids = played["match_id"].tolist()
        r.text = " ".join(f.text for f in r.facts)
        return r

    @staticmethod
    def _his_rate(played: pd.DataFrame, stat: str, rate: Rate | None) -> str:
        """Return " That is 0.99 goals per 90 minutes (...)." for a player's rows, or "" with no rate asked."""
        if rate is None or stat in AVERAGED or played.empty:
            return ""
        value = rated(played, ["player_id"], stat, rate, players=True, minimum=0).iloc[0]
        label, decimals = _rated_label(stat, rate)
        return f" That is {fmt(value, decimals)} {label} (his total {rate.divides_by})."

    def _player_rows(self, player_id: str, match_ids: list[str]) -> pd.DataFrame:
        """Return the player's ``player_stats`` rows in the matches."""
        rows = self.rows_of("player_stats", match_ids)
        return rows[rows["player_id"] == player_id]

    def last_appearances(self, player_id: str, match_ids: list[str], count: int, first: bool = False) -> list[str]:
        """Return the latest ``count`` of ``match_ids`` the player played in (came on or started), oldest first; his
        first ``count`` when ``first`` ("his first 10 games")."""
        rows = self._player_rows(player_id, match_ids)
        played = sorted(rows.loc[rows["minutes"].fillna(0) > 0, "match_id"], key=lambda m: self.match(m)["date"])
        return played[:count] if first else played[-count:]

    def player_summary(self, player_id: str, name: str, match_ids: list[str], scope: str) -> FactResult:
        """A player's main figures over the matches (totals; averages for averaged stats), with his appearances."""
        rows = self._player_rows(player_id, match_ids)
        played = rows[rows["minutes"].fillna(0) > 0]
        r = FactResult(match_ids=played["match_id"].tolist() or match_ids)
        if played.empty:
            r.add(f"{name} did not play in {scope}.", match_ids)
            r.text = r.facts[0].text
            return r
        totals = {stat: _combined(played[stat], stat) for stat in PLAYER_SUMMARY_STATS if stat in played.columns}
        figures = [
            f"{definition(stat).brief} {fmt(total, definition(stat).decimals)}"
            for stat, total in totals.items()
            if pd.notna(total)
        ]
        apps = _plural(len(played), "appearance")
        r.add(f"{name} in {scope}: {apps}, {fmt(played['minutes'].sum())} minutes; {', '.join(figures)}.", r.match_ids)
        r.text = r.facts[0].text
        return r

    def player_comparison(self, players: list[tuple[str, str, list[str]]], stat: str) -> FactResult:
        """Each (player id, name, his match ids) player's figure, then who had more: decided here, not by the LLM."""
        r = FactResult()
        totals: dict[str, float] = {}
        for player_id, name, match_ids in players:
            part = self.player_stat(player_id, name, stat, match_ids)
            r.facts.extend(part.facts)
            r.match_ids.extend(part.match_ids)
            if "value" in part.facts[-1].values:
                totals[name] = float(part.facts[-1].values["value"])
        if len(totals) == 2 and len(set(totals.values())) == 2:
            label = definition(stat).label
            r.add(f"{max(totals, key=totals.__getitem__)} had more {label}.", r.match_ids)
        r.text = " ".join(f.text for f in r.facts)
        return r

    # --- periods and rankings ----------------------------------------------------------------------

    def _finished(self, match_ids: list[str]) -> list[str]:
        """Return the finished matches of ``match_ids``: one captured in progress has no result yet, for any record."""
        return [m for m in match_ids if self.match(m)["status"] == FINISHED]

    def team_record(self, team: str, match_ids: list[str], period_label: str) -> FactResult:
        match_ids = self._finished(match_ids)
        r = FactResult(match_ids=match_ids)
        rows = self.rows_of("team_stats", match_ids)
        rows = rows[rows["team"] == team]
        if rows.empty:
            r.add(f"{team} have no matches in the data for {period_label}.")
            r.text = r.facts[0].text
            return r
        won, drawn, lost, points, clean_sheets = (
            int(rows[stat].sum()) for stat in ("wins", "draws", "losses", "points", "clean_sheets")
        )
        gf, ga = int(rows["goals"].sum()), int(rows["goals_against"].sum())
        r.add(
            f"{team} in {period_label}: {len(rows)} matches, {won} won, {drawn} drawn, {lost} lost, "
            f"{points} points; scored {gf}, conceded {ga}, "
            f"{clean_sheets} clean sheet{'' if clean_sheets == 1 else 's'}.",
            match_ids, played=len(rows), won=won, drawn=drawn, lost=lost, goals_for=gf, goals_against=ga,
            clean_sheets=clean_sheets,
        )  # fmt: skip
        xg_for, xg_against = rows["xg"].sum(min_count=1), rows["xg_against"].sum(min_count=1)
        if pd.notna(xg_for):
            r.add(f"{team} xG for {fmt(xg_for, 2)}, xG against {fmt(xg_against, 2)}.", match_ids)
        r.text = " ".join(f.text for f in r.facts)
        return r

    def team_total(
        self,
        team: str,
        stat: str | None,
        match_ids: list[str],
        period_label: str,
        against: bool = False,
        rate: Rate | None = None,
    ) -> FactResult:
        """A team's record over the matches, led by its total (or average) of ``stat`` when one is asked for: its
        opponents' against it when ``against`` ("shots Villa faced"); its figure per match after it with ``rate``."""
        r = self.team_record(team, match_ids, period_label)
        side = "opponent" if against else "team"
        rows = self.rows_of("team_stats", match_ids)
        rows = rows[rows[side] == team]
        if stat is None or stat not in rows.columns or rows.empty:
            return r
        label, decimals = _label(stat)
        value = rows[stat].mean() if stat in AVERAGED else rows[stat].sum(min_count=1)
        how = "average per match" if stat in AVERAGED else "in total"
        whose = f"{_opening_word(label)} against {team}" if against else f"{team} {label}"
        total = f"{whose} {how}: {fmt(value, decimals or (1 if stat in AVERAGED else 0))}."
        if rate is not None and stat not in AVERAGED:  # "arsenal goals per game"
            per = rated(rows, [side], stat, rate, players=False).iloc[0]
            total += f" That is {fmt(per, RATE_DECIMALS)} {label} per match over {len(rows)} matches."
        r.facts.insert(0, Fact(text=total, match_ids=match_ids))  # the count asked for first, then the record
        r.text = " ".join(f.text for f in r.facts)
        return r

    def period_total(self, stat: str, match_ids: list[str], period_label: str, rate: Rate | None = None) -> FactResult:
        """``stat`` added up over every team in the matches (and per match with ``rate``: "goals per game"); the goals
        themselves for a kind of goal."""
        rows = self.rows_of("team_stats" if stat in self.t.team_stats.columns else "player_stats", match_ids)
        label, decimals = _label(stat)
        r = FactResult(match_ids=match_ids)
        if stat not in rows.columns or stat in AVERAGED:
            r.add(f"The data has no total of {label} over several matches; name a team or a match.")
        else:
            total = rows[stat].sum(min_count=1)
            r.add(
                f"{_opening_word(label)} in {period_label}: {fmt(total, decimals)} in {len(match_ids)} matches.",
                match_ids,
            )
            if rate is not None and match_ids:  # a match's two teams together: per match, whatever the rate
                r.add(f"That is {fmt(total / len(match_ids), RATE_DECIMALS)} {label} per match.", match_ids)
        if stat in GOAL_KINDS:
            goals = self._goals_in(match_ids)
            goals = goals[goals[GOAL_KINDS[stat]].eq(True) & ~goals["own_goal"].eq(True)]
            r.match_ids = list(dict.fromkeys(goals["match_id"]))
            items = [
                f"{g['player_name']} ({g['team']}) {self._goal_when(g)} in {self.label(self.match(g['match_id']))}"
                for _, g in goals.iterrows()
            ]
            if items:
                r.add(f"They were: {'; '.join(items)}.", r.match_ids)
        r.text = " ".join(f.text for f in r.facts)
        return r

    def team_profile(self, team: str, match_ids: list[str], period_ids: list[str], period_label: str) -> FactResult:
        """A team's record and key stats per match over its ``match_ids``, and where each stat ranks among every
        team's over the period's matches (``period_ids``).

        The narrative of a team over a period ("How has Chelsea's pressing been this season?") stands on
        these; the ranks are computed here (the model never compares), over finished matches only.
        """
        r = self.team_record(team, match_ids, period_label)
        finished = self._finished(period_ids)
        rows = self.rows_of("team_stats", finished)
        if not r.match_ids or rows.empty:
            return r
        averages = rows.groupby("team")[list(SUMMARY_STATS)].mean()
        mine = averages.loc[team]
        # a figure the tables do not hold (xG without the xG model) is left out, not said "n/a"
        pairs = [
            f"{definition(s).brief} {fmt(mine[s], definition(s).decimals)}" for s in SUMMARY_STATS if pd.notna(mine[s])
        ]
        r.add(f"{team} per match in {period_label}: {'; '.join(pairs)}.", r.match_ids)
        ranks = [self._rank_phrase(averages, team, stat) for stat in SUMMARY_STATS if pd.notna(mine[stat])]
        r.add(f"Among the {len(averages)} teams in {period_label}, {team} rank: {'; '.join(ranks)}.", r.match_ids)
        r.opening = [r.facts[0].text]
        r.briefing = [f.text for f in r.facts]
        r.text = " ".join(f.text for f in r.facts)
        return r

    @staticmethod
    def _rank_phrase(averages: pd.DataFrame, team: str, stat: str) -> str:
        """Return "PPDA 3rd lowest" (lower-is-better stats) or "xG 2nd highest": the team's place by ``stat``."""
        lowest = stat in LOWER_IS_BETTER
        place = ordinal(int(averages[stat].rank(method="min", ascending=lowest)[team]))
        label = definition(stat).brief
        if stat == "ppda":  # "PPDA 1st lowest" reads to a small model as the weakest press: say what it means
            return f"pressing {place} hardest (PPDA {place} lowest)"
        return f"{label} {place} {'lowest' if lowest else 'highest'}"

    def form(self, team: str, last: int = 5, match_ids: list[str] | None = None, within: str = "") -> FactResult:
        """Return ``team``'s last ``last`` finished matches (of ``match_ids`` when given, said as ``within``: " in the
        2024/2025 season"): results, the points they won ("how many points in the last 6 games"), goals for and
        against, each match."""
        rows = self.t.team_stats if match_ids is None else self.rows_of("team_stats", match_ids)
        rows = rows[rows["team"] == team]
        rows = (
            rows.merge(self.t.matches[["match_id", "date", "status"]], on="match_id")
            .query(f"status == '{FINISHED}'")
            .sort_values("date")
            .tail(last)
        )
        r = FactResult(match_ids=rows["match_id"].tolist())
        results = "".join(rows["result"])
        games = "; ".join(self.label(self.match(mid)) for mid in rows["match_id"])
        scored, conceded = int(rows["goals"].sum()), int(rows["goals_against"].sum())
        points = sum(RESULT_COUNTS["points"].get(result, 0) for result in rows["result"])
        r.add(
            f"{team}'s last {len(rows)} matches{within} (oldest first): {results}, {_plural(points, 'point')}, "
            f"scored {scored}, conceded {conceded}. {games}.",
            r.match_ids, form=results, goals_for=scored, goals_against=conceded,
        )  # fmt: skip
        r.text = r.facts[0].text
        return r

    def ranking(
        self,
        stat: str,
        match_ids: list[str],
        period_label: str,
        players: bool,
        descending: bool,
        team: str | None,
        against: bool = False,
        only: Only = Only(),
        rate: Rate | None = None,
    ) -> FactResult:
        """The top players (or teams) by ``stat`` over the matches, the leader(s) first; players of ``team`` only
        when it is given, and a named team's own place first in a ranking of teams; teams by their opponents'
        figure against them when ``against`` ("faced the most shots"); each team's home or away matches or its
        matchweeks first..last only when ``only`` says so; per 90 minutes or per match when ``rate`` says so (its
        definition said after the ranking)."""
        label = _label(stat)[0]
        rows = self.rows_of("player_stats" if players else "team_stats", match_ids)
        if only != Only():
            rows = rows.merge(self.team_rows(match_ids, only)[["match_id", "team"]].drop_duplicates())
            period_label += only.describe()
        if players and team:
            rows = rows[rows["team"] == team]
            period_label = f"{period_label} for {team}"
        r = FactResult(match_ids=sorted(set(rows["match_id"])))
        if stat not in rows.columns:
            r.add(f"The data has no {label} figure to rank by.")
            r.text = r.facts[0].text
            return r
        keys = ["player_id", "team"] if players else ["opponent" if against else "team"]
        grouped = rows.groupby(keys, dropna=False)[stat]
        period_label += ", counted against each team" if against else ""
        rate = None if stat in AVERAGED else rate  # a rating or possession is a match's figure already
        values = grouped.mean() if stat in AVERAGED else grouped.sum(min_count=1)
        values = values if rate is None else rated(rows, keys, stat, rate, players)
        if not players and team in values.index:
            r.add(self._team_place(values, team, stat, period_label, descending, rate))
        for sentence in self._ranked(values, stat, period_label, players, descending, lead=False, rate=rate):
            r.add(sentence, r.match_ids)
        if rate is not None:
            r.add(rate.definition(players))
        r.text = " ".join(f.text for f in r.facts)
        return r

    def table(
        self,
        match_ids: list[str],
        scope: str,
        bottom: bool = False,
        team: str | None = None,
        only: Only = Only(),
        shown: int = TOP_N,
    ) -> FactResult:
        """The league table over the finished matches, ordered as the Premier League orders it (points, then goal
        difference, then goals scored); the bottom first when ``bottom``; ``team``'s place first when given.
        ``only`` keeps each team's home or away matches, or its matchweeks first..last; ``shown`` places listed."""
        rows = self.team_rows(self._finished(match_ids), only)
        r = FactResult(match_ids=list(dict.fromkeys(rows["match_id"])))
        sums = rows.groupby("team")[["points", "goals", "goals_against", "wins", "draws", "losses"]].sum()
        sums["difference"] = sums["goals"] - sums["goals_against"]
        ordered = sums.sort_values(["points", "difference", "goals"], ascending=False, kind="stable")
        places = [
            f"{place}. {name} {int(row.points)} points (goal difference {int(row.difference):+d})"
            for place, (name, row) in enumerate(ordered.iterrows(), 1)
        ]
        if team in ordered.index:
            row, place = ordered.loc[team], ordered.index.get_loc(team) + 1
            played = int(row.wins + row.draws + row.losses)
            record = f"{int(row.wins)} won, {int(row.draws)} drawn, {int(row.losses)} lost"
            r.add(
                f"{team}: {ordinal(place)} of {len(ordered)} in the table in {scope}, "
                f"{_plural(int(row.points), 'point')} from {played} match{'' if played == 1 else 'es'} ({record}), "
                f"goal difference {int(row.difference):+d} ({int(row.goals)} scored, "
                f"{int(row.goals_against)} conceded).",
                r.match_ids,
                place=place,
            )
        if not places:
            r.add(f"No finished match in {scope}.")
        else:
            listed = places[::-1][:shown] if bottom else places[:shown]
            r.add(f"{'Bottom' if bottom else 'Top'} of the table in {scope}: {'; '.join(listed)}.", r.match_ids)
            named = ordered.iloc[::-1] if bottom else ordered
            for sentence in _level_on_points(ordered, list(named.index[:shown]) + ([team] if team else [])):
                r.add(sentence, r.match_ids)
        r.text = " ".join(f.text for f in r.facts)
        return r

    def team_rows(self, match_ids: list[str], only: Only = Only()) -> pd.DataFrame:
        """Return the team_stats rows of the matches, each team's home or away ones or its matchweeks first..last
        only when ``only`` says so (a team's Nth match of the data is its matchweek N)."""
        rows = self.rows_of("team_stats", match_ids)
        if only.rounds is not None:
            days = rows["match_id"].map(self.matches["date"])
            first, last = only.rounds
            nth = days.groupby(rows["team"]).rank(method="first", ascending=first > 0)
            rows = rows[nth.between(first, last) if first > 0 else nth.between(-last, -first)]
        return rows if only.side is None else rows[rows["side"] == only.side]

    def match_leaders(self, match_id: str, stat: str, descending: bool = True, team: str | None = None) -> FactResult:
        """The players of one match (of ``team`` only, when given) ranked by ``stat``, the leader(s) first (a tie said
        as one); the teams' figures when the data has no per-player figure for each of them."""
        rows = self.players_in(match_id)
        rows = rows if team is None else rows[rows["team"] == team]
        played = rows[rows["minutes"].fillna(0) > 0].set_index(["player_id", "team"])
        # A player without the figure (xG before the model fills it) could be the leader: no ranking then.
        if stat not in played.columns or played[stat].isna().any():
            r = self.team_stat(match_id, stat)
            r.facts.insert(0, Fact(text=f"The data has no per-player {_label(stat)[0]} figure.", match_ids=[match_id]))
            r.text = " ".join(f.text for f in r.facts)
            return r
        played = played[stat]
        r = FactResult(match_ids=[match_id])
        scope = self.label(self.match(match_id)) + (f" for {team}" if team else "")
        for sentence in self._ranked(played, stat, scope, True, descending, lead=True):
            r.add(sentence, [match_id])
        r.text = " ".join(f.text for f in r.facts)
        return r

    def _ranked(
        self,
        values: pd.Series,
        stat: str,
        scope: str,
        players: bool,
        descending: bool,
        lead: bool,
        rate: Rate | None = None,
    ) -> list[str]:
        """Return the leader sentence (with ``lead``, or when leaders are tied) and the top places of ``values``
        (indexed by (player id, team), or by team), each ``stat`` per ``rate`` when given.

        Equal figures as shown share a place ("1. A 3; 1. B 3; 3. C 2"), as in a league table, and leaders
        level on the top figure are said to be tied.
        """
        label, decimals = _rated_label(stat, rate)
        values = values.dropna().sort_values(ascending=not descending, kind="stable")
        if descending:  # nobody leads with none
            values = values[values > 0]
        order = "most" if descending else "fewest"
        if values.empty:
            return [f"{order.capitalize()} {label} in {scope}: none."]
        places = values.round(decimals).rank(method="min", ascending=not descending).astype(int)
        names = {idx: self._ranked_name(idx, players) for idx in values.index}
        top = values.head(TOP_N)
        items = [f"{places[idx]}. {names[idx]} {fmt(value, decimals)}" for idx, value in top.items()]
        # A cut through a tie would rank the ones left out below the ones shown: say how many share the last figure.
        tied = int((values.iloc[TOP_N:] == top.iloc[-1]).sum()) if len(top) == TOP_N else 0
        also = f", and {tied} more with {fmt(top.iloc[-1], decimals)}" if tied else ""
        leaders = [names[idx] for idx in values.index if places[idx] == 1]
        best = fmt(values.iloc[0], decimals)
        # Many level at the top are counted, not named: the list below names the first of them.
        level = (
            _listed(leaders) if len(leaders) <= NAMED_TIED else f"{len(leaders)} {'players' if players else 'teams'}"
        )
        # "the highest rating", not "the most rating": an average is high or low.
        top_word = ("highest" if descending else "lowest") if stat in AVERAGED else order
        sentence = (
            f"{leaders[0]} had the {top_word} {label} in {scope}: {best}."
            if len(leaders) == 1
            else f"Tied for the {top_word} {label} in {scope}, {best} each: {level}."
        )
        listed = f"{order.capitalize()} {label} in {scope}: {'; '.join(items)}{also}."
        return [sentence, listed] if lead or len(leaders) > 1 else [listed]

    def _ranked_name(self, idx: object, players: bool) -> str:
        """Return "Player (Team)" for a (player id, team) index, or the team for a team's."""
        if not players:
            return idx if isinstance(idx, str) else idx[0]
        player_id, team = idx
        return f"{self.person(player_id, self._lineup_names.get(player_id))} ({team})"

    @staticmethod
    def _team_place(
        values: pd.Series, team: str, stat: str, scope: str, descending: bool, rate: Rate | None = None
    ) -> str:
        """Return "Arsenal: 3 clean sheets in October 2025, 1st of 20 teams": a named team's own figure first."""
        label, decimals = _rated_label(stat, rate)
        place = int(values.round(decimals).rank(method="min", ascending=not descending)[team])
        return f"{team}: {fmt(values[team], decimals)} {label} in {scope}, {ordinal(place)} of {len(values)} teams."

    def comparison(self, teams: list[str], stat: str, match_ids: list[str], period_label: str) -> FactResult:
        r = FactResult(match_ids=match_ids)
        label, decimals = _label(stat)
        values = {}
        for team in teams[:2]:
            rows = self.rows_of("team_stats", match_ids)
            rows = rows[rows["team"] == team]
            if stat not in rows.columns or rows.empty:
                continue
            per_match = rows[stat].mean()
            values[team] = per_match
            r.add(
                f"{team}: {fmt(per_match, max(decimals, 1))} {label} per match "
                f"over {len(rows)} matches in {period_label}."
            )
        if len(values) == 2:
            (a, va), (b, vb) = values.items()
            if pd.notna(va) and pd.notna(vb) and va != vb:  # an unknown figure (n/a) ranks nobody
                higher = a if va > vb else b
                r.add(f"{higher} averaged more {label}.")
        r.text = " ".join(f.text for f in r.facts)
        return r

    def results_in(self, match_ids: list[str], period_label: str) -> FactResult:
        r = FactResult(match_ids=match_ids)
        lines = [self.label(self.match(mid)) for mid in match_ids]
        r.add(f"Results in {period_label}: " + "; ".join(lines) + ".", match_ids, matches=len(lines))
        r.text = r.facts[0].text
        return r
