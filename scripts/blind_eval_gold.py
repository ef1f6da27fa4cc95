#!/usr/bin/env python3
"""Build the blind evaluation set (questions + gold) straight from the raw WhoScored season files.

Written without looking at how football_rag answers questions: it reads only the gzip'd WhoScored
``matchCentreData`` JSON under ../shared/data/season/premier-league-2025-26/whoscored/ (relative to
the project root) and writes, deterministically (fixed seed, sorted inputs):

    configs/eval/blind/questions.jsonl      one question a line: question, gold, kind, match_id, id
    configs/eval/blind/conversations.jsonl  one two-turn follow-up conversation a line

Standard library only (gzip, json). Run: ``python3 scripts/blind_eval_gold.py [DATA_DIR]``.
Definitions (see configs/eval/blind/README.md) are implemented in ``load_match`` and the ``*_questions``
functions; every numeric figure used as gold is counted from the events AND cross-checked against
WhoScored's own per-minute stat sums, and a figure where the two disagree is never asked about.
"""

from __future__ import annotations

import collections
import datetime as dt
import gzip
import json
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
OUT = ROOT / "configs" / "eval" / "blind"
SEED = 20251215
PER_KIND = 22

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# How fans type the clubs. "city"/"united" are used only when the other club is named too.
NICK = {
    "Arsenal": ["arsenal", "the gunners", "arsenal", "gunners"],
    "Aston Villa": ["villa", "aston villa", "villa"],
    "Bournemouth": ["bournemouth", "the cherries", "bournemouth"],
    "Brentford": ["brentford", "the bees", "brentford"],
    "Brighton": ["brighton", "the seagulls", "brighton"],
    "Burnley": ["burnley", "the clarets", "burnley"],
    "Chelsea": ["chelsea", "chelsea", "cfc"],
    "Crystal Palace": ["palace", "crystal palace", "palace"],
    "Everton": ["everton", "the toffees", "everton"],
    "Fulham": ["fulham", "fulham", "the cottagers"],
    "Leeds": ["leeds", "leeds utd", "leeds"],
    "Liverpool": ["liverpool", "liverpool", "lfc", "pool"],
    "Man City": ["man city", "city", "man city", "manchester city"],
    "Man Utd": ["man u", "united", "man utd", "man united", "manchester united"],
    "Newcastle": ["newcastle", "the toon", "newcastle", "the magpies"],
    "Nottingham Forest": ["forest", "nottm forest", "forest", "nottingham forest"],
    "Sunderland": ["sunderland", "the black cats", "sunderland"],
    "Tottenham": ["spurs", "tottenham", "spurs"],
    "West Ham": ["west ham", "the hammers", "west ham"],
    "Wolves": ["wolves", "wolves", "wolverhampton"],
}
UNITED_CLUBS = {"Leeds", "Newcastle", "West Ham", "Man Utd"}
# The word a correct answer naming the club will contain (None: the club is named too many ways).
TOKEN = {
    "Arsenal": "Arsenal",
    "Aston Villa": "Villa",
    "Bournemouth": "Bournemouth",
    "Brentford": "Brentford",
    "Brighton": "Brighton",
    "Burnley": "Burnley",
    "Chelsea": "Chelsea",
    "Crystal Palace": "Palace",
    "Everton": "Everton",
    "Fulham": "Fulham",
    "Leeds": "Leeds",
    "Liverpool": "Liverpool",
    "Man City": "City",
    "Man Utd": None,
    "Newcastle": "Newcastle",
    "Nottingham Forest": "Forest",
    "Sunderland": "Sunderland",
    "Tottenham": None,
    "West Ham": "West Ham",
    "Wolves": None,
}
# WhoScored gives some managers' full legal names; gold is the part every way of naming them shares.
MANAGER_GOLD = {
    "Marco Alexandre Saraiva da Silva": "Silva",
    "Nuno Herlander Simões Espírito Santo": "Espírito Santo",
    "Vítor Manuel de Oliveira Lopes Pereira": "Pereira",
    "Ruben Filipe Marques Diogo Amorim": "Amorim",
}
# How fans would type a player when the last name alone is not how he is known.
SHORT_OVERRIDE = {
    "João Pedro": "joao pedro",
    "Igor Thiago": "igor thiago",
    "Bruno Guimarães": "bruno guimaraes",
    "Bruno Fernandes": "bruno fernandes",
    "Gabriel Magalhães": "gabriel",
    "Gabriel Martinelli": "martinelli",
    "Matheus Cunha": "cunha",
    "Morgan Gibbs-White": "gibbs-white",
    "Dominic Calvert-Lewin": "calvert-lewin",
    "Igor Jesus": "igor jesus",
    "Carlos Baleba": "baleba",
    "Kevin Schade": "schade",
    "Enzo Fernández": "enzo fernandez",
}
PARTICLES = {"van", "de", "da", "di", "dos", "der", "le", "el", "ter", "von", "du", "mac", "ten"}
TYPOS = {
    "score": "scroe",
    "scored": "socred",
    "against": "agaisnt",
    "yellow": "yelow",
    "formation": "formaiton",
    "referee": "refferee",
    "manager": "manger",
    "assisted": "asissted",
    "shots": "shtos",
    "corners": "cornrs",
    "arsenal": "arsnal",
    "liverpool": "liverpol",
    "chelsea": "chelsae",
    "newcastle": "newcastel",
    "brighton": "brigton",
    "bournemouth": "bournmouth",
    "tottenham": "tottenahm",
    "everton": "evertn",
    "highest": "higest",
    "goals": "goasl",
    "many": "mnay",
    "what": "waht",
    "who": "woh",
    "result": "reslut",
    "points": "pionts",
    "december": "decmber",
    "november": "novmber",
    "october": "ocotber",
}


# ----------------------------------------------------------------------------------------------- data
def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def quals(event: dict) -> set[str]:
    return {q["type"]["displayName"] for q in event.get("qualifiers", [])}


def tname(event: dict) -> str:
    return event["type"]["displayName"]


def stat_sum(stats: dict, key: str) -> float:
    return sum(stats.get(key, {}).values())


def minute_label(period: int, minute: int) -> tuple[str, bool]:
    """The minute as it is reported ("37'" for 36:13); second value True for stoppage time."""
    if period == 1:
        return (f"{minute + 1}'", False) if minute < 45 else (f"45+{minute - 44}'", True)
    if period == 2:
        return (f"{minute + 1}'", False) if minute < 90 else (f"90+{minute - 89}'", True)
    return (f"{minute + 1}'", True)


def final_rating(stats: dict) -> float | None:
    ratings = stats.get("ratings") or {}
    return ratings[max(ratings, key=int)] if ratings else None


