"""Linking one match across sources: a FotMob record (match details or a bare shot map) to its WhoScored record.

A FotMob record and a WhoScored record are the same match when

- their kick-off dates are at most one day apart (the sources date a late kick-off in different time
  zones); a shot-map file carries no date, and then the date is no test;
- home is home and away is away: the team names, normalised and mapped through the alias table
  (``configs/team_aliases.yaml``), agree: the same canonical name, or rapidfuzz ``WRatio`` >= 90 when
  a name is not in the table. A shot map without team names is matched by its shooters instead: each
  FotMob team's shooters must be players of one WhoScored side, which tells home from away. Home and
  away are never read from the order of team or match ids;
- the final score agrees and, when both records hold the shots of a complete capture, so does each
  team's number of shots.

Every FotMob record ends ``linked`` (exactly one WhoScored match passes every test), ``conflicting``
(date and teams agree but a check fails; or home and away are reversed between the sources on those
dates; or several WhoScored matches fit; or two FotMob records claim one WhoScored match) or
``unlinked`` (nothing fits), with its reasons.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

import pandas as pd
import yaml
from anyascii import anyascii
from rapidfuzz import fuzz, process

from football_rag.config.settings import get_settings
from football_rag.data.contracts import ParsedMatch, Side
from football_rag.data.parsers.fotmob_shotmap import SIDES_UNKNOWN

DATE_WINDOW_DAYS = 1
TEAM_SIMILARITY = 90.0
PLAYER_SIMILARITY = 90.0
# A FotMob team belongs to a WhoScored side when at least half of its shooters are in that side's squad.
SHOOTERS_FOUND = 0.5
ALIASES_FILE = "team_aliases.yaml"


class LinkStatus(StrEnum):
    LINKED = "linked"
    CONFLICTING = "conflicting"
    UNLINKED = "unlinked"


@dataclass(frozen=True)
class MatchLink:
    """What linking made of one FotMob record; ``team_sides`` maps its team ids to WhoScored's home/away."""

    fotmob_id: str
    status: LinkStatus
    whoscored_id: str | None = None
    team_sides: Mapping[str, Side] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkReport:
    """Every FotMob record's link, and the WhoScored matches no FotMob record links to."""

    links: tuple[MatchLink, ...]
    unlinked_whoscored: tuple[str, ...]

    def with_status(self, status: LinkStatus) -> tuple[MatchLink, ...]:
        """Return the links of one status, in input order."""
        return tuple(link for link in self.links if link.status is status)

    def table(self) -> pd.DataFrame:
        """Return one row per FotMob record: ``fotmob_id, whoscored_id, status, reasons`` ("; "-joined)."""
        return pd.DataFrame(
            {
                "fotmob_id": [link.fotmob_id for link in self.links],
                "whoscored_id": [link.whoscored_id for link in self.links],
                "status": [link.status.value for link in self.links],
                "reasons": ["; ".join(link.reasons) for link in self.links],
            },
            columns=["fotmob_id", "whoscored_id", "status", "reasons"],
        )


@dataclass(frozen=True)
class TeamAliases:
    """Team names normalised to one canonical spelling each (see ``configs/team_aliases.yaml``)."""

    canonical: Mapping[str, str]
    ignore_words: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> TeamAliases:
        """Return the alias table at ``path`` (default: the configs folder); raise on a name listed twice."""
        data = yaml.safe_load((path or get_settings().configs_dir / ALIASES_FILE).read_text(encoding="utf-8"))
        table = cls(canonical={}, ignore_words=frozenset(data.get("ignore_words") or ()))
        canonical: dict[str, str] = {}
        for team, aliases in (data.get("teams") or {}).items():
            target = table.normalise(team)
            for name in (team, *(aliases or ())):
                key = table.normalise(name)
                if canonical.setdefault(key, target) != target:
                    raise ValueError(f"team alias {name!r} is listed under both {canonical[key]!r} and {target!r}")
        return replace(table, canonical=canonical)

    def normalise(self, name: str) -> str:
        """Return ``name`` without accents, case, punctuation and ignored words ("AFC Bournemouth" -> "bournemouth")."""
        words = re.findall(r"[a-z0-9]+", plain_text(name).replace("&", " and ").replace("'", ""))
        return " ".join(word for word in words if word not in self.ignore_words)

    def same_team(self, first: str | None, second: str | None) -> bool:
        """Return whether two names denote one team: same canonical name, or close spelling if one is unknown."""
        if not first or not second:
            return False
        a, b = self.normalise(first), self.normalise(second)
        known_a, known_b = a in self.canonical, b in self.canonical
        a, b = self.canonical.get(a, a), self.canonical.get(b, b)
        if a == b:
            return True
        return not (known_a and known_b) and fuzz.WRatio(a, b) >= TEAM_SIMILARITY


