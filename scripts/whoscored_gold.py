"""What the blind sets' gold scripts read from a raw WhoScored match, shared so every set means the same by each kind.

Sets 2 to 5 (``scripts/blind{2,3,4,5}_eval_gold.py``) each read the raw ``matchCentreData`` the same way: a match's
goals, minutes, cards, counts per player and team, ratings and the league table. Each set's author copied this part
from the set before; it lives here once. Standard library only, no football_rag import (the sets are written blind to
the answering code). A change here changes the gold of every set: regenerate them all and check that the frozen
files are unchanged (``git diff configs/eval/blind``).
"""

from __future__ import annotations

import collections
import datetime as dt
import gzip
import json
import unicodedata
from pathlib import Path

SIDES = ("home", "away")


# Tackles counted three ways (Opta's Tackle events; + lost Challenges, as WhoScored's tacklesTotal; won only).
TACKLE_DEFS = ("tackles (opta)", "tackles (with lost challenges)", "tackles (won)")


OTHER = {"home": "away", "away": "home"}


# Clubs people name in too many ways for one word of gold ("Man Utd"/"Manchester United", "Spurs"/"Tottenham",
# "Wolves"/"Wolverhampton"): rankings and tables naming them are not asked (as in the third set).
NAMED_MANY_WAYS = {"Man Utd", "Tottenham", "Wolves"}


# ----------------------------------------------------------------------------------------- raw data
# letters NFKD does not take apart, typed as their plain look-alikes
LOOKALIKES = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "æ": "ae", "ß": "ss", "đ": "d", "ı": "i"})


def plain(text: str) -> str:
    """Return ``text`` lower-cased without accents, as it is typed on an English keyboard."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LOOKALIKES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def qualifiers(event: dict) -> set[str]:
    """Return the names of an event's Opta qualifiers."""
    return {q["type"]["displayName"] for q in event.get("qualifiers", [])}


def kind_of(event: dict) -> str:
    """Return the event's type name ("Pass", "Goal", ...)."""
    return event["type"]["displayName"]


def won(event: dict) -> bool:
    """Return whether the event's outcome is successful."""
    return event.get("outcomeType", {}).get("value") == 1


def ws_total(stats: dict, key: str) -> float:
    """Return the match total of one of WhoScored's per-minute stat series."""
    return sum(stats.get(key, {}).values())


def minute_said(event: dict) -> tuple[str, bool]:
    """Return the minute as broadcasters say it ("37'" for 36:13) and whether it was in stoppage time."""
    period, minute = event["period"]["value"], event["minute"]
    limit = {1: 45, 2: 90}.get(period)
    if limit is None or minute >= limit:
        return f"{minute + 1}'", True
    return f"{minute + 1}'", False


def is_on_target(event: dict) -> bool:
    """Return whether a shot event was on target (a goal, or a save that was not a block, or cleared off the line)."""
    q = qualifiers(event)
    return kind_of(event) == "Goal" or (kind_of(event) == "SavedShot" and ("Blocked" not in q or "SavedOffline" in q))


def player_counts(events: list[dict], stats: dict) -> dict[str, int]:
    """Return one player's counted figures of a match, each kept only where WhoScored's own total agrees."""
    shots = [e for e in events if e.get("isShot") and "OwnGoal" not in qualifiers(e)]
    tackles = [e for e in events if kind_of(e) == "Tackle"]
    lost = [e for e in events if kind_of(e) == "Challenge"]
    pairs = {
        "shots": (len(shots), ws_total(stats, "shotsTotal")),
        "shots on target": (sum(map(is_on_target, shots)), ws_total(stats, "shotsOnTarget")),
        "key passes": (sum("KeyPass" in qualifiers(e) for e in events), ws_total(stats, "passesKey")),
        "interceptions": (sum(kind_of(e) == "Interception" for e in events), ws_total(stats, "interceptions")),
        "clearances": (sum(kind_of(e) == "Clearance" for e in events), ws_total(stats, "clearances")),
        "dribbles": (sum(kind_of(e) == "TakeOn" and won(e) for e in events), ws_total(stats, "dribblesWon")),
        "saves": (sum(kind_of(e) == "Save" for e in events), ws_total(stats, "totalSaves")),
    }
    counts = {k: a for k, (a, b) in pairs.items() if a == b}
    # tackles mean three things in the wild (Opta tackles, + lost challenges, won only): keep only if all agree
    defs = (len(tackles), len(tackles) + len(lost), sum(map(won, tackles)))
    counts.update(zip(TACKLE_DEFS, defs, strict=True))
    if len(set(defs)) == 1 and len(tackles) == ws_total(stats, "tackleSuccessful"):
        counts["tackles"] = len(tackles)
    return counts