def load_match(path: Path) -> dict | None:
    d = json.loads(gzip.decompress(path.read_bytes()))
    if d.get("statusCode") != 6 or not d.get("ftScore"):
        # captured before full time (1903275): never asked about; kept aside only to drop period and
        # ranking questions whose gold would change if someone counted it
        hs, as_ = (int(x) for x in (d.get("score") or "0 : 0").split(":"))
        names = d.get("playerIdNameDictionary", {})
        return {
            "partial": True,
            "id": path.name.split(".")[0],
            "date": dt.date.fromisoformat(d["startDate"][:10]),
            "home": d["home"]["name"],
            "away": d["away"]["name"],
            "hs": hs,
            "as": as_,
            "goals": [
                {"scorer": names.get(str(e.get("playerId"))), "own": "OwnGoal" in quals(e), "assister": None}
                for e in d["events"]
                if e.get("isGoal")
            ],
            "pstats": {},
            "squad": {},
        }
    hs, as_ = (int(x) for x in d["ftScore"].split(":"))
    sides = {"home": d["home"], "away": d["away"]}
    side_of_team = {t["teamId"]: s for s, t in sides.items()}
    squad = {}
    for s, t in sides.items():
        for p in t["players"]:
            squad[p["playerId"]] = {
                "name": p["name"],
                "side": s,
                "position": p.get("position"),
                "starter": p.get("isFirstEleven", False),
                "motm": p.get("isManOfTheMatch", False),
                "rating": final_rating(p["stats"]),
                "ws": p["stats"],
            }
    events = d["events"]
    other = {"home": "away", "away": "home"}
    goals = []
    for e in events:
        if not e.get("isGoal"):
            continue
        q = quals(e)
        own = "OwnGoal" in q
        scorer_side = side_of_team[e["teamId"]]
        label, stoppage = minute_label(e["period"]["value"], e["minute"])
        assister = None
        if not own and "Assisted" in q and e.get("relatedPlayerId") in squad:
            if squad[e["relatedPlayerId"]]["side"] == scorer_side:
                assister = squad[e["relatedPlayerId"]]["name"]
        goals.append(
            {
                "side": other[scorer_side] if own else scorer_side,
                "pid": e.get("playerId"),
                "scorer": squad.get(e.get("playerId"), {}).get("name"),
                "own": own,
                "pen": "Penalty" in q,
                "minute": label,
                "stoppage": stoppage,
                "t": (e["period"]["value"], e["minute"], e["second"]),
                "assister": assister,
            }
        )
    goals.sort(key=lambda g: g["t"])
    tally = collections.Counter(g["side"] for g in goals)
    goals_ok = tally["home"] == hs and tally["away"] == as_ and all(g["scorer"] for g in goals)

    # cards: per side, by card type; a card without a squad player (bench/staff) is flagged
    cards = {s: collections.Counter() for s in sides}
    staff_card = {s: False for s in sides}
    for e in events:
        if tname(e) == "Card" and e.get("cardType"):
            s = side_of_team[e["teamId"]]
            if e.get("playerId") not in squad:
                staff_card[s] = True
            else:
                cards[s][e["cardType"]["displayName"]] += 1

    # team figures counted from events, kept only where WhoScored's own stat sums agree
    tstats = {}
    for s, t in sides.items():
        ev = [e for e in events if e.get("teamId") == t["teamId"]]
        shots = [e for e in ev if e.get("isShot") and "OwnGoal" not in quals(e)]
        sot = [
            e
            for e in shots
            if tname(e) == "Goal"
            or (tname(e) == "SavedShot" and ("Blocked" not in quals(e) or "SavedOffline" in quals(e)))
        ]
        counted = {
            "shots": (len(shots), stat_sum(t["stats"], "shotsTotal")),
            "shots on target": (len(sot), stat_sum(t["stats"], "shotsOnTarget")),
            "corners": (
                sum(1 for e in ev if tname(e) == "CornerAwarded" and e["outcomeType"]["value"] == 1),
                stat_sum(t["stats"], "cornersTotal"),
            ),
            "fouls": (
                sum(1 for e in ev if tname(e) == "Foul" and e["outcomeType"]["value"] == 0),
                stat_sum(t["stats"], "foulsCommited"),
            ),
            "offsides": (sum(1 for e in ev if tname(e) == "OffsidePass"), stat_sum(t["stats"], "offsidesCaught")),
        }
        tstats[s] = {k: a for k, (a, b) in counted.items() if a == b}

    # player figures: several definitions kept so that only definition-proof questions are asked
    pstats = {}
    for pid, p in squad.items():
        ev = [e for e in events if e.get("playerId") == pid]
        ws = p["ws"]
        passes = [e for e in ev if tname(e) == "Pass"]
        ws_pass = [e for e in passes if not quals(e) & {"ThrowIn", "Cross", "KeeperThrow"}]
        shots = [e for e in ev if e.get("isShot") and "OwnGoal" not in quals(e)]
        sot = [
            e
            for e in shots
            if tname(e) == "Goal"
            or (tname(e) == "SavedShot" and ("Blocked" not in quals(e) or "SavedOffline" in quals(e)))
        ]
        tackles = [e for e in ev if tname(e) == "Tackle"]
        challenges = [e for e in ev if tname(e) == "Challenge"]
        f = {
            "shots": (len(shots), stat_sum(ws, "shotsTotal")),
            "shots on target": (len(sot), stat_sum(ws, "shotsOnTarget")),
            "key passes": (sum(1 for e in ev if "KeyPass" in quals(e)), stat_sum(ws, "passesKey")),
            "fouls": (
                sum(1 for e in ev if tname(e) == "Foul" and e["outcomeType"]["value"] == 0),
                stat_sum(ws, "foulsCommited"),
            ),
            "interceptions": (sum(1 for e in ev if tname(e) == "Interception"), stat_sum(ws, "interceptions")),
            "dribbles": (
                sum(1 for e in ev if tname(e) == "TakeOn" and e["outcomeType"]["value"] == 1),
                stat_sum(ws, "dribblesWon"),
            ),
            "saves": (sum(1 for e in ev if tname(e) == "Save"), stat_sum(ws, "totalSaves")),
            "clearances": (sum(1 for e in ev if tname(e) == "Clearance"), stat_sum(ws, "clearances")),
        }
        vals = {k: a for k, (a, b) in f.items() if a == b}
        if p["position"] != "GK":
            vals.pop("saves", None)
        # tackles: Opta's Tackle events; WhoScored adds lost challenges; some count only won tackles
        tdefs = (
            len(tackles),
            len(tackles) + len(challenges),
            sum(1 for e in tackles if e["outcomeType"]["value"] == 1),
        )
        vals["tackle_defs"] = tdefs
        if len(set(tdefs)) == 1 and tdefs[0] == stat_sum(ws, "tackleSuccessful"):
            vals["tackles"] = tdefs[0]
        # passes: every Pass event, without throw-ins, WhoScored's (no throw-ins, crosses, keeper throws)
        pdefs = (len(passes), sum(1 for e in passes if "ThrowIn" not in quals(e)), len(ws_pass))
        vals["pass_defs"] = pdefs
        if len(set(pdefs)) == 1 and pdefs[0] == stat_sum(ws, "passesTotal"):
            vals["passes"] = pdefs[0]
        vals["goals"] = sum(1 for g in goals if g["pid"] == pid and not g["own"])
        vals["assists"] = sum(1 for g in goals if g["assister"] == p["name"])
        pstats[pid] = vals

    rated = sorted(((p["rating"], p["name"]) for p in squad.values() if p["rating"] is not None), reverse=True)
    motm = None
    if len(rated) > 1 and round(rated[0][0], 1) > round(rated[1][0], 1):
        flagged = [p["name"] for p in squad.values() if p["motm"]]
        if flagged == [rated[0][1]]:
            motm = rated[0][1]

    return {
        "id": str(path.name.split(".")[0]),
        "date": dt.date.fromisoformat(d["startDate"][:10]),
        "home": d["home"]["name"],
        "away": d["away"]["name"],
        "hs": hs,
        "as": as_,
        "score": f"{hs}-{as_}",
        "venue": d.get("venueName"),
        "referee": (d.get("referee") or {}).get("name"),
        "managers": {s: t.get("managerName") for s, t in sides.items()},
        "formations": {s: "-".join(t["formations"][0]["formationName"]) for s, t in sides.items()},
        "goals": goals,
        "goals_ok": goals_ok,
        "cards": cards,
        "staff_card": staff_card,
        "tstats": tstats,
        "squad": squad,
        "pstats": pstats,
        "motm": motm,
    }