def plain_text(text: str) -> str:
    """Return ``text`` in plain ASCII letters, case folded ("Núñez" -> "nunez", "Ødegaard" -> "odegaard").

    Transliterated rather than stripped of accents: letters such as ø, æ, ł and ß do not decompose, and
    dropping them would turn "Ødegaard" into "degaard".
    """
    return anyascii(text).casefold()


@dataclass(frozen=True)
class _Candidate:
    """One WhoScored match weighed for a FotMob record."""

    whoscored_id: str
    team_sides: Mapping[str, Side] | None
    failures: tuple[str, ...]
    notes: tuple[str, ...] = ()


def link_matches(
    whoscored: Sequence[ParsedMatch], fotmob: Sequence[ParsedMatch], aliases: TeamAliases | None = None
) -> LinkReport:
    """Return the link of every FotMob record to the WhoScored records (see the module docstring)."""
    aliases = aliases or TeamAliases.load()
    links = [_link_one(record, whoscored, aliases) for record in fotmob]
    links = _flag_shared_matches(links)
    taken = {link.whoscored_id for link in links if link.status is LinkStatus.LINKED}
    return LinkReport(
        links=tuple(links),
        unlinked_whoscored=tuple(w.match.match_id for w in whoscored if w.match.match_id not in taken),
    )


def _link_one(record: ParsedMatch, whoscored: Sequence[ParsedMatch], aliases: TeamAliases) -> MatchLink:
    fotmob_id = record.match.match_id
    dated = record.match.date is not None
    candidates = [c for w in whoscored if (c := _candidate(record, w, aliases)) is not None]
    fits = [c for c in candidates if c.team_sides is not None and not c.failures]
    if len(fits) == 1:
        fit = fits[0]
        return MatchLink(fotmob_id, LinkStatus.LINKED, fit.whoscored_id, fit.team_sides, fit.notes)
    if len(fits) > 1:
        ids = ", ".join(c.whoscored_id for c in fits)
        return MatchLink(fotmob_id, LinkStatus.CONFLICTING, reasons=(f"several WhoScored matches fit: {ids}",))
    if candidates and dated:
        first = candidates[0]
        reasons = tuple(f"WhoScored {c.whoscored_id}: {failure}" for c in candidates for failure in c.failures)
        return MatchLink(fotmob_id, LinkStatus.CONFLICTING, first.whoscored_id, first.team_sides or {}, reasons)
    return MatchLink(fotmob_id, LinkStatus.UNLINKED, reasons=(_unlinked_reason(record, candidates),))


def _unlinked_reason(record: ParsedMatch, near: Sequence[_Candidate]) -> str:
    match = record.match
    if match.date is None:
        near_misses = "; ".join(f"WhoScored {c.whoscored_id}: {', '.join(c.failures)}" for c in near)
        return "no WhoScored match has these shooters with the same score and shots per team" + (
            f" ({near_misses})" if near_misses else ""
        )
    return f"no WhoScored match of {match.home.name} v {match.away.name} within {DATE_WINDOW_DAYS} day of {match.date}"


def _candidate(record: ParsedMatch, whoscored: ParsedMatch, aliases: TeamAliases) -> _Candidate | None:
    """Return the WhoScored match weighed as a candidate, or ``None`` when it is plainly another match."""
    f, w = record.match, whoscored.match
    if f.date is not None and w.date is not None and abs((f.date - w.date).days) > DATE_WINDOW_DAYS:
        return None
    if f.date is None and not _same_totals(record, whoscored):
        return None
    if f.home.name and f.away.name:
        if aliases.same_team(f.home.name, w.home.name) and aliases.same_team(f.away.name, w.away.name):
            sides = {f.home.team_id: Side.HOME, f.away.team_id: Side.AWAY}
            return _checked(record, whoscored, sides)
        if aliases.same_team(f.home.name, w.away.name) and aliases.same_team(f.away.name, w.home.name):
            reversed_sides = f"home and away reversed: FotMob has {f.home.name} at home, WhoScored {w.home.name}"
            return _Candidate(w.match_id, None, (reversed_sides,))
        return None
    sides = _sides_by_shooters(record, whoscored)
    if sides is None:
        return None
    if SIDES_UNKNOWN not in f.completeness.reasons and sides[f.home.team_id] is not Side.HOME:
        return _Candidate(w.match_id, None, ("home and away reversed: the file's home team is WhoScored's away team",))
    return _checked(record, whoscored, sides)