def team_counts(events: list[dict], stats: dict) -> dict[str, int]:
    """Return one team's counted figures of a match, each kept only where WhoScored's own total agrees."""
    shots = [e for e in events if e.get("isShot") and "OwnGoal" not in qualifiers(e)]
    pairs = {
        "shots": (len(shots), ws_total(stats, "shotsTotal")),
        "shots on target": (sum(map(is_on_target, shots)), ws_total(stats, "shotsOnTarget")),
        "corners": (sum(kind_of(e) == "CornerAwarded" and won(e) for e in events), ws_total(stats, "cornersTotal")),
        "fouls": (sum(kind_of(e) == "Foul" and not won(e) for e in events), ws_total(stats, "foulsCommited")),
        "offsides": (sum(kind_of(e) == "OffsidePass" for e in events), ws_total(stats, "offsidesCaught")),
    }
    return {k: a for k, (a, b) in pairs.items() if a == b}


def read_match(path: Path) -> dict:
    """Return what the set asks about one match file (``complete`` False for a capture before full time)."""
    raw = json.loads(gzip.decompress(path.read_bytes()))
    complete = raw.get("statusCode") == 6 and bool(raw.get("ftScore"))
    hs, as_ = (int(x) for x in (raw["ftScore"] if complete else raw["score"]).split(":"))
    teams = {s: raw[s] for s in SIDES}
    side_of = {t["teamId"]: s for s, t in teams.items()}
    players = {}
    for s, t in teams.items():
        for p in t["players"]:
            ratings = p["stats"].get("ratings") or {}
            players[p["playerId"]] = {
                "name": p["name"],
                "side": s,
                "rating": ratings[max(ratings, key=int)] if ratings else None,
                "flagged": bool(p.get("isManOfTheMatch")),
                "ws": p["stats"],
            }
    events = raw["events"]
    goals = []
    for e in sorted(
        (e for e in events if e.get("isGoal")), key=lambda e: (e["period"]["value"], e["minute"], e["second"])
    ):
        q = qualifiers(e)
        own = "OwnGoal" in q
        by = side_of[e["teamId"]]
        related = players.get(e.get("relatedPlayerId"))
        said, stoppage = minute_said(e)
        goals.append(
            {
                "side": OTHER[by] if own else by,
                "pid": e.get("playerId"),
                "scorer": players.get(e.get("playerId"), {}).get("name"),
                "own": own,
                "minute": said,
                "stoppage": stoppage,
                "assister": related["name"]
                if not own and "Assisted" in q and related and related["side"] == by
                else None,
            }
        )
    cards = {s: collections.Counter() for s in SIDES}
    for e in events:
        if kind_of(e) == "Card" and e.get("cardType"):
            who = "staff" if e.get("playerId") not in players else e["cardType"]["displayName"]
            cards[side_of[e["teamId"]]][who] += 1
    per_player = collections.defaultdict(list)
    for e in events:
        per_player[e.get("playerId")].append(e)
    for pid, p in players.items():
        p["counts"] = player_counts(per_player[pid], p["ws"])
        p["counts"]["goals"] = sum(1 for g in goals if g["pid"] == pid and not g["own"])
        p["counts"]["assists"] = sum(1 for g in goals if g["assister"] == p["name"])
    return {
        "id": path.name.split(".")[0],
        "complete": complete,
        "date": dt.date.fromisoformat(raw["startDate"][:10]),
        "home": teams["home"]["name"],
        "away": teams["away"]["name"],
        "hs": hs,
        "as": as_,
        "score": f"{hs}-{as_}",
        "goals": goals,
        "goals_agree": [sum(g["side"] == s for g in goals) for s in SIDES] == [hs, as_],
        "cards": cards,
        "team": {
            s: team_counts([e for e in events if e.get("teamId") == t["teamId"]], t["stats"]) for s, t in teams.items()
        },
        "players": players,
        "referee": (raw.get("referee") or {}).get("name"),
        "manager": {s: t.get("managerName") for s, t in teams.items()},
        "formation": {s: "-".join(t["formations"][0]["formationName"]) for s, t in teams.items()},
    }