# ------------------------------------------------------------------------------------------- phrasing
class Phraser:
    def __init__(self, rng: random.Random, matches: list[dict]):
        self.rng = rng
        pairs = collections.Counter(frozenset((m["home"], m["away"])) for m in matches)
        self.twice = {p for p, n in pairs.items() if n > 1}
        shorts = collections.defaultdict(set)
        for m in matches:
            for p in m["squad"].values():
                shorts[short(p["name"])].add(p["name"])
                shorts[plain(p["name"].split()[-1])].add(p["name"])
                shorts[plain(p["name"].split()[0])].add(p["name"])  # "anthony" is also a first name
        self.league_shorts = shorts

    def pick(self, options):
        return self.rng.choice(options)

    def team(self, name: str, other: str | None = None, bare: bool = False) -> str:
        """A way to type the club; ``bare``: none starting with "the" (for "which X player", "X's")."""
        options = [o for o in NICK[name] if not (bare and o.startswith("the "))]
        if other is None:
            options = [o for o in options if o not in ("city", "united")]
        elif name == "Man Utd" and other in UNITED_CLUBS:
            options = [o for o in options if o != "united"]
        return self.pick(options)

    def date(self, day: dt.date) -> str:
        d, mon, mname, wd = day.day, day.month, MONTHS[day.month - 1], WEEKDAYS[day.weekday()]
        suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return self.pick(
            [
                f"{d:02d}/{mon:02d}/{day.year}",
                f"{d}/{mon}",
                f"{MON3[mon - 1]} {d}",
                f"{d} {MON3[mon - 1]}",
                f"the {d}{suffix} of {mname}",
                f"{d}{suffix} {mname}",
                f"{wd} {d} {mname}",
                f"{mname} {d}{suffix}",
                f"{d}.{mon}.{str(day.year)[2:]}",
                f"{wd} the {d}{suffix}",
            ]
        )

    def fixture(self, m: dict, home_first: bool | None = None, force_date: bool = False) -> str:
        """'arsenal vs villa' (+ a date when the pair met twice, or now and then)."""
        if home_first is None:
            home_first = self.rng.random() < 0.75
        a, b = (m["home"], m["away"]) if home_first else (m["away"], m["home"])
        ta, tb = self.team(a, b), self.team(b, a)
        sep = self.pick([" vs ", " v ", " vs ", " - ", " against ", " v. ", " and "])
        text = f"{ta}{sep}{tb}"
        if force_date or frozenset((m["home"], m["away"])) in self.twice or self.rng.random() < 0.3:
            text += self.pick([" on ", " on ", " (", " from "]) + self.date(m["date"])
            if "(" in text and not text.endswith(")"):
                text += ")"
        return text

    def opponent(self, m: dict, side: str) -> str:
        """'against villa' / 'vs villa on 6 dec' for a team's match."""
        opp = m["away"] if side == "home" else m["home"]
        me = m[side]
        text = self.pick(
            ["against ", "vs ", "v ", "against ", "in the game against ", "in the match with "]
        ) + self.team(opp, me)
        where = self.rng.random()
        if frozenset((m["home"], m["away"])) in self.twice or where < 0.25:
            if where < 0.12 and frozenset((m["home"], m["away"])) not in self.twice:
                text += " at home" if side == "home" else " away"
            elif self.rng.random() < 0.5 and frozenset((m["home"], m["away"])) in self.twice:
                text += " at home" if side == "home" else " away from home"
            else:
                text += self.pick([" on ", " on ", " back on "]) + self.date(m["date"])
        return text

    def player(self, name: str, m: dict | None = None) -> str | None:
        """How a fan types the player: the surname when no other player in the league could be meant, else the full name."""
        s = short(name)
        ambiguous = self.league_shorts[s] - {name} or s in {plain(n) for names in NICK.values() for n in names}
        if ambiguous or self.rng.random() < 0.2:
            return plain(name)
        return s

    def finish(self, text: str) -> str:
        """Casing, punctuation and the odd typo, the way people type."""
        r = self.rng.random()
        if r < 0.1:
            words = text.split(" ")
            hits = [i for i, w in enumerate(words) if w.strip("?,.'") in TYPOS]
            if hits:
                i = self.rng.choice(hits)
                core = words[i].strip("?,.'")
                words[i] = words[i].replace(core, TYPOS[core])
                text = " ".join(words)
        r = self.rng.random()
        if r < 0.15:
            text = text[0].upper() + text[1:]
        if text.endswith("?") and self.rng.random() < 0.35:
            text = text[:-1]
        return text


def poss(team: str) -> str:
    return team + ("'" if team.endswith("s") else "'s")


def short(name: str) -> str:
    if name in SHORT_OVERRIDE:
        return SHORT_OVERRIDE[name]
    tokens = name.split()
    if len(tokens) == 1:
        return plain(name)
    for i, tok in enumerate(tokens[1:], start=1):
        if tok.lower() in PARTICLES:
            return plain(" ".join(tokens[i:]))
    return plain(tokens[-1])


def team_side_word(m: dict, side: str) -> str:
    return m[side]


# ------------------------------------------------------------------------------------------- kinds
def winner(m: dict) -> str | None:
    return m["home"] if m["hs"] > m["as"] else m["away"] if m["as"] > m["hs"] else None


def score_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        fx = ph.fixture(m, home_first=ph.rng.random() < 0.85)
        w = winner(m)
        form = ph.rng.randrange(6)
        if form == 0:
            q, gold = (
                ph.pick(
                    [
                        f"what was the score in {fx}?",
                        f"score {fx}?",
                        f"{fx} final score",
                        f"what did {fx} finish?",
                        f"how did {fx} end?",
                    ]
                ),
                [m["score"]],
            )
        elif form == 1:
            q, gold = (
                ph.pick([f"{fx} result", f"result of {fx}?", f"what was the result {fx}", f"ft score {fx}?"]),
                [m["score"]],
            )
        elif form in (2, 3):
            if w is not None and TOKEN.get(w) is None:
                continue
            q = ph.pick(
                [f"who won {fx}?", f"who won the {fx} game?", f"{fx} - who won?", f"who came out on top in {fx}"]
            )
            gold = [TOKEN[w], m["score"]] if w else [m["score"]]
        else:
            side = ph.pick(["home", "away"])
            opp = "away" if side == "home" else "home"
            me, them = m[side], m[opp]
            won = (m["hs"] > m["as"]) if side == "home" else (m["as"] > m["hs"])
            verb = ph.pick(["beat", "beat", "win against", "get the win against", "beat"])
            when = ""
            if frozenset((m["home"], m["away"])) in ph.twice or ph.rng.random() < 0.35:
                when = ph.pick([" on ", " on ", " back on "]) + ph.date(m["date"])
            q = f"did {ph.team(me, them)} {verb} {ph.team(them, me)}{when}?"
            gold = ["yes" if won else "no", m["score"]]
        out.append({"question": ph.finish(q), "gold": gold, "match_id": m["id"]})
    return out