def _checked(record: ParsedMatch, whoscored: ParsedMatch, sides: Mapping[str, Side]) -> _Candidate:
    """Return the candidate with the failed checks (score, shots per team) and notes on checks skipped."""
    f, w = record.match, whoscored.match
    failures, notes = [], []
    theirs = {sides[f.home.team_id]: f.score.final.home, sides[f.away.team_id]: f.score.final.away}
    if (theirs[Side.HOME], theirs[Side.AWAY]) != (w.score.final.home, w.score.final.away):
        failures.append(f"score {theirs[Side.HOME]}-{theirs[Side.AWAY]} (FotMob) vs {w.score.final} (WhoScored)")
    if record.shots and whoscored.shots:
        if w.completeness.complete:
            failures.extend(_shot_count_failures(record, whoscored, sides))
        else:
            notes.append("shot counts not compared: the WhoScored capture is incomplete")
    return _Candidate(w.match_id, dict(sides), tuple(failures), tuple(notes))


def _shot_count_failures(record: ParsedMatch, whoscored: ParsedMatch, sides: Mapping[str, Side]) -> list[str]:
    theirs = Counter(sides[s.team_id] for s in record.shots)
    ours = Counter(s.side for s in whoscored.shots)
    if all(theirs[side] == ours[side] for side in Side):
        return []
    return [
        f"shots per team {theirs[Side.HOME]}-{theirs[Side.AWAY]} (FotMob) vs "
        f"{ours[Side.HOME]}-{ours[Side.AWAY]} (WhoScored)"
    ]


def _same_totals(record: ParsedMatch, whoscored: ParsedMatch) -> bool:
    """Return whether goals and shots per team agree whoever is at home: a cheap test before names."""
    f, w = record.match.score.final, whoscored.match.score.final
    if sorted((f.home, f.away)) != sorted((w.home, w.away)):
        return False
    if not (record.shots and whoscored.shots and whoscored.match.completeness.complete):
        return True
    theirs = sorted(Counter(s.team_id for s in record.shots).values())
    ours = sorted(Counter(s.side for s in whoscored.shots).values())
    return theirs == ours


def _sides_by_shooters(record: ParsedMatch, whoscored: ParsedMatch) -> dict[str, Side] | None:
    """Return FotMob team id -> WhoScored side from who took the shots, or ``None`` when the players differ."""
    first, second = record.match.home.team_id, record.match.away.team_id
    squads = _squads(whoscored)
    found = {
        (team, side): _share_found({s.player_name for s in record.shots if s.team_id == team}, squads[side])
        for team in (first, second)
        for side in Side
    }
    straight = (found[first, Side.HOME], found[second, Side.AWAY])
    crossed = (found[first, Side.AWAY], found[second, Side.HOME])
    if min(straight) >= SHOOTERS_FOUND and sum(straight) > sum(crossed):
        return {first: Side.HOME, second: Side.AWAY}
    if min(crossed) >= SHOOTERS_FOUND and sum(crossed) > sum(straight):
        return {first: Side.AWAY, second: Side.HOME}
    return None


def _squads(whoscored: ParsedMatch) -> dict[Side, list[str]]:
    """Return each side's player names (lineups and shooters), plain text."""
    names: dict[Side, set[str]] = {side: set() for side in Side}
    for entry in whoscored.lineups:
        names[entry.side].add(plain_text(entry.name))
    for shot in whoscored.shots:
        if shot.player_name:
            names[shot.side].add(plain_text(shot.player_name))
    return {side: sorted(values) for side, values in names.items()}


def _share_found(shooters: Iterable[str | None], squad: Sequence[str]) -> float:
    """Return the share of ``shooters`` whose name is (nearly) a name in ``squad``."""
    names = [plain_text(name) for name in shooters if name]
    if not names or not squad:
        return 0.0
    found = sum(
        process.extractOne(name, squad, scorer=fuzz.token_sort_ratio, score_cutoff=PLAYER_SIMILARITY) is not None
        for name in names
    )
    return found / len(names)


def _flag_shared_matches(links: list[MatchLink]) -> list[MatchLink]:
    """Turn links that claim the same WhoScored match into conflicts naming each other."""
    claims = Counter(link.whoscored_id for link in links if link.status is LinkStatus.LINKED)
    flagged = []
    for link in links:
        if link.status is LinkStatus.LINKED and claims[link.whoscored_id] > 1:
            others = [o.fotmob_id for o in links if o.whoscored_id == link.whoscored_id and o is not link]
            reason = f"WhoScored {link.whoscored_id} is also the match of FotMob {', '.join(others)}"
            link = replace(link, status=LinkStatus.CONFLICTING, reasons=(*link.reasons, reason))
        flagged.append(link)
    return flagged
