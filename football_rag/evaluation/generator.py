"""The generated eval set: questions over a release's tables, stratified by kind, seeded and reproducible.

``generate_eval_set(tables, seed, per_kind, counts)`` writes ``per_kind`` questions of every kind in
``eval_set.KINDS`` (``counts`` overrides a kind's number, e.g. fewer narratives: each costs an LLM
call), each phrased from several templates with the team names users type (the aliases of
``configs/team_aliases.yaml``) and the date forms they use ("9 November 2025", "Nov 9", "2025-11-09",
"November 2025"). A meeting that happened twice is always dated.

Gold values are read from the tables directly (matches, timeline, team_stats, player_stats, lineups,
formations) and never through the answerer's fact builders, so an answerer bug cannot make its own
gold agree with it. The conventions a correct answer follows are restated here for that reason:
minutes are quoted as match reports do (Opta's elapsed minute + 1, stoppage time as 90+4'), counts
as integers, percentages and per-match averages with one decimal, ratings with two.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pandas as pd

from football_rag.analytics.linking import TeamAliases, plain_text
from football_rag.analytics.tables import MatchTables
from football_rag.config.settings import get_settings
from football_rag.config.yaml_config import load_config
from football_rag.evaluation.eval_set import KINDS, EvalQuestion
from football_rag.rag.answer_model import Intent
from football_rag.rag.dates import Period
from football_rag.rag.scope import ScopeReader

DEFAULT_PER_KIND = 25
MAX_TRIES_PER_QUESTION = 40
PERIOD_ENDS = {1: 45, 2: 90, 3: 105, 4: 120}
# Surnames that are also everyday words: a user would write the full name ("Declan Rice").
EVERYDAY_WORDS = frozenset(
    [
        "king",
        "rice",
        "gray",
        "wood",
        "hall",
        "mount",
        "cash",
        "hill",
        "little",
        "young",
        "white",
        "james",
        "long",
        "bench",
        "stones",
    ]
)
MIN_SURNAME_LENGTH = 4
# Months with fewer matches than this make a poor ranking question (a leader of one game).
MIN_MATCHES_FOR_RANKING = 10

# (team_stats column, how a question names it, decimals)
TEAM_STATS = (
    ("shots", "shots", 0),
    ("shots_on_target", "shots on target", 0),
    ("corners", "corners", 0),
    ("fouls", "fouls", 0),
    ("passes", "passes", 0),
    ("tackles", "tackles", 0),
    ("interceptions", "interceptions", 0),
    ("clearances", "clearances", 0),
    ("offsides", "offsides", 0),
    ("saves", "saves", 0),
    ("possession", "possession", 1),
    ("pass_accuracy", "pass accuracy", 1),
)
PLAYER_MATCH_STATS = (
    ("shots", "shots", 0),
    ("passes", "passes", 0),
    ("tackles", "tackles", 0),
    ("key_passes", "key passes", 0),
    ("interceptions", "interceptions", 0),
)
# (column, phrase, decimals, averaged) for rankings and comparisons
PLAYER_RANKINGS = (
    ("goals", "goals", 0),
    ("assists", "assists", 0),
    ("shots", "shots", 0),
    ("key_passes", "key passes", 0),
    ("tackles", "tackles", 0),
)
TEAM_RANKINGS = (
    ("shots", "shots", 0, False),
    ("corners", "corners", 0, False),
    ("shots_on_target", "shots on target", 0, False),
    ("goals", "goals", 0, False),
    ("possession", "possession", 1, True),
    ("pass_accuracy", "pass accuracy", 1, True),
)
COMPARED = (
    ("shots", "shots"),
    ("possession", "possession"),
    ("pass_accuracy", "pass accuracy"),
    ("corners", "corners"),
    ("shots_on_target", "shots on target"),
    ("goals", "goals"),
)


def quoted_minute(period: int, minute: int) -> str:
    """Return the minute as reports quote it: elapsed ``minute`` 36 is the 37th (37'), 93 in the 2nd half is 90+4'."""
    # Written apart from analytics.minutes on purpose: a gold value must not come from the code it checks.
    nth = int(minute) + 1
    end = PERIOD_ENDS.get(int(period))
    return f"{end}+{nth - end}'" if end and nth > end else f"{nth}'"


def number(value: float, decimals: int = 0) -> str:
    """Return ``value`` printed with ``decimals`` decimals (integers without a point)."""
    return f"{float(value):.{decimals}f}" if decimals else str(round(float(value)))


def possessive(name: str) -> str:
    """Return "Arsenal's", "Wolves'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def score_of(match: pd.Series) -> str:
    """Return the final score, home first: "4-1"."""
    return f"{int(match['home_goals'])}-{int(match['away_goals'])}"


@dataclass(frozen=True)
class Goal:
    match_id: str
    team: str  # the team the goal counts for
    player_id: str
    player_name: str
    own_goal: bool
    minute: str
    assister: str | None = None  # who set it up (never for an own goal)


class Phrasing:
    """How users name teams, players, days and months: seeded random choices among real spellings.

    With several seasons loaded, a day or a month is written without its year only inside the latest season
    (``latest``), the one a date without a year means (``rag.scope``).
    """

    def __init__(self, rng: random.Random, teams: list[str], players: pd.DataFrame, latest: Period | None) -> None:
        self.rng = rng
        self.spellings = _team_spellings(teams)
        self.surnames = _unique_surnames(players)
        self.latest = latest

    def _without_year(self, first: date, last: date) -> bool:
        return self.latest is None or (first <= self.latest.end and self.latest.start <= last)

    def team(self, name: str) -> str:
        """The data's spelling six times in ten, else one of the team's aliases."""
        options = self.spellings.get(name, [name])
        return name if len(options) == 1 or self.rng.random() < 0.6 else self.rng.choice(options[1:])

    def player(self, player_id: str, name: str) -> str:
        """The full name, or three times in ten the surname when no other player has it."""
        surname = self.surnames.get(player_id)
        return surname if surname and self.rng.random() < 0.3 else name

    def day(self, when: pd.Timestamp) -> str:
        day, month, abbr, year = when.day, f"{when:%B}", f"{when:%b}", when.year
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        forms = [f"{day} {month} {year}", f"{when:%Y-%m-%d}", f"{when:%d/%m/%Y}", f"{day} {abbr} {year}"]
        if self._without_year(when.date(), when.date()):
            forms[1:1] = [f"{month} {day}", f"{abbr} {day}", f"{day}{suffix} {month}"]
        return self.rng.choice(forms)

    def month(self, year: int, month: int) -> str:
        first = pd.Timestamp(year=year, month=month, day=1)
        bare = self._without_year(first.date(), (first + pd.offsets.MonthEnd(0)).date())
        return self.rng.choice(
            [f"{first:%B %Y}", f"{first:%B}", f"{first:%b %Y}"] if bare else [f"{first:%B %Y}", f"{first:%b %Y}"]
        )

    def when(self, match: pd.Series, needed: bool) -> str:
        """Return a day (" on 9 Nov"), a month (" in November") or nothing; always the day when ``needed``."""
        roll = self.rng.random()
        if needed or roll < 0.3:
            return f" on {self.day(match['date'])}"
        if roll < 0.45:
            return f" in {self.month(match['date'].year, match['date'].month)}"
        return ""


def _alias_groups() -> tuple[TeamAliases, dict[str, list[str]]]:
    """The alias table, and its groups as written (team -> aliases) for phrasing questions."""
    groups = load_config("team_aliases", get_settings().configs_dir).get("teams") or {}
    return TeamAliases.load(), {team: list(extra or []) for team, extra in groups.items()}


def _team_spellings(teams: list[str]) -> dict[str, list[str]]:
    """Each data team -> [its data spelling, then every alias the alias table lists for it]."""
    aliases, groups = _alias_groups()
    spellings = {}
    for team in teams:
        canonical = aliases.canonical.get(aliases.normalise(team), aliases.normalise(team))
        names = next(([name, *extra] for name, extra in groups.items() if aliases.normalise(name) == canonical), [])
        spellings[team] = [team, *sorted({n for n in names if n != team})]
    return spellings


def outside_teams(teams: list[str]) -> list[str]:
    """Teams the alias table knows that are not in the data (for unknown-match questions)."""
    aliases, groups = _alias_groups()
    inside = {aliases.canonical.get(aliases.normalise(t), aliases.normalise(t)) for t in teams}
    return sorted(name for name in groups if aliases.normalise(name) not in inside)


def _unique_surnames(players: pd.DataFrame) -> dict[str, str]:
    """player_id -> surname, for surnames no other player in the data carries (and that are not everyday words)."""
    names = players.drop_duplicates("player_id").set_index("player_id")["player_name"].dropna()
    last = {pid: name.split()[-1] for pid, name in names.items() if name.split()}
    counts = pd.Series([plain_text(s) for s in last.values()]).value_counts()
    return {
        pid: s
        for pid, s in last.items()
        if counts[plain_text(s)] == 1
        and len(s) >= MIN_SURNAME_LENGTH
        and plain_text(s) not in EVERYDAY_WORDS
        and len(names[pid].split()) > 1
    }


class EvalSetGenerator:
    """Builds the questions of every kind from one release's tables."""

    def __init__(self, tables: MatchTables, seed: int = 0, focus: Collection[str] | None = None) -> None:
        self.rng = random.Random(seed)
        self.t = tables
        m = tables.matches.sort_values(["date", "match_id"], kind="stable").reset_index(drop=True)
        self.all_matches = m
        # "this season" is the latest one loaded (``rag.scope``): its period, or all the data when it is one season
        latest = ScopeReader(m).latest_period()
        self.season = m if latest is None else m[m["date"].dt.date.between(latest.start, latest.end)]
        self.matches = m[m["complete"].astype(bool)].reset_index(drop=True)
        # Questions about one match draw from these (all complete matches, or those of ``focus``, e.g. the new ones).
        self.pool = self.matches[self.matches["match_id"].isin(focus)] if focus is not None else self.matches
        self.teams = sorted(set(m["home"]) | set(m["away"]))
        self.meetings: dict[frozenset[str], list[str]] = defaultdict(list)
        for match_id, home, away in m[["match_id", "home", "away"]].itertuples(index=False):
            self.meetings[frozenset((home, away))].append(match_id)
        self.goals = self._goals()
        names = tables.lineups.groupby("player_name")["player_id"].nunique()
        self.unique_names = set(names[names == 1].index)
        self.say = Phrasing(self.rng, self.teams, tables.lineups, latest)
        self.team_stats = tables.team_stats.set_index(["match_id", "team"])
        self.played = tables.player_stats[tables.player_stats["minutes"].fillna(0) > 0].merge(
            m[["match_id", "date"]], on="match_id"
        )

    def _goals(self) -> dict[str, list[Goal]]:
        goals: dict[str, list[Goal]] = defaultdict(list)
        timeline = self.t.timeline[self.t.timeline["kind"] == "goal"]
        for g in timeline.itertuples(index=False):
            goals[g.match_id].append(
                Goal(
                    g.match_id,
                    g.team,
                    g.player_id,
                    g.player_name,
                    bool(g.own_goal),
                    quoted_minute(g.period, g.minute),
                    g.other_player_name if isinstance(g.other_player_name, str) and not g.own_goal else None,
                )
            )
        return goals

    # --- the set --------------------------------------------------------------------------------

    def generate(self, per_kind: int = DEFAULT_PER_KIND, counts: Mapping[str, int] | None = None) -> list[EvalQuestion]:
        """Return ``per_kind`` distinct questions of every kind, ``counts[kind]`` where given (fewer only when the
        data cannot give more)."""
        questions: list[EvalQuestion] = []
        seen: set[str] = set()
        for kind in KINDS:
            build: Callable[[], EvalQuestion | None] = getattr(self, kind)  # one builder method per kind, named for it
            wanted = (counts or {}).get(kind, per_kind)
            made = 0
            for _ in range(wanted * MAX_TRIES_PER_QUESTION):
                if made == wanted:
                    break
                q = build()
                if q is None or q.question.lower() in seen:
                    continue
                seen.add(q.question.lower())
                made += 1
                questions.append(q.model_copy(update={"id": f"{kind}-{made:03d}"}))
        return questions

    # --- helpers --------------------------------------------------------------------------------

    def _match(self) -> pd.Series:
        return self.pool.iloc[self.rng.randrange(len(self.pool))]

    def _met_twice(self, match: pd.Series) -> bool:
        return len(self.meetings[frozenset((match["home"], match["away"]))]) > 1

    def _pair(self, match: pd.Series) -> tuple[str, str]:
        """Home and away as a user writes them (a quarter of the time away first)."""
        home, away = self.say.team(match["home"]), self.say.team(match["away"])
        return (away, home) if self.rng.random() < 0.25 else (home, away)

    def _side(self, match: pd.Series) -> tuple[str, str]:
        """A random team of the match and its opponent (data spellings)."""
        return (match["home"], match["away"]) if self.rng.random() < 0.5 else (match["away"], match["home"])

    def _question(
        self, kind: str, text: str, gold: list[str], intent: Intent, match_id: str | None = None
    ) -> EvalQuestion:
        return EvalQuestion(question=text, gold=gold, match_id=match_id, kind=kind, expected_intent=intent)

    def _player_phrase(self, player_id: str, name: str) -> str | None:
        """How the question names the player, or None when the full name is shared (the question would be ambiguous)."""
        return self.say.player(player_id, name) if name in self.unique_names else None

    def _stat(self, match_id: str, team: str, column: str) -> float | None:
        value = self.team_stats.loc[(match_id, team), column]
        return None if pd.isna(value) else float(value)

    # --- one match -------------------------------------------------------------------------------

    def score(self) -> EvalQuestion:
        m = self._match()
        a, b = self._pair(m)
        when = self.say.when(m, self._met_twice(m))
        text = self.rng.choice(
            [
                f"What was the score of {a} vs {b}{when}?",
                f"{a} v {b}{when}: what was the final score?",
                f"What was the result of {a} against {b}{when}?",
                f"Final score {a} {b}{when}",
                f"Who won {a} vs {b}{when}?",
                f"How did {a} vs {b} end{when}?",
            ]
        )
        return self._question("score", text, [score_of(m)], Intent.SCORE, m["match_id"])

    def scorers(self) -> EvalQuestion:
        m = self._match()
        goals = self.goals.get(m["match_id"], [])
        when = self.say.when(m, self._met_twice(m))
        if self.rng.random() < 0.35:
            team, opp = self._side(m)
            names = list(dict.fromkeys(g.player_name for g in goals if g.team == team))
            text = f"Who scored for {self.say.team(team)} against {self.say.team(opp)}{when}?"
        else:
            a, b = self._pair(m)
            names = list(dict.fromkeys(g.player_name for g in goals))
            text = self.rng.choice(
                [
                    f"Who scored in {a} vs {b}{when}?",
                    f"Who were the goalscorers in {a} v {b}{when}?",
                    f"Goalscorers {a} {b}{when}",
                    f"Who got the goals in {a} against {b}{when}?",
                ]
            )
        return self._question("scorers", text, names or [score_of(m)], Intent.SCORERS, m["match_id"])

    def goal_minute(self) -> EvalQuestion | None:
        m = self._match()
        goals = [g for g in self.goals.get(m["match_id"], []) if not g.own_goal]
        if not goals:
            return None
        goal = self.rng.choice(goals)
        player = self._player_phrase(goal.player_id, goal.player_name)
        if player is None:
            return None
        opp = m["away"] if goal.team == m["home"] else m["home"]
        minutes = [g.minute for g in goals if g.player_id == goal.player_id]
        when = self.say.when(m, self._met_twice(m))
        a, b = self._pair(m)
        text = self.rng.choice(
            [
                f"When did {player} score against {self.say.team(opp)}{when}?",
                f"In which minute did {player} score in {a} vs {b}{when}?",
                f"What minute was {possessive(player)} goal against {self.say.team(opp)}{when}?",
                f"At what minute did {player} score for {self.say.team(goal.team)} against {self.say.team(opp)}{when}?",
            ]
        )
        return self._question("goal_minute", text, minutes, Intent.SCORERS, m["match_id"])

    def team_stat(self) -> EvalQuestion | None:
        m = self._match()
        column, phrase, decimals = self.rng.choice(TEAM_STATS)
        team, opp = self._side(m)
        value, other = self._stat(m["match_id"], team, column), self._stat(m["match_id"], opp, column)
        if value is None or other is None:
            return None
        when = self.say.when(m, self._met_twice(m))
        t, o = self.say.team(team), self.say.team(opp)
        if self.rng.random() < 0.25:
            a, b = self._pair(m)
            text = f"{phrase.capitalize()} in {a} vs {b}{when}?"
            return self._question(
                "team_stat", text, [number(value, decimals), number(other, decimals)], Intent.TEAM_STAT, m["match_id"]
            )
        text = (
            self.rng.choice(
                [
                    f"What was {possessive(t)} {phrase} against {o}{when}?",
                    f"How much {phrase} did {t} have against {o}{when}?",
                ]
            )
            if decimals
            else self.rng.choice(
                [
                    f"How many {phrase} did {t} have against {o}{when}?",
                    f"How many {phrase} did {t} get versus {o}{when}?",
                ]
            )
        )
        return self._question("team_stat", text, [number(value, decimals)], Intent.TEAM_STAT, m["match_id"])

    def player_stat(self) -> EvalQuestion | None:
        roll = self.rng.random()
        if roll < 0.3:
            return self._player_period_total()
        m = self._match()
        rows = self.played[self.played["match_id"] == m["match_id"]]
        if rows.empty:
            return None
        p = rows.iloc[self.rng.randrange(len(rows))]
        player = self._player_phrase(p["player_id"], p["player_name"])
        if player is None:
            return None
        when = self.say.when(m, self._met_twice(m))
        a, b = self._pair(m)
        opp = m["away"] if p["team"] == m["home"] else m["home"]
        if roll < 0.45:
            if pd.isna(p["rating"]):
                return None
            text = self.rng.choice(
                [
                    f"What was {possessive(player)} rating in {a} v {b}{when}?",
                    f"How was {player} rated against {self.say.team(opp)}{when}?",
                ]
            )
            return self._question("player_stat", text, [number(p["rating"], 2)], Intent.PLAYER_STAT, m["match_id"])
        column, phrase, decimals = self.rng.choice(PLAYER_MATCH_STATS)
        if pd.isna(p[column]):
            return None
        text = self.rng.choice(
            [
                f"How many {phrase} did {player} have in {a} vs {b}{when}?",
                f"How many {phrase} did {player} make against {self.say.team(opp)}{when}?",
                f"{player} {phrase} in {a} v {b}{when}?",
            ]
        )
        return self._question("player_stat", text, [number(p[column], decimals)], Intent.PLAYER_STAT, m["match_id"])

    def _player_period_total(self) -> EvalQuestion | None:
        """Goals or assists of one player over a month, or over all the data ("this season")."""
        column = self.rng.choice(["goals", "assists"])
        scorers = self.played[self.played[column].fillna(0) > 0]
        if scorers.empty:  # e.g. no assist recorded in the data
            return None
        p = scorers.iloc[self.rng.randrange(len(scorers))]
        player = self._player_phrase(p["player_id"], p["player_name"])
        if player is None:
            return None
        mine = self.played[self.played["player_id"] == p["player_id"]]
        verb = "score" if column == "goals" else "provide"
        if self.rng.random() < 0.6:
            day = p["date"]
            mine = mine[(mine["date"].dt.year == day.year) & (mine["date"].dt.month == day.month)]
            text = f"How many {column} did {player} {verb} in {self.say.month(day.year, day.month)}?"
        else:
            mine = mine[mine["match_id"].isin(self.season["match_id"])]
            text = f"How many {column} has {player} {'scored' if column == 'goals' else 'provided'} this season?"
        return self._question("player_stat", text, [number(mine[column].sum())], Intent.PLAYER_STAT)

    def formation(self) -> EvalQuestion | None:
        m = self._match()
        team, opp = self._side(m)
        spells = self.t.formations[
            (self.t.formations["match_id"] == m["match_id"]) & (self.t.formations["team"] == team)
        ]
        if spells.empty:
            return None
        first = spells.sort_values("start_minute", kind="stable").iloc[0]["formation"]
        when = self.say.when(m, self._met_twice(m))
        t, o = self.say.team(team), self.say.team(opp)
        text = self.rng.choice(
            [
                f"What formation did {t} play against {o}{when}?",
                f"Which formation did {t} use against {o}{when}?",
                f"What system did {t} line up in against {o}{when}?",
                f"{t} formation vs {o}{when}",
            ]
        )
        return self._question("formation", text, [first], Intent.FORMATION, m["match_id"])

    def referee(self) -> EvalQuestion | None:
        m = self._match()
        if not isinstance(m["referee"], str) or not m["referee"]:
            return None
        a, b = self._pair(m)
        when = self.say.when(m, self._met_twice(m))
        text = self.rng.choice(
            [
                f"Who refereed {a} vs {b}{when}?",
                f"Who was the referee for {a} v {b}{when}?",
                f"Which referee took charge of {a} against {b}{when}?",
                f"Who was the ref when {a} played {b}{when}?",
            ]
        )
        return self._question("referee", text, [m["referee"]], Intent.REFEREE, m["match_id"])

    def man_of_the_match(self) -> EvalQuestion | None:
        m = self._match()
        lineups = self.t.lineups
        best = lineups[(lineups["match_id"] == m["match_id"]) & lineups["man_of_the_match"].fillna(False).astype(bool)]
        if len(best) != 1:
            return None
        a, b = self._pair(m)
        when = self.say.when(m, self._met_twice(m))
        text = self.rng.choice(
            [
                f"Who was man of the match in {a} vs {b}{when}?",
                f"Who was player of the match when {a} played {b}{when}?",
                f"{a} v {b}{when}: who was the man of the match?",
            ]
        )
        return self._question(
            "man_of_the_match", text, [best.iloc[0]["player_name"]], Intent.MAN_OF_THE_MATCH, m["match_id"]
        )

    def manager(self) -> EvalQuestion | None:
        m = self._match()
        team, opp = self._side(m)
        bench = m["home_manager"] if team == m["home"] else m["away_manager"]
        if not isinstance(bench, str) or not bench:
            return None
        mine, theirs = self.say.team(team), self.say.team(opp)
        when = self.say.when(m, self._met_twice(m))
        text = self.rng.choice(
            [
                f"Who was {possessive(mine)} manager against {theirs}{when}?",
                f"Who managed {mine} against {theirs}{when}?",
                f"Who was in charge of {mine} when they played {theirs}{when}?",
            ]
        )
        return self._question("manager", text, [bench], Intent.MANAGER, m["match_id"])

    def assister(self) -> EvalQuestion | None:
        m = self._match()
        goals = [g for g in self.goals.get(m["match_id"], []) if g.assister]
        if not goals:
            return None
        goal = self.rng.choice(goals)
        player = self._player_phrase(goal.player_id, goal.player_name)
        if player is None:
            return None
        opp = self.say.team(m["away"] if goal.team == m["home"] else m["home"])
        assisters = list(dict.fromkeys(g.assister for g in goals if g.player_id == goal.player_id))
        when = self.say.when(m, self._met_twice(m))
        text = self.rng.choice(
            [
                f"Who set up {possessive(player)} goal against {opp}{when}?",
                f"Who assisted {possessive(player)} goal against {opp}{when}?",
                f"Who provided the assist for {player} against {opp}{when}?",
            ]
        )
        return self._question("assister", text, assisters, Intent.SCORERS, m["match_id"])

    # --- periods ----------------------------------------------------------------------------------

    @cached_property
    def _team_months(self) -> list[pd.DataFrame]:
        """Every team's team_stats rows of one month, for the months it played at least twice in."""
        rows = self.t.team_stats.merge(self.all_matches[["match_id", "date"]], on="match_id")
        months = rows.groupby(["team", rows["date"].dt.year, rows["date"].dt.month], sort=True)
        return [games for _, games in months if len(games) >= 2]

    def _team_month(self) -> tuple[str, pd.Timestamp, pd.DataFrame] | None:
        """A team, a month it played at least twice in, and its team_stats rows of that month (None: no such month)."""
        if not self._team_months:
            return None
        games = self.rng.choice(self._team_months)
        return games["team"].iloc[0], games["date"].iloc[0], games

    def aggregate(self) -> EvalQuestion | None:
        picked = self._team_month()
        if picked is None:
            return None
        team, day, rows = picked
        t, month = self.say.team(team), self.say.month(day.year, day.month)
        won, drawn, lost = (int((rows["result"] == k).sum()) for k in "WDL")
        gf, ga = int(rows["goals"].sum()), int(rows["goals_against"].sum())
        choice = self.rng.randrange(7)
        if choice == 0:
            return self._question("aggregate", f"How many goals did {t} score in {month}?", [str(gf)], Intent.AGGREGATE)
        if choice == 1:
            return self._question(
                "aggregate", f"How many goals did {t} concede in {month}?", [str(ga)], Intent.AGGREGATE
            )
        if choice == 2:
            return self._question(
                "aggregate", f"How many points did {t} get in {month}?", [str(3 * won + drawn)], Intent.AGGREGATE
            )
        if choice == 3:
            return self._question(
                "aggregate",
                f"What was {possessive(t)} record in {month}?",
                [str(won), str(drawn), str(lost)],
                Intent.AGGREGATE,
            )
        if choice == 4:
            names = [g.player_name for mid in rows["match_id"] for g in self.goals.get(mid, []) if g.team == team]
            return self._question(
                "aggregate", f"Who scored for {t} in {month}?", list(dict.fromkeys(names)) or ["none"], Intent.SCORERS
            )
        if choice == 5:
            stats = self.t.team_stats
            season = stats[(stats["team"] == team) & stats["match_id"].isin(self.season["match_id"])]
            return self._question(
                "aggregate",
                f"How many goals have {t} scored this season?",
                [str(int(season["goals"].sum()))],
                Intent.AGGREGATE,
            )
        games = self.all_matches[self.all_matches["date"] == day]
        text = self.rng.choice(
            [f"What were the results on {self.say.day(day)}?", f"Results of the matches on {self.say.day(day)}"]
        )
        # A day's results are every match's score (the answerer's match facts over a period), not a total.
        return self._question("aggregate", text, [score_of(g) for _, g in games.iterrows()], Intent.SCORE)

    def _ranking_period(self) -> tuple[str, pd.DataFrame]:
        """A month with enough matches (or the latest season, "this season") and its match ids."""
        months = self.all_matches.groupby([self.all_matches["date"].dt.year, self.all_matches["date"].dt.month])
        eligible = [(key, g) for key, g in months if len(g) >= MIN_MATCHES_FOR_RANKING]
        if not eligible or self.rng.random() < 0.25:
            return self.rng.choice(["this season", "so far this season", "overall"]), self.season
        (year, month), games = self.rng.choice(eligible)
        return f"in {self.say.month(year, month)}", games

    def ranking(self) -> EvalQuestion | None:
        period, games = self._ranking_period()
        ids = set(games["match_id"])
        if self.rng.random() < 0.5:
            column, phrase, _ = self.rng.choice(PLAYER_RANKINGS)
            rows = self.played[self.played["match_id"].isin(ids)]
            totals = rows.groupby("player_id")[column].sum().sort_values(ascending=False, kind="stable")
            if len(totals) < 2 or totals.iloc[0] == totals.iloc[1]:
                return None
            name = rows.loc[rows["player_id"] == totals.index[0], "player_name"].iloc[0]
            text = (
                self.rng.choice([f"Who scored the most goals {period}?", f"Who were the top scorers {period}?"])
                if column == "goals"
                else self.rng.choice(
                    [f"Which player had the most {phrase} {period}?", f"Who made the most {phrase} {period}?"]
                )
            )
            return self._question("ranking", text, [name, number(totals.iloc[0])], Intent.RANKING)
        column, phrase, decimals, averaged = self.rng.choice(TEAM_RANKINGS)
        rows = self.t.team_stats[self.t.team_stats["match_id"].isin(ids)].groupby("team")[column]
        values = (rows.mean() if averaged else rows.sum()).sort_values(ascending=False, kind="stable")
        if round(values.iloc[0], decimals) == round(values.iloc[1], decimals):
            return None
        word = "highest" if averaged else "most"
        text = self.rng.choice(
            [f"Which team had the {word} {phrase} {period}?", f"Which club had the {word} {phrase} {period}?"]
        )
        return self._question("ranking", text, [values.index[0], number(values.iloc[0], decimals)], Intent.RANKING)

    def comparison(self) -> EvalQuestion | None:
        period, games = self._ranking_period()
        a, b = self.rng.sample(self.teams, 2)
        column, phrase = self.rng.choice(COMPARED)
        stats = self.t.team_stats[self.t.team_stats["match_id"].isin(set(games["match_id"]))]
        va, vb = stats.loc[stats["team"] == a, column], stats.loc[stats["team"] == b, column]
        if va.empty or vb.empty:
            return None
        ta, tb = self.say.team(a), self.say.team(b)
        text = self.rng.choice(
            [
                f"Compare {ta} and {tb} on {phrase} {period}",
                f"Compare the {phrase} of {ta} and {tb} {period}",
                f"Which was better {period} at {phrase}, {ta} or {tb}?",
            ]
        )
        return self._question("comparison", text, [number(va.mean(), 1), number(vb.mean(), 1)], Intent.COMPARISON)

    # --- refusals and narratives ------------------------------------------------------------------

    def unknown_match(self) -> EvalQuestion | None:
        """A fixture the data lacks: a real pair on a day they did not meet, a pair that never met, teams outside it."""
        roll = self.rng.random()
        if roll < 0.35:
            m = self._match()
            met = self.all_matches["match_id"].isin(self.meetings[frozenset((m["home"], m["away"]))])
            days = sorted(set(self.all_matches["date"]) - set(self.all_matches.loc[met, "date"]))
            a, b = self._pair(m)
            text = f"What was the score of {a} vs {b} on {self.say.day(self.rng.choice(days))}?"
        elif roll < 0.65:
            a, b = self.rng.sample(self.teams, 2)
            if frozenset((a, b)) in self.meetings:
                return None
            ta, tb = self.say.team(a), self.say.team(b)
            text = self.rng.choice(
                [
                    f"What was the score of {ta} vs {tb}?",
                    f"Who scored in {ta} v {tb}?",
                    f"Who refereed {ta} against {tb}?",
                ]
            )
        else:
            outside = self._outside_teams
            first = self.rng.choice(outside)
            second = self.rng.choice(self.teams) if roll < 0.8 else self.rng.choice([t for t in outside if t != first])
            text = self.rng.choice([f"What was the score of {first} vs {second}?", f"Who won {first} v {second}?"])
        return self._question("unknown_match", text, [], Intent.UNKNOWN_MATCH)

    @cached_property
    def _outside_teams(self) -> list[str]:
        """Teams the alias table knows that are not in the data, read once (the alias table is a YAML file)."""
        return outside_teams(self.teams)

    def narrative(self) -> EvalQuestion:
        m = self._match()
        a, b = self._pair(m)
        team, opp = self._side(m)
        when = self.say.when(m, self._met_twice(m))
        t, o = self.say.team(team), self.say.team(opp)
        summaries = [
            f"Summarise {a} vs {b}{when}.",
            f"What happened in {a} v {b}{when}?",
            f"Give me a match report of {a} vs {b}{when}.",
        ]
        analyses = [f"How did {t} create chances against {o}{when}?", f"Describe how {t} pressed against {o}{when}."]
        if self.rng.random() < 0.5:
            return self._question(
                "narrative", self.rng.choice(summaries), [score_of(m)], Intent.NARRATIVE, m["match_id"]
            )
        return self._question("narrative", self.rng.choice(analyses), [], Intent.NARRATIVE, m["match_id"])


def generate_eval_set(
    tables: MatchTables, seed: int = 0, per_kind: int = DEFAULT_PER_KIND, counts: Mapping[str, int] | None = None
) -> list[EvalQuestion]:
    """Return ``per_kind`` questions of every kind over ``tables`` (``counts`` per kind where given); the same seed,
    tables and numbers give the same set."""
    return EvalSetGenerator(tables, seed).generate(per_kind, counts)


def generate_match_questions(
    tables: MatchTables, match_ids: Collection[str], kinds: Sequence[str], label: str, seed: int = 0, per_kind: int = 5
) -> list[EvalQuestion]:
    """Return up to ``per_kind`` questions of each of ``kinds`` (one-match kinds) about the matches ``match_ids``.

    Ids are ``<label>-<kind>-<n>`` (label: the version that added them, so sets carried forward never collide).
    Empty when none of the matches is complete (a capture stopped mid-match has no final figures to ask about).
    """
    generator = EvalSetGenerator(tables, seed, focus=match_ids)
    if generator.pool.empty:
        return []
    questions = generator.generate(per_kind, {kind: (per_kind if kind in kinds else 0) for kind in KINDS})
    return [q.model_copy(update={"id": f"{label}-{q.id}"}) for q in questions]