def scorers_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        if not m["goals_ok"] or not m["goals"] or any(g["own"] for g in m["goals"]):
            continue
        if ph.rng.random() < 0.5 or len({g["scorer"] for g in m["goals"]}) > 4:
            side = "home" if m["hs"] and (not m["as"] or ph.rng.random() < 0.5) else "away"
            names = list(dict.fromkeys(g["scorer"] for g in m["goals"] if g["side"] == side))
            if not names:
                continue
            opp = "away" if side == "home" else "home"
            q = ph.pick(
                [
                    f"who scored for {ph.team(m[side], m[opp], bare=True)} {ph.opponent(m, side)}?",
                    f"{ph.team(m[side], m[opp], bare=True)} goalscorers {ph.opponent(m, side)}",
                    f"who got the goals for {ph.team(m[side], m[opp], bare=True)} {ph.opponent(m, side)}?",
                ]
            )
        else:
            names = list(dict.fromkeys(g["scorer"] for g in m["goals"]))
            fx = ph.fixture(m)
            q = ph.pick(
                [
                    f"who scored in {fx}?",
                    f"goalscorers {fx}",
                    f"who were the scorers in {fx}?",
                    f"who got on the scoresheet in {fx}",
                    f"{fx} who scored",
                ]
            )
        out.append({"question": ph.finish(q), "gold": names, "match_id": m["id"]})
    return out


def goal_minute_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        if not m["goals_ok"]:
            continue
        goals = [g for g in m["goals"] if not g["own"]]
        if not goals:
            continue
        g = ph.pick(goals)
        if g["stoppage"]:
            continue
        side = m["squad"][g["pid"]]["side"]
        opp = "away" if side == "home" else "home"
        same = [x for x in goals if x["pid"] == g["pid"]]
        team_goals = [x for x in m["goals"] if x["side"] == side]
        if ph.rng.random() < 0.65 and len(same) == 1:
            who = ph.player(g["scorer"], m)
            if not who:
                continue
            q = ph.pick(
                [
                    f"when did {who} score {ph.opponent(m, side)}?",
                    f"what minute did {who} score {ph.opponent(m, side)}",
                    f"{who} goal {ph.opponent(m, side)} - what minute?",
                    f"what minute was {who}'s goal in {ph.fixture(m)}?",
                ]
            )
        elif team_goals and team_goals[0] is g:
            q = ph.pick(
                [
                    f"when did {ph.team(m[side], m[opp], bare=True)} score their first goal {ph.opponent(m, side)}?",
                    f"what minute was {poss(ph.team(m[side], m[opp], bare=True))} opener {ph.opponent(m, side)}",
                    f"what time did {ph.team(m[side], m[opp], bare=True)} open the scoring {ph.opponent(m, side)}?",
                ]
            )
            if team_goals[0]["own"]:
                continue
        elif m["goals"][0] is g:
            q = ph.pick(
                [f"when was the first goal in {ph.fixture(m)}?", f"what minute was the opening goal of {ph.fixture(m)}"]
            )
        else:
            continue
        out.append({"question": ph.finish(q), "gold": [g["minute"]], "match_id": m["id"]})
    return out


def assister_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        if not m["goals_ok"]:
            continue
        cands = [g for g in m["goals"] if g["assister"]]
        if not cands:
            continue
        g = ph.pick(cands)
        side = m["squad"][g["pid"]]["side"]
        same = [x for x in m["goals"] if x["pid"] == g["pid"] and not x["own"]]
        who = ph.player(g["scorer"], m)
        if len(same) == 1 and who:
            q = ph.pick(
                [
                    f"who assisted {who}'s goal {ph.opponent(m, side)}?",
                    f"who set up {who} {ph.opponent(m, side)}?",
                    f"who gave the assist for {who}'s goal in {ph.fixture(m)}",
                    f"{who} goal {ph.opponent(m, side)}, who assisted?",
                ]
            )
        elif len(same) > 1 and who and not g["stoppage"]:
            q = f"who assisted {who}'s {g['minute']} goal {ph.opponent(m, side)}?"
        else:
            continue
        out.append({"question": ph.finish(q), "gold": [g["assister"]], "match_id": m["id"]})
    return out


STAT_WORDS = {
    "shots": ["shots", "shots", "attempts on goal", "shots in total"],
    "shots on target": ["shots on target", "shots on target", "efforts on target", "sot"],
    "corners": ["corners", "corners", "corner kicks"],
    "fouls": ["fouls", "fouls", "fouls committed"],
    "offsides": ["offsides", "times caught offside"],
}


def team_stat_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    keys = list(STAT_WORDS)
    for i, m in enumerate(matches):
        stat = keys[i % len(keys)]
        if ph.rng.random() < 0.15 and all(stat in m["tstats"][s] for s in ("home", "away")):
            total = m["tstats"]["home"][stat] + m["tstats"]["away"][stat]
            if total < 1:
                continue
            q = ph.pick(
                [
                    f"how many {ph.pick(STAT_WORDS[stat])} were there in {ph.fixture(m)} altogether?",
                    f"total {ph.pick(STAT_WORDS[stat])} in {ph.fixture(m)} (both teams)?",
                ]
            )
            out.append({"question": ph.finish(q), "gold": [str(total)], "match_id": m["id"]})
            continue
        side = ph.pick(["home", "away"])
        if stat not in m["tstats"][side] or m["tstats"][side][stat] < 1:
            continue
        opp = "away" if side == "home" else "home"
        word = ph.pick(STAT_WORDS[stat])
        t = ph.team(m[side], m[opp], bare=True)
        if stat == "offsides":
            q = ph.pick(
                [
                    f"how many times were {t} caught offside {ph.opponent(m, side)}?",
                    f"how often were {t} flagged offside {ph.opponent(m, side)}",
                ]
            )
        elif stat == "fouls":
            q = ph.pick(
                [f"how many fouls did {t} commit {ph.opponent(m, side)}?", f"{t} fouls {ph.opponent(m, side)}?"]
            )
        else:
            q = ph.pick(
                [
                    f"how many {word} did {t} have {ph.opponent(m, side)}?",
                    f"{t} {word} {ph.opponent(m, side)}?",
                    f"how many {word} did {t} get {ph.opponent(m, side)}",
                    f"number of {word} for {t} {ph.opponent(m, side)}?",
                ]
            )
        out.append({"question": ph.finish(q), "gold": [str(m["tstats"][side][stat])], "match_id": m["id"]})
    return out


