"""Write ``configs/eval/narrative/reference.jsonl``: the narrative reference set, computed from raw WhoScored files.

Written by a helper that never read the answering code (prompts, router, generator, analysis layer): every figure
here comes from the provider's own files, read with the few lines below. Deterministic: re-running on the same
season folder rewrites the same bytes. Usage::

    python scripts/make_narrative_reference.py [--season DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEASON = ROOT.parent / "shared" / "data" / "season" / "premier-league-2025-26"
OUT = ROOT / "configs" / "eval" / "narrative" / "reference.jsonl"
PARTIAL_CAPTURES = {"1903275"}  # saved before full time (season/SOURCES.md)
MAX_POINTS = 8
POSSESSION_TOLERANCE = 1.5  # percentage points: "61%" for 61.4, or the pass-share definition, still counts
RED_WORDS = ["red", "sent off", "sending off", "dismiss", "ten men", "10 men", "nine men", "9 men"]
TURN_WORDS = ["winner", "winning", "decisive", "decided", "equalis", "equaliz", "level", "late", "settled", "clinch"]
COMEBACK_WORDS = [
    "came from behind",
    "from behind",
    "comeback",
    "came back",
    "come back",
    "fought back",
    "recover",
    "turned",
    "trailing",
    "trailed",
    "down",
    "responded",
    "reply",
    "replied",
    "equalis",
    "equaliz",
    "pegged back",
    "level",
]
PENALTY_WORDS = ["penalty", "spot"]
SET_PIECE_WORDS = ["corner", "set piece", "set-piece", "free kick", "free-kick", "dead ball", "dead-ball"]


@dataclass(frozen=True)
class Goal:
    minute: int  # as the match centre shows it (event minute + 1)
    team: str  # the team credited with the goal (an own goal counts for the other side)
    scorer: str
    how: str  # "open play", "penalty", "set piece", "own goal"


@dataclass
class Match:
    match_id: str
    day: date
    home: str
    away: str
    score: dict[str, int]
    goals: list[Goal]
    shots: dict[str, int]
    on_target: dict[str, int]
    big_chances: dict[str, int]
    possession: dict[str, float]
    reds: list[tuple[str, str, int]] = field(default_factory=list)  # team, player, minute
    man_of_the_match: tuple[str, str] | None = None  # team, player

    @property
    def winner(self) -> str | None:
        """Return the winning team, None for a draw."""
        h, a = self.score[self.home], self.score[self.away]
        return None if h == a else self.home if h > a else self.away

    def other(self, team: str) -> str:
        """Return the opponent of ``team``."""
        return self.away if team == self.home else self.home


def qualifier_names(event: dict) -> set[str]:
    """Return the display names of an event's qualifiers."""
    return {q["type"]["displayName"] for q in event.get("qualifiers", [])}


def read_match(path: Path) -> Match:
    """Return the figures of one raw WhoScored match file."""
    raw = json.loads(gzip.decompress(path.read_bytes()))
    names = {raw[side]["teamId"]: raw[side]["name"] for side in ("home", "away")}
    home, away = raw["home"]["name"], raw["away"]["name"]
    players = raw["playerIdNameDictionary"]
    shots = [e for e in raw["events"] if e.get("isShot")]
    goals = [_goal(e, names, players) for e in shots if e.get("isGoal")]
    own_goal_shots = [e for e in shots if "OwnGoal" in qualifier_names(e)]
    stat = lambda side, key: sum(raw[side]["stats"].get(key, {}).values())  # noqa: E731 - provider totals
    held = {side: stat(side, "possession") for side in ("home", "away")}
    total = sum(held.values())
    match = Match(
        match_id=path.name.split(".")[0],
        day=date.fromisoformat(raw["startDate"][:10]),
        home=home,
        away=away,
        score={home: int(raw["ftScore"].split(":")[0]), away: int(raw["ftScore"].split(":")[1])},
        goals=sorted(goals, key=lambda g: g.minute),
        shots={names[t]: sum(1 for e in shots if e["teamId"] == t and e not in own_goal_shots) for t in names},
        on_target={raw[s]["name"]: int(stat(s, "shotsOnTarget")) for s in ("home", "away")},
        big_chances={
            names[t]: sum(1 for e in shots if e["teamId"] == t and "BigChance" in qualifier_names(e)) for t in names
        },
        possession={raw[s]["name"]: round(100 * held[s] / total, 1) for s in ("home", "away")},
    )
    for side in ("home", "away"):
        for event in raw[side]["incidentEvents"]:
            # a red shown to the bench (no player id) is not a player sent off
            if event.get("cardType", {}).get("displayName") in ("Red", "SecondYellow") and "playerId" in event:
                match.reds.append((raw[side]["name"], players[str(event["playerId"])], event["minute"] + 1))
        for player in raw[side]["players"]:
            if player.get("isManOfTheMatch"):
                match.man_of_the_match = (raw[side]["name"], player["name"])
    match.reds.sort(key=lambda red: red[2])
    if [sum(g.team == t for g in match.goals) for t in (home, away)] != list(match.score.values()):
        raise ValueError(f"{path.name}: the goal events do not add up to {raw['ftScore']}")
    return match


