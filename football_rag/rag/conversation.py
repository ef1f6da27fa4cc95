"""A conversation: each question answered with what the previous one was about, as the app's chat does.

The chat keeps what the last question resolved to and passes it with the next one (``Answerer.stream(question,
previous)``); a follow-up that names no team or player ("and who scored?", "how many shots did they have?")
inherits the previous teams, players and period. ``FollowUp`` is that resolution with what else a follow-up
needs: the previous route ("what about the return match?" asks what the previous question asked) and the
matches the answer rested on (the return match is the other meeting of the same two teams).

``Conversation`` carries it from turn to turn for the command line, and ``SessionStore`` keeps it in a file
under ``$FOOTBALL_RAG_HOME/sessions`` so that successive ``football-rag ask --session NAME`` calls continue.
A server keeps it in memory instead (``ConversationCache``: the app's chat and its REST API, by conversation id).
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path

import pandas as pd
from cachetools import TTLCache

from football_rag.data.atomic_files import atomic_write_bytes
from football_rag.rag.answer_model import Answer, Intent
from football_rag.rag.asked_back import AskedBack
from football_rag.rag.dates import Period
from football_rag.rag.entities import PlayerRef, Resolution
from football_rag.rag.intents import Route
from football_rag.rag.scope import NO_FILTERS, Filters

# "What about the return match?", "and the reverse fixture?": the other meeting of the previous match's teams.
# "What about the away game?" after one meeting is the other one too, and so is "and when they played again", "the
# second meeting" and "the rematch".
RETURN_MATCH = re.compile(
    r"\b(return|reverse|other|second|2nd) (match|game|fixture|leg|meeting)\b"
    r"|\bthe (away|home) (match|game|fixture|leg)\b|\bwhen they (played|met|faced each other) again\b|\bre-?match\b"
)
# "The second meeting": the later of the two, which may be the match just asked about.
SECOND_MEETING = re.compile(r"\b(second|2nd) (match|game|fixture|leg|meeting)\b")
_SESSION_NAME = re.compile(r"^[\w.-]{1,64}$")


@dataclass
class FollowUp(Resolution):
    """What a question resolved to, with its route and the matches its answer rested on (for the next question)."""

    route: Route | None = None
    match_ids: list[str] = field(default_factory=list)
    asked_back: AskedBack | None = None  # the question this answer asked back about, for the reply to settle

    @classmethod
    def of(cls, resolution: Resolution, route: Route | None, match_ids: list[str]) -> FollowUp:
        """Return ``resolution`` carrying ``route`` and ``match_ids``."""
        kept = {f.name: getattr(resolution, f.name) for f in fields(Resolution)}
        return cls(**kept, route=route, match_ids=list(dict.fromkeys(match_ids)))

    def to_json(self) -> dict:
        """Return the context as JSON-ready data (ambiguities aside: a follow-up never inherits them)."""
        return {
            "teams": self.teams,
            "unknown_teams": self.unknown_teams,
            "players": [{**asdict(p), "matches": sorted(p.matches)} for p in self.players],
            "period": None
            if self.period is None
            else [str(self.period.start), str(self.period.end), self.period.label],
            "wants_last_match": self.wants_last_match,
            "competition": self.competition,
            "against": None if self.against is None else list(self.against),
            "route": None if self.route is None else {**asdict(self.route), "intent": self.route.intent.value},
            "match_ids": self.match_ids,
            "asked_back": None if self.asked_back is None else asdict(self.asked_back),
        }

    @classmethod
    def from_json(cls, data: dict) -> FollowUp:
        """Return the context ``to_json`` wrote."""
        period = data.get("period")
        route, asked = data.get("route"), data.get("asked_back")
        return cls(
            teams=list(data.get("teams", [])),
            unknown_teams=list(data.get("unknown_teams", [])),
            players=[
                PlayerRef(p["player_id"], p["name"], tuple(p["teams"]), frozenset(p["matches"]))
                for p in data.get("players", [])
            ],
            period=None
            if not period
            else Period(date.fromisoformat(period[0]), date.fromisoformat(period[1]), period[2]),
            wants_last_match=bool(data.get("wants_last_match")),
            competition=data.get("competition"),
            against=None if not data.get("against") else (data["against"][0], data["against"][1]),
            route=None if not route else Route(**{**route, "intent": Intent(route["intent"])}),
            match_ids=list(data.get("match_ids", [])),
            asked_back=None if not asked else AskedBack(**{**asked, "options": tuple(asked["options"])}),
        )


def return_match(matches: pd.DataFrame, match_id: str, later: bool = False) -> str | None:
    """Return the other meeting of ``match_id``'s teams in its season, home and away swapped (the latest), or None
    (another season's meeting is no return match); ``later``: the later of the two ("the second meeting"), which is
    ``match_id`` itself when the other was played first."""
    first = matches.loc[matches["match_id"] == match_id].iloc[0]
    season = matches["season"].fillna("") == ("" if pd.isna(first["season"]) else first["season"])
    other = matches[(matches["home"] == first["away"]) & (matches["away"] == first["home"]) & season]
    if other.empty:
        return None
    found = other.sort_values("date").iloc[-1]
    return match_id if later and found["date"] < first["date"] else str(found["match_id"])


class Conversation:
    """Questions answered in order, each with the context the previous answer left (as the app's chat does), kept to
    the ``chosen`` season and competition unless a question names its own."""

    def __init__(self, answerer, context: FollowUp | None = None, chosen: Filters = NO_FILTERS) -> None:
        self.answerer = answerer
        self.context = context
        self.chosen = chosen

    def ask(self, question: str) -> Answer:
        """Answer ``question`` as the next turn; keep what it resolved to for the turn after."""
        answer, self.context = self.answerer.ask(question, self.context, self.chosen)  # the context is a FollowUp
        return answer


class SessionStore:
    """Conversations kept between command-line calls: one JSON file per session name."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, name: str) -> Path:
        if not _SESSION_NAME.match(name):
            raise ValueError(f"a session name is 1-64 letters, digits, '.', '_' or '-': {name!r}")
        return self.folder / f"{name}.json"

    def load(self, name: str) -> FollowUp | None:
        """Return the session's context, or None for a new session."""
        path = self._path(name)
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        return None if data is None else FollowUp.from_json(data)

    def save(self, name: str, context: FollowUp | None) -> None:
        """Keep the session's context for its next question (written atomically)."""
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(None if context is None else context.to_json()).encode("utf-8"))


class ConversationCache:
    """Conversations a server keeps in memory: each id's last context, at most ``size`` of them, each forgotten
    ``ttl_s`` seconds after its last turn (``cachetools.TTLCache``, behind a lock: server threads share it)."""

    def __init__(self, size: int, ttl_s: int, timer: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        self._contexts: TTLCache = TTLCache(maxsize=size, ttl=ttl_s, timer=timer)
        self._lock = threading.Lock()

    @staticmethod
    def new_id() -> str:
        """Return a fresh conversation id (random, so one client cannot guess another's)."""
        return uuid.uuid4().hex

    def __contains__(self, conversation_id: str) -> bool:
        with self._lock:
            return conversation_id in self._contexts

    def get(self, conversation_id: str) -> Resolution | None:
        """Return what the conversation's last question resolved to, or None (new, unknown or expired)."""
        with self._lock:
            return self._contexts.get(conversation_id)

    def put(self, conversation_id: str, context: Resolution | None) -> None:
        """Keep ``context`` for the conversation's next question (restarting its expiry)."""
        with self._lock:
            self._contexts[conversation_id] = context

    def __len__(self) -> int:
        with self._lock:
            return len(self._contexts)