def card_count_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        clean = {s: not m["staff_card"][s] and not m["cards"][s]["SecondYellow"] for s in ("home", "away")}
        only_yellow = {s: clean[s] and not m["cards"][s]["Red"] for s in ("home", "away")}
        reds = [s for s in ("home", "away") if clean[s] and m["cards"][s]["Red"]]
        r = ph.rng.random()
        if reds and r < 0.7:
            side = reds[0]
            opp = "away" if side == "home" else "home"
            q = ph.pick(
                [
                    f"how many red cards did {ph.team(m[side], m[opp], bare=True)} get {ph.opponent(m, side)}?",
                    f"how many reds did {ph.team(m[side], m[opp], bare=True)} pick up {ph.opponent(m, side)}",
                    f"how many {ph.team(m[side], m[opp], bare=True)} players were sent off {ph.opponent(m, side)}?",
                ]
            )
            out.append({"question": ph.finish(q), "gold": [str(m["cards"][side]["Red"])], "match_id": m["id"]})
        elif r < 0.2 and all(only_yellow.values()) and sum(m["cards"][s]["Yellow"] for s in ("home", "away")) > 0:
            total = sum(m["cards"][s]["Yellow"] for s in ("home", "away"))
            q = ph.pick(
                [
                    f"how many yellow cards were shown in {ph.fixture(m)}?",
                    f"total bookings in {ph.fixture(m)}?",
                    f"how many yellows in {ph.fixture(m)} in total",
                ]
            )
            out.append({"question": ph.finish(q), "gold": [str(total)], "match_id": m["id"]})
        else:
            side = ph.pick(["home", "away"])
            if not only_yellow[side] or m["cards"][side]["Yellow"] < 1:
                continue
            opp = "away" if side == "home" else "home"
            t = ph.team(m[side], m[opp], bare=True)
            q = ph.pick(
                [
                    f"how many yellow cards did {t} get {ph.opponent(m, side)}?",
                    f"how many {t} players were booked {ph.opponent(m, side)}?",
                    f"{t} yellow cards {ph.opponent(m, side)}?",
                    f"how many yellows for {t} {ph.opponent(m, side)}",
                    f"number of bookings for {t} {ph.opponent(m, side)}?",
                ]
            )
            out.append({"question": ph.finish(q), "gold": [str(m["cards"][side]["Yellow"])], "match_id": m["id"]})
    return out


PLAYER_STAT_WORDS = {
    "shots": ["shots", "shots", "attempts"],
    "shots on target": ["shots on target"],
    "key passes": ["key passes", "key passes", "chances created"],
    "fouls": ["fouls", "fouls"],
    "interceptions": ["interceptions"],
    "dribbles": ["successful dribbles", "completed dribbles"],
    "saves": ["saves"],
    "clearances": ["clearances"],
    "tackles": ["tackles"],
    "passes": ["passes"],
    "goals": ["goals"],
}


def player_stat_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    order = [
        "shots",
        "key passes",
        "tackles",
        "passes",
        "saves",
        "shots on target",
        "goals",
        "interceptions",
        "fouls",
        "dribbles",
        "clearances",
    ]
    for i, m in enumerate(matches):
        stat = order[i % len(order)]
        floor = {"goals": 1, "passes": 15}.get(stat, 2)
        cands = [(pid, v[stat]) for pid, v in m["pstats"].items() if v.get(stat, 0) >= floor]
        if stat == "goals":
            cands = [(pid, n) for pid, n in cands if n >= 1]
        if not cands:
            continue
        pid, value = ph.pick(sorted(cands))
        name = m["squad"][pid]["name"]
        who = ph.player(name, m)
        if not who:
            continue
        side = m["squad"][pid]["side"]
        word = ph.pick(PLAYER_STAT_WORDS[stat])
        if stat == "saves":
            q = ph.pick(
                [f"how many saves did {who} make {ph.opponent(m, side)}?", f"{who} saves {ph.opponent(m, side)}?"]
            )
        elif stat == "goals":
            q = ph.pick(
                [
                    f"how many goals did {who} score {ph.opponent(m, side)}?",
                    f"how many did {who} score {ph.opponent(m, side)}",
                ]
            )
        elif stat == "passes":
            q = ph.pick(
                [
                    f"how many passes did {who} attempt {ph.opponent(m, side)}?",
                    f"how many passes did {who} make {ph.opponent(m, side)}",
                ]
            )
        elif stat == "fouls":
            q = ph.pick(
                [
                    f"how many fouls did {who} commit {ph.opponent(m, side)}?",
                    f"how many fouls did {who} give away {ph.opponent(m, side)}",
                ]
            )
        else:
            q = ph.pick(
                [
                    f"how many {word} did {who} have {ph.opponent(m, side)}?",
                    f"{who} {word} {ph.opponent(m, side)}?",
                    f"how many {word} for {who} {ph.opponent(m, side)}",
                    f"how many {word} did {who} make {ph.opponent(m, side)}?",
                ]
            )
        out.append({"question": ph.finish(q), "gold": [str(value)], "match_id": m["id"]})
    return out


LEADER_WORDS = {
    "shots": ["shots", "shots", "attempts"],
    "key passes": ["key passes", "chances created"],
    "tackles": ["tackles"],
    "passes": ["passes"],
    "interceptions": ["interceptions"],
}


def leaders(m: dict, stat: str, side: str | None) -> tuple[list[str], int] | None:
    """The player(s) with the most of ``stat``; None unless every definition of the stat gives the same."""
    pool = {pid: v for pid, v in m["pstats"].items() if side is None or m["squad"][pid]["side"] == side}
    if stat == "tackles":
        tops = set()
        for k in range(3):
            best = max(v["tackle_defs"][k] for v in pool.values())
            tops.add(frozenset(pid for pid, v in pool.items() if v["tackle_defs"][k] == best))
        if len(tops) != 1:
            return None
        top = next(iter(tops))
        value = max(v["tackle_defs"][0] for v in pool.values())
    elif stat == "passes":
        tops = set()
        for k in range(3):
            best = max(v["pass_defs"][k] for v in pool.values())
            tops.add(frozenset(pid for pid, v in pool.items() if v["pass_defs"][k] == best))
        if len(tops) != 1:
            return None
        top = next(iter(tops))
        value = max(v["pass_defs"][2] for v in pool.values())
    else:
        if any(stat not in v for v in pool.values()):
            return None
        value = max(v[stat] for v in pool.values())
        top = {pid for pid, v in pool.items() if v[stat] == value}
    if value < 2 or len(top) > 2:
        return None
    return sorted(m["squad"][pid]["name"] for pid in top), value