def _goal(event: dict, names: dict[int, str], players: dict[str, str]) -> Goal:
    """Return one goal event as a Goal, crediting an own goal to the other team."""
    kinds = qualifier_names(event)
    team = names[event["teamId"]]
    if "OwnGoal" in kinds:
        team = next(name for tid, name in names.items() if tid != event["teamId"])
        how = "own goal"
    elif "Penalty" in kinds:
        how = "penalty"
    elif kinds & {"SetPiece", "FromCorner", "DirectFreekick", "ThrowinSetPiece"}:
        how = "set piece"
    else:
        how = "open play"
    return Goal(minute=event["minute"] + 1, team=team, scorer=players[str(event["playerId"])], how=how)


def spread(matches: list[Match], k: int) -> list[Match]:
    """Return ``k`` matches evenly spaced over the date-ordered list (all of them when fewer)."""
    if len(matches) <= k:
        return list(matches)
    return [matches[round(i * (len(matches) - 1) / (k - 1))] for i in range(k)]


def select(matches: list[Match]) -> list[Match]:
    """Return the reference matches: red cards, draws, big, two-goal and one-goal wins, each spread over the season."""
    margin = lambda m: abs(m.score[m.home] - m.score[m.away])  # noqa: E731
    groups = [
        (8, lambda m: bool(m.reds)),
        (8, lambda m: m.winner is None),
        (6, lambda m: margin(m) >= 3),
        (4, lambda m: margin(m) == 2),
        (10, lambda m: margin(m) == 1),
    ]
    chosen: list[Match] = []
    for k, wanted in groups:
        chosen += spread([m for m in matches if wanted(m) and m not in chosen], k)
    return sorted(chosen, key=lambda m: (m.day, m.match_id))


def long_date(day: date) -> str:
    """Return a date the way people write it ("23 November 2025")."""
    return f"{day.day} {day:%B %Y}"


def questions(match: Match, index: int) -> list[str]:
    """Return two analyst questions about the match, the first one varying in form from match to match."""
    when = long_date(match.day)
    talk = f"Talk me through {match.home} v {match.away} on {when}."
    if match.winner is None:
        asked = [f"Why did {match.home} and {match.away} draw on {when}?", talk]
    else:
        loser = match.other(match.winner)
        asked = [
            f"How did {match.winner} beat {loser} on {when}?",
            f"What went wrong for {loser} against {match.winner} on {when}?",
            talk,
        ]
    first = asked[index % len(asked)]
    return [first, next(q for q in asked if q != first)]


def figure_point(kind: str, match: Match, table: dict, name: str, text: str, tolerance: float = 0) -> dict:
    """Return a point about the side ahead on ``table`` (the home side when level), with both sides' figures."""
    team = match.away if table[match.away] > table[match.home] else match.home
    return {
        "kind": kind,
        "team": team,
        "text": text.format(team=team, other=match.other(team), us=table[team], them=table[match.other(team)]),
        "figures": {name: table[team]},
        "opponent_figures": {name: table[match.other(team)]},
        "tolerance": tolerance,
    }