def goals_for(m: dict, side: str) -> int:
    """Return the goals a side scored in a match."""
    return m["hs"] if side == "home" else m["as"]


def winner_side(m: dict) -> str | None:
    """Return the side that won the match, None for a draw."""
    return "home" if m["hs"] > m["as"] else "away" if m["as"] > m["hs"] else None


def leaders(values_by_definition: list[dict[str, int]]) -> tuple[list[str], int] | None:
    """Return the names tied at the top and their value when every definition gives the same names, else None."""
    tops = set()
    for values in values_by_definition:
        best = max(values.values())
        tops.add(tuple(sorted(n for n, v in values.items() if v == best)))
    if len(tops) != 1:
        return None
    top = list(next(iter(tops)))
    return top, values_by_definition[0][top[0]]


def top_rated(m: dict, side: str | None) -> str | None:
    """Return the highest-rated player (of one side, or of the match) when he is clear at one decimal, else None.

    For the whole match he must also be the player WhoScored flags as man of the match.
    """
    pool = sorted(
        (
            (p["rating"], p["name"], p["flagged"])
            for p in m["players"].values()
            if p["rating"] is not None and (side is None or p["side"] == side)
        ),
        reverse=True,
    )
    if len(pool) < 2 or round(pool[0][0], 1) <= round(pool[1][0], 1):
        return None
    if side is None and [n for _, n, f in pool if f] != [pool[0][1]]:
        return None
    return pool[0][1]


def team_table(matches: list[dict], keep) -> dict[str, collections.Counter]:
    """Return each team's record (played, wins, draws, points, goals, conceded, clean sheets) over the kept matches."""
    rec = collections.defaultdict(collections.Counter)
    for m in filter(lambda m: keep(m["date"]), matches):
        for side in SIDES:
            scored, let_in = goals_for(m, side), goals_for(m, OTHER[side])
            outcome = "wins" if scored > let_in else "draws" if scored == let_in else "losses"
            rec[m[side]].update(
                {
                    "played": 1,
                    outcome: 1,
                    "points": {"wins": 3, "draws": 1}.get(outcome, 0),
                    "goals": scored,
                    "conceded": let_in,
                    "clean sheets": int(let_in == 0),
                }
            )
    return rec


def player_table(matches: list[dict], keep) -> dict[str, collections.Counter]:
    """Return each player's goals, assists, shots, key passes and tackles over the kept matches.

    A figure WhoScored's own total disagrees with in any kept match is recorded as -1000 (never asked about).
    """
    rec = collections.defaultdict(collections.Counter)
    for m in matches:
        if not keep(m["date"]):
            continue
        for p in m["players"].values():
            c = rec[p["name"]]
            for k in ("goals", "assists", "shots", "key passes", *TACKLE_DEFS):
                c[k] += p["counts"].get(k, -1000)
    return rec


def positions(matches: list[dict], keep) -> list[tuple[str, tuple]]:
    """Return the league table over the kept matches: (team, (points, goal difference, goals)) best first."""
    rec = team_table(matches, keep)
    rows = [(t, (r["points"], r["goals"] - r["conceded"], r["goals"])) for t, r in rec.items()]
    return sorted(rows, key=lambda row: row[1], reverse=True)


def club_gold(club: str) -> str | None:
    """Return the word every naming of the club contains ("Villa", "City", "West Ham"), None if there is none."""
    if club in NAMED_MANY_WAYS:
        return None
    return club if club == "West Ham" or " " not in club else club.split()[-1]