def player_leader_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    order = ["shots", "key passes", "tackles", "passes", "interceptions"]
    for i, m in enumerate(matches):
        stat = order[i % len(order)]
        side = ph.pick([None, None, "home", "away"])
        res = leaders(m, stat, side)
        if not res:
            continue
        names, _ = res
        word = ph.pick(LEADER_WORDS[stat])
        if side is None:
            q = ph.pick(
                [
                    f"who had the most {word} in {ph.fixture(m)}?",
                    f"most {word} in {ph.fixture(m)}?",
                    f"which player had the most {word} in {ph.fixture(m)}",
                    f"who made the most {word} in the {ph.fixture(m)} game?",
                ]
            )
        else:
            opp = "away" if side == "home" else "home"
            t = ph.team(m[side], m[opp], bare=True)
            q = ph.pick(
                [
                    f"who had the most {word} for {t} {ph.opponent(m, side)}?",
                    f"which {t} player had the most {word} {ph.opponent(m, side)}",
                    f"most {word} for {t} {ph.opponent(m, side)}?",
                ]
            )
        out.append({"question": ph.finish(q), "gold": names, "match_id": m["id"]})
    return out


def formation_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        side = ph.pick(["home", "away"])
        opp = "away" if side == "home" else "home"
        t = ph.team(m[side], m[opp], bare=True)
        q = ph.pick(
            [
                f"what formation did {t} start with {ph.opponent(m, side)}?",
                f"{t} formation {ph.opponent(m, side)}?",
                f"what system did {t} line up in {ph.opponent(m, side)}",
                f"which formation did {t} use from the start {ph.opponent(m, side)}?",
                f"what shape did {t} start in {ph.opponent(m, side)}?",
            ]
        )
        out.append({"question": ph.finish(q), "gold": [m["formations"][side]], "match_id": m["id"]})
    return out


def referee_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        if not m["referee"]:
            continue
        fx = ph.fixture(m)
        q = ph.pick(
            [
                f"who was the referee for {fx}?",
                f"who reffed {fx}",
                f"ref for {fx}?",
                f"who refereed {fx}?",
                f"which referee took charge of {fx}?",
                f"who was the ref in {fx}",
            ]
        )
        out.append({"question": ph.finish(q), "gold": [m["referee"]], "match_id": m["id"]})
    return out


def motm_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for m in matches:
        if not m["motm"]:
            continue
        fx = ph.fixture(m)
        q = ph.pick(
            [
                f"who was man of the match in {fx}?",
                f"motm {fx}?",
                f"who was the highest rated player in {fx}?",
                f"best player in {fx} according to the ratings?",
                f"who had the top whoscored rating in {fx}",
                f"player of the match {fx}?",
            ]
        )
        out.append({"question": ph.finish(q), "gold": [m["motm"]], "match_id": m["id"]})
    return out


def manager_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    # every (team, manager) spell first, so interim and sacked managers are covered
    seen = set()
    firsts, rest = [], []
    for m in matches:
        for side in ("home", "away"):
            key = (m[side], m["managers"][side])
            (rest if key in seen else firsts).append((m, side))
            seen.add(key)
    ph.rng.shuffle(firsts)
    for m, side in firsts + rest:
        mgr = m["managers"][side]
        if not mgr:
            continue
        opp = "away" if side == "home" else "home"
        t = ph.team(m[side], m[opp], bare=True)
        q = ph.pick(
            [
                f"who was {poss(t)} manager {ph.opponent(m, side)}?",
                f"who managed {t} {ph.opponent(m, side)}?",
                f"who was in charge of {t} {ph.opponent(m, side)}",
                f"{t} manager {ph.opponent(m, side)}?",
                f"who was the {t} boss {ph.opponent(m, side)}?",
            ]
        )
        out.append({"question": ph.finish(q), "gold": [MANAGER_GOLD.get(mgr, mgr)], "match_id": m["id"]})
    return out


# --------------------------------------------------------------------------------------- periods
def periods(matches: list[dict]) -> list[tuple[str, list[str], object]]:
    """(key, ways to say it, predicate on a date)."""
    out = []
    for mon, year in ((8, 2025), (9, 2025), (10, 2025), (11, 2025), (12, 2025)):
        name = MONTHS[mon - 1]
        out.append(
            (
                f"{year}-{mon:02d}",
                [f"in {name}", f"in {name}", f"during {name}", f"in {MON3[mon - 1]}", f"in {name} {year}"],
                lambda d, mon=mon, year=year: d.month == mon and d.year == year,
            )
        )
    out.append(
        (
            "2025",
            ["in 2025", "in calendar year 2025", "before the new year", "up to the end of 2025"],
            lambda d: d.year == 2025,
        )
    )
    out.append(
        (
            "aug-oct",
            ["between august and october", "from august to october", "in the first three months of the season"],
            lambda d: d.year == 2025 and 8 <= d.month <= 10,
        )
    )
    out.append(
        (
            "to-nov",
            ["up to the end of november", "before december", "by the end of november"],
            lambda d: d < dt.date(2025, 12, 1),
        )
    )
    out.append(
        (
            "all",
            ["so far this season", "this season", "this season so far", "in the league this season"],
            lambda d: True,
        )
    )
    return out


def team_records(matches: list[dict], pred) -> dict[str, collections.Counter]:
    rec = collections.defaultdict(collections.Counter)
    for m in matches:
        if not pred(m["date"]):
            continue
        for side, gf, ga in (("home", m["hs"], m["as"]), ("away", m["as"], m["hs"])):
            r = rec[m[side]]
            r["played"] += 1
            r["goals"] += gf
            r["conceded"] += ga
            r["clean sheets"] += ga == 0
            r["wins"] += gf > ga
            r["draws"] += gf == ga
            r["losses"] += gf < ga
            r["points"] += 3 if gf > ga else 1 if gf == ga else 0
    return rec


def player_records(matches: list[dict], pred) -> dict[str, collections.Counter]:
    rec = collections.defaultdict(collections.Counter)
    for m in matches:
        if not pred(m["date"]):
            continue
        for g in m["goals"]:
            if not g["own"]:
                rec[g["scorer"]]["goals"] += 1
            if g["assister"]:
                rec[g["assister"]]["assists"] += 1
        for pid, v in m["pstats"].items():
            rec[m["squad"][pid]["name"]]["shots"] += v.get("shots", 0)
    return rec


def team_period_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    ps = periods(matches)
    teams = sorted({m["home"] for m in matches})
    metrics = ["points", "goals", "clean sheets", "wins", "conceded", "points", "goals", "wins"]
    combos = [(t, p, k) for t in teams for p in ps for k in metrics]
    ph.rng.shuffle(combos)
    used = collections.Counter()
    for team, (key, says, pred), metric in combos:
        if used[team] >= 2 or used[key] >= 4:
            continue
        value = team_records(matches, pred)[team][metric]
        if value < 1 or value != team_records(matches + ph.partials, pred)[team][metric]:
            continue
        t = ph.team(team)
        when = ph.pick(says)
        q = {
            "points": [
                f"how many points did {t} get {when}?",
                f"{t} points {when}?",
                f"how many points have {t} picked up {when}",
            ],
            "goals": [
                f"how many goals did {t} score {when}?",
                f"how many goals have {t} scored {when}",
                f"{t} goals scored {when}?",
            ],
            "clean sheets": [f"how many clean sheets did {t} keep {when}?", f"{t} clean sheets {when}?"],
            "wins": [f"how many games did {t} win {when}?", f"how many wins did {t} have {when}", f"{t} wins {when}?"],
            "conceded": [
                f"how many goals did {t} concede {when}?",
                f"how many have {t} conceded {when}",
                f"goals conceded by {t} {when}?",
            ],
        }[metric]
        out.append({"question": ph.finish(ph.pick(q)), "gold": [str(value)]})
        used[team] += 1
        used[key] += 1
    return out


