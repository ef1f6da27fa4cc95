"""Entity resolution against the release's own names: teams, players, dates, matches.

Teams: the alias table (``configs/team_aliases.yaml``, the one linking uses) maps what people write
("Spurs", "Man United", "Forest", "Wolverhampton") to a canonical team, and that to the spelling in the
data; close misspellings match through rapidfuzz. Players: full name, or a surname that names one
player (narrowed by the teams in the question); several candidates are an ambiguity, stated, never
guessed. Derbies ("the north London derby", ``configs/derbies.yaml``) name their two teams. Dates:
``dates.resolve_period`` against the latest finished match in the data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from rapidfuzz import fuzz, process

from football_rag.analytics.linking import TeamAliases, plain_text
from football_rag.config.yaml_config import load_config
from football_rag.data.contracts import FINISHED
from football_rag.rag.dates import Period, resolve_period

FUZZY_TEAM_SCORE = 85
MIN_FUZZY_LENGTH = 5
# Surnames that are also everyday or football words are too risky to resolve alone.
COMMON_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "game",
        "match",
        "goal",
        "goals",
        "team",
        "city",
        "united",
        "score",
        "best",
        "most",
        "top",
        "win",
        "white",
        "young",
        "james",
        "king",
        "long",
        "rice",
        "gray",
        "wood",
        "hall",
        "mount",
        "cash",
        "hill",
        "little",
        "bench",
    ]
)

# Aliases of clubs outside most releases that are also everyday words ("a nice goal", "his athletic run").
EVERYDAY_ALIASES = frozenset(["nice", "lens", "sporting", "athletic", "inter", "saints", "hull", "como", "paris"])
# "Empoli vs Man City", "Real Zaragoza v Arsenal": capitalised names either side of a fixture word.
_FIXTURE = re.compile(
    r"(?<![\w'])((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*)\s+(?:vs\.?|v\.?|versus|against)\s+((?:[A-Z][\w'.-]*\s*){1,4})"
)


@dataclass(frozen=True)
class PlayerRef:
    player_id: str
    name: str
    teams: tuple[str, ...]
    matches: frozenset[str] = frozenset()  # the matches he was in the squad for (a transfer changes his team)


@dataclass
class Resolution:
    """What a question names. ``teams`` keep the order of mention; ``notes`` state ambiguities."""

    teams: list[str] = field(default_factory=list)
    unknown_teams: list[str] = field(default_factory=list)
    players: list[PlayerRef] = field(default_factory=list)
    ambiguous_players: dict[str, list[PlayerRef]] = field(default_factory=dict)
    period: Period | None = None
    wants_last_match: bool = False
    inherited: bool = False

    @property
    def empty(self) -> bool:
        return not (self.teams or self.players or self.period or self.unknown_teams)


def words_of(text: str) -> str:
    """Return ``text`` as plain lowercase words joined by single spaces ("N'Golo Kanté" -> "n golo kante").

    Questions and player names go through this one function, so a name matches however it is written.
    """
    return " ".join(re.findall(r"[a-z0-9]+", plain_text(text).replace("&", " and ")))


def _overlaps(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


class Catalog:
    """The names and calendar of one release, indexed for resolution."""

    def __init__(self, matches: pd.DataFrame, lineups: pd.DataFrame, aliases: TeamAliases | None = None) -> None:
        self.aliases = aliases or TeamAliases.load()
        self.teams = sorted(set(matches["home"]) | set(matches["away"]))
        # "Last weekend" counts back from the latest finished match, not from one captured in progress.
        finished = matches[matches["status"] == FINISHED]
        self.latest: date = pd.Timestamp((finished if not finished.empty else matches)["date"].max()).date()
        self._team_keys = self._index_teams()
        self._derbies = self._index_derbies()
        self._grounds = self._index_grounds(matches)
        self._players, self._surnames = self._index_players(lineups)

    def _index_teams(self) -> dict[str, str]:
        """Every normalised name or alias of a team in the data -> its spelling in the data."""
        canonical_to_data = {
            self.aliases.canonical.get(self.aliases.normalise(t), self.aliases.normalise(t)): t for t in self.teams
        }
        keys = {self.aliases.normalise(t): t for t in self.teams}
        for alias, canonical in self.aliases.canonical.items():
            if canonical in canonical_to_data:
                keys[alias] = canonical_to_data[canonical]
        return keys

    @staticmethod
    def _index_grounds(matches: pd.DataFrame) -> dict[str, str]:
        """Each venue's name as plain words -> the team that played most of its home matches there."""
        homes = matches.dropna(subset=["venue"]).groupby("venue")["home"].agg(lambda teams: teams.mode().iloc[0])
        return {words_of(venue): team for venue, team in homes.items() if words_of(venue)}

    def _index_derbies(self) -> dict[str, list[str]]:
        """Every derby phrase of ``configs/derbies.yaml`` whose two teams are in the data -> those teams."""
        derbies = load_config("derbies").get("derbies") or {}
        found = {}
        for phrase, teams in derbies.items():
            in_data = [self._team_keys.get(self.aliases.normalise(team)) for team in teams]
            if all(in_data):
                found[words_of(phrase)] = in_data
        return found

    def _index_players(self, lineups: pd.DataFrame) -> tuple[dict[str, PlayerRef], dict[str, list[PlayerRef]]]:
        teams_of: dict[str, set[str]] = defaultdict(set)
        matches_of: dict[str, set[str]] = defaultdict(set)
        names: dict[str, str] = {}
        columns = ["player_id", "player_name", "team", "match_id"]
        for player_id, name, team, match_id in lineups[columns].itertuples(index=False):
            teams_of[str(player_id)].add(team)
            matches_of[str(player_id)].add(str(match_id))
            names[str(player_id)] = name
        full: dict[str, PlayerRef] = {}
        surnames: dict[str, list[PlayerRef]] = defaultdict(list)
        for player_id, name in names.items():
            ref = PlayerRef(player_id, name, tuple(sorted(teams_of[player_id])), frozenset(matches_of[player_id]))
            key = words_of(name)
            full[key] = ref
            last = key.split()[-1] if key.split() else key
            if len(last) > 2 and last not in COMMON_WORDS:
                surnames[last].append(ref)
        return full, surnames

    def known_names(self) -> list[str]:
        """Every team and player name in the data (the grounding check looks for these)."""
        return self.teams + [ref.name for ref in self._players.values()]

    def resolve(self, question: str, previous: Resolution | None = None) -> Resolution:
        """Return what the question names; inherit the previous turn's entities for a follow-up."""
        text = f" {words_of(question)} "
        found = Resolution(period=resolve_period(question, self.latest))
        # A ground stands for its home team, and its words are no player's ("Old Trafford" is not James Trafford).
        grounds = [team for venue, team in self._grounds.items() if f" {venue} " in text]
        for venue in self._grounds:
            text = text.replace(f" {venue} ", " ")
        # A derby's name first: "manchester" alone would read as one of its two teams.
        derby = next((t for d, t in self._derbies.items() if f" {d} " in text), None)
        found.teams = derby or list(dict.fromkeys(self._teams_in(text) + grounds))
        found.unknown_teams = sorted(
            set(self._unknown_teams_in(text)) | set(self._unresolved_sides(question, found.teams))
        )
        found.players, found.ambiguous_players = self._players_in(text, found.teams)
        found.wants_last_match = (
            re.search(r"\b(last|latest|most recent|previous) (match|game|fixture|outing)\b", text) is not None
        )
        if previous is not None and not (found.teams or found.players or found.unknown_teams):
            found.teams, found.players = list(previous.teams), list(previous.players)
            found.period = found.period or previous.period
            found.wants_last_match = found.wants_last_match or previous.wants_last_match
            found.inherited = True
        return found

    def _teams_in(self, text: str) -> list[str]:
        """Teams in order of mention: exact names and aliases first, then close misspellings of the rest."""
        words = text.split()
        spans: list[tuple[int, int, str]] = []
        for key in sorted(self._team_keys, key=len, reverse=True):
            size = len(key.split())
            for i in range(len(words) - size + 1):
                if " ".join(words[i : i + size]) == key and not _overlaps(spans, i, i + size):
                    spans.append((i, i + size, self._team_keys[key]))
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i : i + size])
                if len(gram) < MIN_FUZZY_LENGTH or gram in COMMON_WORDS or _overlaps(spans, i, i + size):
                    continue
                best = process.extractOne(gram, list(self._team_keys), scorer=fuzz.ratio, score_cutoff=FUZZY_TEAM_SCORE)
                if best:
                    spans.append((i, i + size, self._team_keys[best[0]]))
        return list(dict.fromkeys(team for _, _, team in sorted(spans)))

    def _unknown_teams_in(self, text: str) -> list[str]:
        """Teams the alias table knows that are not in the data ("Barcelona" in a Premier League release)."""
        known_here = set(self._team_keys)
        return sorted(
            {
                alias
                for alias in self.aliases.canonical
                if alias not in known_here and alias not in EVERYDAY_ALIASES and len(alias) > 3 and f" {alias} " in text
            }
        )

    def _unresolved_sides(self, question: str, teams: list[str]) -> list[str]:
        """Names on one side of "A vs B" that are no team or player in the data, when the other side is one.

        A side that is part of a name found in the whole question ("Hove Albion" of "Brighton & Hove
        Albion") is known.
        """
        names = [f" {key} " for key, team in self._team_keys.items() if team in teams]
        unresolved = []
        for first, second in _FIXTURE.findall(question):
            sides = [f" {words_of(side)} " for side in (first, second)]
            known = [
                bool(self._teams_in(side) or self._players_in(side, [])[0] or any(side in name for name in names))
                for side in sides
            ]
            if known.count(True) == 1:
                unresolved.append(words_of((first, second)[known.index(False)]))
        return unresolved

    def _players_in(self, text: str, teams: list[str]) -> tuple[list[PlayerRef], dict[str, list[PlayerRef]]]:
        found = [ref for key, ref in self._players.items() if f" {key} " in text]
        ambiguous: dict[str, list[PlayerRef]] = {}
        taken = {w for ref in found for w in words_of(ref.name).split()}
        for surname, refs in self._surnames.items():
            if surname in taken or f" {surname} " not in text or surname in self._team_keys:
                continue
            narrowed = [r for r in refs if not teams or set(r.teams) & set(teams)] or refs
            if len(narrowed) == 1:
                found.append(narrowed[0])
            else:
                ambiguous[surname] = narrowed
        return list(dict.fromkeys(found)), ambiguous