def points(match: Match) -> list[dict]:
    """Return the analyst points a good answer about the match makes, most important first, at most MAX_POINTS."""
    h, a = match.score[match.home], match.score[match.away]
    lead = match.winner or match.home
    result = (
        f"{match.winner} beat {match.other(match.winner)} {max(h, a)}-{min(h, a)}"
        if match.winner
        else f"{match.home} and {match.away} drew {h}-{a}"
    )
    found = [
        {
            "kind": "result",
            "team": lead,
            "text": result,
            "figures": {"goals_for": match.score[lead], "goals_against": match.score[match.other(lead)]},
            "tolerance": 0,
        }
    ]
    found.append(figure_point("shot_volume", match, match.shots, "shots", "{team} had {us} shots to {other}'s {them}"))
    found.append(
        figure_point(
            "shot_quality", match, match.on_target, "shots_on_target", "{team} put {us} shots on target, {other} {them}"
        )
    )
    if sum(match.big_chances.values()):
        found.append(
            figure_point(
                "big_chances",
                match,
                match.big_chances,
                "big_chances",
                "{team} had {us} big chances to {other}'s {them}",
            )
        )
    found.append(
        figure_point(
            "possession",
            match,
            match.possession,
            "possession",
            "{team} had {us}% of the ball, {other} {them}%",
            POSSESSION_TOLERANCE,
        )
    )
    for team, player, minute in match.reds[:2]:
        found.append(
            {
                "kind": "red_card",
                "team": team,
                "text": f"{player} ({team}) was sent off ({minute}')",
                "match": {"players": [player], "keywords": RED_WORDS},
            }
        )
    found += _story_points(match)
    return found[:MAX_POINTS]


def _story_points(match: Match) -> list[dict]:
    """Return the decisive goal, the comeback, the set-piece goals and the man of the match, where there are any."""
    story: list[dict] = []
    decisive = _decisive_goal(match)
    if decisive:
        role = "the winner" if match.winner else "the equaliser"
        story.append(
            {
                "kind": "turning_point",
                "team": decisive.team,
                "text": f"{decisive.scorer} scored {role} for {decisive.team} ({decisive.minute}')",
                "match": {"players": [decisive.scorer], "keywords": TURN_WORDS},
            }
        )
    trailed = _came_from_behind(match)
    if trailed:
        outcome = "to win" if match.winner == trailed else "to draw"
        story.append(
            {
                "kind": "game_state",
                "team": trailed,
                "text": f"{trailed} came from behind {outcome}",
                "match": {"teams": [trailed], "keywords": COMEBACK_WORDS},
            }
        )
    for how, words in (("penalty", PENALTY_WORDS), ("set piece", SET_PIECE_WORDS)):
        dead_ball = [g for g in match.goals if g.how == how]
        if dead_ball:
            first = dead_ball[0]
            story.append(
                {
                    "kind": "set_pieces",
                    "team": first.team,
                    "text": f"{first.scorer} scored from a {how} for {first.team} ({first.minute}')",
                    "match": {"players": [first.scorer], "keywords": words},
                }
            )
    if match.man_of_the_match:
        team, player = match.man_of_the_match
        story.append(
            {
                "kind": "standout_player",
                "team": team,
                "text": f"{player} ({team}) was man of the match",
                "match": {"players": [player], "keywords": []},
            }
        )
    return story


def _decisive_goal(match: Match) -> Goal | None:
    """Return the goal that put the winner ahead for good, or a draw's last goal (the equaliser); None at 0-0."""
    if not match.goals:
        return None
    if match.winner is None:
        return match.goals[-1]
    needed = match.score[match.other(match.winner)] + 1
    return [g for g in match.goals if g.team == match.winner][needed - 1]


def _came_from_behind(match: Match) -> str | None:
    """Return the team that trailed and did not lose, None when no such team."""
    running = {match.home: 0, match.away: 0}
    trailed: set[str] = set()
    for goal in match.goals:
        running[goal.team] += 1
        trailed |= {t for t in running if running[t] < running[match.other(t)]}
    survivors = [t for t in (match.home, match.away) if t in trailed and match.winner in (t, None)]
    return survivors[0] if survivors else None


def reference_rows(season: Path) -> list[dict]:
    """Return the reference set's rows, one per selected match."""
    ids = [row["whoscored_id"] for row in csv.DictReader((season / "matches.csv").open(encoding="utf-8"))]
    matches = sorted(
        (read_match(season / "whoscored" / f"{i}.json.gz") for i in ids if i not in PARTIAL_CAPTURES),
        key=lambda m: (m.day, m.match_id),
    )
    return [
        {
            "match_id": m.match_id,
            "home": m.home,
            "away": m.away,
            "date": m.day.isoformat(),
            "score": f"{m.score[m.home]}-{m.score[m.away]}",
            "questions": questions(m, i),
            "points": points(m),
        }
        for i, m in enumerate(select(matches))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--season", type=Path, default=SEASON, help="the season folder (matches.csv, whoscored/)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = reference_rows(args.season)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} matches, {sum(len(r['points']) for r in rows)} points -> {args.out}")


if __name__ == "__main__":
    main()