def player_period_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    ps = periods(matches)
    combos = []
    for key, says, pred in ps:
        rec = player_records(matches, pred)
        alt = player_records(matches + ph.partials, pred)
        for name, c in rec.items():
            for metric in ("goals", "assists"):
                if c[metric] != alt[name][metric]:
                    continue
                if c[metric] >= (2 if key in ("all", "2025", "aug-oct", "to-nov") else 1):
                    combos.append((c[metric], name, key, says, metric))
    combos.sort(key=lambda c: (-c[0], c[1], c[2], c[4]))
    ph.rng.shuffle(combos)
    combos.sort(key=lambda c: -min(c[0], 4))  # favour players with a real tally, keep variety
    used = collections.Counter()
    for value, name, key, says, metric in combos:
        if used[name] >= 1 or used[key] >= 4 or used[metric] >= 14:
            continue
        who = ph.player(name)
        if not who:
            continue
        when = ph.pick(says)
        if metric == "goals":
            q = ph.pick(
                [
                    f"how many goals did {who} score {when}?",
                    f"how many goals has {who} got {when}",
                    f"{who} goals {when}?",
                    f"how many times did {who} score {when}?",
                ]
            )
        else:
            q = ph.pick(
                [
                    f"how many assists did {who} get {when}?",
                    f"how many assists has {who} got {when}",
                    f"{who} assists {when}?",
                ]
            )
        out.append({"question": ph.finish(q), "gold": [str(value)]})
        used[name] += 1
        used[key] += 1
        used[metric] += 1
    return out


def ranking_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    out = []
    for key, says, pred in periods(matches):
        prec = player_records(matches, pred)
        trec = team_records(matches, pred)
        prec_alt = player_records(matches + ph.partials, pred)
        trec_alt = team_records(matches + ph.partials, pred)
        for metric, phr in (
            (
                "goals",
                [
                    "who scored the most goals in the league {w}?",
                    "top scorer {w}?",
                    "who was the premier league's top scorer {w}",
                    "who's the top goalscorer {w}?",
                ],
            ),
            (
                "assists",
                ["who had the most assists {w}?", "who got the most assists in the prem {w}", "top assister {w}?"],
            ),
            ("shots", ["which player took the most shots {w}?", "who had the most shots in the prem {w}"]),
        ):
            best = max(c[metric] for c in prec.values())
            top = sorted(n for n, c in prec.items() if c[metric] == best)
            best_alt = max(c[metric] for c in prec_alt.values())
            if top != sorted(n for n, c in prec_alt.items() if c[metric] == best_alt):
                continue
            if len(top) <= 2 and best >= 2:
                out.append({"question": ph.pick(phr).format(w=ph.pick(says)), "gold": top})
        for metric, phr, sign in (
            (
                "wins",
                ["which team won the most games {w}?", "who won the most matches {w}", "team with the most wins {w}?"],
                1,
            ),
            (
                "goals",
                [
                    "which team scored the most goals {w}?",
                    "highest scoring team {w}?",
                    "who scored the most goals as a team {w}",
                ],
                1,
            ),
            (
                "points",
                [
                    "which team got the most points {w}?",
                    "who picked up the most points {w}",
                    "best team {w} on points?",
                ],
                1,
            ),
            ("conceded", ["which team conceded the fewest goals {w}?", "best defence {w} (fewest conceded)?"], -1),
            ("clean sheets", ["which team kept the most clean sheets {w}?", "most clean sheets {w}?"], 1),
        ):
            best = max(sign * c[metric] for c in trec.values())
            top = sorted(t for t, c in trec.items() if sign * c[metric] == best)
            best_alt = max(sign * c[metric] for c in trec_alt.values())
            if top != sorted(t for t, c in trec_alt.items() if sign * c[metric] == best_alt):
                continue
            if len(top) <= 2 and all(TOKEN.get(t) for t in top):
                out.append({"question": ph.pick(phr).format(w=ph.pick(says)), "gold": [TOKEN[t] for t in top]})
    ph.rng.shuffle(out)
    picked, per = [], collections.Counter()
    for q in out:
        k = q["question"].split()[0] + q["question"].split()[-1]
        if per[k] >= 2:
            continue
        per[k] += 1
        picked.append({"question": ph.finish(q["question"]), "gold": q["gold"]})
    return picked


def unknown_questions(ph: Phraser, matches: list[dict]) -> list[dict]:
    played = {(m["home"], m["date"]) for m in matches} | {(m["away"], m["date"]) for m in matches}
    outsiders = [
        "leicester",
        "southampton",
        "ipswich",
        "luton",
        "sheffield united",
        "norwich",
        "watford",
        "middlesbrough",
        "celtic",
        "real madrid",
        "barcelona",
        "psg",
        "bayern",
        "wrexham",
        "coventry",
        "west brom",
        "rangers",
        "inter",
        "ajax",
        "stoke",
    ]
    # days in the covered months without any Premier League match (international breaks, midweeks)
    covered = {m["date"] for m in matches}
    free_days = [
        dt.date(2025, 9, 6),
        dt.date(2025, 9, 9),
        dt.date(2025, 10, 11),
        dt.date(2025, 10, 14),
        dt.date(2025, 11, 15),
        dt.date(2025, 11, 18),
        dt.date(2025, 9, 10),
        dt.date(2025, 10, 12),
    ]
    free_days = [d for d in free_days if d not in covered]
    teams = sorted(NICK)
    out = []
    for i in range(11):
        a = outsiders[i % len(outsiders)]
        b = ph.pick(outsiders[11:] + [ph.team(ph.pick(teams))]) if i % 3 == 0 else ph.team(ph.pick(teams))
        if a == b:
            continue
        pair = f"{a} vs {b}" if ph.rng.random() < 0.5 else f"{b} v {a}"
        q = ph.pick(
            [
                f"what was the score in {pair}?",
                f"who won {pair}?",
                f"who scored in {pair} this season",
                f"{pair} result?",
                f"who was the ref for {pair}?",
                f"how many shots did {a} have against {b}?",
            ]
        )
        out.append({"question": ph.finish(q), "gold": []})
    combos = [(a, b, d) for a in teams for b in teams if a < b for d in free_days]
    ph.rng.shuffle(combos)
    n = 0
    for a, b, d in combos:
        if (a, d) in played or (b, d) in played or n >= 12:
            continue
        n += 1
        pair = (
            f"{ph.team(a, b)} vs {ph.team(b, a)} on {ph.date(d)}"
            if ph.rng.random() < 0.6
            else f"{ph.team(a, b)} v {ph.team(b, a)} ({ph.date(d)})"
        )
        q = ph.pick(
            [
                f"what was the score in {pair}?",
                f"who won {pair}?",
                f"who scored in {pair}",
                f"{pair} result",
                f"who refereed {pair}?",
                f"how many corners did {ph.team(a, b)} get in {pair}?",
            ]
        )
        out.append({"question": ph.finish(q), "gold": []})
    return out


# --------------------------------------------------------------------------------------- follow-ups
def conversations(ph: Phraser, matches: list[dict]) -> list[dict]:
    by_pair = collections.defaultdict(list)
    for m in matches:
        by_pair[frozenset((m["home"], m["away"]))].append(m)
    out = []

    def first_turn(m):
        fx = ph.fixture(m, home_first=True, force_date=True)
        return {
            "question": ph.finish(ph.pick([f"what was the score in {fx}?", f"{fx} result?", f"how did {fx} finish?"])),
            "gold": [m["score"]],
            "match_id": m["id"],
        }

    # "what about the return match?" for every pair the data holds twice
    for pair in sorted(by_pair, key=lambda p: sorted(p)):
        ms = sorted(by_pair[pair], key=lambda m: m["date"])
        if len(ms) < 2:
            continue
        a, b = ms
        out.append(
            {
                "turns": [
                    first_turn(a),
                    {
                        "question": ph.pick(
                            [
                                "what about the return match?",
                                "and the reverse fixture?",
                                "what about the return game?",
                                "and the return leg?",
                            ]
                        ),
                        "gold": [b["score"]],
                        "match_id": b["id"],
                    },
                ]
            }
        )
    pool = [m for m in matches if m["goals_ok"]]
    ph.rng.shuffle(pool)
    seconds = ["scorers", "referee", "shots", "motm", "formation", "manager", "first_goal", "yellow"]
    i = 0
    for m in pool:
        if len(out) >= 40:
            break
        kind = seconds[i % len(seconds)]
        side = ph.pick(["home", "away"])
        opp = "away" if side == "home" else "home"
        if kind == "scorers":
            if not m["goals"] or any(g["own"] for g in m["goals"]):
                continue
            turn = {
                "question": ph.pick(["and who scored?", "who scored?", "and the scorers?", "who got the goals?"]),
                "gold": list(dict.fromkeys(g["scorer"] for g in m["goals"])),
            }
        elif kind == "referee":
            turn = {
                "question": ph.pick(["and the referee?", "who was the ref?", "and who reffed it?"]),
                "gold": [m["referee"]],
            }
        elif kind == "shots":
            if "shots" not in m["tstats"][side]:
                continue
            first = {
                "question": ph.finish(
                    f"did {ph.team(m[side], m[opp], bare=True)} beat {ph.team(m[opp], m[side])} on {ph.date(m['date'])}?"
                ),
                "gold": ["yes" if (m["hs"] > m["as"]) == (side == "home") and m["hs"] != m["as"] else "no", m["score"]],
                "match_id": m["id"],
            }
            out.append(
                {
                    "turns": [
                        first,
                        {
                            "question": ph.pick(["how many shots did they have?", "and how many shots did they have?"]),
                            "gold": [str(m["tstats"][side]["shots"])],
                            "match_id": m["id"],
                        },
                    ]
                }
            )
            i += 1
            continue
        elif kind == "motm":
            if not m["motm"]:
                continue
            turn = {
                "question": ph.pick(["who was man of the match?", "and the highest rated player?", "who was motm?"]),
                "gold": [m["motm"]],
            }
        elif kind == "formation":
            t = ph.team(m[side], m[opp], bare=True)
            turn = {
                "question": ph.pick([f"what formation did {t} play?", f"and {poss(t)} formation?"]),
                "gold": [m["formations"][side]],
            }
        elif kind == "manager":
            mgr = m["managers"][side]
            t = ph.team(m[side], m[opp], bare=True)
            turn = {
                "question": ph.pick([f"who was {poss(t)} manager that day?", f"and who managed {t}?"]),
                "gold": [MANAGER_GOLD.get(mgr, mgr)],
            }
        elif kind == "first_goal":
            if not m["goals"] or m["goals"][0]["stoppage"]:
                continue
            turn = {
                "question": ph.pick(["when was the first goal?", "what minute was the opener?"]),
                "gold": [m["goals"][0]["minute"]],
            }
        else:
            c = m["cards"][side]
            if m["staff_card"][side] or c["SecondYellow"] or c["Red"] or c["Yellow"] < 1:
                continue
            t = ph.team(m[side], m[opp], bare=True)
            turn = {
                "question": ph.pick([f"how many yellow cards did {t} get?", f"and how many bookings for {t}?"]),
                "gold": [str(c["Yellow"])],
            }
        turn["match_id"] = m["id"]
        out.append({"turns": [first_turn(m), turn]})
        i += 1
    for n, c in enumerate(out, start=1):
        c["id"] = f"blind-followup-{n:03d}"
        c["kind"] = "followup"
    return [{"id": c["id"], "kind": c["kind"], "turns": c["turns"]} for c in out]


# ------------------------------------------------------------------------------------------------ main
KIND_BUILDERS = [
    ("score", score_questions),
    ("scorers", scorers_questions),
    ("goal_minute", goal_minute_questions),
    ("assister", assister_questions),
    ("team_stat", team_stat_questions),
    ("card_count", card_count_questions),
    ("player_stat", player_stat_questions),
    ("player_leader", player_leader_questions),
    ("formation", formation_questions),
    ("referee", referee_questions),
    ("man_of_the_match", motm_questions),
    ("manager", manager_questions),
    ("team_period", team_period_questions),
    ("player_period", player_period_questions),
    ("ranking", ranking_questions),
    ("unknown_match", unknown_questions),
]


def build(data_dir: Path) -> tuple[list[dict], list[dict]]:
    loaded = [load_match(p) for p in sorted(data_dir.glob("*.json.gz"))]
    matches = sorted((m for m in loaded if not m.get("partial")), key=lambda m: (m["date"], m["id"]))
    rng = random.Random(SEED)
    ph = Phraser(rng, matches)
    ph.partials = [m for m in loaded if m.get("partial")]
    questions = []
    for kind, builder in KIND_BUILDERS:
        pool = list(matches)
        rng.shuffle(pool)
        made = builder(ph, pool)
        seen, kept = set(), []
        for q in made:
            if q["question"] in seen or (q.get("match_id") and q["match_id"] in seen):
                continue
            seen.add(q["question"])
            if q.get("match_id"):
                seen.add(q["match_id"])
            kept.append(q)
            if len(kept) >= PER_KIND:
                break
        for n, q in enumerate(kept, start=1):
            row = {"question": q["question"], "gold": q["gold"], "kind": kind}
            if q.get("match_id"):
                row["match_id"] = q["match_id"]
            row["id"] = f"blind-{kind}-{n:03d}"
            questions.append(row)
    convs = conversations(ph, matches)
    return questions, convs


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    questions, convs = build(data_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "questions.jsonl").write_text(
        "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8"
    )
    (OUT / "conversations.jsonl").write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in convs), encoding="utf-8"
    )
    counts = collections.Counter(q["kind"] for q in questions)
    for kind, _ in KIND_BUILDERS:
        print(f"{kind:18s} {counts[kind]}")
    print(f"{'followup':18s} {len(convs)} conversations")
    print(f"total questions {len(questions)}")


if __name__ == "__main__":
    main()
